"""The phone's page in the session's language, over real HTTP."""

from __future__ import annotations

import base64
import hashlib
import re

import aiohttp

from circlekeeper.sessions.dropbox import CardKind, DropBox, server
from circlekeeper.sessions.engine.session import Session


async def test_the_page_speaks_the_agendas_language_with_its_style_still_allowed(
    session: Session,
    http: aiohttp.ClientSession,
) -> None:
    # The app speaks English (the C locale); the agenda says Spanish, so the phones read it.
    session.agenda = session.agenda._replace(language="es")
    async with DropBox(session) as box:
        assert box.url is not None
        response = await http.get(box.url)
        page = await response.text()
        assert '<html lang="es" dir="ltr">' in page
        for words in ("Envía una tarjeta", "Enviar pregunta", "Me cuesta", "Muy bien"):
            assert words in page
        assert "Send a card" not in page and "Struggling" not in page
        style = re.search(r"<style>(.*)</style>", page, re.S)
        assert style is not None
        digest = base64.b64encode(hashlib.sha256(style[1].encode()).digest()).decode()
        assert f"'sha256-{digest}'" in response.headers["Content-Security-Policy"]
        base = box.url.rsplit("/", 2)[0]
        closed = await http.get(f"{base}/nowhere/")
        assert closed.status == 404
        assert "Esta página no está abierta" in await closed.text()
    # The app itself still speaks English.
    assert "Send a card" in server.form_page("t", {CardKind.QUESTION})
