"""How the app keeps a session's drop-box: opening it, telling the counters, closing it.

A mixin for :class:`~circlekeeper.tui.app.CircleKeeperApp`, beside
:class:`~circlekeeper.tui.flows.SessionFlows`. The drop-box belongs to the open
session: it is made the first time the facilitator opens it (``d`` on the run screen),
keeps its waiting cards when closed and opened again, and is closed and forgotten with
the session: when the session ends, when the facilitator goes home, when the app
quits. Its web server runs in the app's own event loop, so opening and closing are
awaited here, never handed to a thread.

Screens that show counts follow :attr:`DropBoxFlows.dropbox_changed_signal`, published
with the drop-box whenever it opens, closes or its counts move; it never says what came
in, or when.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.signal import Signal

from circlekeeper.tui.text import sentence

# The drop-box and its screens load the first time it is opened, not at launch.
if TYPE_CHECKING:
    from circlekeeper.sessions.dropbox import DropBox
    from circlekeeper.sessions.host import OpenSession
    from circlekeeper.tui.app import CircleKeeperApp
    from circlekeeper.tui.dialogs.dropbox_open import DropBoxChoice

    _Base = CircleKeeperApp
else:
    _Base = object


class DropBoxFlows(_Base):
    """The open session's drop-box, for the App."""

    dropbox: DropBox | None = None
    """The open session's drop-box, from its first opening until the session closes."""

    _dropbox_signal: Signal[DropBox | None] | None = None

    @property
    def dropbox_changed_signal(self) -> Signal[DropBox | None]:
        """Published with the drop-box (or ``None``) when it opens, closes or counts change."""
        if self._dropbox_signal is None:
            self._dropbox_signal = Signal(self, "dropbox-changed")
        return self._dropbox_signal

    def dropbox_changed(self) -> None:
        """Tell every counter on screen to count again."""
        self.dropbox_changed_signal.publish(self.dropbox)

    # Opening -------------------------------------------------------------------------

    def show_dropbox(self) -> None:
        """Show the open drop-box's code, or first ask which cards to take and from where."""
        from circlekeeper.tui.dialogs.dropbox_open import DropBoxOpenDialog
        from circlekeeper.tui.screens.dropbox import DropBoxScreen

        if self.session is None:
            return
        box = self.dropbox
        if box is not None and box.is_open:
            self.push_screen(DropBoxScreen(box, on_show=self.show_card_to_everyone))
            return
        dialog = (
            DropBoxOpenDialog()
            if box is None
            else DropBoxOpenDialog(kinds=box.kinds, host=box.host)
        )
        self.push_screen(dialog, self.open_dropbox)

    async def open_dropbox(self, choice: DropBoxChoice | None) -> None:
        """Start the drop-box's server as chosen, then show its code."""
        from circlekeeper.sessions.dropbox import DropBox, DropBoxError, NetworkChoiceError
        from circlekeeper.tui.screens.dropbox import DropBoxScreen

        session = self.session
        if choice is None or session is None:
            return
        box = self.dropbox
        try:
            if box is None:
                box = DropBox(
                    session, kinds=choice.kinds, host=choice.host, on_card=self.dropbox_changed
                )
                self.dropbox = box
            else:
                box.kinds = choice.kinds
                box.host = choice.host
            await box.open()
        except (DropBoxError, NetworkChoiceError) as error:
            self.notify(sentence(error), title="The drop-box did not open", severity="error")
            return
        self.dropbox_changed()
        self.push_screen(DropBoxScreen(box, on_show=self.show_card_to_everyone))

    def show_card_to_everyone(self, text: str | None) -> None:
        """Put an approved card's words on the run screen, which participants see."""
        from circlekeeper.tui.screens.run_session import RunScreen

        for screen in self.screen_stack:
            if isinstance(screen, RunScreen):
                screen.show_card(text)

    # Closing -------------------------------------------------------------------------

    async def close_dropbox(self) -> None:
        """Stop the server: the link stops working at once. Waiting cards stay to be read."""
        if self.dropbox is not None:
            await self.dropbox.close()
        self.dropbox_changed()

    async def forget_dropbox(self) -> None:
        """Close the drop-box and let it go with its waiting cards: the session is closing."""
        box, self.dropbox = self.dropbox, None
        if box is not None:
            await box.close()
            box.clear()
            self.dropbox_changed()

    def forget_dropbox_soon(self) -> None:
        """As :meth:`forget_dropbox`, from code that cannot wait for it.

        The link already leads nowhere once the session has ended; the server itself
        stops a moment later, in a worker on the app's loop.
        """
        box, self.dropbox = self.dropbox, None
        if box is not None:
            self._tell_unread(box)
            box.clear()
            self.run_worker(box.close(), name="close the drop-box", group="dropbox")
            self.dropbox_changed()

    def _tell_unread(self, box: DropBox) -> None:
        waiting = box.waiting_count()
        if waiting:
            were = "1 was" if waiting == 1 else f"{waiting} were"
            self.notify(f"The drop-box is closed. Unread cards reach nothing: {were} let go.")

    # Where the session closes (see SessionFlows) -------------------------------------

    def session_ended(self, opened: OpenSession) -> None:
        self.forget_dropbox_soon()
        super().session_ended(opened)

    def _close_open(self) -> None:
        self.forget_dropbox_soon()
        super()._close_open()

    async def action_quit(self) -> None:
        await self.forget_dropbox()
        await super().action_quit()

    async def on_unmount(self) -> None:
        # However the app stops, the server is stopped before the loop goes.
        await self.forget_dropbox()
