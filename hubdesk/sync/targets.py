"""The scheduler's targets for one installation: the hub over HTTP and the Syncthing peers.

Kept apart from the scheduler so that it stays a small, testable timing machine, and apart from
the transports so that each stays usable on its own (``hubdesk sync now``, ``sync export``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Literal
from urllib.parse import urlsplit

import httpx

from hubdesk.core.installation import Installation
from hubdesk.errors import NetworkUnavailable
from hubdesk.sync.http import sync_now
from hubdesk.sync.scheduler import (
    PRIORITY_EVENTS,
    PRIORITY_PACKS,
    Listener,
    Scheduler,
    SchedulerStatus,
    Step,
    Target,
    Wake,
)
from hubdesk.sync.service import sync_state
from hubdesk.sync.status import pending_events
from hubdesk.sync.syncthing import SyncthingError, SyncthingUnavailable
from hubdesk.sync.syncthing_transport import PAIRINGS_KEY, SyncthingTransport, configured, open_client


def hub_url(inst: Installation) -> str | None:
    """The hub's HTTP address, if this centre enrolled online (else it syncs by bundles only)."""
    state = sync_state(inst)
    hub = state.hub()
    return (hub.url if hub else None) or state.get("hub_url")


def hub_target(inst: Installation, url: str, *, transport: httpx.BaseTransport | None = None) -> Target:
    """The central hub over HTTP: events first, then newly published packs."""

    def reachable() -> bool:
        # Any HTTP answer, even "401", means the link is up; only a failed connection means offline.
        try:
            with httpx.Client(transport=transport, timeout=3.0, trust_env=False) as c:
                c.get(url.rstrip("/") + "/")
        except httpx.HTTPError:
            return False
        return True

    def events() -> str:
        return sync_now(inst, url=url, packs=False, transport=transport).describe()

    def packs() -> str:
        return sync_now(inst, url=url, packs=True, transport=transport).describe()

    host = urlsplit(url).netloc or url
    return Target(
        f"the hub at {host}",
        reachable,
        [Step("progress and notes", PRIORITY_EVENTS, events), Step("course packs", PRIORITY_PACKS, packs)],
    )


def syncthing_target(inst: Installation, transport: SyncthingTransport, *, poll_s: int = 2) -> Target:
    """The Syncthing peers: bundles out when a peer is connected, arrivals in whenever they land.

    Reachable means our own Syncthing answers: files that already arrived can be imported even if
    the peer left again. New bundles are written only while a peer is connected, so a centre
    offline for a month does not fill its folder with one small bundle per round.
    """
    state = sync_state(inst)

    def reachable() -> bool:
        return transport.client.ping()

    def events() -> str:
        paired = transport.autopair()  # a peer HubDesk sync told us of since the last round
        connected = transport.reachable()  # if not yet, Syncthing's DeviceConnected wakes the next round
        result = transport.collect()
        if connected:
            result.written = transport.publish(
                ack={r.sender for r in result.imported if r.status == "applied"} if state.is_hub else frozenset()
            )
        words = result.describe()
        if paired:
            words = f"Paired with {', '.join(p.peer[:7] for p in paired)}. " + words
        if not connected:
            words += " No Syncthing peer is connected; new bundles wait until one is."
        if result.imported or result.written:
            state.record_success({"via": "syncthing", "applied": result.applied, "written": len(result.written)})
        return words

    def watch(wake: Wake, stopped: threading.Event) -> None:
        while not stopped.is_set():
            try:
                changed = transport.wait_for_change(timeout_s=poll_s)
            except (SyncthingUnavailable, SyncthingError):
                stopped.wait(poll_s)  # Syncthing is away; the scheduler's own timer still runs
                continue
            if changed and not stopped.is_set():
                wake()

    return Target("Syncthing", reachable, [Step("bundles", PRIORITY_EVENTS, events)], watch)


def _auto_syncthing(inst: Installation) -> SyncthingTransport | None:
    if not (sync_state(inst).get_json(PAIRINGS_KEY) or configured(inst)):
        return None
    try:
        return SyncthingTransport(inst, open_client(inst))
    except SyncthingUnavailable:
        return None


def record_errors(inst: Installation) -> Listener:
    """A listener that keeps the scheduler's last error where ``hubdesk sync status`` reads it."""
    state = sync_state(inst)
    last: list[str | None] = [None]

    def listener(status: SchedulerStatus) -> None:
        message = status.last_error
        if message and message != last[0] and status.state in ("offline", "error"):
            state.record_error(message)
        last[0] = message

    return listener


def scheduler_for(
    inst: Installation,
    *,
    syncthing: SyncthingTransport | Literal["auto"] | None = "auto",
    interval: float = 300.0,
    pending: Callable[[], int] | None = None,
    debounce: float = 5.0,
) -> Scheduler:
    """The scheduler the app and ``hubdesk sync watch`` run: every target this installation has.

    ``syncthing="auto"`` adds the Syncthing peers when this installation has been paired or has a
    Syncthing of its own (it pairs by itself once HubDesk sync brings the other side's id), through
    the Syncthing it is configured to use (not started here: ``hubdesk sync watch`` or the person
    running the centre starts it); ``None`` leaves Syncthing out.
    """
    if syncthing == "auto":
        syncthing = _auto_syncthing(inst)
    targets: list[Target] = []
    url = hub_url(inst)
    if url:
        targets.append(hub_target(inst, url))
    if syncthing is not None and (syncthing.pairings() or configured(inst)):
        targets.append(syncthing_target(inst, syncthing))
    if not targets:
        raise NetworkUnavailable(
            "This installation has nowhere to sync: enrol it with a hub online ('hubdesk sync enrol CODE --hub URL') "
            "or pair it with the hub's Syncthing ('hubdesk sync syncthing pair ...')."
        )
    state = sync_state(inst)
    count = pending or (lambda: 0 if state.is_hub else pending_events(inst, state))
    scheduler = Scheduler(targets, interval=interval, pending=count)
    scheduler.add_listener(record_errors(inst))
    # a learner's new work is a reason to sync soon (debounced: lessons produce bursts of events)
    me = inst.device_id
    inst.log.subscribe(lambda events: scheduler.wake(debounce) if any(e.device_id == me for e in events) else None)
    return scheduler
