"""``hub serve --tls-cert --tls-key``: a real hub process over HTTPS with a self-signed certificate."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from hubdesk.core.events import CENTRE
from hubdesk.core.installation import Installation
from hubdesk.sync.enrolment import issue_code
from hubdesk.sync.http import HubClient, sync_now
from hubdesk.sync.state import SyncState
from tests.hub.hub_process import HubProcess


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1, signed by its own key (what a hub without a CA would use)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "hubdesk test hub")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "hub.crt", folder / "hub.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


def test_hub_serves_https_and_a_centre_syncs_over_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cert, key = self_signed(tmp_path)
    hub_inst = Installation(tmp_path / "hub")
    SyncState(hub_inst.store).become_hub()
    code = issue_code(SyncState(hub_inst.store), hub_inst.identity)
    hub_inst.close()
    trust = ssl.create_default_context(cafile=str(cert))
    hub = HubProcess(tmp_path / "hub", "--tls-cert", str(cert), "--tls-key", str(key), scheme="https")
    hub.start(verify=trust)
    centre = Installation(tmp_path / "centre")
    try:
        assert "listening on https://" in hub.log()
        with pytest.raises(httpx.TransportError):  # plain HTTP to the TLS port gets nowhere
            httpx.get(hub.url.replace("https://", "http://") + "/enrol", timeout=3)
        with pytest.raises(httpx.ConnectError):  # nor does a client that does not trust the certificate
            httpx.get(hub.url + "/enrol", timeout=3)
        monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # how a centre trusts a hub's own certificate
        with HubClient.for_enrolment(centre, hub.url) as client:
            client.enrol(code)
        centre.log.append("test.done", {"n": 1}, scope=CENTRE)
        assert sync_now(centre, packs=False).pushed == 1
    finally:
        centre.close()
        hub.stop()
    assert "Traceback" not in hub.log()


def test_tls_files_that_do_not_load_are_one_sentence(tmp_path: Path) -> None:
    cert, key = self_signed(tmp_path)
    (tmp_path / "other").mkdir()
    _, other_key = self_signed(tmp_path / "other")  # a key that is not the certificate's
    cases = [
        (["--tls-cert", str(cert)], "needs both --tls-cert and --tls-key"),
        (["--tls-cert", str(cert), "--tls-key", str(tmp_path / "missing.key")], "is not there"),
        (["--tls-cert", str(cert), "--tls-key", str(other_key)], "do not load together"),
        (["--tls-cert", str(key), "--tls-key", str(key)], "do not load together"),
    ]
    for extra, words in cases:
        done = subprocess.run(
            [sys.executable, "-m", "hubdesk", "--data-dir", str(tmp_path / "h"), "hub", "serve", "--port", "0", *extra],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode != 0 and words in done.stderr, (extra, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
