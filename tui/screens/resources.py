"""The resources screen: one QR code large at a time, its title and link in text beneath."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from circlekeeper.sessions.engine.session import Session
from circlekeeper.sessions.errors import SESSION_PROBLEMS
from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.sessions.templates.agenda import Resource
from circlekeeper.tui.dialogs.add_resource import AddResourceDialog
from circlekeeper.tui.text import sentence
from circlekeeper.tui.view import is_shared
from circlekeeper.tui.widgets.keys_footer import KeysFooter
from circlekeeper.tui.widgets.qr_code import QrCode
from circlekeeper.tui.widgets.title_bar import TitleBar


class ResourcesScreen(Screen[None]):
    """Shows the session's resources one at a time; every code shown is recorded."""

    CSS_PATH = "resources.tcss"
    BINDING_GROUP_TITLE = "Resources"
    BINDINGS = [
        Binding("right,down,l", "move(1)", N_("Next"), id="resources.next"),
        Binding("left,up,h", "move(-1)", N_("Previous"), id="resources.previous"),
        Binding("f", "full_screen", N_("Full screen"), id="resources.full-screen"),
        Binding("a", "add", N_("Add a link"), id="resources.add"),
        Binding("v", "app.toggle_view", N_("View"), id="resources.toggle-view"),
        Binding("escape,r", "close", N_("Back"), id="resources.back"),
    ]

    class ResourceShown(Message):
        """A resource's code was put on screen, to be recorded and shown to the room."""

        def __init__(self, resource: Resource) -> None:
            super().__init__()
            self.resource = resource
            """The resource on screen."""

    def __init__(
        self, resources: Sequence[Resource], *, start: int = 0, session: Session | None = None
    ) -> None:
        """Show ``resources``.

        Args:
            resources: What to show, in order.
            start: The index shown first.
            session: The open session, which keeps the links the facilitator adds.
                Without one, adding is off.
        """
        super().__init__()
        self.resources = list(resources)
        self.index = min(max(start, 0), max(len(self.resources) - 1, 0))
        self.session = session

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="resource-position", markup=False)
        yield QrCode(id="resource-code")
        yield Static("", id="resource-title", markup=False)
        yield Static("", id="resource-url", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self._show()

    @property
    def current(self) -> Resource | None:
        """The resource on screen, if there is one."""
        return self.resources[self.index] if self.resources else None

    def _show(self) -> None:
        resource = self.current
        code = self.query_one(QrCode)
        title = self.query_one("#resource-title", Static)
        url = self.query_one("#resource-url", Static)
        position = self.query_one("#resource-position", Static)
        if resource is None:
            code.url = ""
            position.update("")
            title.update(_("No resources yet. Press a to add a link."))
            url.update("")
            return
        code.url = resource.url
        place = _("Resource {number} of {count}").format(
            number=self.index + 1, count=len(self.resources)
        )
        if resource.crisis:
            place += "  ·  " + _("crisis resource")
        position.update(place)
        title.update(resource.title)
        url.update(resource.url)
        if code.problem is None:
            self.post_message(self.ResourceShown(resource))

    def action_move(self, step: int) -> None:
        if len(self.resources) > 1:
            self.index = (self.index + step) % len(self.resources)
            self._show()

    def action_full_screen(self) -> None:
        self.toggle_class("-full")

    def action_add(self) -> None:
        if is_shared(self):
            return  # a link being typed is the facilitator's: nothing on a shared screen
        if self.session is None:
            self.notify(_("Links can be added while a session is open."), severity="warning")
            return
        self.app.push_screen(AddResourceDialog(), self._added)

    def _added(self, resource: Resource | None) -> None:
        if resource is None or self.session is None:
            return
        try:
            self.session.add_resource(resource.title, resource.url)
        except SESSION_PROBLEMS as error:
            self.notify(sentence(error), severity="error", timeout=8)
            return
        self.resources.append(resource)
        self.index = len(self.resources) - 1
        self._show()

    def action_close(self) -> None:
        self.dismiss(None)
