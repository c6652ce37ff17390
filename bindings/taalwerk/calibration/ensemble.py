"""An ensemble of acceptable parameter sets: the calibration's answer to "which values of the
uncertain parameters are consistent with the targets?". Runs and comparisons over the ensemble
carry the spread that parameter uncertainty causes on top of the stochastic spread.

The file (``scenarios/calibration/<name>-ensemble.toml``, format ``taalwerk-ensemble-1``) holds
the calibrated point and the members, each a {scenario key: value} table with its trial number
and distance. Members are equally weighted. They are the trials of the search whose distance is
at most the acceptance threshold (history matching: not a Bayesian posterior, since the trials
follow the optimiser), best first, at most ``max_members``; when fewer pass, the nearest trials
fill up to ``min_members`` and ``selection`` says so.
"""
from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

import pandas as pd

from ..scenario import Scenario

FORMAT = "taalwerk-ensemble-1"


@dataclass(frozen=True)
class Ensemble:
    """Acceptable parameter sets; ``point`` is the calibrated (best) set."""

    name: str
    parameters: tuple[str, ...]
    point: Mapping[str, Any]
    members: tuple[Mapping[str, Any], ...]
    trials: tuple[int, ...] = ()
    distances: tuple[float, ...] = ()
    selection: str = ""
    max_distance: float = math.nan
    accepted: int = 0
    calibration: str = ""
    point_scenario: str = ""
    code_version: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.members)

    def table(self) -> pd.DataFrame:
        """One row per member: trial, distance and the parameter values."""
        table = pd.DataFrame([dict(member) for member in self.members], columns=list(self.parameters))
        if self.trials:
            table.insert(0, "trial", list(self.trials))
        if self.distances:
            table.insert(1 if self.trials else 0, "distance", list(self.distances))
        table.index = pd.RangeIndex(len(table), name="member")
        return table

    def kept_keys(self, scenario: Scenario) -> list[str]:
        """Keys the scenario sets itself, away from the calibrated point: members leave them alone.

        A scenario based on the calibrated point resolves every fitted key to the point's value
        unless it changes it on purpose (e.g. a tightness scenario when tightness is fitted)."""
        values = scenario.values()
        kept = [key for key in self.parameters if not _same(values[key], self.point[key])]
        if kept and len(kept) == len(self.parameters):
            raise ValueError(
                f"scenario '{scenario.name}' sets none of the ensemble's {len(self.parameters)} parameters to the calibrated "
                f"point, so it is not based on it (base it on {self.point_scenario or 'the calibrated scenario'}); "
                "pass keep=[] to apply every member's values anyway")
        return kept

    def scenarios(self, scenario: Scenario | str | os.PathLike, keep: Sequence[str] | None = None) -> list[Scenario]:
        """``scenario`` once per member, with the member's values as overrides. ``keep``: keys
        not to override (default: the keys the scenario sets away from the calibrated point)."""
        scenario = scenario if isinstance(scenario, Scenario) else Scenario.load(scenario)
        kept = set(self.kept_keys(scenario) if keep is None else keep)
        return [scenario.override({key: value for key, value in member.items() if key not in kept}) for member in self.members]

    def to_toml(self) -> str:
        import tomli_w

        document: dict[str, Any] = {
            "format": FORMAT, "name": self.name, "calibration": self.calibration, "point_scenario": self.point_scenario,
            "code_version": self.code_version, "selection": self.selection, "max_distance": self.max_distance,
            "accepted": self.accepted, "parameters": list(self.parameters), "point": dict(self.point),
            "members": [{"trial": int(trial), "distance": float(dist), "values": dict(member)}
                        for member, trial, dist in zip(self.members, self.trials, self.distances, strict=True)],
        }
        header = (f"# Ensemble of acceptable parameter sets of calibration '{self.name}', written by `taalwerk calibrate`.\n"
                  "# Load with taalwerk.calibration.Ensemble.load(path); run over it with taalwerk.run_ensemble and\n"
                  "# taalwerk.compare_over_ensemble. Do not edit by hand: run the calibration again.\n")
        return header + tomli_w.dumps(document)

    def save(self, path: str | os.PathLike) -> Path:
        path = Path(path)
        path.write_text(self.to_toml())
        return path

    @classmethod
    def load(cls, path: str | os.PathLike) -> "Ensemble":
        table = tomllib.loads(Path(path).read_text())
        if table.get("format") != FORMAT:
            raise ValueError(f"{path}: not a taalwerk ensemble file (format {table.get('format')!r}, expected {FORMAT!r})")
        members = table.get("members", [])
        return cls(
            name=table["name"], parameters=tuple(table["parameters"]), point=dict(table["point"]),
            members=tuple(dict(member["values"]) for member in members),
            trials=tuple(int(member["trial"]) for member in members),
            distances=tuple(float(member["distance"]) for member in members),
            selection=table.get("selection", ""), max_distance=float(table.get("max_distance", math.nan)),
            accepted=int(table.get("accepted", 0)), calibration=table.get("calibration", ""),
            point_scenario=table.get("point_scenario", ""), code_version=table.get("code_version", ""),
        )


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)
    return a == b


def select_members(trials: pd.DataFrame, parameters: Sequence[str], max_distance: float, max_members: int,
                   min_members: int) -> tuple[pd.DataFrame, int, str]:
    """The trials that form the ensemble (best first), how many met the threshold, and a note."""
    ranked = trials.sort_values(["distance", "trial"]).drop_duplicates(subset=list(parameters))
    accepted = int((ranked["distance"] <= max_distance).sum())
    if accepted >= min_members:
        chosen = ranked[ranked["distance"] <= max_distance].head(max_members)
        note = (f"{accepted} of {len(ranked)} distinct trials have distance <= {max_distance:g}; "
                f"the best {len(chosen)} form the ensemble")
    else:
        chosen = ranked.head(max(min_members, accepted))
        note = (f"only {accepted} of {len(ranked)} distinct trials have distance <= {max_distance:g}: the ensemble is the "
                f"{len(chosen)} nearest trials (largest distance {chosen['distance'].max():.3g}), not an acceptable set")
    return chosen.reset_index(drop=True), accepted, note
