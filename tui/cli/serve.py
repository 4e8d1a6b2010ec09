"""``circlekeeper serve``: the same app in a web browser, for sharing a tab on a video call.

Each browser tab that opens the page starts its own copy of the installed ``circlekeeper``
(through textual-serve), reading the same data, config and templates folders as this
command: the command it runs names them with the root options (``--data-dir`` and the
rest). Loopback only unless the facilitator says otherwise, since whoever opens the page
can read every session and note. Only requests addressed to this server, from its own
page, are answered, and on a network only with the token of the address it prints (see
:mod:`~circlekeeper.tui.cli.serve_guard`). The page is textual-serve's own with its font
taken from textual-serve's files instead of a font host, so it loads nothing from any
other host.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import shlex
import shutil
import signal
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

import click

from circlekeeper.sessions.languages.speaking import N_, _
from circlekeeper.sessions.settings.folders import Folders
from circlekeeper.tui.cli.context import Invocation, pass_invocation
from circlekeeper.tui.cli.serve_guard import TOKEN_QUERY, gate_for, guard, new_token
from circlekeeper.tui.cli.translated import TranslatedCommand

LOOPBACK = "127.0.0.1"
PROGRAM = "circlekeeper"
PAGE_FOLDER = Path(__file__).with_name("serve_page")
"""The page template, in place of textual-serve's (which fetches a font from a font host)."""


def _addresses(host: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """The addresses ``host`` names (itself, if it is already one)."""
    with contextlib.suppress(ValueError):
        return [ipaddress.ip_address(host)]
    try:
        found = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except OSError as error:
        message = _("cannot find the host '{host}': {problem}")
        raise click.ClickException(message.format(host=host, problem=error)) from None
    # An IPv6 answer may carry a zone ("fe80::1%eth0"), which ip_address refuses.
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in found]


def who_could_reach(host: str) -> str | None:
    """Who, besides this computer's own users, could open a page served on ``host``.

    Args:
        host: The address or name the server would listen on.

    Returns:
        ``None`` for a loopback host; otherwise a short phrase naming who could reach it.

    Raises:
        click.ClickException: ``host`` is a name that does not resolve.
    """
    if not host.strip():
        return _("anyone on any network this computer is on")
    addresses = _addresses(host.strip("[]"))
    if all(address.is_loopback for address in addresses):
        return None
    if any(address.is_unspecified for address in addresses):
        return _("anyone on any network this computer is on")
    return _("anyone who can reach {host} over the network").format(host=host)


def program_command() -> str:
    """The shell command that runs the installed app, as textual-serve needs it.

    The console script beside this interpreter comes first, so the page runs the same
    installation as this command even when another one is earlier on the PATH.
    """
    folder = Path(sys.executable).parent
    for name in (PROGRAM, f"{PROGRAM}.exe"):
        if (folder / name).is_file():
            return shlex.quote(str(folder / name))
    found = shutil.which(PROGRAM)
    if found is None:
        message = _("cannot find the installed '{program}' program to serve; is it on the PATH?")
        raise click.ClickException(message.format(program=PROGRAM))
    return shlex.quote(found)


def app_command(program: str, folders: Folders) -> str:
    """The shell command a browser tab runs: ``program`` told this command's folders.

    Args:
        program: The installed app, quoted for the shell (see :func:`program_command`).
        folders: The folders this command resolved from its options and environment.
    """
    options = [
        ("--data-dir", folders.data),
        ("--config-dir", folders.config),
        ("--templates-dir", folders.templates),
    ]
    return " ".join([program, *(f"{name} {shlex.quote(str(path))}" for name, path in options)])


def _public_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise click.BadParameter(_("'{value}' is not an http or https address").format(value=value))
    return value.strip().rstrip("/")


def _page_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown or '0.0.0.0'}:{port}"


def _announce(url: str, reach: str | None, public_url_given: bool, token: str | None) -> None:
    opened = url if token is None else f"{url}/?{TOKEN_QUERY}={token}"
    click.echo(_("circlekeeper is ready: open {address} in a web browser.").format(address=opened))
    click.echo(
        _(
            "Each browser tab runs its own copy of the app; a session open in one tab is "
            "locked in the others."
        )
    )
    if reach is not None:
        click.echo(_("Reachable by {who}. Close it when the group ends.").format(who=reach))
        if not public_url_given:
            click.echo(
                _(
                    "If another computer's page stays blank, start again with "
                    "--public-url http://<this computer's address>:<port>."
                )
            )
    click.echo(_("Press Ctrl+C to stop."), nl=True)


def _run(
    command: str,
    host: str,
    port: int,
    public_url: str | None,
    reach: str | None,
    token: str | None,
) -> None:
    """Listen until Ctrl+C, announcing the page only once the port is really bound."""
    from aiohttp import web
    from aiohttp.web_runner import GracefulExit
    from textual_serve.server import Server

    url = public_url or _page_url(host, port)
    gate = gate_for(host, port, public_url, token)

    class CircleServer(Server):
        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            app.middlewares.append(guard(gate))
            return app

        async def on_startup(self, app: web.Application) -> None:
            """Say nothing yet: the port is bound only after start-up."""

    def stop() -> None:
        raise GracefulExit()

    server = CircleServer(
        command,
        host=host,
        port=port,
        title="circlekeeper",
        public_url=url,
        templates_path=PAGE_FOLDER,
    )
    server.initialize_logging()
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # Windows has no loop signal handlers
            loop.add_signal_handler(signum, stop)
    try:
        web.run_app(
            server._make_app(),
            host=host,
            port=port,
            loop=loop,
            handle_signals=False,
            access_log=None,
            print=lambda _message: _announce(url, reach, public_url is not None, token),
        )
    finally:
        with contextlib.suppress(RuntimeError):
            loop.close()


@click.command(
    cls=TranslatedCommand,
    help=N_(
        "Run the app in a web browser, for sharing one tab on a video call.\n\n"
        "The page runs the same app, with the same sessions, templates and settings, as "
        "`circlekeeper` in a terminal; every browser tab starts its own copy. Only requests "
        "addressed to this server (its --host, or --public-url) from its own page are "
        "answered, and the page loads nothing from other hosts. Press Ctrl+C to stop serving."
    ),
    epilog=N_("""\b
Examples:
  circlekeeper serve                          open http://127.0.0.1:8000 in a browser
  circlekeeper serve --port 8765
  circlekeeper --data-dir ~/groups serve      serve the sessions kept in ~/groups
  circlekeeper serve --host 0.0.0.0 --allow-network --public-url http://192.168.1.20:8000
"""),
)
@click.option(
    "--host",
    default=LOOPBACK,
    show_default=True,
    help=N_("The address to listen on. Only this computer can connect to the default."),
)
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help=N_("The port.")
)
@click.option(
    "--public-url",
    callback=_public_url,
    metavar="URL",
    help=N_(
        "The address browsers use to reach this server, when it differs from "
        "http://HOST:PORT (behind a proxy or a tunnel, or listening on 0.0.0.0)."
    ),
)
@click.option(
    "--allow-network",
    is_flag=True,
    help=N_(
        "Allow a --host other computers can reach. The address printed then carries a "
        "random token the page needs; anyone who has it can read every session and note, so "
        "use it only on a network you trust."
    ),
)
@pass_invocation
def serve(
    invocation: Invocation, host: str, port: int, public_url: str | None, allow_network: bool
) -> None:
    """Refuse a reachable host without --allow-network, then serve until stopped."""
    reach = who_could_reach(host)
    if reach is not None and not allow_network:
        message = _(
            "--host {host} would let {who} open the app and read your sessions and "
            "notes; add --allow-network if that is what you want"
        )
        raise click.ClickException(message.format(host=host, who=reach))
    command = app_command(program_command(), invocation.folders)
    try:
        _run(command, host, port, public_url, reach, new_token() if allow_network else None)
    except OSError as error:
        message = _("cannot listen on {address}: {reason}; try another --port")
        raise click.ClickException(
            message.format(address=_page_url(host, port), reason=error.strerror or error)
        ) from None
