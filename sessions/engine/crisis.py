"""Resources a session shows: the one the crisis key shows, and links added on the way.

The crisis key shows the organisation's own resource, else the agenda's, else a directory
of helplines that works in any country.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from circlekeeper.sessions.errors import SessionError
from circlekeeper.sessions.languages.speaking import N_
from circlekeeper.sessions.safe_text import safe_text
from circlekeeper.sessions.templates.agenda import Agenda, Resource
from circlekeeper.sessions.templates.link_rules import check_url

HELPLINE_DIRECTORY = Resource(
    title=N_("Find a helpline: free, confidential support, wherever you are"),
    url="https://findahelpline.com",
    crisis=True,
)
"""Shown when neither the organisation nor the agenda names a crisis resource."""

CRISIS_WORDS = (
    N_("If you are in danger right now, call your local emergency number."),
    N_("You are not alone. Free, confidential support is available."),
)
"""Plain words shown with the crisis resource (translated where shown)."""


@dataclass(frozen=True)
class CrisisChoice:
    """The crisis resource and where it came from."""

    resource: Resource
    """What to show."""
    source: str
    """``"organisation"``, ``"agenda"`` or ``"built-in"``."""

    @property
    def configured(self) -> bool:
        """Whether someone chose it, rather than falling back to the built-in directory."""
        return self.source != "built-in"


def choose_crisis_resource(
    organisation: Iterable[Resource] = (), agenda: Agenda | None = None
) -> CrisisChoice:
    """The organisation's crisis resource, else the agenda's, else the helpline directory."""
    for resource in organisation:
        if resource.crisis:
            return CrisisChoice(resource, "organisation")
    if agenda is not None and agenda.crisis_resource is not None:
        return CrisisChoice(agenda.crisis_resource, "agenda")
    return CrisisChoice(HELPLINE_DIRECTORY, "built-in")


def resource_to_add(title: str, url: str, known: Iterable[Resource]) -> tuple[Resource, bool]:
    """The resource a facilitator adds during a session, checked against those it has.

    Args:
        title: what to call it (the link itself when empty).
        url: the link, to be shown as a QR code.
        known: the resources the session has already.

    Returns:
        The resource, and whether it is one of ``known`` (a link is never added twice).

    Raises:
        SessionError: the link cannot be shown as a code (the message says why).
    """
    url = url.strip()
    problem = check_url(url)
    if problem is not None:
        raise SessionError(f"cannot add the resource: {problem}")
    for resource in known:
        if resource.url == url:
            return resource, True
    title = safe_text(title, lines=False).strip()
    return Resource(title=title or url, url=url), False
