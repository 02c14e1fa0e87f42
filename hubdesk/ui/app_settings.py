"""Settings of this PC (language, idle sign-out, text size, contrast) kept in the installation's ``meta`` table.

They belong to the machine, not to a learner, so they are plain local values rather than events:
a centre's French PC stays French whoever signs in. Per-learner choices (text size) live with
the learner's progress in core.
"""

from __future__ import annotations

from hubdesk.core.store import Store

LANGUAGES = {"en": "English", "fr": "Français", "sw": "Kiswahili", "ar": "العربية"}
DEFAULT_IDLE_MINUTES = 10
MAX_TEXT_SCALE = 200


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
    def text_scale(self) -> int:
        """Text size of the whole interface, in percent (100 to 200): for people who see poorly."""
        try:
            value = int(self.store.meta_get("ui.text_scale") or 100)
        except ValueError:
            return 100
        return min(MAX_TEXT_SCALE, max(100, value))

    @text_scale.setter
    def text_scale(self, value: int) -> None:
        self.store.meta_set("ui.text_scale", str(min(MAX_TEXT_SCALE, max(100, int(value)))))

    @property
    def high_contrast(self) -> bool:
        return self.store.meta_get("ui.high_contrast") == "1"

    @high_contrast.setter
    def high_contrast(self, on: bool) -> None:
        self.store.meta_set("ui.high_contrast", "1" if on else "0")

    @property
    def samples_offered(self) -> bool:
        """Whether the first-start install of the sample packs already ran on this installation."""
        return self.store.meta_get("ui.samples_offered") == "1"

    def mark_samples_offered(self) -> None:
        self.store.meta_set("ui.samples_offered", "1")
