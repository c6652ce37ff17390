"""Misuse of the Python API: wrong types, negative or absurd sizes, unknown keys. Each gives a
Python exception whose message says what was wrong, at once: never a segmentation fault, never
an attempt to allocate memory the machine does not have."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest

import taalwerk
from taalwerk import _core
from conftest import REPO

DEFAULT = REPO / "scenarios" / "default.toml"


@pytest.mark.parametrize("arguments, error, message", [
    ({"seed": "1"}, TypeError, "seed must be an integer, not str"),
    ({"replicates": 2.5}, TypeError, "replicates must be an integer, not float"),
    ({"threads": None}, TypeError, "threads must be an integer"),
    ({"replicates": True}, TypeError, "replicates must be an integer, not bool"),
    ({"replicates": 0}, ValueError, r"replicates = 0 is out of range; allowed: 1\.\.100000"),
    ({"replicates": -3}, ValueError, r"replicates = -3 is out of range"),
    ({"replicates": 10**12}, ValueError, r"replicates = 1000000000000 is out of range"),
    ({"threads": -1}, ValueError, r"threads = -1 is out of range; allowed: 0\.\.1024"),
    ({"threads": 10**6}, ValueError, r"threads = 1000000 is out of range"),
    ({"seed": -1}, ValueError, r"seed = -1 is out of range"),
    ({"seed": 2**40}, ValueError, r"seed = 1099511627776 is out of range"),
    ({"seed": 2**70}, ValueError, r"out of range"),
])
def test_run_arguments_are_checked(arguments, error, message):
    with pytest.raises(error, match=message):
        taalwerk.run(DEFAULT, **arguments)


@pytest.mark.parametrize("overrides, error, message", [
    ({"cohort.size": 10**12}, taalwerk.ScenarioError, r"cohort\.size"),
    ({"cohort.size": -5}, taalwerk.ScenarioError, r"cohort\.size"),
    ({"run.months": 10**9}, taalwerk.ScenarioError, r"run\.months"),
    ({"run.months": 0}, taalwerk.ScenarioError, r"run\.months"),
    ({"cohort.size": 10**30}, taalwerk.ScenarioError, "does not fit a 64-bit integer"),
    ({"labour.tightnes": 1.0}, taalwerk.ScenarioError, "did you mean 'labour.tightness'"),
    ({"labour.tightness": float("nan")}, taalwerk.ScenarioError, r"labour\.tightness"),
    ({"labour.tightness": float("inf")}, taalwerk.ScenarioError, r"labour\.tightness"),
    ({"labour.tightness": b"1.0"}, taalwerk.ScenarioError, "Python type 'bytes' cannot be a scenario value"),
    ({"labour.tightness": object()}, taalwerk.ScenarioError, "Python type 'object' cannot be a scenario value"),
    ({"labour.tightness": {"a": 1}}, taalwerk.ScenarioError, "cannot be a scenario value"),
    ({"cohort.age_band_shares": [[0.5], 0.5]}, taalwerk.ScenarioError, "list elements must be numbers"),
    ({"cohort.age_band_shares": [0.5] * 10**5}, taalwerk.ScenarioError, r"cohort\.age_band_shares"),
    ({1: 2}, TypeError, "override keys must be dotted scenario keys"),
    ([("labour.tightness", 1.0)], TypeError, "overrides must be a mapping"),
    ("labour.tightness=1", TypeError, "overrides must be a mapping"),
])
def test_overrides_are_checked(overrides, error, message):
    with pytest.raises(error, match=message):
        taalwerk.run(DEFAULT, overrides=overrides)


def test_core_module_checks_keys_and_ranges_itself():
    """Direct callers of taalwerk._core get the same clear errors as the taalwerk package."""
    with pytest.raises(TypeError, match="override keys must be dotted scenario keys"):
        _core.run(str(DEFAULT), 1, 1, 0, {3: 1.0})
    with pytest.raises(ValueError, match="replicates = -1 is out of range"):
        _core.run(str(DEFAULT), 1, -1, 0, {})
    with pytest.raises(taalwerk.ScenarioError, match="does not fit a 64-bit integer"):
        _core.resolved_scenario(str(DEFAULT), {"cohort.size": -(10**40)})


def test_a_run_too_large_for_this_machine_is_refused_before_allocating_with_its_estimate():
    started = time.perf_counter()
    with pytest.raises(ValueError, match=r"this run needs about [0-9.]+ [TGP]B of memory .*more than the .* this "
                                         r"machine has; use fewer replicates, months or agents"):
        taalwerk.run(DEFAULT, replicates=100000, overrides={"cohort.size": 50_000_000, "run.months": 600})
    assert time.perf_counter() - started < 30  # refused up front, not after simulating


def test_scenario_paths_and_objects_are_checked(tmp_path):
    with pytest.raises(TypeError, match="a scenario is a path"):
        taalwerk.Scenario(123)
    with pytest.raises(TypeError):
        taalwerk.run(None)
    with pytest.raises(taalwerk.ScenarioError, match="scenario file not found: .*missing.toml"):
        taalwerk.run(tmp_path / "missing.toml")
    with pytest.raises(taalwerk.ScenarioError, match="scenario file not found"):
        taalwerk.run(tmp_path)  # a folder
    (tmp_path / "binary.toml").write_bytes(bytes(range(256)))
    with pytest.raises(taalwerk.ScenarioError, match="binary.toml"):
        taalwerk.run(tmp_path / "binary.toml")
    scenario = taalwerk.Scenario.load(DEFAULT)
    with pytest.raises(taalwerk.ScenarioError, match="unknown key"):
        scenario.override({"no.such.key": 1})
    with pytest.raises(TypeError, match="override keys must be dotted scenario keys"):
        scenario.override({("labour", "tightness"): 1})
    with pytest.raises(ValueError, match="replicates = 0 is out of range"):
        scenario.run(replicates=0)
    with pytest.raises(KeyError, match="no key 'labour.tightnes'"):
        scenario["labour.tightnes"]


def test_command_line_entry_rejects_nonsense_without_crashing():
    code = ("import taalwerk._core as c, sys; "
            "sys.exit(max(c.run_command_line(a) for a in (['run', 'x.toml', '--replicates', '-5'], "
            "['run', 'x.toml', '--threads', '99999999999999999999'], ['--no-such-option'], ['run'])))")
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert child.returncode == 2, child.stderr  # usage errors, no signal
