"""Every marked message is in every catalog, translated, with the same placeholders.

The messages are found the way ``scripts/catalogs`` finds them (Babel, with the
project's ``babel.cfg`` over the whole package), so a message marked anywhere later, in
the app's screens too, is checked with no change here.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from circlekeeper.sessions.languages.catalogs import DOMAIN, SHIPPED, locale_dir

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def _marked() -> set[str]:
    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found = extract_from_dir(
        ROOT, method_map, options_map, keywords={"_": None, "N_": None, "ngettext": (1, 2)}
    )
    return {message if isinstance(message, str) else message[0] for *_, message, _c, _x in found}


MARKED = _marked()


def _catalog(language: str):
    path = locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as source:
        return read_po(source, locale=language)


def test_messages_are_found_in_the_code_and_the_page_template() -> None:
    assert {"Saved the handout ({format}) to {path}", "Agenda", "Themes"} <= MARKED


@pytest.mark.parametrize("language", SHIPPED)
def test_each_catalog_translates_every_message_with_its_placeholders(language: str) -> None:
    catalog = _catalog(language)
    ids = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog if m.id}
    assert sorted(MARKED - set(ids)) == [], "run scripts/catalogs, then translate"
    for key, message in ids.items():
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(forms), f"{language}: {key!r} has no translation"
        for form in forms:
            assert set(PLACEHOLDER.findall(form)) == set(PLACEHOLDER.findall(key)), (
                f"{language}: {key!r} -> {form!r} changes the placeholders"
            )
    compiled = gettext.translation(DOMAIN, locale_dir(), languages=[language])
    for key, message in ids.items():
        if isinstance(message.string, str):
            assert compiled.gettext(key) == message.string, "the .mo is older: scripts/catalogs"


def test_no_message_is_marked_inside_an_f_string() -> None:
    """Python 3.12 reads ``f"{_('Thanks')}"`` as code and finds the message; earlier
    versions do not, so a catalog made there would lack it and the words stay English."""
    import ast

    root = Path(__file__).resolve().parents[2]
    marks = {"_", "N_", "ngettext"}
    found = []
    for folder in ("sessions", "tui"):
        for path in sorted((root / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for joined in (n for n in ast.walk(tree) if isinstance(n, ast.JoinedStr)):
                for call in (n for n in ast.walk(joined) if isinstance(n, ast.Call)):
                    literal = call.args and isinstance(call.args[0], ast.Constant)
                    if isinstance(call.func, ast.Name) and call.func.id in marks and literal:
                        found.append(f"{path.relative_to(root)}:{call.lineno}")
    assert found == [], "take the marked message out of the f-string: " + ", ".join(found)
