#!/usr/bin/env bash
# Builds cniplan's wheel with maturin, installs it into a fresh virtual environment, and checks
# that the `cniplan` it puts on PATH lints the walkthrough exactly as the README shows; then
# runs action.yml's steps as a runner would (scripts/action_steps.py), installing that wheel.
#
#   bash scripts/test-wheel.sh            # release build, as published
#   bash scripts/test-wheel.sh --profile dev
#
# Needs python3 (with venv) and cargo; maturin comes from PyPI into a throwaway environment.
# The wheel is left in target/wheels/ (for `pip install` or a local pre-commit hook).
# Exit codes: 0 passed, 1 failed, 77 skipped because maturin cannot be installed (no network).
set -euo pipefail
cd "$(dirname "$0")/.."

profile=release
case "${1:-}" in
  "") ;;
  --profile) profile="${2:?--profile needs release or dev}" ;;
  *) echo "usage: $0 [--profile release|dev]" >&2; exit 2 ;;
esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
started=$SECONDS
step_started=$SECONDS
timings=()
timed() { # record how long the step since the last call took
  timings+=("$(printf '%-28s %4ds' "$1" $((SECONDS - step_started)))")
  step_started=$SECONDS
}

# 1. maturin, pinned as pyproject.toml's build-system pins it, and PyYAML for action_steps.py,
#    in an environment of their own.
python3 -m venv "$work/tools"
if ! "$work/tools/bin/python" -m pip install --quiet --disable-pip-version-check \
    --retries 1 --timeout 30 'maturin>=1.9,<2' pyyaml >"$work/pip.log" 2>&1; then
  echo "test-wheel: SKIPPED: maturin cannot be installed from PyPI (no network?); pip said:" >&2
  tail -n 5 "$work/pip.log" >&2
  exit 77
fi
timed "install maturin"

# 2. The wheel, with the committed Cargo.lock (pyproject.toml: locked = true).
version="$(cargo pkgid --quiet | sed 's/.*[#@]//')"
rm -f target/wheels/cniplan-*.whl
"$work/tools/bin/maturin" build --quiet --profile "$profile" --out target/wheels
wheel="$(ls target/wheels/cniplan-"$version"-*.whl)"
timed "maturin build ($profile)"

# 3. A fresh environment with nothing but the wheel: no index, no network, no Rust.
python3 -m venv "$work/run"
"$work/run/bin/python" -m pip install --quiet --disable-pip-version-check --no-index "$wheel"
timed "install the wheel"

fail() { echo "test-wheel: FAILED: $*" >&2; exit 1; }
export PATH="$work/run/bin:$PATH"
[ "$(command -v cniplan)" = "$work/run/bin/cniplan" ] || fail "cniplan is not the wheel's: $(command -v cniplan)"
installed="$("$work/run/bin/python" -m pip show cniplan | sed -n 's/^Version: //p')"
[ "$installed" = "$version" ] || fail "the wheel is version $installed, Cargo.toml says $version"
[ "$(cniplan --version)" = "cniplan $version" ] || fail "cniplan --version says $(cniplan --version)"

# 4. The walkthrough, compared with the README's block as tests/suite/cli.rs
#    (the_readme_shows_the_walkthroughs_real_output) extracts it: a warning only, exit 0.
python3 - README.md >"$work/expected.txt" <<'PY'
import sys
readme = open(sys.argv[1], encoding="utf-8").read()
start = readme.index("```text\nservice-cidr-overlap") + len("```text\n")
sys.stdout.write(readme[start:readme.index("```", start)])
PY
status=0
COLUMNS=100 cniplan check --color never examples/aks-dynamic-ip/plan.yaml >"$work/actual.txt" || status=$?
[ "$status" -eq 0 ] || fail "cniplan check exited $status, the walkthrough has a warning only (0)"
diff -u "$work/expected.txt" "$work/actual.txt" || fail "the output differs from the README's walkthrough"

# 5. The CSV, read by Python's csv module: 4 subnets, the pod subnet's peak 753.
cniplan check --format csv --output "$work/capacity.csv" examples/aks-dynamic-ip/plan.yaml
python3 - "$work/capacity.csv" <<'PY' || fail "the CSV is not the walkthrough's capacity"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
assert len(rows) == 4, rows
pod = next(r for r in rows if r["name"] == "podsubnet")
assert pod["peak_demand"] == "753", pod
PY
timed "run the wheel's cniplan"

# 6. action.yml on two plans at fail-on warning: cniplan==VERSION comes from the wheel above
#    (no index), the summary holds both capacity tables, the SARIF is written, and the last
#    step fails with check's exit code 1.
mkdir "$work/action"
PIP_NO_INDEX=1 PIP_FIND_LINKS="$PWD/target/wheels" "$work/tools/bin/python" scripts/action_steps.py \
  "$work/action" "paths=examples/aks-dynamic-ip/plan.yaml examples/kubenet-to-overlay/plan.yaml" \
  fail-on=warning sarif=true >"$work/action.json" 2>"$work/action.log" \
  || { cat "$work/action.log" >&2; fail "action_steps.py could not run action.yml"; }
python3 - "$work/action.json" <<'PY' || { cat "$work/action.log" >&2; fail "action.yml did not do its job"; }
import json, sys
run = json.load(open(sys.argv[1], encoding="utf-8"))
outcomes = [step[1] for step in run["steps"]]
assert outcomes == ["success"] * 4 + ["not run (uses)", "failure"], run["steps"]
assert run["outputs"]["check"]["exit-code"] == "1", run["outputs"]
assert run["steps"][4][3]["sarif_file"] == run["outputs"]["sarif"]["file"], run["steps"][4]
sarif = json.load(open(run["outputs"]["sarif"]["file"], encoding="utf-8"))
assert sarif["version"] == "2.1.0", sarif.get("version")
summary = run["summary"]
for line in ["Found 2 errors, 2 warnings in 2 files.",
             "### Capacity of `examples/aks-dynamic-ip/plan.yaml`",
             "| podsubnet | 10.241.0.0/16 | pod | 65,531 | 502 | 753 | 1.1 % | - | nodepool1: 261 at 251 IPs/node |",
             "### Capacity of `examples/kubenet-to-overlay/plan.yaml`"]:
    assert line in summary.splitlines(), (line, summary)
PY
timed "run action.yml's steps"

echo "test-wheel: PASSED: $wheel ($(du -k "$wheel" | cut -f1) KiB) installs, checks the walkthrough as the README shows, and runs action.yml"
printf '  %s\n' "${timings[@]}"
printf '  %-28s %4ds\n' "total" $((SECONDS - started))
