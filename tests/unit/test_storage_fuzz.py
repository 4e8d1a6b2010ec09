"""Whatever a session file or the index holds, reading it ends in a session or our own error.

Arbitrary bytes, arbitrary JSON, and JSON with what once crashed the readers: integers
too long for Python to convert and nesting deeper than its recursion limit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from circlekeeper.sessions.errors import StorageError
from circlekeeper.sessions.storage.atomic import read_text
from circlekeeper.sessions.storage.index import read_index
from circlekeeper.sessions.storage.session_file import check_session_text

SESSION_ID = "2026-03-04-fuzz"

FUZZ = settings(
    max_examples=150,
    deadline=2000,  # a hang or a quadratic blow-up fails the test
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.text(max_size=20)
    | st.sampled_from(["ready", "ended", "2026-03-04T18:00:00+00:00", SESSION_ID, "1"])
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["meta", "1", "schema", "id", "state", "created", "updated"])
            | st.sampled_from(["version", "sessions", "stamp", "title", SESSION_ID])
            | st.text(max_size=8),
            inner,
            max_size=5,
        )
    ),
    max_leaves=30,
)


def huge_number() -> str:
    return "9" * 5000


def deep(depth: int) -> str:
    return "[" * depth + "]" * depth


@st.composite
def hostile_json(draw: st.DrawFn) -> str:
    """JSON text, with a huge integer or deep nesting spliced in where a value goes."""
    text = json.dumps(draw(json_values))
    splice = draw(st.sampled_from(["", huge_number(), deep(200_000), deep(900), deep(40)]))
    if splice and "null" in text:
        text = text.replace("null", splice, 1)
    elif splice:
        text = splice
    return text


def session_like(meta: object) -> str:
    return json.dumps({"meta": {"1": meta}, "events": {}, "notes": {}})


def read_session(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / f"{SESSION_ID}.json"
    path.write_bytes(content)
    try:
        text = read_text(path)
        assert text is not None
        check_session_text(text, path)
    except StorageError:
        pass  # our own error: reported, not a crash


def read_the_index(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "index.json"
    path.write_bytes(content)
    entries = read_index(path)
    assert entries is None or isinstance(entries, dict)


@FUZZ
@given(content=st.binary(max_size=400))
@example(content=b"\xff\xfe")
def test_the_session_reader_takes_any_bytes(tmp_path: Path, content: bytes) -> None:
    read_session(tmp_path, content)


@FUZZ
@given(text=hostile_json())
@example(text='{"meta": {"1": {"schema": ' + "9" * 5000 + "}}}")
@example(text=deep(200_000))
def test_the_session_reader_takes_any_json(tmp_path: Path, text: str) -> None:
    read_session(tmp_path, text.encode())


@FUZZ
@given(meta=json_values)
@example(meta={"schema": 1, "id": SESSION_ID, "state": [], "created": {}, "updated": 5})
def test_the_session_reader_takes_any_metadata(tmp_path: Path, meta: object) -> None:
    read_session(tmp_path, session_like(meta).encode())


@FUZZ
@given(content=st.binary(max_size=400))
def test_the_index_reader_takes_any_bytes(tmp_path: Path, content: bytes) -> None:
    read_the_index(tmp_path, content)


@FUZZ
@given(text=hostile_json())
@example(text='{"version": ' + "9" * 5000 + "}")
@example(text='{"version": 1, "sessions": ' + deep(200_000) + "}")
def test_the_index_reader_takes_any_json(tmp_path: Path, text: str) -> None:
    read_the_index(tmp_path, text.encode())


@FUZZ
@given(entry=json_values)
def test_the_index_reader_takes_any_entry(tmp_path: Path, entry: object) -> None:
    text = json.dumps({"version": 1, "sessions": {SESSION_ID: entry}})
    read_the_index(tmp_path, text.encode())


@pytest.mark.parametrize("depth", [33, 500])
def test_nesting_deeper_than_ours_is_damage_not_a_later_crash(tmp_path: Path, depth: int) -> None:
    """Nesting Python can parse but not copy or save deep in the app is refused at once."""
    meta = json.loads(deep(depth))
    with pytest.raises(StorageError, match="nested more than"):
        check_session_text(session_like(meta), tmp_path / f"{SESSION_ID}.json")
