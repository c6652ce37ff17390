"""Measuring a calibration target on a run: one value per replicate, for the group ``all``."""
from __future__ import annotations

import numpy as np
import xarray as xr

from .specification import Target


def _at(dataset: xr.Dataset, indicator: str, months: tuple[int, ...] | list[int]) -> np.ndarray:
    """(replicate, month) values of ``indicator`` for the whole cohort."""
    if indicator not in dataset.data_vars:
        from ..results import indicator_names

        raise KeyError(f"indicator '{indicator}' is not in the run; available: {indicator_names(dataset)}")
    return dataset[indicator].sel(group="all", month=list(months)).values


def annual_exit_rates(dataset: xr.Dataset, housing_month: int) -> np.ndarray:
    """(replicate, year) net yearly exit from bijstand among housed persons, years 1 and 2 after
    ``housing_month``: (b_start - b_end) / b_start with b = on_bijstand / housed.

    The model has no flow indicator for exits, so this is a net rate: exits to work minus
    returns. With jobs mostly small and on a top-up, nearly all exits are exits to work."""
    months = [housing_month, housing_month + 12, housing_month + 24]
    with np.errstate(divide="ignore", invalid="ignore"):
        share = _at(dataset, "on_bijstand", months) / _at(dataset, "housed", months)
        return (share[:, :-1] - share[:, 1:]) / share[:, :-1]


def measure(target: Target, dataset: xr.Dataset) -> np.ndarray:
    """The target's model value in every replicate of ``dataset``."""
    with np.errstate(divide="ignore", invalid="ignore"):
        if target.kind == "share":
            values = _at(dataset, target.indicator, target.months) / _at(dataset, "persons", target.months)
        elif target.kind == "ratio":
            values = _at(dataset, target.numerator, target.months) / _at(dataset, target.denominator, target.months)
        else:
            values = annual_exit_rates(dataset, target.housing_month)
    return np.nanmean(values, axis=1) if np.isfinite(values).any() else np.full(values.shape[0], np.nan)


def discrepancy(target: Target, model_value: float) -> float:
    """Signed distance of the model from the target in units of the target's ``scale``:
    0 inside a band; a missing model value (e.g. no one in work, so no part-time share) counts
    as 10 units, far but finite so the search can still rank such trials."""
    if not np.isfinite(model_value):
        return 10.0
    if target.band is not None:
        low, high = target.band
        gap = model_value - high if model_value > high else model_value - low if model_value < low else 0.0
    else:
        gap = model_value - target.value
    return float(gap / target.scale)


def distance(targets: tuple[Target, ...], model_values: dict[str, float]) -> float:
    """Weighted root mean square of the discrepancies: 1 means that, on average, the model
    misses each target by its ``scale``. Model values are means over replicates, so the
    distance averages over replicates (and with common random numbers every trial shares them)."""
    weights = np.array([target.weight for target in targets])
    gaps = np.array([discrepancy(target, model_values[target.name]) for target in targets])
    return float(np.sqrt(np.sum(weights * gaps**2) / np.sum(weights)))


def measure_all(targets: tuple[Target, ...], dataset: xr.Dataset) -> dict[str, np.ndarray]:
    """Per-replicate values of every target."""
    return {target.name: measure(target, dataset) for target in targets}
