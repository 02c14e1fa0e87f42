"""QTI 1.2 assessments (the Common Cartridge profile, and Canvas's flavour of it) to HubDesk quizzes.

Question types that map: multiple choice and true/false (``single``), multiple answers
(``multiple``), short answer / fill in the blank / pattern match (``text``), numeric (``number``,
with a tolerance from a range). The type is read from the item's metadata (``cc_profile`` in a
CC export, ``question_type`` in Canvas's) or, without it, from the shape of its response. A
question that does not map (essay, matching, file upload ...) or whose right answer cannot be
found is left out and named in the report, never half-converted.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any

from hubdesk.core.cartridge._xml import child, children, first, local, parse, text, walk

_TAG_RE = re.compile(r"<[^>]+>")
_BLOCK_RE = re.compile(r"</(?:p|div|li|h\d|tr)>|<br\s*/?>", re.IGNORECASE)
SINGLE = {"cc.multiple_choice.v0p1", "cc.true_false.v0p1", "multiple_choice_question", "true_false_question"}
MULTIPLE = {"cc.multiple_response.v0p1", "multiple_answers_question"}
TEXT = {"cc.fib.v0p1", "cc.pattern_match.v0p1", "short_answer_question", "fill_in_multiple_blanks_question"}
NUMBER = {"numerical_question"}


@dataclass
class Converted:
    title: str
    questions: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def plain(markup: str) -> str:
    """Text of an HTML fragment, paragraphs kept apart, for a prompt or a choice."""
    out = html.unescape(_TAG_RE.sub("", _BLOCK_RE.sub("\n", markup)))
    return "\n".join(ln.strip() for ln in out.splitlines() if ln.strip())


def _mattext(el: ET.Element | None) -> str:
    return plain(text(first(el, "mattext"))) if el is not None else ""


def _profile(item: ET.Element) -> str:
    for field_el in walk(item, "qtimetadatafield"):
        label = text(child(field_el, "fieldlabel"))
        if label in ("cc_profile", "question_type"):
            return text(child(field_el, "fieldentry"))
    return ""


def _score(cond: ET.Element) -> float:
    total = 0.0
    for setvar in children(cond, "setvar"):
        try:
            value = float(text(setvar) or "0")
        except ValueError:
            continue
        total = value if setvar.get("action", "Set") == "Set" else total + value
    return total


def _right_values(item: ET.Element) -> tuple[list[str], list[tuple[float, float]]]:
    """Values and numeric ranges a right answer matches (conditions that give a positive score)."""
    values: list[str] = []
    ranges: list[tuple[float, float]] = []
    for cond in walk(item, "respcondition"):
        if _score(cond) <= 0:
            continue
        var = child(cond, "conditionvar")
        if var is None:
            continue
        negated = {id(e) for n in walk(var, "not") for e in walk(n, "varequal")}
        values += [text(v) for v in walk(var, "varequal") if id(v) not in negated and text(v)]
        for group in [var, *walk(var, "and")]:
            lo, hi = child(group, "vargte"), child(group, "varlte")
            try:
                if lo is not None and hi is not None:
                    ranges.append((float(text(lo)), float(text(hi))))
            except ValueError:
                continue
    return values, ranges


def _feedback(item: ET.Element) -> dict[str, str]:
    """The item's feedback for a right and a wrong answer, from the conditions that display it."""
    texts = {fb.get("ident", ""): _mattext(fb) for fb in walk(item, "itemfeedback")}
    out: dict[str, str] = {}
    for cond in walk(item, "respcondition"):
        key = "correct" if _score(cond) > 0 else "incorrect"
        for shown in children(cond, "displayfeedback"):
            text_ = texts.get(shown.get("linkrefid", ""), "")
            if text_ and key not in out:
                out[key] = text_
    return out


def _guess(item: ET.Element) -> str:
    lid = first(item, "response_lid")
    if lid is not None:
        return "multiple" if lid.get("rcardinality") == "Multiple" else "single"
    fib = first(item, "render_fib")
    if fib is not None and fib.get("fibtype") in ("Decimal", "Integer"):
        return "number"
    return "text" if first(item, "response_str") is not None else ""


def _kind(profile: str, item: ET.Element) -> str:
    if profile in SINGLE:
        return "single"
    if profile in MULTIPLE:
        return "multiple"
    if profile in TEXT:
        return "text"
    if profile in NUMBER:
        return "number"
    return "" if profile else _guess(item)


def _type_name(profile: str) -> str:
    """``cc.essay.v0p1`` or ``essay_question`` -> ``an essay question``."""
    name = re.sub(r"\.v\d+p\d+$", "", profile).removeprefix("cc.").removesuffix("_question").replace("_", " ")
    name = f"{name.strip()} question" if name.strip() else "a kind of question"
    return name if name.startswith("a kind") else ("an " if name[0] in "aeiou" else "a ") + name


def _question(item: ET.Element, n: int) -> dict[str, Any] | str:
    """The question as a quiz dict, or the reason it was left out."""
    label = item.get("title") or item.get("ident") or f"question {n}"
    profile = _profile(item)
    kind = _kind(profile, item)
    if not kind:
        return f"{label!r}: {_type_name(profile)} HubDesk has no type for"
    presentation = child(item, "presentation")
    prompt = _mattext(child(presentation, "material")) or _mattext(presentation)
    if not prompt:
        return f"{label!r}: no question text"
    q: dict[str, Any] = {"id": f"q{n}", "type": kind, "prompt": prompt}
    if feedback := _feedback(item):
        q["feedback"] = feedback
    values, ranges = _right_values(item)
    if kind in ("single", "multiple"):
        labels = list(walk(item, "response_label"))
        idents = [lab.get("ident", "") for lab in labels]
        q["choices"] = [_mattext(lab) or lab.get("ident", "") for lab in labels]
        right = sorted({idents.index(v) for v in values if v in idents})
        if len(q["choices"]) < 2 or not right:
            return f"{label!r}: its choices or right answer cannot be read"
        if kind == "single":
            q["answer"] = right[0]
        else:
            q["answers"] = right
    elif kind == "text":
        if not values:
            return f"{label!r}: no accepted answer is given"
        q["accept"] = list(dict.fromkeys(values))
    else:
        try:
            if values:
                q["answer"], q["tolerance"] = float(values[0]), 0
            elif ranges:
                lo, hi = ranges[0]
                q["answer"], q["tolerance"] = (lo + hi) / 2, (hi - lo) / 2
            else:
                return f"{label!r}: no right number is given"
        except ValueError:
            return f"{label!r}: its right answer is not a number"
    return q


def convert(data: bytes, name: str) -> Converted:
    root = parse(data, name)
    assessment = first(root, "assessment")
    title = (assessment.get("title") if assessment is not None else None) or ""
    out = Converted(title)
    items = [e for e in root.iter() if local(e.tag) == "item"]
    for n, item in enumerate(items, 1):
        result = _question(item, n)
        if isinstance(result, str):
            out.skipped.append(result)
        else:
            out.questions.append(result)
    return out


def canvas_meta(data: bytes, name: str) -> tuple[str, str]:
    """Title and description (HTML) from Canvas's ``assessment_meta.xml``."""
    root = parse(data, name)
    return text(child(root, "title")), text(child(root, "description"))
