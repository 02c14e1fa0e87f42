"""A real Carpentries lesson, completely: pages its episodes link to, glossary anchors, grid tables, alt text."""

from __future__ import annotations

import shutil
from pathlib import Path

from hubdesk.core.installation import Installation
from hubdesk.core.packs import build_pack
from hubdesk.core.render import render_markdown
from tests.conftest import real_course


def test_pages_the_episodes_link_to_travel_as_lessons(inst: Installation, tmp_path: Path) -> None:
    result = build_pack(real_course(), tmp_path / "shell.hubpack")
    assert "1 page(s) the lessons link to were added at the end: learners/setup.md" in result.warnings
    assert [le.id for le in result.manifest.lessons][-2:] == ["07-find", "setup"]
    inst.packs.install(result.path)
    html = inst.packs.render_lesson("shell-novice", "02-filedir").html
    assert 'href="hubdesk:lesson/setup"' in html  # was a link with no target
    assert "Where to type commands" in inst.packs.render_lesson("shell-novice", "setup").html


def test_a_link_to_a_page_that_is_not_there_is_a_warning(tmp_path: Path) -> None:
    src = shutil.copytree(real_course(), tmp_path / "shell")
    (src / "learners" / "setup.md").unlink()
    result = build_pack(src, tmp_path / "shell.hubpack")
    assert "episodes/02-filedir.md: ../learners/setup.md does not exist; its links lead nowhere." in result.warnings


def test_the_glossary_keeps_its_terms_as_anchors_and_its_picture_alt() -> None:
    text = (real_course() / "learners" / "reference.md").read_text(encoding="utf-8")
    html = render_markdown(text, path="learners/reference.md").html
    assert '<dt><a name="absolute-path" id="absolute-path">absolute path</a></dt>' in html
    assert "{#" not in html and 'href="#relative-path"' in html
    assert '<img alt="Linux filesystem hierarchy" src="learners/fig/standard-filesystem-hierarchy.svg">' in html
    assert "<th>Action</th>" in html  # its pipe table too


def test_alt_text_with_escaped_quotes_is_kept_whole() -> None:
    md = '![](fig/tree.svg){alt="The \\"root\\" folder, with \\"home\\" inside" width="60%"}\n'
    html = render_markdown(md, path="episodes/x.md").html
    assert 'alt="The &quot;root&quot; folder, with &quot;home&quot; inside"' in html and 'width="60%"' in html


GRID = """Before.

+---------------+------------------+
| Command       | What it does     |
+===============+==================+
| `ls -F`       | lists a folder,  |
|               | marking folders  |
+---------------+------------------+
| `cd ..`       | goes up one      |
+---------------+------------------+

After.
"""


def test_pandoc_grid_tables_render_as_tables() -> None:
    rendered = render_markdown(GRID, path="episodes/x.md")
    assert "+---" not in rendered.html and "<th>Command</th>" in rendered.html
    assert "<td>lists a folder, marking folders</td>" in rendered.html
    assert "<td><code>cd ..</code></td>" in rendered.html
    assert rendered.html.index("Before.") < rendered.html.index("<table") < rendered.html.index("After.")
    fenced = render_markdown("```\n" + GRID + "```\n", path="x.md").html
    assert "+---------------+" in fenced  # inside a code block it stays as written
