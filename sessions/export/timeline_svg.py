"""Planned against actual time per part, drawn as bars in an inline SVG for the HTML record.

Each part gets a row: an outlined bar for its planned length and a solid bar for the time
it ran, with any overrun hatched so the picture reads in black and white on paper. The
drawing scales to the page width (its view box, not fixed pixels, sets its shape).
"""

from __future__ import annotations

from html import escape

from circlekeeper.sessions.export.model import Summary
from circlekeeper.sessions.export.wording import length_text, over_text
from circlekeeper.sessions.languages.speaking import _

WIDTH = 760
LABEL = 220
"""Room on the left for the part's title."""
BAR_AREA = 350
ROW = 26
BAR = 14
TITLE_CHARS = 26
"""Longer titles are cut with an ellipsis so they never run into the bars."""


def _title(text: str) -> str:
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1] + "…"


def timeline_svg(summary: Summary) -> str:
    """The bars for every part of a facilitator record (empty for a handout)."""
    rows = [(p, p.details) for p in summary.parts if p.details is not None]
    if not rows:
        return ""
    longest = max(max(d.planned_seconds, d.actual_seconds) for _, d in rows) or 1.0
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
    for row, (part, details) in enumerate(rows):
        y = row * ROW + 6
        planned = details.planned_seconds * scale
        ran = min(details.actual_seconds, details.planned_seconds) * scale
        over = details.overrun_seconds * scale
        label = f"{part.index + 1}. {_title(part.title)}"
        figures = _("{actual} of {planned}").format(
            actual=length_text(details.actual_seconds),
            planned=length_text(details.planned_seconds),
        )
        if over_text(details.overrun_seconds):
            figures += f" ({over_text(details.overrun_seconds)})"
        out.append(
            f'<text x="0" y="{y + BAR - 2}" font-size="12">{escape(label)}</text>'
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
            f'<text x="{WIDTH}" y="{y + BAR - 2}" font-size="12" text-anchor="end">'
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
