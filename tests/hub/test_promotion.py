"""Contributions through the hub: only what the hub promotes reaches other centres (HTTP and USB)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from hubdesk.cli import main
from hubdesk.core.contributions import Content
from hubdesk.core.events import COMMUNITY
from hubdesk.core.installation import Installation
from hubdesk.hub.promotion import PromoteError, listing, promote
from hubdesk.sync.entitlement import hub_policy
from hubdesk.sync.http import sync_now
from tests.core.reports_util import make_course
from tests.sync.helpers import enrol, running_hub


def test_only_what_the_hub_promotes_reaches_other_centres(
    make_inst: Callable[[str], Installation], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hub, kibera, mombasa = make_inst("hub"), make_inst("kibera"), make_inst("mombasa")
    course = make_course(tmp_path / "src", tmp_path / "money.hubpack")
    for centre in (kibera, mombasa):
        centre.packs.install(course)
    amina = kibera.learners.add("Amina")
    grace = kibera.learners.add("Grace", role="facilitator", password="s3cret-pass")
    c = kibera.contributions
    tip = c.submit(amina, Content("tip", "money", "market", body="Ask twice at **Gikomba**."), licence_accepted=True)
    draft = c.save_draft(amina, Content("tip", "money", "counting", body="Still thinking."))
    c.approve(grace, tip.id)
    kibera.log.append("note.edit", {"t": "a centre's own community event"}, scope=COMMUNITY)  # not promoted
    with running_hub(hub) as (url, _):
        for centre in (kibera, mombasa):
            enrol(centre, hub, url)
        sync_now(kibera, packs=False)
        sync_now(mombasa, packs=False)
        assert not mombasa.log.events("note.edit")  # a centre's community event stays at the hub
        assert not mombasa.log.events("contribution.submitted")
        [seen] = listing(hub)
        assert (seen.item.id, seen.item.state, seen.promoted) == (tip.id, "approved", False)
        assert draft.id not in {h.item.id for h in listing(hub)}  # drafts never leave the centre
        data = str(tmp_path / "hub")
        with pytest.raises(PromoteError, match="No approved"):
            promote(hub, draft.id)
        assert main(["--data-dir", data, "hub", "promote", seen.pack]) == 0  # the whole community pack
        assert "Shared 1 contribution" in capsys.readouterr().out
        assert main(["--data-dir", data, "hub", "contributions", "--json"]) == 0
        [row] = json.loads(capsys.readouterr().out)
        assert row["promoted"] is True and row["by"] == "Amina" and row["licence"] == "CC BY-SA 4.0"
        sync_now(mombasa, packs=False)
    shared = mombasa.packs.get("community-shared-en")
    [lesson] = shared.lessons
    text = mombasa.packs.read_lesson(shared.id, lesson.id)
    assert "Gikomba" in text and "By Amina" in text and "CC BY-SA 4.0" in text
    assert shared.lessons[0].id == "money.market.learners"


def test_the_hub_sends_only_its_own_community_events(make_inst: Callable[[str], Installation]) -> None:
    """The rule every transport applies (HTTP answers, USB and Syncthing bundles use the same policy)."""
    hub = make_inst("hub")
    policy = hub_policy(hub.log, "some-centre")
    assert policy.may_send(hub.device_id, COMMUNITY)
    assert not policy.may_send("another-centre", COMMUNITY)
    assert not policy.may_send("some-centre", COMMUNITY)
