"""A report's own words in the language spoken now, for the pages people read.

A :class:`~.report.Report` keeps its words (titles, columns, rows, rating items) as the
code writes them, in English, marked for the catalogs: the CSV and the JSON are data a
spreadsheet or a script reads, so they stay the same whatever the language. The HTML page
is read by people, so it turns each word into the language spoken with :func:`spoken`.
Session labels are days and stay as they are, save the word for a session without one.
"""

from __future__ import annotations

from circlekeeper.sessions.dropbox.cards import SCALE, SCALE_LABELS
from circlekeeper.sessions.languages.speaking import N_, _

UNDATED = N_("undated")
"""The label of a session whose record gives no day."""

MOOD_COLUMN = "{word} ({value})"
"""A how-I-am column: the scale's word and its number, ``Low (2)``."""


def mood_column(value: int, word: str) -> str:
    """The column of the how-I-am answers ``value``, named with ``word``."""
    return MOOD_COLUMN.format(word=word, value=value)


def spoken(word: str) -> str:
    """One of a report's own words (never a session's text) in the language spoken now."""
    for value in SCALE:
        if word == mood_column(value, SCALE_LABELS[value]):
            return mood_column(value, _(SCALE_LABELS[value]))
    return _(word)


def spoken_label(label: str) -> str:
    """A session's label as a reader sees it: its day, or "undated" in their language."""
    if label == UNDATED or label.startswith(UNDATED + " #"):
        return _(UNDATED) + label[len(UNDATED) :]
    return label
