"""The Python package: import, run as xarray, overrides validated like files, file round trip."""
from __future__ import annotations

import numpy as np
import pytest

import taalwerk
from conftest import REPO


def test_import_and_version():
    assert taalwerk.version()
    assert "hdf5" in taalwerk.library_versions()


def test_run_returns_a_dataset_with_named_dimensions(small_scenario):
    ds = taalwerk.run(small_scenario, seed=3, replicates=2)
    assert ds.in_paid_work.dims == ("replicate", "month", "group")
    assert ds.sizes["month"] == 24 and ds.sizes["replicate"] == 2
    assert "sex=female" in list(ds.group.values)
    assert ds.attrs["base_seed"] == 3
    everyone = (ds.persons + ds.abroad_awaiting_reunification).sel(group="all")
    assert (everyone == 3000).all()
    # Group cells of one breakdown add up to "all".
    sexes = ds.in_paid_work.sel(group=["sex=male", "sex=female"]).sum("group")
    np.testing.assert_array_equal(sexes.values, ds.in_paid_work.sel(group="all").values)


def test_run_matches_the_file_written_by_the_program(run_cli, small_scenario, tmp_path):
    out = tmp_path / "run.h5"
    assert run_cli("run", small_scenario, "--seed", "9", "--replicates", "2", "--out", out).returncode == 0
    from_file = taalwerk.open_run(out)
    in_memory = taalwerk.run(small_scenario, seed=9, replicates=2)
    for name in ("in_paid_work", "on_bijstand", "cost_bijstand"):
        np.testing.assert_array_equal(from_file[name].values, in_memory[name].values)
    assert list(from_file.group.values) == list(in_memory.group.values)


def test_overrides_change_the_run_and_are_validated(small_scenario):
    base = taalwerk.run(small_scenario, seed=1)
    tight = taalwerk.run(small_scenario, seed=1, overrides={"labour.tightness": 2.0})
    assert tight.in_paid_work.sel(group="all").sum() > base.in_paid_work.sel(group="all").sum()
    with pytest.raises(taalwerk.ScenarioError, match="labour.tightness"):
        taalwerk.run(small_scenario, overrides={"labour.tightness": -1.0})
    with pytest.raises(taalwerk.ScenarioError, match="did you mean"):
        taalwerk.run(small_scenario, overrides={"labour.tightnes": 1.0})
    with pytest.raises(taalwerk.ScenarioError, match="finite"):
        taalwerk.run(small_scenario, overrides={"labour.tightness": float("nan")})


def test_common_random_numbers_between_scenarios(small_scenario):
    """Same seed, a policy that cannot matter before housing: reception months are identical."""
    a = taalwerk.run(small_scenario, seed=4)
    b = taalwerk.run(small_scenario, seed=4, overrides={"municipalities.national.pathway": "parallel"})
    # The pathway breakdown moves with the policy itself; every other group cell must match.
    same_groups = [g for g in a.group.values if not g.startswith("pathway=")]
    np.testing.assert_array_equal(a.in_reception.sel(group=same_groups).values, b.in_reception.sel(group=same_groups).values)
    np.testing.assert_array_equal(a.persons.sel(group=same_groups).values, b.persons.sel(group=same_groups).values)
    assert (b.persons.sel(group="pathway=parallel") == b.persons.sel(group="all")).all()
    assert not np.array_equal(a.in_paid_work.values, b.in_paid_work.values)
