"""The hub operator's web dashboard: served by ``hubdesk hub serve`` beside the centres' routes.

Server-made HTML and SVG, no script, nothing loaded from elsewhere; English and French. See
``docs/hub.md``.
"""

from __future__ import annotations

from hubdesk.hub.dashboard._app import Dashboard

__all__ = ["Dashboard"]
