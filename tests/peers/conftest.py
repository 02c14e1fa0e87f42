"""Real ``hubdesk peer serve`` processes on 127.0.0.1, each with its own data folder and port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hubdesk.core.installation import Installation


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def hubdesk(data: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hubdesk", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


class PeerProcess:
    """One ``hubdesk peer serve`` that can be stopped (cut off) and started again on the same port."""

    def __init__(self, data: Path, port: int | None = None, rate: float = 100.0) -> None:
        self.data = data
        self.rate = rate
        self.port = port or free_port()
        self.address = f"127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> PeerProcess:
        log = open(self.data.parent / f"{self.data.name}-serve.log", "ab")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "hubdesk",
                "--data-dir",
                str(self.data),
                "peer",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--no-discovery",
                "--rate",
                str(self.rate),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(
                    f"peer serve exited: {(self.data.parent / f'{self.data.name}-serve.log').read_text()}"
                )
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise AssertionError("peer serve did not start listening")

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc = None


@pytest.fixture
def peer_process(tmp_path: Path) -> Iterator[Callable[..., tuple[PeerProcess, Installation]]]:
    """``peer_process("a")``: a data folder with its serve process started, and an Installation on it."""
    made: list[tuple[PeerProcess, Installation]] = []

    def factory(name: str, rate: float = 100.0) -> tuple[PeerProcess, Installation]:
        data = tmp_path / name
        inst = Installation(data)  # creates the database before the server opens it
        proc = PeerProcess(data, rate=rate).start()
        made.append((proc, inst))
        return proc, inst

    yield factory
    for proc, inst in made:
        proc.stop()
        inst.close()


def wait_for(condition: Callable[[], bool], timeout: float = 15.0, step: float = 0.05) -> float:
    """Seconds until ``condition()`` held; fails the test after ``timeout``."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if condition():
            return time.monotonic() - start
        time.sleep(step)
    raise AssertionError(f"condition not met within {timeout} s")
