"""The current part's words on the run screen, and what the room is shown with them.

:class:`PartContent` scrolls the part's prompts (for everyone), its guidance and text
(facilitator-only), and above them an approved drop-box card shown to everyone.
:class:`SharedResource` is the participant view's large code for one resource.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.sessions.templates.agenda import Part, Resource
from circlekeeper.tui.text import PROMPT_CHARS, clipped
from circlekeeper.tui.widgets.bare_containers import BareColumn
from circlekeeper.tui.widgets.qr_code import QrCode

MORE_BELOW = N_("▼ more below: scroll")
"""The facilitator's hint when the part's words go on below the window."""


class PartContent(VerticalScroll):
    """The part's prompts, guidance and text, under any card shown to everyone.

    In a small window they scroll, and a line at the bottom says there is more below
    (a hint with a key in it, so facilitator-only).
    """

    DEFAULT_CSS = """
    PartContent #more-below {
        dock: bottom;
        height: 1;
        padding: 0 1;
        text-style: bold;
        background: $warning-muted;
        color: $text;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(
            _(MORE_BELOW), id="more-below", classes="facilitator-only -empty", markup=False
        )
        # Above the prompts, so a long part never pushes it out of view.
        yield Static("", id="shown-card", classes="-empty", markup=False)
        yield Static("", id="prompts", markup=False)
        yield Static("", id="guidance", classes="facilitator-only", markup=False)
        yield Static("", id="part-text", classes="facilitator-only", markup=False)

    def on_mount(self) -> None:
        self.watch(self, "scroll_y", self._hint_more)
        self.watch(self, "virtual_size", self._hint_more)
        self.query_one("#prompts", Static).border_title = _("For everyone")
        self.query_one("#guidance", Static).border_title = _("Guidance (facilitator only)")
        self.query_one("#shown-card", Static).border_title = _("From the drop-box")

    def show_part(self, part: Part) -> None:
        """Show ``part``'s prompts (its title without any), guidance and text."""
        prompts = self.query_one("#prompts", Static)
        prompts.update(
            "\n".join(f"• {clipped(p.text, PROMPT_CHARS)}" for p in part.prompts)
            or clipped(part.title)
        )
        text = self.query_one("#part-text", Static)
        text.update("\n\n".join(clipped(b.text, PROMPT_CHARS, one_line=False) for b in part.text))
        text.set_class(not part.text, "-empty")
        guidance = self.query_one("#guidance", Static)
        guidance.update("\n\n".join(clipped(b.text, PROMPT_CHARS) for b in part.guidance))
        guidance.set_class(not part.guidance, "-empty")

    def _hint_more(self) -> None:
        # Whole rows only: the last fraction of a row is not "more".
        more = self.max_scroll_y - self.scroll_y >= 1
        self.query_one("#more-below", Static).set_class(not more, "-empty")

    def on_resize(self) -> None:
        self._hint_more()

    def show_card(self, text: str | None) -> None:
        """Show an approved card's words large, to everyone (``None`` takes them away)."""
        card = self.query_one("#shown-card", Static)
        card.update(text or "")
        card.set_class(not text, "-empty")


class SharedResource(BareColumn):
    """One resource as a large code, with its title and link beneath."""

    shown: Resource | None = None
    """The resource last put here, if any."""

    def compose(self) -> ComposeResult:
        yield QrCode(id="participant-code")
        yield Static("", id="participant-resource-title", markup=False)
        yield Static("", id="participant-resource-url", markup=False)

    def show(self, resource: Resource) -> None:
        """Show ``resource``."""
        self.shown = resource
        self.query_one(QrCode).url = resource.url
        self.query_one("#participant-resource-title", Static).update(resource.title)
        self.query_one("#participant-resource-url", Static).update(resource.url)
