"""Small bar charts over time, one figure each, drawn as inline SVG for the HTML report.

Each chart has a bar a session, oldest on the left, with its count written above it. A
count that disclosure control withheld gets no bar at all, only its mark (``<k`` or
``–``) on the baseline: a bar's height would give the count away. The drawing scales to
its box (a view box, not fixed pixels) and reads in black and white on paper.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from circlekeeper.sessions.languages.speaking import ngettext
from circlekeeper.sessions.reports.disclosure import Entry

WIDTH = 300
HEIGHT = 130
"""A chart with bars; one with every count withheld is a short strip of marks."""
STRIP = 46
TOP = 18
BELOW = 22
"""Room under the baseline for the session labels."""


def bar_chart(title: str, labels: Sequence[str], entries: Sequence[Entry], k: int) -> str:
    """A chart of one figure across sessions, its title (in the reader's words) carrying n."""
    shown = [e.value for e in entries if e.value is not None]
    largest = max(shown, default=0) or 1
    slot = WIDTH / max(len(entries), 1)
    bar = min(slot * 0.6, 36)
    n = len(entries)
    name = ngettext("{title} (n = {count} session)", "{title} (n = {count} sessions)", n)
    name = escape(name.format(title=title, count=n))
    height = HEIGHT if shown else STRIP
    base = height - BELOW
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-label="{name}">',
        f"<title>{name}</title>",
        f'<line x1="0" y1="{base}" x2="{WIDTH}" y2="{base}" stroke="#555" stroke-width="1"/>',
    ]
    for i, (label, entry) in enumerate(zip(labels, entries, strict=True)):
        middle = slot * i + slot / 2
        if entry.value is None:
            out.append(_text(middle, base - 4, entry.text(k), "withheld"))
        else:
            tall = (base - TOP) * entry.value / largest
            out.append(
                f'<rect x="{middle - bar / 2:.1f}" y="{base - tall:.1f}" width="{bar:.1f}" '
                f'height="{tall:.1f}" fill="#444"/>'
            )
            out.append(_text(middle, base - tall - 4, str(entry.value), "count"))
        if len(entries) <= 12:
            out.append(_text(middle, height - 6, _short(label), "session"))
    out.append("</svg>")
    return "".join(out)


def _short(label: str) -> str:
    # 2026-03-04 #2 -> 03-04 #2: the year is in the table beside the chart.
    return label[5:] if len(label) >= 10 and label[4] == "-" else label


def _text(x: float, y: float, words: str, kind: str) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="11" text-anchor="middle" class="{kind}">'
        f"{escape(words)}</text>"
    )
