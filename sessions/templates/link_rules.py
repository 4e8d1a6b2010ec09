"""Which links can become resources: the scheme and length rules shared by templates,
the organisation's resources file, links added during a session and the ``qr`` command."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from circlekeeper.sessions.languages.speaking import _

ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")
"""Schemes a phone knows what to do with; anything else is refused."""

MAX_URL_BYTES = 300
"""The longest link (UTF-8 bytes) we put in a code.

At error correction M this needs QR version 13 (69 modules a side, 77 with the quiet
zone): about the largest code a phone still reads from a projector or a shared video
call, and one that fits a 100x40 terminal at one cell per module pair.
"""


_PHONE_NUMBER = re.compile(r"\+?[\d\s()-]*\d[\d\s().-]*")
"""Digits, spaces and the marks people write phone numbers with, and nothing else."""
_EMAIL = re.compile(r"[^@\s/:]+@[^@\s/:]+\.[^@\s/:.]+")
"""Something that is plainly an email address written without ``mailto:``."""


def _as_link(text: str) -> str | None:
    """How to write ``text`` as a link, when it is a bare phone number or email."""
    if _PHONE_NUMBER.fullmatch(text) and "." not in text.replace(" ", ""):
        # "+44 (0)20 ...": the 0 in brackets is dialled at home only, never after +44.
        number = re.sub(r"\(0\)", "", text) if text.startswith("+") else text
        digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
        if sum(ch.isdigit() for ch in digits) >= 6:
            return _(
                "this looks like a phone number: write it as tel:{digits} so a phone can "
                "call it from the code"
            ).format(digits=digits)
    if _EMAIL.fullmatch(text):
        return _("this looks like an email address: write it as mailto:{text}").format(text=text)
    return None


def check_url(url: str) -> str | None:
    """Say what is wrong with ``url`` as a resource link, or ``None`` when it is fine."""
    url = url.strip()
    if not url:
        return _("the link is empty")
    advice = _as_link(url)
    if advice:
        return advice
    if any(ch.isspace() for ch in url):
        return _("the link contains a space; write spaces in a link as %20")
    scheme = urlsplit(url).scheme.lower()
    if not scheme:
        return _(
            "the link has no scheme: start it with https:// (or http://, mailto:, tel:), "
            "as in https://findahelpline.com"
        )
    if scheme not in ALLOWED_SCHEMES:
        return _(
            "the link has '{scheme}:'; only http, https, mailto and tel links can be "
            "shown as QR codes"
        ).format(scheme=scheme)
    if scheme in ("http", "https") and not urlsplit(url).netloc:
        return _("the {scheme} link has no host name").format(scheme=scheme)
    if scheme in ("mailto", "tel") and len(url) <= len(scheme) + 1:
        return _("the {scheme} link says nothing after '{scheme}:'").format(scheme=scheme)
    size = len(url.encode("utf-8"))
    if size > MAX_URL_BYTES:
        return _(
            "the link is {size} bytes long; a code that scans from a screen holds at most "
            "{most} (use a shorter address)"
        ).format(size=size, most=MAX_URL_BYTES)
    return None
