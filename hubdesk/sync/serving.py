"""Serving HTTP to strangers: uvicorn with the timeouts and bounds it lacks, for the hub and the peer.

uvicorn times out only idle keep-alive connections. A client that connects and sends its request
head one byte at a time, or declares a body and then trickles it (slow-loris), holds a socket, a
file descriptor and memory for as long as it likes; a few hundred such clients and the hub stops
answering centres. ``limit_concurrency`` makes it worse: the slow clients count, so every
legitimate request gets a 503.

:class:`Limits` sets what a connection must do to keep its place, enforced per connection by the
protocol :class:`GuardedH11Protocol` (uvicorn's own h11 protocol plus a watchdog):

- the request head must be complete within ``header_timeout`` of the connection opening (or of the
  previous response, on a kept-alive connection);
- a body must keep coming: no silence longer than ``body_idle``, and after ``body_grace`` seconds
  at least ``body_min_rate`` bytes a second on average (a centre on a poor link still sends far
  more; a slow-loris body is dropped within a minute);
- at most ``max_connections`` are open at once. When a new one would pass that, the connection
  that has waited longest for its request head is dropped to make room (a legitimate client sends
  its head at once, so the attacker's half-sent ones go first); only if every connection is busy
  with a real request is the newcomer refused.

The time the application then takes is not bounded here: it is the hub's own work.
"""

from __future__ import annotations

import asyncio
import logging
import resource
import ssl
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from hubdesk.errors import HubDeskError

LIMITS_ATTR = "hubdesk_limits"


@dataclass(frozen=True)
class Limits:
    header_timeout: float = 10.0
    body_idle: float = 15.0
    body_grace: float = 20.0
    body_min_rate: float = 2048.0
    keep_alive: int = 5
    max_connections: int = 1000
    max_head_bytes: int = 16 << 10

    @classmethod
    def scaled(cls, header_timeout: float, max_connections: int) -> Limits:
        """Limits whose body timeouts keep their proportion to ``header_timeout`` (10 s: 15 s idle, 20 s grace)."""
        return cls(
            header_timeout=header_timeout,
            body_idle=1.5 * header_timeout,
            body_grace=2 * header_timeout,
            max_connections=max_connections,
        )

    @property
    def tick(self) -> float:
        """How often each connection's watchdog looks (a fraction of the shortest timeout)."""
        return max(0.05, min(1.0, self.header_timeout / 4, self.body_idle / 4))


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with the :class:`Limits` found on its config (see :func:`config`).

    A class at module level, the limits on the config: uvicorn's ``--workers`` pickles the config
    into each worker process, and a class made on the fly would not survive that.
    """

    def __init__(self, config: uvicorn.Config, *args: Any, **kwargs: Any) -> None:
        super().__init__(config, *args, **kwargs)
        self.limits: Limits = getattr(config, LIMITS_ATTR, None) or Limits()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        now = self.loop.time()
        self.waiting_since: float | None = now  # waiting for a request head since then; None in a request
        self.body_since = now
        self.body_bytes = 0
        self.last_data = now
        self.watchdog: asyncio.TimerHandle | None = None
        if len(self.connections) > self.limits.max_connections and not self._make_room():
            self.drop()
            return
        self.watchdog = self.loop.call_later(self.limits.tick, self._check)

    def connection_lost(self, exc: Exception | None) -> None:
        if self.watchdog is not None:
            self.watchdog.cancel()
            self.watchdog = None
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        now = self.loop.time()
        self.last_data = now
        before = self.cycle
        super().data_received(data)
        if self.cycle is not before and self.cycle is not None:  # a request head arrived
            self.waiting_since = None
            self.body_since = now
            self.body_bytes = 0
        elif self.waiting_since is None:
            self.body_bytes += len(data)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self.cycle is None or self.cycle.response_complete:
            self.waiting_since = self.loop.time()  # the next head has header_timeout from now

    def drop(self) -> None:
        if not self.transport.is_closing():
            self.transport.close()

    def _make_room(self) -> bool:
        waiting = [
            c
            for c in self.connections
            if isinstance(c, GuardedH11Protocol)
            and c is not self
            and c.waiting_since is not None
            and not c.transport.is_closing()
        ]
        if not waiting:
            return False
        min(waiting, key=lambda c: c.waiting_since or 0.0).drop()
        return True

    def _check(self) -> None:
        self.watchdog = None
        if self.transport.is_closing():
            return
        now, lim = self.loop.time(), self.limits
        if self.waiting_since is not None:
            if now - self.waiting_since > lim.header_timeout:
                self.drop()
                return
        elif self.cycle is not None and self.cycle.more_body and not self.cycle.disconnected:
            if self.flow.read_paused:  # we stopped reading (the app is busy), not the client
                self.last_data = now
            elapsed = now - self.body_since
            if now - self.last_data > lim.body_idle or (
                elapsed > lim.body_grace and self.body_bytes < lim.body_min_rate * elapsed
            ):
                self.drop()
                return
        self.watchdog = self.loop.call_later(lim.tick, self._check)


class QuietJunk(logging.Filter):
    """At most ``per_minute`` of uvicorn's one-line warnings about junk a client sent ("Invalid HTTP
    request received."): each is harmless, but a junk client must not fill the hub's log."""

    NOISE = ("Invalid HTTP request", "Unsupported upgrade request", "No supported WebSocket library")

    def __init__(self, per_minute: int = 10) -> None:
        super().__init__()
        self.per_minute = per_minute
        self.window = 0.0
        self.count = 0

    def filter(self, record: logging.LogRecord) -> bool:
        if not str(record.msg).startswith(self.NOISE):
            return True
        now = time.monotonic()
        if now - self.window >= 60:
            self.window, self.count = now, 0
        self.count += 1
        return self.count <= self.per_minute


def quiet_junk() -> None:
    """Install :class:`QuietJunk` on uvicorn's log once in this process (each worker calls it too)."""
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, QuietJunk) for f in logger.filters):
        logger.addFilter(QuietJunk())


def raise_fd_limit(want: int) -> int:
    """Raise this process's open-file limit towards ``want`` (as far as the hard limit allows)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = want if hard == resource.RLIM_INFINITY else min(want, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError):
            pass
    return int(soft) if soft != resource.RLIM_INFINITY else want


@dataclass(frozen=True)
class TLSFiles:
    """A certificate (chain) and its private key, both PEM, for serving HTTPS."""

    cert: Path
    key: Path


class ServingError(HubDeskError):
    """The server cannot start as asked (a certificate that does not load, say)."""


def check_tls(cert: str | None, key: str | None) -> TLSFiles | None:
    """The certificate and key to serve HTTPS with, loaded once now so a problem is one sentence."""
    if cert is None and key is None:
        return None
    if cert is None or key is None:
        raise ServingError("HTTPS needs both --tls-cert and --tls-key (the certificate and its private key).")
    files = TLSFiles(Path(cert), Path(key))
    for what, path in (("certificate", files.cert), ("private key", files.key)):
        if not path.is_file():
            raise ServingError(f"The TLS {what} {path} is not there.")
    try:
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(files.cert, files.key)
    except ssl.SSLError as exc:
        raise ServingError(
            f"The TLS certificate {files.cert} and key {files.key} do not load together ({exc.reason or exc}); "
            "both must be PEM files, the key unencrypted and matching the certificate."
        ) from exc
    except OSError as exc:
        raise ServingError(f"The TLS files cannot be read: {exc.strerror or exc}.") from exc
    return files


def config(
    app: Any,
    limits: Limits | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    tls: TLSFiles | None = None,
    log_level: str = "warning",
    **more: Any,
) -> uvicorn.Config:
    """A uvicorn configuration that serves ``app`` under ``limits`` (and over TLS when given);
    ``more`` goes to uvicorn as it is (``workers``, ``factory``)."""
    limits = limits or Limits()
    quiet_junk()
    # a connection costs a file descriptor; keep room for the database, packs and logs besides
    fds = raise_fd_limit(limits.max_connections + 256)
    if fds - 128 < limits.max_connections:
        limits = Limits(**{**limits.__dict__, "max_connections": max(16, fds - 128)})
    made = uvicorn.Config(
        app,
        host=host,
        port=port,
        http=GuardedH11Protocol,
        log_level=log_level,
        access_log=False,
        lifespan="off",
        timeout_keep_alive=limits.keep_alive,
        h11_max_incomplete_event_size=limits.max_head_bytes,
        ssl_certfile=str(tls.cert) if tls else None,
        ssl_keyfile=str(tls.key) if tls else None,
        **more,
    )
    setattr(made, LIMITS_ATTR, limits)
    return made
