"""Summary figures of the default scenario, stored in tests/data/baseline/ and compared by a test.

Regenerate on purpose only (a model change that is meant to move them):
    .venv/bin/python tests/python/baseline_summary.py --write
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BASELINE = REPO / "tests" / "data" / "baseline" / "default-summary.json"
SETTINGS = {"scenario": "scenarios/default.toml", "seed": 1, "replicates": 4, "cohort.size": 5000}
MONTHS = [12, 18, 30, 42, 59]
SHARES = ["in_paid_work", "on_bijstand", "in_language_course", "inburgering_passed", "in_work_6_months_or_more"]
AMOUNTS = ["cost_total"]


def summary() -> dict:
    import taalwerk

    ds = taalwerk.run(REPO / SETTINGS["scenario"], seed=SETTINGS["seed"], replicates=SETTINGS["replicates"],
                      overrides={"cohort.size": SETTINGS["cohort.size"]})
    mean = ds.sel(group="all").mean("replicate")
    figures = {}
    for month in MONTHS:
        persons = float(mean.persons[month])
        for name in SHARES:
            figures[f"{name}_share_month_{month}"] = float(mean[name][month]) / persons
        for name in AMOUNTS:
            figures[f"{name}_per_person_month_{month}"] = float(mean[name][month]) / persons
    return {"settings": SETTINGS, "figures": figures}


if __name__ == "__main__":
    if "--write" not in sys.argv:
        print(json.dumps(summary(), indent=2))
        sys.exit(0)
    BASELINE.write_text(json.dumps(summary(), indent=2) + "\n")
    print(f"wrote {BASELINE}")
