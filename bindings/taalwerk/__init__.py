"""taalwerk: agent-based simulation of integration pathways of statushouders.

The simulation runs in C++ (``taalwerk._core``); this package turns its results into
xarray datasets and pandas tables.
"""
from __future__ import annotations

from ._core import OutputError, ScenarioError, library_versions, version
from .results import open_run, run

__all__ = ["run", "open_run", "version", "library_versions", "ScenarioError", "OutputError"]
__version__ = "0.1.0"
