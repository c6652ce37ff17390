"""The ``taalwerk`` console command: ``sweep`` and ``compare`` here in Python, every other
command (run, check, params, outputs, --version) passed unchanged to the C++ command line.

Exit codes, the same for all commands: 0 success; 1 internal error; 2 usage error; 3 scenario,
sweep-file or ensemble-file error (also a scenario that does not fit the ensemble); 4 output error
(e.g. the store holds a different sweep); 130 interrupted.
"""
from __future__ import annotations

import argparse
import ctypes
import sys
import time
from pathlib import Path
from typing import Callable

from . import _core
from .command_options import add_ensemble_arguments, require_ensemble_for_members

EXIT_SUCCESS, EXIT_INTERNAL, EXIT_USAGE, EXIT_SCENARIO, EXIT_OUTPUT, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130

PYTHON_COMMANDS = """\
Python commands (taalwerk sweep --help, taalwerk compare --help for their options):
  sweep     Run or resume a sweep file (scenarios/sweeps/*.toml) into one HDF5 store:
              taalwerk sweep SWEEP.toml [--out FILE] [--backend threads|processes|dask]
                                        [--workers N] [--scheduler ADDRESS] [--force]
  compare   Paired comparison of two scenarios run with the same seeds (B - A):
              taalwerk compare A.toml B.toml [--seed N] [--replicates R] [--months 12,30,42,60]
                                             [--ensemble ENSEMBLE.toml [--members K]]
  calibrate Fit a calibration file (scenarios/calibration/*.calibration.toml) to its targets:
              taalwerk calibrate CALIBRATION.toml [--trials N] [--out-dir DIR] [--dry-run]
  report    One self-contained HTML page comparing scenarios (the first is the baseline):
              taalwerk report A.toml B.toml ... [--out outputs/report] [--replicates R] [--agents N]
                                                [--seed N] [--months M]
                                                [--ensemble ENSEMBLE.toml [--members K]]
"""


def _flush_c_stdio() -> None:
    """The C++ commands print through C stdio; flush it so output keeps its order."""
    ctypes.CDLL(None).fflush(None)


def _run_cpp(arguments: list[str]) -> int:
    sys.stdout.flush()
    sys.stderr.flush()
    code = _core.run_command_line(arguments)
    _flush_c_stdio()
    return code


def _months(text: str) -> list[int]:
    try:
        return [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a comma-separated list of months, e.g. 12,30,42,60") from None


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def sweep_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="taalwerk sweep",
        description="Run a sweep file into one HDF5 store. Re-running the same command resumes an "
        "interrupted sweep: finished points are kept and skipped.",
    )
    parser.add_argument("sweep_file", metavar="SWEEP.toml", help="sweep file (see scenarios/sweeps/)")
    parser.add_argument("--out", help="sweep store (default: outputs/<sweep name>.h5)")
    parser.add_argument("--backend", choices=("threads", "processes", "dask"), default="threads",
                        help="where points run (default: threads)")
    parser.add_argument("--workers", type=int, help="threads or processes (or local Dask workers); default: all cores")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (implies --backend dask)")
    parser.add_argument("--threads-per-run", type=int, default=1, metavar="T", help="C++ threads per point (default 1; 0 = all cores)")
    parser.add_argument("--batch-size", type=int, metavar="B", help="points per task sent to a process or Dask worker")
    parser.add_argument("--compression", type=int, default=1, metavar="LEVEL", help="deflate level of a new store, 0-9 (default 1)")
    parser.add_argument("--force", action="store_true", help="discard a store of a different sweep and start over")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    return parser


def compare_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="taalwerk compare",
        description="Paired comparison: run A and B with the same seeds (common random numbers) and "
        "print B - A per indicator, as mean and 5%%/50%%/95%% quantiles over replicates.",
    )
    parser.add_argument("a", metavar="A.toml", help="reference scenario")
    parser.add_argument("b", metavar="B.toml", help="scenario compared with A")
    parser.add_argument("--seed", type=int, default=1, help="base seed of both (default 1)")
    parser.add_argument("--replicates", type=int, help="replicates of each (default 10; with --ensemble 4 per member)")
    parser.add_argument("--threads", type=int, default=0, help="C++ threads, 0 = all cores (default)")
    add_ensemble_arguments(parser, "the comparison", "the band then includes parameter uncertainty, and the spread is "
                           "split into a parameter and a stochastic part")
    parser.add_argument("--months", type=_months, help="months to report (default: 12,30,42,60 where they fit, and the last)")
    parser.add_argument("--group", default="all", help="population group (default: all), e.g. sex=female")
    parser.add_argument("--indicators", type=_names,
                        help="indicators to tabulate (default: in_paid_work, in_work_6_months_or_more, on_bijstand, "
                        "cost_total where present)")
    return parser


def calibrate_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="taalwerk calibrate",
        description="Fit a calibration file's parameters to its targets (Optuna) and write the calibrated "
        "scenario, the ensemble of acceptable parameter sets, the report and its record (docs/calibration.md).",
    )
    parser.add_argument("calibration_file", metavar="CALIBRATION.toml", help="calibration file (see scenarios/calibration/)")
    parser.add_argument("--trials", type=int, help="number of trials (default: the file's [search] trials)")
    parser.add_argument("--out-dir", metavar="DIR", help="write the outputs here (default: the file's [output] folder)")
    parser.add_argument("--dry-run", action="store_true", help="search and print the report, write nothing")
    parser.add_argument("--no-progress", action="store_true", help="no progress lines")
    return parser


def command_calibrate(arguments: list[str]) -> int:
    from .calibration import calibrate

    options = calibrate_parser().parse_args(arguments)
    start = time.perf_counter()
    result = calibrate(options.calibration_file, trials=options.trials, write=not options.dry_run,
                       folder=options.out_dir, progress=not options.no_progress)
    print(result.report)
    written = ", ".join(str(path) for path in result.files.values()) or "nothing (dry run)"
    print(f"calibrate: {result.record['trials']} trials, distance {result.distance:.3g} "
          f"(before {result.record['distance_base']:.3g}), {time.perf_counter() - start:.0f} s; wrote {written}", file=sys.stderr)
    return EXIT_SUCCESS


def command_sweep(arguments: list[str]) -> int:
    from .sweep_definition import Sweep
    from .sweep_runner import run_sweep

    options = sweep_parser().parse_args(arguments)
    sweep = Sweep.load(options.sweep_file)
    out = Path(options.out) if options.out else Path("outputs") / f"{sweep.name}.h5"
    backend = "dask" if options.scheduler else options.backend
    start = time.perf_counter()
    stored = []
    try:
        result = run_sweep(
            sweep, out, backend=backend, workers=options.workers, scheduler=options.scheduler,
            threads_per_run=options.threads_per_run, batch_size=options.batch_size,
            compression=options.compression, force=options.force, progress=not options.no_progress,
            on_point_stored=stored.append,
        )
    except KeyboardInterrupt:
        print(f"\ntaalwerk: interrupted; {len(stored)} point(s) finished in this run are kept in '{out}'; "
              "run the same command again to resume", file=sys.stderr)
        return EXIT_INTERRUPTED
    seconds = time.perf_counter() - start
    runs = len(stored) * sweep.replicates
    skipped = result.point_count - len(stored)
    print(f"wrote {out}: sweep '{sweep.name}', {result.point_count} points x {sweep.replicates} replicate(s), seed {sweep.seed}; "
          f"{len(stored)} point(s) run now ({runs} runs, {seconds:.1f} s, {runs / seconds if seconds else 0:.1f} runs/s)"
          + (f", {skipped} already done" if skipped else ""), file=sys.stderr)
    return EXIT_SUCCESS


def command_compare(arguments: list[str]) -> int:
    import pandas as pd

    from .paired_comparison import available_months, compare

    parser = compare_parser()
    options = parser.parse_args(arguments)
    require_ensemble_for_members(parser, options)
    if options.ensemble:
        return command_compare_over_ensemble(parser, options)
    options.replicates = 10 if options.replicates is None else options.replicates
    comparison = compare(options.a, options.b, seed=options.seed, replicates=options.replicates, threads=options.threads)
    if options.group not in comparison.a.group.values:
        raise _core.ScenarioError(f"group '{options.group}' is not in the runs; groups: {', '.join(map(str, comparison.a.group.values))}")
    months = available_months(comparison.a, options.months)
    default = [name for name in ("in_paid_work", "in_work_6_months_or_more", "on_bijstand", "cost_total") if name in comparison.indicators]
    names = options.indicators or default
    table = comparison.summary(months=months, groups=[options.group], indicators=names, shares=True)
    table = table.drop(columns=["group"])
    print(f"Paired comparison, B - A: A = {options.a}, B = {options.b}; seed {options.seed}, "
          f"{options.replicates} replicates (common random numbers), group '{options.group}'")
    print("Shares are of persons in the group; money is per month.\n")
    with pd.option_context("display.width", 200, "display.max_columns", 20, "display.float_format", "{:.4g}".format):
        print(table.to_string(index=False))
        headline = comparison.headline(months=months, group=options.group)
        if len(headline):
            print("\nHeadline measures (mean and 5%/50%/95% quantiles over replicates):\n")
            print(headline.to_string(index=False))
    return EXIT_SUCCESS


def command_compare_over_ensemble(parser: argparse.ArgumentParser, options: argparse.Namespace) -> int:
    """``taalwerk compare A B --ensemble FILE``: the paired comparison under every member; the
    ensemble file and both scenarios under every member are checked before anything runs."""
    import pandas as pd

    from .paired_comparison import available_months
    from .scenario import Scenario
    from .uncertainty import (ENSEMBLE_REPLICATES, EnsembleComparison, describe_ensemble_comparison,
                              ensemble_member_scenarios, load_ensemble)

    replicates = options.replicates if options.replicates is not None else ENSEMBLE_REPLICATES
    if replicates < 1:
        parser.error(f"--replicates must be at least 1, not {replicates}")
    ensemble = load_ensemble(options.ensemble, options.members)
    a_members, a_kept = ensemble_member_scenarios(Scenario.load(options.a), ensemble, options.ensemble)
    b_members, b_kept = ensemble_member_scenarios(Scenario.load(options.b), ensemble, options.ensemble)
    from .paired_comparison import compare

    comparisons = []
    for index, (a, b) in enumerate(zip(a_members, b_members, strict=True)):
        comparisons.append(compare(a, b, seed=options.seed, replicates=replicates, threads=options.threads))
        if index == 0 and options.group not in comparisons[0].a.group.values:
            raise _core.ScenarioError(f"group '{options.group}' is not in the runs; groups: "
                                      f"{', '.join(map(str, comparisons[0].a.group.values))}")
    comparison = EnsembleComparison(comparisons, ensemble)
    first = comparisons[0]
    months = available_months(first.a, options.months)
    default = [name for name in ("in_paid_work", "in_work_6_months_or_more", "on_bijstand", "cost_total") if name in first.indicators]
    names = options.indicators or default
    table = comparison.summary(months=months, groups=[options.group], indicators=names, shares=True)
    members = len(ensemble)
    print(f"Paired comparison over a parameter ensemble, B - A: A = {options.a}, B = {options.b}; seed {options.seed}, "
          f"group '{options.group}'")
    print(f"Ensemble: {options.ensemble} (calibration '{ensemble.name}'), the best {members} of its acceptable parameter "
          f"sets, {replicates} replicate(s) each: {members * replicates} paired runs of each scenario."
          + (f" The file says: {ensemble.selection}." if ensemble.selection else ""))
    print("Each member is one parameter set consistent with the calibration targets; A and B run with the member's values "
          "and the same seeds (common random numbers), so every B - A is the policy effect under that parameter set. "
          "The 5%-95% band pools all paired runs, so it includes the uncertainty in the calibrated parameters on top of "
          "chance; the spread is split into a part from parameter uncertainty (standard deviation of the member means) "
          "and a stochastic part (standard deviation between replicates within a member).")
    for label, kept in (("A", a_kept), ("B", b_kept)):
        if kept:
            print(f"{label} sets {', '.join(kept)} itself: the members leave {'it' if len(kept) == 1 else 'them'} as {label} has "
                  f"{'it' if len(kept) == 1 else 'them'}.")
    print("Shares are of persons in the group; money is per month.\n")
    shown = table.drop(columns=["group"]).rename(columns={"parameter_sd": "sd_parameters", "stochastic_sd": "sd_stochastic"})
    with pd.option_context("display.width", 220, "display.max_columns", 20, "display.float_format", "{:.4g}".format):
        print(shown.to_string(index=False))
        print("\nIn words:\n")
        for line in describe_ensemble_comparison(table, members=members, replicates=replicates):
            print(f"  {line}")
        headline = comparison.headline(months=months, group=options.group)
        if len(headline):
            print("\nHeadline measures (mean, 5%/50%/95% quantiles over all members and replicates, and the standard "
                  "deviations from parameters and from chance):\n")
            print(headline.to_string(index=False))
    return EXIT_SUCCESS


PYTHON_COMMAND_FUNCTIONS: dict[str, Callable[[list[str]], int]] = {"sweep": command_sweep, "compare": command_compare}
PYTHON_COMMAND_FUNCTIONS["calibrate"] = command_calibrate


def command_report(arguments: list[str]) -> int:
    from .report_command import command_report as run_report

    return run_report(arguments)


PYTHON_COMMAND_FUNCTIONS["report"] = command_report


def main(argv: list[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    command = arguments[0] if arguments else ""
    if command in ("--help", "-h", "help"):
        code = _run_cpp(arguments[:1])
        print("\n" + PYTHON_COMMANDS, end="")
        return code
    if command not in PYTHON_COMMAND_FUNCTIONS:
        code = _run_cpp(arguments)
        if code == EXIT_USAGE:
            print("\n" + PYTHON_COMMANDS, end="", file=sys.stderr)
        return code
    try:
        return PYTHON_COMMAND_FUNCTIONS[command](arguments[1:])
    except SystemExit as exit:  # argparse: --help (0) or a usage error (2)
        return int(exit.code or 0)
    except KeyboardInterrupt:
        print("\ntaalwerk: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except _core.ScenarioError as error:
        kind = "sweep" if command == "sweep" else "ensemble" if type(error).__name__ == "EnsembleError" else "scenario"
        print(f"taalwerk: {kind} error: {error}", file=sys.stderr)
        return EXIT_SCENARIO
    except _core.OutputError as error:
        print(f"taalwerk: output error: {error}", file=sys.stderr)
        return EXIT_OUTPUT
    except (ValueError, KeyError) as error:
        print(f"taalwerk: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # noqa: BLE001 - the command line reports, the exit code classifies
        resume = "; finished points are kept: run the same command again to resume" if command == "sweep" else ""
        print(f"taalwerk: internal error: {type(error).__name__}: {error}{resume}", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
