"""Study groups: membership, join codes and proofs, authority, key epochs, shared notes, questions.

The public names are here; the modules behind them are private. See ``docs/study-groups.md``.
"""

from __future__ import annotations

from hubdesk.core.groups._authority import Authority
from hubdesk.core.groups._epochs import EpochKey, GroupEpochs, device_xkey, is_cut_off, public_b64, unwrap, wrap
from hubdesk.core.groups._groups import Groups
from hubdesk.core.groups._join_codes import ALPHABET, GroupSecret, JoinCodeError, derive, new_code, normalise
from hubdesk.core.groups._join_proofs import check as check_join_proof
from hubdesk.core.groups._join_proofs import group_id_of, is_legacy
from hubdesk.core.groups._join_proofs import prove as prove_join
from hubdesk.core.groups._join_proofs import verifier as join_verifier
from hubdesk.core.groups._keys import DROPPED as KEY_DROPPED
from hubdesk.core.groups._keys import KEPT as KEY_KEPT
from hubdesk.core.groups._membership import groups_of_device, join_verified
from hubdesk.core.groups._model import NAME_MAX, Group, GroupError, Member, group_of_event
from hubdesk.core.groups._notes import DEFAULT_NOTE, GroupNotes, NoteError, diff_edit, doc_from_state, text_of
from hubdesk.core.groups._questions import Answer, GroupQuestions, Question

__all__ = [
    "ALPHABET",
    "DEFAULT_NOTE",
    "KEY_DROPPED",
    "KEY_KEPT",
    "NAME_MAX",
    "Answer",
    "Authority",
    "EpochKey",
    "Group",
    "GroupEpochs",
    "GroupError",
    "GroupNotes",
    "GroupQuestions",
    "GroupSecret",
    "Groups",
    "JoinCodeError",
    "Member",
    "NoteError",
    "Question",
    "check_join_proof",
    "derive",
    "device_xkey",
    "diff_edit",
    "doc_from_state",
    "group_id_of",
    "group_of_event",
    "groups_of_device",
    "is_cut_off",
    "is_legacy",
    "join_verified",
    "join_verifier",
    "new_code",
    "normalise",
    "prove_join",
    "public_b64",
    "text_of",
    "unwrap",
    "wrap",
]
