#!/usr/bin/env python3
"""Scale runs (docs/performance.md): the default scenario, 120 months, every output group, at
growing cohort sizes up to 10 million agents. For each: wall time, agent-months per second,
peak memory (the run's maximum resident set) and bytes per agent; then the marginal memory per
agent (least-squares slope over the sizes), which shows whether memory stays proportional.

    .venv/bin/python scripts/scale-runs.py [--sizes 1000000 10000000] [--threads 2] [--json FILE]

Needs the built command-line program (build/sim/taalwerk, or TAALWERK_CLI)."""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MONTHS = 120


def taalwerk_program() -> str:
    program = os.environ.get("TAALWERK_CLI", str(REPO / "build" / "sim" / "taalwerk"))
    if not Path(program).is_file():
        sys.exit(f"scale-runs: no taalwerk program at {program}; build first (scripts/build.sh) or set TAALWERK_CLI")
    return program


def measure(program: str, agents: int, threads: int, folder: Path) -> dict:
    scenario = folder / f"scale-{agents}.toml"
    scenario.write_text(f'base = "{REPO / "scenarios" / "default.toml"}"\n[run]\nmonths = {MONTHS}\n[cohort]\nsize = {agents}\n')
    out = folder / f"scale-{agents}.h5"
    # Each run in a child of its own, measured alone: a fresh child is forked per run and waited for
    # with wait4, whose rusage is that child's only (RUSAGE_CHILDREN would keep the largest so far).
    start = time.perf_counter()
    messages = folder / f"scale-{agents}.log"  # a file, not a pipe: nothing can block the child
    with open(messages, "w") as log:
        child = subprocess.Popen([program, "run", str(scenario), "--threads", str(threads), "--out", str(out), "--force"],
                                 stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    stderr = messages.read_text()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"scale-runs: {agents} agents failed (exit {child.returncode}): {stderr.strip()}")
    peak_bytes = usage.ru_maxrss * 1024  # Linux reports kilobytes
    result = {
        "agents": agents, "months": MONTHS, "threads": threads, "wall_seconds": round(seconds, 2),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
        "agent_months_per_second": round(agents * MONTHS / seconds),
        "peak_resident_bytes": peak_bytes, "peak_bytes_per_agent": round(peak_bytes / agents, 1),
        "output_file_bytes": out.stat().st_size,
    }
    out.unlink()
    return result


def marginal_bytes_per_agent(results: list[dict]) -> float | None:
    if len(results) < 2:
        return None
    xs = [r["agents"] for r in results]
    ys = [r["peak_resident_bytes"] for r in results]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / sum((x - mean_x) ** 2 for x in xs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 3_000_000, 10_000_000])
    parser.add_argument("--threads", type=int, default=0, help="worker threads (0 = all cores)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    program = taalwerk_program()
    results = []
    with tempfile.TemporaryDirectory(prefix="taalwerk-scale-", dir=REPO / "outputs") as folder:
        for agents in args.sizes:
            print(f"scale-runs: {agents:,} agents x {MONTHS} months ...", file=sys.stderr, flush=True)
            results.append(measure(program, agents, args.threads, Path(folder)))
    print("| agents | threads | wall s | M agent-months/s | peak memory GiB | peak bytes/agent | output MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['agents']:,} | {r['threads'] or os.cpu_count()} | {r['wall_seconds']:.1f} | {r['agent_months_per_second'] / 1e6:.1f} | "
              f"{r['peak_resident_bytes'] / 2**30:.2f} | {r['peak_bytes_per_agent']:.0f} | {r['output_file_bytes'] / 1e6:.1f} |")
    slope = marginal_bytes_per_agent(results)
    if slope is not None:
        print(f"\nmarginal memory: {slope:.0f} bytes per additional agent (least squares over {len(results)} sizes)")
    if args.json:
        args.json.write_text(json.dumps({"runs": results, "marginal_bytes_per_agent": slope}, indent=2) + "\n")


if __name__ == "__main__":
    main()
