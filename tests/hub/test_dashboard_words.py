"""Every sentence the dashboard shows has its French (the dashboard's words are not Qt's, so the
UI's translation test does not see them)."""

from __future__ import annotations

import ast
from pathlib import Path

from hubdesk.hub import dashboard
from hubdesk.hub.dashboard._html import PAGES
from hubdesk.hub.dashboard._i18n import FRENCH, Words


def _sentences() -> set[str]:
    found: set[str] = {"never"} | {name for _path, name in PAGES}
    for path in Path(dashboard.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in ("w", "words") and isinstance(node.args[0].value, str):
                found.add(node.args[0].value)
            if name == "Refused" and len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
                found.add(str(node.args[1].value))
    return found


def test_every_dashboard_sentence_has_french() -> None:
    sentences = _sentences()
    assert len(sentences) > 100
    missing = sorted(s for s in sentences if not FRENCH.get(s))
    assert not missing, f"no French for: {missing[:5]}"
    fields = [s for s in sentences if "{" in s]
    for s in fields:  # the French keeps the same fields
        assert sorted(part.split("}")[0] for part in s.split("{")[1:]) == sorted(
            part.split("}")[0] for part in FRENCH[s].split("{")[1:]
        ), s
    assert Words("fr")("Signed in as {name}", name="Ama") == "Connecté en tant que Ama"
