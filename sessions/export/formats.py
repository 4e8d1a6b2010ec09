"""The formats a summary is written in, and one call to write any of them."""

from __future__ import annotations

from enum import Enum

from circlekeeper.sessions.export.html import render_html
from circlekeeper.sessions.export.json_format import render_json
from circlekeeper.sessions.export.markdown import render_markdown
from circlekeeper.sessions.export.model import Summary


class Format(str, Enum):
    """A file format for a summary; the value is its file suffix."""

    MARKDOWN = "md"
    HTML = "html"
    JSON = "json"
    CSV = "csv"

    @property
    def label(self) -> str:
        """The format's name in words."""
        return {"md": "Markdown", "html": "HTML", "json": "JSON", "csv": "CSV"}[self.value]


DOCUMENT_FORMATS = (Format.MARKDOWN, Format.HTML, Format.JSON)
"""The formats that hold the whole summary; CSV holds its notes alone, one row each."""


def render(summary: Summary, fmt: Format) -> str:
    """The summary written in ``fmt``, as text."""
    if fmt is Format.MARKDOWN:
        return render_markdown(summary)
    if fmt is Format.HTML:
        return render_html(summary)
    if fmt is Format.CSV:
        from circlekeeper.sessions.spreadsheets.notes import notes_csv

        return notes_csv(summary)
    return render_json(summary)
