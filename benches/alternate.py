#!/usr/bin/env python3
"""Runs commands in alternation and reports their wall times and ratios, for targets that are
ratios on a shared machine: the noise of a busy minute falls on every command of a round, not
on whichever ran in it alone (hyperfine runs one command's runs, then the next's).

    python3 benches/alternate.py --rounds 10 --warmup 1 NAME=COMMAND NAME=COMMAND ...

Each round runs every command once, in the order given, then again in reverse order the next
round. Prints per command the mean ± standard deviation, the median and the minimum of its wall
times, then each later command's time against the first: the ratio of medians and the median
of the per-round ratios.
"""

import argparse
import statistics
import subprocess
import time


def run(command):
    start = time.perf_counter()
    done = subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"exit {done.returncode}: {command}")
    return elapsed


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("commands", nargs="+", metavar="NAME=COMMAND")
    args = parser.parse_args()
    named = [c.split("=", 1) for c in args.commands]
    for _ in range(args.warmup):
        for _, command in named:
            run(command)
    times = {name: [] for name, _ in named}
    for r in range(args.rounds):
        order = named if r % 2 == 0 else list(reversed(named))
        for name, command in order:
            times[name].append(run(command))
    width = max(len(name) for name, _ in named)
    for name, _ in named:
        t = times[name]
        print(
            f"{name:<{width}}  {ms(statistics.mean(t))} ± {ms(statistics.stdev(t))}"
            f"  median {ms(statistics.median(t))}  min {ms(min(t))}  ({len(t)} runs)"
        )
    first = named[0][0]
    for name, _ in named[1:]:
        pairs = [b / a for a, b in zip(times[first], times[name])]
        print(
            f"{name} / {first}: {statistics.median(times[name]) / statistics.median(times[first]):.2f}× "
            f"(medians), {statistics.median(pairs):.2f}× (median of rounds, "
            f"{min(pairs):.2f}–{max(pairs):.2f})"
        )


if __name__ == "__main__":
    main()
