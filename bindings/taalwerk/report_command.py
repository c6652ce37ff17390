"""The ``taalwerk report`` command: options, and the run of ``report.build_report``.

Errors are raised as the command line classifies them (``command_line.main`` maps them to exit
codes): a missing or invalid scenario file is a ``ScenarioError`` (exit 3), an unwritable output
an ``OutputError`` (exit 4), a bad option a usage error (exit 2).
"""
from __future__ import annotations

import argparse

from .report import DEFAULT_REPLICATES, ENSEMBLE_REPLICATES, ReportOptions, build_report, progress_to_stderr


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not at least 1")
    return value


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative")
    return value


def report_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="taalwerk report",
        description="Run the scenarios with the same seeds (common random numbers) and write one self-contained "
        "HTML page comparing them for policy makers. The first scenario is the baseline. An existing report "
        "in the same place is replaced, only once the new one is complete.",
    )
    parser.add_argument("scenarios", nargs="+", metavar="SCENARIO.toml", help="scenario files; the first is the baseline")
    parser.add_argument("--out", default="outputs/report",
                        help="folder for report.html, or a file name ending in .html (default: outputs/report)")
    parser.add_argument("--replicates", type=_positive,
                        help=f"replicates of each scenario (default {DEFAULT_REPLICATES}; with --ensemble "
                        f"{ENSEMBLE_REPLICATES} per member)")
    parser.add_argument("--agents", type=_positive, help="cohort size of every scenario (overrides cohort.size)")
    parser.add_argument("--seed", type=_non_negative, default=1, help="base seed of every scenario (default 1)")
    parser.add_argument("--months", type=_positive,
                        help="months to simulate (overrides run.months; default: the longest scenario, at least 61 "
                        "so the 60-month figures exist)")
    parser.add_argument("--threads", type=_non_negative, default=0, help="C++ threads, 0 = all cores (default)")
    parser.add_argument("--ensemble", metavar="ENSEMBLE.toml",
                        help="run every scenario under the members of this ensemble of acceptable parameter sets from "
                        "the calibration (e.g. scenarios/calibration/national-2014-ensemble.toml), so the bands include "
                        "parameter uncertainty")
    parser.add_argument("--members", type=_positive, metavar="K",
                        help="use the best K members of the ensemble (default: 10, or all when it has fewer)")
    parser.add_argument("--quiet", action="store_true", help="no progress messages on stderr")
    return parser


def command_report(arguments: list[str]) -> int:
    parser = report_parser()
    options = parser.parse_args(arguments)
    if options.members is not None and options.ensemble is None:
        parser.error("--members needs --ensemble")
    replicates = options.replicates or (ENSEMBLE_REPLICATES if options.ensemble else DEFAULT_REPLICATES)
    report_options = ReportOptions(replicates=replicates, ensemble=options.ensemble, members=options.members, seed=options.seed, agents=options.agents,
                                   months=options.months, threads=options.threads)
    progress = (lambda message: None) if options.quiet else progress_to_stderr
    build_report(options.scenarios, options.out, report_options, progress)
    return 0
