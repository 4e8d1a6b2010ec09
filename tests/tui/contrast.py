"""Contrast measured on what the app draws: Textual's SVG export, cell by cell.

Every character drawn is read with its own colour and the colour of the cell behind it,
and their contrast ratio computed as WCAG 2 defines it. Letters and digits are text
(4.5:1); box-drawing and block characters are borders and large digits (3:1).
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple

CELL_WIDTH = 12.2
LINE_HEIGHT = 24.4
RECT_TOP = 1.5
TEXT_BASELINE = 20

GRAPHICS = range(0x2500, 0x25A0)
"""Box drawing and block elements: borders, rules and large digits."""


class Finding(NamedTuple):
    """One character drawn with too little contrast."""

    row: int
    col: int
    char: str
    ratio: float
    needed: float
    line: str


def luminance(colour: str) -> float:
    """The relative luminance of ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def ratio(one: str, other: str) -> float:
    """WCAG 2's contrast ratio between two colours."""
    a, b = sorted((luminance(one), luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def low_contrast(svg: str, default_background: str) -> list[Finding]:
    """Every character in ``svg`` drawn below its contrast threshold."""
    styles = dict(re.findall(r"\.(terminal-[\w-]+) \{ fill: (#[0-9a-fA-F]{6})", svg))
    backgrounds: dict[tuple[int, int], str] = {}
    for fill, x, y, width in re.findall(
        r'<rect fill="(#[0-9a-fA-F]{6})" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"', svg
    ):
        row = round((float(y) - RECT_TOP) / LINE_HEIGHT)
        first = round(float(x) / CELL_WIDTH)
        for col in range(first, first + round(float(width) / CELL_WIDTH)):
            backgrounds[row, col] = fill.lower()
    cells: dict[tuple[int, int], tuple[str, str]] = {}
    for cls, x, y, words in re.findall(
        r'<text class="([\w-]+)" x="([\d.]+)" y="([\d.]+)"[^>]*clip-path[^>]*>([^<]*)</text>', svg
    ):
        if cls not in styles:
            continue
        row = round((float(y) - TEXT_BASELINE) / LINE_HEIGHT)
        first = round(float(x) / CELL_WIDTH)
        for offset, char in enumerate(html.unescape(words)):
            cells[row, first + offset] = (char, styles[cls].lower())
    lines: dict[int, str] = {}
    for (row, col), (char, _) in sorted(cells.items()):
        lines[row] = lines.get(row, "").ljust(col) + char
    findings = []
    for (row, col), (char, colour) in cells.items():
        if char.isspace():
            continue
        needed = 3.0 if ord(char) in GRAPHICS else 4.5
        behind = backgrounds.get((row, col), default_background)
        measured = ratio(colour, behind)
        if measured < needed:
            findings.append(Finding(row, col, char, round(measured, 2), needed, lines[row]))
    return sorted(findings)
