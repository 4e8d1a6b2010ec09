"""The Lean Coffee board's forms: a topic to add, the votes per topic, a thumbs vote.

Each is a small :class:`~.form.FormDialog` that dismisses with plain values (the words,
``{topic id: count}``, the three counts); the run screen's topic flow hands them to the
session, which checks them again.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.widgets import Input, Label, Static

from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.sessions.structures.topic_status import TopicLine
from circlekeeper.tui.dialogs.form import FormDialog
from circlekeeper.tui.text import clipped

COUNT_CHARS = 3
"""Digits a count box takes: no room counts past 999."""


def count_problem(raw: str, problem: str) -> str | None:
    """``problem`` (the sentence asking for a number) when ``raw`` is not a count, else ``None``.

    An empty box counts as 0.
    """
    raw = raw.strip() or "0"
    if not (raw.isascii() and raw.isdigit()):
        return problem
    return None


def _count(raw: str) -> int:
    return int(raw.strip() or "0")


class TopicDialog(FormDialog[str]):
    """One topic's words; dismisses with them."""

    submit_label = N_("Add topic")

    def compose_fields(self) -> ComposeResult:
        yield Static(_("Add a topic to the board"), classes="form-title", markup=False)
        yield Input(placeholder=_("e.g. Saying no without guilt"), id="topic", max_length=200)
        yield Static(
            _(
                "A few words, without anyone's name. Approved topic cards from the drop-box "
                "are on the board already."
            ),
            classes="hint",
            markup=False,
        )

    def submit(self) -> None:
        words = " ".join(self.query_one("#topic", Input).value.split())
        if not words:
            self.show_error(_("Write the topic in a few words."), "#topic")
            return
        self.dismiss(words)


class VotesDialog(FormDialog[dict[str, int]]):
    """The votes each waiting topic got; dismisses with ``{topic id: count}``.

    Args:
        topics: the topics waiting, in the order they are listed on the board.
    """

    submit_label = N_("Save votes")

    def __init__(self, topics: Sequence[TopicLine]) -> None:
        super().__init__()
        self.topics = tuple(topics)

    def compose_fields(self) -> ComposeResult:
        yield Static(
            _("Votes per topic (a count of dots or hands)"), classes="form-title", markup=False
        )
        for topic in self.topics:
            yield Label(f"{topic.id}. {clipped(topic.words, 60)}", markup=False)
            yield Input(str(topic.votes), id=f"votes-{topic.id}", max_length=COUNT_CHARS)

    def check_field(self, field: Input) -> str | None:
        return count_problem(field.value, _("Enter the votes as a number, 0 or more."))

    def submit(self) -> None:
        tally = {}
        for topic in self.topics:
            field = self.query_one(f"#votes-{topic.id}", Input)
            problem = count_problem(
                field.value,
                _("Enter the votes for topic {number} as a number, 0 or more.").format(
                    number=topic.id
                ),
            )
            if problem:
                self.show_error(problem, f"#votes-{topic.id}")
                return
            tally[topic.id] = _count(field.value)
        self.dismiss(tally)


class ThumbsDialog(FormDialog[tuple[int, int, int]]):
    """A thumbs vote on the topic under way; dismisses with the up, sideways, down counts.

    Args:
        topic: the topic under way.
    """

    submit_label = N_("Save thumbs")
    _FIELDS = (
        ("up", N_("Thumbs up: go on")),
        ("sideways", N_("Sideways")),
        ("down", N_("Down: move on")),
    )

    def __init__(self, topic: TopicLine) -> None:
        super().__init__()
        self.topic = topic

    def compose_fields(self) -> ComposeResult:
        yield Static(
            _("Thumbs on: {topic}").format(topic=clipped(self.topic.words, 56)),
            classes="form-title",
            markup=False,
        )
        for key, label in self._FIELDS:
            yield Label(_(label), markup=False)
            yield Input("0", id=f"thumbs-{key}", max_length=COUNT_CHARS)

    def check_field(self, field: Input) -> str | None:
        return count_problem(field.value, _("Enter the hands as a number, 0 or more."))

    def submit(self) -> None:
        counts = []
        for key, label in self._FIELDS:
            field = self.query_one(f"#thumbs-{key}", Input)
            problem = count_problem(
                field.value,
                _("Enter the hands for {choice} as a number, 0 or more.").format(
                    choice=_(label).lower()
                ),
            )
            if problem:
                self.show_error(problem, f"#thumbs-{key}")
                return
            counts.append(_count(field.value))
        if not sum(counts):
            self.show_error(_("Count at least one hand."), "#thumbs-up")
            return
        self.dismiss((counts[0], counts[1], counts[2]))
