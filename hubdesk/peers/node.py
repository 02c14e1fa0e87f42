"""A running peer: the endpoint, a sync loop for every group this PC is in, discovery and presence.

``hubdesk peer serve`` runs one headless; the learner app runs one in the background. The loop is a
short poll: every :attr:`PeerNode.poll_s` it asks each known peer of each group for its vector
(one small sealed request) and runs the full exchange only when either side has news. Polling the
*database*, not just this process's events, matters: a CLI command on the same data folder writes
to the shared SQLite file, and the running peer must carry those edits out too. An edit made in
this process wakes the loop at once.

Where peers come from: the ``--peer`` address given at join time, the address a peer reports when
it calls us (so the side that was joined learns the joiner's endpoint), zeroconf, and "connect to
address". A peer that does not answer is retried with a growing pause, so one PC that went home
does not slow the group down.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from dataclasses import dataclass, field

import uvicorn

from hubdesk.core.events import Event
from hubdesk.core.groups import Member
from hubdesk.core.installation import Installation
from hubdesk.errors import HubDeskError, NetworkUnavailable
from hubdesk.peers.centre_link import NotAPC, client_for
from hubdesk.peers.client import LISTEN_META, PeerClient, WrongCode, http_client
from hubdesk.peers.discovery import Discovery, Nearby
from hubdesk.peers.presence import Presence
from hubdesk.peers.server import PeerServer, RateLimit
from hubdesk.sync import serving

log = logging.getLogger(__name__)

POLL_S = 0.25
CENTRE_POLL_S = 0.75  # the centre's other PCs: a learner added on one can sign in on the next within ~1 s
BACKOFF_MAX_S = 5.0
NOT_MEMBER_RETRY_S = 60.0


@dataclass
class _Backoff:
    until: float = 0.0
    delay: float = 0.0


@dataclass
class PeerNode:
    inst: Installation
    host: str = "0.0.0.0"
    port: int = 0
    poll_s: float = POLL_S
    discover: bool = True
    interfaces: list[str] | None = None
    name: str = field(default_factory=socket.gethostname)
    rate: float = 100.0  # requests a second per caller address, bursts of 3x
    centre_poll_s: float = CENTRE_POLL_S

    def __post_init__(self) -> None:
        self.presence = Presence()
        self.server = PeerServer(
            self.inst,
            self.presence,
            port=lambda: self.port or None,
            on_peer=self._on_peer,
            rate=RateLimit(rate=self.rate, burst=3 * self.rate),
        )
        self.discovery: Discovery | None = None
        self._candidates: set[str] = set()
        self._not_member: dict[tuple[str, str], float] = {}
        self._backoff: dict[str, _Backoff] = {}
        self._centre_candidates: dict[str, str] = {}  # device -> address, from discovery
        self._centre_greeted: set[str] = set()
        self._centre_due = 0.0
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._threads: list[threading.Thread] = []
        self._uvicorn: uvicorn.Server | None = None
        self._sock: socket.socket | None = None
        self._advertised = ""
        self._http = http_client(3.0)
        self._signed_in: set[str] = set()
        self.inst.log.subscribe(self._local_events)

    # -- who sits at this PC ------------------------------------------------------------------
    def sign_in(self, learner_id: str) -> None:
        """A learner signed in at this PC (the app's group panel says so): shown online to their groups."""
        self._signed_in.add(learner_id)
        self._wake.set()

    def sign_out(self, learner_id: str) -> None:
        self._signed_in.discard(learner_id)
        self._wake.set()

    def _present(self, group_id: str) -> tuple[str, ...]:
        signed_in = set(self._signed_in)
        if not signed_in:
            return ()
        return tuple(sorted(m.learner_id for m in self.inst.groups.members(group_id) if m.learner_id in signed_in))

    # -- life cycle ---------------------------------------------------------------------------
    def bind(self) -> int:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Accepted sockets inherit this. asyncio sets it only for sockets made with proto=IPPROTO_TCP,
        # and without it every reply waits ~40 ms on Nagle + delayed ACK: a live edit would lag.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            sock.bind((self.host, self.port))
            sock.listen(128)
        except OSError as exc:
            sock.close()
            raise NetworkUnavailable(
                f"Cannot listen on {self.host}:{self.port} ({exc.strerror or exc}). "
                "Another program may use that port: choose another with --port."
            ) from exc
        self._sock = sock
        self.port = sock.getsockname()[1]
        advertised = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host
        self._advertised = f"{advertised}:{self.port}"
        self.inst.store.meta_set(LISTEN_META, self._advertised)
        # slow or half-sent requests are dropped; past 256 open connections the longest-waiting goes
        config = serving.config(self.server.app, serving.Limits(max_connections=256))
        self._uvicorn = uvicorn.Server(config)
        return self.port

    def _start_background(self) -> None:
        loop = threading.Thread(target=self._sync_loop, name="hubdesk-peer-sync", daemon=True)
        loop.start()
        self._threads.append(loop)
        if self.discover:
            try:
                self.discovery = Discovery(
                    self.inst.device_id,
                    self.name,
                    self.port,
                    host=self.host,
                    interfaces=self.interfaces,
                    on_found=self._on_found,
                )
                self.discovery.start()
            except (OSError, HubDeskError) as exc:  # multicast blocked: "connect to address" still works
                log.warning("peer discovery is off: %s", exc)
                self.discovery = None

    def start(self) -> int:
        """Serve and sync in background threads (the app, tests, benchmarks); return the port."""
        port = self.bind()
        assert self._uvicorn is not None and self._sock is not None
        server, sock = self._uvicorn, self._sock
        web = threading.Thread(target=lambda: server.run(sockets=[sock]), name="hubdesk-peer-http", daemon=True)
        web.start()
        self._threads.append(web)
        while not server.started and web.is_alive():
            time.sleep(0.01)
        self._start_background()
        return port

    def serve_forever(self) -> None:
        """Serve in this thread until interrupted (``hubdesk peer serve``: uvicorn handles the signals)."""
        if self._uvicorn is None:
            self.bind()
        assert self._uvicorn is not None and self._sock is not None
        self._start_background()
        try:
            self._uvicorn.run(sockets=[self._sock])
        finally:
            self.stop()

    def stop(self) -> None:
        self.inst.log.unsubscribe(self._local_events)
        self._stop.set()
        self._wake.set()
        if self._uvicorn is not None:
            self._uvicorn.should_exit = True
        for t in self._threads:
            if t is not threading.current_thread():
                t.join(timeout=5)
        self._threads.clear()
        if self.discovery is not None:
            self.discovery.close()
            self.discovery = None
        if self._sock is not None:
            self._sock.close()
        self._http.close()
        try:
            if self.inst.store.meta_get(LISTEN_META) == self._advertised:
                self.inst.store.meta_set(LISTEN_META, "")
        except Exception:  # the database may already be closed on the way out
            pass

    # -- peers --------------------------------------------------------------------------------
    def connect(self, address: str) -> None:
        """ "Connect to address": try this host:port for every group (when multicast is blocked)."""
        self._candidates.add(address)
        self._wake.set()

    def nearby(self) -> list[Nearby]:
        return self.discovery.nearby() if self.discovery else []

    def _on_found(self, found: Nearby) -> None:
        self._centre_candidates[found.device_id] = found.address
        self.connect(found.address)

    def _on_peer(self, group_id: str, address: str, _device: str | None) -> None:
        # it just proved it holds the group's key: a 401 we got from it earlier (it had not kept the
        # key yet when we first called back) no longer holds
        self._not_member.pop((group_id, address), None)
        self._wake.set()

    def _local_events(self, events: list[Event]) -> None:
        if any(ev.scope != "private" for ev in events):
            self._centre_due = 0.0
            self._wake.set()

    def online_members(self, group_id: str) -> list[Member]:
        """Members signed in now at this PC or at a PC of the group that is online."""
        learners = self.presence.signed_in(group_id) | self._signed_in
        return [m for m in self.inst.groups.members(group_id) if m.learner_id in learners]

    # -- the loop -----------------------------------------------------------------------------
    def _sync_loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.sync_once()
            except Exception:  # a damaged row or a closed database must not end the loop quietly
                if self._stop.is_set() or self.inst.store.closed:  # stopping: its store closed under a round
                    log.debug("peer sync round ended: the node stops", exc_info=True)
                    return
                log.exception("peer sync round failed")
            self._wake.wait(self.poll_s)
            self._wake.clear()

    def sync_once(self) -> int:
        """One round over the centre's other PCs, every group and peer; return how many events came in."""
        pulled = 0
        if time.monotonic() >= self._centre_due:
            self._centre_due = time.monotonic() + self.centre_poll_s
            pulled += self.sync_centre()
        for group_id in self.inst.groups.ids():
            self.inst.groups.adopt_epochs(group_id)  # a newer key may have come by hub or USB
            key = self.inst.groups.key(group_id)
            if key is None:
                continue
            known = {addr: dev for addr, dev in self.inst.groups.peers(group_id)}
            present = self._present(group_id)
            for address in list(known) + sorted(self._candidates - set(known)):
                if self._stop.is_set():
                    return pulled
                pulled += self._sync_with(group_id, key, address, known.get(address), present)
        return pulled

    def sync_centre(self) -> int:
        """Exchange the centre's events with each of its other PCs this PC can reach."""
        centre = self.inst.centre
        if not centre.is_named or centre.is_retired():
            return 0
        pulled = 0
        known = dict(centre.peers())
        current = centre.pc_ids()
        extra = {d: a for d, a in self._centre_candidates.items() if d not in known and d in current}
        for device, address in [*known.items(), *extra.items()]:
            if self._stop.is_set():
                break
            pulled += self._sync_pc(device, address)
        return pulled

    def _sync_pc(self, device: str, address: str) -> int:
        now = time.monotonic()
        backoff = self._backoff.setdefault("pc:" + address, _Backoff())
        if backoff.until > now:
            return 0
        try:
            client = client_for(self.inst, device, address, self._http, self.port or None)
            if device not in self._centre_greeted:
                client.hello()  # tells it where we listen; learns the other PCs' addresses
                self._centre_greeted.add(device)
            result = client.sync_if_changed()
        except (NotAPC, HubDeskError) as exc:
            backoff.delay = min(BACKOFF_MAX_S, max(0.5, backoff.delay * 2))
            backoff.until = now + backoff.delay
            log.debug("centre PC %s at %s: %s", device, address, exc)
            return 0
        backoff.delay, backoff.until = 0.0, 0.0
        return result.pulled if result else 0

    def _catch_up(self, client: PeerClient) -> bool:
        try:
            return client.catch_up_epoch()
        except HubDeskError:
            return False

    def _sync_with(
        self, group_id: str, key: bytes, address: str, device: str | None, present: tuple[str, ...] = ()
    ) -> int:
        now = time.monotonic()
        backoff = self._backoff.setdefault(address, _Backoff())
        if backoff.until > now or self._not_member.get((group_id, address), 0) > now:
            return 0
        client = PeerClient(self.inst, address, group_id, key, self._http, self.port or None, present)
        try:
            if not device:
                hello = client.hello()
                device = str(hello["device"])
                if device == self.inst.device_id:
                    self._not_member[(group_id, address)] = now + NOT_MEMBER_RETRY_S * 1000
                    return 0
                self.inst.groups.add_peer(group_id, address, device)
            result = client.sync_if_changed()
        except WrongCode:
            if self._catch_up(client):
                self._wake.set()
            else:
                self._not_member[(group_id, address)] = now + NOT_MEMBER_RETRY_S
                if device:  # so its next sealed request to us counts as "just came online" (_on_peer)
                    self.presence.forget(group_id, device)
            return 0
        except HubDeskError as exc:
            backoff.delay = min(BACKOFF_MAX_S, max(0.25, backoff.delay * 2))
            backoff.until = now + backoff.delay
            log.debug("peer %s: %s", address, exc)
            return 0
        backoff.delay, backoff.until = 0.0, 0.0
        if device:
            self.presence.heartbeat(group_id, device, address)
        return result.pulled if result else 0
