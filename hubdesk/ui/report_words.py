"""The reports' figures put into words of the interface language (the console and the PDF share them).

Core gives each "needs help" rule as figures (days, count, lesson title); the sentence is made
here with ``self.tr`` so it reads in French on a French PC.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from hubdesk.core.reports import FAILED_QUIZ, MASTERED, NOT_TRIED, PRACTISING, SILENT, STUCK, HelpReason


class ReportWords(QObject):
    def reason(self, r: HelpReason, course_title: str = "") -> str:
        if r.rule == SILENT:
            return self.tr("Started “%1” but has not been back for %n day(s).", "", r.days).replace(
                "%1", course_title or r.course_id or ""
            )
        if r.rule == STUCK:
            return self.tr("Has been on “%1” for %n day(s) without finishing it.", "", r.days).replace(
                "%1", r.lesson_title or ""
            )
        if r.rule == FAILED_QUIZ:
            text = self.tr(
                "Answered the same question of the quiz in “%1” wrongly %n time(s) and has not mastered it yet.",
                "",
                r.count,
            ).replace("%1", r.lesson_title or "")
            if r.question:
                text += " " + self.tr("The question: “%1”").replace("%1", r.question)
            return text
        return r.text

    def rule_name(self, rule: str) -> str:
        return {
            SILENT: self.tr("Not seen for a while"),
            STUCK: self.tr("Stuck on a lesson"),
            FAILED_QUIZ: self.tr("Same quiz failed again and again"),
        }.get(rule, rule)

    def mastery(self, state: str) -> str:
        return {
            MASTERED: self.tr("mastered"),
            PRACTISING: self.tr("practising"),
            NOT_TRIED: self.tr("quiz not tried"),
        }.get(state, "")

    def minutes(self, seconds: float) -> str:
        minutes = round(seconds / 60)
        if minutes >= 60:
            return self.tr("%1 h %2 min").replace("%1", str(minutes // 60)).replace("%2", f"{minutes % 60:02d}")
        return self.tr("%1 min").replace("%1", str(minutes))

    def rules_in_words(self, silent_days: int, stuck_days: int, failed_times: int) -> str:
        return (
            self.tr(
                "Needs help when: started a course and not back for %1 days; on the same lesson for %2 days "
                "without finishing it; or the same question of a quiz answered wrongly %3 times."
            )
            .replace("%1", str(silent_days))
            .replace("%2", str(stuck_days))
            .replace("%3", str(failed_times))
        )


def centre_name(inst: object) -> str:
    """The centre's name as the reports and contributions print it."""
    from hubdesk.core.reports._reports import centre_label

    return centre_label(inst)
