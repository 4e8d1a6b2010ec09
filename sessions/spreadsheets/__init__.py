"""Spreadsheets: sessions and notes as CSV a coordinator can open, every cell inert.

:func:`notes_csv` (:mod:`.notes`) writes one row per note of a summary, the handout's
notes only for participants; :func:`sessions_rows` (:mod:`.sessions`) gives the session
list's columns for a table, CSV or JSON. :func:`csv_text` (:mod:`.cells`) writes any rows
so that no cell can run as a formula.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from circlekeeper.sessions import lazy_exports

if TYPE_CHECKING:
    from circlekeeper.sessions.spreadsheets.cells import csv_text as csv_text
    from circlekeeper.sessions.spreadsheets.cells import inert as inert
    from circlekeeper.sessions.spreadsheets.notes import notes_csv as notes_csv

__all__ = ["csv_text", "inert", "notes_csv"]

__getattr__ = lazy_exports(__name__, {"csv_text": "cells", "inert": "cells", "notes_csv": "notes"})
