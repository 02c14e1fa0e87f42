"""Settings of this PC (language, idle sign-out) kept in the installation's ``meta`` table.

They belong to the machine, not to a learner, so they are plain local values rather than events:
a centre's French PC stays French whoever signs in. Per-learner choices (text size) live with
the learner's progress in core.
"""

from __future__ import annotations

from hubdesk.core.store import Store

LANGUAGES = {"en": "English", "fr": "Français"}
DEFAULT_IDLE_MINUTES = 10


class AppSettings:
    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def language(self) -> str:
        value = self.store.meta_get("ui.language") or "en"
        return value if value in LANGUAGES else "en"

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self.store.meta_set("ui.language", value)

    @property
    def idle_minutes(self) -> float:
        """Minutes without a key press or click before the learner is signed out (0: never)."""
        try:
            return max(0.0, float(self.store.meta_get("ui.idle_minutes") or DEFAULT_IDLE_MINUTES))
        except ValueError:
            return DEFAULT_IDLE_MINUTES

    @idle_minutes.setter
    def idle_minutes(self, value: float) -> None:
        self.store.meta_set("ui.idle_minutes", str(max(0.0, float(value))))

    @property
    def samples_offered(self) -> bool:
        """Whether the first-start install of the sample packs already ran on this installation."""
        return self.store.meta_get("ui.samples_offered") == "1"

    def mark_samples_offered(self) -> None:
        self.store.meta_set("ui.samples_offered", "1")
