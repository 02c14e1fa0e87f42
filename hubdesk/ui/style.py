"""The look of the app: one stylesheet, large type and big targets for people who read little.

Kept in one place so every view stays plain Qt code; colours are chosen for strong contrast
(text on background above 7:1) because the PCs at a centre often have old, dim screens.
"""

from __future__ import annotations

from pathlib import Path

INK = "#1b1f24"
MUTED = "#4a5563"
PAPER = "#f6f4ef"
CARD = "#ffffff"
PRIMARY = "#1d5fa8"
PRIMARY_DARK = "#154a85"
GOOD = "#1e7a34"
BAD = "#b3261e"
LINE = "#d5d0c4"

BASE_POINT_SIZE = 13
ICONS = Path(__file__).with_name("icons")  # spin-box arrows drawn large and dark: the default ones were faint


def ink_on(background: str) -> str:
    """Dark or white text, whichever reads better on ``background`` (perceived brightness)."""
    hexa = background.lstrip("#")
    if len(hexa) != 6:
        return INK
    r, g, b = (int(hexa[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return INK if 0.299 * r + 0.587 * g + 0.114 * b > 0.5 else "white"


HIGH_CONTRAST = {
    "INK": "#000000",
    "MUTED": "#000000",
    "PAPER": "#ffffff",
    "CARD": "#ffffff",
    "PRIMARY": "#00007a",
    "PRIMARY_DARK": "#000050",
    "GOOD": "#004d00",
    "BAD": "#8b0000",
    "LINE": "#000000",
}
TEXT_SCALES = (100, 125, 150, 175, 200)  # percent of the usual text size, offered in the settings


def palette(high_contrast: bool = False) -> dict[str, str]:
    """The colours of the app: the usual ones, or black on white with dark accents (far above 7:1)."""
    usual = {
        "INK": INK,
        "MUTED": MUTED,
        "PAPER": PAPER,
        "CARD": CARD,
        "PRIMARY": PRIMARY,
        "PRIMARY_DARK": PRIMARY_DARK,
        "GOOD": GOOD,
        "BAD": BAD,
        "LINE": LINE,
    }
    return HIGH_CONTRAST if high_contrast else usual


def stylesheet(text_scale: int = 100, high_contrast: bool = False) -> str:
    """The app's style sheet with every text size times ``text_scale``% and the chosen colours.

    Views name their special text (``heading``, ``lead``, ``prompt`` ...) rather than setting a
    size themselves, so one setting makes all text bigger.
    """
    c = palette(high_contrast)

    def pt(size: int) -> str:
        return f"{round(size * text_scale / 100)}pt"

    sheet = f"""
QWidget {{ color: {c["INK"]}; font-size: {pt(BASE_POINT_SIZE)}; }}
QMainWindow, QDialog, #page {{ background: {c["PAPER"]}; }}
QLabel#title {{ font-size: {pt(24)}; font-weight: bold; }}
QLabel#subtitle {{ font-size: {pt(15)}; color: {c["MUTED"]}; }}
QLabel#message {{ font-size: {pt(14)}; font-weight: bold; }}
QLabel#good {{ color: {c["GOOD"]}; font-size: {pt(15)}; font-weight: bold; }}
QLabel#bad {{ color: {c["BAD"]}; font-size: {pt(15)}; font-weight: bold; }}
QLabel#muted {{ color: {c["MUTED"]}; }}
QFrame#card {{ background: {c["CARD"]}; border: 1px solid {c["LINE"]}; border-radius: 12px; }}
QFrame#card:focus {{ border: 3px solid {c["PRIMARY"]}; }}
QFrame#topbar {{ background: {c["PRIMARY_DARK"]}; }}
QFrame#topbar QLabel {{ color: white; font-weight: bold; }}
QFrame#topbar QPushButton {{ background: transparent; color: white; border: 2px solid transparent;
    border-radius: 8px; padding: 6px 8px; font-weight: bold; }}
QFrame#topbar QPushButton:hover, QFrame#topbar QPushButton:focus {{ border-color: white; }}
QFrame#topbar QLineEdit {{ background: white; border-radius: 8px; padding: 6px 10px; min-width: 9em; }}
QPushButton {{ background: {c["CARD"]}; border: 2px solid {c["LINE"]}; border-radius: 10px; padding: 10px 18px;
    min-height: 28px; }}
QPushButton:hover {{ border-color: {c["PRIMARY"]}; }}
QPushButton:focus {{ border-color: {c["PRIMARY"]}; background: #eaf1fa; }}
QPushButton:disabled {{ color: #9aa0a6; border-color: #e3dfd6; }}
QPushButton#primary {{ background: {c["PRIMARY"]}; color: white; border-color: {c["PRIMARY"]}; font-weight: bold; }}
QPushButton#primary:hover, QPushButton#primary:focus {{ background: {c["PRIMARY_DARK"]}; border-color: {c["INK"]}; }}
QPushButton#primary:disabled {{ background: #9bb4d1; border-color: #9bb4d1; }}
QPushButton#danger {{ color: {c["BAD"]}; }}
QPushButton#tile {{ padding: 0; border: none; background: transparent; }}
QPushButton#picturekey {{ padding: 0; border: none; background: transparent; }}
QPushButton#okkey {{ background: {c["PRIMARY"]}; color: white; border-color: {c["PRIMARY"]};
    font-size: {pt(18)}; font-weight: bold; min-width: 72px; min-height: 56px; }}
QPushButton#okkey:disabled {{ background: #9bb4d1; border-color: #9bb4d1; }}
QPushButton#okkey:focus {{ border-color: {c["INK"]}; }}
QPushButton#key {{ font-size: {pt(22)}; font-weight: bold; min-width: 72px; min-height: 56px; }}
QLineEdit, QPlainTextEdit, QComboBox, QSpinBox, QDoubleSpinBox {{ background: white; border: 2px solid {c["LINE"]};
    border-radius: 8px; padding: 6px; }}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus {{ border-color: {c["PRIMARY"]}; }}
QTextBrowser {{ background: white; border: 1px solid {c["LINE"]}; border-radius: 8px; padding: 12px; }}
QProgressBar {{ border: 1px solid {c["LINE"]}; border-radius: 6px; background: #ece8df; text-align: center;
    min-height: 18px; }}
QProgressBar::chunk {{ background: {c["GOOD"]}; border-radius: 6px; }}
QRadioButton, QCheckBox {{ font-size: {pt(15)}; padding: 6px; spacing: 12px; }}
QRadioButton::indicator, QCheckBox::indicator {{ width: 22px; height: 22px; }}
QListWidget {{ background: white; border: 1px solid {c["LINE"]}; border-radius: 8px; }}
QListWidget::item {{ padding: 10px; border-bottom: 1px solid #eee9df; }}
QListWidget::item:selected {{ background: #dbe8f7; color: {c["INK"]}; }}
QTabWidget::pane {{ border: none; }}
QScrollArea {{ border: none; background: transparent; }}
QScrollBar:vertical {{ background: #ece8df; width: 14px; margin: 0; border-radius: 7px; }}
QScrollBar::handle:vertical {{ background: #a8a293; min-height: 40px; border-radius: 7px; }}
QScrollBar::handle:vertical:hover {{ background: {c["MUTED"]}; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
QScrollBar:horizontal {{ background: #ece8df; height: 14px; margin: 0; border-radius: 7px; }}
QScrollBar::handle:horizontal {{ background: #a8a293; min-width: 40px; border-radius: 7px; }}
QScrollBar::add-line:horizontal, QScrollBar::sub-line:horizontal {{ width: 0; }}
QScrollBar::add-page:horizontal, QScrollBar::sub-page:horizontal {{ background: none; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QLabel[look="heading"] {{ font-size: {pt(17)}; font-weight: bold; }}
QLabel[look="lead"] {{ font-size: {pt(15)}; font-weight: bold; }}
QLabel[look="leadplain"] {{ font-size: {pt(15)}; }}
QLabel[look="prompt"] {{ font-size: {pt(17)}; }}
QLabel[look="standing"] {{ font-size: {pt(14)}; }}
QLineEdit[look="answerline"] {{ font-size: {pt(16)}; }}
QListWidget[look="biglist"] {{ font-size: {pt(15)}; }}
QPushButton[look="bigger"] {{ font-size: {pt(16)}; font-weight: bold; }}
QPushButton[look="continue"] {{ font-size: {pt(15)}; padding: 14px 22px; text-align: left; }}
QPushButton[look="welcomeadd"] {{ font-size: {pt(16)}; padding: 14px 28px; }}
QAbstractSpinBox {{ padding-right: 30px; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ subcontrol-origin: border; width: 28px;
    background: #e3ded2; border-left: 2px solid {c["LINE"]}; }}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; border-top-right-radius: 8px; }}
QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; border-bottom-right-radius: 8px; }}
QAbstractSpinBox::up-button:hover, QAbstractSpinBox::down-button:hover {{ background: #cfc8b8; }}
QAbstractSpinBox::up-arrow {{ image: url({ICONS / "spin-up.svg"}); width: 14px; height: 10px; }}
QAbstractSpinBox::down-arrow {{ image: url({ICONS / "spin-down.svg"}); width: 14px; height: 10px; }}
"""
    if high_contrast:  # focus must be seen at a glance: thick outlines
        sheet += f"""
QPushButton:focus, QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus {{ border: 3px solid {c["INK"]}; }}
QPushButton:disabled {{ color: #555555; border-color: #555555; }}
"""
    return sheet


STYLESHEET = stylesheet()

LESSON_CSS = f"""
body {{ color: {INK}; line-height: 150%; }}
h1 {{ color: {PRIMARY_DARK}; }}
h2, h3 {{ color: {PRIMARY_DARK}; }}
pre {{ background: #f1efe9; padding: 8px; }}
code {{ background: #f1efe9; font-family: 'DejaVu Sans Mono', monospace; }}
table {{ border-collapse: collapse; }}
th {{ background: #ece8df; }}
th, td {{ border: 1px solid {LINE}; padding: 4px 8px; }}
blockquote {{ background: #fff8e1; }}
a {{ color: {PRIMARY}; }}
.challenge, .solution, .callout, .testimonial, .prereq, .objectives, .keypoints, .checklist,
.discussion, .instructor {{ background: #eef4fb; }}
"""
