"""The search over parameter sets: an Optuna study whose objective runs the base scenario with
a trial's values on the specification's seeds (common random numbers, so every trial sees the
same random draws) and returns the distance to the targets."""
from __future__ import annotations

import time
from typing import Any, Callable

import numpy as np
import pandas as pd

from .specification import CalibrationError, CalibrationSpec, FittedParameter
from .targets import distance, measure_all


def _sampler(spec: CalibrationSpec):
    import optuna

    if spec.sampler == "tpe":
        # Multivariate TPE models the parameters jointly: job finding and job loss trade off.
        return optuna.samplers.TPESampler(seed=spec.sampling_seed, multivariate=True,
                                          n_startup_trials=max(10, 2 * len(spec.parameters)))
    if spec.sampler == "cmaes":
        return optuna.samplers.CmaEsSampler(seed=spec.sampling_seed)
    if spec.sampler == "qmc":
        return optuna.samplers.QMCSampler(seed=spec.sampling_seed, scramble=True)
    return optuna.samplers.RandomSampler(seed=spec.sampling_seed)


def _suggest(trial: Any, parameter: FittedParameter) -> float | int:
    log = parameter.scale == "log"
    if parameter.integer:
        return trial.suggest_int(parameter.key, int(np.ceil(parameter.low)), int(np.floor(parameter.high)), log=log)
    return trial.suggest_float(parameter.key, parameter.low, parameter.high, log=log)


def evaluate(spec: CalibrationSpec, values: dict[str, Any], replicates: int | None = None,
             seed: int | None = None) -> dict[str, np.ndarray]:
    """Per-replicate target values of one parameter set (the specification's seed and agents)."""
    dataset = spec.scenario(values).run(seed=spec.seed if seed is None else seed,
                                        replicates=replicates or spec.replicates, threads=spec.threads)
    return measure_all(spec.targets, dataset)


def base_values(spec: CalibrationSpec) -> dict[str, float | int]:
    """The base scenario's values of the fitted parameters, clipped into their priors."""
    resolved = spec.scenario().values()
    values: dict[str, float | int] = {}
    for parameter in spec.parameters:
        value = min(max(float(resolved[parameter.key]), parameter.low), parameter.high)
        values[parameter.key] = int(round(value)) if parameter.integer else value
    return values


def run_search(spec: CalibrationSpec, trials: int | None = None,
               on_trial: Callable[[int, float, float], None] | None = None) -> pd.DataFrame:
    """Run the study; one row per trial: ``trial``, ``distance``, the parameter values and the
    model value (mean over replicates) of every target. ``on_trial(number, distance, best)``
    reports progress."""
    import optuna

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(direction="minimize", sampler=_sampler(spec), study_name=spec.name)
    if spec.start_from_base:
        study.enqueue_trial(base_values(spec))

    def objective(trial: Any) -> float:
        values = {parameter.key: _suggest(trial, parameter) for parameter in spec.parameters}
        start = time.perf_counter()
        per_replicate = evaluate(spec, values)
        means = {name: float(np.nanmean(v)) if np.isfinite(v).any() else float("nan") for name, v in per_replicate.items()}
        for name, value in means.items():
            trial.set_user_attr(f"model:{name}", value)
        trial.set_user_attr("seconds", time.perf_counter() - start)
        return distance(spec.targets, means)

    def report(study: Any, trial: Any) -> None:
        if on_trial is not None and trial.value is not None:
            on_trial(trial.number, trial.value, study.best_value)

    study.optimize(objective, n_trials=trials or spec.trials, callbacks=[report], gc_after_trial=False)
    rows = []
    for trial in study.trials:
        if trial.value is None:
            continue
        row: dict[str, Any] = {"trial": trial.number, "distance": trial.value}
        row.update({parameter.key: trial.params[parameter.key] for parameter in spec.parameters})
        row.update({key.removeprefix("model:"): value for key, value in trial.user_attrs.items() if key.startswith("model:")})
        row["seconds"] = trial.user_attrs.get("seconds", np.nan)
        rows.append(row)
    if not rows:
        raise CalibrationError(f"calibration '{spec.name}': no trial finished")
    return pd.DataFrame(rows).sort_values(["distance", "trial"]).reset_index(drop=True)
