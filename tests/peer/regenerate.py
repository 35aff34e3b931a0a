#!/usr/bin/env python3
"""Records the Python peer's capacity figures as golden files for tests/suite/reference_peer.rs.

For each case, runs ../shared/bench/reference.py (the plain PyYAML + ipaddress implementation
of SPEC.md §3) on its plan and writes what it prints to tests/peer/<case>.json, one diagnostic
and one subnet row per line. Plans the repository does not hold are generated first with
../shared/bench/gen_plan.py into tests/peer/plans/. Needs Python 3 with PyYAML.

  python3 tests/peer/regenerate.py [BENCH_DIR]     # BENCH_DIR defaults to ../shared/bench
"""
import json, pathlib, subprocess, sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
PEER = ROOT / "tests/peer"

# Fixtures whose rule is about capacity, by name prefix; tests/suite/reference_peer.rs checks that
# every such fixture has its golden file.
CAPACITY_FIXTURES = ("pod-subnet-exhausted", "node-subnet-exhausted", "subnet-headroom",
                     "pod-subnet-too-large", "clean")

# Generated plans: a cluster at AKS's size limits, a small one, an estate with overlaps.
GENERATED = {
    "cluster": ["cluster", "--pools", "5", "--nodes", "1000"],
    "cluster-small": ["cluster", "--pools", "3", "--nodes", "40"],
    "estate": ["estate", "--vnets", "40", "--subnets", "12", "--overlaps", "3"],
}


def run(args):
    return subprocess.run([sys.executable, *map(str, args)], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout


def peer_models(plan):
    """The peer models the seed's feature and traditional Azure CNI only (as
    tests/suite/reference_peer.rs's peer_models says)."""
    other = ("network_plugin: kubenet", "network_plugin: none", "network_plugin_mode:",
             "pod_ip_allocation_mode: StaticBlock")
    return not any(line.split("#")[0].strip().startswith(other) for line in plan.read_text().splitlines())


def peer_view(case, plan):
    """The plan as the peer must read it: SPEC §2 now defaults an unwritten max_surge to 10%
    (rounded up), where reference.py, written before, assumes 1 node. The peer gets a copy
    with the default written out (tests/peer/plans/<case>.peer.yaml); tests/suite/reference_peer.rs
    checks that cniplan reads the copy and the plan alike, so the comparison still covers
    the plan as written."""
    doc = yaml.safe_load((ROOT / plan).read_text())
    pools = [p for c in (doc or {}).get("clusters") or [] for p in c.get("node_pools") or []]
    if all("max_surge" in p for p in pools):
        return plan
    for p in pools:
        p.setdefault("max_surge", "10%")
    view = PEER / "plans" / f"{case}.peer.yaml"
    view.write_text(f"# {plan} with SPEC §2's default max_surge written out; made by regenerate.py\n"
                    + yaml.safe_dump(doc, sort_keys=False))
    return str(view.relative_to(ROOT))


def cases():
    yield "walkthrough", "examples/aks-dynamic-ip/plan.yaml"
    for plan in sorted((ROOT / "tests/fixtures").glob("*.yaml")):
        if plan.stem.startswith(CAPACITY_FIXTURES) and peer_models(plan):
            yield plan.stem, f"tests/fixtures/{plan.name}"
    for name in GENERATED:
        yield name, f"tests/peer/plans/{name}.yaml"


def dump(output):
    """The peer's JSON, with one diagnostic and one subnet row per line, for readable diffs."""
    (file,) = output["files"]
    def items(key):
        rows = [json.dumps(row) for row in file[key]]
        return "[]" if not rows else "[\n" + ",\n".join(f"        {r}" for r in rows) + "\n      ]"
    return ('{\n  "files": [\n    {\n'
            f'      "path": {json.dumps(file["path"])},\n'
            f'      "diagnostics": {items("diagnostics")},\n'
            f'      "subnets": {items("subnets")}\n'
            '    }\n  ]\n}\n')


def main():
    bench = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "../shared/bench").resolve()
    for name, args in GENERATED.items():
        (PEER / "plans" / f"{name}.yaml").write_text(run([bench / "gen_plan.py", *args]))
    for old in PEER.glob("*.json"):
        old.unlink()
    for old in (PEER / "plans").glob("*.peer.yaml"):
        old.unlink()
    for case, plan in cases():
        output = json.loads(run([bench / "reference.py", peer_view(case, plan)]))
        assert json.loads(dump(output)) == output
        (PEER / f"{case}.json").write_text(dump(output))
        print(f"tests/peer/{case}.json  <- {plan}")


if __name__ == "__main__":
    main()
