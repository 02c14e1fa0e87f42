"""Clocks that lie: a PC days ahead is kept, reported, and never drags another PC's clock with it."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from hubdesk.cli import main
from hubdesk.core.clock import MAX_DRIFT_MS, HybridClock, stamp_ms
from hubdesk.core.clock_skew import DAY_MS, clocks_ahead
from hubdesk.core.installation import Installation


def test_observe_follows_within_the_bound_only() -> None:
    clock = HybridClock("me", now_ms=lambda: 1_000_000_000)
    near = f"{1_000_000_000 + MAX_DRIFT_MS:013x}-0000-peer"
    far = f"{1_000_000_000 + MAX_DRIFT_MS + 1:013x}-0000-liar"
    assert clock.observe(near) and clock.now() > near
    fresh = HybridClock("me", now_ms=lambda: 1_000_000_000)
    assert not fresh.observe(far)
    assert stamp_ms(fresh.now()) == 1_000_000_000  # not dragged forward at all


def _lying(inst: Installation, days: int) -> None:
    inst.log.clock = HybridClock(inst.device_id, now_ms=lambda: time.time_ns() // 1_000_000 + days * DAY_MS)


def test_a_pc_days_ahead_is_kept_reported_and_not_followed(
    make_inst: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, liar = make_inst("a"), make_inst("liar")
    _lying(liar, 3)
    ev = liar.log.append("test.thing", {"n": 1})
    assert a.log.apply([ev]) == [ev]  # nothing lost
    assert a.log.count() == 1
    mine = a.log.append("test.thing", {"n": 2})
    assert mine.hlc < ev.hlc and stamp_ms(mine.hlc) <= time.time_ns() // 1_000_000 + 1000
    [ahead] = clocks_ahead(a.store)
    assert ahead.device_id == liar.device_id and ahead.days == 3
    assert ahead.ahead_ms <= 3 * DAY_MS  # never more than it was
    assert ahead.describe().startswith(f"The clock of PC {liar.device_id} is")

    # a restart does not pick the far stamp up from the log either
    a.close()
    again = Installation(tmp_path / "a")
    try:
        assert stamp_ms(again.log.append("test.thing", {"n": 3}).hlc) < stamp_ms(ev.hlc) - DAY_MS
    finally:
        again.close()

    # sync status says it, as JSON and as a sentence
    assert main(["--data-dir", str(tmp_path / "a"), "sync", "status", "--json"]) == 0
    st = json.loads(capsys.readouterr().out)
    [c] = st["clocks_ahead"]
    assert c["device_id"] == liar.device_id and 2.9 < c["ahead_days"] <= 3.0
    assert main(["--data-dir", str(tmp_path / "a"), "sync", "status"]) == 0
    text = capsys.readouterr().out
    assert f"The clock of PC {liar.device_id} is 3 days ahead." in text


def test_a_clock_put_right_is_no_longer_reported(make_inst: Any) -> None:
    a, b = make_inst("a"), make_inst("b")
    _lying(b, 5)
    first = b.log.append("test.thing", {})
    a.log.apply([first])
    assert [c.device_id for c in clocks_ahead(a.store)] == [b.device_id]
    b.log.clock = HybridClock(b.device_id)  # its date set right; its HLC never goes back ...
    b.log.clock.observe(first.hlc)  # ... within the bound only: a stamp days ahead is not followed
    second = b.log.append("test.thing", {})
    assert second.hlc < first.hlc
    a.log.apply([second])
    assert clocks_ahead(a.store) == []
    a.log.apply([first])  # an older event arriving again changes nothing
    assert clocks_ahead(a.store) == []
