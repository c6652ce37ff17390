"""kill -9 of `taalwerk run` and of `taalwerk sweep` at seeded random moments (10 kills each):
no partial file ever appears under a final name, running the same command again completes the
work, and the result equals that of a run that was never interrupted."""
from __future__ import annotations

import random
import signal
import subprocess
import time
from pathlib import Path

import h5py
import numpy as np

import taalwerk
from conftest import REPO, taalwerk_program
from test_package_install import console_command

DEFAULT = REPO / "scenarios" / "default.toml"
RUN_KILLS = 10
SWEEP_KILLS = 10


def run_file_contents(path: Path) -> dict[str, object]:
    """Every dataset and attribute of a run file, except the time it was made."""
    contents: dict[str, object] = {}
    with h5py.File(path, "r") as file:
        for name, value in file.attrs.items():
            if name != "created_utc":
                contents[f"@{name}"] = np.asarray(value).tolist()
        for name, dataset in file.items():
            contents[name] = dataset[()].tolist()
            for attribute, value in dataset.attrs.items():
                if attribute not in ("DIMENSION_LIST", "REFERENCE_LIST"):  # object references differ per file
                    contents[f"{name}@{attribute}"] = np.asarray(value).tolist()
    return contents


def final_names(folder: Path) -> list[str]:
    """Files a reader could take for a result: everything but hidden temporary files."""
    if not folder.exists():  # the writer makes the folder only when it writes the result
        return []
    return sorted(path.name for path in folder.iterdir() if not path.name.startswith("."))


def test_kill_9_of_taalwerk_run_leaves_no_partial_file_and_a_rerun_gives_the_same_result(tmp_path):
    scenario = tmp_path / "medium.toml"
    scenario.write_text(f'base = "{DEFAULT}"\n[run]\nmonths = 60\n[cohort]\nsize = 20000\n')

    def command(out: Path) -> list[str]:
        return [*taalwerk_program(), "run", str(scenario), "--seed", "5", "--replicates", "4", "--threads", "1",
                "--out", str(out)]

    reference_folder = tmp_path / "reference"
    started = time.perf_counter()
    subprocess.run(command(reference_folder / "run.h5"), check=True, capture_output=True, timeout=300)
    duration = time.perf_counter() - started
    reference = run_file_contents(reference_folder / "run.h5")

    rng = random.Random(20261124)
    killed_before_the_end = 0
    for attempt in range(RUN_KILLS):
        folder = tmp_path / f"attempt-{attempt}"
        out = folder / "run.h5"
        process = subprocess.Popen(command(out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, duration))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        if out.exists():  # it finished before the kill: then it must be whole
            assert run_file_contents(out) == reference, f"attempt {attempt}: a file under the final name differs"
        else:
            killed_before_the_end += process.returncode == -signal.SIGKILL
            assert final_names(folder) in ([], ["run.h5"]), f"attempt {attempt}: {final_names(folder)}"
            again = subprocess.run(command(out), capture_output=True, text=True, timeout=300)
            assert again.returncode == 0, again.stderr
        assert final_names(folder) == ["run.h5"]
        assert run_file_contents(out) == reference, f"attempt {attempt}: the rerun differs from an uninterrupted run"
    assert killed_before_the_end >= 3, "hardly any kill landed during a run: the test proved nothing"


def test_kill_9_of_taalwerk_sweep_loses_nothing_and_resumes_to_the_uninterrupted_result(tmp_path):
    (tmp_path / "tiny.toml").write_text(f'base = "{DEFAULT}"\n[run]\nmonths = 36\n[cohort]\nsize = 3000\n')
    sweep = tmp_path / "tight.toml"
    sweep.write_text('base = "tiny"\n[design]\nreplicates = 2\nseed = 11\n'
                     '[parameters."labour.tightness"]\nrange = [0.5, 2.0]\nsteps = 12\n')

    def command(out: Path) -> list[str]:
        return [*console_command(), "sweep", str(sweep), "--out", str(out), "--no-progress", "--workers", "2"]

    started = time.perf_counter()
    subprocess.run(command(tmp_path / "reference.h5"), check=True, capture_output=True, timeout=600)
    duration = time.perf_counter() - started

    out = tmp_path / "killed.h5"
    rng = random.Random(20261125)
    kills = 0
    completed_before: set[int] = set()
    for attempt in range(SWEEP_KILLS):
        process = subprocess.Popen(command(out), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:  # any moment of the first half: start-up, planning, running points, consolidating
            process.wait(timeout=rng.uniform(0.0, 0.5) * duration)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            kills += 1
        stderr = process.communicate(timeout=60)[1]
        assert process.returncode in (0, -signal.SIGKILL), f"attempt {attempt}: {stderr}"
        if out.exists():  # the sweep file under its final name is always a readable snapshot
            completed = set(np.flatnonzero(taalwerk.open_sweep(out).completed).tolist())
            assert completed_before <= completed, f"attempt {attempt}: finished points lost"
            completed_before = completed
    assert kills >= SWEEP_KILLS - 2, "the sweep finished before most kills: the test proved nothing"
    resume = subprocess.run(command(out), capture_output=True, text=True, timeout=600)
    assert resume.returncode == 0, resume.stderr

    resumed, uninterrupted = taalwerk.open_sweep(out), taalwerk.open_sweep(tmp_path / "reference.h5")
    assert resumed.is_complete
    assert not any(name.endswith(".parts") for name in final_names(tmp_path))
    with resumed.dataset() as got, uninterrupted.dataset() as expected:
        for name in taalwerk.indicator_names(expected):
            np.testing.assert_array_equal(got[name].values, expected[name].values, err_msg=name)
