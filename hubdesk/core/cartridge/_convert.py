"""A Common Cartridge to a pack: lessons in the organization's order, then ``pack build``.

The cartridge is turned into a pack *source folder* in a temporary directory (``pack.yaml``,
lesson Markdown, quiz YAML, the files pages use) and built by :func:`hubdesk.core.packs.build_pack`
like any source, so an imported course passes the same checks (quizzes validated, names, sizes,
signing) as one written by hand. What could not come along is counted in the report.
"""

from __future__ import annotations

import posixpath
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hubdesk.core.cartridge import _pages, _qti
from hubdesk.core.cartridge._files import CartridgeError, CartridgeFiles
from hubdesk.core.cartridge._manifest import Course, Entry, Resource, read_course
from hubdesk.core.cartridge._xml import parse, path_text, text
from hubdesk.core.packs import BuildResult, build_pack

_UNPORTABLE_RE = re.compile(r'[:*?"<>|\x00-\x1f]')
_HTML = (".html", ".htm", ".xhtml")


@dataclass
class ImportReport:
    build: BuildResult
    lessons: int = 0
    quizzes: int = 0
    questions: int = 0
    left_out: list[str] = field(default_factory=list)  # questions and items that did not map
    needs_internet: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _slug(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:48] or "lesson"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


class _Importer:
    def __init__(self, files: CartridgeFiles, course: Course, src: Path) -> None:
        self.files = files
        self.course = course
        self.src = src
        self.ids: set[str] = set()
        self.lessons: list[str] = []
        self.page_lessons: dict[str, str] = {}  # cartridge HTML path -> lesson path in the pack
        self.assets: dict[str, str] = {}  # cartridge path -> path in the pack
        self.report_left: list[str] = []
        self.internet: list[str] = []
        self.quizzes = 0
        self.questions = 0

    # -- paths --------------------------------------------------------------------------------
    def _asset(self, cart_path: str | None) -> str | None:
        """The pack path for a link's target: another page's lesson, or a file copied in."""
        if cart_path is None:
            return None
        if cart_path in self.page_lessons:
            return self.page_lessons[cart_path]
        if not self.files.has(cart_path) or cart_path.lower().endswith(".xml") or cart_path == "imsmanifest.xml":
            return None
        if cart_path not in self.assets:
            packed = "files/" + _UNPORTABLE_RE.sub("_", cart_path)
            self.files.copy(cart_path, self.src / packed)
            self.assets[cart_path] = packed
        return self.assets[cart_path]

    def _write(self, rel: str, title: str, body: str, quiz: str | None = None) -> None:
        lesson_id = _slug(title, self.ids)
        front: dict[str, Any] = {"id": lesson_id, "title": title or lesson_id}
        if quiz:
            front["quiz"] = posixpath.relpath(quiz, posixpath.dirname(rel))
        path = self.src / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_pages.lesson_text(front, body), encoding="utf-8")
        self.lessons.append(rel)

    # -- resources ----------------------------------------------------------------------------
    def _page_path(self, res: Resource) -> str | None:
        href = res.href or next((f for f in res.files if f.lower().endswith(_HTML)), None)
        return href if href and href.lower().endswith(_HTML) and self.files.has(href) else None

    def plan_pages(self, entries: list[Entry]) -> None:
        """Give every HTML page its lesson path first, so pages can link to pages in any order."""
        for e in entries:
            res = self.course.resources.get(e.resource or "")
            page = self._page_path(res) if res else None
            if page and page not in self.page_lessons:
                stem = _UNPORTABLE_RE.sub("_", page.rsplit(".", 1)[0])
                self.page_lessons[page] = f"pages/{stem}.md"

    def entry(self, e: Entry) -> None:
        if e.url is not None:
            self._internet(e.title, "a web page", e.url)
            return
        res = self.course.resources.get(e.resource or "")
        if res is None:
            self.report_left.append(f"{e.title!r}: the cartridge has no resource {e.resource!r}")
            return
        kind = res.type.lower()
        page = self._page_path(res)
        if page is not None:
            self._page(e.title, page)
        elif kind.startswith("imsqti") and kind.endswith("question-bank"):
            self.report_left.append(f"{e.title!r}: a question bank (questions for quizzes, not a part of the course)")
        elif kind.startswith("imsqti"):
            self._quiz(e.title, res)
        elif kind.startswith("assignment_xmlv"):
            self._text_item(e.title, res, "An assignment in the original course; hand it to your facilitator.")
        elif kind.startswith("imswl_"):
            root = self._xml(res)
            url = root.find(".//{*}url") if root is not None else None
            self._internet(
                e.title or path_text(root, "title"), "a web page", url.get("href", "") if url is not None else ""
            )
        elif kind.startswith("imsbasiclti"):
            root = self._xml(res)
            launch = (
                next((text(x) for x in root.iter() if x.tag.endswith("launch_url")), "") if root is not None else ""
            )
            self._internet(e.title, "an external tool (LTI)", launch)
        elif kind.startswith("imsdt_"):
            self._text_item(e.title, res, "A discussion topic in the original course; talk it over with your group.")
        elif res.href and self.files.has(res.href):
            packed = self._asset(res.href)
            rel = f"pages/{_slug(e.title, set())}-{len(self.lessons)}.md"
            link = posixpath.relpath(packed or "", "pages")
            name = posixpath.basename(res.href)
            self._write(rel, e.title or name, f'<p>The course gives this file: <a href="{link}">{name}</a></p>')
        else:
            self.report_left.append(f"{e.title!r}: a {res.type or 'untyped'} resource HubDesk cannot show")

    def _xml(self, res: Resource) -> Any:
        name = res.href or next((f for f in res.files if f.lower().endswith(".xml")), None)
        return parse(self.files.read(name), name) if name else None

    def _page(self, title: str, page: str) -> None:
        raw = self.files.read(page).decode("utf-8", errors="replace")
        page_title, body = _pages.title_and_body(raw)
        rel = self.page_lessons[page]
        clean = _pages.page_html(body, posixpath.dirname(page), rel, self._asset)
        self._write(rel, title or page_title or posixpath.basename(page), clean)

    def _internet(self, title: str, kind: str, url: str) -> None:
        self.internet.append(f"{title} ({url or 'no address'})")
        self._write(f"pages/web-{len(self.lessons):03d}.md", title or "On the web", _pages.needs_internet(kind, url))

    def _text_item(self, title: str, res: Resource, note: str) -> None:
        """A discussion topic or an assignment: its title and its HTML text, with a note on what it was."""
        root = self._xml(res)
        body = text(root.find(".//{*}text")) if root is not None else ""
        rel = f"pages/item-{len(self.lessons):03d}.md"
        name = posixpath.dirname(res.href or (res.files[0] if res.files else ""))
        clean = _pages.page_html(body, name, rel, self._asset) if body else ""
        self._write(rel, title or path_text(root, "title") or "Untitled", f"<p><i>{note}</i></p>{clean}")

    def _quiz(self, title: str, res: Resource) -> None:
        qti_file = next((f for f in [res.href, *res.files] if f and f.lower().endswith((".xml", ".qti"))), None)
        if qti_file is None:
            self.report_left.append(f"{title!r}: an assessment with no QTI file")
            return
        converted = _qti.convert(self.files.read(qti_file), qti_file)
        description = ""
        for dep in res.deps:
            meta = next((f for f in self.course.resources.get(dep, Resource("", "", None)).files
                         if f.endswith("assessment_meta.xml")), None)  # fmt: skip
            if meta:
                meta_title, description = _qti.canvas_meta(self.files.read(meta), meta)
                title = title or meta_title
        title = title or converted.title or "Quiz"
        self.report_left += [f"{title}: {s}" for s in converted.skipped]
        rel = f"pages/quiz-{len(self.lessons):03d}.md"
        body = _pages.page_html(description, "", rel, self._asset) if description else ""
        if not converted.questions:
            self._write(rel, title, body + "<p><i>None of this quiz's questions could come along.</i></p>")
            return
        quiz_rel = f"quizzes/quiz-{len(self.lessons):03d}.yaml"
        (self.src / "quizzes").mkdir(exist_ok=True)
        data = {"title": title, "questions": converted.questions}
        (self.src / quiz_rel).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        self._write(
            rel, title, body or f"<p>{len(converted.questions)} question(s) to check what you learnt.</p>", quiz_rel
        )
        self.quizzes += 1
        self.questions += len(converted.questions)


def import_cartridge(cartridge: Path | str, out: Path | str, *, sign_key: Path | str | None = None) -> ImportReport:
    """Build the pack ``out`` from a Common Cartridge (a ``.imscc`` file or an unpacked folder)."""
    files = CartridgeFiles(Path(cartridge))
    try:
        course = read_course(files)
        with tempfile.TemporaryDirectory(prefix="hubdesk-cc-") as tmp:
            src = Path(tmp)
            imp = _Importer(files, course, src)
            entries = list(course.entries)
            listed = {e.resource for e in entries}
            extra = [
                Entry("", rid)
                for rid, r in course.resources.items()
                if rid not in listed and r.href and r.href.startswith("wiki_content/") and imp._page_path(r)
            ]
            notes = [f"{len(extra)} page(s) not in the course's order were added at the end."] if extra else []
            entries += extra
            imp.plan_pages(entries)
            for e in entries:
                imp.entry(e)
            if not imp.lessons:
                raise CartridgeError(f"{files.where} holds no page, quiz or link this importer can turn into a lesson.")
            title = course.title or Path(cartridge).stem
            meta = {
                "id": _slug(title, set())[:64] if len(_slug(title, set())) >= 2 else "imported-course",
                "version": "1.0.0",
                "title": title,
                "description": _qti.plain(course.description),
                "language": course.language or "en",
                "licence": course.licence,
                "authors": course.authors,
                "source": f"IMS Common Cartridge {course.version or ''}: {Path(cartridge).name}".replace("  ", " "),
                "lessons": imp.lessons,
            }
            (src / "pack.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
            build = build_pack(src, out, sign_key=sign_key)
        return ImportReport(
            build, len(imp.lessons), imp.quizzes, imp.questions, imp.report_left, imp.internet, notes + build.warnings
        )
    finally:
        files.close()
