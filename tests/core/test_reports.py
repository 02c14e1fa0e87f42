"""The facilitator's reports against a hand-computed fixture: two PCs' events, every learner listed."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from hubdesk.cli import main
from hubdesk.core.installation import Installation
from hubdesk.core.reports import (
    FAILED_QUIZ,
    MASTERED,
    NO_QUIZ,
    NOT_TRIED,
    PRACTISING,
    SILENT,
    STUCK,
    ReportError,
    ReportFilter,
    day_of,
    grid_csv,
)
from tests.core.reports_util import NOW, OtherPC, story


def test_grid_lists_every_learner_with_hand_computed_figures(inst: Installation, tmp_path: Path) -> None:
    ids = story(inst, tmp_path)
    [grid] = inst.reports.progress_grid()
    assert [le.id for le in grid.lessons] == ["counting", "market", "budget"]
    rows = {r.name: r for r in grid.rows}
    assert list(rows) == ["Amina", "Kofi", "Zola"]  # every learner, none of the facilitators
    amina, kofi, zola = rows["Amina"], rows["Kofi"], rows["Zola"]
    assert [c.done for c in amina.cells] == [True, False, False]
    assert [c.seconds for c in amina.cells] == [600.0, 300.0, 0.0]
    assert [c.mastery for c in amina.cells] == [PRACTISING, NO_QUIZ, NOT_TRIED]  # 2 right of 4-of-5: not yet
    assert amina.last_seen is not None and amina.last_seen.startswith(day_of(int((NOW - 12 * 86400) * 1000)))
    assert (kofi.done, kofi.seconds, kofi.cells[0].mastery, kofi.cells[0].started) == (0, 120.0, PRACTISING, True)
    assert (zola.done, zola.seconds, zola.last_seen, any(c.started for c in zola.cells)) == (0, 0.0, None, False)
    assert ids["Zola"] == zola.learner_id


def test_a_period_counts_only_what_happened_in_it(inst: Installation, tmp_path: Path) -> None:
    story(inst, tmp_path)
    since = day_of(int((NOW - 10 * 86400) * 1000))
    [grid] = inst.reports.progress_grid(ReportFilter(since=since))
    rows = {r.name: r for r in grid.rows}
    assert (rows["Amina"].done, rows["Amina"].seconds) == (0, 0.0)
    assert rows["Kofi"].seconds == 120.0
    assert rows["Amina"].cells[0].mastery == PRACTISING  # mastery is where they stand now


def test_needs_help_says_which_rule_fired(inst: Installation, tmp_path: Path) -> None:
    story(inst, tmp_path)
    people = {p.name: p for p in inst.reports.needs_help()}
    assert set(people) == {"Amina", "Kofi"}  # Zola has not started: nothing to chase yet
    [silent] = people["Amina"].reasons
    assert (silent.rule, silent.days) == (SILENT, 12)
    assert "has not been back for 12 days" in silent.text
    rules = {r.rule: r for r in people["Kofi"].reasons}
    assert set(rules) == {STUCK, FAILED_QUIZ}
    assert (rules[STUCK].days, rules[STUCK].lesson_id) == (9, "counting")
    assert rules[FAILED_QUIZ].count == 3 and "5-shilling" in (rules[FAILED_QUIZ].question or "")
    # a longer silence threshold: Amina is no longer flagged as silent, but as stuck on the market lesson
    people = {p.name: p for p in inst.reports.needs_help(silent_days=14)}
    assert [r.rule for r in people["Amina"].reasons] == [STUCK]
    assert people["Amina"].reasons[0].days == 12


def test_questions_hardest_first(inst: Installation, tmp_path: Path) -> None:
    story(inst, tmp_path)
    stats = inst.reports.questions("money")
    assert [(q.question_id, q.learners, q.first_try_right, q.tries, q.wrong) for q in stats] == [
        ("coins", 2, 1, 4, 3),
        ("change", 2, 2, 2, 0),
    ]
    assert stats[0].first_try_rate == 0.5 and stats[0].prompt.startswith("How many")


def test_timeline_newest_day_first(inst: Installation, tmp_path: Path) -> None:
    ids = story(inst, tmp_path)
    t = inst.reports.timeline(ids["Amina"])
    assert [(e.lesson_id, e.finished, e.answers, e.right, e.seconds) for e in t.entries] == [
        ("market", False, 0, 0, 300.0),
        ("counting", True, 2, 2, 600.0),
    ]


def test_tables_are_the_same_whatever_order_and_rebuilt_from_old_logs(
    inst: Installation, make_inst: object, tmp_path: Path
) -> None:
    story(inst, tmp_path)
    other = make_inst("other")  # type: ignore[operator]
    other.packs.install(tmp_path / "money.hubpack")
    pc = OtherPC()
    for ev in inst.log.events():
        if ev.device_id == "pc-b":
            pc.events.append(ev)
    pc.sync_to(other, reverse=True)
    tables = ("learner_activity", "question_tries")

    def dump(i: Installation) -> list[list[object]]:
        return [sorted(tuple(r) for r in i.store.query(f"SELECT * FROM {t}")) for t in tables]

    assert dump(inst) == dump(other)
    before = dump(inst)
    with inst.store.transaction() as conn:  # as a data folder from before reports existed
        for t in tables:
            conn.execute(f"DROP TABLE {t}")
        conn.execute("DELETE FROM _migrations WHERE name = '0070_reports_activity'")
    inst.store._applied.discard("0070_reports_activity")
    inst.store.migrate()
    assert dump(inst) == before


def test_csv_has_a_line_per_learner_and_lesson(inst: Installation, tmp_path: Path) -> None:
    story(inst, tmp_path)
    rows = list(csv.DictReader(io.StringIO(grid_csv(inst.reports.progress_grid()))))
    assert len(rows) == 9
    zola = [r for r in rows if r["learner"] == "Zola"]
    assert [r["done"] for r in zola] == ["no", "no", "no"]
    first = next(r for r in rows if r["learner"] == "Amina" and r["lesson_id"] == "counting")
    assert (first["done"], first["minutes"], first["quiz"]) == ("yes", "10.0", PRACTISING)
    assert MASTERED not in {r["quiz"] for r in rows}


def test_bad_filters_are_one_sentence(inst: Installation, tmp_path: Path) -> None:
    story(inst, tmp_path)
    with pytest.raises(ReportError, match="YYYY-MM-DD"):
        ReportFilter(since="yesterday")
    with pytest.raises(ReportError, match="after it ends"):
        ReportFilter(since="2026-03-02", until="2026-03-01")
    with pytest.raises(ReportError, match="No course 'nope'"):
        inst.reports.questions("nope")


def test_cli_reports_match_the_fixture(inst: Installation, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story(inst, tmp_path)
    data = str(tmp_path / "data")
    inst.close()
    assert main(["--data-dir", data, "report", "progress", "--format", "json"]) == 0
    learners = json.loads(capsys.readouterr().out)["courses"][0]["learners"]
    assert [(x["name"], x["done"], x["minutes"]) for x in learners] == [
        ("Amina", 1, 15.0),
        ("Kofi", 0, 2.0),
        ("Zola", 0, 0.0),
    ]
    assert main(["--data-dir", data, "report", "questions", "--course", "money", "--json"]) == 0
    assert [q["question"] for q in json.loads(capsys.readouterr().out)["questions"]] == ["coins", "change"]
    assert main(["--data-dir", data, "report", "needs-help", "--days", "30", "--json"]) == 0
    names = [x["name"] for x in json.loads(capsys.readouterr().out)["learners"]]
    assert "Kofi" in names
    assert main(["--data-dir", data, "report", "progress", "--since", "1 March"]) == 2
    err = capsys.readouterr().err
    assert "YYYY-MM-DD" in err and "Traceback" not in err


def test_a_study_group_filter_keeps_its_members(inst: Installation, tmp_path: Path) -> None:
    ids = story(inst, tmp_path)
    group, _code = inst.groups.create("Market maths", inst.learners.get(ids["Kofi"]))
    [grid] = inst.reports.progress_grid(ReportFilter(group=group.id))
    assert [r.name for r in grid.rows] == ["Kofi"]
    assert [p.name for p in inst.reports.needs_help(ReportFilter(group="Market maths"))] == ["Kofi"]
    with pytest.raises(ReportError, match="no study group"):
        inst.reports.progress_grid(ReportFilter(group="nope"))
