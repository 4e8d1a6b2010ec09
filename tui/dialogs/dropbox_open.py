"""Opening the drop-box: which cards participants may send, and where phones can reach it.

The facilitator ticks the kinds of card for this part and picks where the drop-box
listens: this computer only (the default, for trying it out), or one of this computer's
network interfaces so that phones in the room can reach it. The sentence beneath says,
for the choice on screen, who could open the page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Checkbox, RadioSet, Static

from circlekeeper.sessions.dropbox import (
    ALL_KINDS,
    CardKind,
    Interface,
    list_interfaces,
    reach_sentence,
)
from circlekeeper.sessions.dropbox.network import LOOPBACK
from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.tui.dialogs.form import FormDialog
from circlekeeper.tui.widgets.marked_toggles import MarkedCheckbox, MarkedRadioButton

THIS_COMPUTER = N_("This computer only ({address})")


@dataclass(frozen=True)
class DropBoxChoice:
    """How the facilitator wants the drop-box opened."""

    kinds: frozenset[CardKind]
    """The kinds of card phones may send."""
    host: str
    """The address to listen on: loopback, or one of this computer's interfaces."""


class DropBoxOpenDialog(FormDialog[DropBoxChoice]):
    """Choose the cards and the network; dismisses with the choice, or ``None``."""

    BINDINGS = [Binding("ctrl+s", "submit", N_("Open"), id="dropbox-open.open")]

    DEFAULT_CSS = """
    DropBoxOpenDialog > .form-box {
        overflow-y: auto;  /* a computer may have many addresses to choose from */
    }
    DropBoxOpenDialog .title {
        text-style: bold;
    }
    DropBoxOpenDialog .label {
        margin-top: 1;
        text-style: bold;
    }
    DropBoxOpenDialog #dropbox-kinds {
        height: auto;
    }
    DropBoxOpenDialog RadioSet {
        width: 100%;
    }
    DropBoxOpenDialog #dropbox-reach {
        color: $text-warning;
    }
    """

    submit_label = N_("Open")

    def __init__(
        self,
        *,
        kinds: Iterable[CardKind] = ALL_KINDS,
        host: str = LOOPBACK,
        interfaces: Sequence[Interface] | None = None,
    ) -> None:
        """Offer the choices, with ``kinds`` ticked and ``host`` picked.

        Args:
            kinds: The kinds of card ticked at first.
            host: The address picked at first (loopback unless it is offered).
            interfaces: This computer's interfaces (read from the system when not given).
        """
        super().__init__()
        self.kinds = frozenset(kinds)
        self.interfaces = list(list_interfaces() if interfaces is None else interfaces)
        self.hosts = [LOOPBACK] + [i.address for i in self.interfaces if not i.is_loopback]
        """The addresses offered, in the order of the list on screen."""
        self.host = host if host in self.hosts else LOOPBACK

    def compose_fields(self) -> ComposeResult:
        yield Static(_("Open the drop-box"), classes="title", markup=False)
        yield Static(
            _("Participants scan a code and send anonymous cards from their phones."),
            classes="hint",
            markup=False,
        )
        yield Static(_("Cards participants can send"), classes="label", markup=False)
        with Horizontal(id="dropbox-kinds"):
            for kind in CardKind:
                yield MarkedCheckbox(
                    Content(kind.label), value=kind in self.kinds, id=f"kind-{kind.value}"
                )
        yield Static(_("Where phones can reach it"), classes="label", markup=False)
        yield Static(
            _(
                "Up and down move through the list; space picks. Phones in the room need one "
                "of this computer's network addresses, not 'this computer only'."
            ),
            classes="hint",
            markup=False,
        )
        with RadioSet(id="dropbox-where"):
            yield MarkedRadioButton(
                Content(_(THIS_COMPUTER).format(address=LOOPBACK)), value=self.host == LOOPBACK
            )
            for interface in self.interfaces:
                if not interface.is_loopback:
                    yield MarkedRadioButton(
                        Content(interface.label), value=self.host == interface.address
                    )
        yield Static(self._reach(), id="dropbox-reach", markup=False)

    def on_mount(self) -> None:
        self.query_one(Checkbox).focus()

    def _reach(self) -> str:
        return reach_sentence(self.host, self.interfaces)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.host = self.hosts[event.index]
        self.query_one("#dropbox-reach", Static).update(self._reach())

    def submit(self) -> None:
        kinds = frozenset(
            kind for kind in CardKind if self.query_one(f"#kind-{kind.value}", Checkbox).value
        )
        if not kinds:
            self.show_error(
                _("Tick at least one kind of card."), focus=f"#kind-{CardKind.QUESTION.value}"
            )
            return
        self.dismiss(DropBoxChoice(kinds=kinds, host=self.host))
