"""Planned against actual time per part, drawn as bars in an inline SVG for the HTML record.

Each part gets a row: an outlined bar for its planned length and a solid bar for the time
it ran, with any overrun hatched so the picture reads in black and white on paper. A part
that follows a structure (Troika, Wise Crowds...) is followed by a thinner row for each of
its steps, planned against actual in the same way. The drawing scales to the page width
(its view box, not fixed pixels, sets its shape).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from circlekeeper.sessions.export.model import Summary
from circlekeeper.sessions.export.wording import length_text, over_text
from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.structures.spoken import step_label

WIDTH = 760
LABEL = 220
"""Room on the left for the part's title."""
BAR_AREA = 350
ROW = 26
BAR = 14
TITLE_CHARS = 26
"""Longer titles are cut with an ellipsis so they never run into the bars."""


STEP_CHARS = 34
"""A step's label is set smaller, so more of it fits."""


def _title(text: str, chars: int = TITLE_CHARS) -> str:
    return text if len(text) <= chars else text[: chars - 1] + "…"


@dataclass(frozen=True)
class _Row:
    label: str
    planned_seconds: float
    actual_seconds: float
    step: bool = False

    @property
    def overrun_seconds(self) -> float:
        return max(0.0, self.actual_seconds - self.planned_seconds)


def _rows(summary: Summary) -> list[_Row]:
    rows = []
    for part in summary.parts:
        details = part.details
        if details is None:
            continue
        label = f"{part.index + 1}. {_title(part.title)}"
        rows.append(_Row(label, details.planned_seconds, details.actual_seconds))
        for step in details.steps:
            name = step_label(step.name, step.who)
            rows.append(
                _Row(_title(name, STEP_CHARS), step.planned_seconds, step.actual_seconds, True)
            )
    return rows


def timeline_svg(summary: Summary) -> str:
    """The bars for every part of a facilitator record (empty for a handout)."""
    rows = _rows(summary)
    if not rows:
        return ""
    longest = max(max(d.planned_seconds, d.actual_seconds) for d in rows) or 1.0
    scale = BAR_AREA / longest
    height = ROW * len(rows) + 34
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {WIDTH} {height}" '
        'role="img" aria-labelledby="timeline-title">',
        '<title id="timeline-title">' + escape(_("Planned and actual time per part")) + "</title>",
        "<defs>"
        '<pattern id="overrun-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        '<rect width="6" height="6" fill="#fff"/><rect width="3" height="6" fill="#000"/>'
        "</pattern></defs>",
    ]
    for row, details in enumerate(rows):
        y = row * ROW + 6
        planned = details.planned_seconds * scale
        ran = min(details.actual_seconds, details.planned_seconds) * scale
        over = details.overrun_seconds * scale
        label = details.label
        figures = _("{actual} of {planned}").format(
            actual=length_text(details.actual_seconds),
            planned=length_text(details.planned_seconds),
        )
        if over_text(details.overrun_seconds):
            figures += f" ({over_text(details.overrun_seconds)})"
        size = 10 if details.step else 12
        out.append(
            f'<text x="{12 if details.step else 0}" y="{y + BAR - 2}" font-size="{size}">'
            f"{escape(label)}</text>"
            f'<rect x="{LABEL}" y="{y}" width="{planned:.1f}" height="{BAR}" fill="#eee" '
            'stroke="#555" stroke-width="1"/>'
            f'<rect x="{LABEL}" y="{y + 3}" width="{ran:.1f}" height="{BAR - 6}" fill="#444"/>'
        )
        if over > 0:
            out.append(
                f'<rect x="{LABEL + planned:.1f}" y="{y}" width="{over:.1f}" height="{BAR}" '
                'fill="url(#overrun-hatch)" stroke="#000" stroke-width="1"/>'
            )
        out.append(
            f'<text x="{WIDTH}" y="{y + BAR - 2}" font-size="{size}" text-anchor="end">'
            f"{escape(figures)}</text>"
        )
    legend_y = ROW * len(rows) + 18
    legend = {"planned": _("planned"), "ran": _("ran"), "overrun": _("overrun")}
    legend = {key: escape(words) for key, words in legend.items()}
    out.append(
        f'<rect x="0" y="{legend_y - 9}" width="16" height="10" fill="#eee" stroke="#555"/>'
        f'<text x="22" y="{legend_y}" font-size="11">{legend["planned"]}</text>'
        f'<rect x="90" y="{legend_y - 7}" width="16" height="6" fill="#444"/>'
        f'<text x="112" y="{legend_y}" font-size="11">{legend["ran"]}</text>'
        f'<rect x="160" y="{legend_y - 9}" width="16" height="10" fill="url(#overrun-hatch)" '
        'stroke="#000"/>'
        f'<text x="182" y="{legend_y}" font-size="11">{legend["overrun"]}</text>'
        "</svg>"
    )
    return "".join(out)
