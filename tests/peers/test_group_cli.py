"""``hubdesk group ...`` as a script uses it (in-process, real data folders)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hubdesk.cli import main
from hubdesk.core.groups import normalise


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_create_list_note_questions_leave(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "a"
    run(capsys, data, "learner", "add", "Amina")
    run(capsys, data, "learner", "add", "Kofi")
    rc, out, _ = run(capsys, data, "group", "create", "Fractions circle", "--as", "Amina", "--lesson", "maths/halves")
    assert rc == 0
    code = out.strip().splitlines()[-1]
    assert normalise(code) == code  # the join code alone on the last line
    rc, out, _ = run(capsys, data, "group", "list", "--json")
    [group] = json.loads(out)
    assert (group["name"], group["pack"], group["lesson"]) == ("Fractions circle", "maths", "halves")
    assert [m["name"] for m in group["members"]] == ["Amina"] and group["code"] == code
    gid = group["id"]
    assert run(capsys, data, "group", "join", code, "--as", "Kofi")[0] == 0
    rc, out, _ = run(capsys, data, "group", "note", "Fractions circle", "--as", "Amina", "--append", "Half of 8 is 4.")
    assert (rc, out) == (0, "Half of 8 is 4.\n")
    rc, out, _ = run(capsys, data, "group", "note", gid, "--as", "Kofi", "--append", "A quarter of 8 is 2.")
    assert out == "Half of 8 is 4.\nA quarter of 8 is 2.\n"
    assert run(capsys, data, "group", "ask", gid, "Why halves?", "--as", "Kofi", "--lesson", "maths/halves")[0] == 0
    rc, out, _ = run(capsys, data, "group", "questions", gid, "--json")
    assert [q["text"] for q in json.loads(out)] == ["Why halves?"]
    rc, _, err = run(capsys, data, "group", "remove", gid, "Amina", "--as", "Kofi")
    assert rc == 4 and "Only the person who started the group" in err
    assert run(capsys, data, "group", "remove", gid, "Kofi", "--as", "Amina")[0] == 0
    rc, out, _ = run(capsys, data, "group", "list")
    assert "Fractions circle" in out and "Kofi" not in out


def test_mistyped_code_and_unreachable_peer_say_so_in_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "b"
    run(capsys, data, "learner", "add", "Kofi")
    rc, out, err = run(capsys, data, "group", "join", "KTM4Q-9QPZ", "--as", "Kofi")
    assert rc == 4 and "join code" in err and "Traceback" not in out + err
    from hubdesk.core.groups import new_code

    rc, out, err = run(capsys, data, "group", "join", new_code(), "--as", "Kofi", "--peer", "127.0.0.1:9")
    assert rc == 6 and "cannot be reached" in err
    rc, out, _ = run(capsys, data, "group", "list", "--json")
    assert json.loads(out) == []  # nothing kept from a join that did not happen
    rc, _, err = run(capsys, data, "group", "note", "nope", "--as", "Kofi")
    assert rc == 3 and "no single group" in err


def test_group_list_as_a_learner_lists_only_their_groups(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "shared-pc"
    for name in ("Amina", "Kofi", "Esi"):
        run(capsys, data, "learner", "add", name)
    run(capsys, data, "group", "create", "Fractions circle", "--as", "Amina")
    run(capsys, data, "group", "create", "Shell club", "--as", "Kofi")

    def names(*args: str) -> list[str]:
        rc, out, _ = run(capsys, data, "group", "list", *args, "--json")
        assert rc == 0
        return sorted(g["name"] for g in json.loads(out))

    assert names("--as", "Amina") == ["Fractions circle"]
    assert names("--as", "Kofi") == ["Shell club"]
    assert names("--as", "Esi") == []
    assert names() == ["Fractions circle", "Shell club"]  # without --as: every group this PC holds
    rc, out, _ = run(capsys, data, "group", "list", "--as", "Esi")
    assert rc == 0 and "Esi is in no study group" in out and "Fractions" not in out
    # Kofi cannot name Amina's group to write into it, leave it or read its note
    for action in (["note", "Fractions circle", "--append", "hi"], ["leave", "Fractions circle"]):
        rc, _, err = run(capsys, data, "group", *action, "--as", "Kofi")
        assert rc == 3 and "no single group" in err
    rc, _, err = run(capsys, data, "group", "questions", "Fractions circle", "--as", "Kofi")
    assert rc == 3 and "no single group" in err
    assert run(capsys, data, "group", "questions", "Fractions circle", "--as", "Amina")[0] == 0
    rc, _, err = run(capsys, data, "group", "list", "--as", "Nobody")
    assert rc != 0 and "Traceback" not in err
