"""The cartridge's ``imsmanifest.xml``: what the course is, its resources, and their order.

Lesson order is the organization's: items that point at a resource become lessons, in document
order; items without one are module headings. A Canvas export whose organization lists nothing
(some do) is ordered by ``course_settings/module_meta.xml`` instead (modules and their items by
``position``), where an external URL item has no resource but a ``url``. Title, language,
description, licence and authors come from the manifest's LOM metadata (any CC version's
namespace), and the licence from Canvas's ``course_settings.xml`` when the LOM has none.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from hubdesk.core.cartridge._files import CartridgeError, CartridgeFiles
from hubdesk.core.cartridge._xml import child, children, first, local, parse, path_text, text, walk

MANIFEST = "imsmanifest.xml"
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_FN_RE = re.compile(r"^FN:(.+)$", re.MULTILINE)
CANVAS_LICENCES = {
    "cc_by": "CC-BY-4.0",
    "cc_by_sa": "CC-BY-SA-4.0",
    "cc_by_nc": "CC-BY-NC-4.0",
    "cc_by_nc_sa": "CC-BY-NC-SA-4.0",
    "cc_by_nd": "CC-BY-ND-4.0",
    "cc_by_nc_nd": "CC-BY-NC-ND-4.0",
    "public_domain": "public domain",
    "private": "all rights reserved",
}


@dataclass
class Resource:
    id: str
    type: str
    href: str | None
    files: list[str] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)


@dataclass
class Entry:
    title: str
    resource: str | None = None
    url: str | None = None  # a Canvas module item that is only a web address


@dataclass
class Course:
    title: str
    language: str
    description: str
    licence: str
    authors: list[str]
    version: str
    entries: list[Entry]
    resources: dict[str, Resource]


def _join(base: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(base, href)) if base else posixpath.normpath(href)


def _resources(root: ET.Element) -> dict[str, Resource]:
    out: dict[str, Resource] = {}
    for group in walk(root, "resources"):
        group_base = group.get(_XML_BASE, "")
        for r in children(group, "resource"):
            rid = r.get("identifier")
            if not rid:
                continue
            base = _join(group_base, r.get(_XML_BASE, "")) if (group_base or r.get(_XML_BASE)) else ""
            base = "" if base == "." else base
            href = r.get("href")
            files = [_join(base, f.get("href", "")) for f in children(r, "file") if f.get("href")]
            deps = [d.get("identifierref", "") for d in children(r, "dependency") if d.get("identifierref")]
            out[rid] = Resource(rid, r.get("type", ""), _join(base, href) if href else None, files, deps)
    return out


def _organization(root: ET.Element) -> list[Entry]:
    org = first(child(root, "organizations"), "organization")
    entries: list[Entry] = []

    def visit(item: ET.Element) -> None:
        ref = item.get("identifierref")
        title = path_text(item, "title")
        if ref:
            entries.append(Entry(title, ref))
        for sub in children(item, "item"):
            visit(sub)

    if org is not None:
        for item in children(org, "item"):
            visit(item)
    return entries


def _canvas_modules(files: CartridgeFiles) -> list[Entry]:
    name = "course_settings/module_meta.xml"
    if not files.has(name):
        return []
    root = parse(files.read(name), name)

    def position(el: ET.Element) -> int:
        p = path_text(el, "position")
        return int(p) if p.isdigit() else 1 << 30

    entries: list[Entry] = []
    for module in sorted(walk(root, "module"), key=position):
        items = child(module, "items")
        for item in sorted(children(items, "item") if items is not None else [], key=position):
            kind = path_text(item, "content_type")
            title = path_text(item, "title")
            if kind == "ContextModuleSubHeader":
                continue
            ref = path_text(item, "identifierref")
            url = path_text(item, "url")
            if ref:
                entries.append(Entry(title, ref))
            elif url:
                entries.append(Entry(title, None, url))
    return entries


def _licence(lom: ET.Element | None, files: CartridgeFiles) -> str:
    rights = first(lom, "rights")
    described = text(first(first(rights, "description"), "string")) if rights is not None else ""
    if described:
        return described
    name = "course_settings/course_settings.xml"
    if files.has(name):
        code = text(first(parse(files.read(name), name), "license"))
        return CANVAS_LICENCES.get(code, code)
    return ""


def read_course(files: CartridgeFiles) -> Course:
    if not files.has(MANIFEST):
        raise CartridgeError(f"{files.where} has no {MANIFEST}: it is not an IMS Common Cartridge.")
    root = parse(files.read(MANIFEST), MANIFEST)
    if local(root.tag) != "manifest":
        raise CartridgeError(f"{files.where}: {MANIFEST} is not a cartridge manifest.")
    meta = child(root, "metadata")
    version = path_text(meta, "schemaversion")
    if version and not version.startswith(("1.0", "1.1", "1.2", "1.3")):
        raise CartridgeError(f"{files.where} is Common Cartridge {version}; this importer reads 1.0 to 1.3.")
    lom = first(meta, "lom")
    general = first(lom, "general")
    title = text(first(first(general, "title"), "string")) or path_text(first(meta, "general"), "title")
    language = text(first(general, "language"))
    description = text(first(first(general, "description"), "string"))
    authors: list[str] = []
    for contribute in walk(lom, "contribute") if lom is not None else []:
        for entity in walk(contribute, "entity"):
            vcard = text(entity)
            m = _FN_RE.search(vcard.replace("\r", ""))
            name = (m.group(1) if m else vcard).strip()
            if name and name not in authors:
                authors.append(name)
    entries = _organization(root) or _canvas_modules(files)
    return Course(
        title=title,
        language=language,
        description=description,
        licence=_licence(lom, files),
        authors=authors,
        version=version,
        entries=entries,
        resources=_resources(root),
    )
