"""Lesson rendering: real-world Markdown reads well, and nothing active or remote survives."""

from __future__ import annotations

import re

import pytest

from hubdesk.core.render import render_markdown, split_front_matter
from tests.conftest import real_course

LINKS = {"lessons/01-first.md": "first", "lessons/02-files.md": "files"}


def render(text: str, path: str = "lessons/01-first.md") -> str:
    return render_markdown(text, path=path, lesson_links=LINKS).html


def test_front_matter_gives_the_title_and_is_not_shown() -> None:
    r = render_markdown("---\ntitle: Files\nteaching: 5\n---\n\n# Heading\n\nBody.\n")
    assert r.title == "Files"
    assert "teaching" not in r.html and "Body." in r.html
    assert r.headings == [(1, "Heading", "heading")]
    assert render_markdown("# Only a heading\n").title == "Only a heading"
    front, body, problem = split_front_matter("---\ntitle: [oops\n---\nText\n")
    assert front == {} and body == "Text\n" and problem is not None and "YAML" in problem


def test_pandoc_fenced_divs_become_boxes_nested() -> None:
    md = (
        "::::::::: challenge\n\n## Try it\n\nDo this.\n\n"
        ":::::: solution\n\nThe answer.\n\n::::::\n\n:::::::::\n\nAfter.\n"
    )
    html = render(md)
    assert html.count("<table") == 2 and html.count("</table>") == 2
    assert html.index("<b>Challenge</b>") < html.index("Do this.") < html.index("<b>Solution</b>")
    assert html.index("The answer.") < html.rindex("</table>") < html.index("After.")
    assert ":::" not in html
    assert "<b>Callout ish</b>" in render("::: {.callout-ish}\nx\n:::\n"), "unknown kinds keep their name"
    assert "Unclosed" in render("::: challenge\nUnclosed\n"), "an unclosed div still renders"


def test_kramdown_attribute_lists_are_consumed() -> None:
    html = render("~~~\n$ ls\n~~~\n{: .language-bash}\n\nText\n{: .callout}\n")
    assert "{:" not in html and "$ ls" in html
    code = render("```bash\n{: not an IAL inside code}\n```\n")
    assert "{: not an IAL inside code}" in code


def test_links_and_images() -> None:
    html = render(
        "![fig](fig/a.svg) ![remote](https://example.org/x.png) ![data](data:image/png;base64,AAAA)\n\n"
        "[next](02-files.md#part) [self](#top) [web](https://example.org) [up](../../etc/passwd) "
        "[other](notes.md) [clip](media/clip.mp4) [js](javascript:alert(1)) [mail](mailto:a@b.org)\n"
    )
    assert 'src="lessons/fig/a.svg"' in html
    assert "example.org/x.png" not in html and "data:image" not in html
    assert "<i>[remote]</i>" in html and "<i>[data]</i>" in html
    assert 'href="hubdesk:lesson/files#part"' in html
    assert 'href="#top"' in html and 'href="https://example.org"' in html
    assert 'href="lessons/media/clip.mp4"' in html and 'href="mailto:a@b.org"' in html
    assert "etc/passwd" not in html and "notes.md" not in html and "javascript" not in html
    assert ">up<" in html and ">js<" in html, "the words of a dropped link stay"


HOSTILE = [
    '<script>alert("hubdesk-probe")</script>',
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<iframe src="https://evil.example"></iframe>',
    '<img src="x.png" onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="  javascript:alert(1)">click</a>',
    '<div onclick="alert(1)" style="background:url(https://evil.example/t.png)">x</div>',
    '<img src="https://evil.example/track.png" alt="tracker">',
    '<img src="//evil.example/track.png">',
    "<object data=x.swf></object><embed src=x.swf>",
    '<svg><script>alert(1)</script></svg><math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<link rel="stylesheet" href="https://evil.example/s.css"><style>body{background:url(//evil.example)}</style>',
    '<form action="https://evil.example"><input name=a></form><base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "[x](javascript:alert(1)) ![y](javascript:alert(1)) <javascript:alert(1)>",
]


@pytest.mark.parametrize("snippet", HOSTILE)
def test_nothing_active_or_remote_survives(snippet: str) -> None:
    html = render(f"# T\n\nBefore\n\n{snippet}\n\nAfter\n").lower()
    for bad in ("<script", "<iframe", "<object", "<embed", "<style", "<link", "<form", "<base", "<meta", "<svg"):
        assert bad not in html
    assert "javascript:" not in html and "alert(" not in html
    assert not re.search(r"\son\w+\s*=", html), "no event handlers"
    assert "evil.example" not in html, "no remote loads"
    assert "before" in html and "after" in html


def test_unknown_constructs_stay_readable_text() -> None:
    odd = "{% include links.md %}\n\n<<<>>>\n\n| a | b\n|--\n\n[^1]: foot\n\n```\nunclosed code\n"
    r = render_markdown(odd)
    assert "include links.md" in r.text and "unclosed code" in r.text


def test_placeholders_cannot_be_forged_and_alt_text_survives_other_attributes() -> None:
    from hubdesk.core import render as r

    forged = render("HDBOX0OPEN HDBOXCLOSE HDBOX99OPEN\n\n" + r._CLOSE.replace(r._NONCE, "0") + "\n")
    assert "HDBOX0OPEN" in forged and "<table" not in forged
    html = render('<img title="t" alt="a picture" src="https://evil.example/x.png">\n')
    assert "<i>[a picture]</i>" in html and "evil" not in html


def test_tables_get_borders_qtextbrowser_draws() -> None:
    html = render("| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert '<table border="1" cellspacing="0" cellpadding="4">' in html and "<td>2</td>" in html


def test_plain_text_for_search() -> None:
    r = render_markdown("# Title\n\nOne *two* three.\n\n- four\n- five &amp; six\n")
    assert r.text.splitlines() == ["Title", "One two three.", "four", "five & six"]


def test_every_real_episode_renders_and_reads_well() -> None:
    episodes = sorted((real_course() / "episodes").glob("*.md"))
    links = {f"episodes/{p.name}": p.stem for p in episodes}
    for path in episodes:
        text = path.read_text() + '\n<script>alert("hubdesk-probe")</script>\n'
        r = render_markdown(text, path=f"episodes/{path.name}", lesson_links=links)
        assert r.title and r.headings, path.name
        assert "<script" not in r.html.lower() and "{:" not in r.html and ":::::" not in r.html
        assert "---" not in r.html[:20], "front matter is not shown"
        assert "shell" in r.text.lower()
    filedir = render_markdown((real_course() / "episodes" / "02-filedir.md").read_text(), path="episodes/02-filedir.md")
    assert 'src="episodes/fig/filesystem.svg"' in filedir.html
    assert 'alt="The file system is made up of a root directory' in filedir.html
    assert "<b>Challenge</b>" in filedir.html and "<b>Solution</b>" in filedir.html
    assert 'class="language-bash"' in filedir.html


def test_plain_text_keeps_words_whole_and_tables_readable() -> None:
    text = render_markdown(
        "# T\n\nA **folder** inside a *folder* is a sub*folder*. Use `ls`.\n\n"
        "| Name | Ends |\n|---|---|\n| cv | .docx |\n"
    ).text
    assert "A folder inside a folder is a subfolder. Use ls." in text
    assert "Name | Ends" in text and "cv | .docx" in text
