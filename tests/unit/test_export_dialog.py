"""The export dialog: choices in, a typed choice out; the write in a worker, asking before
replacing a file."""

from __future__ import annotations

import stat
from functools import partial
from pathlib import Path

import pytest
from export_example import example_session
from textual.app import App
from textual.widgets import Input, RadioSet, Static

from circlekeeper.sessions.export import Audience, Format
from circlekeeper.tui.dialogs.confirm import ConfirmDialog
from circlekeeper.tui.dialogs.export import ExportChoice, ExportDialog, write_choice

SIZE = (100, 36)


class Host(App[None]):
    """An app that opens the dialog and keeps what it returns."""

    def __init__(self, session, folder: Path) -> None:
        super().__init__()
        self.session = session
        self.folder = folder
        self.results: list[ExportChoice | None] = []

    def on_mount(self) -> None:
        self.push_screen(ExportDialog(self.session, folder=self.folder), self.results.append)

    def write(self, choice: ExportChoice) -> None:
        self.run_worker(partial(write_choice, self, self.session, choice), thread=True)


@pytest.fixture(scope="module")
def session():
    return example_session()


def file_line(app: App) -> str:
    return str(app.screen.query_one("#export-file", Static).render())


async def test_the_handout_as_html_in_the_exports_folder_is_offered_first(
    session, isolated_dirs, folders
) -> None:
    app = Host(session, folders.export_folder())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert file_line(app) == "Saves as 2026-03-04-example-agenda-handout.html"
        await pilot.click("#export")
    assert app.results == [
        ExportChoice(
            Audience.PARTICIPANTS,
            Format.HTML,
            isolated_dirs["exports"],
            "2026-03-04-example-agenda-handout.html",
            make_folder=True,
        )
    ]


async def test_choosing_the_record_as_json_changes_the_file_name(session, tmp_path) -> None:
    app = Host(session, folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#facilitator")
        await pilot.click("#format-json")
        await pilot.pause()
        assert file_line(app) == "Saves as 2026-03-04-example-agenda-record.json"
        assert app.screen.query_one("#export-audience", RadioSet).pressed_index == 1
        await pilot.click("#export")
    (choice,) = app.results
    assert (choice.audience, choice.format) == (Audience.FACILITATOR, Format.JSON)
    assert choice.path == tmp_path / "2026-03-04-example-agenda-record.json"
    assert not choice.overwrite


async def test_escape_cancels_and_an_empty_folder_is_refused(session, folders) -> None:
    app = Host(session, folders.export_folder())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#export-folder", Input).value = "  "
        await pilot.click("#export")
        assert "Enter the folder" in str(app.screen.query_one("#export-error", Static).render())
        assert app.results == []
        await pilot.press("escape")
    assert app.results == [None]


async def test_the_worker_writes_the_file_and_asks_before_replacing_it(session, tmp_path) -> None:
    name = "2026-03-04-example-agenda-record.md"
    choice = ExportChoice(Audience.FACILITATOR, Format.MARKDOWN, tmp_path, name)
    app = Host(session, folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        app.write(choice)
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = tmp_path / name
        assert written.read_text(encoding="utf-8").startswith("# Facilitator record:")
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
        written.write_text("edited by hand", encoding="utf-8")

        app.write(choice)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert written.read_text(encoding="utf-8") == "edited by hand"
        await pilot.press("n")
        await pilot.pause()
        assert written.read_text(encoding="utf-8") == "edited by hand"

        app.write(choice)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert written.read_text(encoding="utf-8").startswith("# Facilitator record:")
        messages = [n.message for n in app._notifications]
    assert messages == [f"Saved the record (private) to {written}"] * 2


async def test_a_folder_that_cannot_be_made_is_reported_on_screen(session, tmp_path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    choice = ExportChoice(Audience.PARTICIPANTS, Format.HTML, blocker / "sub", "x.html")
    app = Host(session, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        app.write(choice)
        await app.workers.wait_for_complete()
        await pilot.pause()
        (notice,) = list(app._notifications)
    assert notice.severity == "error"
    assert (
        notice.message
        == f"{blocker}/sub/x.html: could not write: a file is in the way of its folder"
    )


async def test_a_symbolic_link_is_refused_even_when_replacing_is_chosen(session, tmp_path) -> None:
    kept = tmp_path / "kept.txt"
    kept.write_text("keep me", encoding="utf-8")
    (tmp_path / "x.html").symlink_to(kept)
    choice = ExportChoice(Audience.PARTICIPANTS, Format.HTML, tmp_path, "x.html", overwrite=True)
    app = Host(session, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        app.write(choice)
        await app.workers.wait_for_complete()
        await pilot.pause()
        (notice,) = list(app._notifications)
    assert notice.severity == "error"
    assert (
        notice.message == f"{tmp_path}/x.html: is a symbolic link; give the path of the file itself"
    )
    assert (tmp_path / "x.html").is_symlink() and kept.read_text(encoding="utf-8") == "keep me"


async def test_a_typed_folder_that_does_not_exist_is_made_only_when_confirmed(
    session, tmp_path
) -> None:
    app = Host(session, tmp_path)
    missing = tmp_path / "march"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#export-folder", Input).value = str(missing)
        await pilot.click("#export")
        (choice,) = app.results
        assert not choice.make_folder

        app.write(choice)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert not missing.exists()

        app.write(choice)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert choice.path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
