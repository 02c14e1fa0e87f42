"""Reading aloud, offline, with espeak-ng: one sentence at a time, so the reader can highlight it.

The audio path: ``espeak-ng --stdout`` writes a WAV of one sentence; the app passes the samples to
``aplay`` (ALSA, in alsa-utils, present on Debian desktops; PulseAudio and PipeWire take ALSA
clients too) through its standard input. QtMultimedia is not in PySide6-Essentials, and a separate
player process keeps the GUI thread free. Where there is no player or no sound device (a test
machine), the samples are still produced and the highlight moves at the speed the sentence would
take to say (its length in samples), and the reader is told in words that nothing can be heard.

Each sentence is its own espeak-ng process: pausing stops the current one and resuming starts that
sentence again, so no half-said word is lost; the speed (words per minute) applies from the next
sentence.
"""

from __future__ import annotations

import re
import shutil
import time

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

VOICES = {"en": "en", "fr": "fr", "sw": "sw", "ar": "ar"}  # pack language -> espeak-ng voice
RATES = {"slow": 120, "normal": 160, "fast": 210}  # words per minute
WAV_HEADER = 44
BYTES_PER_SECOND = 22050 * 2  # espeak-ng writes 22.05 kHz, 16-bit mono
SENTENCE_END = re.compile(r"(?<=[.!?…:;。؟])\s+|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence of ``text`` starts and ends: cut after . ! ? … : ; (Arabic ؟) and at line ends.

    Spans index ``text`` itself, so a QTextDocument's plain text gives cursor positions directly.
    """
    spans = []
    start = 0
    for cut in [*SENTENCE_END.finditer(text), None]:
        end = cut.start() if cut is not None else len(text)
        piece = text[start:end]
        if re.search(r"\w", piece):
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
        if cut is not None:
            start = cut.end()
    return spans


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def espeak_program() -> str | None:
    return shutil.which("espeak-ng")


def voice_for(language: str) -> str:
    return VOICES.get(language.split("-")[0].lower(), "en")


class Speaker(QObject):
    """Says a list of sentences in a voice; says which sentence is being read."""

    sentence_started = Signal(int)
    finished = Signal()
    first_samples = Signal(float)  # seconds from speak() to the first samples of speech
    problem = Signal(str)  # in words, for the reader's status line

    def __init__(self, parent: QObject | None = None, player: list[str] | None = None) -> None:
        super().__init__(parent)
        self.program = espeak_program()
        found = shutil.which("aplay")
        self.player_cmd = player if player is not None else ([found, "-q", "-"] if found else [])
        self.sentences: list[str] = []
        self.voice = "en"
        self.rate = RATES["normal"]
        self.index = 0
        self.speaking = False
        self.paused = False
        self.asked_at = 0.0
        self.heard = True  # False once the player said there is no sound device
        self.synth: QProcess | None = None
        self.player: QProcess | None = None
        self.samples = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._sentence_done)

    @property
    def available(self) -> bool:
        return self.program is not None

    def speak(self, parts: list[str], language: str, start: int = 0) -> bool:
        """Start reading ``parts`` from ``start``; False (and nothing happens) without espeak-ng."""
        self.stop()
        if self.program is None or not parts:
            return False
        self.sentences, self.voice, self.index = parts, voice_for(language), start
        self.speaking, self.paused = True, False
        self.asked_at = time.perf_counter()
        self._say_current()
        return True

    def pause(self) -> None:
        if self.speaking and not self.paused:
            self.paused = True
            self._halt()

    def resume(self) -> None:
        if self.speaking and self.paused:
            self.paused = False
            self.asked_at = time.perf_counter()
            self._say_current()

    def stop(self) -> None:
        was = self.speaking
        self.speaking = self.paused = False
        self._halt()
        if was:
            self.finished.emit()

    def set_rate(self, words_per_minute: int) -> None:
        self.rate = max(80, min(400, int(words_per_minute)))

    # -- one sentence ----------------------------------------------------------------------------
    def _say_current(self) -> None:
        if self.index >= len(self.sentences):
            self.stop()
            return
        self.samples = 0
        self.sentence_started.emit(self.index)
        synth = QProcess(self)
        synth.readyReadStandardOutput.connect(self._on_output)
        synth.finished.connect(self._on_synth_finished)
        assert self.program is not None
        args = ["-v", self.voice, "-s", str(self.rate), "--stdout", self.sentences[self.index]]
        self.synth = synth
        if self.player_cmd and self.heard:
            player = QProcess(self)
            player.finished.connect(self._on_player_finished)
            player.start(self.player_cmd[0], self.player_cmd[1:])
            self.player = player
        synth.start(self.program, args)

    # slots are methods, not lambdas: PySide6 6.12 crashed ("deallocating None") on lambdas that
    # captured the QProcess and took QProcess.finished's (int, ExitStatus) arguments
    def _on_output(self) -> None:
        sender = self.sender()
        if isinstance(sender, QProcess):
            self._samples(sender)

    def _on_synth_finished(self) -> None:
        sender = self.sender()
        if isinstance(sender, QProcess):
            self._synth_done(sender)

    def _on_player_finished(self) -> None:
        sender = self.sender()
        if isinstance(sender, QProcess):
            self._player_done(sender, sender.exitCode())

    def _samples(self, synth: QProcess) -> None:
        if synth is not self.synth:
            return
        data = bytes(synth.readAllStandardOutput().data())
        before = self.samples
        self.samples += len(data)
        if before <= WAV_HEADER < self.samples:  # past the WAV header: the first sample of speech
            self.first_samples.emit(time.perf_counter() - self.asked_at)
        if self.player is not None and self.player.state() == QProcess.ProcessState.Running:
            self.player.write(data)

    def _synth_done(self, synth: QProcess) -> None:
        if synth is not self.synth:
            return
        self._samples(synth)
        if self.player is not None and self.player.state() == QProcess.ProcessState.Running:
            self.player.closeWriteChannel()  # the player ends when it has played the sentence
        else:  # nobody plays it: wait as long as saying it takes, so the highlight keeps pace
            seconds = max(0, self.samples - WAV_HEADER) / BYTES_PER_SECOND
            self.timer.start(int(seconds * 1000))

    def _player_done(self, player: QProcess, code: int) -> None:
        if player is not self.player:
            return
        if code != 0 and self.heard:
            self.heard = False
            self.problem.emit(self.tr("No sound device was found: the sentences are shown but cannot be heard."))
            self.player = None
            if self.synth is not None and self.synth.state() == QProcess.ProcessState.NotRunning:
                self._synth_done(self.synth)
            return
        self._sentence_done()

    def _sentence_done(self) -> None:
        if not self.speaking or self.paused:
            return
        self.index += 1
        self._say_current()

    def _halt(self) -> None:
        self.timer.stop()
        running = (self.synth, self.player)
        self.synth = self.player = None  # their finished signals are now ignored
        for proc in running:
            if proc is not None and proc.state() != QProcess.ProcessState.NotRunning:
                proc.kill()
                proc.waitForFinished(1000)
