"""Who may speak for a study group: its first creation event and a chain of authority from it.

A version 2 group (id of 32 hex digits) is born with a ``group.created`` event that names:

- its first *verifier* (the public half of the join code's proof key). The group's id is a hash
  of it, so no other creation event can claim that id with a verifier of its own;
- its *authority*: the ed25519 public key of the creator's centre (each PC of a centre holds it;
  a PC with no centre is a centre of one and uses its own device key), which signs every act of
  authority over the group: a re-key (``group.rekeyed``) and a removal (``group.member_removed``);
- a *seal*: a signature made with the first join code's proof key over the id, the authority and
  the creator's learner, device and X25519 key, so a relay that saw the event (the hub) cannot
  write another one naming a different authority.

Receivers (the hub, every PC of a centre, LAN peers) apply the same rule, in
:mod:`hubdesk.core.groups._groups` (projections) and :mod:`hubdesk.sync.entitlement` (the hub):
a creation that fails these checks is ignored; an act of authority counts only when the
group's pinned authority signed it, checked when reading, so one that arrives before the
creation still ends up right. The newest event, whoever wrote it, decides nothing.

What stays open: whoever held the *first* join code (a member, or a removed one) can seal a
creation of the same id with an authority of its own. A receiver that already holds the real
creation keeps it (the first valid creation a replica projects is pinned, and every member, and
the hub once it carried the group, got the real one first); see ``docs/study-groups.md``.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from hubdesk.core.groups import _join_proofs
from hubdesk.core.identity import verify

SIG_MAX = 200


@dataclass(frozen=True)
class Authority:
    """The key a PC signs group acts with: its centre's (or, with no centre, its device's)."""

    public_b64: str
    sign: Callable[[bytes], bytes]


def _canonical(kind: str, group_id: str, fields: Mapping[str, Any]) -> bytes:
    body = json.dumps({"kind": kind, "group": group_id, **fields}, sort_keys=True, separators=(",", ":"))
    return b"hubdesk/group-act/v1|" + body.encode()


def sign_act(authority: Authority, kind: str, group_id: str, fields: Mapping[str, Any]) -> str:
    return base64.b64encode(authority.sign(_canonical(kind, group_id, fields))).decode()


def act_valid(authority_b64: str, signature_b64: object, kind: str, group_id: str, fields: Mapping[str, Any]) -> bool:
    """True if ``authority_b64`` signed this act; False for anything odd or unsigned."""
    if not authority_b64 or not isinstance(signature_b64, str) or len(signature_b64) > SIG_MAX:
        return False
    try:
        signature = base64.b64decode(signature_b64, validate=True)
    except ValueError:
        return False
    return len(signature) == 64 and verify(authority_b64, signature, _canonical(kind, group_id, fields))


def creation_message(group_id: str, authority: str, learner: str, device: str, xkey: str) -> bytes:
    return f"hubdesk/group-created/v2|{group_id}|{authority}|{learner}|{device}|{xkey}".encode()


def seal_creation(key: bytes, group_id: str, authority: str, learner: str, device: str, xkey: str) -> str:
    return _join_proofs.sign(key, creation_message(group_id, authority, learner, device, xkey))


def creation_valid(group_id: str, payload: Mapping[str, Any], learner_id: str | None) -> bool:
    """A version 2 creation: its verifier hashes to the group id, and the seal made with that
    verifier's key binds the authority and the creator."""
    verifier, authority, seal = payload.get("verifier"), payload.get("authority"), payload.get("seal")
    device, xkey = payload.get("device"), payload.get("xkey")
    if not all(isinstance(v, str) for v in (verifier, authority, seal, device, xkey)) or not learner_id:
        return False
    assert isinstance(verifier, str) and isinstance(seal, str)
    if _join_proofs.group_id_of(verifier) != group_id:
        return False
    message = creation_message(group_id, str(authority), learner_id, str(device), str(xkey))
    return _join_proofs.check_signature(verifier, seal, message)


def rekey_fields(payload: Mapping[str, Any]) -> dict[str, Any]:
    """What the authority signs in a re-key: everything that says who keeps the group."""
    return {k: payload.get(k) for k in ("epoch", "route", "verifier", "wraps")}


def removal_fields(payload: Mapping[str, Any]) -> dict[str, Any]:
    """What the authority signs in a removal: who, by whom, and which membership (its join stamp),
    so replaying the event later cannot remove someone who was let back in."""
    return {k: payload.get(k) for k in ("learner", "by", "joined")}
