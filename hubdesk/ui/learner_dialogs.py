"""Facilitator dialogs: add a learner, and set or reset how a learner signs in.

One form serves both: name and role when adding, then the way to sign in (nothing, a PIN, three
pictures, or a password for facilitators). Errors from core come back as the sentence core wrote.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hubdesk.core.learners import FACILITATOR, LEARNER, Learner
from hubdesk.errors import HubDeskError
from hubdesk.ui.context import AppContext
from hubdesk.ui.secret_pads import PicturePad


class LearnerDialog(QDialog):
    """Add a learner (``learner`` is None) or change how ``learner`` signs in."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, first: bool = False, learner: Learner | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.learner = learner
        self.created: Learner | None = None
        self.setWindowTitle(
            self.tr("Add a learner") if learner is None else self.tr("How %1 signs in").replace("%1", learner.name)
        )
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.role = QComboBox()
        self.role.addItem(self.tr("Learner"), LEARNER)
        self.role.addItem(self.tr("Facilitator"), FACILITATOR)
        if first:
            self.role.setCurrentIndex(1)
        if learner is None:
            form.addRow(self.tr("Name:"), self.name)
            form.addRow(self.tr("Role:"), self.role)
        self.method = QComboBox()
        self.method.addItem(self.tr("Just tap the name (no secret)"), "")
        self.method.addItem(self.tr("Three pictures"), "pictures")
        self.method.addItem(self.tr("A PIN (4 to 6 digits)"), "pin")
        self.method.addItem(self.tr("A password (for facilitators)"), "password")
        form.addRow(self.tr("Sign in with:"), self.method)
        self.pin = QLineEdit()
        self.pin.setValidator(QIntValidator(0, 999999, self))
        self.pin.setMaxLength(6)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("PIN"))
        self.pictures = PicturePad(auto_submit=False)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setPlaceholderText(self.tr("At least 6 characters"))
        self.inputs = QStackedWidget()
        self.inputs.addWidget(QWidget())
        self.inputs.addWidget(self.pictures)
        self.inputs.addWidget(self.pin)
        self.inputs.addWidget(self.password)
        self.method.currentIndexChanged.connect(self._method_changed)
        if first:
            self.method.setCurrentIndex(3)
        self.error = QLabel()
        self.error.setObjectName("bad")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(12)
        if first:
            intro = QLabel(self.tr("Welcome! Add yourself as the facilitator of this computer, with a password."))
            intro.setWordWrap(True)
            intro.setObjectName("message")
            lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.inputs, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self._method_changed()

    def _method_changed(self) -> None:
        self.inputs.setCurrentIndex(self.method.currentIndex())
        self.inputs.setVisible(self.method.currentIndex() != 0)
        self.adjustSize()

    def secret(self) -> tuple[str, object] | None:
        kind = str(self.method.currentData())
        if not kind:
            return None
        value: object = {"pin": self.pin.text(), "password": self.password.text(), "pictures": self.pictures.chosen}[
            kind
        ]
        return kind, value

    def save(self) -> None:
        learners = self.ctx.inst.learners
        secret = self.secret()
        facilitator = (
            self.learner.is_facilitator if self.learner is not None else self.role.currentData() == FACILITATOR
        )
        if facilitator and (secret is None or secret[0] != "password"):
            self.error.setText(
                self.tr("A facilitator signs in with a password: facilitator tasks must stay protected.")
            )
            return
        try:
            if self.learner is None:
                kwargs: dict[str, object] = {}
                if secret is not None:
                    kwargs[secret[0]] = secret[1]
                self.created = learners.add(self.name.text(), role=str(self.role.currentData()), **kwargs)  # type: ignore[arg-type]
            else:
                for kind in self.learner.secrets:
                    if secret is None or kind != secret[0]:
                        learners.set_secret(self.learner.id, kind, None)
                if secret is not None:
                    learners.set_secret(self.learner.id, secret[0], secret[1])  # type: ignore[arg-type]
        except HubDeskError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
