"""Scenario objects: overrides from Python, validated at once with the C++ schema's messages."""
from __future__ import annotations

import numpy as np
import pytest

import taalwerk
from conftest import REPO

DEFAULT = REPO / "scenarios" / "default.toml"


@pytest.fixture
def tiny(tmp_path):
    path = tmp_path / "tiny.toml"
    path.write_text(f'base = "{DEFAULT}"\n[run]\nmonths = 12\n[cohort]\nsize = 1000\n')
    return path


def test_override_is_validated_when_made_with_the_schema_messages(tiny):
    scenario = taalwerk.Scenario.load(tiny)
    with pytest.raises(taalwerk.ScenarioError) as error:
        scenario.override({"labour.tightness": -1})
    assert "labour.tightness" in str(error.value) and "out of range" in str(error.value) and "0 to 5" in str(error.value)
    with pytest.raises(taalwerk.ScenarioError, match="did you mean 'labour.tightness'"):
        scenario.override(labour__tightnes=1.0)
    with pytest.raises(taalwerk.ScenarioError, match="one of the choices"):
        scenario.override({"municipalities.national.pathway": "fast"})
    with pytest.raises(taalwerk.ScenarioError, match="whole number"):
        scenario.override(cohort__size=10.5)


def test_file_and_override_errors_say_the_same(tiny, tmp_path):
    """The same bad value, once in a file and once from Python: the same reason, both name the key."""
    bad = tmp_path / "bad.toml"
    bad.write_text(f'base = "{tiny}"\n[labour]\ntightness = 9.0\n')
    with pytest.raises(taalwerk.ScenarioError) as from_file:
        taalwerk.Scenario.load(bad)
    with pytest.raises(taalwerk.ScenarioError) as from_python:
        taalwerk.Scenario.load(tiny).override(labour__tightness=9.0)
    reason = "is out of range; allowed: real from 0 to 5"
    assert reason in str(from_file.value) and reason in str(from_python.value)
    assert "bad.toml:3" in str(from_file.value) and str(from_python.value).startswith("override: key 'labour.tightness'")


def test_overrides_stack_and_show_in_the_resolved_scenario(tiny):
    base = taalwerk.Scenario.load(tiny)
    changed = base.override(labour__tightness=1.5).with_overrides({"municipalities.national.pathway": "parallel"})
    assert dict(changed.overrides) == {"labour.tightness": 1.5, "municipalities.national.pathway": "parallel"}
    assert changed["labour.tightness"] == 1.5 and base["labour.tightness"] == 1.0
    assert 'pathway = "parallel"' in changed.resolved_toml
    with pytest.raises(KeyError, match="did you mean"):
        changed["labour.tightnes"]


def test_scenario_run_is_taalwerk_run_with_overrides(tiny):
    scenario = taalwerk.Scenario.load(tiny).override(labour__tightness=1.5)
    via_object = scenario.run(seed=3, replicates=2, threads=1)
    via_function = taalwerk.run(tiny, seed=3, replicates=2, overrides={"labour.tightness": 1.5})
    for name in taalwerk.indicator_names(via_function):
        np.testing.assert_array_equal(via_object[name].values, via_function[name].values)
    assert via_object.attrs["base_seed"] == 3 and "tightness = 1.5" in via_object.attrs["scenario_toml"]


def test_tidy_table_has_one_row_per_observation(tiny):
    ds = taalwerk.run(tiny, seed=1, replicates=2)
    table = taalwerk.tidy(ds, ["in_paid_work", "cost_total"])
    assert list(table.columns) == ["replicate", "month", "group", "indicator", "value", "units"]
    assert len(table) == 2 * 2 * 12 * ds.sizes["group"]
    row = table.query("indicator == 'cost_total' and replicate == 1 and month == 11 and group == 'all'")
    assert row["value"].item() == ds.cost_total.sel(replicate=1, month=11, group="all").item()
    assert set(table.loc[table.indicator == "cost_total", "units"]) == {"EUR"}
