"""What a study group and a member are, and the small rules every group module shares."""

from __future__ import annotations

from dataclasses import dataclass, field

from hubdesk.core.events import GROUP_PREFIX, Event, group_scope
from hubdesk.errors import HubDeskError

NAME_MAX = 80


class GroupError(HubDeskError):
    """A group action that cannot be done (empty name, not a member, not the creator)."""


@dataclass(frozen=True)
class Member:
    learner_id: str
    name: str
    device_id: str
    is_creator: bool = False
    xkey: str = ""  # the X25519 public key of the member's device (wraps new keys after a removal)


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    pack: str | None
    lesson: str | None
    creator: str | None
    members: tuple[Member, ...] = field(default=())

    @property
    def scope(self) -> str:
        return group_scope(self.id)

    @property
    def known(self) -> bool:
        """False until the group's ``created`` event has reached this PC (joined offline)."""
        return self.creator is not None


def clean_text(text: str, limit: int, what: str) -> str:
    text = text.strip()
    if not text or len(text) > limit:
        raise GroupError(f"A {what} has 1 to {limit} characters.")
    return text


def bounded(value: object, limit: int) -> str:
    return str(value)[:limit] if value is not None else ""


def group_of_event(ev: Event) -> str | None:
    """The group an event belongs to; an event whose payload names another group is ignored."""
    if not ev.scope.startswith(GROUP_PREFIX):
        return None
    gid = ev.scope[len(GROUP_PREFIX) :]
    named = ev.payload.get("group", ev.payload.get("id"))
    return gid if named == gid else None
