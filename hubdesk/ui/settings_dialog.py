"""Settings of this PC: the interface language and, for facilitators, the idle sign-out time."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hubdesk.ui.app_settings import LANGUAGES, AppSettings


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, facilitator: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.language_changed = False
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.idle = QDoubleSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setDecimals(0)
        self.idle.setSuffix(self.tr(" minutes"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.idle.setValue(settings.idle_minutes)
        self.idle.setEnabled(facilitator)
        form = QFormLayout()
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Sign out after no use for:"), self.idle)
        note = QLabel(
            self.tr("Only a facilitator can change the sign-out time.")
            if not facilitator
            else self.tr("Learners are signed out after this time so the next person cannot see their work.")
        )
        note.setObjectName("muted")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(12)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(buttons)
        self.resize(520, 240)

    def save(self) -> None:
        code = str(self.language.currentData())
        if code != self.settings.language:
            self.settings.language = code
            self.language_changed = True
        if self.idle.isEnabled():
            self.settings.idle_minutes = self.idle.value()
        self.accept()
