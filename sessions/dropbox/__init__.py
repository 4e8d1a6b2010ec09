"""The drop-box: anonymous cards that participants send from their phones.

The facilitator opens a :class:`DropBox` for a part; phones that scan its QR code get a
plain web form (question, how I am on a 1–5 scale, topic for next time). Cards wait in
a moderation queue, in shuffled order and without arrival times, until the facilitator
approves them (they become session notes from the drop-box) or discards them.

Everything a screen needs is importable from here.
"""

from circlekeeper.sessions.dropbox.box import DropBox
from circlekeeper.sessions.dropbox.cards import (
    ALL_KINDS,
    MAX_CARD_CHARS,
    SCALE_LABELS,
    Card,
    CardKind,
)
from circlekeeper.sessions.dropbox.moderation import DropBoxError
from circlekeeper.sessions.dropbox.network import (
    Interface,
    NetworkChoiceError,
    list_interfaces,
    reach_sentence,
)
from circlekeeper.sessions.dropbox.queue import MIN_SCALE_ANSWERS, ScaleSummary, UnknownCard

__all__ = [
    "ALL_KINDS",
    "MAX_CARD_CHARS",
    "MIN_SCALE_ANSWERS",
    "SCALE_LABELS",
    "Card",
    "CardKind",
    "DropBox",
    "DropBoxError",
    "Interface",
    "NetworkChoiceError",
    "ScaleSummary",
    "UnknownCard",
    "list_interfaces",
    "reach_sentence",
]
