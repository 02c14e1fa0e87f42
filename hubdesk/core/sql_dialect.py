"""SQLite's SQL, as the domain modules write it, said in PostgreSQL's words.

Every module writes one dialect, SQLite's, and the PostgreSQL store (:mod:`hubdesk.core.pg_store`)
passes each statement through :func:`to_postgres` once (the result is cached by the statement's
text, which is a constant in the code). The rewrites are few and exact; a construct not listed here
reaches PostgreSQL unchanged and fails loudly in the hub's tests, which run on both stores:

- ``?`` placeholders become ``%s`` (and a literal ``%`` becomes ``%%``), outside string literals;
- ``INSERT OR IGNORE`` becomes ``INSERT ... ON CONFLICT DO NOTHING``;
- two-argument ``MAX``/``MIN`` become ``GREATEST``/``LEAST``;
- ``x COLLATE NOCASE`` becomes ``lower(x)`` (and ``x = ? COLLATE NOCASE`` compares both lowered);
- ``LIKE`` becomes ``ILIKE`` (SQLite's ``LIKE`` ignores ASCII case);
- ``json_extract(col, '$.key')`` becomes ``(col::jsonb ->> 'key')``;
- blob literals ``x'00ff'`` become ``'\\x00ff'::bytea``;
- ``json_type(col, '$.key') = 'text'`` becomes ``jsonb_typeof(col::jsonb -> 'key') = 'string'``;
- ``json_remove(col, '$.key')`` becomes ``(col::jsonb - 'key')::text``;
- the ``temp.`` schema becomes ``pg_temp.``;
- ``datetime('now')`` becomes the same text from ``now()``;
- in ``ON CONFLICT DO UPDATE SET``, a bare column also read as ``excluded.col`` is qualified with
  the table's name (PostgreSQL finds it ambiguous);
- in table definitions: ``INTEGER`` becomes ``BIGINT`` (hybrid clocks and milliseconds pass 2^31),
  ``REAL`` ``DOUBLE PRECISION``, ``BLOB`` ``BYTEA``, and ``WITHOUT ROWID`` goes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_STRING = re.compile(r"'(?:[^']|'')*'")
_TWO_ARGS = re.compile(r"\b(MAX|MIN)\(([^(),]+),([^(),]+)\)", re.IGNORECASE)
_NOCASE_EQ = re.compile(r"([\w.]+)\s*=\s*\?\s+COLLATE\s+NOCASE", re.IGNORECASE)
_NOCASE = re.compile(r"([\w.]+)\s+COLLATE\s+NOCASE", re.IGNORECASE)
_OR_IGNORE = re.compile(r"\bINSERT\s+OR\s+IGNORE\s+INTO\b", re.IGNORECASE)
_RETURNING = re.compile(r"\s+RETURNING\b", re.IGNORECASE)
_LIKE = re.compile(r"\bLIKE\b")
_JSON = re.compile(r"json_extract\(([\w.]+),\s*'\$\.(\w+)'\)", re.IGNORECASE)
_BLOB = re.compile(r"\b[xX]'([0-9a-fA-F]*)'")
_JSON_TEXT = re.compile(r"json_type\(([\w.]+),\s*'\$\.(\w+)'\)\s*=\s*'text'", re.IGNORECASE)
_JSON_REMOVE = re.compile(r"json_remove\(([\w.]+),\s*'\$\.(\w+)'\)", re.IGNORECASE)
_TEMP = re.compile(r"\btemp\.", re.IGNORECASE)
_INTO = re.compile(r"\bINSERT\s+(?:OR\s+\w+\s+)?INTO\s+(\w+)", re.IGNORECASE)
_DO_UPDATE = re.compile(r"\bDO\s+UPDATE\s+SET\b", re.IGNORECASE)
_EXCLUDED = re.compile(r"\bexcluded\.(\w+)", re.IGNORECASE)
_NOW = re.compile(r"datetime\('now'\)", re.IGNORECASE)
_DDL = re.compile(r"^\s*(CREATE\s+TABLE|ALTER\s+TABLE)\b", re.IGNORECASE)
_TYPES = (
    (re.compile(r"\bINTEGER\b", re.IGNORECASE), "BIGINT"),
    (re.compile(r"\bREAL\b", re.IGNORECASE), "DOUBLE PRECISION"),
    (re.compile(r"\bBLOB\b", re.IGNORECASE), "BYTEA"),
    (re.compile(r"\)\s*WITHOUT\s+ROWID\s*$", re.IGNORECASE), ")"),
)


def _outside_strings(sql: str, rewrite: Callable[[str], str], inside: Callable[[str], str] = str) -> str:
    """Apply ``rewrite`` to the parts of ``sql`` outside its string literals (``inside`` to those in them)."""
    out: list[str] = []
    last = 0
    for m in _STRING.finditer(sql):
        out.append(rewrite(sql[last : m.start()]))
        out.append(inside(m.group(0)))
        last = m.end()
    out.append(rewrite(sql[last:]))
    return "".join(out)


def _percent(literal: str) -> str:
    return literal.replace("%", "%%")  # psycopg reads % even inside literals


def _split_top(text: str, sep: str) -> list[str]:
    """``text`` split at each ``sep`` outside parentheses and string literals."""
    parts, depth, start, quoted = [], 0, 0, False
    for i, ch in enumerate(text):
        if ch == "'":
            quoted = not quoted
        elif not quoted and ch in "()":
            depth += 1 if ch == "(" else -1
        elif not quoted and depth == 0 and ch == sep:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _qualify_upsert(sql: str) -> str:
    """In ``ON CONFLICT ... DO UPDATE SET``, a bare column that also appears as ``excluded.col`` is the
    target row's (SQLite's reading); PostgreSQL calls it ambiguous, so name the table."""
    into, update = _INTO.search(sql), _DO_UPDATE.search(sql)
    if not into or not update:
        return sql
    table, head, tail = into.group(1), sql[: update.end()], sql[update.end() :]
    names = set(_EXCLUDED.findall(tail))
    if not names:
        return sql
    bare = re.compile(r"(?<![\w.'])(" + "|".join(sorted(names)) + r")(?![\w.'(])")
    where = re.search(r"\bWHERE\b", tail, re.IGNORECASE)
    sets, cond = (tail[: where.start()], tail[where.start() :]) if where else (tail, "")
    items = []
    for item in _split_top(sets, ","):
        target, eq, expr = item.partition("=")
        items.append(target + eq + bare.sub(table + r".\1", expr))
    return head + ",".join(items) + bare.sub(table + r".\1", cond)


def _placeholders(part: str) -> str:
    return part.replace("%", "%%").replace("?", "%s")


def _words(part: str) -> str:
    part = _TWO_ARGS.sub(
        lambda m: ("GREATEST" if m.group(1).upper() == "MAX" else "LEAST") + f"({m.group(2)},{m.group(3)})", part
    )
    part = _NOCASE_EQ.sub(r"lower(\1) = lower(?)", part)
    part = _NOCASE.sub(r"lower(\1)", part)
    return _LIKE.sub("ILIKE", part)


@lru_cache(maxsize=4096)
def to_postgres(sql: str) -> str:
    """``sql`` (SQLite's dialect, ``?`` placeholders) for psycopg and PostgreSQL."""
    sql = _JSON_TEXT.sub(r"jsonb_typeof(\1::jsonb -> '\2') = 'string'", sql)
    sql = _JSON_REMOVE.sub(r"(\1::jsonb - '\2')::text", sql)
    sql = _TEMP.sub("pg_temp.", sql)
    sql = _JSON.sub(r"(\1::jsonb ->> '\2')", sql)
    sql = _BLOB.sub(r"'\\x\1'::bytea", sql)
    sql = _NOW.sub("to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')", sql)
    if _DDL.match(sql):
        for pattern, word in _TYPES:
            sql = _outside_strings(sql, lambda part, p=pattern, w=word: p.sub(w, part))  # type: ignore[misc]
    sql = _outside_strings(sql, _words)
    sql = _qualify_upsert(sql)
    if _OR_IGNORE.search(sql):
        sql = _OR_IGNORE.sub("INSERT INTO", sql, count=1)
        ret = _RETURNING.search(sql)
        at = ret.start() if ret else len(sql.rstrip().rstrip(";"))
        sql = sql[:at] + " ON CONFLICT DO NOTHING" + sql[at:]
    return _outside_strings(sql, _placeholders, _percent)
