"""JSON from the outside world, parsed so that hostile input is one refusal, never a crash.

``json.loads`` alone lets three things through that a server or an import must not meet:

- nesting deep enough to exhaust the parser's recursion (``[[[[...`` a hundred thousand times)
  raises ``RecursionError``, which is not a ``ValueError`` and so escaped every ``except ValueError``
  and became a 500 or a traceback;
- ``NaN``, ``Infinity`` and ``-Infinity`` are accepted, although they are not JSON, and so is
  ``1e400`` (read as infinity); a ``nan`` compares false with everything (a time window check that
  ``nan`` passes);
- bytes that are not UTF-8 raise ``UnicodeDecodeError``.

:func:`loads` turns each into :class:`UnsafeJSON` (a ``ValueError``), and refuses documents nested
deeper than :data:`MAX_DEPTH`, so what is accepted can also be written back out and read again by
any other HubDesk (an event relayed through the hub sits a few levels deeper than where it came in).
"""

from __future__ import annotations

import json
import math
from typing import Any

MAX_DEPTH = 64
"""Deepest nesting accepted; real messages need about ten (message, events, event, payload ...)."""


class UnsafeJSON(ValueError):
    """Input that is not JSON, or JSON this program will not take (too deep, non-finite numbers)."""


def _no_constant(name: str) -> Any:
    raise UnsafeJSON(f"{name} is not a JSON number.")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400 parses as inf
        raise UnsafeJSON(f"{text[:40]} is too large a number.")
    return value


def depth(value: Any, limit: int = MAX_DEPTH) -> int:
    """How deeply ``value`` nests lists and objects, counting stops once past ``limit``."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list | tuple):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        if deepest > limit:
            return deepest
        stack.extend((child, level + 1) for child in children)
    return deepest


def too_deep(text: str | bytes, value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether ``value`` (parsed from ``text``) nests deeper than ``limit``.

    Counting brackets in the text runs at C speed; only a text with more than ``limit`` of them can
    nest that deep, and only then is the value walked (brackets inside strings do not count there).
    """
    brackets = text.count(b"[") + text.count(b"{") if isinstance(text, bytes) else text.count("[") + text.count("{")
    if brackets <= limit:
        return False
    return depth(value, limit) > limit


def loads(text: str | bytes | bytearray, *, max_depth: int = MAX_DEPTH) -> Any:
    """Parse ``text``; raise :class:`UnsafeJSON` for anything that is not plain, finite, bounded JSON."""
    try:
        value = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except RecursionError:
        raise UnsafeJSON("The JSON is nested too deeply.") from None
    except UnicodeDecodeError:
        raise UnsafeJSON("The JSON is not UTF-8 text.") from None
    except UnsafeJSON:
        raise
    except ValueError as exc:  # JSONDecodeError, and integers too long to convert
        raise UnsafeJSON(f"The JSON is not readable ({str(exc)[:80]}).") from None
    if too_deep(bytes(text) if isinstance(text, bytearray) else text, value, max_depth):
        raise UnsafeJSON("The JSON is nested too deeply.")
    return value
