"""``hubdesk group ...``: start and join study groups, read and add to their shared notes."""

from __future__ import annotations

import argparse
from typing import Any

from hubdesk.cli.context import Context
from hubdesk.core.groups import DEFAULT_NOTE, Group
from hubdesk.core.installation import Installation


def register(sub: Any) -> None:
    p = sub.add_parser("group", help="study groups: create, join with a code, shared notes")
    gsub = p.add_subparsers(dest="group_command", metavar="ACTION", required=True)

    create = gsub.add_parser("create", help="start a group; prints the join code on its last line")
    create.add_argument("name")
    create.add_argument("--as", dest="learner", required=True, metavar="LEARNER", help="name or id of the learner")
    create.add_argument("--lesson", metavar="PACK/LESSON", help="the lesson the group studies")
    create.set_defaults(func=_create)

    j = gsub.add_parser("join", help="join a group with the code its creator read out")
    j.add_argument("code")
    j.add_argument("--as", dest="learner", required=True, metavar="LEARNER")
    j.add_argument("--peer", metavar="HOST:PORT", help="a member's PC to contact now")
    j.set_defaults(func=_join)

    ls = gsub.add_parser("list", help="a learner's groups (--as), or every group this PC holds")
    ls.add_argument("--as", dest="learner", metavar="LEARNER", help="only this learner's groups")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=_list)

    note = gsub.add_parser("note", help="print a group's shared note, after adding to it")
    note.add_argument("group", help="group id or name")
    note.add_argument("--as", dest="learner", required=True, metavar="LEARNER")
    note.add_argument("--append", metavar="TEXT", help="add this text at the end of the note")
    note.add_argument("--note", default=DEFAULT_NOTE, help=argparse.SUPPRESS)
    note.set_defaults(func=_note)

    leave = gsub.add_parser("leave", help="leave a group")
    leave.add_argument("group")
    leave.add_argument("--as", dest="learner", required=True, metavar="LEARNER")
    leave.set_defaults(func=_leave)

    rm = gsub.add_parser(
        "remove", help="remove a member (only the group's creator may); prints the new join code on its last line"
    )
    rm.add_argument("group")
    rm.add_argument("member", help="the member's name or learner id")
    rm.add_argument("--as", dest="learner", required=True, metavar="LEARNER")
    rm.set_defaults(func=_remove)

    ask = gsub.add_parser("ask", help="ask the group a question about a lesson")
    ask.add_argument("group")
    ask.add_argument("text")
    ask.add_argument("--as", dest="learner", required=True, metavar="LEARNER")
    ask.add_argument("--lesson", default="", metavar="PACK/LESSON")
    ask.set_defaults(func=_ask)

    qs = gsub.add_parser("questions", help="the group's questions and answers")
    qs.add_argument("group")
    qs.add_argument("--lesson", metavar="PACK/LESSON")
    qs.add_argument("--as", dest="learner", metavar="LEARNER", help="among this learner's groups only")
    qs.add_argument("--json", action="store_true")
    qs.set_defaults(func=_questions)


def sync_group(inst: Installation, group_id: str) -> None:
    """A quick exchange with the group's known peers, so what others wrote shows now."""
    from hubdesk.peers.joining import sync_group as sync  # imported here: httpx is slow to load

    sync(inst, group_id)


def _group_json(ctx: Context, g: Group) -> dict[str, Any]:
    groups = ctx.inst.groups
    return {
        "id": g.id,
        "name": g.name,
        "pack": g.pack,
        "lesson": g.lesson,
        "creator": g.creator,
        "code": groups.code(g.id),
        "members": [{"id": m.learner_id, "name": m.name, "creator": m.is_creator} for m in g.members],
        "peers": [address for address, _ in groups.peers(g.id)],
    }


def _create(args: argparse.Namespace, ctx: Context) -> int:
    learner = ctx.inst.learners.find(args.learner)
    pack = lesson = None
    if args.lesson:
        pack, _, lesson = args.lesson.partition("/")
        lesson = lesson or None
    group, code = ctx.inst.groups.create(args.name, learner, pack=pack, lesson=lesson)
    print(f"Started the study group {group.name!r} ({group.id}).")
    print("Read this join code aloud to the others; they join with: hubdesk group join CODE --as NAME")
    print(code)
    return 0


def _join(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.peers.joining import join

    learner = ctx.inst.learners.find(args.learner)
    result = join(ctx.inst, args.code, learner, args.peer)
    group = ctx.inst.groups.get(result.group_id)
    if args.peer:
        print(f"Joined {group.name!r} ({group.id}) through {args.peer}; {len(group.members)} members.")
    else:
        print(f"Joined group {group.id}. Its notes arrive when a member's PC is reachable.")
    return 0


def _list(args: argparse.Namespace, ctx: Context) -> int:
    learner = ctx.inst.learners.find(args.learner) if args.learner else None
    groups = ctx.inst.groups.of_learner(learner.id) if learner else ctx.inst.groups.all()
    if args.json:
        ctx.print_json([_group_json(ctx, g) for g in groups])
        return 0
    if not groups and learner:
        print(f"{learner.name} is in no study group yet. Start one with: hubdesk group create NAME --as LEARNER")
    elif not groups:
        print("This PC is in no study group yet. Start one with: hubdesk group create NAME --as LEARNER")
    for g in groups:
        members = ", ".join(m.name for m in g.members) or "no members known yet"
        print(f"{g.name}\t{g.id}\t{members}")
    return 0


def _note(args: argparse.Namespace, ctx: Context) -> int:
    inst = ctx.inst
    learner = inst.learners.find(args.learner)
    group = inst.groups.find(args.group, learner.id)
    if args.append:
        inst.group_notes.append(group.id, learner.id, args.append, args.note)
    sync_group(inst, group.id)
    print(inst.group_notes.text(group.id, args.note))
    return 0


def _leave(args: argparse.Namespace, ctx: Context) -> int:
    learner = ctx.inst.learners.find(args.learner)
    group = ctx.inst.groups.find(args.group, learner.id)
    ctx.inst.groups.leave(group.id, learner.id)
    sync_group(ctx.inst, group.id)
    print(f"{learner.name} left {group.name!r}.")
    return 0


def _remove(args: argparse.Namespace, ctx: Context) -> int:
    learner = ctx.inst.learners.find(args.learner)
    group = ctx.inst.groups.find(args.group, learner.id)
    matches = [
        m for m in group.members if args.member in (m.learner_id, m.name) or m.name.casefold() == args.member.casefold()
    ]
    if not matches:
        print(f"hubdesk: {args.member!r} is not a member of {group.name!r}.")
        return 3
    code = ctx.inst.groups.remove(group.id, matches[0].learner_id, by=learner.id)
    sync_group(ctx.inst, group.id)
    print(f"Removed {matches[0].name} from {group.name!r}. The group has a new key that {matches[0].name} never gets.")
    print("The old join code no longer admits anyone. Newcomers join with this code:")
    print(code)
    return 0


def _ask(args: argparse.Namespace, ctx: Context) -> int:
    learner = ctx.inst.learners.find(args.learner)
    group = ctx.inst.groups.find(args.group, learner.id)
    ctx.inst.group_questions.ask(group.id, learner, args.text, lesson=args.lesson)
    sync_group(ctx.inst, group.id)
    print("Asked the group.")
    return 0


def _questions(args: argparse.Namespace, ctx: Context) -> int:
    learner = ctx.inst.learners.find(args.learner) if args.learner else None
    group = ctx.inst.groups.find(args.group, learner.id if learner else None)
    sync_group(ctx.inst, group.id)
    questions = ctx.inst.group_questions.thread(group.id, args.lesson)
    if args.json:
        ctx.print_json(
            [
                {
                    "id": q.id,
                    "lesson": q.lesson,
                    "name": q.name,
                    "text": q.text,
                    "answers": [{"id": a.id, "name": a.name, "text": a.text} for a in q.answers],
                }
                for q in questions
            ]
        )
        return 0
    for q in questions:
        print(f"{q.name}: {q.text}" + (f"  [{q.lesson}]" if q.lesson else ""))
        for a in q.answers:
            print(f"    {a.name}: {a.text}")
    return 0
