from __future__ import annotations

import pytest

from hubdesk.core.groups import ALPHABET, JoinCodeError, derive, group_id_of, join_verifier, new_code, normalise


def test_codes_are_short_grouped_and_read_forgivingly() -> None:
    code = new_code()
    assert len(code) == 11 and code[5] == "-"
    assert all(ch in ALPHABET for ch in code.replace("-", ""))
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert normalise(typed) == code


def test_every_single_symbol_typo_is_caught_by_the_check_symbol() -> None:
    code = new_code().replace("-", "")
    for i in range(len(code)):
        for ch in ALPHABET:
            if ch != code[i]:
                with pytest.raises(JoinCodeError):
                    normalise(code[:i] + ch + code[i + 1 :])


@pytest.mark.parametrize("bad", ["", "ABC", "KTM4Q-9QPZX-7", "KTM4Q-9QPZ!", "UUUUU-UUUUU"])
def test_malformed_codes_are_refused_with_words(bad: str) -> None:
    with pytest.raises(JoinCodeError, match="code"):
        normalise(bad)


def test_id_and_key_are_derived_from_the_code_alone() -> None:
    code = new_code()
    a, b = derive(code), derive(code.lower())
    assert (a.group_id, a.key) == (b.group_id, b.key)
    assert len(a.key) == 32 and len(a.group_id) == 32 and len(a.legacy_id) == 24
    assert a.group_id == group_id_of(join_verifier(a.key))  # the id is a hash of the verifier
    other = derive(new_code())
    assert other.group_id != a.group_id and other.key != a.key
