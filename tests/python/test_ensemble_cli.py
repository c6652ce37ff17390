"""`taalwerk compare` and `taalwerk report` with --ensemble: the comparison runs under the members
of the calibration ensemble, its bands include parameter uncertainty and its spread is split into a
parameter and a stochastic part; a bad ensemble file is a clear error with exit code 3 (a bad
--members 2) and nothing is written."""
from __future__ import annotations

import re

import pytest

import taalwerk
from conftest import REPO
from taalwerk.calibration import Ensemble
from test_package_install import taalwerk_console

ENSEMBLE = REPO / "scenarios" / "calibration" / "national-2014-ensemble.toml"
TINY = ("--members", "3", "--replicates", "2", "--threads", "1")


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """Sequential and parallel at 1,500 agents and 12 months, based on the calibrated default."""
    folder = tmp_path_factory.mktemp("ensemble-cli")
    a = folder / "sequential.toml"
    a.write_text(f'base = "{REPO / "scenarios" / "sequential.toml"}"\n[run]\nmonths = 12\n[cohort]\nsize = 1500\n')
    b = folder / "parallel.toml"
    b.write_text(f'base = "{REPO / "scenarios" / "parallel.toml"}"\n[run]\nmonths = 12\n[cohort]\nsize = 1500\n')
    return a, b


@pytest.fixture(scope="module")
def compared(pair):
    result = taalwerk_console("compare", *pair, "--ensemble", ENSEMBLE, *TINY, "--months", "6,11")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_compare_over_the_ensemble_prints_bands_and_both_spreads(compared, pair):
    out = compared
    assert "national-2014-ensemble.toml" in out and "the best 3 of its acceptable parameter sets" in out
    assert "6 paired runs" in out and "includes the uncertainty in the calibrated parameters" in out
    header = next(line for line in out.splitlines() if line.strip().startswith("indicator"))
    for column in ("difference_mean", "difference_q05", "difference_q95", "sd_parameters", "sd_stochastic"):
        assert column in header
    words = [line.strip() for line in out.splitlines() if line.strip().startswith("The share in paid work at month 11")]
    assert len(words) == 1
    sentence = words[0]
    assert re.search(r"B - A is [+-]\d+\.\d percentage points on average; in 90% of the 6 paired runs it lies between "
                     r"[+-]\d+\.\d and [+-]\d+\.\d", sentence), sentence
    assert "from parameter uncertainty (between the 3 parameter sets)" in sentence and "from chance" in sentence
    assert "parameter_sd" in out and "stochastic_sd" in out  # headline measures carry both spreads
    # The printed numbers are those of the Python API over the same members and seeds.
    ensemble = Ensemble.load(ENSEMBLE)
    first_three = Ensemble(ensemble.name, ensemble.parameters, ensemble.point, ensemble.members[:3])
    change = taalwerk.compare_over_ensemble(*pair, first_three, replicates=2, threads=1).employment_change(month=11)
    assert f"B - A is {100 * change.mean:+.1f} percentage points" in sentence
    assert f"between {100 * change.band['q05']:+.1f} and {100 * change.band['q95']:+.1f}" in sentence
    assert f"{100 * change.parameter_sd:.1f} percentage points from parameter uncertainty" in sentence


def test_compare_without_ensemble_is_unchanged(pair):
    result = taalwerk_console("compare", *pair, "--replicates", "2", "--threads", "1", "--months", "11",
                              "--indicators", "in_paid_work")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Paired comparison, B - A:") and "2 replicates (common random numbers)" in result.stdout
    assert "parameter ensemble" not in result.stdout and "Ensemble:" not in result.stdout
    assert "sd_parameters" not in result.stdout and "parameter_sd" not in result.stdout


def test_report_over_the_ensemble_states_it_and_carries_the_bands(pair, tmp_path):
    out = tmp_path / "report"
    result = taalwerk_console("report", *pair, "--ensemble", ENSEMBLE, *TINY, "--months", "13", "--out", out)
    assert result.returncode == 0, result.stderr
    assert "3 members x 2 replicates" in result.stderr
    text = (out / "report.html").read_text(encoding="utf-8")
    assert "national-2014-ensemble.toml</code> (3 members) × 2 replicates = 6 runs" in text  # the page's header
    assert "The ranges in this report include parameter uncertainty from the calibration" in text
    assert "the ranges below include parameter uncertainty from the calibration" in text
    assert 'id="difference-table"' in text and 'id="difference-spread-table"' in text
    assert "These ranges include the uncertainty in the calibrated parameters as well as chance" in text
    spreads = text.split('id="difference-spread-table"', 1)[1].split("</table>", 1)[0]
    assert re.search(r"parameters \d+\.\d · chance \d+\.\d", spreads), spreads[:500]
    assert f"--ensemble {ENSEMBLE} --members 3" in text  # the command to reproduce it


def write_conflicting_ensemble(path, scenario):
    """An ensemble whose calibrated point is not the scenario's value of its only parameter."""
    key = "labour.base_job_finding_rate"
    own = taalwerk.Scenario(scenario)[key]
    Ensemble(name="elsewhere", parameters=(key,), point={key: own / 2}, members=({key: own / 2}, {key: own / 3}),
             trials=(1, 2), distances=(0.1, 0.2)).save(path)


@pytest.mark.parametrize("problem, code, message", [
    ("missing", 3, "ensemble error: ensemble file '{path}' does not exist"),
    ("not toml", 3, "is not valid TOML"),
    ("not an ensemble", 3, "not a taalwerk ensemble file"),
    ("no members", 3, "it has no members"),
    ("member without a value", 3, "member 1 (trial 7) has no value for labour.base_job_finding_rate"),
    ("conflicting scenario", 3, "does not fit ensemble 'elsewhere'"),
    ("too many members", 2, "has 2 member(s); give a number from 1 to 2"),
    ("members without ensemble", 2, "--members needs --ensemble"),
])
@pytest.mark.parametrize("command", ["compare", "report"])
def test_a_bad_ensemble_is_a_clear_error_and_writes_nothing(command, problem, code, message, pair, tmp_path):
    path = tmp_path / "ensemble.toml"
    header = 'format = "taalwerk-ensemble-1"\nname = "t"\nparameters = ["labour.base_job_finding_rate"]\n'
    contents = {
        "not toml": "format = [\n",
        "not an ensemble": 'format = "taalwerk-sweep-1"\nname = "t"\n',
        "no members": header + '[point]\n"labour.base_job_finding_rate" = 0.05\n',
        "member without a value": header + '[point]\n"labour.base_job_finding_rate" = 0.05\n'
                                  '[[members]]\ntrial = 7\ndistance = 0.5\n[members.values]\n"labour.upgrade_rate" = 0.01\n',
    }
    if problem in contents:
        path.write_text(contents[problem])
    elif problem in ("conflicting scenario", "too many members"):
        write_conflicting_ensemble(path, pair[0])
    options = ["--ensemble", path] if problem != "members without ensemble" else []
    members = {"too many members": "5", "members without ensemble": "2"}.get(problem, "1")
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.html").write_text("previous report")
    if command == "compare":
        arguments = ["compare", *pair, *options, "--members", members, "--replicates", "1", "--threads", "1"]
    else:
        arguments = ["report", *pair, *options, "--members", members, "--replicates", "1", "--months", "13",
                     "--threads", "1", "--out", out, "--quiet"]
    result = taalwerk_console(*arguments)
    assert result.returncode == code, result.stderr
    assert message.format(path=path) in result.stderr, result.stderr
    assert result.stdout == ""
    assert [p.name for p in out.iterdir()] == ["report.html"] and (out / "report.html").read_text() == "previous report"
