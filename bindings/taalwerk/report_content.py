"""What the policy report says: its sections, tables, figures and plain-language findings,
built from runs that share seeds (the first scenario is the baseline). ``report.py`` runs the
scenarios and writes the page; this module only turns results into HTML."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator, Mapping, Sequence

import numpy as np
import pandas as pd
import xarray as xr

from . import plotting
from .plotting.labels import breakdown_words, group_words, indicator_words
from .plotting.series import breakdown_groups, breakdowns_of, cumulative_cost_per_person, paired_values, values
from .report_glossary import Glossary
from .report_html import Page, Section, escape, figure_grid, figure_html, table_html
from .report_parameters import differing_parameters, format_value, parameter_info
from .scenario import Scenario

SUMMARY_MONTHS = (12, 30, 42, 60)
FOCUS_MONTH = 42  # the CBS cohort figure furthest out (model brief §7); findings are told at it
BAND = (0.05, 0.95)
DURABLE_WORK = "in_work_6_months_or_more"


@dataclass(frozen=True)
class Measure:
    """A row of the summary table: an indicator shown as a share of adults, or a cumulative cost."""

    indicator: str
    label: str
    cumulative_cost: bool = False


MEASURES = (
    Measure("in_paid_work", "In paid work (% of adults)"),
    Measure(DURABLE_WORK, "In durable work: same job 6 months or more (% of adults)"),
    Measure("on_bijstand", "On bijstand (% of adults)"),
    Measure("inburgering_passed", "Passed the inburgering exam (% of adults)"),
    Measure("cost_total", "Public cost so far, per adult (euros)", cumulative_cost=True),
)
TRAJECTORY_INDICATORS = ("in_paid_work", DURABLE_WORK, "on_bijstand", "inburgering_passed")
DIFFERENCE_INDICATORS = ("in_paid_work", DURABLE_WORK, "on_bijstand")


@dataclass(frozen=True)
class ReportSettings:
    """How the runs were made, for the method section."""

    seed: int
    replicates: int
    agents: int
    months: int
    months_extended: bool
    code_version: str
    created_utc: str
    # With an ensemble of acceptable parameter sets (members > 0), each scenario ran under every member and
    # the results pool the member runs along ``replicate`` (report.pool_members).
    ensemble_file: str = ""
    ensemble_name: str = ""
    members: int = 0
    ensemble_selection: str = ""
    ensemble_parameters: tuple[str, ...] = ()
    ensemble_kept: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def runs(self) -> int:
        """Runs per scenario: replicates, times the members with an ensemble."""
        return self.replicates * max(self.members, 1)


def measure_values(dataset: xr.Dataset, measure: Measure, group: str = "all") -> xr.DataArray:
    """(replicate, month): the share in % or the cumulative cost per adult in euros."""
    if measure.cumulative_cost:
        return cumulative_cost_per_person(dataset, measure.indicator, group)
    return values(dataset, measure.indicator, group, share=True)


def measure_difference(baseline: xr.Dataset, other: xr.Dataset, measure: Measure, group: str = "all") -> xr.DataArray:
    """(replicate, month): other - baseline, replicate by replicate."""
    if measure.cumulative_cost:
        paired_values(baseline, other, measure.indicator, group, share=False)  # checks the pairing
        return measure_values(other, measure, group) - measure_values(baseline, measure, group)
    return paired_values(baseline, other, measure.indicator, group, share=True)


def format_number(value: float, measure: Measure, signed: bool = False) -> str:
    if not np.isfinite(value):
        return "–"
    sign = "+" if signed else ""
    if measure.cumulative_cost:
        return f"€{value:{sign},.0f}".replace("€-", "−€").replace("€+", "+€")
    return f"{value:{sign}.1f}".replace("-", "−")


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def euros(value: float, signed: bool = False) -> str:
    """'€1,234', '−€1,234' (and '+€1,234' when ``signed``)."""
    text = f"€{abs(value):,.0f}"
    return ("−" + text) if value < 0 else (("+" + text) if signed and value > 0 else text)


def with_band(data: np.ndarray, measure: Measure, signed: bool = False) -> str:
    """'23.4 <span class=band>(22.8 to 24.1)</span>': mean and the 5%-95% range of replicates."""
    low, high = np.quantile(data, BAND)
    return (f"{format_number(float(np.mean(data)), measure, signed)} <span class=\"band\">"
            f"({format_number(float(low), measure, signed)} to {format_number(float(high), measure, signed)})</span>")


def clear_difference(data: np.ndarray) -> bool:
    """The 5%-95% band of the paired difference lies entirely on one side of zero."""
    low, high = np.quantile(data, BAND)
    return bool(low > 0 or high < 0)


def spreads(data: np.ndarray, members: int) -> tuple[float, float]:
    """Standard deviations of pooled member runs (member-major, as ``report.pool_members`` lays
    them out): from parameter uncertainty (between the member means) and from chance (within)."""
    from .uncertainty import EnsembleEstimate

    estimate = EnsembleEstimate("", "", np.asarray(data, dtype=float).reshape(members, -1))
    return estimate.parameter_sd, estimate.stochastic_sd


def report_months(dataset: xr.Dataset) -> list[int]:
    last = int(dataset.sizes["month"]) - 1
    months = [m for m in SUMMARY_MONTHS if m <= last]
    return months if last in months else months + [last]


def focus_month(dataset: xr.Dataset) -> int:
    return min(FOCUS_MONTH, int(dataset.sizes["month"]) - 1)


class ReportBuilder:
    """Builds the page section by section; ``results`` is ordered, the first is the baseline."""

    def __init__(self, scenarios: Mapping[str, Scenario], results: Mapping[str, xr.Dataset], settings: ReportSettings):
        self.scenarios = dict(scenarios)
        self.results = dict(results)
        self.settings = settings
        self.names = list(self.results)
        self.baseline = self.names[0]
        self.others = self.names[1:]
        self.first = self.results[self.baseline]
        self.measures = [m for m in MEASURES if m.indicator in self.first.data_vars]
        self.glossary = Glossary()
        self.term = self.glossary.term

    def build(self) -> str:
        names = ", ".join(self.names)
        page = Page(
            title="Integration of statushouders: scenario comparison",
            subtitle_html=(f"Scenarios: {escape(names)} (baseline: {escape(self.baseline)}). "
                           + self.runs_html() +
                           f"{self.settings.months} months, seed {self.settings.seed}. taalwerk "
                           f"{escape(self.settings.code_version)}, made {escape(self.settings.created_utc)}."),
        )
        self.about(page.section("about", "What this report compares"))
        self.findings(page.section("findings", "Main findings"))
        self.summary(page.section("summary", "Summary table"))
        self.trajectories(page.section("trajectories", "Outcomes month by month"))
        self.flows(page.section("flows", "Where people are, month by month"))
        self.differences(page.section("differences", f"Differences with {self.baseline}, with their uncertainty"))
        self.subgroups(page.section("subgroups", "Who is left behind: results by group"))
        self.cost(page.section("cost", "Cost against outcome"))
        self.method(page.section("method", "How the figures were made"))
        self.glossary_section(page.section("glossary", "Words used in this report"))
        self.parameters(page.section("appendix-parameters", "Appendix A: parameters that differ between the scenarios"))
        self.resolved(page.section("appendix-scenarios", "Appendix B: every parameter of every scenario"))
        return page.render()

    @property
    def ensemble(self) -> bool:
        return self.settings.members > 0

    def runs_html(self) -> str:
        s = self.settings
        if not self.ensemble:
            return f"{s.replicates} replicates of {s.agents:,} adults, "
        return (f"Parameter ensemble <code>{escape(s.ensemble_file)}</code> ({s.members} members) × {s.replicates} "
                f"replicates = {s.runs} runs of {s.agents:,} adults per scenario, ")

    def range_words(self) -> str:
        """What a bracketed range is, in words."""
        if not self.ensemble:
            return "the middle 90% of the replicates (5% to 95%)"
        return (f"the middle 90% (5% to 95%) of all {self.settings.runs} runs ({self.settings.members} parameter sets "
                f"from the calibration × {self.settings.replicates} replicates)")

    def ensemble_sentence(self) -> str:
        """' These ranges include ...' with an ensemble, else nothing."""
        return (" These ranges include the uncertainty in the calibrated parameters as well as chance."
                if self.ensemble else "")

    # --- sections ---------------------------------------------------------------------------

    def about(self, section: Section) -> None:
        t = self.term
        section.paragraph(
            f"This report compares {len(self.names)} ways of organising the integration of {t('statushouder', 'statushouders')} "
            f"in the Netherlands. For each scenario a simulation follows a group of {self.settings.agents:,} adults month by month "
            f"from the day they receive their residence permit: living in an {t('AZC')}, being housed in a municipality, "
            f"{t('inburgering')}, language courses, looking for work, working, and receiving {t('bijstand')}. "
            f"The first scenario, <b>{escape(self.baseline)}</b>, is the baseline every other scenario is compared with.")
        rows = [[f"<b>{escape(name)}</b>", escape(self.scenarios[name].path),
                 escape(self.scenarios[name].values().get("description", ""))] for name in self.names]
        section.add(table_html(["Scenario", "File", "What it represents"], rows, numeric_from=99, table_id="scenario-list"))
        if self.ensemble:
            s = self.settings
            section.paragraph(
                "Read the numbers as <i>what the model expects if its assumptions hold</i>. Many effect sizes in the model "
                "are assumptions (the sources say the causal effects of these policies are not yet proven). "
                f"<b>The ranges in this report include parameter uncertainty from the calibration</b>: every scenario was "
                f"run under {s.members} different sets of values for the {len(s.ensemble_parameters)} uncertain parameters "
                "that were fitted to the observed outcomes of the 2014 permit cohort (each set reproduces those outcomes "
                f"acceptably; ensemble file <code>{escape(s.ensemble_file)}</code>), each with the same "
                f"{s.replicates} simulated cohorts. So a range shows both chance variation between cohorts and how much the "
                "answer depends on which acceptable parameter values are true. It does not cover the assumptions that were "
                "not calibrated. Appendix A lists every setting that differs between the scenarios and where its value "
                "comes from.", "note")
        else:
            section.paragraph(
                "Read the numbers as <i>what the model expects if its assumptions hold</i>. Many effect sizes in the model are "
                "assumptions (the sources say the causal effects of these policies are not yet proven); the ranges shown "
                "express the chance variation between simulated cohorts, not the uncertainty in those assumptions. "
                "Appendix A lists every setting that differs between the scenarios and where its value comes from.", "note")

    def findings(self, section: Section) -> None:
        month = focus_month(self.first)
        work = next((m for m in self.measures if m.indicator == "in_paid_work"), None)
        bijstand = next((m for m in self.measures if m.indicator == "on_bijstand"), None)
        if work is not None:
            baseline_work = float(measure_values(self.first, work).sel(month=month).mean())
            section.paragraph(f"Under <b>{escape(self.baseline)}</b>, {baseline_work:.1f}% of adults are in paid work "
                              f"{month} months after their permit.")
        if not self.others:
            section.paragraph("Only one scenario was given, so there is nothing to compare it with; add a second "
                              "scenario file to see differences.")
        items = []
        for name in self.others:
            sentences = []
            for measure, what in ((work, "in paid work"), (bijstand, "on bijstand")):
                if measure is None:
                    continue
                difference = measure_difference(self.first, self.results[name], measure).sel(month=month).values
                mean = float(difference.mean())
                low, high = np.quantile(difference, BAND)
                if clear_difference(difference):
                    direction = "more" if mean > 0 else "fewer"
                    sentences.append(f"{abs(mean):.1f} percentage points {direction} people are {what} at {month} months "
                                     f"(range {low:+.1f} to {high:+.1f})")
                else:
                    sentences.append(f"there is no clear difference in the share {what} at {month} months "
                                     f"({mean:+.1f} points, range {low:+.1f} to {high:+.1f})")
            cost_row = self.cost_table[self.cost_table["scenario"] == name]
            if len(cost_row):
                row = cost_row.iloc[0]
                sentences.append(self.cost_sentence(row))
            if sentences:
                items.append(f"<li><b>{escape(name)}</b> compared with {escape(self.baseline)}: "
                             + "; ".join(sentences) + ".</li>")
        if items:
            section.add("<ul>" + "".join(items) + "</ul>")
        gap = self.left_behind_sentence(month)
        if gap:
            section.paragraph(gap)
        section.paragraph(f"Ranges are {self.range_words()}.{self.ensemble_sentence()} A difference counts as clear "
                          "when its whole range lies on one side of zero.", "meta")

    def left_behind_sentence(self, month: int) -> str:
        if "in_paid_work" not in self.first.data_vars:
            return ""
        parts = []
        for low_group, high_group in (("sex=female", "sex=male"), ("literacy=not_literate", "literacy=literate")):
            groups = set(map(str, self.first.group.values))
            if {low_group, high_group} <= groups:
                low = float(values(self.first, "in_paid_work", low_group).sel(month=month).mean())
                high = float(values(self.first, "in_paid_work", high_group).sel(month=month).mean())
                if np.isfinite(low) and np.isfinite(high):
                    parts.append(f"{group_words(low_group).lower()} {low:.1f}% against {group_words(high_group).lower()} {high:.1f}%")
        if not parts:
            return ""
        return (f"Some groups are left behind. In {escape(self.baseline)}, the share in paid work at {month} months is "
                + "; ".join(parts) + ". The section on groups below shows how each scenario changes this.")

    def summary(self, section: Section) -> None:
        months = report_months(self.first)
        section.paragraph(
            ("Each cell is the mean over the replicates, with the range of the middle 90% of replicates in brackets. "
             if not self.ensemble else
             f"Each cell is the mean over all {self.settings.runs} runs, with the range of {self.range_words()} in "
             f"brackets.{self.ensemble_sentence()} ") +
            "Shares are of all adults of the group in the Netherlands; the cost is all public spending on the group "
            f"from the permit up to that month ({self.term('bijstand')}, caseworkers and inburgering lessons), divided "
            "by the number of adults.")
        header = ["Measure", "Scenario"] + [f"Month {m}" for m in months]
        rows = []
        for measure in self.measures:
            for index, name in enumerate(self.names):
                data = measure_values(self.results[name], measure)
                rows.append([escape(measure.label) if index == 0 else "", escape(name)]
                            + [with_band(data.sel(month=m).values, measure) for m in months])
        section.add(table_html(header, rows, numeric_from=2, table_id="summary-table"))
        if self.settings.months_extended:
            section.paragraph(f"The scenarios were run for {self.settings.months} months (0 to {self.settings.months - 1}) "
                              "so that the 60-month figures exist.", "meta")

    def trajectories(self, section: Section) -> None:
        section.paragraph("Lines are the mean over replicates; the shaded band holds the middle 90% of replicates. "
                          "Each scenario keeps its colour, line style and marker in every figure.")
        figures = []
        for indicator in TRAJECTORY_INDICATORS:
            if indicator not in self.first.data_vars:
                continue
            words = indicator_words(indicator, self.first)
            figure = plotting.plot_trajectories(self.results, indicator)
            figures.append(figure_html(figure, f"Share {words} by month, per scenario",
                                       f"Share of adults {escape(words)}, by months since the permit.",
                                       f"figure-trajectory-{indicator}"))
        section.add(figure_grid(figures))

    def flows(self, section: Section) -> None:
        figure = plotting.plot_state_flows(self.results)
        section.add(figure_html(
            figure, "Stacked areas of the states people are in, per scenario",
            "Each area is the share of adults in that state (mean over replicates). Some states overlap in reality "
            "(a part-time job next to a course, or a bijstand top-up next to a job); each person is drawn once, in the "
            "lowest state of the stack that applies, so the upper layers are approximate.", "figure-flows"))

    def differences(self, section: Section) -> None:
        if not self.others:
            section.paragraph("Only one scenario: no differences to show.")
            return
        section.paragraph(
            "All scenarios were run with the same random numbers (common random numbers): replicate 1 of every "
            "scenario follows the same simulated people with the same luck, and so on. The difference between two "
            "scenarios in the same replicate is therefore the effect of the policy alone; the spread of that difference "
            "over the replicates is its uncertainty."
            + ("" if not self.ensemble else
               f" Here each replicate was also run under {self.settings.members} acceptable parameter sets from the "
               "calibration, the same set for every scenario, so <b>the ranges below include parameter uncertainty from "
               "the calibration</b> on top of chance; the figures' bands pool all these runs."))
        figures = []
        for indicator in DIFFERENCE_INDICATORS:
            if indicator not in self.first.data_vars:
                continue
            words = indicator_words(indicator, self.first)
            figure = plotting.plot_paired_differences(self.results, indicator)
            figures.append(figure_html(figure, f"Difference with {self.baseline} in the share {words}",
                                    f"Change in the share {escape(words)} against {escape(self.baseline)}, in percentage "
                                    "points (mean and middle 90% of replicates).", f"figure-difference-{indicator}"))
        section.add(figure_grid(figures))
        months = report_months(self.first)
        header = ["Measure", "Scenario"] + [f"Month {m}" for m in months]
        rows = []
        for measure, _, difference, labels in self.differences_by_row():
            cells = []
            for m in months:
                data = difference.sel(month=m).values
                mark = " <b>*</b>" if clear_difference(data) else ""
                cells.append(with_band(data, measure, signed=True) + mark)
            rows.append(labels + cells)
        section.add(table_html(header, rows, numeric_from=2, table_id="difference-table"))
        if not self.ensemble:
            section.paragraph("<b>*</b>: a clear difference (the middle 90% of replicates lies on one side of zero).", "meta")
            return
        section.paragraph(f"Each cell: mean difference, with the range of {self.range_words()} in brackets."
                          f"{self.ensemble_sentence()} <b>*</b>: a clear difference (that whole range lies on one side "
                          "of zero).", "meta")
        self.difference_spreads(section, months)

    def differences_by_row(self) -> Iterator[tuple[Measure, str, xr.DataArray, list[str]]]:
        """Per row of the difference tables: the measure, the scenario, its difference from the
        baseline and the row's two label cells (the measure only on its first row)."""
        for measure in self.measures:
            unit = " (euros per adult)" if measure.cumulative_cost else " (percentage points)"
            for name in self.others:
                labels = [escape(measure.label.split(" (")[0] + unit) if name == self.others[0] else "",
                          f"{escape(name)} − {escape(self.baseline)}"]
                yield measure, name, measure_difference(self.first, self.results[name], measure), labels

    def difference_spreads(self, section: Section, months: Sequence[int]) -> None:
        """Where the uncertainty of each difference comes from: parameters or chance."""
        s = self.settings
        section.paragraph(
            "<b>Where the uncertainty comes from.</b> The range of a difference has two sources. <i>Parameter "
            f"uncertainty</i>: the calibration found {s.members} acceptable sets of parameter values (from "
            f"<code>{escape(s.ensemble_file)}</code>), and the difference is not the same under each; its size is the "
            "standard deviation of the difference between the parameter sets. <i>Chance</i>: simulated cohorts differ by "
            "luck; its size is the standard deviation between the replicates under the same parameter set. When the "
            "first is much larger than the second, more replicates will not narrow the range: better data on the "
            "calibrated outcomes would.")
        header = ["Measure", "Scenario"] + [f"Month {m}" for m in months]
        rows = []
        sentences = []
        month = focus_month(self.first)
        for measure, name, difference, labels in self.differences_by_row():
            cells = []
            for m in months:
                parameter, chance = spreads(difference.sel(month=m).values, s.members)
                cells.append(f"parameters {format_number(parameter, measure)} · chance {format_number(chance, measure)}")
            rows.append(labels + cells)
            if measure.indicator == "in_paid_work":
                data = difference.sel(month=month).values
                parameter, chance = spreads(data, s.members)
                low, high = np.quantile(data, BAND)
                sentences.append(
                    f"<li><b>{escape(name)}</b> against {escape(self.baseline)}, share in paid work at month {month}: "
                    f"{format_number(float(np.mean(data)), measure, True)} points (range "
                    f"{format_number(float(low), measure, True)} to {format_number(float(high), measure, True)}, "
                    "including parameter uncertainty from the calibration); standard deviation "
                    f"{format_number(parameter, measure)} points from the parameters and "
                    f"{format_number(chance, measure)} from chance.</li>")
        section.add(table_html(header, rows, numeric_from=2, table_id="difference-spread-table"))
        section.paragraph("Each cell: standard deviation of the difference from parameter uncertainty (between the "
                          f"{s.members} parameter sets) and from chance (between the {s.replicates} replicates of one "
                          "parameter set; “–” when there is only one replicate).", "meta")
        if sentences:
            section.add("<ul>" + "".join(sentences) + "</ul>")

    def subgroups(self, section: Section) -> None:
        if "in_paid_work" not in self.first.data_vars:
            section.paragraph("The runs have no indicator in_paid_work to break down.")
            return
        month = focus_month(self.first)
        t = self.term
        section.paragraph(
            f"The sources single out two groups that progress slowly: women, often {t('nareiziger', 'nareizigers')} with "
            "little work experience and young children, and people who cannot read or write in their own language. "
            f"Below, the share in paid work at month {month} for each group, per scenario.")
        figure = plotting.plot_group_breakdowns(self.results, "in_paid_work", month=month)
        section.add(figure_html(figure, f"Share in paid work at month {month} by group and scenario",
                                f"Share of adults in paid work at month {month}, by group. Error bars: middle 90% of "
                                "replicates.", "figure-subgroups"))
        header = ["Group"] + [f"{name}: in work (%)" for name in self.names] + [
            f"{name} − {self.baseline} (points)" for name in self.others]
        rows = []
        share = Measure("in_paid_work", "")
        for cell in subgroup_cells(self.first):
            breakdown = cell.split("=", 1)[0]
            row = [f"{escape(breakdown_words(breakdown))}: {escape(group_words(cell))}"]
            row += [with_band(values(self.results[name], "in_paid_work", cell).sel(month=month).values, share)
                    for name in self.names]
            for name in self.others:
                data = paired_values(self.first, self.results[name], "in_paid_work", cell).sel(month=month).values
                row.append(with_band(data, share, signed=True) + (" <b>*</b>" if clear_difference(data) else ""))
            rows.append(row)
        section.add(table_html(header, rows, numeric_from=1, table_id="subgroup-table"))

    @cached_property
    def cost_table(self) -> pd.DataFrame:
        """Extra durable workers and extra cost against the baseline (empty without a comparison)."""
        needed = {"cost_total", DURABLE_WORK, "persons"} <= set(self.first.data_vars)
        if self.others and needed:
            return plotting.cost_outcome_table(self.results, outcome=DURABLE_WORK)
        return pd.DataFrame(columns=["scenario"])

    def cost_sentence(self, row: pd.Series) -> str:
        horizon = int(row["horizon"])
        value = row["cost_per_extra_person"]
        if not np.isfinite(value):
            return f"it does not add people in durable work by month {horizon}, so a cost per extra worker is undefined"
        if value < 0:
            return (f"it is cheaper and puts more people in durable work: public cost falls by about €{-value:,.0f} for "
                    f"every extra person in durable work at month {horizon}")
        return f"each extra person in durable work at month {horizon} costs about €{value:,.0f} in extra public spending"

    def cost(self, section: Section) -> None:
        table = self.cost_table
        if not len(table):
            section.paragraph("A cost comparison needs a baseline, at least one other scenario and the indicators "
                              f"cost_total and {DURABLE_WORK}.")
            return
        horizon = int(table["horizon"].iloc[0])
        section.paragraph(
            f"Public cost here is everything the government pays for the group from the permit to month {horizon}: "
            f"{self.term('bijstand')}, the time of {self.term('klantmanager', 'klantmanagers')} and "
            "inburgering lessons. <i>Durable work</i> means being in the same job for 6 months or more. A scenario "
            "that puts more people in work usually also pays less bijstand, so its extra cost can be negative: a saving.")
        figure = plotting.plot_cost_against_outcome(self.results)
        section.add(figure_html(figure, "Extra cost against extra people in durable work, per scenario",
                                f"Each point is a scenario compared with {escape(self.baseline)} (the origin), per 1,000 "
                                "adults; error bars are the middle 90% of replicates.", "figure-cost"))
        rows = []
        for _, row in table.iterrows():
            low, high = row["cost_per_extra_person_q05"], row["cost_per_extra_person_q95"]
            band = (f" <span class=\"band\">({euros(low)} to {euros(high)})</span>"
                    if np.isfinite(low) and np.isfinite(high) else "")
            rows.append([escape(row["scenario"]),
                         f"{row['extra_outcome_per_1000']:+.1f} <span class=\"band\">({row['extra_outcome_q05']:+.1f} to "
                         f"{row['extra_outcome_q95']:+.1f})</span>".replace("-", "−"),
                         euros(row["extra_cost_per_1000"], signed=True),
                         (euros(row["cost_per_extra_person"]) if np.isfinite(row["cost_per_extra_person"]) else "undefined") + band,
                         escape(sentence_case(self.cost_sentence(row)))])
        section.add(table_html(["Scenario", "Extra people in durable work per 1,000 adults",
                                f"Extra public cost per 1,000 adults, months 0–{horizon}",
                                "Cost per extra person in durable work", "In words"], rows, numeric_from=1, table_id="cost-table",
                               text_columns=[4]))

    def method(self, section: Section) -> None:
        s = self.settings
        under = f" under each of {s.members} parameter sets" if self.ensemble else ""
        over = f"all {s.runs} runs (parameter sets × replicates)" if self.ensemble else "replicates"
        section.paragraph(
            f"Each scenario was simulated {s.replicates} times (replicates){under} for a cohort of {s.agents:,} adults over "
            f"{s.months} months, with base seed {s.seed}. Replicate r of every scenario uses the same random numbers, "
            f"so the scenarios are compared pair by pair (common random numbers). Means are over {over}; ranges are "
            f"the 5% and 95% quantiles over {over}.")
        section.paragraph(
            "The model is an agent-based simulation: each simulated person has a sex, age, origin, education, literacy, "
            "health and household, and moves month by month through reception, housing, language learning, job search, "
            "work and welfare under the rules of the scenario. The model documentation (docs/model.md) describes the "
            "mechanisms; docs/parameters.md lists every parameter with its unit, range and source.")
        if self.ensemble:
            kept = "".join(
                f" {escape(name)} sets {escape(', '.join(keys))} itself, so the parameter sets leave "
                f"{'it' if len(keys) == 1 else 'them'} at the scenario's value."
                for name, keys in s.ensemble_kept.items())
            section.paragraph(
                f"<b>Parameter ensemble.</b> Every scenario was run under each of {s.members} parameter sets (members) of "
                f"the calibration ensemble <code>{escape(s.ensemble_file)}</code> (calibration "
                f"'{escape(s.ensemble_name)}'; {escape(s.ensemble_selection)}; the best {s.members} were used), with the "
                f"same {s.replicates} seeds under each. A member replaces the calibrated values of the uncertain "
                f"parameters ({escape(', '.join(s.ensemble_parameters))}) in every scenario; replicate r under member m of "
                "one scenario is paired with replicate r under member m of every other. Means and ranges pool all "
                f"{s.runs} runs; for a difference, the report also splits its spread into a part from the parameters "
                "(standard deviation of the member means) and a part from chance (standard deviation between replicates "
                f"within a member).{kept} Appendix B shows the scenarios at the calibrated point.")
        ensemble = (f" --ensemble {escape(s.ensemble_file)} --members {s.members}" if self.ensemble else "")
        section.paragraph(f"To reproduce: <code>taalwerk report {escape(' '.join(str(self.scenarios[n].path) for n in self.names))} "
                          f"--replicates {s.replicates} --agents {s.agents} --months {s.months} --seed {s.seed}{ensemble}</code>")

    def glossary_section(self, section: Section) -> None:
        rows = [[f"<dfn>{escape(word)}</dfn>", escape(meaning)] for word, meaning in self.glossary.section_rows()]
        section.add(table_html(["Word", "Meaning"], rows, numeric_from=99, table_id="glossary-table"))

    def parameters(self, section: Section) -> None:
        values = {name: self.scenarios[name].values() for name in self.names}
        keys = differing_parameters(values)
        if not keys:
            section.paragraph("The scenarios do not differ in any parameter.")
            return
        section.paragraph("Every parameter whose value is not the same in all scenarios, with its unit, default, allowed "
                          "range and the source of its value (\"assumed\" marks a value chosen by the modellers).")
        header = ["Parameter"] + [f"{name}" for name in self.names] + ["Unit", "Default", "Range / choices", "Source", "Meaning"]
        rows = []
        for key in keys:
            info = parameter_info(key)
            rows.append([f"<code>{escape(key)}</code>"] + [escape(format_value(values[name].get(key))) for name in self.names]
                        + [escape(info.unit), escape(info.default), escape(info.allowed), escape(info.source),
                           escape(info.description)])
        section.add(table_html(header, rows, numeric_from=99, table_id="parameter-table"))

    def resolved(self, section: Section) -> None:
        section.paragraph("The fully resolved scenarios, with every parameter value the runs used (unit and source "
                          "after each value). Overrides from the command line (cohort size, months) are included.")
        for name in self.names:
            section.add(f"<details><summary>{escape(name)}</summary><pre>{escape(self.scenarios[name].resolved_toml)}</pre></details>")


def render_report(scenarios: Mapping[str, Scenario], results: Mapping[str, xr.Dataset], settings: ReportSettings) -> str:
    """The whole page as one HTML string."""
    return ReportBuilder(scenarios, results, settings).build()


def subgroup_cells(dataset: xr.Dataset, breakdowns: Sequence[str] = plotting.SUBGROUP_BREAKDOWNS) -> list[str]:
    """Group cells of the populated breakdowns (two or more cells), for tables and notebooks."""
    cells: list[str] = []
    for breakdown in breakdowns:
        if breakdown in breakdowns_of(dataset):
            found = breakdown_groups(dataset, breakdown)
            if len(found) > 1:
                cells += found
    return cells
