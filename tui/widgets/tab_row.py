"""A row of tab names over a ContentSwitcher: one line of text, the chosen one marked.

The home screen's three lists are switched with 1, 2 and 3 (or a click on a name); a
row of words does that with one widget where a full tabbed container builds a dozen,
which the home screen paid for on every launch.
"""

from __future__ import annotations

from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget


class TabRow(Widget):
    """Tab names, one of them active; clicking a name asks for it with :class:`Chosen`."""

    ALLOW_SELECT = False

    COMPONENT_CLASSES = {"tab-row--active", "tab-row--key"}

    DEFAULT_CSS = """
    TabRow {
        height: 1;
        padding: 0 1;
        color: $text-muted;
        link-style: none;
        link-background-hover: $block-hover-background;
        & > .tab-row--active {
            color: $foreground;
            background: $primary 30%;
            text-style: bold underline;
        }
        & > .tab-row--key {
            color: $accent;
            text-style: bold;
        }
    }
    """

    class Chosen(Message):
        """A tab's name was clicked."""

        def __init__(self, tab: str) -> None:
            super().__init__()
            self.tab = tab
            """The id of the tab asked for."""

    labels: reactive[tuple[tuple[str, str], ...]] = reactive(())
    """(id, name) of each tab, in order."""
    active: reactive[str] = reactive("")
    """The id of the tab shown."""

    def __init__(
        self, labels: list[tuple[str, str]], active: str, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.set_reactive(TabRow.labels, tuple(labels))
        self.set_reactive(TabRow.active, active)

    def relabel(self, tab: str, name: str) -> None:
        """Change one tab's name (a count, say)."""
        self.labels = tuple((t, name if t == tab else n) for t, n in self.labels)

    def render(self) -> Content:
        active = self.get_visual_style("tab-row--active", partial=True)
        key = self.get_visual_style("tab-row--key", partial=True)
        parts: list[Content | str] = []
        for number, (tab, name) in enumerate(self.labels, start=1):
            click = Style.from_meta({"@click": f"choose({tab!r})"})
            look = active if tab == self.active else Style.null()
            parts += [
                Content.styled(f" {number} ", key + click),
                Content.styled(f"{name} ", look + click),
                "   ",
            ]
        return Content.assemble(*parts)

    def action_choose(self, tab: str) -> None:
        self.post_message(self.Chosen(tab))
