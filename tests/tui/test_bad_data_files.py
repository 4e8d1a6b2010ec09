"""The app opens onto a data folder holding every kind of bad file, and the good session resumes.

Each bad file is named like a session file beside a real one: damaged content, a FIFO, a
folder, a device, a link, a file too large, one that cannot be read, and a damaged index.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from driving import start
from screen_text import screen_text

from circlekeeper.tui.screens.home import HomeScreen
from circlekeeper.tui.screens.run_session import RunScreen

UNREADABLE = "2026-01-07-nope.json"


def bad_files(folder: Path) -> dict[str, Path]:
    """Put one bad file of each kind in ``folder``; returns them by kind."""
    made = {kind: folder / f"2026-01-0{n}-{kind[:4]}.json" for n, kind in enumerate(
        ["huge", "deep", "fifo", "dirx", "devn", "link", "size"], start=1
    )}  # fmt: skip
    made["huge"].write_text('{"meta": {"1": {"schema": ' + "9" * 5000 + "}}}")
    made["deep"].write_text("[" * 200_000 + "]" * 200_000)
    os.mkfifo(made["fifo"])
    made["dirx"].mkdir()
    with contextlib.suppress(PermissionError):  # root makes one; others skip the device
        os.mknod(made["devn"], 0o600 | 0o020000, os.makedev(1, 3))
    os.symlink(next(folder.glob("20*-*.json")), made["link"])
    with made["size"].open("wb") as file:
        file.truncate(17 << 20)  # above the 16 MB a session file may take
    made["nope"] = folder / UNREADABLE
    made["nope"].write_text("{}")
    (folder / "index.json").write_text('{"version": ' + "9" * 5000 + "}")
    return made


@contextlib.contextmanager
def fifo_watch(fifo: Path) -> Iterator[list[str]]:
    """Note whether anyone opens ``fifo`` to read it: opening it so would hang them.

    Opening a FIFO to write without waiting succeeds only while a reader has it open,
    and then lets that reader go on, so a hang becomes a failed assertion.
    """
    opened: list[str] = []
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.05):
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                continue
            opened.append("a reader opened the FIFO")
            os.close(fd)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        yield opened
    finally:
        done.set()
        watcher.join()


def refusing(name: str, real_open: Callable[..., Any]) -> Callable[..., Any]:
    """``real_open``, except that the file called ``name`` cannot be read."""

    def guarded_open(path: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(path, (str, os.PathLike)) and Path(path).name == name:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, *args, **kwargs)

    return guarded_open


async def test_the_app_opens_beside_every_kind_of_bad_file_and_the_good_session_resumes(
    build_app, folders, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = build_app()
    async with first.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        session_id = first.screen.session.id
        await pilot.press("ctrl+q")

    made = bad_files(folders.sessions)
    # Simulated: the tests run as root, whom no file permission stops.
    monkeypatch.setattr(os, "open", refusing(UNREADABLE, os.open))
    monkeypatch.setattr(io, "open", refusing(UNREADABLE, io.open))
    app = build_app()
    with fifo_watch(made["fifo"]) as opened:
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert "Resume (1)" in screen_text(app)
            told = "\n".join(n.message for n in app._notifications)
            for kind, path in made.items():
                if kind != "devn" or os.path.lexists(path):
                    assert path.name in told, kind
            await pilot.press("2", "enter")
            await pilot.pause()
            await pilot.press("enter", "enter")
            await pilot.pause()
            assert isinstance(app.screen, RunScreen)
            assert app.screen.session.id == session_id
    assert opened == []
