#!/usr/bin/env python3
"""Times commands run in turn, round after round, rather than each in a batch of its own.

On a shared machine the load drifts over seconds; a batch of apish runs followed by a batch of curl runs
measures that drift as much as the tools. Here every round runs each command once (the order reversed
every other round), so a drift falls on all of them alike.

    alternate.py [--runs N] [--warmup N] [--json FILE] NAME=COMMAND NAME=COMMAND ...

COMMAND is split like a shell line (no shell runs it); its output goes to /dev/null and it must exit 0.
Prints a Markdown table: wall time mean ± standard deviation, median, user+system CPU (mean, from the
child's own rusage), and each median against the first command's. With --json, every run's wall time,
user and system CPU and peak RSS are written too.
"""
import argparse
import json
import os
import shlex
import statistics
import sys
import time


def run_once(argv, devnull):
    start = time.perf_counter_ns()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=[
        (os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
    _, status, usage = os.wait4(pid, 0)
    wall = (time.perf_counter_ns() - start) / 1e6
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"alternate.py: {shlex.join(argv)} exited with status {os.waitstatus_to_exitcode(status)}")
    return {"wall_ms": wall, "user_ms": usage.ru_utime * 1000, "system_ms": usage.ru_stime * 1000,
            "peak_kib": usage.ru_maxrss}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--json", help="also write every run's figures here")
    parser.add_argument("commands", nargs="+", metavar="NAME=COMMAND")
    options = parser.parse_args()
    commands = []
    for spec in options.commands:
        name, separator, line = spec.partition("=")
        if not separator or not line:
            parser.error(f"expected NAME=COMMAND, got {spec!r}")
        commands.append((name, shlex.split(line)))

    devnull = os.open(os.devnull, os.O_WRONLY)
    for _ in range(options.warmup):
        for _, argv in commands:
            run_once(argv, devnull)
    runs = [[] for _ in commands]
    for round_number in range(options.runs):
        order = range(len(commands)) if round_number % 2 == 0 else reversed(range(len(commands)))
        for index in order:
            runs[index].append(run_once(commands[index][1], devnull))
    walls = [[run["wall_ms"] for run in each] for each in runs]
    cpus = [[run["user_ms"] + run["system_ms"] for run in each] for each in runs]

    medians = [statistics.median(w) for w in walls]
    print(f"| command ({options.runs} runs each, alternated) | wall mean ± sd | wall median | CPU (user+sys) | median vs first |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for (name, _), wall, cpu, median in zip(commands, walls, cpus, medians):
        print(f"| {name} | {statistics.mean(wall):.1f} ± {statistics.stdev(wall) if len(wall) > 1 else 0:.1f} ms | {median:.1f} ms "
              f"| {statistics.mean(cpu):.1f} ms | {median / medians[0]:.2f}x |")
    if options.json:
        with open(options.json, "w") as out:
            json.dump({"results": [{"name": name, "command": shlex.join(argv), "runs": each}
                                   for (name, argv), each in zip(commands, runs)]}, out, indent=1)


if __name__ == "__main__":
    main()
