"""A disk that fills while results are written: a clear error that names the file, the previous
result left byte for byte as it was, no temporary file left behind, and (for a sweep) every
finished point kept so that the same command completes the sweep once there is space again.

The disk is filled in two ways: a per-process file-size limit (RLIMIT_FSIZE, works anywhere) and,
where this machine lets us mount one, a small tmpfs (a real ENOSPC)."""
from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
from pathlib import Path

import numpy as np
import pytest

import taalwerk
from conftest import REPO, taalwerk_program
from test_package_install import console_command

DEFAULT = REPO / "scenarios" / "default.toml"


def file_size_limit(limit_bytes: int):
    """A preexec_fn: files of this process may not grow beyond `limit_bytes`. The kernel then
    sends SIGXFSZ, whose default action kills the process; ignored, the write fails with EFBIG
    instead, which is what a full disk (ENOSPC) does too: an error, no signal."""
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))
    return apply


def everything_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


@pytest.fixture
def medium_scenario(tmp_path: Path) -> Path:
    path = tmp_path / "medium.toml"
    path.write_text(f'base = "{DEFAULT}"\n[run]\nmonths = 36\n[cohort]\nsize = 5000\n')
    return path


def run_command(scenario: Path, out: Path, seed: int, *extra: str) -> list[str]:
    return [*taalwerk_program(), "run", str(scenario), "--seed", str(seed), "--replicates", "3", "--threads", "1",
            "--out", str(out), *extra]


def test_run_that_hits_the_file_size_limit_fails_clearly_and_keeps_the_previous_result(tmp_path, medium_scenario):
    results = tmp_path / "results"
    out = results / "run.h5"
    subprocess.run(run_command(medium_scenario, out, seed=1), check=True, capture_output=True, timeout=300)
    previous = out.read_bytes()

    full = subprocess.run(run_command(medium_scenario, out, 2, "--force"), capture_output=True, text=True,
                          timeout=300, preexec_fn=file_size_limit(len(previous) // 3))
    assert full.returncode == 4, full.stderr
    assert str(out) in full.stderr and "File too large" in full.stderr, full.stderr
    assert out.read_bytes() == previous
    assert everything_in(results) == ["run.h5"]  # the temporary file is gone too


def test_first_run_that_hits_the_file_size_limit_leaves_nothing(tmp_path, medium_scenario):
    out = tmp_path / "results" / "run.h5"
    full = subprocess.run(run_command(medium_scenario, out, 1), capture_output=True, text=True, timeout=300,
                          preexec_fn=file_size_limit(20_000))
    assert full.returncode == 4 and str(out) in full.stderr, full.stderr
    assert everything_in(out.parent) == []


@pytest.fixture
def small_tmpfs(tmp_path: Path):
    """A 512 kB tmpfs, if this machine lets us mount one (root in a VM or a privileged container)."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount_point)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


def test_run_on_a_full_disk_fails_clearly_and_keeps_the_previous_result(tmp_path, small_tmpfs):
    small = tmp_path / "small.toml"
    small.write_text(f'base = "{DEFAULT}"\n[run]\nmonths = 12\n[cohort]\nsize = 500\n')
    large = tmp_path / "large.toml"
    large.write_text(f'base = "{DEFAULT}"\n[run]\nmonths = 120\n[cohort]\nsize = 500\n')
    out = small_tmpfs / "run.h5"
    subprocess.run([*taalwerk_program(), "run", str(small), "--out", str(out)], check=True, capture_output=True,
                   timeout=300)
    previous = out.read_bytes()

    full = subprocess.run([*taalwerk_program(), "run", str(large), "--replicates", "5", "--out", str(out), "--force"],
                          capture_output=True, text=True, timeout=300)
    assert full.returncode == 4, full.stderr
    assert str(out) in full.stderr and "No space left on device" in full.stderr, full.stderr
    assert out.read_bytes() == previous
    assert everything_in(small_tmpfs) == ["run.h5"]


def test_sweep_that_hits_the_file_size_limit_keeps_finished_points_and_resumes(tmp_path):
    (tmp_path / "tiny.toml").write_text(f'base = "{DEFAULT}"\n[run]\nmonths = 24\n[cohort]\nsize = 2000\n')
    sweep = tmp_path / "tight.toml"
    sweep.write_text('base = "tiny"\n[design]\nreplicates = 2\nseed = 4\n'
                     '[parameters."labour.tightness"]\nrange = [0.5, 2.0]\nsteps = 6\n')

    def command(out: Path) -> list[str]:
        return [*console_command(), "sweep", str(sweep), "--out", str(out), "--no-progress", "--workers", "1"]

    reference = tmp_path / "reference.h5"
    subprocess.run(command(reference), check=True, capture_output=True, timeout=600)
    out = tmp_path / "limited.h5"
    # Room for a few point files, not for the sweep file that gathers them all.
    limit = reference.stat().st_size // 3
    full = subprocess.run(command(out), capture_output=True, text=True, timeout=600, preexec_fn=file_size_limit(limit))
    assert full.returncode != 0
    assert "Traceback" not in full.stderr and "File too large" in full.stderr, full.stderr
    assert "resume" in full.stderr or str(out) in full.stderr, full.stderr

    again = subprocess.run(command(out), capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    with taalwerk.open_sweep(out).dataset() as resumed, taalwerk.open_sweep(reference).dataset() as expected:
        for name in taalwerk.indicator_names(expected):
            np.testing.assert_array_equal(resumed[name].values, expected[name].values, err_msg=name)
