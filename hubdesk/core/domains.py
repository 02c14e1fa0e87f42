"""Import every core domain module so its migrations and event projectors are registered.

An event that arrives by sync must be projected whatever command happens to be running, so the
installation loads all domains before it opens the database.
"""

from __future__ import annotations

import importlib

DOMAIN_MODULES = (
    "hubdesk.core.store",
    "hubdesk.core.events",
    "hubdesk.core.centre",
    "hubdesk.core.learners",
    "hubdesk.core.packs",
    "hubdesk.core.centre_packs",
    "hubdesk.core.groups",
    "hubdesk.core.progress",
    "hubdesk.core.notes",
    "hubdesk.core.learner_settings",
    "hubdesk.core.reports",
    "hubdesk.core.contributions",
)


def load() -> None:
    for name in DOMAIN_MODULES:
        importlib.import_module(name)
