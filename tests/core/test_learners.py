from __future__ import annotations

import pytest

from hubdesk.core.installation import Installation
from hubdesk.core.learners import LearnerError, Learners, LockoutPolicy
from hubdesk.errors import AuthError, LockedOut


def test_pin_and_pictures(inst: Installation) -> None:
    amina = inst.learners.add("Amina", pin="2468")
    kofi = inst.learners.add("Kofi", pictures=[3, 0, 8])
    assert inst.learners.verify(amina.id, "pin", "2468").name == "Amina"
    assert inst.learners.verify(kofi.id, "pictures", [3, 0, 8]).name == "Kofi"
    with pytest.raises(AuthError):
        inst.learners.verify(kofi.id, "pictures", [0, 3, 8])


@pytest.mark.parametrize("pin", ["12", "1234567", "12a4", ""])
def test_bad_pins_refused(inst: Installation, pin: str) -> None:
    with pytest.raises(LearnerError):
        inst.learners.add("Amina", pin=pin)
    assert inst.learners.all() == []


def test_lockout_grows(inst: Installation) -> None:
    clock = [1000.0]
    learners = Learners(inst.log, LockoutPolicy(free_attempts=2, first_delay_s=10), now=lambda: clock[0])
    amina = learners.add("Amina", pin="2468")
    with pytest.raises(AuthError):
        learners.verify(amina.id, "pin", "0000")
    with pytest.raises(LockedOut) as first:
        learners.verify(amina.id, "pin", "0000")
    assert first.value.seconds_left == 10
    with pytest.raises(LockedOut):
        learners.verify(amina.id, "pin", "2468")  # even the right PIN waits
    clock[0] += 11
    with pytest.raises(LockedOut) as second:
        learners.verify(amina.id, "pin", "1111")
    assert second.value.seconds_left == 20
    clock[0] += 21
    assert learners.verify(amina.id, "pin", "2468").id == amina.id
    assert learners.locked_for(amina.id) == 0


def test_rename_remove_and_duplicates(inst: Installation) -> None:
    amina = inst.learners.add("Amina")
    with pytest.raises(LearnerError):
        inst.learners.add("amina")
    inst.learners.rename(amina.id, "Amina Diallo")
    assert inst.learners.find("amina diallo").id == amina.id
    inst.learners.remove(amina.id)
    assert inst.learners.all() == []
