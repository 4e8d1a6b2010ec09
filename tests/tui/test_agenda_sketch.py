"""The home screen's first frame sketches the agenda plainly; the full preview replaces it."""

from __future__ import annotations

from screen_text import screen_text
from textual.app import App, ComposeResult
from textual.widgets import Static

from circlekeeper.tui.screens.home_preview import sketch
from circlekeeper.tui.widgets.agenda_sketch import AgendaSketch, SketchLine

LONG = "Say who you are and one thing that went well this week, in a sentence or two."


def test_a_sketch_keeps_the_lines_asked_for_and_drops_heading_marks_only() -> None:
    markdown = "# Lunch circle\n\n## Check-in (10 min)\n#hashtag stays\n- a prompt\nmore"
    assert sketch(markdown, 5) == [
        SketchLine("Lunch circle", True),
        SketchLine("", False),
        SketchLine("Check-in (10 min)", True),
        SketchLine("#hashtag stays", False),
        SketchLine("- a prompt", False),
    ]


class Sketching(App[None]):
    CSS = "AgendaSketch { width: 30; }"

    def compose(self) -> ComposeResult:
        lines = [SketchLine("Check-in (10 min)", True), SketchLine("", False)]
        yield AgendaSketch([*lines, SketchLine(LONG, False)])


async def test_only_a_line_too_wide_wraps_and_headings_are_bold() -> None:
    app = Sketching()
    async with app.run_test(size=(60, 12)):
        drawn = app.query_one(AgendaSketch)
        rows = [drawn.render_line(y) for y in range(drawn.size.height)]
        assert [row.text.rstrip() for row in rows] == [
            "Check-in (10 min)",
            "",
            "Say who you are and one thing",
            "that went well this week, in a",
            "sentence or two.",
        ]
        assert all(segment.style.bold for segment in rows[0])
        assert not any(segment.style and segment.style.bold for segment in rows[2])


async def test_the_home_screen_swaps_the_sketch_for_the_full_preview(build_app) -> None:
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        home = app.screen
        assert not home.query("#template-sketch")
        full = home.query_one("#template-preview", Static)
        assert full.display
        first = home.templates[0].agenda
        assert first is not None
        assert first.parts[0].title in screen_text(app)
