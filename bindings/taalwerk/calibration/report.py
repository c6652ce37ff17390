"""The calibration report: every target against the model before calibration, at the calibrated
point and over the ensemble, with 90% bands; as a table, a Markdown page and a JSON record that
the tests use to check the stored scenario still reproduces its fit."""
from __future__ import annotations

import json
from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd

from .specification import CalibrationSpec, Target
from .targets import discrepancy

BAND = (0.05, 0.95)
CLOSE = 0.02  # "within 2 percentage points": the acceptance criterion of issue 6 for the shares


def _quantiles(values: np.ndarray) -> tuple[float, float]:
    finite = values[np.isfinite(values)]
    if not len(finite):
        return (np.nan, np.nan)
    return tuple(float(q) for q in np.quantile(finite, BAND))  # type: ignore[return-value]


def _mean(values: np.ndarray) -> float:
    finite = values[np.isfinite(values)]
    return float(finite.mean()) if len(finite) else float("nan")


def fit_table(targets: Sequence[Target], base: Mapping[str, np.ndarray], point: Mapping[str, np.ndarray],
              ensemble: Sequence[Mapping[str, np.ndarray]]) -> pd.DataFrame:
    """One row per target. ``base`` and ``point``: per-replicate values; ``ensemble``: one such
    mapping per member. Bands are 5-95% quantiles: over replicates at the point (stochastic), over
    members x replicates for the ensemble (parameter and stochastic uncertainty together)."""
    rows = []
    for target in targets:
        pooled = np.concatenate([member[target.name] for member in ensemble]) if ensemble else np.array([np.nan])
        point_mean = _mean(point[target.name])
        point_band = _quantiles(point[target.name])
        ensemble_band = _quantiles(pooled)
        reference = target.value if target.value is not None else None
        if target.band is not None:
            within_close = bool(target.band[0] <= point_mean <= target.band[1])
            observed_in_band = bool(ensemble_band[0] <= target.band[1] and target.band[0] <= ensemble_band[1])
        else:
            within_close = bool(abs(point_mean - reference) <= CLOSE)
            observed_in_band = bool(ensemble_band[0] <= reference <= ensemble_band[1])
        rows.append({
            "target": target.name, "kind": target.kind, "observed": target.observed_text,
            "observed_value": np.nan if reference is None else reference, "scale": target.scale, "weight": target.weight,
            "base_mean": _mean(base[target.name]),
            "point_mean": point_mean, "point_q05": point_band[0], "point_q95": point_band[1],
            "ensemble_mean": _mean(pooled), "ensemble_q05": ensemble_band[0], "ensemble_q95": ensemble_band[1],
            "gap": np.nan if reference is None else point_mean - reference,
            "discrepancy": discrepancy(target, point_mean),
            "within_2pp_or_band": within_close, "observed_in_ensemble_90pct_band": observed_in_band,
            "source": target.source,
        })
    return pd.DataFrame(rows)


def _percent(value: float) -> str:
    return "n/a" if not np.isfinite(value) else f"{100 * value:.1f}%"


def _observed(text: str) -> str:
    """A target's observed value or band ("0.01-0.05") as percentages."""
    return "-".join(_percent(float(part)) for part in text.split("-"))


def report_markdown(spec: CalibrationSpec, table: pd.DataFrame, record: Mapping[str, Any],
                    ensemble_table: pd.DataFrame) -> str:
    """The report page: what was fitted, how, and how well; plain about what is not reproduced."""
    lines = [
        f"# Calibration report: {spec.name}",
        "",
        "Written by `taalwerk calibrate`; do not edit by hand.",
        "",
        f"- Specification: `{record['calibration']}` (base scenario `{record['base']}`)",
        f"- Model version: `{record['code_version']}`",
        f"- Search: Optuna {record['sampler']} sampler, {record['trials']} trials of {spec.replicates} replicates x "
        f"{record['agents']} agents (seed {spec.seed}, common random numbers), {record['search_seconds']:.0f} s",
        f"- Distance: weighted root mean square of (model - target) / scale; before calibration "
        f"{record['distance_base']:.3g}, at the calibrated point {record['distance_point']:.3g}",
        f"- Ensemble: {record['members']} parameter sets; {record['selection']}",
        f"- Evaluation below: {record['replicates']} replicates (seed {record['seed']}) per parameter set",
        "",
        "## Targets against the model",
        "",
        "Point = the calibrated scenario (mean, and 5-95% band over replicates: stochastic spread). Ensemble = mean "
        "and 5-95% band over every member and replicate (parameter and stochastic spread together).",
        "",
        "| target | observed | before | calibrated point (90% band) | ensemble (90% band) | within 2 pp / band | observed in ensemble band | source |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in table.itertuples():
        observed = _observed(row.observed)
        lines.append(
            f"| {row.target} | {observed} | {_percent(row.base_mean)} | {_percent(row.point_mean)} "
            f"({_percent(row.point_q05)}-{_percent(row.point_q95)}) | {_percent(row.ensemble_mean)} "
            f"({_percent(row.ensemble_q05)}-{_percent(row.ensemble_q95)}) | {'yes' if row.within_2pp_or_band else '**no**'} | "
            f"{'yes' if row.observed_in_ensemble_90pct_band else '**no**'} | {row.source} |")
    missed = table[~table["within_2pp_or_band"]]
    lines += ["", "## Not reproduced", ""]
    if len(missed):
        for row in missed.itertuples():
            lines.append(f"- {row.target}: observed {_observed(row.observed)}, calibrated model {_percent(row.point_mean)} "
                         f"(ensemble band {_percent(row.ensemble_q05)}-{_percent(row.ensemble_q95)}).")
    else:
        lines.append("Every target is met within 2 percentage points (or inside its band).")
    lines += ["", "## Fitted parameters", "",
              "| parameter | prior | before | calibrated point | ensemble min-max | why this prior |", "|---|---|---|---|---|---|"]
    for parameter in spec.parameters:
        column = ensemble_table[parameter.key]
        prior = f"{parameter.low:g}-{parameter.high:g}" + (" (log)" if parameter.scale == "log" else "")
        lines.append(f"| `{parameter.key}` | {prior} | {record['base_values'][parameter.key]:.4g} | "
                     f"{record['point_values'][parameter.key]:.4g} | {column.min():.4g}-{column.max():.4g} | {parameter.reason} |")
    lines.append("")
    return "\n".join(lines)


def record_json(record: Mapping[str, Any]) -> str:
    def default(value: Any) -> Any:
        if isinstance(value, np.generic):
            return value.item()
        if isinstance(value, np.ndarray):
            return value.tolist()
        raise TypeError(f"not JSON serialisable: {type(value)}")

    return json.dumps(record, indent=1, default=default, allow_nan=True) + "\n"
