"""The home screen's lists: keys, clicks and the mouse move the highlight and choose, as in
Textual's option list, and a line too wide for the list wraps."""

from __future__ import annotations

from driving import posted
from textual.app import App, ComposeResult
from textual.widgets import Static

from circlekeeper.tui.widgets.pick_list import PickList

LABELS = [f"Circle {n}\n  {n * 10} min" for n in range(12)]


class Picking(App[None]):
    CSS = "PickList { height: 8; width: 30; }"

    def compose(self) -> ComposeResult:
        yield PickList(*LABELS, id="circles")
        yield Static("below")


def shown(app: Picking) -> list[str]:
    """The list's drawn rows, its border and padding left out."""
    pick = app.query_one(PickList)
    return [pick.render_line(y).text.rstrip() for y in range(pick.scrollable_content_region.height)]


def first(pick: PickList, y: int):
    """The first run of characters on row ``y`` of the list's words."""
    return list(pick.render_line(y))[0]


async def test_keys_move_the_highlight_round_and_by_pages_and_enter_chooses() -> None:
    seen: list = []
    app = Picking()
    async with app.run_test(size=(60, 20), message_hook=seen.append) as pilot:
        pick = app.query_one(PickList)
        assert pick.highlighted == 0 and pick.option_count == 12
        assert shown(app)[:2] == ["Circle 0", "  0 min"]
        await pilot.press("up")  # round to the last, scrolled into view
        await pilot.pause()
        assert pick.highlighted == 11
        assert shown(app)[-2:] == ["Circle 11", "  110 min"]
        await pilot.press("down", "pagedown")  # round to the first, then three choices on
        await pilot.pause()
        assert pick.highlighted == 3
        await pilot.press("pageup", "end", "home", "down", "enter")
        await pilot.pause()
        assert [m.index for m in posted(seen, PickList.Selected)] == [1]
        highlighted = [m.index for m in posted(seen, PickList.Highlighted)]
        # The first is highlighted as the list appears.
        assert highlighted == [0, 11, 0, 3, 0, 11, 0, 1]


async def test_a_click_chooses_the_choice_under_it_and_hovering_marks_it() -> None:
    seen: list = []
    app = Picking()
    async with app.run_test(size=(60, 20), message_hook=seen.append) as pilot:
        pick = app.query_one(PickList)
        plain = first(pick, 4).style
        # Row 4 of the words is Circle 2's first line (the border takes a row above).
        await pilot.hover(PickList, offset=(3, 5))
        await pilot.pause()
        assert first(pick, 4).style != plain
        await pilot.click(PickList, offset=(3, 5))
        await pilot.pause()
        assert pick.highlighted == 2
        assert [m.index for m in posted(seen, PickList.Selected)] == [2]
        await pilot.hover(Static)
        await pilot.pause()
        assert first(pick, 4).style != plain  # highlighted, no longer hovered
        assert first(pick, 0).style == first(pick, 6).style == plain


async def test_a_line_too_wide_wraps_and_choices_can_be_replaced() -> None:
    app = Picking()
    async with app.run_test(size=(60, 20)) as pilot:
        pick = app.query_one(PickList)
        pick.clear_options()
        assert pick.highlighted is None and pick.option_count == 0
        pick.add_options(["A very long agenda title that cannot fit on one line", "Short"])
        pick.highlighted = 1
        await pilot.pause()
        rows = shown(app)
        assert rows[:3] == ["A very long agenda title", "that cannot fit on one", "line"]
        assert rows[3] == "Short"
        assert pick.labels[1] == "Short"
