"""The ``hubdesk`` command: a thin shell over core, sync, peers and hub.

Each command group lives in its own module with a ``register(subparsers)`` function; the commands
take ``(args, ctx)`` and return an exit code. Errors become one line for a person here, and
nowhere deeper.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from hubdesk import __version__
from hubdesk.cli.context import Context
from hubdesk.errors import HubDeskError

# Each command module and the top-level commands it registers (``syncthing_cmds`` adds actions to
# ``sync``, after ``sync_cmds``). A command line naming one of them loads only its modules: a
# ``hubdesk pack install`` starts without importing the hub, sync and report commands.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "hubdesk.cli.centre_cmds": ("centre",),
    "hubdesk.cli.learner_cmds": ("learner",),
    "hubdesk.cli.pack_cmds": ("pack",),
    "hubdesk.cli.lesson_cmds": ("lesson",),
    "hubdesk.cli.search_cmds": ("search",),
    "hubdesk.cli.group_cmds": ("group",),
    "hubdesk.cli.peer_cmds": ("peer",),
    "hubdesk.cli.sync_cmds": ("sync",),
    "hubdesk.cli.syncthing_cmds": ("sync",),
    "hubdesk.cli.hub_cmds": ("hub",),
    "hubdesk.cli.report_cmds": ("report",),
    "hubdesk.cli.backup_cmds": ("backup", "restore"),
    "hubdesk.cli.update_cmds": ("release", "update"),
}


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for this command line: only the modules of the command it names, else every one."""
    parser = argparse.ArgumentParser(
        prog="hubdesk",
        description="HubDesk: an offline-first learning hub. With no command, opens the learner app.",
    )
    parser.add_argument("--version", action="version", version=f"hubdesk {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=None,
        help="where this installation keeps its data (default: $HUBDESK_DATA_DIR or the per-user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    command = _command_word(argv or [])
    modules = [m for m, names in COMMAND_MODULES.items() if command in names] or list(COMMAND_MODULES)
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser


def _command_word(argv: Sequence[str]) -> str | None:
    """The command a command line names (``pack`` in ``--data-dir D pack install X``), or None."""
    args = iter(argv)
    for arg in args:
        if arg == "--data-dir":
            next(args, None)
        elif not arg.startswith("-"):
            return arg
        elif arg in ("-h", "--help", "--version"):
            return None
    return None


def _app_data_dir(argv: Sequence[str]) -> str | None:
    """``hubdesk`` or ``hubdesk --data-dir DIR`` (the app, not a command): the DIR ("" if none), else None."""
    if not argv:
        return ""
    if len(argv) == 2 and argv[0] == "--data-dir":
        return argv[1]
    if len(argv) == 1 and argv[0].startswith("--data-dir="):
        return argv[0].split("=", 1)[1]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    app_dir = _app_data_dir(list(sys.argv[1:] if argv is None else argv))
    if app_dir is not None:  # straight to the window: the app must not wait for every command module to load
        from hubdesk.app import run_app
        from hubdesk.core.paths import resolve_data_dir

        try:
            return int(run_app(resolve_data_dir(app_dir or None)))
        except KeyboardInterrupt:
            return 130
    parser = build_parser(list(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    ctx = Context(args.data_dir)
    try:
        if getattr(args, "func", None) is None:
            if args.command:
                parser.parse_args([*(argv or sys.argv[1:]), "--help"])
            from hubdesk.app import run_app

            return int(run_app(ctx.data_dir))
        return int(args.func(args, ctx) or 0)
    except HubDeskError as exc:
        print(f"hubdesk: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("hubdesk: interrupted; nothing half-done was kept.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # stdout closed early (e.g. piped into head): not an error worth a traceback
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    finally:
        ctx.close()
