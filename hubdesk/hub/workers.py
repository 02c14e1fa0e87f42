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
from typing import TYPE_CHECKING, Any

from hubdesk.core.installation import Installation
from hubdesk.sync import serving

if TYPE_CHECKING:
    from hubdesk.hub.quotas import Quota
    from hubdesk.sync.serving import Limits, TLSFiles

ENV = "HUBDESK_HUB_DATA_DIR"
QUOTA_ENV = "HUBDESK_HUB_REQUESTS_PER_MINUTE"


def app() -> Any:
    """The ASGI app of one worker process (uvicorn calls this in each worker)."""
    from hubdesk.hub.quotas import Quota
    from hubdesk.hub.server import Hub

    serving.quiet_junk()
    per_minute = os.environ.get(QUOTA_ENV)
    quota = Quota(int(per_minute)) if per_minute else None
    return Hub(Installation(os.environ[ENV]), quota=quota).app


def serve_workers(
    data_dir: Path,
    sock: socket.socket,
    workers: int,
    *,
    limits: Limits | None = None,
    tls: TLSFiles | None = None,
    quota: Quota | None = None,
) -> None:
    """Run ``workers`` processes on the listening ``sock`` until interrupted (each under ``limits``,
    over TLS when given; the quotas are in the database, so the workers share them)."""
    from uvicorn.supervisors import Multiprocess

    from hubdesk.hub.server import Hub

    with Installation(data_dir) as inst:
        Hub(inst)  # every migration applied and the hub's state made once, before the workers race to it
    os.environ[ENV] = str(data_dir)
    if quota is not None:
        os.environ[QUOTA_ENV] = str(quota.requests_per_minute)
    host, port = sock.getsockname()[:2]
    config = serving.config(
        "hubdesk.hub.workers:app", limits, host=host, port=port, tls=tls, factory=True, workers=workers
    )
    Multiprocess(config, sockets=[sock]).run()
