"""How the app keeps a session's drop-box: opening it, telling the counters, closing it.

:class:`DropBoxFlow` is the app's helper beside
:class:`~circlekeeper.tui.flows.SessionFlow`. The drop-box itself belongs to the
session host: it is made the first time the facilitator opens it (``d`` on the run
screen), keeps its waiting cards when closed and opened again, and goes with the
session. Its web server runs in the app's own event loop, so opening and closing are
awaited here, never handed to a thread.

Every card counter on screen is shown the drop-box whenever it opens, closes or its
counts move; it is never told what came in, or when.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import App

from circlekeeper.sessions.languages.speaking import _, ngettext
from circlekeeper.tui.text import sentence

# The drop-box and its screens load the first time it is opened, not at launch.
if TYPE_CHECKING:
    from circlekeeper.sessions.dropbox import DropBox
    from circlekeeper.sessions.host import SessionHost
    from circlekeeper.tui.dialogs.dropbox_open import DropBoxChoice
    from circlekeeper.tui.screens.dropbox import DropBoxScreen


class DropBoxFlow:
    """The host's drop-box, for the app's screens.

    Args:
        app: The app whose screens show the drop-box.
        host: The owner of the open session and its drop-box.
    """

    def __init__(self, app: App[Any], host: SessionHost) -> None:
        self.app = app
        self.host = host

    def show(self) -> None:
        """Show the open drop-box's code, or first ask which cards to take and from where."""
        from circlekeeper.tui.dialogs.dropbox_open import DropBoxOpenDialog
        from circlekeeper.tui.screens.dropbox import DropBoxScreen

        if self.host.session is None:
            return
        box = self.host.dropbox
        if box is not None and box.is_open:
            self.app.push_screen(DropBoxScreen(box))
            return
        dialog = (
            DropBoxOpenDialog()
            if box is None
            else DropBoxOpenDialog(kinds=box.kinds, host=box.host)
        )
        self.app.push_screen(dialog, self.open)

    async def open(self, choice: DropBoxChoice | None) -> None:
        """Start the drop-box's server as chosen, then show its code."""
        from circlekeeper.sessions.dropbox import DropBoxError, NetworkChoiceError
        from circlekeeper.tui.screens.dropbox import DropBoxScreen

        if choice is None or self.host.session is None:
            return
        try:
            box = await self.host.open_dropbox(choice.kinds, choice.host)
        except (DropBoxError, NetworkChoiceError) as error:
            self.app.notify(sentence(error), title=_("The drop-box did not open"), severity="error")
            return
        self.app.push_screen(DropBoxScreen(box))

    async def close(self, screen: DropBoxScreen) -> None:
        """Stop the server (the link stops working at once), then let ``screen`` go."""
        await self.host.close_dropbox()
        screen.closed()

    def counts_changed(self, box: DropBox | None) -> None:
        """Show ``box`` to every card counter, on every screen."""
        from circlekeeper.tui.widgets.card_counter import CardCounter
        from circlekeeper.tui.widgets.poll_status import PollStatus

        for screen in self.app.screen_stack:
            for counter in screen.query(CardCounter):
                counter.show(box)
            for status in screen.query(PollStatus):
                status.show(box)

    def show_card(self, text: str) -> None:
        """Put an approved card's words on the run screen, which participants see."""
        from circlekeeper.tui.screens.run_session import RunScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, RunScreen):
                screen.show_card(text)

    def tell_unread(self, waiting: int) -> None:
        """Say that ``waiting`` unread cards were let go with the drop-box, if any were."""
        if waiting:
            closed = ngettext(
                "The drop-box is closed. Unread cards reach nothing: {count} was let go.",
                "The drop-box is closed. Unread cards reach nothing: {count} were let go.",
                waiting,
            )
            self.app.notify(closed.format(count=waiting))
