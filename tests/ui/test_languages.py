"""Languages: Arabic mirrors the whole window and Arabic lessons read right to left; Kiswahili and
French are whole; names in other scripts and with emoji have fonts to render them.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from hubdesk.core.installation import Installation
from hubdesk.core.packs import build_pack
from hubdesk.ui.translations import I18N_DIR, compile_ts, lrelease_command, shipped_languages
from tests.conftest import CONTENT_PACKS
from tests.ui.conftest import screenshot, sign_in_directly

ARABIC_PACK = CONTENT_PACKS / "al-hisab-al-yawmi"


def test_arabic_mirrors_the_whole_window(qtbot: Any, library: Installation, make_window: Any, tmp_path: Path) -> None:
    amina = library.learners.add("أمينة")
    window = make_window(library)
    window.resize(1180, 760)
    window.ctx.settings.language = "ar"
    window.retranslate()
    try:
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.signin.title.text() == "من أنت؟"
        assert screenshot(window, tmp_path / "sign-in-ar.png") > 16
        shell = sign_in_directly(window, amina)
        QApplication.processEvents()
        home = shell.home_button.mapTo(window, QPoint(0, 0))
        switch = shell.switch_button.mapTo(window, QPoint(0, 0))
        assert home.x() > window.width() // 2 > switch.x()  # "My courses" starts the bar on the right
        assert shell.home_button.text() == "دوراتي"
        assert screenshot(window, tmp_path / "library-ar.png") > 16
    finally:
        window.ctx.settings.language = "en"
        window.translations.apply("en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_an_arabic_lesson_reads_right_to_left(qtbot: Any, inst: Installation, make_window: Any, tmp_path: Path) -> None:
    built = tmp_path / "ar.hubpack"
    build_pack(ARABIC_PACK, built)
    inst.packs.install(built)
    amina = inst.learners.add("Amina")
    window = make_window(inst)
    shell = sign_in_directly(window, amina)
    pack = inst.packs.get("al-hisab-al-yawmi")
    shell.open_lesson(pack.id, pack.lessons[0].id)
    block = shell.reader.browser.document().firstBlock()
    directions = set()
    while block.isValid():
        if block.text().strip():
            directions.add(block.blockFormat().layoutDirection())
        block = block.next()
    assert directions == {Qt.LayoutDirection.RightToLeft}
    assert screenshot(window, tmp_path / "lesson-ar.png") > 16
    english = inst.packs.list()
    assert all(p.language == "ar" for p in english)  # only the Arabic pack here: the UI stays left to right
    assert shell.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_fonts_cover_arabic_names_and_emoji() -> None:
    assert QFontDatabase.families(QFontDatabase.WritingSystem.Arabic), "no font for Arabic: run packaging/setup.sh"
    families = " ".join(QFontDatabase.families())
    assert "Emoji" in families, "no emoji font: run packaging/setup.sh (fonts-noto-color-emoji)"


@pytest.mark.parametrize("language", [lang for lang in shipped_languages() if lang != "en"])
def test_every_ui_string_is_translated(tmp_path: Path, language: str) -> None:
    if lrelease_command() is None:
        pytest.skip("pyside6-lrelease is not installed")
    fresh = tmp_path / f"fresh_{language}.ts"
    fresh.write_bytes((I18N_DIR / f"hubdesk_{language}.ts").read_bytes())
    from hubdesk.ui import translations_refresh

    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [str(lupdate), "-no-obsolete", "-locations", "none", *translations_refresh.SOURCES, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    missing = []
    for context in ET.parse(fresh).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text for f in translation.findall("numerusform")] or [translation.text]
            if translation.get("type") in ("unfinished", "obsolete", "vanished") or not all(forms):
                missing.append(f"{context.findtext('name')}: {message.findtext('source')}")
    assert not missing, f"{len(missing)} UI strings have no {language} translation, e.g. {missing[:5]}"
    assert compile_ts(fresh, tmp_path / f"fresh_{language}.qm").stat().st_size > 1000


def test_shipped_languages_are_offered_in_settings() -> None:
    from hubdesk.ui.app_settings import LANGUAGES

    assert set(shipped_languages()) == set(LANGUAGES) >= {"en", "fr", "sw", "ar"}
