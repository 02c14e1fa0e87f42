"""The depth check that keeps hostile JSON out, against the plain definition of depth."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from hubdesk.core.safe_json import too_deep

# strings full of what could fool a scan of the text: quotes, backslashes and brackets
_TRICKY = st.text(alphabet='ab"\\[]{}/\n\u00e9\u2028', max_size=8)
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | _TRICKY,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TRICKY, inner, max_size=3),
    max_leaves=30,
)


def _depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


def _nest(value: Any, levels: int) -> Any:
    for i in range(levels):
        value = [value] if i % 2 else {'k\\"[': value}
    return value


@settings(max_examples=1500, deadline=None)
@given(_VALUES, st.integers(0, 12), st.integers(1, 10), st.booleans(), st.booleans())
def test_too_deep_says_whether_the_nesting_passes_the_limit(
    value: Any, levels: int, limit: int, as_bytes: bool, indent: bool
) -> None:
    value = _nest(value, levels)
    text = json.dumps(value, ensure_ascii=False, indent=1 if indent else None)
    assert too_deep(text.encode() if as_bytes else text, limit) == (_depth(value) > limit)
