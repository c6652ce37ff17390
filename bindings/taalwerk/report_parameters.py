"""The parameter table (unit, default, range, source, description per key) and the parameters
that differ between scenarios, for the report's appendix and for axis labels.

The C++ side publishes the table only as Markdown (``_core.parameters_markdown()``, the text of
``taalwerk params`` and docs/parameters.md). It is parsed by its header row, so columns may be
added or reordered; rows that do not parse are skipped rather than guessed. Collection keys
carry ``*`` for the entry name (``municipalities.*.pathway``) and match any one name segment.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping, Sequence

from . import _core

# The table's own column titles, mapped onto field names.
COLUMN_FIELDS = {"key": "key", "type": "type", "unit": "unit", "default": "default", "range / choices": "allowed",
                 "range": "allowed", "choices": "allowed", "source": "source", "description": "description"}
NOT_PARAMETERS = {"description", "name", "base"}  # scenario-file keys that are text, not parameters


@dataclass(frozen=True)
class ParameterInfo:
    key: str
    type: str = ""
    unit: str = ""
    default: str = ""
    allowed: str = ""
    source: str = ""
    description: str = ""


def _cells(line: str) -> list[str]:
    """Cells of a Markdown table row; escaped pipes (\\|) stay inside their cell."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [cell.replace("\\|", "|").strip() for cell in re.split(r"(?<!\\)\|", inner)]


def _unquote(cell: str) -> str:
    return cell[1:-1] if len(cell) >= 2 and cell[0] == cell[-1] == "`" else cell


def parse_parameter_table(markdown: str) -> dict[str, ParameterInfo]:
    """Every parameter row of the Markdown tables, by key (with ``*`` for collection entries)."""
    table: dict[str, ParameterInfo] = {}
    fields: list[str] | None = None
    for line in markdown.splitlines():
        if not line.lstrip().startswith("|"):
            fields = None  # a table ends at the first line that is not a row
            continue
        cells = _cells(line)
        if fields is None:
            fields = [COLUMN_FIELDS.get(cell.lower(), "") for cell in cells]
            if "key" not in fields:
                fields = None
            continue
        if all(set(cell) <= set("-: ") for cell in cells):
            continue  # the separator row
        if len(cells) != len(fields):
            continue
        row = {field: _unquote(cell) for field, cell in zip(fields, cells) if field}
        if row.get("key"):
            table[row["key"]] = ParameterInfo(**row)
    return table


@lru_cache(maxsize=1)
def parameter_table() -> dict[str, ParameterInfo]:
    """The model's parameter table, parsed once per process."""
    return parse_parameter_table(_core.parameters_markdown())


def _pattern(key: str) -> re.Pattern[str]:
    return re.compile("^" + r"[^.]+".join(re.escape(part) for part in key.split("*")) + "$")


@lru_cache(maxsize=None)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    return [(_pattern(key), key) for key in parameter_table() if "*" in key]


def parameter_info(key: str) -> ParameterInfo:
    """Unit, default, range and source of ``key``; collection entries match their ``*`` row.
    Unknown keys get an empty record (the model may be newer than the table's reader)."""
    table = parameter_table()
    if key in table:
        return table[key]
    for pattern, wildcard in _patterns():
        if pattern.match(key):
            return table[wildcard]
    return ParameterInfo(key=key)


def axis_label(key: str) -> str:
    """A parameter key with its unit, for a sweep axis: 'labour.tightness (factor)'."""
    unit = parameter_info(key).unit
    return f"{key} ({unit})" if unit and unit != "-" else key


def format_value(value: Any) -> str:
    if value is None:
        return "(not set)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(format_value(item) for item in value) + "]"
    return str(value)


def differing_parameters(values_by_scenario: Mapping[str, Mapping[str, Any]],
                         ignore: Sequence[str] = tuple(NOT_PARAMETERS)) -> list[str]:
    """Dotted keys whose value is not the same in every scenario (or missing in some), in the
    order they first appear."""
    keys: list[str] = []
    for values in values_by_scenario.values():
        keys += [key for key in values if key not in keys and key not in ignore]
    sentinel = object()
    return [key for key in keys if len({repr(values.get(key, sentinel)) for values in values_by_scenario.values()}) > 1]
