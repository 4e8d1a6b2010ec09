"""The personal-data guard: what in a text could tie it to a person.

:func:`find_personal_data` looks for email and street addresses (:mod:`.places`), phone
numbers (:mod:`.phones`) and the names of the facilitator's :class:`WatchList`
(:mod:`.names`, held in memory only); :func:`redact` replaces what was found. Notes,
cards and debriefs pass it before they are saved, and ``privacy check`` runs it on any
file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from circlekeeper.sessions import lazy_exports

if TYPE_CHECKING:
    from circlekeeper.sessions.privacy.guard import Finding as Finding
    from circlekeeper.sessions.privacy.guard import Position as Position
    from circlekeeper.sessions.privacy.guard import find_personal_data as find_personal_data
    from circlekeeper.sessions.privacy.guard import locate as locate
    from circlekeeper.sessions.privacy.guard import redact as redact
    from circlekeeper.sessions.privacy.names import WatchList as WatchList

__all__ = [
    "Finding",
    "Position",
    "WatchList",
    "find_personal_data",
    "locate",
    "redact",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "Finding": "guard",
        "Position": "guard",
        "find_personal_data": "guard",
        "redact": "guard",
        "locate": "guard",
        "WatchList": "names",
    },
)
