"""``circlekeeper serve`` as a browser meets it: the page, its websocket, the app's screen.

The browser's part is played by aiohttp's client doing what textual-serve's page script
does: read the websocket address from the page, connect with the window's size in the
query, send a ``resize`` first, then read the terminal output that arrives as binary
messages until the home screen's words appear.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
from pathlib import Path

import aiohttp
import pytest
from click.testing import CliRunner
from serve_support import PROGRAM, free_port, screen_words, serving

from circlekeeper.tui.cli import cli
from circlekeeper.tui.cli.serve import who_could_reach

OWN_TEMPLATE = """\
---
title: Our own evening circle
summary: A template kept in the folder given to serve.
---

# Our own evening circle

## Welcome (10 min)

- What is said here stays here.

## Check-out (5 min)

- One word for how you leave.
"""


@pytest.mark.slow
async def test_the_page_runs_the_app_with_the_folders_given_to_serve(tmp_path: Path) -> None:
    """What a browser tab shows is the home screen, reading the folders given to serve."""
    templates = tmp_path / "served-templates"
    templates.mkdir()
    (templates / "a-evening-circle.md").write_text(OWN_TEMPLATE, encoding="utf-8")
    folders = ["--data-dir", str(tmp_path / "served-data"), "--config-dir"]
    folders += [str(tmp_path / "served-config"), "--templates-dir", str(templates)]
    async with serving(folders) as (port, said):
        base = f"http://127.0.0.1:{port}"
        assert f"open {base} in a web browser" in said

        async with aiohttp.ClientSession() as http:
            async with http.get(base + "/") as response:
                assert response.status == 200
                page = await response.text()
            found = re.search(r'data-session-websocket-url="([^"]+)"', page)
            assert found, page[:500]
            assert found.group(1) == f"ws://127.0.0.1:{port}/ws"
            # A browser names the page's origin; serve refuses a websocket without it.
            address = found.group(1) + "?width=100&height=40"
            async with http.ws_connect(address, headers={"Origin": base}) as ws:
                await ws.send_str(json.dumps(["resize", {"width": 100, "height": 40}]))
                wanted = ["Agendas", "First meeting and group agreements", "Our own evening circle"]
                text = await screen_words(ws, wanted, timeout=45)
                for word in wanted:
                    assert word in text, f"{word!r} never drawn; the page showed:\n{text[-3000:]}"
                # The user's template came from --templates-dir, so the app is not reading
                # this test's own folders (the environment points elsewhere).
                assert os.environ["CIRCLEKEEPER_TEMPLATES_DIR"] != str(templates)


@pytest.mark.slow
def test_a_network_host_is_refused_without_allow_network() -> None:
    """0.0.0.0 would expose every note; serve says so in one line and never listens."""
    port = free_port()
    result = subprocess.run(
        [PROGRAM, "serve", "--host", "0.0.0.0", "--port", str(port)],
        capture_output=True,
        text=True,
        timeout=60,
        start_new_session=True,
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "any network this computer is on" in lines[0]
    assert "--allow-network" in lines[0]
    assert "ready" not in result.stdout
    with socket.socket() as probe:  # still free: nothing was ever bound to it
        probe.bind(("0.0.0.0", port))


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "localhost"])
def test_loopback_hosts_need_no_permission(host: str) -> None:
    assert who_could_reach(host) is None


@pytest.mark.parametrize(
    ("host", "phrase"),
    [
        ("0.0.0.0", "any network"),
        ("::", "any network"),
        ("", "any network"),
        ("192.168.1.20", "anyone who can reach 192.168.1.20"),
        ("10.0.0.5", "anyone who can reach 10.0.0.5"),
    ],
)
def test_network_hosts_say_who_could_reach_them(host: str, phrase: str) -> None:
    reach = who_could_reach(host)
    assert reach is not None and phrase in reach


@pytest.mark.parametrize("host", ["192.168.1.20", "::"])
def test_serve_refuses_a_network_host_in_one_line(host: str) -> None:
    result = CliRunner().invoke(cli, ["serve", "--host", host])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert "--allow-network" in result.output and host in result.output


def test_an_unknown_host_is_one_clear_line() -> None:
    result = CliRunner().invoke(cli, ["serve", "--host", "no-such-host.invalid"])
    assert result.exit_code == 1
    assert "cannot find the host 'no-such-host.invalid'" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("url", ["ftp://example.org", "example.org:8000", "http://"])
def test_public_url_must_be_a_web_address(url: str) -> None:
    result = CliRunner().invoke(cli, ["serve", "--public-url", url])
    assert result.exit_code == 2
    assert "not an http or https address" in result.output


def test_help_shows_examples() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output and "--allow-network" in result.output
