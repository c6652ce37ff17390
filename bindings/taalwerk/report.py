"""``taalwerk report A.toml B.toml ...``: run the scenarios with the same seeds and write one
self-contained HTML page comparing them, for policy makers (the first scenario is the baseline).

With an ensemble of acceptable parameter sets from the calibration (``ReportOptions.ensemble``),
every scenario runs under each member with the same seeds; the member runs are pooled along the
replicate dimension (replicate = member x replicates + r, with a ``member`` coordinate), so every
band of the page pools parameter uncertainty and chance, and pairs stay paired (member m's
replicate r of every scenario shares its parameter values and its random numbers).

All scenarios (and, with an ensemble, the file and every member applied to every scenario) are
validated before anything runs, so a bad file fails fast; the page is written
to a temporary file in the output folder and renamed into place, so a failed or interrupted
report never leaves a half-written page (an existing report is replaced only by a complete one).
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
import xarray as xr

from . import _core
from .report_content import ReportSettings, render_report
from .scenario import Scenario

REPORT_FILE = "report.html"
DEFAULT_REPLICATES = 20
ENSEMBLE_REPLICATES = 4  # per member, when the report runs over an ensemble and no replicates are given
MINIMUM_MONTHS = 61  # months 0..60, so the 60-month column of the summary table exists


@dataclass(frozen=True)
class ReportOptions:
    """How the scenarios are run for the report."""

    replicates: int = DEFAULT_REPLICATES
    seed: int = 1
    agents: int | None = None  # overrides cohort.size of every scenario
    months: int | None = None  # overrides run.months; default: the longest scenario, at least 61
    threads: int = 0
    ensemble: str | os.PathLike | None = None  # ensemble file: run every scenario under its members
    members: int | None = None  # the best K members (default: 10, or all when there are fewer)


@dataclass(frozen=True)
class EnsembleRuns:
    """The ensemble a report runs over, and every scenario under each of its members."""

    file: str
    ensemble: object  # taalwerk.calibration.Ensemble
    members: dict[str, list[Scenario]]  # scenario name -> one scenario per member
    kept: dict[str, list[str]]  # scenario name -> keys it sets itself, which the members leave alone


Progress = Callable[[str], None]


def progress_to_stderr(message: str) -> None:
    print(f"taalwerk report: {message}", file=sys.stderr, flush=True)


def report_path(out: str | os.PathLike) -> Path:
    """``out`` is a folder (the page is ``report.html`` inside it) or a path ending in .html."""
    out = Path(out)
    return out if out.suffix.lower() in (".html", ".htm") else out / REPORT_FILE


def scenario_names(paths: Sequence[str | os.PathLike]) -> list[str]:
    """File stems, made unique ('default', 'default (2)') when two files share a stem."""
    names: list[str] = []
    for path in paths:
        stem = Path(path).stem
        name, count = stem, 1
        while name in names:
            count += 1
            name = f"{stem} ({count})"
        names.append(name)
    return names


def load_scenarios(paths: Sequence[str | os.PathLike], options: ReportOptions) -> tuple[dict[str, Scenario], int, bool]:
    """Every scenario validated with the report's overrides (``ScenarioError`` names the file);
    returns them by name, the months they run, and whether the months were extended to 61."""
    if not paths:
        raise ValueError("give at least one scenario file (the first is the baseline)")
    if options.replicates < 1:
        raise ValueError(f"--replicates must be at least 1, not {options.replicates}")
    plain = [Scenario.load(path) for path in paths]  # checks that each file exists and is valid
    months_given = [int(scenario["run.months"]) for scenario in plain]
    months = options.months if options.months is not None else max(max(months_given), MINIMUM_MONTHS)
    extended = options.months is None and months > max(months_given)
    overrides: dict[str, int] = {"run.months": months}
    if options.agents is not None:
        overrides["cohort.size"] = options.agents
    scenarios = {name: Scenario.load(path, overrides) for name, path in zip(scenario_names(paths), paths)}
    return scenarios, months, extended


def prepare_ensemble(scenarios: dict[str, Scenario], options: ReportOptions) -> EnsembleRuns | None:
    """The ensemble file checked and applied to every scenario (``EnsembleError`` otherwise)."""
    if options.ensemble is None:
        if options.members is not None:
            raise ValueError("--members needs --ensemble")
        return None
    from .uncertainty import ensemble_member_scenarios, load_ensemble

    ensemble = load_ensemble(options.ensemble, options.members)
    members, kept = {}, {}
    for name, scenario in scenarios.items():
        members[name], kept[name] = ensemble_member_scenarios(scenario, ensemble, options.ensemble)
    return EnsembleRuns(os.fspath(options.ensemble), ensemble, members, kept)


def pool_members(runs: Sequence[xr.Dataset]) -> xr.Dataset:
    """Runs of one scenario under each member, as one dataset: replicate m x R + r is member m's
    replicate r (a ``member`` coordinate along ``replicate`` says which member)."""
    count = int(runs[0].sizes["replicate"])
    parts = [run.assign_coords(replicate=np.arange(m * count, (m + 1) * count), member=("replicate", np.full(count, m)))
             for m, run in enumerate(runs)]
    pooled = xr.concat(parts, dim="replicate", combine_attrs="drop_conflicts")
    pooled.attrs.update(ensemble_members=len(runs), replicates_per_member=count)
    return pooled


def run_over_ensemble(ensemble: EnsembleRuns, options: ReportOptions, progress: Progress) -> dict[str, xr.Dataset]:
    results = {}
    for index, (name, members) in enumerate(ensemble.members.items(), start=1):
        start = time.perf_counter()
        runs = [member.run(seed=options.seed, replicates=options.replicates, threads=options.threads) for member in members]
        results[name] = pool_members(runs)
        progress(f"ran {name} ({index}/{len(ensemble.members)}): {len(members)} members x {options.replicates} replicates x "
                 f"{int(results[name].attrs['agents']):,} agents in {time.perf_counter() - start:.1f} s")
    return results


def run_scenarios(scenarios: dict[str, Scenario], options: ReportOptions, progress: Progress) -> dict[str, xr.Dataset]:
    results = {}
    for index, (name, scenario) in enumerate(scenarios.items(), start=1):
        start = time.perf_counter()
        results[name] = scenario.run(seed=options.seed, replicates=options.replicates, threads=options.threads)
        progress(f"ran {name} ({index}/{len(scenarios)}): {options.replicates} replicates x "
                 f"{int(results[name].attrs['agents']):,} agents in {time.perf_counter() - start:.1f} s")
    return results


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, flush it to disk, then rename it over
    ``path``: readers see the old page or the new one, never part of one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise _core.OutputError(f"cannot write the report to '{path}': {error.strerror or error}") from error
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes it private; a report is for reading
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _core.OutputError(f"cannot write the report to '{path}': {error.strerror or error}") from error
        raise


def build_report(
    paths: Sequence[str | os.PathLike],
    out: str | os.PathLike = "outputs/report",
    options: ReportOptions = ReportOptions(),
    progress: Progress = progress_to_stderr,
) -> Path:
    """Run ``paths`` (the first is the baseline) with common random numbers and write the HTML
    report; returns the page's path. Raises ``ScenarioError`` for a bad scenario,
    ``OutputError`` when the page cannot be written, ``ValueError`` for bad options."""
    import matplotlib

    matplotlib.use("Agg", force=False)  # no display needed; keeps an interactive backend if one is active
    start = time.perf_counter()
    target = report_path(out)
    if target.exists() and target.is_dir():
        raise _core.OutputError(f"'{target}' is a folder; give a folder for --out or a path ending in .html")
    scenarios, months, extended = load_scenarios(paths, options)
    ensemble = prepare_ensemble(scenarios, options)
    if ensemble is None:
        progress(f"{len(scenarios)} scenario(s) valid; running {options.replicates} replicates each, {months} months, "
                 f"seed {options.seed}")
        results = run_scenarios(scenarios, options, progress)
    else:
        progress(f"{len(scenarios)} scenario(s) and ensemble '{ensemble.file}' valid; running each under "
                 f"{len(ensemble.ensemble)} members x {options.replicates} replicates, {months} months, seed {options.seed}")
        results = run_over_ensemble(ensemble, options, progress)
    first = next(iter(results.values()))
    settings = ReportSettings(
        seed=options.seed, replicates=options.replicates, agents=int(first.attrs["agents"]), months=months,
        months_extended=extended, code_version=str(first.attrs.get("code_version", _core.version())),
        created_utc=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        **({} if ensemble is None else dict(
            ensemble_file=ensemble.file, ensemble_name=ensemble.ensemble.name, members=len(ensemble.ensemble),
            ensemble_selection=ensemble.ensemble.selection, ensemble_parameters=tuple(ensemble.ensemble.parameters),
            ensemble_kept={name: tuple(keys) for name, keys in ensemble.kept.items() if keys})),
    )
    figures_start = time.perf_counter()
    page = render_report(scenarios, results, settings)
    progress(f"figures and tables in {time.perf_counter() - figures_start:.1f} s")
    write_atomically(target, page)
    progress(f"wrote {target} ({len(page) / 1e6:.1f} MB) in {time.perf_counter() - start:.1f} s")
    return target
