"""The other screens as a facilitator meets them: too small, resume, crisis, resources, help."""

from __future__ import annotations

from driving import CRISIS_URL, PARTS, posted, start
from qr_decode import read_widget
from screen_text import flat, screen_text, widget_lines
from textual.geometry import Region

from circlekeeper.sessions.engine.session import SessionState
from circlekeeper.sessions.host import read_session
from circlekeeper.sessions.settings import folders as paths
from circlekeeper.tui.dialogs.start_session import StartSessionDialog
from circlekeeper.tui.screens.crisis import CrisisScreen
from circlekeeper.tui.screens.help import HelpScreen
from circlekeeper.tui.screens.home import HomeScreen
from circlekeeper.tui.screens.resources import ResourcesScreen
from circlekeeper.tui.screens.run_session import RunScreen
from circlekeeper.tui.screens.too_small import TooSmallScreen
from circlekeeper.tui.widgets.qr_code import QrCode


async def test_a_too_small_window_comes_back_then_help_lists_the_keys_and_the_lists_switch(
    build_app,
):
    from circlekeeper.tui.widgets.tab_row import TabRow

    app = build_app()
    async with app.run_test(size=(70, 20)) as pilot:
        # A too-small window says the size needed, and the home screen comes back.
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        text = screen_text(app)
        assert "70x20" in text and "at least 80x24" in text
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Agendas" in screen_text(app)
        await pilot.resize_terminal(79, 30)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "79x30" in screen_text(app)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

        # Help lists the keys.
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Next part of the agenda" in text and "Start the timer" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

        # The home lists switch by number or by clicking their names.
        assert "A test circle" in screen_text(app)
        await pilot.press("3")
        await pilot.pause()
        assert "Ended sessions. Enter opens the summary" in screen_text(app)
        assert app.focused.id == "past-list"
        row = widget_lines(app, app.screen.query_one(TabRow))[0]
        await pilot.click(TabRow, offset=(row.index("Resume") + 1, 0))
        await pilot.pause()
        assert "Sessions that were paused, quit or interrupted" in screen_text(app)
        assert app.focused.id == "resume-list"
        await pilot.click(TabRow, offset=(row.index("Agendas") + 1, 0))
        await pilot.pause()
        assert "A test circle" in screen_text(app)


async def test_quitting_keeps_the_session_to_resume_where_it_was(build_app, clock, store):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        await pilot.press("space", "right_square_bracket", "s")
        await pilot.press("n", *"Theme: being new is lonely", "enter")
        clock.advance(minutes=3)
        await pilot.pause()
        session_id = app.screen.session.id
        await pilot.press("ctrl+q")
    clock.advance(minutes=20)  # the app stays closed for a while

    again = build_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Resume (1)" in screen_text(again)
        await pilot.press("2")
        await pilot.pause()
        # It is not running now: the list says how it was left.
        assert "running when last saved · last change" in screen_text(again)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(again.screen, StartSessionDialog)
        assert "watch list was not saved" in screen_text(again)
        assert again.screen.query_one("#attendance").value == "6"  # as it was
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(again.screen, RunScreen)
        text = screen_text(again)
        assert f"Part 2 of {PARTS}" in text
        assert "Speaker 2 of 6" in text
        assert "being new is lonely" in text
        assert "PAUSED" in text
        status = again.screen.session.status()
        assert status.state is SessionState.PAUSED
        # The twenty minutes closed count as a pause, not as speaking time.
        assert status.paused_seconds >= 20 * 60
        assert status.session_elapsed < 5 * 60
        assert again.screen.session.id == session_id


async def test_the_crisis_key_says_how_to_set_a_line_then_pauses_on_the_agendas_helpline(
    build_app, clock, store
):
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        # Without a configured crisis line, it says how to set one.
        await pilot.pause()
        await pilot.press("exclamation_mark")
        await pilot.pause()
        text = screen_text(app).replace("\n", " ")
        assert "built-in helpline directory" in text
        assert "(crisis)" in text
        await pilot.press("escape")  # closed, the facilitator's follow-through is offered
        await pilot.pause()
        await pilot.press("escape")  # not today
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

        # In a session, it pauses and shows the agenda's helpline as a code.
        await start(pilot)
        await pilot.press("space")
        clock.advance(minutes=1)
        await pilot.press("v")  # even while sharing the screen
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        text = screen_text(app)
        assert "Support is available" in text
        assert CRISIS_URL in text  # the agenda's own crisis line
        guidance = app.host.session.part.guidance[0].text
        assert flat(guidance[:30]) not in flat(text)
        assert not [w for w in app.screen.query(".facilitator-only") if w.display]
        assert read_widget(app, app.screen.query_one(QrCode)) == [CRISIS_URL]
        session = app.host.session
        assert session.state is SessionState.PAUSED
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
    shown = read_session(store, session.id, clock).timeline().resources_shown
    assert [r.url for r in shown] == [CRISIS_URL]


async def test_the_organisations_crisis_line_comes_first(build_app, folders):
    paths.ensure_private_dir(folders.config)
    folders.resources_file.write_text(
        "# Our resources\n\n"
        "- [Acme EAP, 24 hours](https://eap.example.org/acme) (crisis)\n"
        "- [Staff network](https://staff.example.org/network)\n",
        encoding="utf-8",
    )
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert "Acme EAP, 24 hours" in screen_text(app)
        assert "built-in helpline directory" not in screen_text(app)


async def test_resources_show_one_code_at_a_time_and_record_it(build_app, clock, store):
    app = build_app()
    seen: list = []
    async with app.run_test(size=(100, 40), message_hook=seen.append) as pilot:
        await start(pilot)
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ResourcesScreen)
        first = screen.current
        assert f"Resource 1 of {len(screen.resources)}" in screen_text(app)
        assert first.url in screen_text(app)
        assert read_widget(app, screen.query_one(QrCode)) == [first.url]
        await pilot.press("right")
        await pilot.pause()
        second = screen.current
        assert read_widget(app, screen.query_one(QrCode)) == [second.url]
        # Each code put on screen is posted, for the app to record and share.
        shown = [m.resource for m in posted(seen, ResourcesScreen.ResourceShown)]
        assert shown == [first, second]

        # A link added on the spot is checked before it is accepted.
        await pilot.press("a", *"Game", "enter", *"javascript:alert(1)", "enter")
        await pilot.pause()
        assert "Not added: the link has 'javascript:'" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("a", *"Sign-up sheet", "enter", *"https://example.org/sign", "enter")
        await pilot.pause()
        assert screen.current.url == "https://example.org/sign"
        assert read_widget(app, screen.query_one(QrCode)) == ["https://example.org/sign"]
        session = app.host.session
        await pilot.press("escape")
    timeline = read_session(store, session.id, clock).timeline()
    assert [r.url for r in timeline.resources_shown] == [
        first.url,
        second.url,
        "https://example.org/sign",
    ]
    assert [r.url for r in timeline.resources_added] == ["https://example.org/sign"]


async def test_every_run_key_is_in_the_footer_even_at_80_columns(build_app, clock):
    from circlekeeper.tui.widgets.keys_footer import KeysFooter

    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        footer = app.screen.query_one(KeysFooter)
        drawn = "\n".join(line.rstrip() for line in widget_lines(app, footer))
        for words in (
            "space Start/pause",
            "] Next part",
            "[ Prev part",
            "s Next speaker",
            "n Note",
            "v View",
            "r Resources",
            "! Crisis",
            "b Rebalance",
            "e End",
            "^q Quit",
            "? Help",
            "^p palette",
        ):
            assert words in drawn, words
        assert footer.size.height == len(drawn.splitlines()) >= 2
        # A key is a button too: clicking "] Next part" moves on.
        row, column = next(
            (r, line.index("] Next part"))
            for r, line in enumerate(drawn.splitlines())
            if "] Next part" in line
        )
        # Pointed at, the key and its words are lit together, and nothing else is.
        await pilot.hover(KeysFooter, offset=(column + 4, row))
        await pilot.pause()
        lit = footer.link_style_hover.bgcolor
        line = list(footer.render_lines(Region(0, row, footer.size.width, 1))[0])
        assert "".join(seg.text for seg in line if seg.style.bgcolor == lit) == "] Next part"
        await pilot.click(KeysFooter, offset=(column + 1, row))
        await pilot.pause()
        assert f"Part 2 of {PARTS}" in screen_text(app)
