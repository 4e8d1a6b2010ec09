"""The peer-consultation structures a part can name, with their published timings.

Each :class:`Structure` is a list of step shapes: some taken once at the start or end,
the rest repeated for each client, presenter, case or topic. A step's weight is its
published length in minutes (the middle of a published range), so a structure scaled to
any part keeps the published proportions. Cues are the words the room sees. Names, titles
and cues are marked for the catalogs and kept in English here (a record's data); they are
translated where they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from circlekeeper.sessions.languages.speaking import N_


@dataclass(frozen=True)
class StepShape:
    """One step of a structure, before it is fitted to a part."""

    name: str
    """What the step is, for the facilitator: ``Consultants talk``."""
    cue: str
    """What the room is asked to do, in participant words."""
    weight: float
    """Its published length in minutes: its share of the part."""


@dataclass(frozen=True)
class Structure:
    """A named structure: steps before, steps for each one (client...), steps after."""

    name: str
    """Its name as written in a timing mark, in lower case: ``wise crowds``."""
    title: str
    """Its name for people: ``Wise Crowds``."""
    unit: str
    """Who or what each repeat is for: ``client``, ``presenter``, ``case``, ``topic``."""
    each: tuple[StepShape, ...]
    """The steps repeated for each client, presenter, case or topic."""
    before: tuple[StepShape, ...] = ()
    """Steps taken once, before the first client."""
    count: int = 1
    """How many clients when the mark does not say; 0: as many as fit the part."""
    per_unit: int = 0
    """With :attr:`count` 0, the published minutes a client, to work out how many fit."""
    counted: bool = True
    """Whether a mark may say how many (``4 clients``)."""
    least_people: int = 1
    """The smallest group it works with."""


def _s(name: str, cue: str, weight: float) -> StepShape:
    return StepShape(name, cue, weight)


_TURNED = N_("Client: turn your back — consultants talk")

STRUCTURES: dict[str, Structure] = {
    s.name: s
    for s in (
        Structure(
            "troika", N_("Troika consulting"), "client", count=3, least_people=3,
            before=(_s(N_("Think"), N_("Everyone: a quiet minute to choose your challenge"), 1),),
            each=(
                _s(N_("Client shares"), N_("Client: share your challenge"), 1.5),
                _s(N_("Clarifying questions"), N_("Consultants: ask clarifying questions"), 1.5),
                _s(N_("Consultants talk"), _TURNED, 4.5),
                _s(N_("What was valuable"), N_("Client: turn around — say what was valuable"), 1.5),
            ),
        ),
        Structure(
            "wise crowds", N_("Wise Crowds"), "client", count=0, per_unit=15, least_people=4,
            each=(
                _s(N_("Client presents"), N_("Client: describe your challenge"), 2),
                _s(N_("Questions"), N_("Consultants: ask questions"), 3),
                _s(N_("Consultants talk"), _TURNED, 8),
                _s(N_("Feedback"), N_("Client: turn around — say what was useful"), 2),
            ),
        ),
        Structure(
            "1-2-4-all", N_("1-2-4-All"), "round", counted=False, least_people=4,
            each=(
                _s(N_("Alone"), N_("On your own: jot down your thoughts"), 1),
                _s(N_("Pairs"), N_("Pairs"), 2),
                _s(N_("Foursomes"), N_("Foursomes"), 4),
                _s(N_("All together"), N_("All together"), 5),
            ),
        ),
        Structure(
            "1-3-all", N_("1-3-All"), "round", counted=False, least_people=3,
            each=(
                _s(N_("Alone"), N_("On your own: jot down your thoughts"), 1),
                _s(N_("Threes"), N_("Threes"), 6),
                _s(N_("All together"), N_("All together"), 5),
            ),
        ),
        Structure(
            "action learning", N_("Action learning set"), "presenter", count=0, per_unit=30,
            least_people=3,
            each=(
                _s(N_("Presenter presents"), N_("Presenter: describe your issue"), 2),
                _s(N_("Clarifying questions"), N_("Set: clarifying questions"), 7.5),
                _s(N_("Helping questions"), N_("Set: helping questions"), 12.5),
                _s(N_("Summary"), N_("Presenter: sum up what you heard"), 2),
                _s(N_("Action"), N_("Presenter: name your next action"), 2),
            ),
        ),
        Structure(
            "balint", N_("Balint group"), "case", count=0, per_unit=45, least_people=3,
            each=(
                _s(N_("Presentation"), N_("Presenter: tell the case"), 5.5),
                _s(N_("Factual questions"), N_("Group: factual questions"), 3),
                _s(N_("Discussion"), N_("Presenter listens only — the group discusses"), 35),
                _s(N_("Presenter responds"), N_("Presenter: respond"), 3),
            ),
        ),
        Structure(
            "intervision", N_("Intervision (incident method)"), "case", least_people=3,
            before=(
                _s(N_("Since last time"), N_("Since last time"), 5),
                _s(N_("Cases"), N_("Everyone: name a case"), 10),
                _s(N_("Choose"), N_("Group: choose a case"), 5),
            ),
            each=(
                _s(N_("Questions"), N_("Group: questions to the presenter"), 15),
                _s(N_("Analysis"), N_("Presenter out — the group analyses"), 10),
                _s(N_("Advice"), N_("Presenter silent — the group advises"), 10),
                _s(N_("Evaluation"), N_("Presenter: evaluate, plan the follow-up"), 10),
            ),
        ),
        Structure(
            "lean coffee", N_("Lean Coffee"), "topic", count=0, per_unit=8, least_people=2,
            counted=False,
            before=(
                _s(N_("Gather topics"), N_("Write topics"), 3),
                _s(N_("Vote"), N_("Vote: 2 votes each"), 2),
            ),
            each=(_s(N_("Topic"), N_("Discuss the topic"), 8),),
        ),
    )
}  # fmt: skip
"""Every known structure by its name."""

ALIASES = {
    "troika consulting": "troika",
    "wise crowd": "wise crowds",
    "action learning set": "action learning",
    "balint group": "balint",
    "incident method": "intervision",
    "lean-coffee": "lean coffee",
}
"""Other ways the same structures are written."""


def find_structure(words: str) -> Structure | None:
    """The structure ``words`` name (any case and spacing), or ``None``."""
    key = " ".join(words.lower().split())
    return STRUCTURES.get(ALIASES.get(key, key))


def known_names() -> str:
    """The known names, for a message: ``troika, wise crowds, ...``."""
    return ", ".join(STRUCTURES)
