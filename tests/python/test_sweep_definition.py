"""Sweep files and Sweep objects: strict keys, designs, and every point validated before a run."""
from __future__ import annotations

import numpy as np
import pytest

import taalwerk
from conftest import REPO

DEFAULT = REPO / "scenarios" / "default.toml"


def write_sweep(folder, text: str):
    (folder / "tiny.toml").write_text(f'base = "{DEFAULT}"\n[run]\nmonths = 12\n[cohort]\nsize = 1000\n')
    path = folder / "sweep.toml"
    path.write_text('base = "tiny"\n' + text)
    return path


def test_shipped_sweep_files_load_and_plan():
    files = sorted((REPO / "scenarios" / "sweeps").glob("*.toml"))
    assert files
    for path in files:
        sweep = taalwerk.Sweep.load(path)
        plan = sweep.plan()
        assert plan.point_count == len(plan.design) > 1
        assert sweep.base.resolve() == DEFAULT.resolve()


def test_grid_is_the_product_of_the_values_first_parameter_slowest(tmp_path):
    sweep = taalwerk.Sweep.load(write_sweep(tmp_path, """
[design]
replicates = 2
[parameters."labour.tightness"]
values = [0.5, 2.0]
[parameters."municipalities.national.pathway"]
values = ["sequential", "parallel", "work_first"]
[parameters."cohort.size"]
range = [1000, 3000]
steps = 3
"""))
    design = sweep.design_table()
    assert len(design) == 2 * 3 * 3
    assert design.iloc[0].tolist() == [0.5, "sequential", 1000]
    assert design.iloc[1].tolist() == [0.5, "sequential", 2000]
    assert design.iloc[-1].tolist() == [2.0, "work_first", 3000]
    assert all(isinstance(size, (int, np.integer)) for size in design["cohort.size"])  # an integer key stays whole


@pytest.mark.parametrize("kind, points, expected", [
    ("latin_hypercube", 10, 10), ("sobol", 16, 16), ("saltelli", 8, 8 * (2 * 3 + 2)), ("morris", 5, 5 * (3 + 1)),
])
def test_sampled_designs_stay_in_their_ranges(tmp_path, kind, points, expected):
    sweep = taalwerk.Sweep.load(write_sweep(tmp_path, f"""
[design]
kind = "{kind}"
points = {points}
sampling_seed = 3
[parameters."labour.tightness"]
range = [0.5, 2.0]
[parameters."labour.base_job_finding_rate"]
range = [0.01, 0.1]
scale = "log"
[parameters."municipalities.national.pathway"]
values = ["sequential", "parallel"]
"""))
    design = sweep.design_table()
    assert len(design) == expected
    assert design["labour.tightness"].between(0.5, 2.0).all()
    assert design["labour.base_job_finding_rate"].between(0.01, 0.1).all()
    assert set(design["municipalities.national.pathway"]) <= {"sequential", "parallel"}
    again = taalwerk.Sweep.load(tmp_path / "sweep.toml").design_table()
    assert design.equals(again)  # the sampling seed fixes the design


def test_latin_hypercube_puts_one_point_in_each_stratum(tmp_path):
    sweep = taalwerk.Sweep.load(write_sweep(tmp_path, """
[design]
kind = "latin_hypercube"
points = 20
[parameters."labour.tightness"]
range = [0.0, 2.0]
"""))
    strata = np.floor(sweep.design_table()["labour.tightness"].to_numpy() / 0.1).astype(int)
    assert sorted(strata) == list(range(20))


@pytest.mark.parametrize("text, message", [
    ('[desing]\nkind = "grid"\n', "unknown key 'desing'; did you mean 'design'?"),
    ('[design]\nkind = "grdi"\n[parameters."labour.tightness"]\nvalues = [1.0]\n', "did you mean 'grid'?"),
    ('[design]\nreplicate = 2\n', "[design]: unknown key 'replicate'; did you mean 'replicates'?"),
    ('[parameters."labour.tightness"]\nvalue = [1.0]\n', "unknown key 'value'; did you mean 'values'?"),
    ('[parameters."labour.tightness"]\nrange = [0.5, 2.0]\n', "a grid needs 'values', or 'range' with 'steps'"),
    ('[design]\nkind = "sobol"\npoints = 12\n[parameters."labour.tightness"]\nrange = [0.5, 2.0]\n', "power of 2"),
    ('[design]\nkind = "latin_hypercube"\n[parameters."labour.tightness"]\nrange = [0.5, 2.0]\n', "design.points"),
    ('[design]\nreplicates = 0\n[parameters."labour.tightness"]\nvalues = [1.0]\n', "design.replicates"),
    ('[parameters."labour.tightness"]\nrange = [2.0, 0.5]\nsteps = 3\n', "low < high"),
    ('[parameters."labour.tightness"]\nvalues = [1.0]\n[overrides]\n"labour.tightness" = 1.0\n', "both swept and fixed"),
    ('', "at least one parameter"),
    ('[parameters."labour.tightness"]\nvalues = [1.0, 1.0]\n', "repeats a value"),
    ('[parameters."labour.tightness"\n', "not valid TOML"),
])
def test_sweep_file_errors_name_the_file_and_the_key(tmp_path, text, message):
    with pytest.raises(taalwerk.SweepError) as error:
        taalwerk.Sweep.load(write_sweep(tmp_path, text))
    assert message in str(error.value)
    assert "sweep.toml" in str(error.value)


def test_bad_point_values_are_caught_before_anything_runs(tmp_path):
    path = write_sweep(tmp_path, '[parameters."labour.tightness"]\nvalues = [1.0, 7.0]\n')
    sweep = taalwerk.Sweep.load(path)  # the file itself is well formed
    with pytest.raises(taalwerk.ScenarioError) as error:
        sweep.run(tmp_path / "out.h5", progress=False)
    assert "point 1 (labour.tightness=7.0)" in str(error.value) and "out of range" in str(error.value)
    assert not (tmp_path / "out.h5").exists()
    misspelt = write_sweep(tmp_path, '[parameters."labour.tightnes"]\nvalues = [1.0]\n')
    with pytest.raises(taalwerk.ScenarioError, match="did you mean 'labour.tightness'"):
        taalwerk.Sweep.load(misspelt).plan()


def test_python_objects_and_files_describe_the_same_sweep(tmp_path):
    path = write_sweep(tmp_path, """
[design]
replicates = 3
seed = 9
[parameters."labour.tightness"]
values = [0.5, 2.0]
""")
    from_file = taalwerk.Sweep.load(path)
    from_python = taalwerk.Sweep(base=tmp_path / "tiny.toml", parameters={"labour.tightness": [0.5, 2.0]}, replicates=3, seed=9)
    assert from_file.plan().sweep_hash == from_python.plan().sweep_hash
    other_seed = taalwerk.Sweep(base=tmp_path / "tiny.toml", parameters={"labour.tightness": [0.5, 2.0]}, replicates=3, seed=10)
    assert other_seed.plan().sweep_hash != from_file.plan().sweep_hash
