"""Run a Syncthing of HubDesk's own: its own home folder, loopback only, nothing phoning home.

A centre's PC may already run Syncthing for other reasons; HubDesk never touches that one's
configuration unless told to attach to it. The Syncthing started here listens on 127.0.0.1 only,
with discovery, relays, NAT traversal, usage and crash reporting and upgrades all off: peers are
given by explicit address, because on a flaky uplink HubDesk decides who it talks to, and it must
never surprise anyone with traffic of its own.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from hubdesk.sync.syncthing import SyncthingClient, SyncthingError, SyncthingUnavailable

LOOPBACK = "127.0.0.1"

# Options written into config.xml before every start: what keeps a HubDesk Syncthing quiet and local.
_QUIET_OPTIONS = {
    "globalAnnounceEnabled": "false",
    "localAnnounceEnabled": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "urAccepted": "-1",
    "crashReportingEnabled": "false",
    "startBrowser": "false",
    "autoUpgradeIntervalH": "0",
    "announceLANAddresses": "false",
    "stunKeepaliveStartS": "0",
    "setLowPriority": "false",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return int(s.getsockname()[1])


def find_binary(binary: str | None = None) -> str | None:
    """Path of the ``syncthing`` program, or None when it is not installed."""
    return shutil.which(binary or os.environ.get("HUBDESK_SYNCTHING", "syncthing"))


class SyncthingProcess:
    """One Syncthing started and stopped by HubDesk, configured through its ``config.xml``.

    Ports are chosen once (free loopback ports) and kept in the config, so the address a peer was
    given stays right across restarts.
    """

    def __init__(
        self,
        home: Path,
        *,
        gui_port: int | None = None,
        listen_port: int | None = None,
        reconnect_s: int = 10,
        binary: str | None = None,
        name: str = "",
    ) -> None:
        self.home = Path(home)
        self._gui_port = gui_port
        self._listen_port = listen_port
        self.reconnect_s = reconnect_s
        self.name = name
        self._binary = binary
        self._proc: subprocess.Popen[bytes] | None = None
        self._device_id = ""

    # -- where things are -----------------------------------------------------------------------
    @property
    def config_path(self) -> Path:
        return self.home / "config.xml"

    @property
    def log_path(self) -> Path:
        return self.home / "syncthing.log"

    @property
    def pid_path(self) -> Path:
        return self.home / "hubdesk-syncthing.pid"

    def _root(self) -> ET.Element:
        return ET.parse(self.config_path).getroot()

    @property
    def api_key(self) -> str:
        return self._root().findtext("gui/apikey") or ""

    @property
    def gui_url(self) -> str:
        return "http://" + (self._root().findtext("gui/address") or "")

    @property
    def listen_address(self) -> str:
        """The address a peer should be given to reach this Syncthing, e.g. ``tcp://127.0.0.1:22001``."""
        return self._root().findtext("options/listenAddress") or ""

    @property
    def device_id(self) -> str:
        """This Syncthing's device id (from its certificate), known without it running."""
        if not self._device_id:
            done = subprocess.run(
                [self._run_binary(), "serve", f"--home={self.home}", "--device-id"],
                capture_output=True,
                timeout=30,
                check=False,
            )
            self._device_id = done.stdout.decode().strip() if done.returncode == 0 else ""
            if not self._device_id:
                raise SyncthingError(f"Syncthing's device id could not be read from {self.home}.")
        return self._device_id

    def client(self, timeout: float = 10.0) -> SyncthingClient:
        return SyncthingClient(self.gui_url, self.api_key, timeout=timeout)

    # -- setting up -----------------------------------------------------------------------------
    def _run_binary(self) -> str:
        found = find_binary(self._binary)
        if found is None:
            raise SyncthingUnavailable(
                "The syncthing program is not installed; install it (apt-get install syncthing) "
                "or attach HubDesk to a Syncthing that runs elsewhere."
            )
        return found

    def prepare(self) -> None:
        """Generate keys and config on first use, then (re)write the loopback-only options."""
        binary = self._run_binary()
        self.home.mkdir(parents=True, exist_ok=True)
        if not self.config_path.exists():
            done = subprocess.run(
                [binary, "generate", f"--home={self.home}", "--no-default-folder"],
                env={**os.environ, "STNODEFAULTFOLDER": "1"},
                capture_output=True,
                timeout=60,
                check=False,
            )
            if done.returncode != 0 or not self.config_path.exists():
                tail = (done.stderr or done.stdout).decode(errors="replace").strip().splitlines()[-1:]
                raise SyncthingError(f"Syncthing could not create its configuration: {' '.join(tail)}.")
        root = self._root()
        old_gui = root.findtext("gui/address") or ""
        old_listen = root.findtext("options/listenAddress") or ""
        gui_port = self._gui_port or _port_of(old_gui, default_is=8384) or free_port()
        listen_port = self._listen_port or _port_of(old_listen, default_is=22000) or free_port()
        gui = root.find("gui")
        assert gui is not None  # syncthing generate always writes one
        gui.set("tls", "false")
        _set(gui, "address", f"{LOOPBACK}:{gui_port}")
        options = root.find("options")
        assert options is not None
        for extra in options.findall("listenAddress"):
            options.remove(extra)
        ET.SubElement(options, "listenAddress").text = f"tcp://{LOOPBACK}:{listen_port}"
        for key, value in {**_QUIET_OPTIONS, "reconnectionIntervalS": str(self.reconnect_s)}.items():
            _set(options, key, value)
        me = root.find("device")
        if me is not None and self.name:
            me.set("name", self.name)
        ET.ElementTree(root).write(self.config_path, encoding="unicode")

    # -- running --------------------------------------------------------------------------------
    def start(self, *, timeout: float = 30.0, detach: bool = False) -> SyncthingClient:
        """Start Syncthing and return a client once its API answers.

        ``detach`` leaves it running after this Python process ends (``hubdesk sync syncthing
        start``); otherwise it is this process's child and :meth:`stop` ends it.
        """
        client = self.launch(detach=detach)
        return client or self.wait_ready(timeout)

    def launch(self, *, detach: bool = False) -> SyncthingClient | None:
        """Start the process without waiting (so two can boot side by side); a client if already up."""
        if self.config_path.exists() and _port_of(self.gui_url, default_is=8384):
            existing = self.client()
            if existing.ping():
                return existing  # already running (started detached earlier)
            existing.close()
        self.prepare()
        binary = self._run_binary()
        # STHASHING names the SHA-256 code to use, which spares the second-long benchmark Syncthing
        # otherwise runs at every start (both are correct; this only saves start-up time)
        env = {"STHASHING": "minio", **os.environ, "STNODEFAULTFOLDER": "1", "STNORESTART": "1", "STNOUPGRADE": "1"}
        cmd = [
            binary,
            "serve",
            f"--home={self.home}",
            "--no-browser",
            "--no-restart",
            "--no-upgrade",
            "--skip-port-probing",
            f"--gui-address={self.gui_url}",
        ]
        if detach:
            # through a shell that exits at once: Syncthing outlives this process, and no Popen is
            # left behind for Python to warn about
            done = subprocess.run(
                [
                    "sh",
                    "-c",
                    'LOG="$1"; shift; "$@" >>"$LOG" 2>&1 </dev/null & echo $!',
                    "sh",
                    str(self.log_path),
                    *cmd,
                ],
                env=env,
                capture_output=True,
                start_new_session=True,
                timeout=30,
                check=False,
            )
            self.pid_path.write_text(done.stdout.decode().strip())
            return None
        with open(self.log_path, "ab") as log:
            # its own process group: Syncthing runs as a monitor plus a child, and both must end
            self._proc = subprocess.Popen(
                cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True
            )
        self.pid_path.write_text(str(self._proc.pid))
        return None

    def wait_ready(self, timeout: float = 30.0) -> SyncthingClient:
        """Wait until the launched Syncthing's API answers."""
        client = self.client()
        detached_pid = None if self._proc is not None else _read_pid(self.pid_path)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ended = self._proc.poll() is not None if self._proc else detached_pid and not _alive(detached_pid)
            if ended:
                client.close()
                raise SyncthingError(f"Syncthing stopped as it started: {self._last_log_line()}")
            if client.ping():
                return client
            time.sleep(0.1)
        client.close()
        self.stop()
        raise SyncthingUnavailable(f"Syncthing did not answer within {timeout:.0f} seconds.")

    def running(self) -> bool:
        with self.client(timeout=2.0) as c:
            return c.ping()

    def stop(self, timeout: float = 15.0) -> None:
        """Ask Syncthing to shut down over its API; end the process if it does not listen."""
        with contextlib.suppress(SyncthingError, SyncthingUnavailable), self.client(timeout=3.0) as c:
            c.shutdown()
        pid = self._proc.pid if self._proc else _read_pid(self.pid_path)
        if pid is None:
            return
        try:
            group = os.getpgid(pid)
        except ProcessLookupError:
            group = None
        if self._proc is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._proc.wait(timeout)
        else:
            deadline = time.monotonic() + timeout
            while _alive(pid) and time.monotonic() < deadline:
                time.sleep(0.05)
        if group is not None and group != os.getpgid(0) and _group_alive(group):
            # SIGTERM to the group (the monitor passes it on), then SIGKILL for anything left over
            for sig, grace in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 1.0)):
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(group, sig)
                end = time.monotonic() + grace
                while time.monotonic() < end and _group_alive(group):
                    if self._proc is not None:
                        self._proc.poll()  # reap our own child, or it lingers as a zombie of the group
                    time.sleep(0.05)
        if self._proc is not None:
            self._proc.wait(5)
            self._proc = None
        self.pid_path.unlink(missing_ok=True)

    def _last_log_line(self) -> str:
        try:
            lines = self.log_path.read_text(errors="replace").strip().splitlines()
        except OSError:
            return "no log was written."
        return lines[-1] if lines else "no log was written."

    def __enter__(self) -> SyncthingProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _set(parent: ET.Element, tag: str, value: str) -> None:
    el = parent.find(tag)
    if el is None:
        el = ET.SubElement(parent, tag)
    el.text = value


def _port_of(address: str, *, default_is: int) -> int | None:
    """The port of a configured address, unless it is Syncthing's shared default (another may hold it)."""
    try:
        port = int(address.rsplit(":", 1)[1])
    except (IndexError, ValueError):
        return None
    return None if port == default_is else port


def _read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return None


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a child that exited but was not reaped is a zombie: count it as gone
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except OSError:
        return True
