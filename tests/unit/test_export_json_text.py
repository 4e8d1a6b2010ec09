"""The JSON writer gives what the standard library's indented encoder gives, strings made safe."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from circlekeeper.sessions.export.json_text import indented_json
from circlekeeper.sessions.safe_text import safe_text


def _standard(value: Any) -> str:
    def safe(item: Any) -> Any:
        if isinstance(item, str):
            return safe_text(item)
        if isinstance(item, dict):
            return {safe_text(k): safe(v) for k, v in item.items()}
        if isinstance(item, (list, tuple)):
            return [safe(v) for v in item]
        return item

    return json.dumps(safe(value), ensure_ascii=False, indent=2)


LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
VALUES = st.recursive(
    LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4)
        # Keys that one safe form would merge (two control characters both shown as U+FFFD)
        # are left out: the standard encoder's dict could not hold both to compare with.
        | st.dictionaries(st.text(), inner, max_size=4).filter(
            lambda d: len({safe_text(k) for k in d}) == len(d)
        )
    ),
    max_leaves=30,
)


@given(VALUES)
def test_any_value_is_written_as_the_standard_encoder_writes_it(value) -> None:
    assert indented_json(value) == _standard(value)


def test_strings_and_keys_are_made_safe_and_nesting_is_indented() -> None:
    value = {"a\x1b]0;x\x07": ["b\u202e", {}, [], 1.5, math.inf, -math.inf, True, None]}
    assert indented_json(value) == (
        '{\n  "a␛]0;x␇": [\n    "b",\n    {},\n    [],\n    1.5,\n'
        "    Infinity,\n    -Infinity,\n    true,\n    null\n  ]\n}"
    )
    assert indented_json(math.nan) == "NaN"


@pytest.mark.parametrize("value", [{1: "a"}, [object()], {"a": {1, 2}}])
def test_what_json_has_no_word_for_is_refused(value) -> None:
    with pytest.raises(TypeError):
        indented_json(value)
