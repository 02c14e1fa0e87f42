"""Joining a group through a peer, and a quick one-off sync, for the CLI and the app.

Joining with ``--peer`` proves the code to that peer *before* anything is stored: a wrong code
leaves no key, no membership event and no peer address behind, and the only thing said is that the
peer did not accept the code. With the right code the peer's sealed answer proves it holds the same
key; then the key is kept, the membership event appended, and the group's events exchanged, so the
new member sees the group's name, members and notes at once.

A code the creator was given after removing a member stands for a later key epoch of an existing
group: the peer's sealed handshake names that group and epoch, and the key is kept under it.
"""

from __future__ import annotations

from dataclasses import dataclass

from hubdesk.core.groups import derive
from hubdesk.core.installation import Installation
from hubdesk.core.learners import Learner
from hubdesk.errors import HubDeskError, SyncError
from hubdesk.peers.auth import GROUP_ID_RE
from hubdesk.peers.client import PeerClient, WrongCode, http_client, local_listen_port, parse_address
from hubdesk.sync.protocol import ExchangeResult


class JoinRefused(WrongCode):
    """The peer did not accept the join code (said without naming anyone or anything)."""


@dataclass(frozen=True)
class JoinResult:
    group_id: str
    peer_device: str | None
    exchanged: ExchangeResult | None


def join(
    inst: Installation, code: str, learner: Learner, peer: str | None = None, *, timeout: float = 5.0
) -> JoinResult:
    secret = derive(code)  # a mistyped code fails here, before any network traffic
    if peer is None:
        return JoinResult(inst.groups.join(code, learner), None, None)
    parse_address(peer)
    with http_client(timeout) as http:
        client = PeerClient(inst, peer, secret.group_id, secret.key, http, local_listen_port(inst))
        try:
            try:
                hello = client.hello()
            except WrongCode:
                client.group_id = secret.legacy_id  # a group started before version 2 goes by the code's old id
                hello = client.hello()
            device = str(hello["device"])
        except WrongCode as exc:
            raise JoinRefused(
                f"The peer at {peer} did not accept this join code. Check the code with the person who started "
                "the group, and try again."
            ) from exc
        named, epoch = hello.get("group"), hello.get("epoch")
        if isinstance(named, str) and GROUP_ID_RE.match(named) and isinstance(epoch, int) and named != secret.group_id:
            group_id = inst.groups.join(code, learner, group_id=named, epoch=epoch)
            client.group_id = group_id
        else:
            group_id = inst.groups.join(code, learner)
        inst.groups.add_peer(group_id, peer, device)
        for other in hello.get("peers") or []:
            if isinstance(other, str) and other != peer and _is_address(other):
                inst.groups.add_peer(group_id, other)  # its device id is learned on first contact
        return JoinResult(group_id, device, client.sync())


def _is_address(text: str) -> bool:
    try:
        parse_address(text)
    except SyncError:
        return False
    return len(text) <= 80


def sync_group(inst: Installation, group_id: str, *, timeout: float = 1.5) -> tuple[int, list[str]]:
    """Exchange the group's events with every known peer now; return (events received, unreachable peers)."""
    inst.groups.adopt_epochs(group_id)  # a newer key may have come through the hub or a USB bundle
    key = inst.groups.key(group_id)
    if key is None:
        return 0, []
    pulled, failed = 0, []
    with http_client(timeout) as http:
        for address, _device in inst.groups.peers(group_id):
            client = PeerClient(inst, address, group_id, key, http, local_listen_port(inst))
            try:
                try:
                    pulled += client.sync().pulled
                except WrongCode:
                    if not client.catch_up_epoch():  # the group moved to a newer key meanwhile?
                        raise
                    pulled += client.sync().pulled
            except HubDeskError:
                failed.append(address)
    return pulled, failed
