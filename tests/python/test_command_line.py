"""The taalwerk program end to end: run, check, --force, exit codes, interruption."""
from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import h5py

from conftest import REPO, taalwerk_program


def test_run_writes_a_file_with_the_resolved_scenario(run_cli, small_scenario, tmp_path):
    out = tmp_path / "run.h5"
    result = run_cli("run", small_scenario, "--replicates", "2", "--seed", "5", "--out", out)
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stderr
    with h5py.File(out) as f:
        assert f["in_paid_work"].shape == (2, 24, len(f["group"]))
        toml = f.attrs["scenario_toml"]
        toml = toml.decode() if isinstance(toml, bytes) else toml
        assert "size = 3000" in toml
        assert int(f.attrs["base_seed"]) == 5


def test_existing_output_is_kept_without_force(run_cli, small_scenario, tmp_path):
    out = tmp_path / "run.h5"
    out.write_bytes(b"earlier result")
    result = run_cli("run", small_scenario, "--out", out)
    assert result.returncode == 4
    assert "--force" in result.stderr
    assert out.read_bytes() == b"earlier result"
    result = run_cli("run", small_scenario, "--out", out, "--force")
    assert result.returncode == 0, result.stderr
    written = out.read_bytes()
    assert written.startswith(b"taalwerk sealed output 1\n") and written[512:520] == b"\x89HDF\r\n\x1a\n"


def test_thread_count_does_not_change_the_file_contents(run_cli, small_scenario, tmp_path):
    values = []
    for threads in (1, 2):
        out = tmp_path / f"threads{threads}.h5"
        assert run_cli("run", small_scenario, "--threads", threads, "--replicates", "2", "--out", out).returncode == 0
        with h5py.File(out) as f:
            values.append({name: f[name][()] for name in ("in_paid_work", "cost_bijstand", "language_a2")})
    for name in values[0]:
        assert (values[0][name] == values[1][name]).all(), name


def test_check_prints_the_resolved_scenario(run_cli, small_scenario):
    result = run_cli("check", small_scenario)
    assert result.returncode == 0, result.stderr
    assert "[labour]" in result.stdout and "base_job_finding_rate" in result.stdout
    assert "size = 3000" in result.stdout


def test_scenario_errors_name_file_line_and_key(run_cli, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('base = "%s"\n[labour]\ntightnes = 0.8\n' % (REPO / "scenarios" / "default.toml"))
    result = run_cli("check", bad)
    assert result.returncode == 3
    assert "bad.toml:3" in result.stderr
    assert "labour.tightnes" in result.stderr and "labour.tightness" in result.stderr


def test_usage_errors_and_help(run_cli):
    assert run_cli("--help").returncode == 0
    version = run_cli("--version")
    assert version.returncode == 0 and "hdf5" in version.stdout
    for arguments in (["frobnicate"], ["run"], ["run", "x.toml", "--seed", "-1"], ["run", "x.toml", "--threads", "many"]):
        result = run_cli(*arguments)
        assert result.returncode == 2, arguments
        assert "Usage" in result.stderr


def test_missing_scenario_file(run_cli, tmp_path):
    result = run_cli("run", tmp_path / "nowhere.toml")
    assert result.returncode == 3
    assert "nowhere.toml" in result.stderr


def test_an_interrupted_run_leaves_no_file(small_scenario, tmp_path):
    """SIGINT in the middle of a long run: exit 130, no output file, no temporary file."""
    long_run = tmp_path / "long.toml"
    long_run.write_text(f'base = "{small_scenario}"\n[run]\nmonths = 600\n[cohort]\nsize = 400000\n')
    out = tmp_path / "out" / "long.h5"
    process = subprocess.Popen([*taalwerk_program(), "run", str(long_run), "--replicates", "50", "--out", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    time.sleep(2.0)
    assert process.poll() is None, "the run finished before it could be interrupted"
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert not out.exists()
    assert not out.parent.exists() or list(out.parent.iterdir()) == []


def test_params_output_matches_the_committed_parameter_table(run_cli):
    result = run_cli("params")
    assert result.returncode == 0
    committed = (REPO / "docs" / "parameters.md").read_text()
    assert result.stdout == committed, "docs/parameters.md is stale: regenerate it with `taalwerk params --out docs/parameters.md`"


def test_outputs_document_matches_the_indicator_table(run_cli):
    result = run_cli("outputs")
    assert result.returncode == 0
    committed = (REPO / "docs" / "outputs.md").read_text()
    assert result.stdout == committed, "docs/outputs.md is stale: regenerate it with `taalwerk outputs --out docs/outputs.md`"


def test_a_run_too_large_for_this_machine_is_refused_before_allocating(run_cli, tmp_path):
    huge = tmp_path / "huge.toml"
    huge.write_text(f'base = "{REPO / "scenarios" / "default.toml"}"\n[cohort]\nsize = 50000000\n[run]\nmonths = 600\n')
    result = run_cli("run", huge, "--replicates", "100000", "--out", tmp_path / "huge.h5", timeout=60)
    assert result.returncode == 2
    assert "memory" in result.stderr and "use fewer replicates, months or agents" in result.stderr
    assert not (tmp_path / "huge.h5").exists()
