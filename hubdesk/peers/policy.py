"""What may cross between members of a study group: that group's events, from any member's device."""

from __future__ import annotations

from hubdesk.core.events import group_scope
from hubdesk.sync.protocol import Policy


def group_policy(group_id: str) -> Policy:
    """Only ``group:<id>`` crosses, both ways; other devices' group events are relayed too, so a
    member who reaches only one other member still gets everyone's edits."""
    scope = group_scope(group_id)

    def same_group(_device_id: str, s: str) -> bool:
        return s == scope

    return Policy(may_send=same_group, accept=same_group, show=same_group)
