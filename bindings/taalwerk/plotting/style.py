"""One look per scenario, kept the same in every figure: colour, line style, marker and hatch.

Colours are the Okabe-Ito palette (distinguishable with colour-vision deficiencies); line
styles, markers and hatches differ as well, so every figure still reads in black and white.
A scenario's style depends only on its position in the list of scenarios being compared, so
passing the same list to each plot function gives each scenario one look throughout.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

import matplotlib as mpl

OKABE_ITO = ("#000000", "#E69F00", "#0072B2", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442")
LINE_STYLES = ("-", "--", ":", "-.", (0, (5, 1, 1, 1, 1, 1)), (0, (1, 1)), (0, (8, 2)), (0, (3, 1, 1, 1)))
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
HATCHES = ("", "//", "..", "xx", "\\\\", "++", "oo", "--")
BAND_ALPHA = 0.18

# Figure defaults for print-like, readable figures; applied inside `figure_style()` only.
RC_PARAMS = {
    "figure.dpi": 100,
    "savefig.dpi": 110,
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "legend.fontsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "hatch.linewidth": 0.8,
}


@dataclass(frozen=True)
class ScenarioStyle:
    """How one scenario is drawn everywhere."""

    color: str
    linestyle: str | tuple
    marker: str
    hatch: str

    def line_kwargs(self) -> dict:
        return {"color": self.color, "linestyle": self.linestyle, "marker": self.marker, "linewidth": 1.8, "markersize": 4}

    def bar_kwargs(self) -> dict:
        return {"facecolor": mpl.colors.to_rgba(self.color, 0.55), "edgecolor": "black", "hatch": self.hatch, "linewidth": 0.8}


def style_at(position: int) -> ScenarioStyle:
    """The style of the scenario at ``position`` (0 is the baseline: solid black, no hatch)."""
    return ScenarioStyle(
        color=OKABE_ITO[position % len(OKABE_ITO)],
        linestyle=LINE_STYLES[position % len(LINE_STYLES)],
        marker=MARKERS[position % len(MARKERS)],
        hatch=HATCHES[position % len(HATCHES)],
    )


def scenario_styles(names: Iterable[str], styles: Mapping[str, ScenarioStyle] | None = None) -> dict[str, ScenarioStyle]:
    """A style for each name, by position; ``styles`` given by the caller take precedence."""
    chosen = dict(styles or {})
    return {name: chosen.get(name, style_at(position)) for position, name in enumerate(names)}


def figure_style() -> mpl.rc_context:
    """Context manager with the project's figure defaults (leaves global settings alone)."""
    return mpl.rc_context(RC_PARAMS)


def marker_every(months: int) -> int:
    """Markers on about a dozen points of a line, enough to tell lines apart without clutter."""
    return max(1, months // 12)
