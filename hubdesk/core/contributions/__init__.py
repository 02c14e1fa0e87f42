"""Learners' contributions: drafts, submission under CC BY-SA, facilitators' review, the community pack.

The public names are here; the modules behind them are private. See ``docs/contributions.md``.
"""

from __future__ import annotations

from hubdesk.core.contributions._community import PREFIX as COMMUNITY_PREFIX
from hubdesk.core.contributions._community import CommunityPacks, community_pack_id
from hubdesk.core.contributions._manager import Contributions
from hubdesk.core.contributions._model import (
    APPROVED,
    CHANGES_ASKED,
    DAILY_LIMIT,
    DECLINED,
    DRAFT,
    KINDS,
    LICENCE,
    MAX_BODY,
    OPEN,
    STATES,
    SUBMITTED,
    WITHDRAWN,
    Content,
    Contribution,
    ContributionError,
)
from hubdesk.core.contributions._pictures import MAX_PICTURE_BYTES, MAX_PICTURES
from hubdesk.core.contributions._pictures import encode as encode_picture
from hubdesk.core.contributions._shared import PROMOTED, SharedPacks

__all__ = [
    "APPROVED",
    "CHANGES_ASKED",
    "COMMUNITY_PREFIX",
    "DAILY_LIMIT",
    "DECLINED",
    "DRAFT",
    "KINDS",
    "LICENCE",
    "MAX_BODY",
    "MAX_PICTURES",
    "MAX_PICTURE_BYTES",
    "OPEN",
    "PROMOTED",
    "STATES",
    "SUBMITTED",
    "WITHDRAWN",
    "CommunityPacks",
    "Content",
    "Contribution",
    "ContributionError",
    "Contributions",
    "SharedPacks",
    "community_pack_id",
    "encode_picture",
]
