"""A sweep declared as data: a base scenario, the parameters to vary, a design, replicates and
one seed shared by every point (common random numbers). Read from a TOML file under
``scenarios/sweeps/`` or built in Python; both go through the same checks."""
from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Mapping

import numpy as np

from . import _core
from .scenario import flatten_dotted
from .suggestions import allowed_text, did_you_mean

if TYPE_CHECKING:
    import pandas as pd

    from .sweep_plan import SweepPlan
    from .sweep_result import SweepResult

DESIGN_KINDS = ("grid", "latin_hypercube", "sobol", "saltelli", "morris")
SCALES = ("linear", "log")
TOP_LEVEL_KEYS = ("name", "description", "base", "overrides", "design", "parameters")
DESIGN_KEYS = ("kind", "points", "replicates", "seed", "sampling_seed", "levels", "second_order")
PARAMETER_KEYS = ("values", "range", "steps", "scale")
MAX_REPLICATES = 100_000
MAX_SEED = 2**32 - 1


class SweepError(_core.ScenarioError):
    """A sweep definition that cannot run (the command line exits with 3, like scenario errors)."""


def _is_integer(value: Any) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def _is_number(value: Any) -> bool:
    return (_is_integer(value) or isinstance(value, (float, np.floating))) and not isinstance(value, bool)


def _check_keys(table: Mapping[str, Any], allowed: tuple[str, ...], where: str) -> None:
    for key in table:
        if key not in allowed:
            raise SweepError(f"{where}: unknown key '{key}'{did_you_mean(key, allowed)} (allowed: {allowed_text(allowed)})")


def _integer_in(value: Any, low: int, high: int, where: str) -> int:
    if not _is_integer(value) or not low <= value <= high:
        raise SweepError(f"{where}: value {value!r} is not allowed; allowed: an integer from {low} to {high}")
    return int(value)


def scenario_file(folder: Path, base: str | os.PathLike) -> Path:
    """Bases are named like in scenario files: relative to the folder, ".toml" optional."""
    path = folder / Path(base)
    return path if path.suffix == ".toml" else path.with_name(path.name + ".toml")


@dataclass(frozen=True)
class SweepParameter:
    """One swept scenario key: a list of ``values`` (any scenario value, e.g. choices) or a
    ``range = [low, high]`` (``scale`` linear or log; ``steps`` evenly spaced values for a grid)."""

    key: str
    values: tuple[Any, ...] | None = None
    range: tuple[float, float] | None = None
    steps: int | None = None
    scale: str = "linear"

    @classmethod
    def from_spec(cls, key: str, spec: Any, where: str) -> "SweepParameter":
        if isinstance(spec, SweepParameter):
            return spec
        if isinstance(spec, (list, tuple)):
            spec = {"values": spec}
        if not isinstance(spec, Mapping):
            raise SweepError(f"{where}: expected a table with 'values' or 'range', or a list of values; got {spec!r}")
        _check_keys(spec, PARAMETER_KEYS, where)
        values = spec.get("values")
        bounds = spec.get("range")
        return cls(
            key=key,
            values=None if values is None else tuple(values) if isinstance(values, (list, tuple)) else values,
            range=None if bounds is None else tuple(bounds) if isinstance(bounds, (list, tuple)) else bounds,
            steps=spec.get("steps"),
            scale=spec.get("scale", "linear"),
        )

    def check(self, design: str, where: str) -> None:
        if (self.values is None) == (self.range is None):
            raise SweepError(f"{where}: give exactly one of 'values' (a list) or 'range' ([low, high])")
        if self.values is not None:
            if not isinstance(self.values, tuple) or not self.values:
                raise SweepError(f"{where}: key 'values': expected a non-empty list; got {self.values!r}")
            if len({repr(value) for value in self.values}) != len(self.values):
                raise SweepError(f"{where}: key 'values': {list(self.values)!r} repeats a value")
            for name in ("steps",):
                if getattr(self, name) is not None:
                    raise SweepError(f"{where}: key '{name}' only goes with 'range'")
            if self.scale != "linear":
                raise SweepError(f"{where}: key 'scale' only goes with 'range'")
            return
        if not isinstance(self.range, tuple) or len(self.range) != 2 or not all(_is_number(bound) for bound in self.range):
            raise SweepError(f"{where}: key 'range': expected [low, high] (two numbers); got {self.range!r}")
        low, high = self.range
        if not (math.isfinite(low) and math.isfinite(high) and low < high):
            raise SweepError(f"{where}: key 'range': {list(self.range)!r} needs finite low < high")
        if self.scale not in SCALES:
            raise SweepError(f"{where}: key 'scale': value {self.scale!r} is not allowed{did_you_mean(str(self.scale), SCALES)}; "
                             f"allowed: {allowed_text(SCALES)}")
        if self.scale == "log" and low <= 0:
            raise SweepError(f"{where}: key 'scale': a log scale needs a range above 0; got {list(self.range)!r}")
        if design == "grid":
            if self.steps is None:
                raise SweepError(f"{where}: a grid needs 'values', or 'range' with 'steps' (the number of evenly spaced values)")
            _integer_in(self.steps, 2, 100_000, f"{where}: key 'steps'")
        elif self.steps is not None:
            raise SweepError(f"{where}: key 'steps' is only used by the grid design; the '{design}' design samples the range itself")

    def _from_unit_range(self, unit: np.ndarray, integer: bool) -> list[Any]:
        low, high = (float(bound) for bound in self.range)
        if self.scale == "log":
            values = np.exp(np.log(low) + unit * (np.log(high) - np.log(low)))
        else:
            values = low + unit * (high - low)
        values = np.clip(values, low, high)  # exp(log(...)) may land a rounding error outside
        if integer:
            # Whole-number parameters (e.g. cohort.size): round, staying inside the range.
            return [int(value) for value in np.clip(np.rint(values), math.ceil(low), math.floor(high))]
        return [float(value) for value in values]

    def grid_values(self, integer: bool) -> list[Any]:
        if self.values is not None:
            return list(self.values)
        values = self._from_unit_range(np.linspace(0.0, 1.0, int(self.steps)), integer)
        if len(set(values)) != len(values):
            raise SweepError(f"parameter '{self.key}': range {list(self.range)!r} with {self.steps} steps repeats whole numbers; "
                             "use fewer steps or 'values'")
        return values

    def from_unit(self, unit: np.ndarray, integer: bool) -> list[Any]:
        """Map samples in [0, 1] to parameter values (choices: equal-width bins)."""
        if self.values is not None:
            count = len(self.values)
            return [self.values[min(int(u * count), count - 1)] for u in unit]
        return self._from_unit_range(np.asarray(unit, dtype=float), integer)

    def as_dict(self) -> dict[str, Any]:
        spec: dict[str, Any] = {}
        if self.values is not None:
            spec["values"] = list(self.values)
        else:
            spec["range"] = list(self.range)
            if self.scale != "linear":
                spec["scale"] = self.scale
            if self.steps is not None:
                spec["steps"] = self.steps
        return spec


@dataclass(frozen=True)
class Sweep:
    """A sweep: ``base`` scenario, ``parameters`` {dotted key: values list | spec | SweepParameter},
    ``design`` (grid, latin_hypercube, sobol, saltelli, morris), ``points`` (samples for the
    sampled designs; base samples N for saltelli, trajectories for morris), ``replicates`` per
    point, one simulation ``seed`` for every point, ``sampling_seed`` for the design, fixed
    ``overrides`` for every point, and ``levels`` (morris) / ``second_order`` (saltelli).
    """

    base: Path
    parameters: tuple[SweepParameter, ...]
    design: str = "grid"
    points: int | None = None
    replicates: int = 1
    seed: int = 1
    sampling_seed: int = 0
    levels: int | None = None
    second_order: bool | None = None
    overrides: Mapping[str, Any] = field(default_factory=dict)
    name: str = "sweep"
    description: str = ""
    source_text: str = ""
    where: str = ""

    def __post_init__(self) -> None:
        where = self.where or f"sweep '{self.name}'"

        def set_field(name: str, value: Any) -> None:  # normalising a frozen dataclass
            object.__setattr__(self, name, value)

        set_field("where", where)
        set_field("base", Path(self.base))
        if isinstance(self.parameters, Mapping):
            parameters = tuple(
                SweepParameter.from_spec(key, spec, f'{where}: [parameters."{key}"]') for key, spec in self.parameters.items()
            )
        else:
            parameters = tuple(self.parameters)
        set_field("parameters", parameters)
        set_field("overrides", MappingProxyType(flatten_dotted(dict(self.overrides))))
        self._check()

    def _check(self) -> None:
        where = self.where
        if not isinstance(self.name, str) or not self.name:
            raise SweepError(f"{where}: key 'name': expected a non-empty text")
        if self.design not in DESIGN_KINDS:
            raise SweepError(f"{where}: key 'design.kind': value {self.design!r} is not allowed"
                             f"{did_you_mean(str(self.design), DESIGN_KINDS)}; allowed: {allowed_text(DESIGN_KINDS)}")
        if not self.base.is_file():
            raise SweepError(f"{where}: key 'base': scenario file '{self.base}' not found")
        _integer_in(self.replicates, 1, MAX_REPLICATES, f"{where}: key 'design.replicates'")
        _integer_in(self.seed, 0, MAX_SEED, f"{where}: key 'design.seed'")
        _integer_in(self.sampling_seed, 0, MAX_SEED, f"{where}: key 'design.sampling_seed'")
        if not self.parameters:
            raise SweepError(f"{where}: a sweep needs at least one parameter under [parameters]")
        keys = [parameter.key for parameter in self.parameters]
        if len(set(keys)) != len(keys):
            raise SweepError(f"{where}: a parameter is listed twice: {keys}")
        for parameter in self.parameters:
            parameter.check(self.design, f'{where}: [parameters."{parameter.key}"]')
            if parameter.key in self.overrides:
                raise SweepError(f"{where}: key '{parameter.key}' is both swept and fixed under [overrides]")
        if self.design == "grid":
            if self.points is not None:
                raise SweepError(f"{where}: key 'design.points': a grid has one point per combination of values; remove 'points'")
        else:
            _integer_in(self.points, 1, 10_000_000, f"{where}: key 'design.points' (required by the '{self.design}' design)")
        if self.design in ("sobol", "saltelli") and self.points & (self.points - 1):
            lower = 1 << (self.points.bit_length() - 1)
            raise SweepError(f"{where}: key 'design.points': the {self.design} design needs a power of 2 (its balance "
                             f"properties); got {self.points}, use {lower} or {2 * lower}")
        if self.levels is not None:
            if self.design != "morris":
                raise SweepError(f"{where}: key 'design.levels' is only used by the morris design")
            _integer_in(self.levels, 2, 1000, f"{where}: key 'design.levels'")
        if self.second_order is not None:
            if self.design != "saltelli":
                raise SweepError(f"{where}: key 'design.second_order' is only used by the saltelli design")
            if not isinstance(self.second_order, bool):
                raise SweepError(f"{where}: key 'design.second_order': expected true or false; got {self.second_order!r}")

    @classmethod
    def load(cls, path: str | os.PathLike) -> "Sweep":
        """Read a sweep file; ``base`` is relative to the file's folder."""
        path = Path(path)
        where = f"sweep file '{path}'"
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise SweepError(f"{where}: cannot be read: {error.strerror or error}") from None
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise SweepError(f"{where}: not valid TOML: {error}") from None
        return cls.from_dict(data, folder=path.parent, where=where, default_name=path.stem, source_text=text)

    @classmethod
    def from_dict(
        cls,
        data: Mapping[str, Any],
        folder: str | os.PathLike = ".",
        *,
        where: str = "sweep",
        default_name: str = "sweep",
        source_text: str = "",
    ) -> "Sweep":
        """A sweep from the tables of a sweep file (``base`` relative to ``folder``)."""
        _check_keys(data, TOP_LEVEL_KEYS, where)
        if not isinstance(data.get("base"), str) or not data["base"]:
            raise SweepError(f"{where}: key 'base' is required: the scenario file every point starts from, e.g. \"../default.toml\"")
        design = data.get("design", {})
        if not isinstance(design, Mapping):
            raise SweepError(f"{where}: key 'design' must be a table ([design])")
        _check_keys(design, DESIGN_KEYS, f"{where}: [design]")
        parameters = data.get("parameters", {})
        if not isinstance(parameters, Mapping):
            raise SweepError(f"{where}: key 'parameters' must be a table ([parameters.\"some.key\"])")
        overrides = data.get("overrides", {})
        if not isinstance(overrides, Mapping):
            raise SweepError(f"{where}: key 'overrides' must be a table of scenario keys")
        for key, text in (("name", data.get("name", default_name)), ("description", data.get("description", ""))):
            if not isinstance(text, str):
                raise SweepError(f"{where}: key '{key}': expected text; got {text!r}")
        return cls(
            base=scenario_file(Path(folder), data["base"]),
            parameters=dict(parameters),
            design=design.get("kind", "grid"),
            points=design.get("points"),
            replicates=design.get("replicates", 1),
            seed=design.get("seed", 1),
            sampling_seed=design.get("sampling_seed", 0),
            levels=design.get("levels"),
            second_order=design.get("second_order"),
            overrides=dict(overrides),
            name=data.get("name", default_name),
            description=data.get("description", ""),
            source_text=source_text,
            where=where,
        )

    def definition(self) -> dict[str, Any]:
        """The sweep as plain data (stored in the sweep file as JSON)."""
        design: dict[str, Any] = {"kind": self.design, "replicates": self.replicates, "seed": self.seed}
        if self.design != "grid":
            design.update(points=self.points, sampling_seed=self.sampling_seed)
        if self.design == "morris":
            design["levels"] = self.levels if self.levels is not None else 4
        if self.design == "saltelli":
            design["second_order"] = True if self.second_order is None else self.second_order
        return {
            "name": self.name,
            "description": self.description,
            "base": os.fspath(self.base),
            "overrides": dict(self.overrides),
            "design": design,
            "parameters": {parameter.key: parameter.as_dict() for parameter in self.parameters},
        }

    def plan(self) -> "SweepPlan":
        """Every point with its design values and resolved scenario, all validated."""
        from .sweep_plan import build_plan

        return build_plan(self)

    def design_table(self) -> "pd.DataFrame":
        """The points of the design: one row per point, one column per parameter."""
        from .sweep_design import design_table

        return design_table(self).values

    def run(self, out: str | os.PathLike, **options: Any) -> "SweepResult":
        """Run (or resume) the sweep into the store ``out``; see ``taalwerk.run_sweep``."""
        from .sweep_runner import run_sweep

        return run_sweep(self, out, **options)
