"""Who may talk to ``circlekeeper serve``: its own address only, and its token.

Whoever drives the page's websocket drives the app, with every session and note in it.
A web page open in the same browser could otherwise reach it: by a websocket from its
own origin (browsers let any page open one to 127.0.0.1), or by DNS rebinding, where
the page's own host name is made to point at this computer so that the browser counts
it as the same site. So every request must name this server in its ``Host`` header,
and a request that carries an ``Origin`` (every websocket from a browser does) must
come from a page of this server. Anything else is a plain 403.

On a network (``--allow-network``) the printed address also carries a random token, as
Jupyter's does; the first page visit with it sets a cookie, and the page, the websocket
and downloads are refused without one or the other. Only the page's static files (the
same for every user of textual-serve) are served without it.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web
from aiohttp.typedefs import Middleware
from yarl import URL

TOKEN_QUERY = "token"
"""The query parameter of the printed address that carries the token."""

STATIC_PREFIX = "/static/"
"""textual-serve's static files: its script, style sheet, font and background."""

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
"""The names a browser on this computer may use for a loopback server."""

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def new_token() -> str:
    """A token no one can guess: 32 random bytes, URL-safe."""
    return secrets.token_urlsafe(32)


def _host(name: str) -> str:
    """A host name or address in one spelling: lower case, IPv6 without brackets."""
    name = name.strip("[]").lower().rstrip(".")
    try:
        return str(ipaddress.ip_address(name))
    except ValueError:
        return name


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Gate:
    """The addresses this server answers to, and the token it asks for, if any."""

    addresses: frozenset[tuple[str, int]]
    """``(host, port)`` pairs a request's Host and Origin may name."""
    port: int
    """The port listened on."""
    any_address: bool
    """Listening on every interface: any IP address with :attr:`port` is this server."""
    token: str | None
    """The token the printed address carries, or ``None`` on loopback."""

    @property
    def cookie(self) -> str:
        """The cookie that keeps the token after the first visit (one per port)."""
        return f"circlekeeper-serve-{self.port}"

    def names_this_server(self, url: URL) -> bool:
        """Whether ``url``'s host and port are this server's."""
        if url.host is None or url.port is None:
            return False
        host = _host(url.host)
        if (host, url.port) in self.addresses:
            return True
        # An address (not a name) cannot be rebound, so on every interface any
        # address of this computer that a browser used is fine.
        return self.any_address and url.port == self.port and _is_address(host)

    def allows(self, request: web.Request) -> bool:
        """Whether the request's Host, and its Origin if it has one, name this server."""
        try:
            host = URL(f"http://{request.headers.get('Host', '')}")
        except ValueError:
            return False
        if not self.names_this_server(host):
            return False
        origin = request.headers.get("Origin")
        if origin is None:
            # A browser always sends one with a websocket; a page visit may have none.
            return request.path != "/ws"
        try:
            parsed = URL(origin)
        except ValueError:
            return False
        return parsed.scheme in ("http", "https") and self.names_this_server(parsed)

    def token_given(self, request: web.Request) -> bool:
        """Whether the request carries the token, in its cookie or in the address."""
        if self.token is None:
            return True
        for given in (request.cookies.get(self.cookie), request.query.get(TOKEN_QUERY)):
            if given is not None and hmac.compare_digest(given.encode(), self.token.encode()):
                return True
        return False


def gate_for(host: str, port: int, public_url: str | None, token: str | None) -> Gate:
    """The gate of a server listening on ``host``:``port``.

    Args:
        host: The address listened on (``--host``).
        port: The port listened on.
        public_url: The address browsers use, when it differs (``--public-url``).
        token: The token to ask for, or ``None``.
    """
    listened = _host(host)
    addresses = {(listened, port)}
    any_address = listened in ("", "0.0.0.0", "::")
    loopback = listened == "localhost" or (
        _is_address(listened) and ipaddress.ip_address(listened).is_loopback
    )
    if loopback:
        addresses.update((_host(name), port) for name in LOOPBACK_NAMES)
    if public_url is not None:
        url = URL(public_url)
        if url.host is not None and url.port is not None:
            addresses.add((_host(url.host), url.port))
    return Gate(frozenset(addresses), port, any_address, token)


def _forbidden() -> web.Response:
    return web.Response(status=403, text="Forbidden\n")


def guard(gate: Gate) -> Middleware:
    """An aiohttp middleware that lets through only what ``gate`` allows.

    A page visit with the right token in its address sets the cookie and is sent on to
    the same page without the token, so it does not stay in the address bar of a tab
    shared on a video call.
    """

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not gate.allows(request):
            return _forbidden()
        if gate.token is None or request.path.startswith(STATIC_PREFIX):
            return await handler(request)
        if not gate.token_given(request):
            return _forbidden()
        if TOKEN_QUERY in request.query and request.path == "/" and request.method == "GET":
            rest = request.rel_url.without_query_params(TOKEN_QUERY)
            response = web.HTTPSeeOther(location=str(rest))
            response.set_cookie(gate.cookie, gate.token, httponly=True, samesite="Strict", path="/")
            return response
        return await handler(request)

    return middleware
