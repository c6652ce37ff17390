"""`taalwerk report`: every required section and figure, a self-contained page, plain-language
terms explained on first use, the parameter appendix, exit codes, and no half-written report."""
from __future__ import annotations

import base64
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO
from test_package_install import taalwerk_console

SCENARIOS = [REPO / "scenarios" / f"{name}.toml" for name in ("sequential", "parallel", "work-first")]
SMALL = ("--agents", "1500", "--replicates", "3", "--threads", "1")
SECTIONS = ("about", "findings", "summary", "trajectories", "flows", "differences", "subgroups", "cost", "method",
            "glossary", "appendix-parameters", "appendix-scenarios")
FIGURES = ("figure-trajectory-in_paid_work", "figure-trajectory-on_bijstand", "figure-flows", "figure-subgroups",
           "figure-difference-in_paid_work", "figure-cost")
TABLES = ("scenario-list", "summary-table", "difference-table", "subgroup-table", "cost-table", "glossary-table",
          "parameter-table")
VOID_ELEMENTS = {"meta", "link", "img", "br", "hr", "input"}


class PageStructure(HTMLParser):
    """Element ids, image sources and tag balance of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.images: list[str] = []
        self.links: list[str] = []
        self.open: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "img":
            self.images.append(attributes.get("src", ""))
        for name in ("href", "src"):
            if name in attributes and tag != "img":
                self.links.append(attributes[name])
        if tag not in VOID_ELEMENTS:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.open[-1] if self.open else 'nothing'}>")
        else:
            self.open.pop()


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    result = taalwerk_console("report", *SCENARIOS, "--out", folder, *SMALL, cwd=folder)
    assert result.returncode == 0, result.stderr
    page = folder / "report.html"
    return page, page.read_text(encoding="utf-8"), result.stderr


def structure_of(text: str) -> PageStructure:
    parser = PageStructure()
    parser.feed(text)
    parser.close()
    return parser


def test_the_page_has_every_section_figure_and_table(report):
    _, text, _ = report
    structure = structure_of(text)
    assert not structure.errors and not structure.open, structure.errors[:5]
    for identifier in SECTIONS + FIGURES + TABLES:
        assert identifier in structure.ids, identifier
    assert text.startswith("<!DOCTYPE html>")


def test_figures_are_embedded_pngs_and_nothing_is_fetched(report):
    _, text, _ = report
    structure = structure_of(text)
    assert len(structure.images) >= len(FIGURES)
    for source in structure.images:
        assert source.startswith("data:image/png;base64,")
        assert base64.b64decode(source.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"
    external = [link for link in structure.links if not (link.startswith("#") or link.startswith("data:"))]
    assert external == []
    assert not re.search(r"""(src|href)=["']https?://""", text)


def test_summary_table_has_the_report_months_and_measures(report):
    _, text, _ = report
    table = text[text.index('id="summary-table"'):]
    table = table[:table.index("</table>")]
    for month in (12, 30, 42, 60):
        assert f"<th>Month {month}</th>" in table
    for measure in ("In paid work", "In durable work", "On bijstand", "Passed the inburgering exam", "Public cost"):
        assert measure in table
    for name in ("sequential", "parallel", "work-first"):
        assert f"<td>{name}</td>" in table


def test_paired_differences_are_against_the_first_scenario(report):
    _, text, _ = report
    table = text[text.index('id="difference-table"'):]
    table = table[:table.index("</table>")]
    assert "parallel − sequential" in table and "work-first − sequential" in table
    assert "sequential − sequential" not in table
    assert "common random numbers" in text


def test_dutch_terms_are_explained_at_their_first_use(report):
    _, text, _ = report
    main = text[text.index("<main>"):]
    for term, explanation in (("statushouders", "a refugee who has been granted"), ("AZC", "asylum reception centre"),
                              ("inburgering", "the civic-integration obligation"), ("bijstand", "social assistance")):
        first = main.index(f">{term}</dfn>")
        assert main[first:first + 200].split("</dfn>", 1)[1].lstrip().startswith(f"({explanation}"), term
    assert 'id="glossary-table"' in text and "nareiziger" in text and "klantmanager" in text


def test_parameter_appendix_lists_what_differs_with_unit_range_and_source(report):
    _, text, _ = report
    table = text[text.index('id="parameter-table"'):]
    table = table[:table.index("</table>")]
    assert "<code>municipalities.national.pathway</code>" in table
    for cell in ("sequential", "parallel", "work_first", "model-brief: §4", "Source", "Unit", "Default", "Range / choices"):
        assert cell in table, cell
    assert "cohort.size" not in table  # the same in every scenario: not a difference


def test_run_settings_and_progress(report):
    _, text, stderr = report
    assert "1,500 adults" in text and "3 replicates" in text and "61 months" in text
    assert "ran sequential (1/3)" in stderr and "wrote" in stderr


def test_a_single_scenario_and_a_repeated_one(tmp_path):
    out = tmp_path / "single.html"
    result = taalwerk_console("report", SCENARIOS[0], SCENARIOS[0], "--out", out, *SMALL, "--months", "13", "--quiet")
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "sequential (2)" in text and "do not differ in any parameter" in text
    assert "<th>Month 12</th>" in text and "Month 30" not in text


@pytest.mark.parametrize("problem, code, message", [
    ("missing", 3, "scenario file not found"),
    ("unknown key", 3, "did you mean 'labour.tightness'"),
    ("bad option", 2, "--replicates"),
    ("unwritable", 4, "cannot write the report"),
])
def test_errors_have_clear_messages_exit_codes_and_write_nothing(tmp_path, problem, code, message):
    bad = tmp_path / "bad.toml"
    bad.write_text(f'base = "{SCENARIOS[0]}"\n[labour]\ntightnes = 2\n')
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the output folder should be")
    out = tmp_path / "out"
    arguments = {
        "missing": [tmp_path / "nowhere.toml", SCENARIOS[1], "--out", out],
        "unknown key": [SCENARIOS[0], bad, "--out", out],
        "bad option": [SCENARIOS[0], "--replicates", "0", "--out", out],
        "unwritable": [SCENARIOS[0], "--out", blocker / "report.html"],
    }[problem]
    result = taalwerk_console("report", *arguments, "--agents", "300", "--months", "13", "--replicates", "2", "--quiet")
    assert result.returncode == code, result.stderr
    assert message in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_a_failure_while_writing_keeps_the_previous_report_whole(tmp_path, monkeypatch):
    from taalwerk import report

    target = tmp_path / "report.html"
    target.write_text("previous complete report")

    def broken(*_arguments, **_options):
        raise RuntimeError("figure failed")

    monkeypatch.setattr(report, "render_report", broken)
    with pytest.raises(RuntimeError, match="figure failed"):
        report.build_report([SCENARIOS[0]], tmp_path, report.ReportOptions(replicates=1, agents=200, months=13),
                            progress=lambda message: None)
    assert target.read_text() == "previous complete report"

    def interrupted_flush(_descriptor):
        raise KeyboardInterrupt  # Ctrl-C after part of the page is written, before the rename

    monkeypatch.undo()
    monkeypatch.setattr(report.os, "fsync", interrupted_flush)
    with pytest.raises(KeyboardInterrupt):
        report.write_atomically(target, "new report")
    monkeypatch.undo()
    assert target.read_text() == "previous complete report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary file left behind
