#!/usr/bin/env python3
"""Figures of docs/scenarios.md from the preset runs.

Usage: .venv/bin/python scripts/preset-figures.py DIR [EXTRA.h5 ...]

DIR holds one output file per preset, DIR/<preset>.h5, written by
`taalwerk run scenarios/<preset>.toml --replicates 4 --threads 1 --out DIR/<preset>.h5`
(see "How the figures were made" in docs/scenarios.md). Every EXTRA file (for example a
single-lever variant of a preset) gets a line with its work and bijstand shares and the paired
difference from the default.

Prints, in this order:
  1. the Summary table (Markdown), one row per preset;
  2. the per-preset table (Markdown), one line per preset;
  3. paired differences from the default at 42 months (mean and replicate range);
  4. the largest spread of work at 42 months between replicates of one preset;
  5. instrument person-months (sum over months 0-59 of receiving_<instrument>, mean over replicates).

Definitions (group `all`, mean over replicates):
  work m      in_paid_work / persons at month m
  durable m   in_work_6_months_or_more / persons at month m
  bijstand m  on_bijstand / persons at month m
  cost        sum of cost_total over months 0-59 divided by the cohort size (the file's `agents`),
              EUR per person; its parts from cost_instruments, cost_caseworkers,
              cost_inburgering and cost_bijstand.
Only h5py and numpy are used.
"""
import sys
from pathlib import Path

import h5py
import numpy as np

PRESETS = [
    "default", "national-status-quo-2014", "budget-cut-25", "amsterdam-2016", "rotterdam-2016",
    "rotterdam-2019", "utrecht-plan-einstein", "den-haag", "eindhoven-work-first", "haarlem-2018",
    "sweden-introduction", "denmark-igu", "germany-ida", "belgium-vdab",
]
MONTHS = (18, 30, 42)
COSTS = ("cost_total", "cost_instruments", "cost_caseworkers", "cost_inburgering", "cost_bijstand")
INSTRUMENTS = [
    "orientation", "extra_language_course", "sector_language_course", "jobhunter", "job_coaching",
    "work_experience_place", "trial_placement", "wage_cost_subsidy", "learn_work_trajectory",
    "childcare", "mental_health_care", "bridging_programme",
]


def load(path):
    """Per-replicate figures of one run (arrays over replicates)."""
    with h5py.File(path, "r") as f:
        groups = [g.decode() if isinstance(g, bytes) else str(g) for g in f["group"][:]]
        gi = groups.index("all")
        month = list(f["month"][:])
        agents = int(f.attrs["agents"])

        def series(name):  # (replicate, month)
            return f[name][:, :, gi]

        persons = series("persons")
        out = {"agents": agents, "replicates": persons.shape[0], "months": len(month)}
        for m in MONTHS:
            i = month.index(m)
            out[f"work{m}"] = series("in_paid_work")[:, i] / persons[:, i]
            out[f"durable{m}"] = series("in_work_6_months_or_more")[:, i] / persons[:, i]
            out[f"bijstand{m}"] = series("on_bijstand")[:, i] / persons[:, i]
        for c in COSTS:
            out[c] = series(c).sum(axis=1) / agents
        out["instruments"] = {k: series(f"receiving_{k}").sum(axis=1) for k in INSTRUMENTS}
    return out


def pct(x):
    return f"{100 * float(np.mean(x)):.1f}%"


def eur(x):
    return f"{float(np.mean(x)):,.0f}"


def cells(o, with_parts):
    row = [pct(o[f"{k}{m}"]) for k in ("work", "durable", "bijstand") for m in MONTHS]
    row.append(eur(o["cost_total"]))
    if with_parts:
        row += [eur(o[c]) for c in COSTS[1:]]
    return row


def header(with_parts):
    h = [f"{k} {m}" for k in ("work", "durable", "bijstand") for m in MONTHS]
    h.append("cost per person (EUR)")
    if with_parts:
        h += ["of which instruments", "caseworkers", "inburgering", "bijstand"]
    return h


def paired(o, base, key):
    d = 100 * (o[key] - base[key])
    return f"{d.mean():+.1f} points (replicates {d.min():+.1f} to {d.max():+.1f})"


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    runs = {p: load(Path(argv[1]) / f"{p}.h5") for p in PRESETS}
    extras = {Path(a).stem: load(a) for a in argv[2:]}
    base = runs["default"]
    for name, o in {**runs, **extras}.items():
        if o["replicates"] != base["replicates"] or o["agents"] != base["agents"]:
            sys.exit(f"{name}: {o['replicates']} replicates of {o['agents']} adults, "
                     f"default has {base['replicates']} of {base['agents']}")
        parts = sum(float(np.mean(o[c])) for c in COSTS[1:])
        if abs(parts - float(np.mean(o["cost_total"]))) > 1.0:
            sys.exit(f"{name}: cost parts do not add up to cost_total")

    print(f"## Summary ({base['replicates']} replicates, {base['agents']} adults, "
          f"{base['months']} months)\n")
    h = header(True)
    print("| preset | " + " | ".join(h) + " |")
    print("|---|" + "---:|" * len(h))
    for p, o in runs.items():
        name = "`default` (reference)" if p == "default" else f"`{p}`"
        print(f"| {name} | " + " | ".join(cells(o, True)) + " |")

    print("\n## Per-preset tables\n")
    for p, o in runs.items():
        print(f"{p}:\n| " + " | ".join(cells(o, False)) + " |")

    print("\n## Paired differences from the default at 42 months\n")
    for p, o in {**runs, **extras}.items():
        if p == "default":
            continue
        print(f"{p}: work {pct(o['work42'])}, {paired(o, base, 'work42')}; "
              f"bijstand {pct(o['bijstand42'])}, {paired(o, base, 'bijstand42')}; "
              f"cost {eur(o['cost_total'])}")

    print("\n## Spread of work at 42 months between replicates\n")
    spreads = {p: 100 * (o["work42"].max() - o["work42"].min()) for p, o in runs.items()}
    worst = max(spreads, key=spreads.get)
    print(f"largest: {spreads[worst]:.1f} points ({worst})")

    print("\n## Instrument person-months (months 0-59, mean over replicates)\n")
    print("| preset | " + " | ".join(INSTRUMENTS) + " |")
    print("|---|" + "---:|" * len(INSTRUMENTS))
    for p, o in {**runs, **extras}.items():
        print(f"| {p} | " + " | ".join(eur(o["instruments"][k]) for k in INSTRUMENTS) + " |")


if __name__ == "__main__":
    main(sys.argv)
