"""Common Cartridges made the way Moodle and Canvas export them, for the importer's tests and benchmark.

Canvas (CC 1.1 + its own files): ``wiki_content/*.html`` pages, ``web_resources/`` files linked as
``$IMS-CC-FILEBASE$/...``, pages linked as ``$WIKI_REFERENCE$/pages/<slug>``, QTI quizzes in
``<id>/assessment_qti.xml`` with ``<id>/assessment_meta.xml``, module order in
``course_settings/module_meta.xml``, licence in ``course_settings/course_settings.xml``.
Moodle (CC 1.3 namespaces): pages in per-resource folders with relative links, QTI typed by
``cc_profile``, forums as discussion topics, URLs as web links.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

CANVAS_NS = (
    'xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1" '
    'xmlns:lomimscc="http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"'
)
MOODLE_NS = (
    'xmlns="http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1" '
    'xmlns:lomimscc="http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest"'
)
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def _page(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def _mc(ident: str, qtype: str, prompt: str, choices: list[str], right: list[int], *, label: str) -> str:
    card = "Multiple" if len(right) > 1 or "answers" in qtype or "response" in qtype else "Single"
    labels = "".join(
        f'<response_label ident="{ident}_{i}"><material><mattext texttype="text/plain">{c}</mattext></material>'
        "</response_label>"
        for i, c in enumerate(choices)
    )
    if card == "Multiple":
        parts = "".join(
            f"<varequal respident='response1'>{ident}_{i}</varequal>"
            if i in right
            else f"<not><varequal respident='response1'>{ident}_{i}</varequal></not>"
            for i in range(len(choices))
        )
        cond = f"<and>{parts}</and>"
    else:
        cond = f"<varequal respident='response1'>{ident}_{right[0]}</varequal>"
    return (
        f'<item ident="{ident}" title="{ident}"><itemmetadata><qtimetadata><qtimetadatafield>'
        f"<fieldlabel>{label}</fieldlabel><fieldentry>{qtype}</fieldentry></qtimetadatafield></qtimetadata>"
        f'</itemmetadata><presentation><material><mattext texttype="text/html">&lt;p&gt;{prompt}&lt;/p&gt;</mattext>'
        f'</material><response_lid ident="response1" rcardinality="{card}"><render_choice>{labels}</render_choice>'
        f'</response_lid></presentation><resprocessing><outcomes><decvar maxvalue="100" minvalue="0" '
        f'varname="SCORE" vartype="Decimal"/></outcomes><respcondition continue="No"><conditionvar>{cond}'
        f'</conditionvar><setvar action="Set" varname="SCORE">100</setvar>'
        '<displayfeedback feedbacktype="Response" linkrefid="correct_fb"/></respcondition>'
        '<respcondition continue="Yes"><conditionvar><other/></conditionvar>'
        '<displayfeedback feedbacktype="Response" linkrefid="general_incorrect_fb"/></respcondition></resprocessing>'
        '<itemfeedback ident="correct_fb"><flow_mat><material><mattext texttype="text/html">'
        "&lt;p&gt;Well done.&lt;/p&gt;</mattext></material></flow_mat></itemfeedback>"
        '<itemfeedback ident="general_incorrect_fb"><flow_mat><material><mattext texttype="text/html">'
        "&lt;p&gt;Look again at the lesson.&lt;/p&gt;</mattext></material></flow_mat></itemfeedback></item>"
    )


def _text_q(ident: str, qtype: str, prompt: str, cond: str, *, label: str, fib: str = "String") -> str:
    return (
        f'<item ident="{ident}" title="{ident}"><itemmetadata><qtimetadata><qtimetadatafield>'
        f"<fieldlabel>{label}</fieldlabel><fieldentry>{qtype}</fieldentry></qtimetadatafield></qtimetadata>"
        f'</itemmetadata><presentation><material><mattext texttype="text/html">&lt;p&gt;{prompt}&lt;/p&gt;</mattext>'
        f'</material><response_str ident="response1" rcardinality="Single"><render_fib fibtype="{fib}">'
        f'<response_label ident="answer1"/></render_fib></response_str></presentation><resprocessing>'
        f'<respcondition continue="No"><conditionvar>{cond}</conditionvar>'
        f'<setvar action="Set" varname="SCORE">100</setvar></respcondition></resprocessing></item>'
    )


def _qti(title: str, items: list[str]) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2">'
        f'<assessment ident="a1" title="{title}"><section ident="root_section">{"".join(items)}</section>'
        "</assessment></questestinterop>"
    )


HALVES = ["2/4", "1/3", "3/6"]


def canvas_quiz(n: int = 0) -> str:
    lab = "question_type"
    return _qti(
        f"Check fractions {n}",
        [
            _mc(f"c{n}a", "multiple_choice_question", "What is half of 10?", ["2", "5", "20"], [1], label=lab),
            _mc(f"c{n}b", "multiple_answers_question", "Which equal one half?", HALVES, [0, 2], label=lab),
            _mc(f"c{n}c", "true_false_question", "A quarter is more than a half.", ["True", "False"], [1], label=lab),
            _text_q(
                f"c{n}d", "short_answer_question", "The bottom number of a fraction is the ...?",
                "<varequal respident='response1'>denominator</varequal>", label=lab,
            ),
            _text_q(
                f"c{n}e", "numerical_question", "What is 3/4 of 8?",
                "<or><and><vargte respident='response1'>5.5</vargte>"
                "<varlte respident='response1'>6.5</varlte></and></or>",
                label=lab, fib="Decimal",
            ),
            _text_q(f"c{n}f", "essay_question", "Explain fractions to a friend.", "<other/>", label=lab),
        ],
    )  # fmt: skip


def canvas_files(*, pages: int = 2, quizzes: int = 1, with_organization: bool = True) -> dict[str, bytes | str]:
    files: dict[str, bytes | str] = {}
    res, org, modules = [], [], []
    for i in range(pages):
        slug = "welcome" if i == 0 else f"page-{i}"
        other = "page-1" if i == 0 and pages > 1 else "welcome"
        body = (
            f"<h2>Page {i}</h2><p>Fractions part {i}.</p>"
            # Canvas writes the token percent-encoded in src (and plain in some hrefs)
            '<p><img src="%24IMS-CC-FILEBASE%24/Uploaded%20Media/chart%201.png" alt="A &quot;pie&quot; chart" '
            'data-api-endpoint="https://canvas.example.edu/api/v1/courses/1/files/2"></p>'
            '<p><a href="$IMS-CC-FILEBASE$/Uploaded%20Media/chart%201.png">the chart</a></p>'
            f'<p>Next: <a href="$WIKI_REFERENCE$/pages/{other}">the other page</a>; '
            '<a href="$CANVAS_OBJECT_REFERENCE$/assignments/g12">an assignment</a>; '
            '<a href="https://example.org/more">more on the web</a></p><script>alert(1)</script>'
        )
        files[f"wiki_content/{slug}.html"] = _page(f"Page {i}", body)
        res.append(f'<resource identifier="w{i}" type="webcontent" href="wiki_content/{slug}.html">'
                   f'<file href="wiki_content/{slug}.html"/></resource>')  # fmt: skip
        org.append(f'<item identifier="it_w{i}" identifierref="w{i}"><title>Page {i}</title></item>')
        modules.append((f"w{i}", f"Page {i}", "WikiPage"))
    files["wiki_content/unlisted.html"] = _page("Not in a module", "<p>Kept anyway.</p>")
    res.append('<resource identifier="wx" type="webcontent" href="wiki_content/unlisted.html">'
               '<file href="wiki_content/unlisted.html"/></resource>')  # fmt: skip
    files["web_resources/Uploaded Media/chart 1.png"] = PNG
    res.append('<resource identifier="f1" type="webcontent" href="web_resources/Uploaded Media/chart 1.png">'
               '<file href="web_resources/Uploaded Media/chart 1.png"/></resource>')  # fmt: skip
    for q in range(quizzes):
        files[f"q{q}/assessment_qti.xml"] = canvas_quiz(q)
        files[f"q{q}/assessment_meta.xml"] = (
            f'<?xml version="1.0"?><quiz identifier="q{q}" xmlns="http://canvas.instructure.com/xsd/cccv1p0">'
            f"<title>Quiz {q}</title><description>&lt;p&gt;Try these before moving on.&lt;/p&gt;</description></quiz>"
        )
        res.append(
            f'<resource identifier="q{q}" type="imsqti_xmlv1p2/imscc_xmlv1p1/assessment">'
            f'<file href="q{q}/assessment_qti.xml"/><dependency identifierref="q{q}_meta"/></resource>'
            f'<resource identifier="q{q}_meta" type="associatedcontent/imscc_xmlv1p1/learning-application-resource" '
            f'href="q{q}/assessment_meta.xml"><file href="q{q}/assessment_meta.xml"/></resource>'
        )
        org.append(f'<item identifier="it_q{q}" identifierref="q{q}"><title>Quiz {q}</title></item>')
        modules.append((f"q{q}", f"Quiz {q}", "Quizzes::Quiz"))
    files["lti1.xml"] = (
        '<?xml version="1.0"?><cartridge_basiclti_link xmlns="http://www.imsglobal.org/xsd/imslticc_v1p0" '
        'xmlns:blti="http://www.imsglobal.org/xsd/imsbasiclti_v1p0"><blti:title>Math tool</blti:title>'
        "<blti:launch_url>https://tool.example.org/launch</blti:launch_url></cartridge_basiclti_link>"
    )
    res.append('<resource identifier="lti1" type="imsbasiclti_xmlv1p0"><file href="lti1.xml"/></resource>')
    org.append('<item identifier="it_lti" identifierref="lti1"><title>Math tool</title></item>')
    modules.append(("lti1", "Math tool", "ContextExternalTool"))
    files["course_settings/course_settings.xml"] = (
        '<?xml version="1.0"?><course identifier="c1" xmlns="http://canvas.instructure.com/xsd/cccv1p0">'
        "<title>Fractions for adults</title><license>cc_by_sa</license></course>"
    )
    items = "".join(
        f"<item identifier='mi{n}'><content_type>{kind}</content_type><title>{title}</title>"
        f"<identifierref>{ref}</identifierref><position>{n + 1}</position></item>"
        for n, (ref, title, kind) in enumerate(modules)
    )
    files["course_settings/module_meta.xml"] = (
        '<?xml version="1.0"?><modules xmlns="http://canvas.instructure.com/xsd/cccv1p0">'
        "<module identifier='m2'><title>Later</title><position>2</position><items>"
        "<item identifier='mx'><content_type>ExternalUrl</content_type><title>Reading on the web</title>"
        "<url>https://example.org/reading</url><position>1</position></item></items></module>"
        f"<module identifier='m1'><title>Start</title><position>1</position><items>{items}</items></module>"
        "</modules>"
    )
    organization = (
        '<organization identifier="org_1" structure="rooted-hierarchy"><item identifier="LearningModules">'
        f'<item identifier="m1"><title>Start</title>{"".join(org)}</item></item></organization>'
        if with_organization
        else ""
    )
    files["imsmanifest.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><manifest identifier="g1" {CANVAS_NS}><metadata>'
        "<schema>IMS Common Cartridge</schema><schemaversion>1.1.0</schemaversion><lomimscc:lom>"
        "<lomimscc:general><lomimscc:title><lomimscc:string>Fractions for adults</lomimscc:string></lomimscc:title>"
        "<lomimscc:language>en</lomimscc:language></lomimscc:general></lomimscc:lom></metadata>"
        f"<organizations>{organization}</organizations><resources>{''.join(res)}</resources></manifest>"
    )
    return files


def moodle_files() -> dict[str, bytes | str]:
    lab = "cc_profile"
    files: dict[str, bytes | str] = {
        "I_1/page.html": _page(
            "Lire une facture",
            '<p>Voici une facture.</p><p><img src="../course_files/facture.png" alt="Une facture"></p>'
            '<p>Suite : <a href="../I_2/page.html#total">le total</a></p>',
        ),
        "I_2/page.html": _page("Le total", '<h2 id="total">Le total</h2><p>On additionne.</p>'),
        "course_files/facture.png": PNG,
        "R_quiz/assessment.xml": _qti(
            "Vérifier",
            [
                _mc("m1", "cc.multiple_choice.v0p1", "Combien font 2 + 3 ?", ["4", "5"], [1], label=lab),
                _mc("m2", "cc.multiple_response.v0p1", "Nombres pairs ?", ["2", "3", "4"], [0, 2], label=lab),
                _mc("m3", "cc.true_false.v0p1", "10 est pair.", ["Vrai", "Faux"], [0], label=lab),
                _text_q("m4", "cc.fib.v0p1", "Le résultat d'une addition est la ...",
                        "<varequal respident='response1' case='No'>somme</varequal>", label=lab),
                _text_q("m5", "cc.essay.v0p1", "Racontez vos courses.", "<other/>", label=lab),
            ],
        ),
        "R_forum/discussion.xml": (
            '<?xml version="1.0"?><topic xmlns="http://www.imsglobal.org/xsd/imsccv1p3/imsdt_v1p3">'
            '<title>Vos factures</title><text texttype="text/html">&lt;p&gt;Montrez une facture.&lt;/p&gt;</text>'
            "</topic>"
        ),
        "R_assign/assignment.xml": (
            '<?xml version="1.0"?><assignment xmlns="http://www.imsglobal.org/xsd/imscc_extensions/assignment" '
            'identifier="A1"><title>Votre budget</title><text texttype="text/html">&lt;p&gt;Faites le budget '
            "d'une semaine.&lt;/p&gt;</text><gradable>true</gradable></assignment>"
        ),
        "R_url/weblink.xml": (
            '<?xml version="1.0"?><webLink xmlns="http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3">'
            '<title>Le site des impôts</title><url href="https://impots.example.fr/"/></webLink>'
        ),
    }  # fmt: skip
    res = (
        '<resource identifier="R1" type="webcontent" href="I_1/page.html"><file href="I_1/page.html"/>'
        '<file href="course_files/facture.png"/></resource>'
        '<resource identifier="R2" type="webcontent" href="I_2/page.html"><file href="I_2/page.html"/></resource>'
        '<resource identifier="R3" type="imsqti_xmlv1p2/imscc_xmlv1p3/assessment"><file href="R_quiz/assessment.xml"/>'
        "</resource>"
        '<resource identifier="R4" type="imsdt_xmlv1p3"><file href="R_forum/discussion.xml"/></resource>'
        '<resource identifier="R5" type="imswl_xmlv1p3"><file href="R_url/weblink.xml"/></resource>'
        '<resource identifier="R6" type="assignment_xmlv1p0" href="R_assign/assignment.xml">'
        '<file href="R_assign/assignment.xml"/></resource>'
        '<resource identifier="R7" type="imsqti_xmlv1p2/imscc_xmlv1p3/question-bank">'
        '<file href="R_quiz/assessment.xml"/></resource>'
    )
    org = "".join(
        f'<item identifier="it{i}" identifierref="R{i}"><title>{t}</title></item>'
        for i, t in [
            (1, "Lire une facture"),
            (2, "Le total"),
            (3, "Vérifier"),
            (4, "Vos factures"),
            (5, "Impôts"),
            (6, "Votre budget"),
            (7, "Banque"),
        ]
    )
    files["imsmanifest.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><manifest identifier="M1" {MOODLE_NS}><metadata>'
        "<schema>IMS Common Cartridge</schema><schemaversion>1.3.0</schemaversion><lomimscc:lom><lomimscc:general>"
        "<lomimscc:title><lomimscc:string>Compter au quotidien</lomimscc:string></lomimscc:title>"
        "<lomimscc:language>fr</lomimscc:language></lomimscc:general><lomimscc:lifeCycle><lomimscc:contribute>"
        "<lomimscc:entity>BEGIN:VCARD\nFN:Awa Ndiaye\nEND:VCARD</lomimscc:entity></lomimscc:contribute>"
        "</lomimscc:lifeCycle><lomimscc:rights><lomimscc:copyrightAndOtherRestrictions><lomimscc:value>yes"
        "</lomimscc:value></lomimscc:copyrightAndOtherRestrictions><lomimscc:description><lomimscc:string>"
        "CC-BY-4.0</lomimscc:string></lomimscc:description></lomimscc:rights></lomimscc:lom></metadata>"
        '<organizations><organization identifier="O1" structure="rooted-hierarchy"><item identifier="root">'
        f'<item identifier="s1"><title>Section 1</title>{org}</item></item></organization></organizations>'
        f"<resources>{res}</resources></manifest>"
    )
    return files


def write_zip(path: Path, files: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def write_folder(root: Path, files: dict[str, bytes | str]) -> Path:
    for name, data in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data.encode() if isinstance(data, str) else data)
    return root
