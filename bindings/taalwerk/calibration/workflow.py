"""``calibrate``: search, pick the ensemble, evaluate the fit, write the calibrated scenario,
the ensemble, the report and its record."""
from __future__ import annotations

import datetime
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pandas as pd

from .. import _core
from .ensemble import Ensemble, select_members
from .report import fit_table, record_json, report_markdown
from .scenario_writer import write_calibrated_scenario
from .search import base_values, evaluate, run_search
from .specification import CalibrationSpec


@dataclass
class CalibrationResult:
    """What a calibration found. ``trials``: every trial, best first; ``fit``: targets against
    the model (see ``report.fit_table``); ``record``: the JSON record; ``files``: what was written."""

    spec: CalibrationSpec
    trials: pd.DataFrame
    point: dict[str, Any]
    ensemble: Ensemble
    fit: pd.DataFrame
    record: dict[str, Any]
    report: str
    files: dict[str, Path]

    @property
    def distance(self) -> float:
        return float(self.record["distance_point"])


def _native(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


def _progress_printer(total: int) -> Callable[[int, float, float], None]:
    start = time.perf_counter()

    def report(number: int, distance: float, best: float) -> None:
        done = number + 1
        if done == total or done % max(1, total // 20) == 0:
            print(f"calibrate: trial {done}/{total}, distance {distance:.3g}, best {best:.3g}, "
                  f"{time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)

    return report


def calibrate(spec: CalibrationSpec | str | os.PathLike, *, trials: int | None = None, write: bool = True,
              folder: str | os.PathLike | None = None, progress: bool = False) -> CalibrationResult:
    """Calibrate the specification's parameters against its targets.

    ``trials`` overrides the file's number of trials; ``write=False`` writes nothing;
    ``folder`` writes the outputs there instead of the specification's output folder.
    """
    if not isinstance(spec, CalibrationSpec):
        spec = CalibrationSpec.load(spec)
    total = trials or spec.trials
    start = time.perf_counter()
    table = run_search(spec, trials=total, on_trial=_progress_printer(total) if progress else None)
    search_seconds = time.perf_counter() - start
    keys = [parameter.key for parameter in spec.parameters]
    whole = {parameter.key for parameter in spec.parameters if parameter.integer}

    def values_of(row: pd.Series) -> dict[str, Any]:
        # Table columns are float64; integer parameters go back to whole numbers.
        return {key: int(round(row[key])) if key in whole else float(row[key]) for key in keys}

    point = values_of(table.iloc[0])
    chosen, accepted, selection = select_members(table, keys, spec.max_distance, spec.max_members, spec.min_members)

    # The report's evaluation: more replicates than a trial, same seed (replicates 0.. are the fit's).
    replicates = spec.report_replicates
    before = base_values(spec)
    base_fit = evaluate(spec, before, replicates=replicates)
    point_fit = evaluate(spec, point, replicates=replicates)
    members = [values_of(row) for _, row in chosen.iterrows()]
    member_fits = [evaluate(spec, member, replicates=replicates) for member in members]
    fit = fit_table(spec.targets, base_fit, point_fit, member_fits)

    out = Path(folder) if folder is not None else spec.folder
    scenario_path = out / spec.scenario_file
    ensemble = Ensemble(
        name=spec.name, parameters=tuple(keys), point=point, members=tuple(members),
        trials=tuple(int(t) for t in chosen["trial"]), distances=tuple(float(d) for d in chosen["distance"]),
        selection=selection, max_distance=spec.max_distance, accepted=accepted, calibration=spec.file_name,
        point_scenario=spec.scenario_file, code_version=_core.version(),
    )
    from .targets import distance

    record: dict[str, Any] = {
        "name": spec.name, "calibration": spec.file_name or spec.name, "base": os.path.relpath(spec.base, spec.folder),
        "scenario": spec.scenario_file, "code_version": _core.version(),
        "created_utc": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "sampler": spec.sampler, "trials": int(len(table)), "search_seconds": search_seconds,
        "agents": spec.agents, "seed": spec.seed, "replicates": replicates,
        "distance_base": distance(spec.targets, {name: float(np.nanmean(v)) for name, v in base_fit.items()}),
        "distance_point": distance(spec.targets, {name: float(np.nanmean(v)) for name, v in point_fit.items()}),
        "members": len(members), "accepted": accepted, "selection": selection,
        "base_values": before, "point_values": point,
        "targets": [
            {**{k: _native(v) for k, v in row.items()}, "point_per_replicate": point_fit[row["target"]].tolist()}
            for row in fit.to_dict("records")
        ],
    }
    report = report_markdown(spec, fit, record, ensemble.table())
    files: dict[str, Path] = {}
    if write:
        out.mkdir(parents=True, exist_ok=True)
        comment = (f"Calibrated scenario '{spec.name}', written by `taalwerk calibrate` on {record['created_utc']}\n"
                   f"from {record['calibration']} (model {record['code_version']}); do not edit by hand.\n"
                   f"Fit: distance {record['distance_point']:.3g} (before {record['distance_base']:.3g}); "
                   f"report: {spec.report_file}; ensemble: {spec.ensemble_file}.")
        files["scenario"] = write_calibrated_scenario(
            scenario_path, spec.scenario(agents=False), point,
            description=f"Calibrated against {spec.description or spec.name}", comment=comment,
            scenario_base=spec.scenario_base)
        files["ensemble"] = ensemble.save(out / spec.ensemble_file)
        files["report"] = out / spec.report_file
        files["report"].write_text(report)
        files["record"] = out / spec.record_file
        files["record"].write_text(record_json(record))
    return CalibrationResult(spec, table, point, ensemble, fit, record, report, files)
