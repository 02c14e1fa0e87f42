"""The opportunistic scheduler: backoff bounds on a fake clock, priorities, errors in words, and a
real loopback hub that goes down and comes back."""

from __future__ import annotations

import random
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest
import uvicorn

from hubdesk.core.installation import Installation
from hubdesk.errors import NetworkUnavailable
from hubdesk.hub.server import Hub
from hubdesk.sync import enrolment
from hubdesk.sync.http import HubClient
from hubdesk.sync.scheduler import PRIORITY_EVENTS, PRIORITY_PACKS, Backoff, Scheduler, SchedulerStatus, Step, Target
from hubdesk.sync.state import SyncState
from hubdesk.sync.targets import scheduler_for


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


def wait_until(cond: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():
            return True
        time.sleep(0.02)
    return cond()


# -- backoff ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_backoff_grows_exponentially_within_jitter_bounds_and_stops_at_the_cap(seed: int) -> None:
    b = Backoff(base=5.0, cap=900.0, rng=random.Random(seed))
    ceilings = [b.ceiling(n) for n in range(1, 15)]
    assert ceilings[:5] == [5.0, 10.0, 20.0, 40.0, 80.0]
    assert max(ceilings) == 900.0 and ceilings[-1] == 900.0
    for n in range(1, 40):
        c = b.ceiling(n)
        samples = [b.delay(n) for _ in range(200)]
        assert all(c / 2 <= s <= c for s in samples), n
        assert len({round(s, 6) for s in samples}) > 150  # jitter: centres do not retry in step


def test_offline_targets_are_retried_with_backoff_then_synced_at_the_normal_interval() -> None:
    clock, wall = FakeClock(), FakeClock()
    up = [False]
    runs: list[str] = []
    target = Target("the hub", lambda: up[0], [Step("progress", PRIORITY_EVENTS, lambda: runs.append("p") or "ok")])
    backoff = Backoff(base=5.0, cap=60.0, rng=random.Random(7))
    s = Scheduler([target], interval=300.0, backoff=backoff, clock=clock, wall=wall)

    waits = []
    for n in range(1, 9):
        assert s.poll()  # due: tries, fails
        st = s.status
        assert st.state == "offline" and st.failures == n and runs == []
        assert st.last_error == "The hub cannot be reached right now."
        wait = s.due_in()
        assert backoff.ceiling(n) / 2 <= wait <= backoff.ceiling(n)
        assert st.next_attempt == pytest.approx(wall() + wait)
        waits.append(wait)
        clock.advance(wait - 0.01)
        assert not s.poll()  # not yet due: nothing happens
        clock.advance(0.02)
    assert waits[-1] <= 60.0 and waits[-1] >= 30.0  # capped

    up[0] = True
    assert s.poll()
    st = s.status
    assert st.state == "idle" and st.failures == 0 and st.last_error is None and runs == ["p"]
    assert st.last_sync == wall() and s.due_in() == pytest.approx(300.0)
    assert "Last sync 0 seconds ago" in st.describe(now=wall())

    # "Sync now" (or a local change) makes it due at once, without waiting for the interval
    s.wake()
    assert s.poll() and runs == ["p", "p"]


def test_events_go_before_packs_and_only_reachable_targets_are_used() -> None:
    order: list[str] = []

    def step(name: str, prio: int) -> Step:
        return Step(name, prio, lambda: order.append(name) or name)

    packs_first = Target("the hub", lambda: True, [step("hub packs", PRIORITY_PACKS), step("hub events", 0)])
    peer = Target("the Syncthing peer", lambda: True, [step("bundles", PRIORITY_EVENTS)])
    gone = Target("a gone peer", lambda: 1 / 0 == 0, [step("never", PRIORITY_EVENTS)])  # probing raises: offline
    s = Scheduler([packs_first, peer, gone], clock=FakeClock(), wall=FakeClock())
    st = s.run_once()
    assert order.index("hub packs") == 2 and set(order[:2]) == {"hub events", "bundles"}
    assert "never" not in order
    assert st.reachable == ("the hub", "the Syncthing peer")
    assert st.summary == ("hub events", "bundles", "hub packs") or st.summary == ("bundles", "hub events", "hub packs")


def test_a_failing_step_is_reported_in_words_and_backs_off_and_the_rest_still_runs() -> None:
    ran: list[str] = []

    def refuse() -> str:
        raise NetworkUnavailable("The hub is busy; try again later.")

    def crash() -> str:
        raise ValueError("boom")

    t = Target(
        "the hub",
        lambda: True,
        [Step("progress", 0, refuse), Step("notes", 1, crash), Step("packs", 10, lambda: ran.append("packs") or "")],
    )
    s = Scheduler([t], backoff=Backoff(base=5, rng=random.Random(1)), clock=FakeClock(), wall=FakeClock())
    st = s.run_once()
    assert st.state == "error" and st.failures == 1 and ran == ["packs"]
    assert st.last_error is not None
    assert "Sync of progress with the hub failed: The hub is busy; try again later." in st.last_error
    assert "notes" in st.last_error and "boom" in st.last_error and "Traceback" not in st.last_error
    assert 2.5 <= s.due_in() <= 5.0


def test_the_thread_never_blocks_the_caller_reports_to_listeners_and_stops() -> None:
    release = threading.Event()
    seen: list[SchedulerStatus] = []

    def slow() -> str:
        release.wait(5)
        return "pushed 3 events"

    s = Scheduler([Target("the hub", lambda: True, [Step("progress", 0, slow)])], interval=3600)
    s.add_listener(seen.append)
    s.add_listener(lambda st: 1 / 0)  # a broken listener must not stop syncing
    t0 = time.monotonic()
    s.start()
    s.wake()
    assert time.monotonic() - t0 < 0.5  # the GUI thread returns at once while the sync runs
    assert wait_until(lambda: any(st.state == "syncing" for st in seen))
    release.set()
    assert wait_until(lambda: s.status.state == "idle" and s.status.summary == ("pushed 3 events",))
    s.stop()
    assert not s.running and s.status.state == "stopped"


# -- a real hub on loopback going down and up ---------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as so:
        so.bind(("127.0.0.1", 0))
        return int(so.getsockname()[1])


class LoopbackHub:
    """The real hub app on a uvicorn server in a thread, which the test can stop and start again."""

    def __init__(self, inst: Installation) -> None:
        self.hub = Hub(inst)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def up(self) -> None:
        config = uvicorn.Config(self.hub.app, host="127.0.0.1", port=self.port, log_level="error", lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        assert wait_until(lambda: self._server is not None and self._server.started)

    def down(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(10)
        self._server = self._thread = None


@pytest.fixture
def loopback_hub(make_inst: Callable[[str], Installation]) -> Iterator[LoopbackHub]:
    hub = LoopbackHub(make_inst("hub"))
    hub.up()
    yield hub
    hub.down()


def test_the_scheduler_syncs_when_the_hub_comes_back(
    loopback_hub: LoopbackHub, make_inst: Callable[[str], Installation]
) -> None:
    hub_inst = loopback_hub.hub.inst
    centre = make_inst("centre")
    code = enrolment.issue_code(SyncState(hub_inst.store), hub_inst.identity)
    client = HubClient.for_enrolment(centre, loopback_hub.url)
    client.enrol(code)
    client.close()
    loopback_hub.down()

    centre.learners.add("Amina Diallo")
    s = scheduler_for(centre, interval=3600)
    s.backoff = Backoff(base=0.2, cap=0.8)
    statuses: list[SchedulerStatus] = []
    s.add_listener(statuses.append)
    s.start()
    try:
        assert wait_until(lambda: s.status.failures >= 2)
        st = s.status
        assert st.state == "offline" and st.pending is not None and st.pending >= 1
        assert st.last_error is not None and "cannot be reached" in st.last_error
        assert "Amina Diallo" not in [x.name for x in hub_inst.learners.all()]
        # the error is kept where 'hubdesk sync status' shows it
        assert "cannot be reached" in SyncState(centre.store).get_json("last_error")["message"]

        loopback_hub.up()
        assert wait_until(lambda: s.status.state == "idle" and s.status.last_sync is not None, timeout=15)
    finally:
        s.stop()
    assert "Amina Diallo" in [x.name for x in hub_inst.learners.all()]
    assert s.status.pending == 0 and s.status.failures == 0
    assert any(st.state == "syncing" for st in statuses)
