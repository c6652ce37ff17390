"""taalwerk: agent-based simulation of integration pathways of statushouders.

The simulation runs in C++ (``taalwerk._core``); this package turns its results into xarray
datasets and pandas tables, and runs sweeps and paired comparisons:

- ``run`` / ``Scenario``: one scenario (with validated overrides) -> xarray Dataset;
- ``Sweep`` / ``run_sweep`` / ``open_sweep``: designs over parameters, stored in one HDF5 file,
  resumable, on threads, processes or a Dask cluster;
- ``compare``: paired differences B - A under common random numbers.
"""
from __future__ import annotations

from ._core import OutputError, ScenarioError, library_versions, version
from .paired_comparison import CostPerOutcome, Estimate, PairedComparison, compare
from .results import indicator_names, open_run, run, tidy
from .scenario import Scenario
from .sweep_definition import Sweep, SweepError, SweepParameter
from .sweep_result import SweepResult, open_sweep
from .sweep_runner import run_sweep
from .sweep_store import SweepStoreError
from .calibration import CalibrationSpec, Ensemble, calibrate
from .uncertainty import EnsembleComparison, compare_over_ensemble, run_ensemble

__all__ = [
    "run", "open_run", "tidy", "indicator_names", "Scenario",
    "Sweep", "SweepParameter", "run_sweep", "open_sweep", "SweepResult",
    "compare", "PairedComparison", "Estimate", "CostPerOutcome",
    "calibrate", "CalibrationSpec", "Ensemble", "run_ensemble", "compare_over_ensemble", "EnsembleComparison",
    "version", "library_versions", "ScenarioError", "OutputError", "SweepError", "SweepStoreError",
]
__version__ = "0.1.0"
