"""Facilitator dialogs: add a learner, and set or reset how a learner signs in.

One form serves both: name and role when adding, then the way to sign in (nothing, a PIN, three
pictures, or a password for facilitators). Errors from core come back as the sentence core wrote.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from hubdesk.core.learners import FACILITATOR, LEARNER, Learner
from hubdesk.errors import HubDeskError
from hubdesk.ui.context import AppContext
from hubdesk.ui.fitting import FittingDialog, usable_size
from hubdesk.ui.secret_pads import PICTURES_NEEDED, PicturePad, key_size_for

PICTURE_DIALOG_RESERVED = 330  # the name, role and method rows, the slots and OK/Cancel around the keys


def method_name(kind: str) -> str:
    """How a learner signs in, in words for the facilitator's list (translated in this context)."""
    words = {
        "pictures": QCoreApplication.translate("LearnerDialog", "pictures"),
        "pin": QCoreApplication.translate("LearnerDialog", "PIN"),
        "password": QCoreApplication.translate("LearnerDialog", "password"),
    }
    return words.get(kind, kind)


class LearnerDialog(FittingDialog):
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
        self.role.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.role.addItem(self.tr("Learner"), LEARNER)
        self.role.addItem(self.tr("Facilitator"), FACILITATOR)
        if first:
            self.role.setCurrentIndex(1)
        if learner is None:
            form.addRow(self.tr("Name:"), self.name)
            form.addRow(self.tr("Role:"), self.role)
        self.method = QComboBox()
        self.method.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
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
        self.pictures = PicturePad(
            auto_submit=False, key_size=key_size_for(usable_size(self).height(), PICTURE_DIALOG_RESERVED)
        )
        self.pictures.changed.connect(self._picture_chosen)
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
        elif learner is not None:  # a reset starts from how they sign in now, not from "no secret"
            current = next((k for k in ("password", "pictures", "pin") if k in learner.secrets), "")
            self.method.setCurrentIndex(max(0, self.method.findData(current)))
        self.error = QLabel()
        self.error.setObjectName("bad")
        self.error.setWordWrap(True)
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)  # Enter saves, whatever has focus
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = self.body_layout
        if first:
            intro = QLabel(self.tr("Welcome! Add yourself as the facilitator of this computer, with a password."))
            intro.setWordWrap(True)
            intro.setObjectName("message")
            lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.inputs, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.error)
        lay.addStretch()
        self.add_footer(buttons)
        self._method_changed()

    def _method_changed(self) -> None:
        self.inputs.setCurrentIndex(self.method.currentIndex())
        self.inputs.setVisible(self.method.currentIndex() != 0)
        if self.isVisible():
            self.fit()  # the picture keys need room: grow, but never past the screen

    def _picture_chosen(self) -> None:
        if len(self.pictures.chosen) == PICTURES_NEEDED:  # the third picture: Enter or Space saves now
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setFocus()

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
        if self.learner is not None and secret is None and self.learner.secrets:
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                self.tr("Let %1 sign in by just tapping the name? Anyone could then open their work.").replace(
                    "%1", self.learner.name
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
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

    def summary(self) -> str:
        """After OK: one sentence saying how the learner signs in now (the facilitator sees it confirmed)."""
        learner = self.created or self.learner
        name = learner.name if learner is not None else self.name.text().strip()
        kind = str(self.method.currentData())
        text = {
            "": self.tr("%1 signs in by tapping their name."),
            "pictures": self.tr("%1 signs in with three pictures."),
            "pin": self.tr("%1 signs in with a PIN."),
            "password": self.tr("%1 signs in with a password."),
        }[kind]
        return text.replace("%1", name)
