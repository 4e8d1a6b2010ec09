"""Running `circlekeeper serve` in a test: the program, free ports, its output, its screen."""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp

PROGRAM = shutil.which("circlekeeper") or str(Path(sys.executable).parent / "circlekeeper")

ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)")
"""Escape sequences: CSI, OSC, string controls and two-byte escapes."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop(process: asyncio.subprocess.Process | subprocess.Popen) -> None:
    """End the server and every app it started: they share its process group."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


async def wait_for_line(process: asyncio.subprocess.Process, text: str, timeout: float) -> str:
    """Read the server's output until a line containing ``text``; all of it read so far."""
    seen: list[str] = []
    assert process.stdout is not None

    async def read() -> str:
        while True:
            line = (await process.stdout.readline()).decode("utf-8", "replace")
            if not line:
                raise AssertionError(f"serve ended before saying {text!r}:\n{''.join(seen)}")
            seen.append(line)
            if text in line:
                return "".join(seen)

    return await asyncio.wait_for(read(), timeout)


@contextlib.asynccontextmanager
async def serving(
    folders: list[str], *options: str, port: int | None = None
) -> AsyncIterator[tuple[int, str]]:
    """Run ``circlekeeper FOLDERS serve --port P OPTIONS`` until the block ends.

    Yields the port and what serve said up to its "Ctrl+C" line, once it is ready. The
    server and every app it started are killed on the way out, even when the test fails.
    """
    port = port or free_port()
    process = await asyncio.create_subprocess_exec(
        PROGRAM, *folders, "serve", "--port", str(port), *options,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    try:
        yield port, await wait_for_line(process, "Ctrl+C", timeout=30)
    finally:
        stop(process)
        await process.wait()


async def screen_words(
    ws: aiohttp.ClientWebSocketResponse, wanted: list[str], timeout: float
) -> str:
    """Read terminal output until every one of ``wanted`` has been drawn; the plain text."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    raw = ""
    while not all(word in ANSI.sub("", raw) for word in wanted):
        left = deadline - loop.time()
        if left <= 0:
            break
        try:
            message = await ws.receive(timeout=left)
        except asyncio.TimeoutError:
            break
        if message.type is aiohttp.WSMsgType.BINARY:
            raw += decoder.decode(message.data)
        elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            break
    return ANSI.sub("", raw)
