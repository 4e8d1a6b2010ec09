"""The command palette: every key of the current screen, and any agenda by name."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.templates.library import TemplateEntry
from circlekeeper.tui.screens.home import HomeScreen


def app_commands(
    help: Callable[[], object], crisis: Callable[[], object], toggle_view: Callable[[], object]
) -> Iterable[SystemCommand]:
    """The palette's commands for the app's own actions: help, the crisis resource and the
    participant view."""
    yield SystemCommand(_("Help"), _("The keys and how to use them"), help)
    yield SystemCommand(_("Crisis resource"), _("Pause and show the crisis resource"), crisis)
    yield SystemCommand(
        _("Participant / facilitator view"),
        _("Hide or show everything facilitator-only"),
        toggle_view,
    )


def binding_commands(screen: Screen) -> Iterable[SystemCommand]:
    """One palette command per described key binding of ``screen``.

    Bindings are data, so the palette, the footer and the help screen all say the same.
    """
    for binding in screen.BINDINGS:
        if not isinstance(binding, Binding) or not binding.description:
            continue
        if binding.action.startswith("app."):
            continue  # the app's own commands already offer it
        key = screen.app.get_key_display(binding)
        if binding.tooltip:
            help_text = _("{tip} (key: {key})").format(tip=_(binding.tooltip), key=key)
        else:
            help_text = _("Key: {key}").format(key=key)
        yield SystemCommand(
            _(binding.description), help_text, partial(screen.run_action, binding.action)
        )


class TemplateCommands(Provider):
    """Start a session from any agenda by typing part of its title.

    Agendas are offered only over the home screen, from the entries it lists: one
    session at a time, so there is nothing to start while one is open.
    """

    def _entries(self) -> list[TemplateEntry]:
        if not isinstance(self.screen, HomeScreen):
            return []
        return [entry for entry in self.screen.templates if entry.agenda is not None]

    def _start(self, entry: TemplateEntry) -> None:
        if entry.agenda is not None:  # only agendas that read cleanly are offered
            # As if the home screen asked: the app starts it as from the list.
            self.screen.post_message(HomeScreen.StartRequested(entry.agenda))

    async def discover(self) -> Hits:
        for entry in self._entries():
            yield DiscoveryHit(
                _("Start: {title}").format(title=entry.title),
                partial(self._start, entry),
                help=_("{minutes} min · {summary}").format(
                    minutes=entry.minutes, summary=entry.summary
                ),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries():
            text = _("Start: {title}").format(title=entry.title)
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(text),
                    partial(self._start, entry),
                    help=_("{minutes} min · {summary}").format(
                        minutes=entry.minutes, summary=entry.summary
                    ),
                )
