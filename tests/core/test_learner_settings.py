"""Per-learner settings: validated, last writer wins, one learner's choice is not another's."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hubdesk.core.installation import Installation
from hubdesk.core.learner_settings import SettingError


def test_text_size_per_learner(inst: Installation) -> None:
    a, b = inst.learners.add("Amina").id, inst.learners.add("Ben").id
    assert inst.learner_settings.text_size(a) == 12
    inst.learner_settings.set_text_size(a, 20)
    inst.learner_settings.set_text_size(a, 20)  # unchanged: no second event
    assert inst.learner_settings.text_size(a) == 20 and inst.learner_settings.text_size(b) == 12
    assert len(inst.log.events("setting.changed")) == 1
    inst.learner_settings.set_ui_language(b, "fr")
    assert inst.learner_settings.all(b) == {"text_size": 12, "ui_language": "fr", "share_notes": False}
    with pytest.raises(SettingError):
        inst.learner_settings.set_text_size(a, 400)
    with pytest.raises(SettingError):
        inst.learner_settings.set(a, "colour_of_sky", "blue")


def test_last_writer_wins_in_any_order(make_inst: Callable[[str], Installation]) -> None:
    a, b = make_inst("a"), make_inst("b")
    lid = a.learners.add("Chloe").id
    b.log.apply(a.log.events())
    a.learner_settings.set_text_size(lid, 16)
    b.learner_settings.set_text_size(lid, 24)
    ea, eb = a.log.events("setting.changed"), b.log.events("setting.changed")
    winner = 24 if eb[0].hlc > ea[0].hlc else 16  # the same millisecond may order them either way
    a.log.apply(eb)
    b.log.apply(ea)
    assert a.learner_settings.text_size(lid) == b.learner_settings.text_size(lid) == winner
