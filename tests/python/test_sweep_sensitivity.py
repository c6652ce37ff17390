"""Saltelli and Morris sweeps give SALib's sensitivity indices, led by the parameter that matters."""
from __future__ import annotations

import pytest

import taalwerk
from conftest import REPO


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    path = tmp_path_factory.mktemp("sensitivity") / "base.toml"
    path.write_text(f'base = "{REPO / "scenarios" / "default.toml"}"\n[run]\nmonths = 24\n[cohort]\nsize = 1500\n')
    return path


# labour.tightness multiplies every job-finding rate (0.2 to 3: a dominant effect on work);
# cohort.mental_health_problem_share moves it a little.
PARAMETERS = {"labour.tightness": {"range": [0.2, 3.0]}, "cohort.mental_health_problem_share": {"range": [0.15, 0.25]}}


def test_sobol_indices_from_a_saltelli_sweep(base, tmp_path):
    sweep = taalwerk.Sweep(base=base, design="saltelli", points=16, parameters=PARAMETERS, replicates=1, seed=1)
    result = sweep.run(tmp_path / "saltelli.h5", progress=False)
    assert result.point_count == 16 * (2 * 2 + 2)
    indices = result.sensitivity("in_paid_work", month=23, share=True)
    assert list(indices.columns) == ["S1", "S1_conf", "ST", "ST_conf"]
    assert indices.loc["labour.tightness", "ST"] > 0.5 > indices.loc["cohort.mental_health_problem_share", "ST"]


def test_elementary_effects_from_a_morris_sweep(base, tmp_path):
    sweep = taalwerk.Sweep(base=base, design="morris", points=6, levels=4, parameters=PARAMETERS, replicates=1, seed=1)
    result = sweep.run(tmp_path / "morris.h5", progress=False)
    indices = result.sensitivity("on_bijstand", share=True)
    assert indices.loc["labour.tightness", "mu_star"] > indices.loc["cohort.mental_health_problem_share", "mu_star"]


def test_other_designs_have_no_indices(base, tmp_path):
    sweep = taalwerk.Sweep(base=base, parameters={"labour.tightness": [0.5, 1.0]})
    result = sweep.run(tmp_path / "grid.h5", progress=False)
    with pytest.raises(ValueError, match="saltelli or morris"):
        result.sensitivity("in_paid_work")
