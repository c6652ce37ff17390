"""Calibration against observed figures: a specification file, an Optuna search, an ensemble of
acceptable parameter sets, and a report (targets against model, with bands)."""
from __future__ import annotations

from .ensemble import Ensemble
from .specification import CalibrationError, CalibrationSpec, FittedParameter, Target
from .targets import distance, measure, measure_all
from .workflow import CalibrationResult, calibrate

__all__ = ["calibrate", "CalibrationResult", "CalibrationSpec", "CalibrationError", "FittedParameter", "Target",
           "Ensemble", "measure", "measure_all", "distance"]
