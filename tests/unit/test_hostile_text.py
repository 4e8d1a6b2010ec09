"""Text from outside never carries a character that could drive a terminal or reorder words.

A template's headings, prompts and opening words, a note, a debrief and a session file
written before these checks may hold ESC sequences (OSC 0 sets the terminal's title,
OSC 52 writes its clipboard, ESC[2J blanks it), NUL, C1 controls or bidirectional
overrides. None of them may reach the terminal through the command line, nor a file
through an export; ``templates check`` names the line of each.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest
from export_example import run_session
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from circlekeeper.sessions.engine.note_model import Note, NoteKind
from circlekeeper.sessions.export import Audience, Format, render, summary_of
from circlekeeper.sessions.safe_text import safe_text
from circlekeeper.sessions.templates.agenda import Agenda, Block, Part, Resource
from circlekeeper.sessions.templates.parse import TemplateError, check_template, parse_template

OSC_TITLE = "\x1b]0;pwned\x07"
OSC_CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
CLEAR = "\x1b[2J"
C1 = "\x9b31m"
RLO = "\u202e"

HOSTILE_TEMPLATE = f"""\
# Our circle {OSC_TITLE}

Opening words {OSC_CLIPBOARD} for you.

## Welcome {CLEAR} (10 min)

- Say your name {C1} and {RLO}why you came
> Facilitator: {OSC_CLIPBOARD} keep time

## Check-out (5 min)

## Resources

- [Helpline {OSC_TITLE}](https://findahelpline.com) (crisis)
"""

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What must never be printed: C0 controls but line feed and tab, DEL, C1, bidi controls."""


def _program() -> str:
    beside = Path(sys.executable).parent / "circlekeeper"
    found = str(beside) if beside.exists() else shutil.which("circlekeeper")
    assert found, "the circlekeeper console script is not installed"
    return found


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    # Not a terminal and NO_COLOR: rich adds no styling, so any ESC printed is the file's.
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "100"}
    return subprocess.run(
        [_program(), *args], capture_output=True, text=True, env=env, timeout=60, errors="replace"
    )


def _assert_plain(text: str) -> None:
    found = sorted({f"U+{ord(c):04X}" for c in UNSAFE.findall(text)})
    assert not found, f"printed {found}"


@pytest.fixture
def hostile_file(isolated_dirs: dict[str, Path]) -> Path:
    folder = isolated_dirs["templates"]
    folder.mkdir(parents=True)
    path = folder / "hostile.md"
    path.write_text(HOSTILE_TEMPLATE, encoding="utf-8")
    return path


def test_templates_show_list_and_check_print_no_control_character(hostile_file: Path) -> None:
    shown = _run("templates", "show", "hostile")
    listed = _run("templates", "list")
    checked = _run("templates", "check", str(hostile_file))
    for result in (shown, listed, checked):
        _assert_plain(result.stdout + result.stderr)
        assert "Traceback" not in result.stderr
    assert checked.returncode == 1
    problems = checked.stdout.splitlines()
    assert problems[:6] == [
        f"{hostile_file}:1: a control character (ESC (U+001B), BEL (U+0007)) is not text and "
        "could drive the terminal; delete it",
        f"{hostile_file}:3: a control character (ESC (U+001B), BEL (U+0007)) is not text and "
        "could drive the terminal; delete it",
        f"{hostile_file}:5: a control character (ESC (U+001B)) is not text and could drive "
        "the terminal; delete it",
        f"{hostile_file}:7: a bidirectional override (RIGHT-TO-LEFT OVERRIDE (U+202E)) shows "
        "words in another order than they are written; delete it",
        f"{hostile_file}:7: a control character (CSI (U+009B)) is not text and could drive "
        "the terminal; delete it",
        f"{hostile_file}:8: a control character (ESC (U+001B), BEL (U+0007)) is not text and "
        "could drive the terminal; delete it",
    ]
    assert "has problems" in listed.stdout


def test_a_nul_byte_and_a_hostile_file_name_print_nothing_unsafe(
    isolated_dirs: dict[str, Path],
) -> None:
    folder = isolated_dirs["templates"]
    folder.mkdir(parents=True)
    (folder / "nul.md").write_bytes(b"# A\x00 title\n\n## One (10 min)\n")
    (folder / f"named {OSC_TITLE}.md").write_text("# Fine\n\n## One (10 min)\n")
    listed = _run("templates", "list")
    checked = _run("templates", "check", str(folder))
    for result in (listed, checked):
        _assert_plain(result.stdout + result.stderr)
    assert re.search(r"^named ␛]0;pwned␇ +has problems", listed.stdout, re.M)
    assert "the file's name holds a control character; rename it" in checked.stdout


def test_the_reader_shows_what_it_found_instead_of_obeying_it() -> None:
    assert safe_text(f"a{OSC_TITLE}b{C1}c{RLO}d\x00e\x7f") == "a␛]0;pwned␇b\ufffd31mcd␀e␡"
    assert safe_text("one\r\ntwo\tthree") == "one\ntwo\tthree"
    assert safe_text("one\ntwo\tthree", lines=False) == "one two three"


def test_an_agenda_kept_in_an_old_session_file_is_read_back_plain() -> None:
    raw = _hostile_agenda().to_dict()
    again = Agenda.from_dict(json.loads(json.dumps(raw)))
    _assert_plain(json.dumps(again.to_dict(), ensure_ascii=False))
    assert again.title == "Old ␛]0;pwned␇ title"


def test_a_note_kept_in_an_old_session_file_is_read_back_plain() -> None:
    note = _raw_note(f"ESC {OSC_CLIPBOARD} and {RLO}bidi")
    again = Note.from_dict(note.to_dict())
    assert again.text == "ESC ␛]52;c;cm0gLXJmIH4=␇ and bidi"


def _hostile_agenda() -> Agenda:
    """An agenda as a session file written before these checks may hold it."""
    block = (Block(f"Words {OSC_TITLE} {CLEAR} {C1} {RLO}", 1),)
    return Agenda(
        name="old",
        title=f"Old {OSC_TITLE} title",
        intro=block,
        parts=(
            Part(f"Welcome {CLEAR}", 10, 1, text=block, prompts=block, guidance=block),
            Part("Check-out", 5, 2),
        ),
        resources=(Resource(f"Helpline {OSC_TITLE}", "https://findahelpline.com", crisis=True),),
    )


def _raw_note(text: str) -> Note:
    moment = datetime(2026, 3, 4, 18, 0, tzinfo=timezone.utc)
    return Note("n-raw", text, NoteKind.THEME, 0, moment, 60.0)


@pytest.mark.parametrize("audience", list(Audience))
@pytest.mark.parametrize("fmt", list(Format))
def test_exports_carry_no_control_character(audience: Audience, fmt: Format) -> None:
    hostile = [f"theme {OSC_TITLE} one", f"action {CLEAR}{C1} two", f"{RLO}three\x00", "four"]
    session = run_session(_hostile_agenda(), hostile)
    summary = summary_of(session, audience)
    # A note as an old session holds it, past every check on the way in.
    first = summary.parts[0]
    first = replace(first, notes=(*first.notes, _raw_note(f"raw {OSC_TITLE}{RLO}")))
    summary = replace(summary, parts=(first, *summary.parts[1:]))
    text = render(summary, fmt)
    _assert_plain(text)
    if fmt is Format.JSON:
        assert "\\u001b" not in text.lower() and "\\u0000" not in text
        _assert_plain(json.dumps(json.loads(text), ensure_ascii=False))
    assert "pwned␇" in text  # shown, not obeyed


CONTROLS = st.characters(
    codec="utf-8",
    categories=("Cc", "Cf"),
)
LINES = [
    "---",
    "title: A title",
    "summary: words",
    "# Title",
    "## Welcome (10 min)",
    "## Check-out (5 min, round 1 min, fixed)",
    "- a prompt",
    "> guidance",
    "Opening words.",
    "## Resources",
    "- [Helpline](https://findahelpline.com) (crisis)",
]


@st.composite
def templates_with_controls(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.sampled_from(LINES), min_size=1, max_size=12))
    out = []
    for line in lines:
        cut = draw(st.integers(0, len(line)))
        extra = draw(st.text(CONTROLS | st.sampled_from("ab \u200e"), max_size=4))
        out.append(line[:cut] + extra + line[cut:])
    return "\n".join(out) + draw(st.sampled_from(["", "\n", "\r\n"]))


def _strings(agenda: Agenda) -> str:
    return json.dumps(agenda.to_dict(), ensure_ascii=False)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(templates_with_controls())
def test_the_template_reader_lets_no_control_character_through(source: str) -> None:
    agenda, problems = check_template(source, "fuzz.md")
    for problem in problems:
        _assert_plain(str(problem))
    if agenda is not None:
        _assert_plain(_strings(agenda))
    try:
        parsed = parse_template(source.encode("utf-8", "surrogatepass"), "fuzz.md")
    except TemplateError as error:
        _assert_plain(str(error))
    else:
        _assert_plain(_strings(parsed))


def test_text_with_only_line_breaks_and_tabs_is_handed_back_untouched() -> None:
    # Agendas read from the cache at every launch are mostly such text: no copy is made.
    text = "Welcome everyone.\n\tTake a breath.\nWhat helped this week?\n"
    assert safe_text(text) is text
    assert safe_text("a\x1b[2Jb\nc\td\x0b") == "a␛[2Jb\nc\td␋"
