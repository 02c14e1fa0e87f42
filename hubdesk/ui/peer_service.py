"""The study-group node of this PC, started the first time someone opens the study-group panel.

Serving the group protocol on the LAN and announcing it with zeroconf is only needed once a learner
studies in a group, so the app does not start it when it opens (opening the app touches no network).
It starts in a worker (binding and the first zeroconf announcement take a moment) with the LAN
address chosen in the settings (the same ``peer.host``/``peer.port`` keys as ``hubdesk peer serve``),
falling back to any free port when that one is taken, and stops when the window closes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from hubdesk.core.installation import Installation
from hubdesk.errors import HubDeskError
from hubdesk.ui.context import AppContext

DEFAULT_PORT = 8765
HOST_SETTING = "peer.host"
PORT_SETTING = "peer.port"


def start_node(inst: Installation) -> Any:
    """Bind and start a PeerNode; the saved port first, then any free one."""
    from hubdesk.peers.node import PeerNode

    host = inst.store.meta_get(HOST_SETTING) or "0.0.0.0"
    saved = inst.store.meta_get(PORT_SETTING) or ""
    interfaces = ["127.0.0.1"] if host.startswith("127.") else None
    last: OSError | None = None
    for port in dict.fromkeys((int(saved) if saved.isdigit() else DEFAULT_PORT, 0)):
        node = PeerNode(inst, host=host, port=port, interfaces=interfaces)
        try:
            node.start()
        except OSError as exc:  # the port is taken (a "peer serve" already runs): try any free port
            node.stop()
            last = exc
            continue
        return node
    raise HubDeskError(f"Study groups cannot listen on this computer's network: {last}.")


class PeerService(QObject):
    """Owns the node; views ask for it with :meth:`request` and get it when it is up."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.node: Any = None
        self.error = ""
        self._waiting: list[Callable[[Any], None]] = []
        self._starting = False
        self.stopped = False

    def request(self, ready: Callable[[Any], None]) -> None:
        """Call ``ready(node)`` once the node runs (``ready(None)`` if it cannot start)."""
        if self.node is not None or self.error:
            ready(self.node)
            return
        self._waiting.append(ready)
        if self._starting or self.stopped:
            return
        self._starting = True
        self.ctx.workers.run(start_node, self.ctx.inst, on_done=self._started, on_failed=self._failed)

    def _started(self, node: Any) -> None:
        self._starting = False
        if self.stopped:
            node.stop()
            return
        self.node = node
        self._notify()

    def _failed(self, exc: BaseException) -> None:
        self._starting = False
        self.error = str(exc) if isinstance(exc, HubDeskError) else f"Study groups cannot start: {exc}."
        self._notify()

    def _notify(self) -> None:
        waiting, self._waiting = self._waiting, []
        for ready in waiting:
            ready(self.node)

    def stop(self) -> None:
        self.stopped = True
        if self.node is not None:
            self.node.stop()
            self.node = None
