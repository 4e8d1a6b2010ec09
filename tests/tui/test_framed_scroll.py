"""A framed scrolling pane draws exactly what Textual's own pane draws, from three rows."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.widgets import Static

from circlekeeper.tui.widgets.bare_containers import FramedScroll

CSS = """
#framed, #plain { border: round $secondary; padding: 0 1; scrollbar-gutter: stable; }
#framed:focus-within, #plain:focus-within { border: double $accent; }
"""


class Panes(App[None]):
    CSS = CSS

    def compose(self) -> ComposeResult:
        with FramedScroll(id="framed"):
            yield Static("\n".join(f"line {n}" for n in range(60)), id="words")
        yield VerticalScroll(Static("beside"), id="plain")


def own_drawing(app: Panes) -> list[str]:
    """The framed pane's rows as Textual's own pane would draw them, and as it draws them."""
    pane = app.query_one("#framed", FramedScroll)
    region = Region(0, 0, pane.outer_size.width, pane.outer_size.height)
    theirs = VerticalScroll.render_lines(pane, region)
    ours = pane.render_lines(region)
    assert [line.text for line in ours] == [line.text for line in theirs]
    assert ours == theirs
    return [line.text for line in ours]


async def test_the_framed_pane_draws_as_textual_does_when_resized_focused_and_scrolled() -> None:
    app = Panes()
    async with app.run_test(size=(60, 20)) as pilot:
        app.query_one("#plain").focus()
        await pilot.pause()
        rows = own_drawing(app)
        assert rows[0].startswith("╭") and rows[-1].startswith("╰")
        assert all(row.startswith("│") for row in rows[1:-1])
        await pilot.resize_terminal(70, 12)
        await pilot.pause()
        assert len(own_drawing(app)) == app.query_one(FramedScroll).outer_size.height
        app.query_one(FramedScroll).focus()
        app.query_one(FramedScroll).scroll_end(animate=False)
        await pilot.pause()
        focused = own_drawing(app)
        # The focused border is drawn anew, not the one kept from before.
        assert focused[0].startswith("╔") and focused[1].startswith("║")
