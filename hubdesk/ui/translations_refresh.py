"""Refresh the translation catalogues after UI strings changed (a developer tool, not run by the app).

    python -m hubdesk.ui.translations_refresh

runs ``pyside6-lupdate`` over the UI sources, which adds new strings to every ``hubdesk_<lang>.ts``
(French, Kiswahili, Arabic; keeping every existing translation) and the plural forms to
``hubdesk_en.ts``; English plurals are filled in by rule ("%n lesson(s)" -> "1 lesson" / "2 lessons").
Then it compiles every ``.ts`` to ``.qm``. Translators edit ``hubdesk_<lang>.ts`` with Qt Linguist
(``pyside6-linguist``) or any text editor; see docs/translating.md.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from hubdesk.ui.translations import I18N_DIR, compile_ts, lrelease_command

UI_DIR = I18N_DIR.parent
SOURCES = [
    *sorted(str(p) for p in UI_DIR.glob("*.py") if p.stem != "translations_refresh"),
    str(UI_DIR.parent / "app.py"),
]


def english_forms(source: str) -> tuple[str, str]:
    one = source.replace("(zes)", "").replace("(s)", "")
    many = source.replace("(zes)", "zes").replace("(s)", "s")
    if "(s) are" in source:
        one = one.replace(" are ", " is ")
    return one, many


def lupdate(ts: Path, *extra: str) -> None:
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    cmd = [str(tool) if tool.exists() else "pyside6-lupdate", *extra, "-locations", "none", *SOURCES, "-ts", str(ts)]
    subprocess.run(cmd, check=True, capture_output=True)


def fill_english(ts: Path) -> None:
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = translation.findall("numerusform")
        for form, text in zip(forms, english_forms(source), strict=False):
            form.text = text
        translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    text = ts.read_text(encoding="utf-8")
    ts.write_text(re.sub(r"^<\?xml[^>]*\?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', text))


def main() -> int:
    if lrelease_command() is None:
        print("pyside6-lrelease is missing: install PySide6-Essentials", file=sys.stderr)
        return 1
    for ts in sorted(I18N_DIR.glob("hubdesk_*.ts")):  # every shipped language but English
        if ts.stem != "hubdesk_en":
            lupdate(ts, "-no-obsolete")
    lupdate(I18N_DIR / "hubdesk_en.ts", "-no-obsolete", "-pluralonly")
    fill_english(I18N_DIR / "hubdesk_en.ts")
    for ts in sorted(I18N_DIR.glob("*.ts")):
        compile_ts(ts)
        print(f"compiled {ts.with_suffix('.qm').name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
