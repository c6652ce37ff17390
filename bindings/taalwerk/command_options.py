"""Command-line option types, and the options shared by ``taalwerk compare`` and ``taalwerk
report`` for running under an ensemble of acceptable parameter sets (``uncertainty.py``)."""
from __future__ import annotations

import argparse
from typing import Callable


def whole_number_at_least(minimum: int) -> Callable[[str], int]:
    """argparse type: a whole number of at least ``minimum`` (0 or 1)."""
    def whole_number(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{value} is negative" if minimum == 0 else f"{value} is not at least {minimum}")
        return value
    return whole_number


positive_integer = whole_number_at_least(1)
non_negative_integer = whole_number_at_least(0)


def add_ensemble_arguments(parser: argparse.ArgumentParser, what_runs: str, effect: str) -> None:
    """``--ensemble`` and ``--members``: "run `what_runs` under every member ..., `effect`"."""
    parser.add_argument("--ensemble", metavar="ENSEMBLE.toml",
                        help=f"run {what_runs} under every member of this ensemble of acceptable parameter sets from "
                        f"the calibration (e.g. scenarios/calibration/national-2014-ensemble.toml): {effect}")
    parser.add_argument("--members", type=positive_integer, metavar="K",
                        help="use the best K members of the ensemble (default: 10, or all when it has fewer)")


def require_ensemble_for_members(parser: argparse.ArgumentParser, options: argparse.Namespace) -> None:
    if options.members is not None and options.ensemble is None:
        parser.error("--members needs --ensemble")
