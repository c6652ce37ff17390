"""The ``taalwerk report`` command: options, and the run of ``report.build_report``.

Errors are raised as the command line classifies them (``command_line.main`` maps them to exit
codes): a missing or invalid scenario file is a ``ScenarioError`` (exit 3), an unwritable output
an ``OutputError`` (exit 4), a bad option a usage error (exit 2).
"""
from __future__ import annotations

import argparse

from .command_options import add_ensemble_arguments, non_negative_integer, positive_integer, require_ensemble_for_members
from .report import DEFAULT_REPLICATES, ENSEMBLE_REPLICATES, ReportOptions, build_report, progress_to_stderr


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
    parser.add_argument("--replicates", type=positive_integer,
                        help=f"replicates of each scenario (default {DEFAULT_REPLICATES}; with --ensemble "
                        f"{ENSEMBLE_REPLICATES} per member)")
    parser.add_argument("--agents", type=positive_integer, help="cohort size of every scenario (overrides cohort.size)")
    parser.add_argument("--seed", type=non_negative_integer, default=1, help="base seed of every scenario (default 1)")
    parser.add_argument("--months", type=positive_integer,
                        help="months to simulate (overrides run.months; default: the longest scenario, at least 61 "
                        "so the 60-month figures exist)")
    parser.add_argument("--threads", type=non_negative_integer, default=0, help="C++ threads, 0 = all cores (default)")
    add_ensemble_arguments(parser, "every scenario", "the bands then include parameter uncertainty")
    parser.add_argument("--quiet", action="store_true", help="no progress messages on stderr")
    return parser


def command_report(arguments: list[str]) -> int:
    parser = report_parser()
    options = parser.parse_args(arguments)
    require_ensemble_for_members(parser, options)
    replicates = options.replicates or (ENSEMBLE_REPLICATES if options.ensemble else DEFAULT_REPLICATES)
    report_options = ReportOptions(replicates=replicates, ensemble=options.ensemble, members=options.members, seed=options.seed, agents=options.agents,
                                   months=options.months, threads=options.threads)
    progress = (lambda message: None) if options.quiet else progress_to_stderr
    build_report(options.scenarios, options.out, report_options, progress)
    return 0
