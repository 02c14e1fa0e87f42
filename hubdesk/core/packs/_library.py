"""The library of installed packs: the one object the CLI, the app, search and sync ask about packs.

Hung off the installation as ``inst.packs``. Reading (list, lessons, quizzes, assets) needs no lock;
installing and removing take the install lock and end with one transaction (see ``_install``).
Listeners (the search index) hear ``(pack_id, change)`` after every install, upgrade or removal.
"""

from __future__ import annotations

import builtins
import glob
import json
import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hubdesk.core.packs import _delta, _install
from hubdesk.core.packs._check import DEFAULT_MAX_BYTES, CheckedPack, verify_pack
from hubdesk.core.packs._copy import Progress
from hubdesk.core.packs._export import write_pack_zip
from hubdesk.core.packs._manifest import MANIFEST_NAME, SIGNATURE_NAME, Manifest
from hubdesk.core.packs._model import InstalledPack, InstallResult, LessonInfo
from hubdesk.core.packs._names import check_member_name
from hubdesk.core.packs._signing import fingerprint, read_public_key
from hubdesk.core.paths import DataDir
from hubdesk.core.quizzes import MasteryRule, Quiz
from hubdesk.core.render import RenderedLesson, render_markdown
from hubdesk.core.store import Store
from hubdesk.errors import NotFound, PackError

log = logging.getLogger(__name__)
Listener = Callable[[str, str], None]
USB_FOLDER = ("HUBDESK", "packs")
DEFAULT_USB_ROOTS = ("/media/*/*", "/run/media/*/*", "/mnt/*")
REQUIRE_SIGNED_KEY = "packs.require_signed"
MAX_BYTES_KEY = "packs.max_bytes"


class Packs:
    def __init__(self, store: Store, dirs: DataDir) -> None:
        self.store = store
        self.dirs = dirs
        self._listeners: list[Listener] = []
        self._manifests: dict[tuple[str, str], Manifest] = {}
        self._rendered: dict[tuple[str, str, str], RenderedLesson] = {}
        # Another process installing holds the lock; it reconciles itself, so opening never waits for it.
        with _install.install_lock(self.dirs.root, wait=False) as locked:
            if locked:
                _install.reconcile(self.store, self.dirs.packs, self.dirs.staging)

    # -- listeners ----------------------------------------------------------------------------
    def add_listener(self, fn: Listener) -> None:
        self._listeners.append(fn)

    def _notify(self, pack_id: str, change: str) -> None:
        for fn in list(self._listeners):
            try:
                fn(pack_id, change)
            except Exception:  # a broken listener must not undo an install that is done
                log.exception("pack listener failed for %s %s", pack_id, change)

    # -- settings -----------------------------------------------------------------------------
    @property
    def require_signed(self) -> bool:
        return self.store.meta_get(REQUIRE_SIGNED_KEY) == "1"

    def set_require_signed(self, on: bool) -> None:
        self.store.meta_set(REQUIRE_SIGNED_KEY, "1" if on else "0")

    @property
    def max_bytes(self) -> int:
        value = self.store.meta_get(MAX_BYTES_KEY)
        return int(value) if value and value.isdigit() else DEFAULT_MAX_BYTES

    def set_max_bytes(self, n: int) -> None:
        self.store.meta_set(MAX_BYTES_KEY, str(int(n)))

    def trusted_keys(self) -> frozenset[str]:
        return frozenset(r[0] for r in self.store.query("SELECT key FROM pack_trusted_keys"))

    def trust(self, public_key: Path | str, label: str = "") -> str:
        """Trust a publisher key (a ``.pub`` file or its base64 text); returns its fingerprint."""
        key = read_public_key(public_key)
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO pack_trusted_keys (key, fingerprint, label, added_at) VALUES (?, ?, ?, ?)",
                (key, fingerprint(key), label, datetime.now(UTC).isoformat(timespec="seconds")),
            )
        return fingerprint(key)

    def untrust(self, public_key: Path | str) -> None:
        key = read_public_key(public_key)
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM pack_trusted_keys WHERE key = ?", (key,))

    # -- reading ------------------------------------------------------------------------------
    def list(self) -> list[InstalledPack]:
        trusted = self.trusted_keys()
        rows = self.store.query("SELECT * FROM packs ORDER BY title COLLATE NOCASE, id")
        return [self._from_row(r, trusted) for r in rows]

    def get(self, pack_id: str) -> InstalledPack:
        rows = self.store.query("SELECT * FROM packs WHERE id = ?", (pack_id,))
        if not rows:
            raise NotFound(f"No pack {pack_id!r} is installed; see: hubdesk pack list.")
        return self._from_row(rows[0], self.trusted_keys())

    def _from_row(self, row: Any, trusted: frozenset[str]) -> InstalledPack:
        m = self._manifest(row["id"], row["dir"], row["manifest"])
        return InstalledPack(
            id=m.id,
            version=m.version,
            title=m.title,
            description=m.description,
            language=m.language,
            licence=m.licence,
            authors=m.authors,
            source=m.source,
            signed_by=row["signed_by"],
            verified=row["signed_by"] is not None and row["signed_by"] in trusted,
            lessons=tuple(LessonInfo(le.id, le.title, le.path, le.quiz, le.minutes) for le in m.lessons),
            installed_at=row["installed_at"],
        )

    def _manifest(self, pack_id: str, live_dir: str, text: str) -> Manifest:
        key = (pack_id, live_dir)
        m = self._manifests.get(key)
        if m is None:
            m = self._manifests[key] = Manifest.from_bytes(text.encode())
        return m

    def pack_root(self, pack_id: str) -> Path:
        rows = self.store.query("SELECT dir FROM packs WHERE id = ?", (pack_id,))
        if not rows:
            raise NotFound(f"No pack {pack_id!r} is installed; see: hubdesk pack list.")
        return self.dirs.packs / pack_id / str(rows[0]["dir"])

    def _lesson(self, pack_id: str, lesson_id: str) -> LessonInfo:
        lesson = self.get(pack_id).lesson(lesson_id)
        if lesson is None:
            raise NotFound(f"Pack {pack_id!r} has no lesson {lesson_id!r}.")
        return lesson

    def asset_path(self, pack_id: str, rel: str) -> Path:
        """The file ``rel`` of a pack; never a path outside the pack, whatever ``rel`` holds."""
        root = self.pack_root(pack_id)
        try:
            check_member_name(rel)
        except PackError:
            raise NotFound(f"Pack {pack_id!r} has no file {rel!r}.") from None
        path = root / rel
        if rel in (MANIFEST_NAME, SIGNATURE_NAME) or not path.is_file() or path.is_symlink():
            raise NotFound(f"Pack {pack_id!r} has no file {rel!r}.")
        return path

    def read_lesson(self, pack_id: str, lesson_id: str) -> str:
        lesson = self._lesson(pack_id, lesson_id)
        return self.asset_path(pack_id, lesson.path).read_text(encoding="utf-8", errors="replace")

    def render_lesson(self, pack_id: str, lesson_id: str) -> RenderedLesson:
        pack = self.get(pack_id)
        key = (pack_id, pack.version + pack.installed_at, lesson_id)
        cached = self._rendered.get(key)
        if cached is not None:
            return cached
        lesson = self._lesson(pack_id, lesson_id)
        links = {le.path: le.id for le in pack.lessons}
        rendered = render_markdown(self.read_lesson(pack_id, lesson_id), path=lesson.path, lesson_links=links)
        if not rendered.title:
            rendered = RenderedLesson(lesson.title, rendered.html, rendered.text, rendered.headings)
        if len(self._rendered) > 64:
            self._rendered.clear()
        self._rendered[key] = rendered
        return rendered

    def quiz(self, pack_id: str, lesson_id: str) -> dict[str, Any] | None:
        lesson = self._lesson(pack_id, lesson_id)
        if lesson.quiz_path is None:
            return None
        data = json.loads(self.asset_path(pack_id, lesson.quiz_path).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise PackError(f"The quiz of lesson {lesson_id!r} in pack {pack_id!r} is damaged.")
        return data

    def mastery_rule(self, pack_id: str, lesson_id: str) -> MasteryRule:
        """The one mastery rule of a lesson's quiz: the quiz's own, else the pack manifest's, else the default.

        Resolved here, once, so the quiz screen, progress and reports cannot disagree about it.
        """
        rows = self.store.query("SELECT id, dir, manifest FROM packs WHERE id = ?", (pack_id,))
        if not rows:
            raise NotFound(f"No pack {pack_id!r} is installed; see: hubdesk pack list.")
        manifest = self._manifest(rows[0]["id"], rows[0]["dir"], rows[0]["manifest"])
        pack_rule = MasteryRule.from_dict(manifest.mastery, f"Pack {pack_id!r}") if manifest.mastery else None
        raw = self.quiz(pack_id, lesson_id)
        quiz_rule = Quiz.from_dict(raw).mastery if raw is not None else None
        return quiz_rule or pack_rule or MasteryRule()

    # -- changing -----------------------------------------------------------------------------
    def verify(
        self, path: Path, *, progress: Progress | None = None, cancel: threading.Event | None = None
    ) -> CheckedPack:
        return verify_pack(
            Path(path), trusted=self.trusted_keys(), max_bytes=self.max_bytes, progress=progress, cancel=cancel
        )

    def install(
        self,
        path: Path | str,
        *,
        trust: Path | str | None = None,
        force: bool = False,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> InstallResult:
        """Verify while copying, then switch the library to the new pack in one step (see ``_install``)."""
        trusted = self.trusted_keys()
        if trust is not None:
            trusted = trusted | {read_public_key(trust)}
        with _install.install_lock(self.dirs.root):
            _install.reconcile(self.store, self.dirs.packs, self.dirs.staging)
            source = self._delta_source(Path(path)) if _delta.is_delta(Path(path)) else None
            result = _install.install(
                self.store,
                self.dirs.packs,
                self.dirs.staging,
                Path(path),
                trusted=trusted,
                require_signed=self.require_signed,
                max_bytes=self.max_bytes,
                force=force,
                progress=progress,
                cancel=cancel,
                source=source,
            )
        if trust is not None and result.verified:
            self.trust(trust)
        if result.changed:
            self._rendered.clear()
            self._notify(result.pack_id, "installed" if result.action == "installed" else "upgraded")
        return result

    def _delta_source(self, path: Path) -> _delta.DeltaSource:
        """A delta read over the installed base it names; refused (nothing changed) if that base is not here."""
        info = _delta.read_info(path)
        rows = self.store.query("SELECT version, dir, manifest FROM packs WHERE id = ?", (info.id,))
        if not rows or rows[0]["version"] != info.base_version:
            have = f"version {rows[0]['version']}" if rows else "no version"
            raise PackError(
                f"{path.name} updates {info.id} {info.base_version}, but this computer has {have} of it; "
                "install the whole pack instead."
            )
        base_root = self.dirs.packs / info.id / str(rows[0]["dir"])
        return _delta.DeltaSource(path, base_root, str(rows[0]["manifest"]).encode())

    def remove(self, pack_id: str) -> None:
        with _install.install_lock(self.dirs.root):
            self.pack_root(pack_id)  # NotFound if it is not installed
            with self.store.transaction() as conn:
                conn.execute("DELETE FROM packs WHERE id = ?", (pack_id,))
            _install.reconcile(self.store, self.dirs.packs, self.dirs.staging)
        self._rendered.clear()
        self._notify(pack_id, "removed")

    def export(self, ids: builtins.list[str], to_dir: Path | str) -> builtins.list[Path]:
        """Write each pack as ``DIR/HUBDESK/packs/<id>-<version>.hubpack``, the layout a HubDesk finds on a stick."""
        out_dir = Path(to_dir).joinpath(*USB_FOLDER)
        packs = [self.get(pid) for pid in ids]
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PackError(f"{out_dir} cannot be made: {(exc.strerror or str(exc)).lower()}.") from None
        written: builtins.list[Path] = []
        for pack in packs:
            root = self.pack_root(pack.id)
            manifest_bytes = (root / MANIFEST_NAME).read_bytes()
            sig = root / SIGNATURE_NAME
            manifest = Manifest.from_bytes(manifest_bytes)
            target = out_dir / f"{pack.id}-{pack.version}.hubpack"
            self._write_export(
                target,
                manifest_bytes,
                sig.read_bytes() if sig.is_file() else None,
                [(f.path, root / f.path) for f in manifest.files],
            )
            written.append(target)
        return written

    @staticmethod
    def _write_export(
        target: Path, manifest: bytes, signature: bytes | None, files: builtins.list[tuple[str, Path]]
    ) -> None:
        try:
            write_pack_zip(target, manifest, signature, files)
        except OSError as exc:
            why = "the drive is full" if exc.errno == 28 else (exc.strerror or str(exc)).lower()
            raise PackError(f"Writing {target.name} to {target.parent} failed: {why}.") from None

    @staticmethod
    def find_usb_packs(mount_roots: builtins.list[Path] | None = None) -> builtins.list[Path]:
        """Packs on mounted drives: ``.hubpack`` files and pack folders under ``<drive>/HUBDESK/packs/``."""
        if mount_roots is None:
            mount_roots = [Path(p) for pattern in DEFAULT_USB_ROOTS for p in sorted(glob.glob(pattern))]
        found: builtins.list[Path] = []
        for root in mount_roots:
            folder = Path(root).joinpath(*USB_FOLDER)
            try:
                children = sorted(folder.iterdir())
            except OSError:
                continue
            for child in children:
                if child.name.startswith("."):
                    continue
                if (child.suffix == ".hubpack" and child.is_file()) or (child / MANIFEST_NAME).is_file():
                    found.append(child)
        return found
