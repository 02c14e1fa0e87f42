"""Several hub processes serving one socket: ``hubdesk hub serve --workers N``.

Each worker opens the same data folder and builds its own :class:`~hubdesk.hub.server.Hub`; the
database is the only thing they share, and it is where everything that must hold across requests
lives: enrolled devices, replay nonces, events and their sequence numbers, operators' sessions and
sign-in limits. SQLite's write lock serialises the writes of all workers (WAL lets reads run
alongside), so more workers help with the work around the database: signature checks, JSON,
compression, pages. The per-address request budget of the centres' routes is per worker.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any

from hubdesk.core.installation import Installation

ENV = "HUBDESK_HUB_DATA_DIR"


def app() -> Any:
    """The ASGI app of one worker process (uvicorn calls this in each worker)."""
    from hubdesk.hub.server import Hub

    return Hub(Installation(os.environ[ENV])).app


def serve_workers(data_dir: Path, sock: socket.socket, workers: int) -> None:
    """Run ``workers`` processes on the listening ``sock`` until interrupted."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from hubdesk.hub.server import Hub

    with Installation(data_dir) as inst:
        Hub(inst)  # every migration applied and the hub's state made once, before the workers race to it
    os.environ[ENV] = str(data_dir)
    host, port = sock.getsockname()[:2]
    config = uvicorn.Config(
        "hubdesk.hub.workers:app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
        lifespan="off",
    )
    Multiprocess(config, sockets=[sock]).run()
