"""Study-group join codes: short enough to read aloud, strong enough that the code *is* the key.

A code is 9 random symbols plus 1 check symbol from Crockford's base-32 alphabet (no I, L, O, U),
shown as ``KTM4Q-9QPZX``. Reading it aloud is forgiving: case, spaces and dashes do not matter, and
the letters people confuse with digits (O, I, L) are read as 0, 1, 1. The check symbol catches a
mistyped symbol before the PC ever talks to a peer, so a typo gives "check the code" instead of a
refusal that looks like a wrong group.

Nothing else about a group needs to be said aloud: its 256-bit key is *derived* from the code
with scrypt, and its id from the key (a hash of the key's join verifier), so whoever types the
code can find the group (by id) and prove it knows
the key, and a peer never needs to send either. 45 random bits behind a memory-hard KDF make an
offline guess of the code from a captured group id cost years of compute, which is plenty for a
study group on a centre's LAN.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from hubdesk.core.groups import _join_proofs
from hubdesk.errors import AuthError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
DATA_SYMBOLS = 9
GROUP_SIZE = 5
_ALIASES = {"O": "0", "I": "1", "L": "1"}
_SALT = b"hubdesk/study-group/v1"
# scrypt cost: ~50 ms once per create/join on a slow PC; the key is then stored locally.
_N, _R, _P = 2**14, 8, 1
ID_BYTES = 12


class JoinCodeError(AuthError):
    """A join code that is not well formed (wrong length, unknown symbol, failed check symbol)."""


@dataclass(frozen=True)
class GroupSecret:
    """What a join code unlocks: the group's id (says which group) and its key (proves membership).

    ``group_id`` is the hash of the key's verifier (:func:`_join_proofs.group_id_of`): for a code
    that started a group it is the group's id, for a code issued after a removal the *route id* a
    newcomer asks a peer for. ``legacy_id`` is the id the same code stood for before version 2.
    """

    code: str
    group_id: str
    key: bytes
    legacy_id: str = ""


def _check_symbol(data: str) -> str:
    # Odd weights are units mod 32, so every single-symbol substitution changes the sum.
    total = sum((2 * i + 1) * ALPHABET.index(ch) for i, ch in enumerate(data))
    return ALPHABET[total % 32]


def format_code(symbols: str) -> str:
    return "-".join(symbols[i : i + GROUP_SIZE] for i in range(0, len(symbols), GROUP_SIZE))


def new_code() -> str:
    data = "".join(secrets.choice(ALPHABET) for _ in range(DATA_SYMBOLS))
    return format_code(data + _check_symbol(data))


def normalise(code: str) -> str:
    """Return the canonical form of a code as a person typed or heard it, or raise JoinCodeError."""
    symbols = "".join(ch for ch in code.upper() if ch not in " -_.")
    symbols = "".join(_ALIASES.get(ch, ch) for ch in symbols)
    if len(symbols) != DATA_SYMBOLS + 1 or any(ch not in ALPHABET for ch in symbols):
        raise JoinCodeError(
            f"A join code has {DATA_SYMBOLS + 1} letters and digits, like {format_code('KTM4Q9QPZ' + 'X')}. "
            "Check the code and try again."
        )
    if _check_symbol(symbols[:DATA_SYMBOLS]) != symbols[DATA_SYMBOLS]:
        raise JoinCodeError("That join code is not right: one of its letters or digits is wrong. Check the code.")
    return format_code(symbols)


def derive(code: str) -> GroupSecret:
    """The group id and key a code stands for (raises JoinCodeError for a malformed code)."""
    canonical = normalise(code)
    material = hashlib.scrypt(
        canonical.replace("-", "").encode(), salt=_SALT, n=_N, r=_R, p=_P, dklen=ID_BYTES + 32, maxmem=64 * 1024 * 1024
    )
    key = material[ID_BYTES:]
    return GroupSecret(canonical, _join_proofs.group_id_of(_join_proofs.verifier(key)), key, material[:ID_BYTES].hex())
