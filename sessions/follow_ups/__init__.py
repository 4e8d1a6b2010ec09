"""Crisis follow-throughs kept outside any session.

The crisis key works from the home screen too, where no session is open. The
follow-through recorded after it is kept in a small file of its own in the data folder
(:mod:`.home_log`), shown in the home screen's reminder until the follow-up is marked
done, and never written into any session's record or handout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from circlekeeper.sessions import lazy_exports

if TYPE_CHECKING:
    from circlekeeper.sessions.follow_ups.home_log import FILE_NAME as FILE_NAME
    from circlekeeper.sessions.follow_ups.home_log import HomeFollowThroughs as HomeFollowThroughs

__all__ = ["FILE_NAME", "HomeFollowThroughs"]

__getattr__ = lazy_exports(__name__, {"FILE_NAME": "home_log", "HomeFollowThroughs": "home_log"})
