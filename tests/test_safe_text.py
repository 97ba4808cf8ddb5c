"""Untrusted names are shown safely wherever they go: terminal, Markdown, XML, CSV, JSON and YAML.

A file or residence name can hold escape sequences that clear a terminal and forge a verdict, a
carriage return that starts a Markdown heading, or a character XML 1.0 cannot hold. Each sink of
base/safetext.py is tested with every such character, then a hostile evidence folder goes through
check (every format), validate, map, batch, diff and init, and no raw control reaches any output.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from narr_audit.api import audit
from narr_audit.base import safetext
from narr_audit.formats.report import FORMATS, RenderOptions, render
from tests.conftest import run_cli
from tests.folders import MISSION, make_folder

ESC, BEL, CR, NUL, CSI, RLO, LRI = "\x1b", "\x07", "\r", "\x00", "\x9b", "\u202e", "\u2066"
HOSTILE = {
    "ESC": f"x{ESC}[2J{ESC}[HVerdict: READY",
    "BEL": f"ring{BEL}ring",
    "CR": f"name{CR}# Injected heading",
    "NUL": f"nul{NUL}byte",
    "C1": f"csi{CSI}2Jx",
    "bidi": f"invoice{RLO}fdp.exe{LRI}x",
}
# Every character that must never reach an output raw: C0 controls but tab and newline, DEL, C1,
# bidi marks, embeddings, overrides and isolates, line and paragraph separators, lone surrogates.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
MARKDOWN = MarkdownIt("commonmark").enable("table")


def raw_controls(text: str) -> list[str]:
    return [hex(ord(c)) for c in RAW.findall(text)]


# --- each sink -----------------------------------------------------------------------------------


@pytest.mark.parametrize("value", HOSTILE.values(), ids=HOSTILE.keys())
def test_terminal_shows_every_control_as_a_visible_escape(value: str) -> None:
    shown = safetext.terminal(value)
    assert raw_controls(shown) == [] and "\n" not in shown
    assert re.search(r"\\(x[0-9a-f]{2}|u[0-9a-f]{4})", shown)  # shown as an escape, not dropped
    assert shown.split("\\")[0] == value[: len(shown.split("\\")[0])]  # the readable part stays


def test_terminal_escapes_look_like_what_they_stand_for() -> None:
    assert safetext.terminal(HOSTILE["ESC"]) == "x\\x1b[2J\\x1b[HVerdict: READY"
    assert safetext.terminal(f"a{CSI}b{RLO}c") == "a\\u009bb\\u202ec"
    assert safetext.terminal("two\nlines\tand tab") == "two\\x0alines\\x09and tab"
    assert safetext.terminal("two\nlines\tand tab", multiline=True) == "two\nlines\tand tab"


def test_ordinary_text_passes_unchanged() -> None:
    text = "Café Ünïcode ✓ – “quoted” 日本語 🏠 <b> | # * 1. -"
    for sink in (safetext.terminal, safetext.xml, safetext.json_text):
        assert sink(text) == text
    assert safetext.markdown_cell("Inspections & drills") == "Inspections & drills"


def test_terminal_keeps_colour_only_when_asked_and_never_other_sequences() -> None:
    coloured = f"{ESC}[1;31mNOT READY{ESC}[0m {ESC}[2J{ESC}]0;title{BEL}"
    kept = safetext.terminal(coloured, multiline=True, keep_colour=True)
    assert kept.startswith(f"{ESC}[1;31mNOT READY{ESC}[0m ")
    assert re.findall(r"\x1b(?!\[[0-9;]*m)", kept) == []  # no clear screen, no title change
    assert ESC not in safetext.terminal(coloured)


@pytest.mark.parametrize("value", HOSTILE.values(), ids=HOSTILE.keys())
def test_markdown_keeps_a_value_inline_and_shows_it_as_itself(value: str) -> None:
    shown = safetext.markdown(value)
    assert raw_controls(shown) == [] and "\n" not in shown
    html = MARKDOWN.render(f"- {shown}\n")
    assert "<h1>" not in html and html.count("<li>") == 1


def test_markdown_neutralises_a_leading_heading_mark_and_pipes() -> None:
    assert MARKDOWN.render(f"- {safetext.markdown('# Verdict: READY')}\n").count("<h1>") == 0
    assert MARKDOWN.render(f"- {safetext.markdown('- nested')}\n").count("<li>") == 1
    row = f"| {safetext.markdown_cell('a | b' + CR + '| c')} | {safetext.markdown('d|e' + CR)} |"
    table = MARKDOWN.render(f"| one | two |\n| --- | --- |\n{row}\n")
    assert table.count("<td>") == 2


def test_markdown_link_target_cannot_end_the_link_or_the_row() -> None:
    target = safetext.markdown_url(f"applicants/a) b](x{CR}|y\udc80/report.html")
    assert target == "applicants/a%29%20b%5D%28x%0D%7Cy%80/report.html"
    assert MARKDOWN.render(f"| r |\n| --- |\n| [html]({target}) |\n").count("<a href") == 1


def test_markdown_code_span_holds_backticks_and_no_line_break() -> None:
    assert safetext.markdown_code("a`b") == "``a`b``"
    assert "\r" not in safetext.markdown_code(f"x{CR}y") and "\n" not in safetext.markdown_code("x\ny")


@pytest.mark.parametrize("value", HOSTILE.values(), ids=HOSTILE.keys())
def test_xml_text_and_attributes_stay_well_formed(value: str) -> None:
    element = ET.Element("testcase", {"name": safetext.xml(value)})
    element.text = safetext.xml(value)
    parsed = ET.fromstring(ET.tostring(element, encoding="unicode"))
    assert raw_controls(parsed.text or "") == [] and raw_controls(parsed.get("name") or "") == []


def test_xml_replaces_what_xml_cannot_hold_and_keeps_newlines() -> None:
    assert safetext.xml(f"a{NUL}b{ESC}c\x0bd") == "a\\x00b\\x1bc\\x0bd"
    assert safetext.xml("line one\nline two\tend") == "line one\nline two\tend"


@pytest.mark.parametrize("value", HOSTILE.values(), ids=HOSTILE.keys())
def test_csv_cell_is_text_without_controls(value: str) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([safetext.csv_cell(value), "next"])
    assert raw_controls(out.getvalue()) == []
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [[safetext.csv_cell(value), "next"]]


def test_csv_cell_still_refuses_formulas() -> None:
    assert safetext.csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert safetext.csv_cell(f"{CR}=1+1") == "'\\x0d=1+1"
    assert safetext.csv_cell("-5") == "'-5" and safetext.csv_cell("plain") == "plain"


YAML_HOSTILE = [*HOSTILE.values(), "nel\x85line", "ls\u2028ps\u2029", "bom\ufeffdel\x7f", "quote \" and \\ and '"]


@pytest.mark.parametrize("value", YAML_HOSTILE)
def test_yaml_scalar_reads_back_exactly(value: str) -> None:
    written = f"name: {safetext.yaml_str(value)}\n"
    assert raw_controls(written) == [] and written.count("\n") == 1
    assert yaml.safe_load(written) == {"name": value}


@pytest.mark.parametrize("value", [*HOSTILE.values(), "lone\udc80surrogate"])
def test_json_keeps_the_value_and_shows_no_raw_control(value: str) -> None:
    text = safetext.json_text(json.dumps({"name": value}, ensure_ascii=False))
    assert raw_controls(text) == []
    assert json.loads(text) == {"name": value}


# --- end to end ----------------------------------------------------------------------------------

PHOTO = f"photos/x{ESC}[2J{ESC}[HVerdict: READY.jpg"
POLICY = f"policies/mission{CR}# Injected{BEL}{RLO}.md"
RESIDENCE = f"Evil{ESC}[2J{ESC}[H{BEL}{CR}# Injected\n| x | y |{NUL}{CSI}{RLO}{LRI} House"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An applicant whose residence, operator and file names carry every hostile character."""
    root = tmp_path_factory.mktemp("hostile")
    try:
        folder = make_folder(
            root / "applicants" / "evil",
            name=RESIDENCE,
            operator=f"Op{ESC}[31m{CSI} LLC",
            files={POLICY: MISSION, PHOTO: b"\xff\xd8\xff", f"notes{LRI}{ESC}[5m.md": MISSION},
            evidence=[{"file": POLICY, "rules": ["1.A.1.a"]}],
        )
    except OSError:
        pytest.skip("this file system does not allow control characters in file names")
    return folder


def _all_outputs(*runs: object, folders: tuple[Path, ...] = ()) -> dict[str, str]:
    found: dict[str, str] = {}
    for n, run in enumerate(runs):
        found[f"run {n} stdout"] = getattr(run, "stdout", "")
        found[f"run {n} stderr"] = getattr(run, "stderr", "")
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                found[str(path)] = path.read_text(encoding="utf-8")
    return found


def _assert_clean(outputs: dict[str, str]) -> None:
    dirty = {name: raw_controls(text)[:5] for name, text in outputs.items() if raw_controls(text)}
    assert dirty == {}, f"raw control characters reached: {dirty}"


def _table_widths(markdown: str) -> list[set[int]]:
    """For each Markdown table: the set of cell counts of its rows (one count when none broke)."""
    widths = []
    for table in re.findall(r"<table>.*?</table>", MARKDOWN.render(markdown), flags=re.S):
        rows = re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)
        widths.append({len(re.findall(r"<t[dh][ >]", row)) for row in rows})
    return widths


@pytest.mark.slow
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_check_in_every_format_shows_no_raw_control(hostile: Path, tmp_path: Path, fmt: str) -> None:
    result = run_cli("check", str(hostile), "--format", fmt, "--fail-on", "none")
    assert result.exit_code == 0, result.stderr
    _assert_clean(_all_outputs(result))
    written = run_cli("check", str(hostile), "--format", fmt, "--fail-on", "none", "--output", str(tmp_path / "r"))
    _assert_clean(_all_outputs(written, folders=(tmp_path,)))
    text = (tmp_path / "r").read_text(encoding="utf-8")
    if fmt == "junit":
        ET.fromstring(text)  # well-formed
    if fmt == "sarif":
        json.loads(text)  # still JSON
    if fmt == "json":
        assert json.loads(text)["residence"]["name"] == RESIDENCE  # escaped for display, the value kept
    if fmt in ("markdown", "action-plan"):
        assert "\n# Injected" not in text and all(len(w) == 1 for w in _table_widths(text))
    if fmt == "terminal":
        assert "\nVerdict: READY" not in text and "x\\x1b[2J\\x1b[HVerdict: READY.jpg" in text


def test_json_report_keeps_the_names_exactly(hostile: Path) -> None:
    data = json.loads(run_cli("check", str(hostile), "--format", "json", "--fail-on", "none").stdout)
    assert data["residence"]["name"] == RESIDENCE and PHOTO in data["unmapped"]


def test_coloured_terminal_report_holds_only_colour_sequences(hostile: Path) -> None:
    text = render(audit(hostile), "terminal", RenderOptions(colour=True))
    assert "\x1b[" in text  # it is coloured
    assert re.findall(r"\x1b(?!\[[0-9;]*m)", text) == []
    assert raw_controls(re.sub(r"\x1b\[[0-9;]*m", "", text)) == []


@pytest.mark.slow
def test_validate_map_and_visit_checklist_show_no_raw_control(hostile: Path) -> None:
    runs = [
        run_cli("validate", str(hostile)),
        run_cli("validate", str(hostile), "--format", "json"),
        run_cli("map", str(hostile)),
        run_cli("map", str(hostile), "--format", "json"),
        run_cli("visit-checklist", str(hostile)),
        run_cli("visit-checklist", str(hostile), "--format", "html"),
        run_cli("visit-checklist", str(hostile), "--format", "review-yaml"),
    ]
    assert [r.exit_code for r in runs] == [0] * len(runs), [r.stderr for r in runs]
    _assert_clean(_all_outputs(*runs))
    assert "x\\x1b[2J\\x1b[HVerdict: READY.jpg" in runs[0].stdout and "x\\x1b[2J" in runs[2].stdout
    assert json.loads(runs[1].stdout)["residence"]["name"] == RESIDENCE
    assert yaml.safe_load(runs[6].stdout)["residence"] == RESIDENCE


@pytest.mark.slow
def test_batch_summaries_and_reports_show_no_raw_control(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    formats = [arg for name in sorted(FORMATS) for arg in ("--format", name)]
    result = run_cli("batch", str(hostile.parent), "--out", str(out), *formats, "--fail-on", "none")
    assert result.exit_code == 0, result.stderr
    _assert_clean(_all_outputs(result, folders=(out,)))
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert all(len(w) == 1 for w in _table_widths(summary)) and "\n# Injected" not in summary
    for xml_report in out.rglob("*.xml"):
        ET.parse(xml_report)


@pytest.mark.slow
def test_diff_of_hostile_reports_shows_no_raw_control(hostile: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    run_cli("check", str(hostile), "--format", "json", "--fail-on", "none", "--output", str(report))
    runs = [run_cli("diff", str(report), str(report), "--format", fmt) for fmt in ("text", "markdown", "json")]
    assert [r.exit_code for r in runs] == [0, 0, 0]
    _assert_clean(_all_outputs(*runs))
    assert all(len(w) == 1 for w in _table_widths(runs[1].stdout)) and "\n# Injected" not in runs[1].stdout


def test_an_error_naming_a_hostile_file_is_printed_safely(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "broken", evidence=[{"file": PHOTO, "rules": ["1.A.1.a"]}])
    result = run_cli("check", str(folder))
    assert result.exit_code == 2
    assert "x\\x1b[2J\\x1b[HVerdict: READY.jpg" in result.stderr and raw_controls(result.stderr) == []


def test_init_writes_a_residence_yaml_that_reads_back(tmp_path: Path) -> None:
    name = f"Harbor{ESC}[2J{BEL}{CSI}{RLO} House\x85"
    folder = tmp_path / "new"
    created = run_cli("init", str(folder), "--level", "II", "--name", name, "--operator", f"Op{ESC}[31m LLC")
    assert created.exit_code == 0, created.stderr
    _assert_clean(_all_outputs(created, folders=(folder,)))
    residence = yaml.safe_load((folder / "residence.yaml").read_text(encoding="utf-8"))["residence"]
    assert residence["name"] == " ".join(name.split()) and residence["operator"] == f"Op{ESC}[31m LLC"
    checked = run_cli("validate", str(folder), "--format", "json")
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    assert json.loads(checked.stdout)["residence"]["name"] == " ".join(name.split())
