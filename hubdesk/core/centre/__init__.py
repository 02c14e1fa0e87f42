"""Centres: a community centre is many shared PCs; learners roam between them (see docs/centres.md)."""

from hubdesk.core.centre import _tables  # noqa: F401  (registers the migrations and projectors)
from hubdesk.core.centre._centre import Centre, CentreError, CentreInfo, CentrePC, Centres, hub_link, iso
from hubdesk.core.centre._codes import MAX_WRONG, VALID_S, JoinCodes, JoinSecret, derive
from hubdesk.core.centre._membership import Membership

__all__ = [
    "MAX_WRONG",
    "VALID_S",
    "Centre",
    "CentreError",
    "CentreInfo",
    "CentrePC",
    "Centres",
    "JoinCodes",
    "JoinSecret",
    "Membership",
    "derive",
    "hub_link",
    "iso",
]
