"""A sweep made concrete: the design table, every point validated before any run, and the hash
that identifies the sweep when it is resumed.

A point's resolved scenario (a few KB of TOML) is made again when it is needed rather than kept,
so the memory of a sweep does not grow with its number of points beyond the design table."""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from . import _core
from .point_runner import PointTask
from .scenario import native
from .sweep_design import design_table

if TYPE_CHECKING:
    from .sweep_definition import Sweep

STORE_FORMAT = 1  # part of the hash: a new store layout never resumes an old one


def scenario_fingerprint(resolved_toml: str) -> bytes:
    """Hash of a resolved scenario without its header comments (they name the file path, which
    may differ between two checkouts of the same sweep)."""
    content = "\n".join(line for line in resolved_toml.splitlines() if not line.startswith("#"))
    return hashlib.sha256(content.encode()).digest()


@dataclass(frozen=True)
class SweepPlan:
    sweep: "Sweep"
    design: pd.DataFrame                 # point x parameter values
    unit_sample: np.ndarray | None       # (point, parameter) in [0, 1] for sampled designs
    sweep_hash: str

    @property
    def point_count(self) -> int:
        return len(self.design)

    @property
    def run_count(self) -> int:
        return self.point_count * self.sweep.replicates

    def overrides(self, index: int) -> dict[str, Any]:
        row = {key: native(value) for key, value in self.design.iloc[index].items()}
        return {**self.sweep.overrides, **row}

    def resolved_toml(self, index: int) -> str:
        return _core.resolved_scenario(os.fspath(self.sweep.base), self.overrides(index))

    def task(self, index: int, threads: int, compression: int) -> PointTask:
        return PointTask(
            index=index,
            scenario_toml=self.resolved_toml(index),
            seed=self.sweep.seed,  # the same seed at every point: common random numbers
            replicates=self.sweep.replicates,
            threads=threads,
            compression=compression,
        )

    def definition_json(self) -> str:
        return json.dumps(self.sweep.definition(), indent=1, default=str)


def build_plan(sweep: "Sweep") -> SweepPlan:
    from .sweep_definition import SweepError

    design = design_table(sweep)
    keys = list(design.values.columns)
    rows = [[native(value) for value in row] for row in design.values.itertuples(index=False, name=None)]
    identity = hashlib.sha256(json.dumps({
        "store_format": STORE_FORMAT, "seed": sweep.seed, "replicates": sweep.replicates, "parameters": keys, "design": rows,
    }, default=str).encode())
    base = os.fspath(sweep.base)
    for index, row in enumerate(rows):
        try:
            resolved = _core.resolved_scenario(base, {**sweep.overrides, **dict(zip(keys, row, strict=True))})
        except _core.ScenarioError as error:
            values = ", ".join(f"{key}={value!r}" for key, value in zip(keys, row, strict=True))
            raise SweepError(f"{sweep.where}: point {index} ({values}): {error}") from None
        identity.update(scenario_fingerprint(resolved))
    return SweepPlan(sweep=sweep, design=design.values, unit_sample=design.unit_sample, sweep_hash=identity.hexdigest())
