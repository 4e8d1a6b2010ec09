"""A structure's words in the language spoken now, where they are shown.

The catalogue, the steps and the record keep their words in English: a record's step
names are data that a coordinator's tools read. The screens and the human exports show
them through these functions, which translate the catalogue's words and the few phrases
the app builds around a number (``Client 2 of 3``, ``Topic 4``). Words a participant wrote
(a Lean Coffee topic) are never looked up: they are passed through as they are.
"""

from __future__ import annotations

import re

from circlekeeper.sessions.languages.speaking import N_, _

_WHO = {
    "Client": N_("Client {k} of {of}"),
    "Presenter": N_("Presenter {k} of {of}"),
    "Case": N_("Case {k} of {of}"),
    "Topic": N_("Topic {k} of {of}"),
    "Round": N_("Round {k} of {of}"),
}
"""Who a repeated step is for, a whole phrase per unit so a translator can reorder it."""

_WHO_WORDS = re.compile(r"(?P<unit>[A-Z][a-z]+) (?P<k>\d+) of (?P<of>\d+)")
_TOPIC_NUMBER = re.compile(r"Topic (?P<k>\d+)")
_TOPIC_CUE = re.compile(r"Topic (?P<k>\d+): discuss")
_TOPIC_WORDS = "Topic: "


def spoken_title(title: str) -> str:
    """A structure's title for people: ``Troika consulting``, ``Troika-Beratung``."""
    return _(title)


def spoken_who(who: str) -> str:
    """Whose turn a step is: ``Client 2 of 3`` in the language spoken now."""
    found = _WHO_WORDS.fullmatch(who)
    if found is None or found["unit"] not in _WHO:
        return who
    return _(_WHO[found["unit"]]).format(k=found["k"], of=found["of"])


def spoken_name(name: str) -> str:
    """A step's name in the language spoken now; a topic's own words stay as written."""
    if name.startswith(_TOPIC_WORDS):
        return _("Topic: {words}").format(words=name[len(_TOPIC_WORDS) :])
    if (found := _TOPIC_NUMBER.fullmatch(name)) is not None:
        return _("Topic {k}").format(k=found["k"])
    return _(name)


def spoken_cue(cue: str) -> str:
    """A step's cue for the room, in the language spoken now."""
    if (found := _TOPIC_CUE.fullmatch(cue)) is not None:
        return _("Topic {k}: discuss").format(k=found["k"])
    return _(cue)


def step_label(name: str, who: str) -> str:
    """Who and what, as a step is listed: ``Client 2 of 3 · Consultants talk``."""
    spoken = spoken_name(name)
    return f"{spoken_who(who)} · {spoken}" if who else spoken
