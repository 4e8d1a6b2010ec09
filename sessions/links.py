"""Which links can become resources: the scheme and length rules shared by templates,
the organisation's resources file, links added during a session and the ``qr`` command."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")
"""Schemes a phone knows what to do with; anything else is refused."""

MAX_URL_BYTES = 300
"""The longest link (UTF-8 bytes) we put in a code.

At error correction M this needs QR version 13 (69 modules a side, 77 with the quiet
zone): about the largest code a phone still reads from a projector or a shared video
call, and one that fits a 100x40 terminal at one cell per module pair.
"""


_PHONE_NUMBER = re.compile(r"\+?[\d\s().-]{6,}")
"""Digits, spaces and the marks people write phone numbers with, and nothing else."""


def check_url(url: str) -> str | None:
    """Say what is wrong with ``url`` as a resource link, or ``None`` when it is fine."""
    url = url.strip()
    if not url:
        return "the link is empty"
    if _PHONE_NUMBER.fullmatch(url):
        digits = "".join(ch for ch in url if ch.isdigit() or ch == "+")
        return (
            f"this looks like a phone number: write it as tel:{digits} so a phone can call "
            "it from the code"
        )
    if "@" in url and ":" not in url and " " not in url:
        return f"this looks like an email address: write it as mailto:{url}"
    if any(ch.isspace() for ch in url):
        return "the link contains a space; write spaces in a link as %20"
    scheme = urlsplit(url).scheme.lower()
    if not scheme:
        return (
            "the link has no scheme: start it with https:// (or http://, mailto:, tel:), "
            "as in https://findahelpline.com"
        )
    if scheme not in ALLOWED_SCHEMES:
        return (
            f"the link has '{scheme}:'; only http, https, mailto and tel links can be "
            "shown as QR codes"
        )
    if scheme in ("http", "https") and not urlsplit(url).netloc:
        return f"the {scheme} link has no host name"
    if scheme in ("mailto", "tel") and len(url) <= len(scheme) + 1:
        return f"the {scheme} link says nothing after '{scheme}:'"
    size = len(url.encode("utf-8"))
    if size > MAX_URL_BYTES:
        return (
            f"the link is {size} bytes long; a code that scans from a screen holds at most "
            f"{MAX_URL_BYTES} (use a shorter address)"
        )
    return None
