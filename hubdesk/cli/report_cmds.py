"""``hubdesk report ...``: the facilitator's reports on standard output, and the month as a PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from hubdesk.cli.context import Context
from hubdesk.core.reports import (
    ReportError,
    ReportFilter,
    grid_csv,
    grid_json,
    grid_table,
    needs_help_table,
    questions_table,
)
from hubdesk.core.reports._reports import centre_label


def register(sub: Any) -> None:
    p = sub.add_parser("report", help="what the centre's learners did: progress, who needs help, hard questions")
    rsub = p.add_subparsers(dest="report_command", metavar="REPORT", required=True)

    prog = rsub.add_parser("progress", help="every learner by every lesson: done, time spent, quiz mastery")
    _filters(prog)
    prog.add_argument("--format", choices=("table", "csv", "json"), default="table")
    prog.set_defaults(func=_progress)

    help_ = rsub.add_parser("needs-help", help="learners to go and see, with the rule that fired")
    help_.add_argument("--days", type=int, default=10, metavar="N", help="silent for N days (default 10)")
    help_.add_argument("--course", metavar="ID", help="only this course")
    help_.add_argument("--group", metavar="GROUP", help="only this study group's members")
    help_.add_argument("--json", action="store_true")
    help_.set_defaults(func=_needs_help)

    qs = rsub.add_parser("questions", help="a course's questions, hardest first (first-try success)")
    qs.add_argument("--course", metavar="ID", required=True)
    qs.add_argument("--group", metavar="GROUP", help="only this study group's members")
    qs.add_argument("--json", action="store_true")
    qs.set_defaults(func=_questions)

    tl = rsub.add_parser("timeline", help="one learner's days: lessons, time, answers")
    tl.add_argument("learner", help="name or id")
    _filters(tl)
    tl.add_argument("--json", action="store_true")
    tl.set_defaults(func=_timeline)

    pdf = rsub.add_parser("pdf", help="the month on one page, as a PDF (in this PC's interface language)")
    pdf.add_argument("--to", metavar="FILE", required=True)
    pdf.add_argument("--month", metavar="YYYY-MM", help="default: this month")
    pdf.add_argument("--language", choices=("en", "fr"), help="default: this PC's interface language")
    pdf.set_defaults(func=_pdf)


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--course", metavar="ID", help="only this course")
    p.add_argument("--group", metavar="GROUP", help="only this study group's members (name or id)")
    p.add_argument("--since", metavar="DATE", help="from this day (YYYY-MM-DD, UTC)")
    p.add_argument("--until", metavar="DATE", help="up to this day, included")


def _flt(args: argparse.Namespace) -> ReportFilter:
    return ReportFilter(
        course=getattr(args, "course", None),
        group=getattr(args, "group", None),
        since=getattr(args, "since", None),
        until=getattr(args, "until", None),
    )


def _progress(args: argparse.Namespace, ctx: Context) -> int:
    grids = ctx.inst.reports.progress_grid(_flt(args))
    if args.format == "json":
        ctx.print_json(grid_json(grids))
    elif args.format == "csv":
        sys.stdout.write(grid_csv(grids))
    else:
        sys.stdout.write(grid_table(grids) if grids else "No course is installed yet.\n")
    return 0


def _needs_help(args: argparse.Namespace, ctx: Context) -> int:
    if args.days < 1:
        raise ReportError("--days is a number of days, 1 or more.")
    people = ctx.inst.reports.needs_help(_flt(args), silent_days=args.days)
    if args.json:
        ctx.print_json({"silent_days": args.days, "learners": [p.to_dict() for p in people]})
    else:
        sys.stdout.write(needs_help_table(people))
    return 0


def _questions(args: argparse.Namespace, ctx: Context) -> int:
    stats = ctx.inst.reports.questions(args.course, _flt(args))
    if args.json:
        ctx.print_json({"course": args.course, "questions": [q.to_dict() for q in stats]})
    else:
        sys.stdout.write(questions_table(stats))
    return 0


def _timeline(args: argparse.Namespace, ctx: Context) -> int:
    inst = ctx.inst
    timeline = inst.reports.timeline(inst.learners.find(args.learner).id, _flt(args))
    if args.json:
        ctx.print_json(timeline.to_dict())
        return 0
    if not timeline.entries:
        print(f"{timeline.name} has done nothing yet in this period.")
    for e in timeline.entries:
        what = "finished" if e.finished else "opened" if e.opened else "worked on"
        answers = f", {e.right}/{e.answers} answers right" if e.answers else ""
        print(f"{e.day}  {what} “{e.lesson_title}” ({e.course_id}), {round(e.seconds / 60)} min{answers}")
    return 0


def _pdf(args: argparse.Namespace, ctx: Context) -> int:
    inst = ctx.inst
    report = inst.reports.monthly(centre_label(inst), args.month)
    target = Path(args.to)
    if target.is_dir():
        raise ReportError(f"{target} is a folder: give a file name, like {target / 'report.pdf'}.")
    if not target.parent.is_dir():
        raise ReportError(f"There is no folder {target.parent} to write the report in.")
    # Qt's PDF writer lives in the ui layer; loaded only for this command, offscreen
    from hubdesk.ui.report_pdf import write_monthly_pdf

    pages = write_monthly_pdf(report, target, language=args.language, store=inst.store)
    print(f"Wrote the report for {report.month} ({pages} page{'s' if pages != 1 else ''}) to {target}.")
    return 0
