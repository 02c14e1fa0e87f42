"""A real ``hubdesk hub serve`` process on a free loopback port, with its log kept for inspection."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class HubProcess:
    def __init__(self, data: Path, *options: str, scheme: str = "http") -> None:
        self.data = data
        self.options = options
        self.port = free_port()
        self.url = f"{scheme}://127.0.0.1:{self.port}"
        self.log_path = data.parent / f"{data.name}-{self.port}-serve.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, *, verify: bool | str = True) -> HubProcess:
        cmd = [sys.executable, "-m", "hubdesk", "--data-dir", str(self.data), "hub", "serve"]
        cmd += ["--host", "127.0.0.1", "--port", str(self.port), *self.options]
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while True:
            assert self.proc.poll() is None, self.log()
            try:  # any answer will do (a browser's GET / gets the operator's dashboard)
                httpx.get(self.url + "/enrol", timeout=1, verify=verify)
                return self
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the hub did not start"
            time.sleep(0.1)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def open_files(self) -> int:
        assert self.proc is not None
        return int(psutil.Process(self.proc.pid).num_fds())

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc = None
