#!/usr/bin/env bash
# Reproduces every figure of BENCHMARKS.md in one run: cniplan check against a bare
# serde_yaml parse (cargo run --example bare-parse) and the Python peer
# (../shared/bench/reference.py), on ../shared/bench/gen_plan.py workloads; and cniplan
# check of a Terraform plan JSON (benches/gen_tfplan.py: 1,000 clusters, 1,000 VNets, 20,000
# subnets) against a bare serde_json parse (cargo run --example bare-parse-json); and
# simulate --churn on one cluster of 250 to 2,000 nodes (1,000 to 10,000 trials), and report of
# the 5,000-node cluster with its full trials; and what users run on a repository (issue 24):
# a generated Terraform monorepo (benches/gen_tf_monorepo.py: 200 root modules, 20,000 subnets)
# against a bare hcl-edit parse of its files (cargo run --example bare-parse-hcl), a generated
# ARM estate (benches/gen_arm_estate.py: nested deployments and copy loops, 20,000 subnets)
# against a bare serde_json parse, and the monorepo walked on 1 and 2 threads; and a generated
# Bicep estate (benches/gen_bicep_estate.py: 200 files, 1,000 VNets, 20,000 subnets, issue 22)
# against tree-sitter-bicep parsing the same files (cargo run --example bare-parse-bicep). Ratios come from
# runs alternated within one round (benches/alternate.py). With BASELINE=path/to/an/older/cniplan,
# the churn figures are also taken against that binary, alternated.
# Needs hyperfine, GNU time (/usr/bin/time), python3 with PyYAML, and ../shared beside the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=../shared/bench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --bin cniplan --example bare-parse --example bare-parse-json --example bare-parse-hcl --example bare-parse-bicep
cniplan=target/release/cniplan
bare=target/release/examples/bare-parse
bare_json=target/release/examples/bare-parse-json
bare_hcl=target/release/examples/bare-parse-hcl
bare_bicep=target/release/examples/bare-parse-bicep
alternate="python3 benches/alternate.py"
echo "== machine: $(nproc) cores, $(uptime | sed 's/.*load/load/'), commit $(git rev-parse --short HEAD)"

python3 "$bench/gen_plan.py" estate --vnets 2000 --subnets 50 --overlaps 10 > "$work/estate.yaml"
# Half the estate, for "doubling the estate at most doubles the time".
python3 "$bench/gen_plan.py" estate --vnets 1000 --subnets 50 --overlaps 10 > "$work/estate-half.yaml"
python3 "$bench/gen_plan.py" cluster --pools 5 --nodes 1000 > "$work/cluster.yaml"
python3 benches/gen_tfplan.py --teams 1000 --subnets 20 > "$work/estate.tfplan.json"
python3 benches/gen_tf_monorepo.py "$work/tf-monorepo"
python3 benches/gen_arm_estate.py "$work/arm-estate"
# Issue 19: memory for any input within a small multiple of its size: 35,000 resources, 8.3 MB.
python3 benches/gen_tf_resources.py "$work/tf-resources"

python3 benches/gen_bicep_estate.py "$work/bicep-estate"
walkthrough=examples/aks-dynamic-ip/plan.yaml
mkdir -p "$work/tree"
for i in $(seq 0 999); do
  mkdir -p "$work/tree/team$((i / 50))/svc$i"
  cp "$walkthrough" "$work/tree/team$((i / 50))/svc$i/cniplan.yaml"
done

echo "== wall time (hyperfine, mean ± σ)"
hyperfine --warmup 2 --runs 10 --style basic \
  -n "estate: bare serde_yaml parse" "$bare $work/estate.yaml" \
  -n "estate: cniplan check" "$cniplan check -q --fail-on never --format json $work/estate.yaml" \
  -n "estate: cniplan check, 1 thread" "RAYON_NUM_THREADS=1 $cniplan check -q --fail-on never --format json $work/estate.yaml" \
  -n "half estate: cniplan check" "$cniplan check -q --fail-on never --format json $work/estate-half.yaml"
# Issue 11's target: check of the Terraform plan within 2x of the bare serde_json parse.
hyperfine --warmup 2 --runs 10 --style basic \
  -n "tfplan: bare serde_json parse" "$bare_json $work/estate.tfplan.json" \
  -n "tfplan: cniplan check" "$cniplan check -q --fail-on never --format json $work/estate.tfplan.json" \
  -n "tfplan: cniplan check, 1 thread" "RAYON_NUM_THREADS=1 $cniplan check -q --fail-on never --format json $work/estate.tfplan.json"
hyperfine --warmup 1 --runs 3 --style basic \
  -n "estate: reference.py" "python3 $bench/reference.py $work/estate.yaml"
hyperfine --warmup 2 --runs 10 --style basic \
  -n "cluster: bare serde_yaml parse" "$bare $work/cluster.yaml" \
  -n "cluster: cniplan check" "$cniplan check -q --fail-on never --format json $work/cluster.yaml" \
  -n "cluster: reference.py" "python3 $bench/reference.py $work/cluster.yaml"
hyperfine --warmup 5 --runs 30 -N --style basic \
  -n "walkthrough: cniplan check (incl. process start)" "$cniplan check -q $walkthrough"
hyperfine --warmup 2 --runs 10 --style basic \
  -n "1,000 plans: 1 thread" "RAYON_NUM_THREADS=1 $cniplan check -q --fail-on never --format json $work/tree" \
  -n "1,000 plans: 2 threads" "RAYON_NUM_THREADS=2 $cniplan check -q --fail-on never --format json $work/tree"

# simulate --churn (issue 13): one cluster of N nodes (a 3-node system pool and a work pool
# from N/2 to N-3 nodes at 40 pods per node), dynamic pod subnet; time against nodes and trials.
churn_plan() {
  cat <<EOF
version: 1
vnets:
  - name: vnet
    address_space: [10.0.0.0/8]
    subnets:
      - {name: nodes, cidr: 10.0.0.0/16}
      - {name: pods, cidr: 10.16.0.0/12}
clusters:
  - name: big
    service_cidr: 172.16.0.0/16
    dns_service_ip: 172.16.0.10
    node_pools:
      - {name: system, node_count: 3, max_pods: 30, pods_per_node: 20, vnet_subnet: nodes, pod_subnet: pods}
      - {name: work, min_count: $(($1 / 2)), max_count: $(($1 - 3)), max_pods: 110, pods_per_node: 40, vnet_subnet: nodes, pod_subnet: pods}
EOF
}
for n in 250 500 1000 2000; do churn_plan $n > "$work/churn$n.yaml"; done
echo "== churn (hyperfine, mean ± σ)"
hyperfine --warmup 1 --runs 5 --style basic -i \
  -n "churn: 250 nodes, 1,000 trials" "$cniplan simulate --churn --trials 1000 $work/churn250.yaml" \
  -n "churn: 500 nodes, 1,000 trials" "$cniplan simulate --churn --trials 1000 $work/churn500.yaml" \
  -n "churn: 1,000 nodes, 1,000 trials" "$cniplan simulate --churn --trials 1000 $work/churn1000.yaml" \
  -n "churn: 2,000 nodes, 1,000 trials" "$cniplan simulate --churn --trials 1000 $work/churn2000.yaml" \
  -n "churn: 1,000 nodes, 1,000 trials, 1 thread" "RAYON_NUM_THREADS=1 $cniplan simulate --churn --trials 1000 $work/churn1000.yaml"
hyperfine --warmup 0 --runs 3 --style basic \
  -n "churn: 1,000 nodes, 2,500 trials" "$cniplan simulate --churn --trials 2500 $work/churn1000.yaml" \
  -n "churn: 1,000 nodes, 10,000 trials" "$cniplan simulate --churn --trials 10000 $work/churn1000.yaml"

# Issue 24: 10,000 trials of the 1,000-node cluster within 1 s; report of the 5,000-node
# cluster (5 pools × 1,000 nodes, 10 to 210 pods per node) with its full 1,000 trials within 2 s.
hyperfine --warmup 1 --runs 5 --style basic \
  -n "report: 5,000-node cluster, 1,000 trials" "$cniplan report --fail-on never --trials 1000 -o $work/report.html $work/cluster.yaml"
if [ -n "${BASELINE:-}" ]; then
  echo "== churn against $BASELINE (alternated)"
  $alternate --rounds 5 \
    "baseline: 1,000 nodes, 1,000 trials=$BASELINE simulate --churn --trials 1000 $work/churn1000.yaml" \
    "cniplan: 1,000 nodes, 1,000 trials=$cniplan simulate --churn --trials 1000 $work/churn1000.yaml"
  $alternate --rounds 3 --warmup 0 \
    "baseline: 1,000 nodes, 10,000 trials=$BASELINE simulate --churn --trials 10000 $work/churn1000.yaml" \
    "cniplan: 1,000 nodes, 10,000 trials=$cniplan simulate --churn --trials 10000 $work/churn1000.yaml"
  $alternate --rounds 3 --warmup 0 \
    "baseline: report, 5,000 nodes, 1,000 trials=$BASELINE report --fail-on never --trials 1000 -o $work/report-old.html $work/cluster.yaml" \
    "cniplan: report, 5,000 nodes, 1,000 trials=$cniplan report --fail-on never --trials 1000 -o $work/report.html $work/cluster.yaml"
fi

echo "== what users run on a repository (issue 24; alternated, ratios within each round)"
# Terraform monorepo within 2× of parsing its .tf files; ARM estate within 2× of parsing its JSON.
$alternate --rounds 10 \
  "tf monorepo: bare hcl-edit parse=$bare_hcl $work/tf-monorepo" \
  "tf monorepo: cniplan check DIR=$cniplan check -q --fail-on never --format json $work/tf-monorepo"
$alternate --rounds 10 \
  "arm estate: bare serde_json parse=$bare_json $work/arm-estate/estate.json $work/arm-estate/estate.parameters.json" \
  "arm estate: cniplan check DIR=$cniplan check -q --fail-on never --format json $work/arm-estate"
# Issue 22: the Bicep estate checked within 2× of tree-sitter-bicep parsing its files.
$alternate --rounds 10 \
  "bicep estate: tree-sitter-bicep parse=$bare_bicep $work/bicep-estate" \
  "bicep estate: cniplan check DIR=$cniplan check -q --fail-on never --format json $work/bicep-estate"
# The walk at least 1.7x faster on 2 threads than on 1.
$alternate --rounds 10 \
  "tf monorepo walk: 2 threads=RAYON_NUM_THREADS=2 $cniplan check -q --fail-on never --format json $work/tf-monorepo" \
  "tf monorepo walk: 1 thread=RAYON_NUM_THREADS=1 $cniplan check -q --fail-on never --format json $work/tf-monorepo"
hyperfine --warmup 1 --runs 10 --style basic \
  -n "tf monorepo: bare hcl-edit parse" "$bare_hcl $work/tf-monorepo" \
  -n "tf monorepo: cniplan check DIR" "$cniplan check -q --fail-on never --format json $work/tf-monorepo" \
  -n "arm estate: bare serde_json parse" "$bare_json $work/arm-estate/estate.json $work/arm-estate/estate.parameters.json" \
  -n "arm estate: cniplan check DIR" "$cniplan check -q --fail-on never --format json $work/arm-estate" \
  -n "bicep estate: tree-sitter-bicep parse" "$bare_bicep $work/bicep-estate" \
  -n "bicep estate: cniplan check DIR" "$cniplan check -q --fail-on never --format json $work/bicep-estate"

echo "== peak memory (GNU time, max resident set size)"
peak() { /usr/bin/time -f "%M KB  $1" "${@:2}" > /dev/null 2> >(tail -1 >&2); }
peak "estate: bare serde_yaml parse" $bare "$work/estate.yaml"
peak "estate: cniplan check" $cniplan check -q --fail-on never --format json "$work/estate.yaml"
peak "estate: reference.py" python3 "$bench/reference.py" "$work/estate.yaml"
peak "cluster: bare serde_yaml parse" $bare "$work/cluster.yaml"
peak "cluster: cniplan check" $cniplan check -q --fail-on never --format json "$work/cluster.yaml"
peak "tfplan: bare serde_json parse" $bare_json "$work/estate.tfplan.json"
peak "tfplan: cniplan check" $cniplan check -q --fail-on never --format json "$work/estate.tfplan.json"
peak "tf monorepo: bare hcl-edit parse" $bare_hcl "$work/tf-monorepo"
peak "tf monorepo: cniplan check DIR" $cniplan check -q --fail-on never --format json "$work/tf-monorepo"
peak "arm estate: bare serde_json parse" $bare_json "$work/arm-estate/estate.json" "$work/arm-estate/estate.parameters.json"
peak "arm estate: cniplan check DIR" $cniplan check -q --fail-on never --format json "$work/arm-estate"
peak "tf 35,000 resources: bare hcl-edit parse" $bare_hcl "$work/tf-resources"
peak "tf 35,000 resources: cniplan check DIR" $cniplan check -q --fail-on never --format json "$work/tf-resources"

peak "bicep estate: tree-sitter-bicep parse" $bare_bicep "$work/bicep-estate"
peak "bicep estate: cniplan check DIR" $cniplan check -q --fail-on never --format json "$work/bicep-estate"
wait
