"""The parameter table (type, unit, default, range, source of every scenario key) read from the
C++ definitions, so calibration priors default to the same ranges scenario files are checked
against and never drift from them."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import _core

_RANGE = re.compile(r"^(-?[\d.eE+-]+) to (-?[\d.eE+-]+)$")


@dataclass(frozen=True)
class ParameterInfo:
    """One row of ``docs/parameters.md``: ``key`` may hold ``*`` for a collection entry."""

    key: str
    type: str
    unit: str
    default: str
    allowed: str
    source: str
    description: str

    @property
    def numeric_range(self) -> tuple[float, float] | None:
        """``(low, high)`` of a real or integer parameter; None for choices, booleans and lists."""
        if self.type not in ("real", "integer"):
            return None
        match = _RANGE.match(self.allowed.strip())
        return (float(match.group(1)), float(match.group(2))) if match else None


@functools.lru_cache(maxsize=1)
def parameter_table() -> dict[str, ParameterInfo]:
    """Every parameter by its table key (``labour.tightness``, ``municipalities.*.caseload``)."""
    rows: dict[str, ParameterInfo] = {}
    for line in _core.parameters_markdown().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        if len(cells) != 7 or not cells[0].startswith("`"):
            continue
        key = cells[0].strip("`")
        rows[key] = ParameterInfo(key, cells[1], cells[2], cells[3], cells[4], cells[5], cells[6])
    return rows


def table_key(key: str) -> str:
    """The table row of a scenario key: ``municipalities.national.caseload`` -> ``municipalities.*.caseload``."""
    table = parameter_table()
    if key in table:
        return key
    parts = key.split(".")
    if len(parts) == 3:
        starred = f"{parts[0]}.*.{parts[2]}"
        if starred in table:
            return starred
    return key


def parameter_info(key: str) -> ParameterInfo | None:
    return parameter_table().get(table_key(key))
