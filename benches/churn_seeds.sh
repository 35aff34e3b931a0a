#!/usr/bin/env bash
# Churn figures over many seeds, to tell a change of the trials' random stream or model from
# noise (BENCHMARKS.md, "Churn by water-filling"). Per seed: P50, P95, P99, max and run-out
# share of every dynamic range, on the 250- and 1,000-node clusters of compare.sh and the
# rollouts example. Compare two builds with benches/churn_seeds.py:
#   bash benches/churn_seeds.sh OLD/cniplan old.txt; bash benches/churn_seeds.sh NEW/cniplan new.txt
#   python3 benches/churn_seeds.py old.txt new.txt
set -euo pipefail
bin=$1
out=$2
seeds=${SEEDS:-200}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
plan() {
  cat <<PLAN
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
PLAN
}
plan 250 > "$work/churn250.yaml"
plan 1000 > "$work/churn1000.yaml"
cp "$here/../examples/rollouts/plan.yaml" "$work/rollouts.yaml"
: > "$out"
for s in $(seq 0 $((seeds - 1))); do
  for p in "churn250 1000" "rollouts 1000" "churn1000 200"; do
    set -- $p
    "$bin" simulate --churn --format json --trials "$2" --seed "$s" "$work/$1.yaml" | python3 -c "
import json, sys
for r in json.load(sys.stdin)['subnets']:
    if r['per_node'] == 'dynamic':
        print('$1', $s, r['name'], r['p50'], r['p95'], r['p99'], r['max'], r['runs_out_share'])
" >> "$out"
  done
done
