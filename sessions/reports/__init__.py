"""Count-only reports: a session's figures, disclosure control, and reports to share.

:mod:`.figures` takes one session's facilitator record (the JSON export) and keeps its
counts only, never its words; the group's history stores those figures.
"""
