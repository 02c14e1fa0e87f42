"""XML from a cartridge, parsed without the ways XML can hurt: no DTD, no entities.

Common Cartridge files never need a document type or entity declarations; a file that carries
them (the "billion laughs" expansion, an external entity reading a local file) is refused whole
rather than parsed. Elements are found by local name, so the same code reads the namespaces of
Common Cartridge 1.1, 1.2 and 1.3 and of Canvas's own files.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from hubdesk.core.cartridge._files import CartridgeError

_DTD_RE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def parse(data: bytes, name: str) -> ET.Element:
    if _DTD_RE.search(data):
        raise CartridgeError(f"{name} declares a DTD or entities, which a cartridge never needs; it was refused.")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise CartridgeError(f"{name} is not readable XML ({exc}).") from None


def local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(el: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in el if local(c.tag) == name]


def child(el: ET.Element | None, name: str) -> ET.Element | None:
    if el is None:
        return None
    return next((c for c in el if local(c.tag) == name), None)


def walk(el: ET.Element, name: str) -> Iterator[ET.Element]:
    return (e for e in el.iter() if local(e.tag) == name)


def first(el: ET.Element | None, name: str) -> ET.Element | None:
    return None if el is None else next(walk(el, name), None)


def text(el: ET.Element | None) -> str:
    return "".join(el.itertext()).strip() if el is not None else ""


def path_text(el: ET.Element | None, *names: str) -> str:
    """The text under ``el/names[0]/names[1]/...`` (local names), or ``""``."""
    for n in names:
        el = child(el, n)
    return text(el)
