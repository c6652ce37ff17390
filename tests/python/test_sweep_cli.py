"""`taalwerk sweep` and `taalwerk compare` on the command line: output, resume, exit codes, Ctrl-C."""
from __future__ import annotations

import signal
import subprocess
import time

import taalwerk
from conftest import REPO
from taalwerk import sweep_store
from test_package_install import console_command, taalwerk_console

DEFAULT = REPO / "scenarios" / "default.toml"


def write_files(folder, months: int = 12, size: int = 1000, points: int = 4):
    (folder / "tiny.toml").write_text(f'base = "{DEFAULT}"\n[run]\nmonths = {months}\n[cohort]\nsize = {size}\n')
    (folder / "parallel.toml").write_text('base = "tiny"\n[municipalities.national]\npathway = "parallel"\n')
    sweep = folder / "tight.toml"
    sweep.write_text(f'base = "tiny"\n[design]\nreplicates = 2\n[parameters."labour.tightness"]\nrange = [0.5, 2.0]\nsteps = {points}\n')
    return sweep


def test_sweep_runs_then_resumes_with_the_same_command(tmp_path):
    sweep = write_files(tmp_path)
    first = taalwerk_console("sweep", sweep, "--no-progress", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "wrote outputs/tight.h5" in first.stderr and "4 point(s) run now" in first.stderr
    assert taalwerk.open_sweep(tmp_path / "outputs" / "tight.h5").is_complete
    again = taalwerk_console("sweep", sweep, "--no-progress", cwd=tmp_path)
    assert again.returncode == 0 and "0 point(s) run now" in again.stderr and "4 already done" in again.stderr


def test_sweep_exit_codes(tmp_path):
    sweep = write_files(tmp_path)
    out = tmp_path / "out.h5"
    bad = tmp_path / "bad.toml"
    bad.write_text('base = "tiny"\n[design]\nreplicate = 2\n')
    result = taalwerk_console("sweep", bad, "--out", out)
    assert result.returncode == 3 and "did you mean 'replicates'" in result.stderr
    assert taalwerk_console("sweep", tmp_path / "missing.toml").returncode == 3
    assert taalwerk_console("sweep", sweep, "--backend", "nowhere").returncode == 2
    assert taalwerk_console("sweep", sweep, "--out", out, "--no-progress").returncode == 0
    sweep.write_text(sweep.read_text().replace("replicates = 2", "replicates = 3"))
    changed = taalwerk_console("sweep", sweep, "--out", out, "--no-progress")
    assert changed.returncode == 4 and "different sweep" in changed.stderr and "--force" in changed.stderr
    assert taalwerk_console("sweep", sweep, "--out", out, "--no-progress", "--force").returncode == 0


def test_ctrl_c_keeps_finished_points_and_exits_130(tmp_path):
    sweep = write_files(tmp_path, months=60, size=8000, points=200)
    out = tmp_path / "long.h5"
    process = subprocess.Popen([*console_command(), "sweep", str(sweep), "--out", str(out), "--no-progress"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    parts = sweep_store.parts_folder(out)
    deadline = time.monotonic() + 60
    while not (parts.is_dir() and any(name.startswith("point-") for name in (p.name for p in parts.iterdir()))):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "run the same command again to resume" in stderr
    result = taalwerk.open_sweep(out)
    assert 0 < result.completed.sum() < 200 and result.pending_points == 0


def test_compare_prints_a_paired_table(tmp_path):
    write_files(tmp_path, months=24)
    result = taalwerk_console("compare", tmp_path / "tiny.toml", tmp_path / "parallel.toml", "--replicates", "3", "--months", "6,23")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Paired comparison, B - A" in out and "3 replicates" in out
    for text in ("in_paid_work", "in_work_6_months_or_more", "on_bijstand", "cost_total", "difference_q05",
                 "months of on_bijstand avoided"):
        assert text in out, text
    assert taalwerk_console("compare", tmp_path / "tiny.toml", tmp_path / "nowhere.toml").returncode == 3
    assert taalwerk_console("compare", tmp_path / "tiny.toml", tmp_path / "parallel.toml", "--months", "99").returncode == 2
    assert taalwerk_console("compare", tmp_path / "tiny.toml", tmp_path / "parallel.toml", "--group", "sex=unknown").returncode == 3
