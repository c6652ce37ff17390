"""A scenario: a scenario file plus overrides from Python, validated when they are made."""
from __future__ import annotations

import os
import tomllib
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import xarray as xr

from . import _core
from .results import checked_override_mapping, native, run  # noqa: F401 (native: used by sweep_plan)


def flatten_dotted(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested TOML tables as dotted keys: {"labour": {"tightness": 1}} -> {"labour.tightness": 1}."""
    flat: dict[str, Any] = {}
    for key, value in table.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten_dotted(value, dotted + "."))
        else:
            flat[dotted] = value
    return flat


class Scenario:
    """A scenario file with overrides, checked by the same schema (and messages) as the files.

    >>> base = Scenario.load("scenarios/default.toml")
    >>> tight = base.override(labour__tightness=1.5)          # or .override({"labour.tightness": 1.5})
    >>> ds = tight.run(seed=1, replicates=10)

    Objects are immutable: ``override`` returns a new scenario. Invalid overrides raise
    ``ScenarioError`` immediately, not when the scenario is run.
    """

    def __init__(self, path: str | os.PathLike, overrides: Mapping[str, Any] | None = None):
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"a scenario is a path to a TOML file (str or os.PathLike), not {type(path).__name__}")
        self._path = Path(path)
        self._overrides = MappingProxyType(checked_override_mapping(overrides))
        self._resolved_toml = _core.resolved_scenario(os.fspath(self._path), dict(self._overrides))

    @classmethod
    def load(cls, path: str | os.PathLike, overrides: Mapping[str, Any] | None = None) -> "Scenario":
        return cls(path, overrides)

    def override(self, overrides: Mapping[str, Any] | None = None, /, **keys: Any) -> "Scenario":
        """A new scenario with more overrides; in keyword form ``__`` stands for the dot."""
        more = checked_override_mapping(overrides)
        more.update({name.replace("__", "."): value for name, value in keys.items()})
        return Scenario(self._path, {**self._overrides, **more})

    def with_overrides(self, overrides: Mapping[str, Any]) -> "Scenario":
        return self.override(overrides)

    @property
    def path(self) -> Path:
        return self._path

    @property
    def overrides(self) -> Mapping[str, Any]:
        return self._overrides

    @property
    def name(self) -> str:
        return self._path.stem

    @property
    def resolved_toml(self) -> str:
        """Every parameter value this scenario runs with, as TOML (what ``taalwerk check`` prints)."""
        return self._resolved_toml

    def values(self) -> dict[str, Any]:
        """Every parameter as {dotted key: value}."""
        return flatten_dotted(tomllib.loads(self._resolved_toml))

    def __getitem__(self, key: str) -> Any:
        values = self.values()
        if key not in values:
            from .suggestions import did_you_mean

            raise KeyError(f"scenario '{self.name}' has no key '{key}'{did_you_mean(key, values)}")
        return values[key]

    def run(self, seed: int = 1, replicates: int = 1, threads: int = 0) -> xr.Dataset:
        """Simulate; replicate r uses random key (seed, r), shared with every other scenario."""
        return run(self._path, seed=seed, replicates=replicates, threads=threads, overrides=self._overrides)

    def __repr__(self) -> str:
        changes = ", ".join(f"{key}={value!r}" for key, value in self._overrides.items())
        return f"Scenario({os.fspath(self._path)!r}{', ' + changes if changes else ''})"
