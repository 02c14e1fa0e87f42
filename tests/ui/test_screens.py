"""Screenshots of the main screens, saved as PNGs under the test's folder, checked for not being blank.

Also: the interface in French, and a translation catalogue that covers every string of the UI.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from hubdesk.core.installation import Installation
from hubdesk.ui.translations import I18N_DIR, compile_ts, lrelease_command
from tests.ui.conftest import screenshot, sign_in_directly

MIN_COLOURS = 16


def test_screenshots_are_not_blank(qtbot: Any, library: Installation, make_window: Any, tmp_path: Path) -> None:
    library.learners.add("Amina", pictures=[0, 4, 8])
    library.learners.add("Joseph", pin="4821")
    grace = library.learners.add("Grace", role="facilitator", password="kettle-rain")
    library.learners.add("Kofi")
    window = make_window(library)
    window.resize(1180, 760)
    shots = tmp_path / "screens"
    shots.mkdir()
    colours = {"sign-in": screenshot(window, shots / "sign-in.png")}
    window.signin.choose(library.learners.find("Amina"))
    colours["sign-in-pictures"] = screenshot(window, shots / "sign-in-pictures.png")
    window.signin.show_tiles()

    shell = sign_in_directly(window, grace) if not grace.secrets else None
    if shell is None:
        window.sign_in(grace)
        shell = window.shell
    pack = library.packs.get("digital-literacy")
    library.progress.finish_lesson(grace.id, pack.id, pack.lessons[0].id)
    shell.show_library()
    colours["library"] = screenshot(window, shots / "library.png")
    shell.open_lesson(pack.id, "files-and-folders")
    colours["lesson"] = screenshot(window, shots / "lesson.png")
    shell.open_quiz(pack.id, "files-and-folders")
    shell.quiz.choose(shell.quiz.question.answers[0])
    shell.quiz.submit()
    colours["quiz"] = screenshot(window, shots / "quiz.png")
    with qtbot.waitSignal(shell.search_page.results_shown, timeout=15000):
        shell.search("foldr")
    colours["search"] = screenshot(window, shots / "search.png")
    shell.show_progress()
    colours["progress"] = screenshot(window, shots / "progress.png")
    for name, count in colours.items():
        assert (shots / f"{name}.png").stat().st_size > 5000, name
        assert count > MIN_COLOURS, f"the {name} screen looks blank ({count} colours)"


def test_the_interface_in_french(qtbot: Any, library: Installation, make_window: Any, tmp_path: Path) -> None:
    window = make_window(library)
    window.ctx.settings.language = "fr"
    window.retranslate()
    try:
        assert window.signin.title.text() == "Qui êtes-vous ?"
        amina = library.learners.add("Amina")
        window.signin.refresh()
        shell = sign_in_directly(window, amina)
        assert shell.home_button.text() == "Mes cours"
        assert shell.switch_button.text() == "Changer de personne"
        assert "0 sur 7 leçons terminées" in " ".join(
            w.text() for w in shell.library.cards[0].findChildren(type(shell.library.empty))
        )
        screenshot(window, tmp_path / "library-fr.png")
    finally:
        window.translations.apply("en")


def test_french_catalogue_translates_every_ui_string(tmp_path: Path) -> None:
    if lrelease_command() is None:
        pytest.skip("pyside6-lrelease is not installed")
    fresh = tmp_path / "fresh_fr.ts"
    shutil_ts = I18N_DIR / "hubdesk_fr.ts"
    fresh.write_bytes(shutil_ts.read_bytes())
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
    assert not missing, f"{len(missing)} UI strings have no French translation, e.g. {missing[:5]}"
    qm = compile_ts(fresh, tmp_path / "fresh_fr.qm")
    assert qm.stat().st_size > 1000
