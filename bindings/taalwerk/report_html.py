"""A self-contained HTML page: inline CSS, figures embedded as base64 PNG, no scripts and no
network. Only structure lives here; what the report says is in ``report.py``."""
from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass, field
from typing import Sequence

from matplotlib.figure import Figure

STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em;
       color: #111; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; } h2 { margin-top: 2em; border-bottom: 2px solid #333; }
h3 { margin-top: 1.5em; }
.meta { color: #444; font-size: 0.9em; }
nav ol { columns: 2; font-size: 0.95em; }
table { border-collapse: collapse; margin: 0.8em 0 1.2em; font-size: 0.88em; }
th, td { border: 1px solid #999; padding: 0.25em 0.5em; vertical-align: top; }
th { background: #eee; text-align: left; } td.number { text-align: right; white-space: nowrap; }
tbody tr:nth-child(even) { background: #f7f7f7; }
figure { margin: 1.2em 0; }
.figure-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 0 1.5em; }
.figure-grid > figure { min-width: 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
.wide { overflow-x: auto; }
figcaption { font-size: 0.9em; color: #333; max-width: 900px; }
.band { color: #555; font-size: 0.85em; } .note { background: #fff8e0; border-left: 4px solid #e69f00; padding: 0.5em 1em; }
dfn { font-style: normal; font-weight: bold; }
details pre { background: #f4f4f4; padding: 0.8em; overflow-x: auto; font-size: 0.8em; }
@media print { nav { display: none; } }
"""


def escape(text: object) -> str:
    return html.escape(str(text))


def figure_to_png_base64(figure: Figure, dpi: int = 100) -> str:
    """The figure as a base64 PNG (and closed, so many figures do not pile up in memory)."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(figure)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def figure_html(figure: Figure, alt: str, caption_html: str, figure_id: str) -> str:
    data = figure_to_png_base64(figure)
    return (f'<figure id="{escape(figure_id)}"><img src="data:image/png;base64,{data}" alt="{escape(alt)}">'
            f"<figcaption>{caption_html}</figcaption></figure>")


def figure_grid(figures_html: Sequence[str]) -> str:
    """Figures side by side where the page is wide enough, one above the other where not."""
    return f'<div class="figure-grid">{"".join(figures_html)}</div>'


def table_html(header: Sequence[str], rows: Sequence[Sequence[str]], numeric_from: int = 1, caption: str = "",
               table_id: str = "", text_columns: Sequence[int] = ()) -> str:
    """A table from already-formatted cells (HTML allowed in cells; the header is escaped).
    Columns from ``numeric_from`` on are right-aligned numbers, except ``text_columns``."""
    head = "".join(f"<th>{escape(cell)}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f'<td class="number">{cell}</td>' if index >= numeric_from and index not in text_columns
                         else f"<td>{cell}</td>"
                         for index, cell in enumerate(row)) + "</tr>"
        for row in rows)
    caption_html = f"<caption>{caption}</caption>" if caption else ""
    identifier = f' id="{escape(table_id)}"' if table_id else ""
    return f'<div class="wide"><table{identifier}>{caption_html}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


@dataclass
class Section:
    identifier: str
    title: str
    parts: list[str] = field(default_factory=list)

    def add(self, html_text: str) -> "Section":
        self.parts.append(html_text)
        return self

    def paragraph(self, html_text: str, css_class: str = "") -> "Section":
        return self.add(f'<p class="{css_class}">{html_text}</p>' if css_class else f"<p>{html_text}</p>")


@dataclass
class Page:
    title: str
    subtitle_html: str = ""
    sections: list[Section] = field(default_factory=list)

    def section(self, identifier: str, title: str) -> Section:
        section = Section(identifier, title)
        self.sections.append(section)
        return section

    def render(self) -> str:
        contents = "".join(f'<li><a href="#{escape(s.identifier)}">{escape(s.title)}</a></li>' for s in self.sections)
        body = "".join(
            f'<section id="{escape(s.identifier)}"><h2>{escape(s.title)}</h2>{"".join(s.parts)}</section>'
            for s in self.sections)
        return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                "<link rel=\"icon\" href=\"data:,\">"
                f"<title>{escape(self.title)}</title><style>{STYLE}</style></head><body>"
                f"<header><h1>{escape(self.title)}</h1><p class=\"meta\">{self.subtitle_html}</p></header>"
                f"<nav><h2>Contents</h2><ol>{contents}</ol></nav><main>{body}</main></body></html>\n")
