"""The drop-box's card counter: how many new cards wait, never when each one came.

Usage::

    yield CardCounter(id="card-counter", classes="facilitator-only")
    ...
    counter.show(box)       # whenever the drop-box opens, closes or its counts move

The counter shows numbers only: new cards since the queue was last read, and all the
cards waiting. It never announces an arrival (no notification, no bell, no flash): in a
small group, the moment a card comes in can tell who wrote it. It hides itself while
the session has no drop-box.

In the circlekeeper app the app shows the drop-box to every counter on screen whenever
the drop-box opens, closes or its counts move. Keep it facilitator-only: the number is
harmless, but it invites a look at the queue.
"""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

from circlekeeper.sessions.dropbox import DropBox
from circlekeeper.sessions.languages.speaking import _, ngettext


def counter_words(is_open: bool, new: int, waiting: int) -> str:
    """The counter's line, such as ``Drop-box open · 2 new cards · 5 waiting``."""
    state = _("Drop-box open") if is_open else _("Drop-box closed")
    if waiting == 0:
        return "{state} · {none}".format(state=state, none=_("no cards waiting"))
    if new == 0:
        new_words = _("no new cards")
    else:
        new_words = ngettext("{count} new card", "{count} new cards", new).format(count=new)
    return "{state} · {new} · {waiting}".format(
        state=state, new=new_words, waiting=_("{count} waiting").format(count=waiting)
    )


class CardCounter(Static):
    """One line: whether the drop-box is open, and how many cards are new and waiting."""

    DEFAULT_CSS = """
    CardCounter {
        height: auto;
        padding: 0 1;
        color: $text-accent;
        &.-none { display: none; }
    }
    """

    is_open: reactive[bool] = reactive(False)
    """Whether phones can send cards now."""

    new_cards: reactive[int] = reactive(0)
    """Cards that came in since the queue was last read."""

    waiting: reactive[int] = reactive(0)
    """Cards waiting to be approved or discarded."""

    has_box: reactive[bool] = reactive(False)
    """Whether the session has a drop-box at all; without one the counter is hidden."""

    def __init__(
        self,
        box: DropBox | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """Make a counter, showing ``box`` from the start if given.

        Args:
            box: The drop-box to count, if there is one yet.
            name: The widget's name.
            id: The widget's id in the DOM.
            classes: Space-separated CSS classes.
        """
        super().__init__("", name=name, id=id, classes=classes, markup=False)
        self._box = box

    def on_mount(self) -> None:
        self.show(self._box)

    def watch_has_box(self, has_box: bool) -> None:
        self.set_class(not has_box, "-none")

    @property
    def box(self) -> DropBox | None:
        """The drop-box counted, if the session has one."""
        return self._box

    def show(self, box: DropBox | None) -> None:
        """Count ``box`` now (``None``: the session has no drop-box)."""
        self._box = box
        self.has_box = box is not None
        if box is None:
            self.update("")
            return
        self.is_open = box.is_open
        self.new_cards = box.new_count()
        self.waiting = box.waiting_count()
        self.update(counter_words(self.is_open, self.new_cards, self.waiting))
