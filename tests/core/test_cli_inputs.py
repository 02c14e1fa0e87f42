"""Odd command lines get one sentence and an exit code, never a traceback, and change nothing."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from hubdesk.cli import main


def test_a_data_folder_that_cannot_be_made_is_a_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    for data_dir in (a_file, a_file / "inside"):
        code = main(["--data-dir", str(data_dir), "learner", "list"])
        err = capsys.readouterr().err
        assert code == 1
        assert err.startswith("hubdesk: ") and "Traceback" not in err and str(data_dir) in err
    assert a_file.read_text() == "not a folder"


@pytest.mark.parametrize("port", ["99999", "-1"])
def test_hub_serve_refuses_a_port_out_of_range(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["hub", "serve", "--port", port])
    assert exc.value.code == 2
    assert "port" in capsys.readouterr().err


def test_pack_keygen_where_no_file_can_be_made_is_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    code = main(["--data-dir", str(tmp_path / "d"), "pack", "keygen", str(a_file / "publisher")])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("hubdesk: ") and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


@pytest.mark.parametrize("hours", ["-5", "0", "nan", "inf", "1e309"])
def test_enrol_code_refuses_a_meaningless_lifetime_and_changes_nothing(
    hours: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "hub"
    with pytest.raises(SystemExit) as exc:
        main(["--data-dir", str(data), "hub", "enrol-code", "--valid-hours", hours])
    assert exc.value.code == 2
    assert "valid-hours" in capsys.readouterr().err
    assert not data.exists()  # not even made a hub


def _commands(parser: argparse.ArgumentParser) -> dict[str, list[str]]:
    """Each top-level command with the names of its actions."""

    def choices(p: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
        subs = [a for a in p._actions if isinstance(a, argparse._SubParsersAction)]
        return dict(subs[0].choices) if subs else {}

    return {name: sorted(choices(p)) for name, p in choices(parser).items()}


def test_a_command_line_loads_only_the_modules_of_its_command() -> None:
    from hubdesk.cli import COMMAND_MODULES, build_parser

    every = _commands(build_parser([]))
    assert set(every) == {name for names in COMMAND_MODULES.values() for name in names}
    assert "watch" in every["sync"] and "export" in every["sync"]  # two modules make `sync`
    for name in every:
        loaded = {n for names in COMMAND_MODULES.values() if name in names for n in names}
        assert len(loaded) < len(every)
        assert _commands(build_parser(["--data-dir", "d", name, "x", "--help"])) == {n: every[n] for n in loaded}
    assert _commands(build_parser(["--help", "pack"])) == every
    assert _commands(build_parser(["no-such-command"])) == every  # so the error names every choice
