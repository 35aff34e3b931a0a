#!/bin/sh
# Copies the repository's plans into the fuzz corpora (which git ignores), so a run starts
# from real plans instead of from nothing. Run from anywhere; safe to run again.
#   load_check:      examples/**/*.yaml|yml, tests/fixtures/*.yaml, tests/bad-input/*,
#                    and the saved regressions/load_check-*
#   structured_plan: the saved regressions/structured_plan-*.bin (its inputs are not YAML)
#   terraform_hcl:   every .tf file under tests/ (fixtures, real configurations, bad input)
#   terraform_json:  every .tf.json file under tests/ (each alone: no override file), and
#                    the saved regressions/terraform_json-*
#   arm_template:    tests/bad-input/arm-*.json, tests/fixtures/*.json, tests/imported/arm/*.json,
#                    and the saved regressions/arm_template-*
#   terraform_plan:  tests/fixtures/terraform/*.json, tests/real/terraform/**/*.json,
#                    tests/bad-input/tfplan-* and the saved regressions/terraform_plan-*
#   yaml_pieces:     the load_check plans, each behind a byte choosing the piece size
#   bicep:           every .bicep and .bicepparam file under tests/
set -eu
fuzz_dir=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$fuzz_dir")
mkdir -p "$fuzz_dir/corpus/load_check" "$fuzz_dir/corpus/structured_plan" \
    "$fuzz_dir/corpus/terraform_hcl" "$fuzz_dir/corpus/terraform_json" "$fuzz_dir/corpus/arm_template" \
    "$fuzz_dir/corpus/terraform_plan" \
    "$fuzz_dir/corpus/yaml_pieces" "$fuzz_dir/corpus/bicep"

seed() { # TARGET FILE...
    target=$1
    shift
    for f in "$@"; do
        [ -f "$f" ] || continue
        case "$f" in */bad-input/expected.txt | *.md) continue ;; esac
        # Nothing over 1 MiB (e.g. a generated 50 MB plan): -max_len would cut it anyway.
        [ "$(wc -c <"$f")" -le 1048576 ] || continue
        rel=${f#"$root"/}
        cp "$f" "$fuzz_dir/corpus/$target/seed-$(printf %s "$rel" | tr '/' '_')"
    done
}

seed load_check \
    $(find "$root/examples" -type f \( -name '*.yaml' -o -name '*.yml' \) | sort) \
    "$root"/tests/fixtures/*.yaml \
    "$root"/tests/bad-input/* \
    "$fuzz_dir"/regressions/load_check-*
seed structured_plan "$fuzz_dir"/regressions/structured_plan-*.bin
seed terraform_hcl $(find "$root/tests" -type f -name '*.tf' | sort)
seed terraform_json $(find "$root/tests" -type f -name '*.tf.json' | sort) "$fuzz_dir"/regressions/terraform_json-*

seed arm_template \
    "$root"/tests/bad-input/arm-*.json \
    "$root"/tests/fixtures/*.json \
    "$root"/tests/imported/arm/*.json \
    "$fuzz_dir"/regressions/arm_template-*

seed terraform_plan \
    "$root"/tests/fixtures/terraform/*.json \
    $(find "$root/tests/real/terraform" -type f -name '*.json' | sort) \
    "$root"/tests/bad-input/tfplan-* \
    "$fuzz_dir"/regressions/terraform_plan-*

# yaml_pieces reads its first byte as the piece size: 7 cuts a plan every few lines.
for f in "$fuzz_dir"/corpus/load_check/seed-*; do
    [ -f "$f" ] || continue
    { printf '\007'; cat "$f"; } >"$fuzz_dir/corpus/yaml_pieces/$(basename "$f")"
done

seed bicep $(find "$root/tests" -type f \( -name '*.bicep' -o -name '*.bicepparam' \) | sort)

for t in load_check structured_plan terraform_hcl terraform_json arm_template terraform_plan yaml_pieces bicep; do
    echo "corpus/$t: $(ls "$fuzz_dir/corpus/$t" | wc -l) files"
done
