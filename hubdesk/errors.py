"""One error hierarchy. Errors become words for a person only at the edges (CLI, dialogs).

Every message is a complete sentence a facilitator can act on; ``exit_code`` is what the CLI returns.
"""

from __future__ import annotations


class HubDeskError(Exception):
    """Root of every error HubDesk raises on purpose."""

    exit_code = 1


class StoreError(HubDeskError):
    """The database is missing, damaged or from a newer HubDesk."""


class NotFound(HubDeskError):
    """A pack, lesson, learner or group that does not exist."""

    exit_code = 3


class PackError(HubDeskError):
    """A course pack is damaged, hostile or cannot be installed."""

    exit_code = 2


class AuthError(HubDeskError):
    """A wrong PIN, password, join code, signature or an unknown device."""

    exit_code = 4


class LockedOut(AuthError):
    """Too many wrong attempts: the profile is locked for a while."""

    def __init__(self, message: str, seconds_left: float) -> None:
        super().__init__(message)
        self.seconds_left = seconds_left


class SyncError(HubDeskError):
    """A sync bundle or exchange was refused or could not complete."""

    exit_code = 5


class NetworkUnavailable(SyncError):
    """The other side could not be reached: try again later."""

    exit_code = 6


class Cancelled(HubDeskError):
    """The person cancelled a long operation; nothing was changed."""

    exit_code = 130


class UpdateError(HubDeskError):
    """A HubDesk release that is unsigned, altered or for another PC, or an update that could not be applied."""

    exit_code = 7
