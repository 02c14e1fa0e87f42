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
import re
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


_NOT_BRACKETS_S = re.compile(r'[^"\[\]{}]+')
_STRINGS_B = re.compile(rb'"[^"]*"')
_STRINGS_S = re.compile(r'"[^"]*"')
_PAIRS_B = re.compile(rb"\[\]|\{\}")
_PAIRS_S = re.compile(r"\[\]|\{\}")
_OTHER_BYTES = bytes(c for c in range(256) if c not in b'"[]{}')


def too_deep(text: str | bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether the JSON ``text`` (already parsed, so valid) nests lists and objects deeper than ``limit``.

    All at C speed, whatever the size: a text with at most ``limit`` brackets cannot; otherwise its
    escaped backslashes and then its escaped quotes are dropped (left to right, as a parser reads
    them), so every quote left opens or closes a string; everything but quotes and brackets goes,
    then the strings (with any brackets in them), then the innermost ``[]`` and ``{}`` pairs are
    removed ``limit`` times over: whatever is left was deeper.
    """
    if isinstance(text, bytes):
        if text.count(b"[") + text.count(b"{") <= limit:
            return False
        skeleton_b = text.replace(b"\\\\", b"").replace(b'\\"', b"").translate(None, _OTHER_BYTES)
        skeleton_b = _STRINGS_B.sub(b"", skeleton_b)
        for _ in range(limit):
            skeleton_b = _PAIRS_B.sub(b"", skeleton_b)
            if not skeleton_b:
                return False
        return True
    if text.count("[") + text.count("{") <= limit:
        return False
    skeleton = _NOT_BRACKETS_S.sub("", text.replace("\\\\", "").replace('\\"', ""))
    skeleton = _STRINGS_S.sub("", skeleton)
    for _ in range(limit):
        skeleton = _PAIRS_S.sub("", skeleton)
        if not skeleton:
            return False
    return True


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
    if too_deep(bytes(text) if isinstance(text, bytearray) else text, max_depth):
        raise UnsafeJSON("The JSON is nested too deeply.")
    return value
