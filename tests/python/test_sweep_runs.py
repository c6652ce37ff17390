"""Running sweeps: points equal single runs, the store, resuming, and crash-safe consolidation."""
from __future__ import annotations

import fcntl
import json
import os

import h5py
import numpy as np
import pytest
import xarray as xr

import taalwerk
from conftest import REPO
from taalwerk import sweep_store

DEFAULT = REPO / "scenarios" / "default.toml"


@pytest.fixture
def tiny(tmp_path):
    path = tmp_path / "tiny.toml"
    path.write_text(f'base = "{DEFAULT}"\n[run]\nmonths = 18\n[cohort]\nsize = 1500\n')
    return path


@pytest.fixture
def grid(tiny):
    return taalwerk.Sweep(
        base=tiny, name="grid", replicates=3, seed=5,
        parameters={"labour.tightness": [0.5, 1.0, 2.0], "municipalities.national.pathway": ["sequential", "work_first"]},
    )


def stored_indicators(path) -> dict[str, np.ndarray]:
    with taalwerk.open_sweep(path).dataset() as ds:
        return {name: ds[name].values for name in taalwerk.indicator_names(ds)}


def test_a_sweep_equals_its_points_run_one_by_one(grid, tiny, tmp_path):
    result = grid.run(tmp_path / "grid.h5", workers=2, progress=False)
    assert result.is_complete and result.point_count == 6
    with result.dataset() as ds:
        assert ds["in_paid_work"].dims == ("point", "replicate", "month", "group")
        assert list(ds["replicate"].values) == [0, 1, 2] and (ds["point_seed"].values == 5).all()
        for point, row in result.design.iterrows():
            overrides = {key: row[key] for key in grid.design_table().columns}
            single = taalwerk.run(tiny, seed=5, replicates=3, overrides=overrides)
            assert ds["labour.tightness"].values[point] == overrides["labour.tightness"]
            for name in taalwerk.indicator_names(single):
                np.testing.assert_array_equal(ds[name].values[point], single[name].values, err_msg=f"{name}, point {point}")
            assert "[labour]" in result.scenario_toml(point)
            from_point = result.point(point)
            np.testing.assert_array_equal(from_point["cost_total"].values, single["cost_total"].values)
            assert from_point.attrs["base_seed"] == 5


def test_the_store_is_self_describing(grid, tmp_path):
    result = grid.run(tmp_path / "grid.h5", progress=False)
    with h5py.File(result.path) as f:
        assert f.attrs["Conventions"] == "taalwerk-sweep-1"
        assert f.attrs["code_version"] == taalwerk.version()
        assert f.attrs["base_seed"] == 5 and f.attrs["replicates_per_point"] == 3
        assert json.loads(f.attrs["sweep_definition"])["parameters"]["labour.tightness"] == {"values": [0.5, 1.0, 2.0]}
        assert f["in_paid_work"].chunks == (1, 3, 18, f["group"].shape[0])  # one point per chunk
        assert (f["point_completed"][()] == 1).all() and np.isfinite(f["point_core_seconds"][()]).all()
    with xr.open_dataset(result.path, engine="h5netcdf") as ds:  # plain xarray reads it too
        assert ds["cost_total"].attrs["units"] == "EUR"
    summary = result.summary("in_paid_work", month=17, share=True)
    assert list(summary.columns[:3]) == ["labour.tightness", "municipalities.national.pathway", "completed"]
    assert (summary["in_paid_work share q05"] <= summary["in_paid_work share q95"]).all()
    table = result.tidy(["on_bijstand"], months=[17])
    assert len(table) == 6 * 3 and {"labour.tightness", "point", "value"} <= set(table.columns)


def test_resume_runs_only_what_is_missing(grid, tmp_path):
    out = tmp_path / "grid.h5"
    first = []
    with pytest.raises(KeyboardInterrupt):
        def stop_after_three(index):
            first.append(index)
            if len(first) == 3:
                raise KeyboardInterrupt  # as Ctrl-C would
        grid.run(out, workers=1, progress=False, on_point_stored=stop_after_three)
    partial = taalwerk.open_sweep(out)
    assert partial.completed.sum() == 3 and partial.pending_points == 0  # consolidated on the way out
    second = []
    grid.run(out, workers=2, progress=False, on_point_stored=second.append)
    assert sorted(first + second) == list(range(6))
    reference = grid.run(tmp_path / "reference.h5", progress=False)
    resumed = stored_indicators(out)
    for name, values in stored_indicators(reference.path).items():
        np.testing.assert_array_equal(resumed[name], values)
    with h5py.File(out) as f:
        assert len(set(f["point_session"].asstr()[()])) == 2  # two commands ran it
    third = []
    grid.run(out, progress=False, on_point_stored=third.append)
    assert third == []
    assert not sweep_store.parts_folder(out).exists() and not sweep_store.lock_file(out).exists()


def test_a_store_of_another_sweep_is_refused_unless_forced(grid, tiny, tmp_path):
    out = tmp_path / "grid.h5"
    grid.run(out, progress=False)
    changed = taalwerk.Sweep(base=tiny, name="grid", replicates=4, seed=5, parameters=dict(grid.definition()["parameters"]))
    with pytest.raises(taalwerk.OutputError, match="different sweep.*design"):
        changed.run(out, progress=False)
    tiny.write_text(tiny.read_text().replace("size = 1500", "size = 1600"))  # the base scenario is edited
    with pytest.raises(taalwerk.SweepStoreError, match="resolved scenarios differ"):
        grid.run(out, progress=False)
    assert taalwerk.open_sweep(out).is_complete  # refusing leaves the store alone
    again = grid.run(out, progress=False, force=True)
    assert again.is_complete and "size = 1600" in again.point(0).attrs["scenario_toml"]


def test_one_writer_at_a_time(grid, tmp_path):
    out = tmp_path / "grid.h5"
    with open(sweep_store.lock_file(out), "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(taalwerk.SweepStoreError, match="another process"):
            grid.run(out, progress=False)


def test_a_crash_while_consolidating_loses_nothing(grid, tmp_path, monkeypatch):
    """Consolidation writes a new sweep file and renames it over the old one; a crash before or
    after that rename leaves every finished point readable and the sweep resumable."""
    out = tmp_path / "grid.h5"
    real_replace = os.replace

    def crash_on_the_sweep_file(source, target):
        if os.fspath(target) == os.fspath(out) and out.exists():  # not the first, empty sweep file
            raise KeyboardInterrupt  # stands in for kill -9: the new copy is never put in place
        return real_replace(source, target)

    monkeypatch.setattr(sweep_store.os, "replace", crash_on_the_sweep_file)
    stored = []
    with pytest.raises(KeyboardInterrupt):
        grid.run(out, progress=False, on_point_stored=stored.append)
    monkeypatch.undo()
    store = sweep_store.SweepStore(out)
    assert store.completed_points() == set(stored) == set(range(6))  # all as parts, none lost
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]  # the unfinished copy is removed
    assert taalwerk.open_sweep(out).completed.sum() == 0  # the old sweep file, still valid

    # A crash after the rename, before the parts are deleted: the parts are taken in twice, harmlessly.
    real_unlink = sweep_store.Path.unlink

    def crash_on_first_delete(self, missing_ok=False):
        if self.name.startswith("point-"):
            raise KeyboardInterrupt
        return real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(sweep_store.Path, "unlink", crash_on_first_delete)
    again = []
    with pytest.raises(KeyboardInterrupt):
        grid.run(out, progress=False, on_point_stored=again.append)
    monkeypatch.undo()
    assert again == [] and taalwerk.open_sweep(out).is_complete and store.part_indices()
    grid.run(out, progress=False)
    assert not store.parts.exists()
    reference = grid.run(tmp_path / "reference.h5", progress=False)
    resumed = stored_indicators(out)
    for name, values in stored_indicators(reference.path).items():
        np.testing.assert_array_equal(resumed[name], values)


def test_a_damaged_part_is_set_aside_and_its_point_runs_again(grid, tmp_path, monkeypatch):
    out = tmp_path / "grid.h5"
    monkeypatch.setattr(sweep_store.SweepWriter, "finish", lambda self: None)  # leave the parts as a crash would
    grid.run(out, progress=False)
    monkeypatch.undo()
    store = sweep_store.SweepStore(out)
    damaged = sweep_store.part_file(store.parts, 4)
    data = bytearray(damaged.read_bytes())
    data[-10] ^= 0xFF  # one flipped byte in the last chunk
    damaged.write_bytes(bytes(data))
    with pytest.warns(UserWarning, match="point 4 was damaged"):
        taalwerk.run_sweep(grid, out, progress=False, on_point_stored=lambda index: pytest.fail("nothing should run yet"))
    assert list(np.flatnonzero(~taalwerk.open_sweep(out).completed)) == [4]
    assert damaged.with_name(damaged.name + ".damaged").exists()
    rerun = []
    grid.run(out, progress=False, on_point_stored=rerun.append)
    assert rerun == [4] and taalwerk.open_sweep(out).is_complete
