"""Settings of this PC: language, text size and contrast for everyone; idle sign-out for facilitators.

Text size and contrast are open to anyone at the sign-in screen: a person who sees poorly must be
able to make the screen readable before they can read it well enough to sign in.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from hubdesk.ui import style
from hubdesk.ui.app_settings import LANGUAGES, AppSettings
from hubdesk.ui.fitting import FittingDialog


class SettingsDialog(FittingDialog):
    def __init__(self, settings: AppSettings, facilitator: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.language_changed = False
        self.look_changed = False
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.text_size = QComboBox()
        for percent in style.TEXT_SCALES:
            self.text_size.addItem(self.tr("%1%").replace("%1", str(percent)), percent)
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(settings.text_scale)))
        self.contrast = QCheckBox(self.tr("High contrast (black on white)"))
        self.contrast.setChecked(settings.high_contrast)
        self.idle = QDoubleSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setDecimals(0)
        self.idle.valueChanged.connect(self._minutes_word)  # "1 minute", "5 minutes": not "1 minutes"
        self.idle.setSpecialValueText(self.tr("never"))
        self.idle.setValue(settings.idle_minutes)
        self._minutes_word(self.idle.value())
        self.idle.setEnabled(facilitator)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # long labels go above their field
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Text size:"), self.text_size)
        form.addRow("", self.contrast)
        form.addRow(self.tr("Sign out after no use for:"), self.idle)
        note = QLabel(
            self.tr("Only a facilitator can change the sign-out time.")
            if not facilitator
            else self.tr("Learners are signed out after this time so the next person cannot see their work.")
        )
        note.setObjectName("muted")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.body_layout.addLayout(form)
        self.body_layout.addWidget(note)
        self.body_layout.addStretch()
        self.add_footer(buttons)

    def _minutes_word(self, value: float) -> None:
        self.idle.setSuffix(self.tr(" minute(s)", "", int(value)))

    def save(self) -> None:
        code = str(self.language.currentData())
        if code != self.settings.language:
            self.settings.language = code
            self.language_changed = True
        scale = int(self.text_size.currentData())
        if scale != self.settings.text_scale or self.contrast.isChecked() != self.settings.high_contrast:
            self.settings.text_scale = scale
            self.settings.high_contrast = self.contrast.isChecked()
            self.look_changed = True
        if self.idle.isEnabled():
            self.settings.idle_minutes = self.idle.value()
        self.accept()
