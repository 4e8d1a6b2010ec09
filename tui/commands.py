"""The command palette: every key of the current screen, and any agenda by name."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from circlekeeper.sessions.templates.library import TemplateEntry, TemplateLibrary


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
        help_text = f"{binding.tooltip} (key: {key})" if binding.tooltip else f"Key: {key}"
        yield SystemCommand(
            binding.description, help_text, partial(screen.run_action, binding.action)
        )


class TemplateCommands(Provider):
    """Start a session from any agenda by typing part of its title."""

    def _entries(self) -> list[TemplateEntry]:
        host = getattr(self.app, "host", None)
        if host is not None and host.opened is not None:
            return []  # one session at a time: nothing to start while one is open
        # The app's library, handed to it at start-up (the palette cannot be given it).
        library = getattr(self.app, "library", None)
        if not isinstance(library, TemplateLibrary):
            return []
        return [entry for entry in library.entries() if entry.agenda is not None]

    def _start(self, entry: TemplateEntry) -> None:
        from circlekeeper.tui.screens.home import HomeScreen

        if entry.agenda is not None:  # only agendas that read cleanly are offered
            self.app.post_message(HomeScreen.StartRequested(entry.agenda))

    async def discover(self) -> Hits:
        for entry in self._entries():
            yield DiscoveryHit(
                f"Start: {entry.title}",
                partial(self._start, entry),
                help=f"{entry.minutes} min · {entry.summary}",
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries():
            text = f"Start: {entry.title}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(text),
                    partial(self._start, entry),
                    help=f"{entry.minutes} min · {entry.summary}",
                )
