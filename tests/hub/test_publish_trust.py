"""``hub publish`` vouches for what centres will install: untrusted or unsigned packs need the
operator to say so (``--trust KEY.pub``, ``--allow-unsigned``), and the choice is recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from hubdesk.cli import main
from hubdesk.core.installation import Installation
from hubdesk.core.packs import build_pack, keygen
from hubdesk.hub import published
from tests.core.packs_util import make_source


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data), *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def _pack(tmp: Path, version: str, key: Path | None = None) -> Path:
    src = make_source(tmp / f"src-{version}", version=version)
    return build_pack(src, tmp / f"demo-{version}{'-signed' if key else ''}.hubpack", sign_key=key).path


def _state(hub: Path) -> tuple[list[str], list[dict[str, object]]]:
    inst = Installation(hub)
    try:
        names = [f"{p.id} {p.version}" for p in published.published(inst, latest_only=False)]
        return names, published.publications(inst)
    finally:
        inst.close()


def test_publish_needs_a_trusted_signature_or_the_operators_word(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hub = tmp_path / "hub"
    key, pub = keygen(tmp_path / "publisher")
    _other, other_pub = keygen(tmp_path / "someone")
    unsigned, signed, signed2 = _pack(tmp_path, "1.0.0"), _pack(tmp_path, "1.1.0", key), _pack(tmp_path, "1.2.0", key)

    rc, out = run(capsys, hub, "hub", "publish", str(unsigned))
    assert rc != 0 and "is not signed" in out and "--allow-unsigned" in out and len(out.strip().splitlines()) == 1
    rc, out = run(capsys, hub, "hub", "publish", str(unsigned), "--trust", str(pub))
    assert rc != 0 and "not signed" in out
    rc, out = run(capsys, hub, "hub", "publish", str(signed))
    assert rc != 0 and "does not trust" in out and "--trust KEY.pub" in out
    rc, out = run(capsys, hub, "hub", "publish", str(signed), "--trust", str(other_pub))
    assert rc != 0 and "not by the key given" in out
    assert _state(hub) == ([], [])  # nothing published, nothing recorded, nothing trusted

    rc, out = run(capsys, hub, "hub", "publish", str(unsigned), "--allow-unsigned")
    assert rc == 0 and "--allow-unsigned" in out
    rc, out = run(capsys, hub, "hub", "publish", str(signed), "--trust", str(pub))
    assert rc == 0 and "trusted from now on" in out
    rc, out = run(capsys, hub, "hub", "publish", str(signed2))  # the key is trusted now
    assert rc == 0 and "signed by trusted key" in out
    names, log = _state(hub)
    assert names == ["demo 1.0.0", "demo 1.1.0", "demo 1.2.0"]
    signed_versions = [(r["version"], r["signer"] is not None) for r in log]
    assert signed_versions == [("1.0.0", False), ("1.1.0", True), ("1.2.0", True)]
    assert "--allow-unsigned" in str(log[0]["choice"]) and "--trust" in str(log[1]["choice"])
