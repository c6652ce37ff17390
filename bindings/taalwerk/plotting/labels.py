"""Indicators and population groups in words, with units, for axes, legends and tables.

Indicators are addressed by name; the few named here get a short plain-language label, every
other one falls back to the description the model gives it (``long_name``), so new indicators
are labelled without a change here.
"""
from __future__ import annotations

import textwrap

import xarray as xr

MONTHS_AXIS = "Months since the residence permit"

INDICATOR_WORDS = {
    "persons": "adults in the Netherlands",
    "in_reception": "in an AZC (asylum reception centre)",
    "housed": "housed in a municipality",
    "in_language_course": "in a language course",
    "waiting_for_course_seat": "waiting for a course seat",
    "waiting_for_intake": "waiting for the intake",
    "in_guidance": "guided by a klantmanager (caseworker)",
    "seeking_work": "looking for work",
    "seeking_work_activated": "looking for work, activated",
    "in_paid_work": "in paid work",
    "in_part_time_work": "in a part-time job",
    "in_full_time_work": "in a full-time job",
    "in_temporary_work": "in a temporary job",
    "in_permanent_work": "in a permanent job",
    "ever_worked": "ever worked",
    "in_work_6_months_or_more": "in durable work (same job 6+ months)",
    "in_work_12_months_or_more": "in the same job 12+ months",
    "on_bijstand": "on bijstand (social assistance)",
    "below_poverty_line": "below the poverty line",
    "inburgering_passed": "passed the inburgering exam",
    "inburgering_exempt": "exempted from inburgering",
    "inburgering_overdue": "overdue with inburgering",
    "in_placement": "in a work placement",
    "in_education": "in education (MBO/HBO)",
    "cost_total": "total public cost",
    "cost_bijstand": "bijstand paid",
    "cost_caseworkers": "caseworker cost",
    "cost_inburgering": "inburgering (lesson) cost",
}

BREAKDOWN_WORDS = {
    "sex": "Sex", "origin": "Country of origin", "education": "Education", "age": "Age at the permit",
    "literacy": "Literacy in own language", "pathway": "Pathway", "municipality": "Municipality",
}

GROUP_VALUE_WORDS = {
    "all": "Everyone", "male": "Men", "female": "Women", "syria": "Syria", "eritrea": "Eritrea", "other": "Other countries",
    "primary_or_less": "Primary or less", "lower_secondary": "Lower secondary", "upper_secondary": "Upper secondary / vocational",
    "higher": "Higher", "literate": "Literate", "not_literate": "Not literate", "sequential": "Sequential",
    "parallel": "Parallel", "work_first": "Work first",
}


def indicator_words(name: str, dataset: xr.Dataset | None = None) -> str:
    """A short plain-language phrase for ``name`` ("in paid work")."""
    if name in INDICATOR_WORDS:
        return INDICATOR_WORDS[name]
    if dataset is not None and name in dataset.data_vars:
        description = str(dataset[name].attrs.get("long_name", "")).strip().rstrip(".")
        if description:
            return description[0].lower() + description[1:]
    return name.replace("_", " ")


def units_of(dataset: xr.Dataset, name: str) -> str:
    return str(dataset[name].attrs.get("units", "")) if name in dataset.data_vars else ""


def shown_as_share(dataset: xr.Dataset, name: str, share: bool = True) -> bool:
    """Counts of persons are shown as a share of the group (the denominator ``persons``)."""
    return share and units_of(dataset, name) == "persons" and name != "persons" and "persons" in dataset.data_vars


def value_axis_label(dataset: xr.Dataset, name: str, share: bool = True, difference: bool = False,
                     per_person: bool = False, width: int = 42) -> str:
    """Axis label in words with the unit on its own line: "Share in paid work\nin % of adults"
    (long phrases wrap, so the label never sets the height of the figure)."""
    words = indicator_words(name, dataset)
    if shown_as_share(dataset, name, share):
        text = f"{'Change in share' if difference else 'Share'} {words}"
        unit = "in percentage points" if difference else "in % of adults"
    else:
        units = units_of(dataset, name)
        text = f"Change in {words}" if difference else words[0].upper() + words[1:]
        if units == "EUR":
            unit = "in euros per adult per month" if per_person else "in euros per month"
        else:
            unit = f"in {units}" if units else ""
    return "\n".join(filter(None, [textwrap.fill(text, width), unit]))


def group_words(group: str) -> str:
    """'sex=female' -> 'Women'; 'municipality=haarlem' -> 'Haarlem'; 'all' -> 'Everyone'."""
    if "=" not in group:
        return GROUP_VALUE_WORDS.get(group, group)
    _, value = group.split("=", 1)
    return GROUP_VALUE_WORDS.get(value, value.replace("_", " ").capitalize())


def breakdown_words(breakdown: str) -> str:
    return BREAKDOWN_WORDS.get(breakdown, breakdown.replace("_", " ").capitalize())
