"""What tripped a first-time facilitator, each tried the way they tried it.

Each test drives the app from the keyboard and checks what is on screen and what was
saved in the session.
"""

from __future__ import annotations

from driving import AGENDAS, TEMPLATE, start
from screen_text import flat, screen_text, settle, widget_words

from circlekeeper.sessions.engine.note_model import NoteKind
from circlekeeper.sessions.settings.config import Settings
from circlekeeper.tui.dialogs.confirm import ConfirmDialog
from circlekeeper.tui.screens.run_session import RunScreen

SHORT_PARTS = """---
title: Short parts
summary: A five-minute opening and a long middle, for the warning stretch.
duration: 25
---

# Short parts

## Opening (5 min)

A quick hello.

## Middle (20 min)

The main part.
"""

ONE_MINUTE_ROUND = """---
title: One-minute round
summary: A long opening, a short round of one-minute turns and a fixed close.
duration: 25
---

# One-minute round

## Opening (10 min)

Hello.

## Round (10 min, round 1 min)

One minute each.

## Close (5 min, fixed)

Goodbye.
"""


async def test_enter_on_the_kind_buttons_saves_the_note_and_the_editor_says_ctrl_s_does_too(
    build_app,
):
    from circlekeeper.tui.dialogs.note_editor import NoteEditor

    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        run = app.screen
        await pilot.press("n", *"Rotas wear people down")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert "ctrl+s saves" in screen_text(app)
        # Tab to the kind buttons, choose the next kind with the arrow, then enter.
        await pilot.press("tab", "right", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        [note] = run.session.notes()
        assert note.text == "Rotas wear people down"
        assert note.kind is list(NoteKind)[1]

        # From the facilitator-only box, enter saves too; space is what ticks it.
        await pilot.press("n", *"Ask about the rota", "tab", "tab", "space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert [(n.text, n.facilitator_only) for n in run.session.notes()][1] == (
            "Ask about the rota",
            True,
        )


async def test_last_minutes_is_a_fifth_of_a_short_part_and_the_setting_for_a_long_one(
    build_app, clock, settings: Settings
):
    from circlekeeper.tui.widgets.part_timer import PartTimer

    (settings.folders.templates / "short-parts.md").write_text(SHORT_PARTS)
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot, template="short-parts")
        timer = app.screen.query_one(PartTimer)
        await pilot.press("space")
        # With 1:30 of 5 minutes left the part is not in its last minutes yet...
        clock.advance(minutes=3, seconds=30)
        await settle(pilot)
        assert "1:30 left of 5:00" in screen_text(app)
        assert not timer.has_class("-warning")
        # ...its last fifth is.
        clock.advance(seconds=40)
        await settle(pilot)
        assert "LAST MINUTES · 0:50 left" in screen_text(app)

        # A 20-minute part warns for the 2 minutes the settings say, not a fifth of it.
        await pilot.press("right_square_bracket")
        clock.advance(minutes=17, seconds=30)
        await settle(pilot)
        assert "2:30 left of 20:00" in screen_text(app)
        clock.advance(seconds=40)
        await settle(pilot)
        assert "LAST MINUTES · 1:50 left" in screen_text(app)


async def test_the_rebalance_reads_right_and_does_what_its_preview_said(
    build_app, clock, settings: Settings
):
    (settings.folders.templates / "one-minute-round.md").write_text(ONE_MINUTE_ROUND)
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot, attendance="2", template="one-minute-round")
        run = app.screen
        await pilot.press("space")
        clock.advance(minutes=18, seconds=50)  # the round has 1:10 left to give
        await settle(pilot)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        preview = screen_text(app)
        question = widget_words(app, "#confirm-question")
        assert "Shortened 1 part; the session ends on time." in question
        assert "Round: 1 turn of 1 min fit for 2 people." in question, question
        assert "Round: 10:00 → 1:10" in preview

        # The facilitator reads it for a while, the timer running on, then agrees.
        clock.advance(seconds=40)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, RunScreen)
        assert [p.planned for p in run.session.status().parts][1] == 70
        assert "Rebalanced. Shortened 1 part" in screen_text(app)


async def test_the_summary_reads_as_it_happened_and_shows_everyone_the_themes(
    build_app, clock, settings: Settings
):
    from circlekeeper.tui.dialogs.privacy_prompt import PrivacyPrompt
    from circlekeeper.tui.screens.summary import SummaryScreen
    from circlekeeper.tui.widgets.notes_list import NotesList

    (settings.folders.templates / "short-parts.md").write_text(SHORT_PARTS)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot, template="short-parts")
        await pilot.press("space")
        await pilot.press("n", *"Sleep came up a lot", "enter")
        await pilot.press("n", *"Write to sam@example.org about rotas", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PrivacyPrompt)
        await pilot.press("k")  # keep it as it is, for the record
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        listed = [str(option.prompt) for option in app.screen.query_one(NotesList).options]
        assert [("record only" in line) for line in listed] == [False, True]

        clock.advance(minutes=7, seconds=33)  # 2:33 over a five-minute part
        await pilot.press("e", "y")
        await pilot.pause()
        await pilot.press("escape")  # no debrief
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = flat(screen_text(app))
        assert "actual 7 min 33 s (OVER by 2 min 33 s)" in text
        assert "(record only): Write to sam@example.org" in text

        await pilot.press("v")  # the summary on the shared screen
        await pilot.pause()
        shared = flat(screen_text(app))
        assert "Themes Theme: Sleep came up a lot Actions No actions to share." in shared
        assert "sam@example.org" not in shared


async def test_resume_tells_two_sessions_apart_and_refuses_one_open_elsewhere_at_once(
    build_app, clock, store
):
    from circlekeeper.sessions.host import SessionHost
    from circlekeeper.sessions.templates.parse import load_template_file
    from circlekeeper.tui.dialogs.start_session import StartSessionDialog
    from circlekeeper.tui.screens.home import HomeScreen

    # Two sessions of one agenda, an hour apart, both left open as quitting the app leaves
    # them (that it does is checked in test_screens.py); made here without an app run each.
    agenda = load_template_file(AGENDAS / f"{TEMPLATE}.md")
    ids = []
    for _ in range(2):
        host = SessionHost(store, clock)
        ids.append(host.start(agenda, attendance=6).id)
        await host.close()
        clock.advance(minutes=60)

    app = build_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("2")
        await pilot.pause()
        labels = app.screen.query_one("#resume-list").labels
        assert len(labels) == 2 and labels[0] != labels[1]
        for session_id in ids:
            assert sum(session_id in label for label in labels) == 1

        # The newest is highlighted; another window has it open.
        newest = next(i for i in ids if i in labels[0])
        with store.open(newest):
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)  # not asked who is coming
            assert not isinstance(app.screen, StartSessionDialog)
            told = " ".join(n.message for n in app._notifications)
            assert "already open in another window" in told


async def test_the_first_tab_on_the_run_screen_lands_on_something_that_shows_it(build_app):
    from screen_text import widget_lines

    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        before = screen_text(app)
        await pilot.press("tab")
        await pilot.pause()
        focused = app.focused
        assert focused is not None and focused.region.area > 0
        # The focus left the agenda, and where it landed is drawn differently.
        lines = widget_lines(app, focused)
        region = focused.region
        rows = before.splitlines()[region.y : region.bottom]
        assert lines != [row[region.x : region.right] for row in rows]


def buttons_left_to_right(app) -> list[str]:
    from textual.widgets import Button

    shown = [b for b in app.screen.query(Button) if b.region.area]
    return [str(b.id) for b in sorted(shown, key=lambda b: b.region.x)]


async def test_every_dialog_puts_the_way_back_left_and_the_export_folder_chosen_is_kept(
    build_app, clock, settings: Settings, tmp_path
):
    from textual.widgets import Input

    from circlekeeper.tui.dialogs.export import ExportDialog
    from circlekeeper.tui.dialogs.privacy_prompt import PrivacyPrompt

    chosen = tmp_path / "handouts"
    chosen.mkdir()

    way_back = {"cancel", "no", "edit"}  # what escape does, by dialog
    seen: dict[str, list[str]] = {}

    def look() -> None:
        order = buttons_left_to_right(app)
        seen[type(app.screen).__name__] = order
        assert order[0] in way_back, order
        assert not way_back & set(order[1:]), order

    app = build_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.press("enter")  # the start dialog
        await pilot.pause()
        look()
        await pilot.press("6", "enter", "enter", "enter", *"Maria", "enter")
        await pilot.press("space", "n")  # the note editor
        await pilot.pause()
        look()
        await pilot.press(*"Maria is off sick", "enter")  # the privacy prompt
        await pilot.pause()
        assert isinstance(app.screen, PrivacyPrompt)
        look()
        await pilot.press("escape", "escape", "escape")
        clock.advance(minutes=3)
        await pilot.press("e")  # a confirmation
        await pilot.pause()
        look()
        await pilot.press("y")  # the debrief
        await pilot.pause()
        look()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("x")  # the export dialog
        await pilot.pause()
        look()

        # The export folder chosen is offered again for the session.
        assert isinstance(app.screen, ExportDialog)
        folder = app.screen.query_one("#export-folder", Input)
        assert folder.value == str(settings.folders.export_folder())
        folder.value = str(chosen)
        await pilot.click("#export")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [p.suffix for p in chosen.iterdir()] == [".html"]
        await pilot.press("x")
        await pilot.pause()
        assert app.screen.query_one("#export-folder", Input).value == str(chosen)
    assert set(seen) == {
        "StartSessionDialog",
        "NoteEditor",
        "PrivacyPrompt",
        "ConfirmDialog",
        "DebriefDialog",
        "ExportDialog",
    }
