"""The output file of `taalwerk run`, read the way analysts will read it: xarray with both netCDF engines.

The program is found by conftest.taalwerk_program (TAALWERK_CLI, else build/sim/taalwerk); without
one the test fails rather than skips. Layout: docs/output-file-format.md.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import xarray as xr

from conftest import REPO, taalwerk_program

DIMENSIONS = ("replicate", "month", "group")


@pytest.fixture(scope="module")
def output_file(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("taalwerk_output") / "run.h5"
    command = [*taalwerk_program(), "run", "scenarios/default.toml", "--replicates", "2", "--out", str(out)]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, f"taalwerk run failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.mark.parametrize("engine", ["h5netcdf", "netcdf4"])
def test_output_file_opens_with_xarray(output_file: Path, engine: str):
    with xr.open_dataset(output_file, engine=engine) as dataset:
        assert set(DIMENSIONS) <= set(dataset.sizes)
        assert dataset.sizes["replicate"] == 2
        assert list(dataset["month"].values) == list(range(dataset.sizes["month"]))
        assert dataset.sizes["group"] > 0
        assert all(isinstance(label, str) and label for label in dataset["group"].values.tolist())

        assert dataset.data_vars, "no indicators in the file"
        for name, variable in dataset.data_vars.items():
            assert variable.dims == DIMENSIONS, name
            assert variable.dtype == "float64", name
            assert variable.attrs.get("units"), f"{name} has no units"
            assert variable.attrs.get("long_name"), f"{name} has no long_name"

        assert dataset.attrs["scenario_toml"].strip()
        assert dataset.attrs["Conventions"] == "taalwerk-1"
        assert int(dataset.attrs["layout_version"]) == 1
        assert list(dataset.attrs["replicates"]) == list(dataset["replicate"].values)
        assert dataset.attrs["library_version_hdf5"]


def test_output_folder_holds_no_temporary_file(output_file: Path):
    assert [entry.name for entry in output_file.parent.iterdir()] == [output_file.name]
