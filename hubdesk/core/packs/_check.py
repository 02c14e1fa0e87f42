"""Deciding whether a pack may be installed, before a byte of it is copied.

The manifest is parsed strictly, the signature checked against its exact bytes, the names the
source holds compared with the names the manifest lists (an extra file could be anything), and the
total compared with the configured limit, so a zip bomb is refused before it inflates.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hubdesk.core import safe_json
from hubdesk.core.packs._copy import Copier, Progress
from hubdesk.core.packs._manifest import Manifest
from hubdesk.core.packs._signing import Signature, check_signature, fingerprint
from hubdesk.core.packs._source import PackSource, open_source, read_manifest_bytes
from hubdesk.errors import PackError

DEFAULT_MAX_BYTES = 16 * 1024**3


@dataclass(frozen=True)
class CheckedPack:
    manifest: Manifest
    manifest_bytes: bytes
    signature_bytes: bytes | None
    signed_by: str | None  # base64 public key of a valid signature
    verified: bool  # signed by a key this installation trusts

    @property
    def signer_fingerprint(self) -> str | None:
        return fingerprint(self.signed_by) if self.signed_by else None


def check_source(
    source: PackSource,
    *,
    trusted: frozenset[str] = frozenset(),
    require_signed: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> CheckedPack:
    manifest_bytes, sig_bytes = read_manifest_bytes(source)
    manifest = Manifest.from_bytes(manifest_bytes)
    signed_by = None
    if sig_bytes is not None:
        signature = Signature.from_bytes(sig_bytes)
        check_signature(signature, manifest_bytes)
        signed_by = signature.key
    verified = signed_by is not None and signed_by in trusted
    if require_signed and not verified:
        if signed_by is None:
            raise PackError(f"Pack {manifest.id!r} is not signed, and this installation only accepts signed packs.")
        raise PackError(
            f"Pack {manifest.id!r} is signed by key {fingerprint(signed_by)}, which this installation does not "
            "trust; trust it with: hubdesk pack trust KEY.pub"
        )
    total = manifest.total_size
    if total > max_bytes:
        raise PackError(
            f"Pack {manifest.id!r} would take {_mb(total)}, more than the {_mb(max_bytes)} this installation allows."
        )
    present = set(source.names())
    listed = {f.path for f in manifest.files}
    extra = sorted(present - listed)
    if extra:
        raise PackError(f"The pack holds {extra[0]!r}, which its manifest does not list.")
    missing = sorted(listed - present)
    if missing:
        raise PackError(f"The pack lacks {missing[0]!r}, which its manifest lists; it is incomplete.")
    return CheckedPack(manifest, manifest_bytes, sig_bytes, signed_by, verified)


def check_signer(path: Path, *, trusted: frozenset[str] = frozenset()) -> CheckedPack:
    """The manifest and who signed it (the signature checked against it), without reading the files:
    what a hub decides on before it publishes a pack."""
    source = open_source(Path(path))
    try:
        return check_source(source, trusted=trusted, max_bytes=2**63)
    finally:
        source.close()


def check_quizzes(manifest: Manifest, read: Callable[[str], bytes | None]) -> None:
    """Parse every lesson's quiz (``read(path)``: its verified bytes) as the app will when a learner
    opens it: a quiz that does not parse refuses the pack now, naming the file, not in front of a learner."""
    from hubdesk.core.quizzes import Quiz, QuizError

    for lesson in manifest.lessons:
        if lesson.quiz is None:
            continue
        where = f"The quiz {lesson.quiz} (lesson {lesson.id!r})"
        try:
            raw = read(lesson.quiz)
            if raw is None:
                raise PackError(f"{where} cannot be read; the pack was not installed.")
            data = safe_json.loads(raw)
            if not isinstance(data, dict):
                raise QuizError(f"{where} is not a quiz: it holds no title and questions.")
            Quiz.from_dict(data, name=where)
        except safe_json.UnsafeJSON as exc:
            raise PackError(f"{where} is not readable JSON ({exc}); the pack was not installed.") from None
        except QuizError as exc:
            raise PackError(f"{exc} The pack was not installed.") from None


def verify_pack(
    path: Path,
    *,
    trusted: frozenset[str] = frozenset(),
    require_signed: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> CheckedPack:
    """Check a whole pack (every byte against the manifest) without installing it."""
    source = open_source(Path(path))
    try:
        checked = check_source(source, trusted=trusted, require_signed=require_signed, max_bytes=max_bytes)
        Copier(source, checked.manifest, None, progress=progress, cancel=cancel).run()
        sizes = {f.path: f.size for f in checked.manifest.files}
        check_quizzes(checked.manifest, lambda name: source.read_small(name, sizes.get(name, 0)))
        return checked
    finally:
        source.close()


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:,.0f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"
