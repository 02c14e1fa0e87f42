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

COMMAND_MODULES = (
    "hubdesk.cli.centre_cmds",
    "hubdesk.cli.learner_cmds",
    "hubdesk.cli.pack_cmds",
    "hubdesk.cli.lesson_cmds",
    "hubdesk.cli.search_cmds",
    "hubdesk.cli.group_cmds",
    "hubdesk.cli.peer_cmds",
    "hubdesk.cli.sync_cmds",
    "hubdesk.cli.syncthing_cmds",
    "hubdesk.cli.hub_cmds",
    "hubdesk.cli.report_cmds",
    "hubdesk.cli.backup_cmds",
    "hubdesk.cli.update_cmds",
)


def build_parser() -> argparse.ArgumentParser:
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
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


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
    parser = build_parser()
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
