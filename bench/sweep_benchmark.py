"""Sweep benchmark: throughput, share of time spent outside the C++ core, and peak memory.

    python bench/sweep_benchmark.py                      # 100 points x 10 replicates = 1,000 runs
    python bench/sweep_benchmark.py --points 20 --replicates 5 --agents 2000 --months 24   # quick

A run is one replicate of one point: a cohort of --agents agents over --months months. Each
sweep size runs in a fresh child process (so its peak memory is its own) with the threads
backend, one C++ thread per point and --workers points at a time. Reported per size:

- runs per second (wall time of the whole sweep: planning, store, consolidation included);
- share outside C++: 1 - (sum of the C++ wall time of every point) / (wall time x workers),
  i.e. the part of the workers' capacity not spent inside ``_core.run``;
- the same sweep as a bare loop over ``_core.run`` with no store (the floor the Python layer
  adds to), and the sweep's wall time relative to it;
- peak resident memory of the sweep process, for a small and a full sweep (flat = the Python
  layer holds no results in memory), and the size of the store.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def benchmark_sweep(folder: Path, agents: int, months: int, points: int, replicates: int):
    import taalwerk

    base = folder / "benchmark-base.toml"
    base.write_text(f'base = "{REPO / "scenarios" / "default.toml"}"\n[run]\nmonths = {months}\n[cohort]\nsize = {agents}\n')
    return taalwerk.Sweep(base=base, name="benchmark", replicates=replicates, seed=1,
                          parameters={"labour.tightness": {"range": [0.5, 2.0], "steps": points}})


def child(options: argparse.Namespace) -> None:
    """One measurement in this process; prints a JSON line."""
    import h5py
    import numpy as np

    from taalwerk import _core

    folder = Path(options.folder)
    sweep = benchmark_sweep(folder, options.agents, options.months, options.points, options.replicates)
    if options.mode == "bare":
        values = sweep.design_table()["labour.tightness"].tolist()
        start = time.perf_counter()
        with ThreadPoolExecutor(options.workers) as pool:
            for _ in pool.map(lambda v: _core.run(os.fspath(sweep.base), sweep.seed, sweep.replicates, 1, {"labour.tightness": v}), values):
                pass  # results dropped at once
        wall = time.perf_counter() - start
        core = float("nan")
        store_bytes = 0
    else:
        out = folder / f"sweep-{options.points}x{options.replicates}.h5"
        start = time.perf_counter()
        sweep.run(out, backend="threads", workers=options.workers, progress=False, compression=options.compression, force=True)
        wall = time.perf_counter() - start
        peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # before reading anything back
        with h5py.File(out, "r") as store:
            core = float(np.nansum(store["point_core_seconds"][()]))
        store_bytes = out.stat().st_size
    if options.mode == "bare":
        peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({
        "mode": options.mode, "runs": options.points * options.replicates, "wall": wall, "core": core,
        "peak_rss_mib": peak_rss / 1024, "store_mib": store_bytes / 2**20,
    }))


def measure(options: argparse.Namespace, folder: Path, mode: str, points: int) -> dict:
    command = [sys.executable, __file__, "--child", mode, "--folder", str(folder), "--points", str(points),
               "--replicates", str(options.replicates), "--agents", str(options.agents), "--months", str(options.months),
               "--workers", str(options.workers), "--compression", str(options.compression)]
    completed = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--points", type=int, default=100)
    parser.add_argument("--replicates", type=int, default=10)
    parser.add_argument("--agents", type=int, default=10_000)
    parser.add_argument("--months", type=int, default=120)
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--compression", type=int, default=1)
    parser.add_argument("--small-fraction", type=float, default=0.2, help="size of the small sweep (memory flatness)")
    parser.add_argument("--child", choices=("sweep", "bare"), dest="mode", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.mode:
        child(options)
        return
    import taalwerk

    print(f"taalwerk {taalwerk.version()}: {options.agents} agents x {options.months} months per run, "
          f"{options.replicates} replicates per point, {options.workers} workers (threads backend, 1 C++ thread each), "
          f"deflate level {options.compression}, {os.cpu_count()} cores")
    small = max(1, round(options.points * options.small_fraction))
    with tempfile.TemporaryDirectory(prefix="taalwerk-bench-") as temporary:
        folder = Path(temporary)
        rows = [("bare _core.run loop", measure(options, folder, "bare", options.points))]
        rows += [(f"sweep, {points} points", measure(options, folder, "sweep", points)) for points in (small, options.points)]
    bare_wall = rows[0][1]["wall"]
    print(f"{'':24} {'runs':>6} {'wall s':>8} {'runs/s':>8} {'outside C++':>12} {'vs bare':>8} {'peak RSS MiB':>13} {'store MiB':>10}")
    for label, row in rows:
        outside = 1 - row["core"] / (row["wall"] * options.workers) if row["mode"] == "sweep" else float("nan")
        relative = row["wall"] / bare_wall * rows[0][1]["runs"] / row["runs"]
        print(f"{label:24} {row['runs']:>6} {row['wall']:>8.2f} {row['runs'] / row['wall']:>8.1f} {outside:>12.1%} "
              f"{relative:>8.3f} {row['peak_rss_mib']:>13.0f} {row['store_mib']:>10.1f}")


if __name__ == "__main__":
    main()
