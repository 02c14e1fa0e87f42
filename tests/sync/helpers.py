"""A real hub on a free loopback port, in a thread of the test process, stopped at the end."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from hubdesk.core.installation import Installation
from hubdesk.hub.server import Hub
from hubdesk.sync import serving
from hubdesk.sync.enrolment import issue_code
from hubdesk.sync.http import HubClient
from hubdesk.sync.state import SyncState


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_hub(
    inst: Installation, *, limits: serving.Limits | None = None, **hub_options: object
) -> Iterator[tuple[str, Hub]]:
    hub = Hub(inst, **hub_options)  # type: ignore[arg-type]
    port = free_port()
    server = uvicorn.Server(serving.config(hub.app, limits, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the hub did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}", hub
    finally:
        server.should_exit = True
        thread.join(10)


def enrol(centre: Installation, hub: Installation, url: str) -> None:
    code = issue_code(SyncState(hub.store), hub.identity)
    client = HubClient.for_enrolment(centre, url)
    try:
        client.enrol(code)
    finally:
        client.close()
