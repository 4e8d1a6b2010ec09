"""Lets the facilitator add a link on the spot; the link is checked before it is accepted."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Label, Static

from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.sessions.templates.agenda import Resource
from circlekeeper.sessions.templates.link_rules import check_url
from circlekeeper.tui.dialogs.form import FormDialog


class AddResourceDialog(FormDialog[Resource]):
    """Title and link; dismisses with a checked :class:`Resource` or ``None``."""

    submit_label = N_("Add")

    def compose_fields(self) -> ComposeResult:
        yield Static(_("Add a resource: participants will scan it as a QR code"), markup=False)
        yield Label(_("What it is"), markup=False)
        yield Input(placeholder=_("e.g. Our EAP's booking page"), id="resource-title")
        yield Label(_("Link (https, http, mailto or tel)"), markup=False)
        yield Input(placeholder="https://…", id="resource-url")

    def submit(self) -> None:
        url = self.query_one("#resource-url", Input).value.strip()
        title = self.query_one("#resource-title", Input).value.strip() or url
        problem = check_url(url)
        if problem:
            self.show_error(
                _("Not added: {problem}.").format(problem=problem), focus="#resource-url"
            )
            return
        self.dismiss(Resource(title=title, url=url))
