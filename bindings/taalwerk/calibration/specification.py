"""A calibration specification: the base scenario, the parameters to fit with their prior
ranges, the observed targets with their sources, and how much simulation each trial gets.
Read from a TOML file (``scenarios/calibration/*.calibration.toml``) so the list of parameters
and targets can change without touching code; built in Python through the same checks."""
from __future__ import annotations

import dataclasses
import math
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from .. import _core
from ..scenario import Scenario
from ..suggestions import allowed_text, did_you_mean
from .parameter_table import parameter_info

TOP_LEVEL_KEYS = ("name", "description", "base", "overrides", "simulation", "search", "ensemble", "output",
                  "parameters", "targets")
SIMULATION_KEYS = ("agents", "replicates", "seed", "threads", "report_replicates")
SEARCH_KEYS = ("sampler", "trials", "sampling_seed", "start_from_base")
ENSEMBLE_KEYS = ("max_distance", "max_members", "min_members")
OUTPUT_KEYS = ("folder", "scenario", "ensemble", "report", "record", "scenario_base")
PARAMETER_KEYS = ("range", "scale", "reason")
TARGET_KEYS = ("name", "kind", "indicator", "numerator", "denominator", "month", "months", "value", "band",
               "scale", "weight", "source", "housing_month")
SAMPLERS = ("tpe", "cmaes", "random", "qmc")
TARGET_KINDS = ("share", "ratio", "annual_exit_rate")
SCALES = ("linear", "log")


class CalibrationError(_core.ScenarioError):
    """A calibration specification that cannot run (the command line exits with 3)."""


def _check_keys(table: Mapping[str, Any], allowed: tuple[str, ...], where: str) -> None:
    if not isinstance(table, Mapping):
        raise CalibrationError(f"{where}: expected a table; got {table!r}")
    for key in table:
        if key not in allowed:
            raise CalibrationError(f"{where}: unknown key '{key}'{did_you_mean(key, allowed)} (allowed: {allowed_text(allowed)})")


def _number(value: Any, where: str, low: float = -math.inf, high: float = math.inf) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or not low <= value <= high:
        raise CalibrationError(f"{where}: value {value!r} is not allowed; allowed: a number from {low} to {high}")
    return float(value)


def _integer(value: Any, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise CalibrationError(f"{where}: value {value!r} is not allowed; allowed: an integer from {low} to {high}")
    return int(value)


@dataclass(frozen=True)
class FittedParameter:
    """A scenario key to fit, its prior range (uniform, or log-uniform with ``scale = "log"``)
    and why that range; without ``range`` the parameter table's allowed range is the prior."""

    key: str
    low: float
    high: float
    integer: bool = False
    scale: str = "linear"
    reason: str = ""

    @classmethod
    def from_spec(cls, key: str, spec: Mapping[str, Any], where: str) -> "FittedParameter":
        _check_keys(spec, PARAMETER_KEYS, where)
        info = parameter_info(key)
        if info is None:
            raise CalibrationError(f"{where}: '{key}' is not a scenario parameter (see docs/parameters.md)")
        table_range = info.numeric_range
        if table_range is None:
            raise CalibrationError(f"{where}: '{key}' is a {info.type} parameter; only real and integer parameters can be fitted")
        bounds = spec.get("range", list(table_range))
        if not isinstance(bounds, (list, tuple)) or len(bounds) != 2:
            raise CalibrationError(f"{where}: key 'range': expected [low, high]; got {bounds!r}")
        low = _number(bounds[0], f"{where}: key 'range'", *table_range)
        high = _number(bounds[1], f"{where}: key 'range'", *table_range)
        if not low < high:
            raise CalibrationError(f"{where}: key 'range': {list(bounds)!r} needs low < high")
        scale = spec.get("scale", "linear")
        if scale not in SCALES:
            raise CalibrationError(f"{where}: key 'scale': {scale!r} is not allowed; allowed: {allowed_text(SCALES)}")
        if scale == "log" and low <= 0:
            raise CalibrationError(f"{where}: key 'scale': a log scale needs a range above 0; got {list(bounds)!r}")
        return cls(key, low, high, info.type == "integer", scale, str(spec.get("reason", "")))


@dataclass(frozen=True)
class Target:
    """An observed figure and how to measure it on a run.

    Kinds: ``share`` (``indicator`` / persons at ``month``); ``ratio`` (``numerator`` /
    ``denominator``, averaged over ``months``); ``annual_exit_rate`` (the yearly net exit from
    bijstand among housed persons in each of the two years after ``housing_month``, averaged).
    A target is a ``value`` or a ``band = [low, high]`` (no distance inside the band); ``scale``
    is the discrepancy that counts as one unit of distance.
    """

    name: str
    kind: str
    value: float | None
    band: tuple[float, float] | None
    scale: float
    weight: float = 1.0
    source: str = ""
    indicator: str | None = None
    numerator: str | None = None
    denominator: str | None = None
    months: tuple[int, ...] = ()
    housing_month: int = 4

    @classmethod
    def from_spec(cls, spec: Mapping[str, Any], where: str) -> "Target":
        _check_keys(spec, TARGET_KEYS, where)
        name = spec.get("name")
        if not isinstance(name, str) or not name:
            raise CalibrationError(f"{where}: key 'name': every target needs a name")
        where = f"{where} ('{name}')"
        kind = spec.get("kind", "share")
        if kind not in TARGET_KINDS:
            raise CalibrationError(f"{where}: key 'kind': {kind!r} is not allowed{did_you_mean(str(kind), TARGET_KINDS)}; "
                                   f"allowed: {allowed_text(TARGET_KINDS)}")
        if ("value" in spec) == ("band" in spec):
            raise CalibrationError(f"{where}: give exactly one of 'value' or 'band' ([low, high])")
        value = band = None
        if "value" in spec:
            value = _number(spec["value"], f"{where}: key 'value'")
        else:
            raw = spec["band"]
            if not isinstance(raw, (list, tuple)) or len(raw) != 2:
                raise CalibrationError(f"{where}: key 'band': expected [low, high]; got {raw!r}")
            band = (_number(raw[0], f"{where}: key 'band'"), _number(raw[1], f"{where}: key 'band'"))
            if not band[0] <= band[1]:
                raise CalibrationError(f"{where}: key 'band': {list(raw)!r} needs low <= high")
        months: tuple[int, ...] = ()
        if "month" in spec and "months" in spec:
            raise CalibrationError(f"{where}: give 'month' or 'months', not both")
        if "month" in spec:
            months = (_integer(spec["month"], f"{where}: key 'month'", 0, 10_000),)
        elif "months" in spec:
            if not isinstance(spec["months"], list) or not spec["months"]:
                raise CalibrationError(f"{where}: key 'months': expected a non-empty list of months")
            months = tuple(_integer(m, f"{where}: key 'months'", 0, 10_000) for m in spec["months"])
        needed = {"share": ("indicator", "months"), "ratio": ("numerator", "denominator", "months"), "annual_exit_rate": ()}[kind]
        for key in needed:
            present = bool(months) if key == "months" else key in spec
            if not present:
                raise CalibrationError(f"{where}: a '{kind}' target needs '{'month' if key == 'months' else key}'")
        return cls(
            name=name, kind=kind, value=value, band=band,
            scale=_number(spec.get("scale", 0.02), f"{where}: key 'scale'", 1e-9),
            weight=_number(spec.get("weight", 1.0), f"{where}: key 'weight'", 0.0),
            source=str(spec.get("source", "")),
            indicator=spec.get("indicator"), numerator=spec.get("numerator"), denominator=spec.get("denominator"),
            months=months,
            housing_month=_integer(spec.get("housing_month", 4), f"{where}: key 'housing_month'", 0, 1_000),
        )

    @property
    def observed_text(self) -> str:
        if self.band is not None:
            return f"{self.band[0]:.3g}-{self.band[1]:.3g}"
        return f"{self.value:.3g}"

    @property
    def last_month(self) -> int:
        return self.housing_month + 24 if self.kind == "annual_exit_rate" else max(self.months)


@dataclass(frozen=True)
class CalibrationSpec:
    """Everything a calibration needs; see ``scenarios/calibration/national-2014.calibration.toml``."""

    name: str
    base: Path
    parameters: tuple[FittedParameter, ...]
    targets: tuple[Target, ...]
    description: str = ""
    overrides: Mapping[str, Any] = field(default_factory=dict)
    agents: int | None = None
    replicates: int = 5
    seed: int = 1
    threads: int = 1
    report_replicates: int = 20
    sampler: str = "tpe"
    trials: int = 200
    sampling_seed: int = 0
    start_from_base: bool = True
    max_distance: float = 1.0
    max_members: int = 20
    min_members: int = 5
    folder: Path = Path(".")
    scenario_file: str = ""
    ensemble_file: str = ""
    report_file: str = ""
    record_file: str = ""
    scenario_base: str = ""
    source_text: str = ""
    file_name: str = ""

    @classmethod
    def load(cls, path: str | os.PathLike) -> "CalibrationSpec":
        path = Path(path)
        try:
            text = path.read_text()
            table = tomllib.loads(text)
        except FileNotFoundError:
            raise CalibrationError(f"calibration file not found: {path}") from None
        except tomllib.TOMLDecodeError as error:
            raise CalibrationError(f"{path}: TOML syntax error: {error}") from None
        spec = cls.from_dict(table, folder=path.parent, where=str(path), default_name=path.name.split(".")[0],
                             source_text=text)
        return dataclasses.replace(spec, file_name=path.name)

    @classmethod
    def from_dict(cls, table: Mapping[str, Any], folder: str | os.PathLike = ".", where: str = "calibration",
                  default_name: str = "calibration", source_text: str = "") -> "CalibrationSpec":
        folder = Path(folder)
        _check_keys(table, TOP_LEVEL_KEYS, where)
        if "base" not in table:
            raise CalibrationError(f"{where}: key 'base' is required: the scenario the calibration starts from")
        base = folder / str(table["base"])
        if base.suffix != ".toml":
            base = base.with_name(base.name + ".toml")
        name = str(table.get("name", default_name))
        simulation = table.get("simulation", {})
        search = table.get("search", {})
        ensemble = table.get("ensemble", {})
        output = table.get("output", {})
        for section, keys in (("simulation", SIMULATION_KEYS), ("search", SEARCH_KEYS), ("ensemble", ENSEMBLE_KEYS),
                              ("output", OUTPUT_KEYS)):
            _check_keys(table.get(section, {}), keys, f"{where}: [{section}]")
        parameters_table = table.get("parameters", {})
        if not isinstance(parameters_table, Mapping) or not parameters_table:
            raise CalibrationError(f"{where}: [parameters] must name at least one parameter to fit")
        parameters = tuple(FittedParameter.from_spec(key, spec, f"{where}: [parameters.\"{key}\"]")
                           for key, spec in parameters_table.items())
        raw_targets = table.get("targets", [])
        if not isinstance(raw_targets, list) or not raw_targets:
            raise CalibrationError(f"{where}: [[targets]] must list at least one target")
        targets = tuple(Target.from_spec(spec, f"{where}: target {i + 1}") for i, spec in enumerate(raw_targets))
        names = [target.name for target in targets]
        if len(set(names)) != len(names):
            raise CalibrationError(f"{where}: target names repeat: {names}")
        sampler = search.get("sampler", "tpe")
        if sampler not in SAMPLERS:
            raise CalibrationError(f"{where}: [search] key 'sampler': {sampler!r} is not allowed{did_you_mean(str(sampler), SAMPLERS)}; "
                                   f"allowed: {allowed_text(SAMPLERS)}")
        agents = simulation.get("agents")
        spec = cls(
            name=name, base=base, parameters=parameters, targets=targets,
            description=str(table.get("description", "")),
            overrides=dict(table.get("overrides", {})),
            agents=None if agents is None else _integer(agents, f"{where}: [simulation] key 'agents'", 1, 50_000_000),
            replicates=_integer(simulation.get("replicates", 5), f"{where}: [simulation] key 'replicates'", 1, 10_000),
            seed=_integer(simulation.get("seed", 1), f"{where}: [simulation] key 'seed'", 0, 2**32 - 1),
            threads=_integer(simulation.get("threads", 1), f"{where}: [simulation] key 'threads'", 0, 1024),
            report_replicates=_integer(simulation.get("report_replicates", 20), f"{where}: [simulation] key 'report_replicates'", 1, 10_000),
            sampler=sampler,
            trials=_integer(search.get("trials", 200), f"{where}: [search] key 'trials'", 1, 1_000_000),
            sampling_seed=_integer(search.get("sampling_seed", 0), f"{where}: [search] key 'sampling_seed'", 0, 2**32 - 1),
            start_from_base=bool(search.get("start_from_base", True)),
            max_distance=_number(ensemble.get("max_distance", 1.0), f"{where}: [ensemble] key 'max_distance'", 0.0),
            max_members=_integer(ensemble.get("max_members", 20), f"{where}: [ensemble] key 'max_members'", 1, 10_000),
            min_members=_integer(ensemble.get("min_members", 5), f"{where}: [ensemble] key 'min_members'", 1, 10_000),
            folder=folder / str(output.get("folder", ".")),
            scenario_file=str(output.get("scenario", f"{name}.toml")),
            ensemble_file=str(output.get("ensemble", f"{name}-ensemble.toml")),
            report_file=str(output.get("report", f"{name}-report.md")),
            record_file=str(output.get("record", f"{name}-fit.json")),
            scenario_base=str(output.get("scenario_base", "")),
            source_text=source_text,
        )
        spec.check_scenario(where)
        return spec

    def base_overrides(self) -> dict[str, Any]:
        """Overrides every trial shares: the file's [overrides] and the fit's cohort size."""
        overrides = dict(self.overrides)
        if self.agents is not None:
            overrides["cohort.size"] = self.agents
        return overrides

    def scenario(self, values: Mapping[str, Any] | None = None, agents: bool = True) -> Scenario:
        """The base scenario with the shared overrides (and the fit's cohort size) and ``values``."""
        overrides = self.base_overrides() if agents else dict(self.overrides)
        return Scenario(self.base, {**overrides, **dict(values or {})})

    def check_scenario(self, where: str) -> None:
        """Resolve the base with every parameter at both ends of its prior, so a bad key or range
        fails before any trial runs, with the schema's own message."""
        try:
            base = self.scenario()
            months = int(base["run.months"])
            for end in ("low", "high"):
                self.scenario({p.key: (int(round(getattr(p, end))) if p.integer else getattr(p, end)) for p in self.parameters})
        except _core.ScenarioError as error:
            raise CalibrationError(f"{where}: {error}") from None
        for target in self.targets:
            if target.last_month >= months:
                raise CalibrationError(f"{where}: target '{target.name}' needs month {target.last_month}, "
                                       f"but the base scenario runs {months} months")

    def output_path(self, file_name: str) -> Path:
        return self.folder / file_name
