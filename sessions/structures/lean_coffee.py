"""A Lean Coffee part's topic board: topics, votes, the topic under way and its extensions.

The group gathers topics, gives each a count of votes, and takes them in vote order (the
order added breaks a tie). Each topic gets its box; at its end a thumbs vote says whether
to go on: mostly up gives +4 min, split +2, down moves on, and a second extension is at
most half the first, after which the group moves on. A mark with its own decreasing boxes
(``7+5+3``) gives the next box for each vote to go on instead.

:class:`TopicBoard` is rebuilt by replaying a session's ``topic`` events
(:meth:`TopicBoard.apply`); each event records the decision made (the topic taken, the
minutes granted), so a record reads the same whatever the rules become.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from circlekeeper.sessions.safe_text import safe_text
from circlekeeper.sessions.structures.expand import DEFAULT_BOX
from circlekeeper.sessions.structures.marks import StructureMark

UP_MINUTES = 4
"""The first extension when the thumbs are mostly up."""
SPLIT_MINUTES = 2
"""The first extension when the thumbs are split."""
MAX_VOTES = 999
"""More votes than a room can cast on one topic: a larger count is a typing slip."""


@dataclass(frozen=True)
class Thumbs:
    """One thumbs vote on the topic under way, in counts only."""

    up: int
    """Thumbs up: go on."""
    sideways: int
    """Sideways: either way."""
    down: int
    """Thumbs down: move on."""

    @property
    def verdict(self) -> str:
        """``up`` when more than half are up, ``down`` when more than half are down, else
        ``split``."""
        total = self.up + self.sideways + self.down
        if self.up * 2 > total:
            return "up"
        if self.down * 2 > total:
            return "down"
        return "split"


@dataclass
class Topic:
    """One topic on the board."""

    id: str
    """Its number on the board, as text (``"3"``): what a tally of votes is keyed by."""
    words: str
    """The topic, in the words it was added with."""
    source: str = "facilitator"
    """``facilitator`` (typed) or ``drop-box`` (an approved topic card)."""
    note_id: str = ""
    """The parking-lot note an approved topic card became, for a card's topic."""
    votes: int = 0
    """Its count of votes."""
    started_ms: int | None = None
    """The part's running milliseconds when the group took it up."""
    ended_ms: int | None = None
    """The part's running milliseconds when the group moved on from it."""
    extensions: list[int] = field(default_factory=list)
    """Minutes granted by each thumbs vote that went on."""
    thumbs: list[Thumbs] = field(default_factory=list)
    """Every thumbs vote on it, in order."""
    parked: bool = False
    """Put in the parking lot, not having been reached."""
    done: bool = False
    """A thumbs vote said to move on (or no extension is left)."""
    kept: tuple[str, ...] = ()
    """Kinds of personal data the facilitator chose to keep in its words (empty for most
    topics): such a topic stays in their record, never in a handout."""

    @property
    def taken(self) -> bool:
        """The group has taken it up."""
        return self.started_ms is not None

    def seconds(self, box: int) -> int:
        """Its planned seconds: the box and every extension granted."""
        return 60 * (box + sum(self.extensions))

    def ran_ms(self, part_ms: int) -> int:
        """Running milliseconds spent on it, counted to ``part_ms`` while under way."""
        if self.started_ms is None:
            return 0
        end = part_ms if self.ended_ms is None else self.ended_ms
        return max(0, end - self.started_ms)


@dataclass
class TopicBoard:
    """The topics of one Lean Coffee part, rebuilt from its ``topic`` events."""

    boxes: tuple[int, ...]
    """Minutes a topic, then the group's own shorter extensions (``7+5+3``), if any."""
    topics: list[Topic] = field(default_factory=list)
    """Every topic, in the order added."""
    current: Topic | None = None
    """The topic under way."""

    @property
    def box(self) -> int:
        """A topic's first box in minutes."""
        return self.boxes[0]

    def find(self, topic_id: str) -> Topic:
        """The topic numbered ``topic_id``.

        Raises:
            KeyError: there is none.
        """
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(f"no topic {topic_id}")

    def waiting(self) -> list[Topic]:
        """Topics not yet taken nor parked, in the order they will be taken: most votes
        first, the earlier added first on a tie."""
        left = [t for t in self.topics if not t.taken and not t.parked]
        return sorted(left, key=lambda t: -t.votes)

    def next_extension(self, thumbs: Thumbs) -> int:
        """Minutes a thumbs vote on the current topic grants (0: move on)."""
        topic = self.current
        if topic is None or topic.done or thumbs.verdict == "down":
            return 0
        granted = topic.extensions
        if len(self.boxes) > 1:
            return self.boxes[len(granted) + 1] if len(granted) + 1 < len(self.boxes) else 0
        wanted = UP_MINUTES if thumbs.verdict == "up" else SPLIT_MINUTES
        if not granted:
            return wanted
        if len(granted) == 1:
            return min(wanted, granted[0] // 2)
        return 0

    def left_seconds(self, part_ms: int) -> float:
        """Seconds left of the current topic's box and extensions (0 when none, or over)."""
        topic = self.current
        if topic is None:
            return 0.0
        return max(0.0, topic.seconds(self.box) - topic.ran_ms(part_ms) / 1000)

    def fitting(self, seconds: float) -> int:
        """How many waiting topics, at a box each, fit in ``seconds``."""
        return min(len(self.waiting()), max(0, int(seconds // (60 * self.box))))

    # Replaying events -------------------------------------------------------------

    def apply(self, event: Mapping[str, Any], part_ms: int) -> None:
        """Apply one ``topic`` event at the part's running milliseconds ``part_ms``.

        Raises:
            KeyError, TypeError, ValueError: the event is damaged.
        """
        action = str(event["action"])
        if action == "add":
            self.topics.append(
                Topic(
                    id=str(event["id"]),
                    words=safe_text(str(event["words"]), lines=False),
                    source=str(event.get("source", "facilitator")),
                    note_id=str(event.get("note_id", "")),
                    # Topics recorded before this was kept read as holding nothing kept.
                    kept=tuple(str(k) for k in event.get("kept", ())),
                )
            )
        elif action == "votes":
            for topic_id, count in dict(event["tally"]).items():
                self.find(str(topic_id)).votes = int(count)
        elif action == "take":
            self._finish(part_ms)
            self.current = self.find(str(event["id"]))
            self.current.started_ms = part_ms
            self.current.ended_ms = None
        elif action == "thumbs":
            topic = self.current
            if topic is None:
                raise ValueError("a thumbs vote with no topic under way")
            topic.thumbs.append(
                Thumbs(int(event["up"]), int(event["sideways"]), int(event["down"]))
            )
            minutes = int(event["minutes"])
            if minutes > 0:
                topic.extensions.append(minutes)
            else:
                topic.done = True
        elif action == "finish":
            self._finish(part_ms)
        elif action == "park":
            for topic_id in event["ids"]:
                self.find(str(topic_id)).parked = True
        # An unknown action comes from a newer version: passed over.

    def _finish(self, part_ms: int) -> None:
        if self.current is not None:
            self.current.ended_ms = part_ms
            self.current = None


def lean_boxes(mark: StructureMark | None) -> tuple[int, ...]:
    """A Lean Coffee mark's boxes (``(8,)`` when it gives none); empty for any other part."""
    if mark is None or mark.name != "lean coffee":
        return ()
    return mark.boxes or (DEFAULT_BOX,)


def read_tally(tally: Mapping[str, int], board: TopicBoard) -> dict[str, int]:
    """A tally of votes checked against ``board``: ``{topic id: count}``.

    Raises:
        ValueError: a topic the board does not hold, or a count that is not a whole
            number from 0 to :data:`MAX_VOTES` (the message says which).
    """
    checked: dict[str, int] = {}
    for key, count in tally.items():
        topic_id = str(key).strip()
        try:
            board.find(topic_id)
        except KeyError:
            raise ValueError(f"there is no topic {topic_id} on the board") from None
        if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= MAX_VOTES:
            raise ValueError(f"topic {topic_id}'s votes are a count from 0 to {MAX_VOTES}")
        checked[topic_id] = count
    return checked
