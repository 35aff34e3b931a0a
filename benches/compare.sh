#!/usr/bin/env bash
# Reproduces every figure of BENCHMARKS.md in one run: cniplan check against a bare
# serde_yaml parse (cargo run --example bare-parse) and the Python peer
# (../shared/bench/reference.py), on ../shared/bench/gen_plan.py workloads; and cniplan
# check of a Terraform plan JSON (benches/gen_tfplan.py: 1,000 clusters, 1,000 VNets, 20,000
# subnets) against a bare serde_json parse (cargo run --example bare-parse-json).
# Needs hyperfine, GNU time (/usr/bin/time), python3 with PyYAML, and ../shared beside the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=../shared/bench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --bin cniplan --example bare-parse --example bare-parse-json
cniplan=target/release/cniplan
bare=target/release/examples/bare-parse
bare_json=target/release/examples/bare-parse-json

python3 "$bench/gen_plan.py" estate --vnets 2000 --subnets 50 > "$work/estate.yaml"
python3 "$bench/gen_plan.py" cluster --pools 5 --nodes 1000 > "$work/cluster.yaml"
python3 benches/gen_tfplan.py --teams 1000 --subnets 20 > "$work/estate.tfplan.json"
walkthrough=examples/aks-dynamic-ip/plan.yaml
mkdir -p "$work/tree"
for i in $(seq 0 999); do
  mkdir -p "$work/tree/team$((i / 50))/svc$i"
  cp "$walkthrough" "$work/tree/team$((i / 50))/svc$i/cniplan.yaml"
done

echo "== wall time (hyperfine, mean ± σ)"
hyperfine --warmup 2 --runs 10 --style basic \
  -n "estate: bare serde_yaml parse" "$bare $work/estate.yaml" \
  -n "estate: cniplan check" "$cniplan check -q --format json $work/estate.yaml" \
  -n "estate: cniplan check, 1 thread" "RAYON_NUM_THREADS=1 $cniplan check -q --format json $work/estate.yaml"
# Issue 11's target: check of the Terraform plan within 2x of the bare serde_json parse.
hyperfine --warmup 2 --runs 10 --style basic \
  -n "tfplan: bare serde_json parse" "$bare_json $work/estate.tfplan.json" \
  -n "tfplan: cniplan check" "$cniplan check -q --format json $work/estate.tfplan.json" \
  -n "tfplan: cniplan check, 1 thread" "RAYON_NUM_THREADS=1 $cniplan check -q --format json $work/estate.tfplan.json"
hyperfine --warmup 1 --runs 3 --style basic \
  -n "estate: reference.py" "python3 $bench/reference.py $work/estate.yaml"
hyperfine --warmup 2 --runs 10 --style basic \
  -n "cluster: bare serde_yaml parse" "$bare $work/cluster.yaml" \
  -n "cluster: cniplan check" "$cniplan check -q --format json $work/cluster.yaml" \
  -n "cluster: reference.py" "python3 $bench/reference.py $work/cluster.yaml"
hyperfine --warmup 5 --runs 30 -N --style basic \
  -n "walkthrough: cniplan check (incl. process start)" "$cniplan check -q $walkthrough"
hyperfine --warmup 2 --runs 10 --style basic \
  -n "1,000 plans: 1 thread" "RAYON_NUM_THREADS=1 $cniplan check -q --format json $work/tree" \
  -n "1,000 plans: 2 threads" "RAYON_NUM_THREADS=2 $cniplan check -q --format json $work/tree"

echo "== peak memory (GNU time, max resident set size)"
peak() { /usr/bin/time -f "%M KB  $1" "${@:2}" > /dev/null 2> >(tail -1 >&2); }
peak "estate: bare serde_yaml parse" $bare "$work/estate.yaml"
peak "estate: cniplan check" $cniplan check -q --format json "$work/estate.yaml"
peak "estate: reference.py" python3 "$bench/reference.py" "$work/estate.yaml"
peak "cluster: bare serde_yaml parse" $bare "$work/cluster.yaml"
peak "cluster: cniplan check" $cniplan check -q --format json "$work/cluster.yaml"
peak "tfplan: bare serde_json parse" $bare_json "$work/estate.tfplan.json"
peak "tfplan: cniplan check" $cniplan check -q --format json "$work/estate.tfplan.json"
wait
