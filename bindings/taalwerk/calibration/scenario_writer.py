"""The calibrated point as a scenario file other scenarios can name as their ``base``.

By default the file has no ``base`` of its own: it states the fitted values and every setting of
the calibration's base scenario that differs from the parameter defaults. So
``scenarios/default.toml`` can say ``base = "calibration/national-2014"`` without a cycle
(default -> calibrated -> default), and the calibrated scenario alone runs exactly what the fit ran
(less the fit's cohort size). With ``[output] scenario_base`` the file names that base instead and
holds only the fitted values.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, Mapping

from .. import _core
from ..scenario import Scenario, flatten_dotted


def parameter_defaults() -> dict[str, Any]:
    """Every parameter's default, as a scenario without any setting resolves it."""
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.toml"
        empty.write_text("")
        return Scenario(empty).values()


def nest(values: Mapping[str, Any]) -> dict[str, Any]:
    """Dotted keys as nested tables: {"labour.tightness": 1} -> {"labour": {"tightness": 1}}."""
    nested: dict[str, Any] = {}
    for key, value in values.items():
        table = nested
        *parents, leaf = key.split(".")
        for part in parents:
            table = table.setdefault(part, {})
        table[leaf] = value
    return nested


def calibrated_settings(base: Scenario, fitted: Mapping[str, Any]) -> dict[str, Any]:
    """The base's settings that differ from the defaults, then the fitted values."""
    defaults = parameter_defaults()
    settings = {key: value for key, value in base.values().items()
                if key not in ("description", "base") and (key not in defaults or defaults[key] != value)}
    settings.update(fitted)
    return settings


def scenario_text(description: str, comment: str, settings: Mapping[str, Any], base: str = "") -> str:
    import tomli_w

    document: dict[str, Any] = {}
    if base:
        document["base"] = base
    document["description"] = description
    document.update(nest(settings))
    lines = "".join(f"# {line}".rstrip() + "\n" for line in comment.splitlines())
    return lines + tomli_w.dumps(document)


def write_calibrated_scenario(path: str | os.PathLike, base: Scenario, fitted: Mapping[str, Any], description: str,
                              comment: str, scenario_base: str = "") -> Path:
    """Write the scenario and check it resolves to the fitted values (the schema reads it back)."""
    path = Path(path)
    settings = dict(fitted) if scenario_base else calibrated_settings(base, fitted)
    path.write_text(scenario_text(description, comment, settings, scenario_base))
    try:
        resolved = Scenario(path).values()
    except _core.ScenarioError as error:
        raise _core.ScenarioError(f"the calibrated scenario written to {path} does not resolve: {error}") from None
    wrong = {key: (resolved.get(key), value) for key, value in fitted.items() if resolved.get(key) != value}
    if wrong:
        raise _core.ScenarioError(f"the calibrated scenario {path} does not resolve to the fitted values: {wrong}")
    return path


__all__ = ["write_calibrated_scenario", "calibrated_settings", "parameter_defaults", "flatten_dotted"]
