"""Finding other HubDesks on the LAN with zeroconf (mDNS/DNS-SD, ``_hubdesk._tcp.local.``).

Each running peer endpoint announces its device id, a display name and its port; a browser keeps
the list of HubDesks nearby. The announcement says nothing about groups: which of the nearby PCs
share a group with us is found by a sealed ``hello`` per group (see :mod:`hubdesk.peers.node`), so a
stranger on the network learns no more than "a HubDesk is here".

Multicast is often blocked on centre routers; then "connect to address" (a ``host:port`` typed in)
does the same job, and discovery is only a convenience.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from zeroconf import IPVersion, ServiceBrowser, ServiceInfo, ServiceStateChange, Zeroconf

log = logging.getLogger(__name__)

SERVICE_TYPE = "_hubdesk._tcp.local."
NAME_MAX = 60


@dataclass(frozen=True)
class Nearby:
    device_id: str
    name: str
    address: str  # host:port


def _text(props: dict[bytes, bytes | None], key: bytes, limit: int) -> str:
    value = props.get(key) or b""
    return value.decode("utf-8", "replace")[:limit]


def _local_addresses() -> list[str]:
    """IPv4 addresses to announce when listening on every interface."""
    found: set[str] = set()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(str(info[4][0]))
    except OSError:
        pass
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # no packet is sent: this only asks which interface routes out
        found.add(probe.getsockname()[0])
    except OSError:
        pass
    finally:
        probe.close()
    return sorted(found - {"0.0.0.0"}) or ["127.0.0.1"]


class Discovery:
    """Announce this peer and browse for others. ``interfaces=["127.0.0.1"]`` keeps tests on loopback."""

    def __init__(
        self,
        device_id: str,
        name: str,
        port: int,
        *,
        host: str = "0.0.0.0",
        interfaces: Sequence[str] | None = None,
        on_found: Callable[[Nearby], None] | None = None,
        announce: bool = True,
    ) -> None:
        self.announce = announce
        self.device_id = device_id
        self.name = name[:NAME_MAX]
        self.port = port
        self.addresses = [host] if host not in ("0.0.0.0", "", "::") else _local_addresses()
        self.interfaces = list(interfaces) if interfaces is not None else None
        self.on_found = on_found
        self._nearby: dict[str, Nearby] = {}
        self._lock = threading.Lock()
        self._zc: Zeroconf | None = None
        self._browser: ServiceBrowser | None = None

    def start(self) -> None:
        if self.interfaces is not None:
            zc = Zeroconf(interfaces=self.interfaces, ip_version=IPVersion.V4Only)
        else:
            zc = Zeroconf(ip_version=IPVersion.V4Only)
        info = ServiceInfo(
            SERVICE_TYPE,
            f"{self.device_id}.{SERVICE_TYPE}",
            addresses=[socket.inet_aton(a) for a in self.addresses],
            port=self.port,
            properties={"device": self.device_id, "name": self.name},
        )
        if self.announce:
            zc.register_service(info)
        self._zc = zc
        self._browser = ServiceBrowser(zc, SERVICE_TYPE, handlers=[self._changed])

    def _changed(self, zeroconf: Zeroconf, service_type: str, name: str, state_change: ServiceStateChange) -> None:
        if state_change is ServiceStateChange.Removed:
            with self._lock:
                self._nearby.pop(name, None)
            return
        info = zeroconf.get_service_info(service_type, name, timeout=2000)
        if info is None or not info.port:
            return
        props = info.properties or {}
        device = _text(props, b"device", 64)
        addresses = info.parsed_addresses(IPVersion.V4Only)
        if not device or device == self.device_id or not addresses:
            return
        found = Nearby(device, _text(props, b"name", NAME_MAX) or device, f"{addresses[0]}:{info.port}")
        with self._lock:
            self._nearby[name] = found
        if self.on_found:
            try:
                self.on_found(found)
            except Exception:
                log.exception("handling a discovered peer failed")

    def nearby(self) -> list[Nearby]:
        with self._lock:
            return sorted(self._nearby.values(), key=lambda n: (n.name.casefold(), n.device_id))

    def close(self) -> None:
        if self._browser is not None:
            self._browser.cancel()
        if self._zc is not None:
            self._zc.unregister_all_services()
            self._zc.close()
        self._zc = None
        self._browser = None
