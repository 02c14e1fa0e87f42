"""Pandoc Markdown that python-markdown does not read, rewritten into what it does.

Carpentries lessons are written for Pandoc. Three of its constructs came out wrong in real
lessons: grid tables (``+----+`` borders) showed as raw text; bracketed spans (``[term]{#id}``, the
glossary's anchors) showed their braces and gave links to ``#id`` nowhere to land; and image
attributes whose alt text holds escaped quotes (``{alt="the \\"root\\" folder"}``) were cut at the
first quote. Each is rewritten line by line (the caller skips code blocks) before Markdown runs:
grid tables become pipe tables, spans become an anchor around their text, and the alt text moves
into the image's own brackets, unescaped.
"""

from __future__ import annotations

import html
import itertools
import re

_BORDER_RE = re.compile(r"^\s{0,3}\+(?:[-=:]+\+)+\s*$")
_ROW_RE = re.compile(r"^\s{0,3}[|+].*[|+]\s*$")
_SPAN_RE = re.compile(r"(?<![!\]\\])\[([^\]\n]+)\]\{#([A-Za-z][\w:.-]*)\}")
_IMG_ATTR_RE = re.compile(
    r"!\[([^\]\n]*)\](\([^)\n]*\))\{([^}\n]*?)\balt\s*=\s*"
    r"(?:\"((?:[^\"\\\n]|\\.)*)\"|'((?:[^'\\\n]|\\.)*)')([^}\n]*)\}"
)
_ESCAPE_RE = re.compile(r"\\(.)")


def is_grid_border(line: str) -> bool:
    return bool(_BORDER_RE.match(line))


def is_grid_line(line: str) -> bool:
    return bool(_ROW_RE.match(line))


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def grid_table(lines: list[str]) -> list[str]:
    """A Pandoc grid table as a pipe table (cells of several lines joined); the lines as they were if it is not one."""
    border = lines[0].strip()
    cuts = [i for i, c in enumerate(border) if c == "+"]
    if len(cuts) < 2 or not is_grid_border(lines[-1]):
        return lines
    rows: list[list[str]] = []
    header_rows = 0
    current: list[list[str]] | None = None
    for raw in lines[1:]:
        line = raw.strip()
        if is_grid_border(line):
            if current is not None:
                rows.append([_cell(" ".join(parts)) for parts in current])
                current = None
            if "=" in line:
                header_rows = len(rows)
            continue
        if len(line) < cuts[-1] + 1:
            line = line.ljust(cuts[-1] + 1)
        if current is None:
            current = [[] for _ in cuts[:-1]]
        for n, (a, b) in enumerate(itertools.pairwise(cuts)):
            current[n].append(line[a + 1 : b])
    if current is not None or not rows:
        return lines  # a table that does not close where it should: leave it readable as text
    if header_rows != 1:  # no header (or several header lines): the first row heads the table
        header_rows = 1
    out = ["", "| " + " | ".join(rows[0]) + " |", "|" + "|".join("---" for _ in rows[0]) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows[header_rows:]]
    return [*out, ""]


def _image(m: re.Match[str]) -> str:
    alt = _ESCAPE_RE.sub(r"\1", m.group(4) if m.group(4) is not None else m.group(5) or "")
    alt = alt.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    rest = f"{m.group(3)} {m.group(6)}".strip()
    return f"![{alt}]{m.group(2)}" + (f"{{{rest}}}" if rest else "")


def inline(line: str) -> str:
    """Bracketed spans and quoted image attributes of one line outside code."""
    if "{" not in line:
        return line
    line = _IMG_ATTR_RE.sub(_image, line)
    return _SPAN_RE.sub(lambda m: f'<a name="{m.group(2)}" id="{m.group(2)}">{html.escape(m.group(1))}</a>', line)
