"""Read aloud: the lesson is spoken by espeak-ng sentence by sentence, highlighted, paused, stopped.

The test machine has no sound device: the samples are produced all the same (the first ones are
timed) and the highlight moves at the pace of the speech, which is what a learner would follow.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hubdesk.core.installation import Installation
from hubdesk.ui.read_aloud import ReadAloudBar
from hubdesk.ui.speech import Speaker, espeak_program, sentences, voice_for
from tests.ui.conftest import screenshot, sign_in_directly

needs_espeak = pytest.mark.skipif(espeak_program() is None, reason="espeak-ng is not installed (packaging/setup.sh)")


def test_sentences_are_cut_where_a_reader_pauses() -> None:
    text = "Open the folder. Is it there?\nYes!  Then: save it; close it\n\n## Next\n..."
    assert sentences(text) == ["Open the folder.", "Is it there?", "Yes!", "Then:", "save it;", "close it", "## Next"]
    assert sentences("هل فهمت؟ نعم.") == ["هل فهمت؟", "نعم."]
    assert voice_for("fr") == "fr" and voice_for("fr-CA") == "fr" and voice_for("xx") == "en"


@needs_espeak
def test_the_lesson_is_read_sentence_by_sentence_and_stops_at_sign_out(
    qtbot: Any, library: Installation, make_window: Any, tmp_path: Path
) -> None:
    amina = library.learners.add("Amina")
    window = make_window(library)
    shell = sign_in_directly(window, amina)
    pack = library.packs.get("digital-literacy")
    shell.open_lesson(pack.id, pack.lessons[0].id)
    bar: ReadAloudBar = shell.reader.read_aloud
    assert bar.read_button.isEnabled()
    started: list[int] = []
    bar.speaker.sentence_started.connect(started.append)
    with qtbot.waitSignal(bar.speaker.first_samples, timeout=5000) as first:
        bar.read_button.click()
    assert 0 < first.args[0] < 2.0
    assert bar.speaker.voice == "en"
    first_sentence = sentences(shell.reader.browser.toPlainText())[0]
    assert bar.highlighted() == first_sentence
    screenshot(window, tmp_path / "reading-aloud.png")
    bar.speed.setCurrentIndex(bar.speed.findData("fast"))
    qtbot.waitUntil(lambda: 1 in started, timeout=15000)  # the highlight moves on with the speech
    assert bar.speaker.rate == 210
    second = sentences(shell.reader.browser.toPlainText())[1]
    assert bar.highlighted() == second
    bar.read_button.click()  # pause
    assert bar.speaker.paused and bar.read_button.text().endswith("Resume")
    qtbot.wait(300)
    assert started[-1] == 1  # nothing moves while paused
    bar.read_button.click()  # resume: the same sentence again, from its start
    assert not bar.speaker.paused and started[-1] == 1 and len(started) >= 3
    window.sign_out()
    assert not bar.speaker.speaking


@needs_espeak
def test_a_french_lesson_is_read_in_a_french_voice_and_quiz_questions_too(
    qtbot: Any, inst: Installation, pack_file: Callable[[str], Path], make_window: Any
) -> None:
    inst.packs.install(pack_file("calcul-au-quotidien"))
    inst.packs.install(pack_file("digital-literacy"))
    amina = inst.learners.add("Amina")
    window = make_window(inst)
    shell = sign_in_directly(window, amina)
    pack = inst.packs.get("calcul-au-quotidien")
    shell.open_lesson(pack.id, pack.lessons[0].id)
    with qtbot.waitSignal(shell.reader.read_aloud.speaker.first_samples, timeout=5000):
        shell.reader.read_aloud.read_button.click()
    assert shell.reader.read_aloud.speaker.voice == "fr"
    quiz_lesson = next(ls.id for ls in pack.lessons if ls.quiz_path)
    shell.open_quiz(pack.id, quiz_lesson)
    assert not shell.reader.read_aloud.speaker.speaking  # leaving the lesson stopped it
    text, language = shell.quiz.read_aloud.text_source()
    assert language == "fr" and shell.quiz.question.prompt.split()[0] in text
    for choice in shell.quiz.question.choices:
        assert str(choice) in text
    with qtbot.waitSignal(shell.quiz.read_aloud.speaker.first_samples, timeout=5000):
        shell.quiz.read_aloud.read_button.click()
    shell.show_library()
    assert not shell.quiz.read_aloud.speaker.speaking


def test_without_espeak_ng_the_button_says_so(qtbot: Any) -> None:
    speaker = Speaker()
    speaker.program = None  # a PC where espeak-ng is not installed
    bar = ReadAloudBar(lambda: ("Hello.", "en"), speaker=speaker)
    qtbot.addWidget(bar)
    assert not bar.read_button.isEnabled()
    assert "espeak-ng" in bar.status.text() and not bar.status.isHidden()
    assert not bar.start()
