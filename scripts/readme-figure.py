#!/usr/bin/env python3
"""Redraws docs/images/report-work-by-pathway.png, the README's figure: the share of adults in paid
work under the sequential, parallel and work-first scenarios, mean and 5-95% band over 20
replicates (seed 1, common random numbers), with taalwerk.plotting like the report.

Usage: .venv/bin/python scripts/readme-figure.py   (about 10 s; run after a model change)
"""
from pathlib import Path

import taalwerk
from taalwerk import plotting

REPO = Path(__file__).resolve().parents[1]
SCENARIOS = {"sequential": "sequential.toml", "parallel": "parallel.toml", "work-first": "work-first.toml"}


def main() -> None:
    results = {name: taalwerk.run(REPO / "scenarios" / file, seed=1, replicates=20)
               for name, file in SCENARIOS.items()}
    figure = plotting.plot_trajectories(results, "in_paid_work",
                                        title="Share of adults in paid work by pathway")
    out = REPO / "docs" / "images" / "report-work-by-pathway.png"
    figure.savefig(out, dpi=110, bbox_inches="tight")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
