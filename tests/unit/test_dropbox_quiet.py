"""The drop-box logs nothing of what a phone sends: not a malformed request, not a body.

A raw socket sends requests aiohttp's parser rejects (a broken request line, a broken
header, a broken chunked body, an oversized body), each carrying a marker in its bytes.
Every log record (at any level, from any logger) and everything written to standard
error is searched for the marker.
"""

from __future__ import annotations

import asyncio
import logging

import aiohttp
import pytest
from yarl import URL

from circlekeeper.sessions.dropbox import DropBox, server
from circlekeeper.sessions.dropbox.cards import MAX_BODY_BYTES

MARKER = "Zq7MarkerOfWhatThePhoneSent"


def requests(path: str) -> dict[str, bytes]:
    """Raw requests aiohttp cannot parse, or the drop-box refuses, each with the marker."""
    body = f"kind=question&text={MARKER}".encode()
    form = b"Content-Type: application/x-www-form-urlencoded\r\n"
    return {
        "bad-request-line": f"POST /{path} HTTP/1.1 {MARKER}\r\nHost: x\r\n\r\n".encode(),
        "bad-method": f"P{MARKER}(T /{path} HTTP/1.1\r\nHost: x\r\n\r\n".encode(),
        "bad-header": f"POST /{path} HTTP/1.1\r\nHost: x\r\nX{MARKER} {MARKER}\r\n\r\n".encode(),
        "bad-length": (
            f"POST /{path} HTTP/1.1\r\nHost: x\r\nContent-Length: 9{MARKER}\r\n".encode()
            + form
            + b"\r\n"
            + body
        ),
        "bad-chunk": (
            f"POST /{path} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n".encode()
            + form
            + b"\r\n"
            + f"{MARKER}\r\n".encode()
            + body
            + b"\r\n0\r\n\r\n"
        ),
        "oversized": (
            f"POST /{path} HTTP/1.1\r\nHost: x\r\nContent-Length: {MAX_BODY_BYTES * 4}\r\n".encode()
            + form
            + b"\r\n"
            + body
            + b"a" * (MAX_BODY_BYTES * 4 - len(body))
        ),
        "header-too-long": (
            f"GET /{path} HTTP/1.1\r\nHost: x\r\nX-Long: {MARKER * 1000}\r\n\r\n".encode()
        ),
    }


async def exchange(port: int, raw: bytes) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(raw)
        await writer.drain()
        return await asyncio.wait_for(reader.read(), 10)
    except ConnectionError:
        return b""
    finally:
        writer.close()


@pytest.mark.parametrize("name", list(requests("t/")))
async def test_a_malformed_or_oversized_request_leaves_no_trace_in_any_log(
    box: DropBox, name: str, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    assert box.url is not None
    url = URL(box.url)
    assert url.port is not None
    caplog.set_level(logging.DEBUG)
    answer = await exchange(url.port, requests(url.path.lstrip("/"))[name])
    await asyncio.sleep(0.1)  # a log line written after the answer is caught too
    assert answer.split(b" ", 2)[1].startswith(b"4"), answer[:200]
    for record in caplog.records:
        assert MARKER not in record.getMessage(), record.getMessage()
        assert MARKER not in logging.Formatter().format(record), record.name
    out, err = capfd.readouterr()
    assert MARKER not in out
    assert MARKER not in err
    assert box.waiting_count() == 0


async def test_a_failing_handler_logs_the_kind_of_failure_and_nothing_it_quotes(
    box: DropBox, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def breaks(body: bytes, kinds: object) -> None:
        raise RuntimeError(f"could not read {body!r}")

    monkeypatch.setattr(server, "read_form", breaks)
    caplog.set_level(logging.DEBUG)
    assert box.url is not None
    async with aiohttp.ClientSession() as http:
        response = await http.post(box.url, data={"kind": "question", "text": MARKER})
        assert response.status == 500
        assert "the card was not sent" in await response.text()
    logged = "\n".join(logging.Formatter().format(record) for record in caplog.records)
    assert "RuntimeError" in logged
    assert MARKER not in logged
