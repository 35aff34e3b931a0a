"""Runs action.yml's steps as a GitHub runner would, outside GitHub, for scripts/test-wheel.sh.

    python3 scripts/action_steps.py WORKDIR input=value ...

Each `run:` step runs in bash with its `env:` resolved and the runner's files ($GITHUB_PATH,
$GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY, $RUNNER_TEMP) under WORKDIR; `if:` conditions and
`${{ }}` expressions are evaluated for the few forms action.yml uses (an unknown form is an
error, not a guess). A `uses:` step is not run: its resolved `with:` is printed. Prints a JSON
summary (step outcomes, outputs, the summary and PATH files) for the caller to check.
"""

import json
import os
import re
import subprocess
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def value(term, inputs, steps):
    """One operand: inputs.X, github.action_path, steps.ID.outputs.X, steps.ID.outcome, 'text'."""
    if term.startswith("'") and term.endswith("'"):
        return term[1:-1]
    parts = term.split(".")
    if parts[0] == "inputs" and len(parts) == 2:
        return inputs[parts[1]]
    if term == "github.action_path":
        return ROOT
    if parts[0] == "steps" and len(parts) >= 3:
        step = steps.get(parts[1], {"outcome": "skipped", "outputs": {}})
        if parts[2] == "outcome":
            return step["outcome"]
        if parts[2] == "outputs" and len(parts) == 4:
            return step["outputs"].get(parts[3], "")
    raise ValueError(f"action_steps.py does not know the expression {term!r}")


def condition(text, inputs, steps, failed):
    """GitHub's rule: without `always()` a step runs only while no step has failed; then
    `a && b && ...`, each `always()` or `X == Y`."""
    text = EXPRESSION.sub(lambda m: m.group(1), text or "")
    terms = [t.strip() for t in text.split("&&") if t.strip()]
    if failed and "always()" not in terms:
        return False
    for term in terms:
        if term == "always()":
            continue
        left, sep, right = term.partition("==")
        if not sep:
            raise ValueError(f"action_steps.py does not know the condition {term!r}")
        if value(left.strip(), inputs, steps) != value(right.strip(), inputs, steps):
            return False
    return True


def resolve(text, inputs, steps):
    return EXPRESSION.sub(lambda m: value(m.group(1), inputs, steps), str(text))


def outputs(path):
    found = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, sep, val = line.rstrip("\n").partition("=")
            if sep:
                found[key] = val
    return found


def main():
    work, pairs = sys.argv[1], sys.argv[2:]
    action = yaml.safe_load(open(os.path.join(ROOT, "action.yml"), encoding="utf-8"))
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    for pair in pairs:
        name, _, val = pair.partition("=")
        if name not in inputs:
            raise SystemExit(f"action.yml has no input {name!r}")
        inputs[name] = val
    files = {k: os.path.join(work, k.lower()) for k in ("GITHUB_PATH", "GITHUB_STEP_SUMMARY")}
    for path in files.values():
        open(path, "w").close()
    steps, report, failed = {}, [], False
    for index, step in enumerate(action["runs"]["steps"]):
        name = step.get("id", f"step{index}")
        if not condition(step.get("if"), inputs, steps, failed):
            steps[name] = {"outcome": "skipped", "outputs": {}}
            report.append([step["name"], "skipped"])
            continue
        if "uses" in step:
            with_ = {k: resolve(v, inputs, steps) for k, v in step.get("with", {}).items()}
            report.append([step["name"], "not run (uses)", step["uses"], with_])
            steps[name] = {"outcome": "success", "outputs": {}}
            continue
        output_file = os.path.join(work, f"output-{index}")
        open(output_file, "w").close()
        env = dict(os.environ, RUNNER_TEMP=work, GITHUB_OUTPUT=output_file, **files)
        # As the runner does: what earlier steps added to $GITHUB_PATH comes first on PATH.
        added = open(files["GITHUB_PATH"], encoding="utf-8").read().split()
        env["PATH"] = os.pathsep.join([*reversed(added), env["PATH"]])
        env.update({k: resolve(v, inputs, steps) for k, v in step.get("env", {}).items()})
        # The steps' own output goes to stderr: stdout is this script's JSON.
        done = subprocess.run(["bash", "-c", step["run"]], env=env, cwd=ROOT, stdout=sys.stderr)
        outcome = "success" if done.returncode == 0 else "failure"
        failed = failed or outcome == "failure"
        steps[name] = {"outcome": outcome, "outputs": outputs(output_file)}
        report.append([step["name"], outcome, done.returncode])
    summary = open(files["GITHUB_STEP_SUMMARY"], encoding="utf-8").read()
    path = open(files["GITHUB_PATH"], encoding="utf-8").read().split()
    print(json.dumps({"steps": report, "outputs": {k: v["outputs"] for k, v in steps.items()},
                      "summary": summary, "path": path}, indent=1))


if __name__ == "__main__":
    main()
