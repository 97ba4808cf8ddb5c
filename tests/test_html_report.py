"""The HTML gap report: escaped, deterministic, self-contained, accessible, and working in a browser."""

from __future__ import annotations

import itertools
import os
import re
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from narr_audit.api import audit
from narr_audit.formats.report import FORMATS, RenderOptions, render
from narr_audit.results.report import Report

from .conftest import run_cli
from .folders import MISSION, make_folder

TODAY = date(2026, 11, 23)
HOSTILE_FILE = "<script>alert(1)</script>.md"
HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
PARTIAL_VISION = "# Vision\nWe envision a day when every person in recovery lives with dignity and hope.\n"
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture
def hostile(tmp_path: Path) -> Report:
    """A folder whose file names, headings, titles and residence carry markup."""
    body = MISSION.replace("# Mission", f"# Mission {HOSTILE_TITLE}")
    folder = make_folder(
        tmp_path / "hostile",
        files={HOSTILE_FILE: body, "notes/<b>bold</b>.txt": "an unmapped note", "vision.md": PARTIAL_VISION},
        evidence=[
            {"file": HOSTILE_FILE, "rules": ["1.A.1.a"], "title": HOSTILE_TITLE},
            {"file": "vision.md", "rules": ["1.A.1.b"]},
        ],
        name=f"Harbor {HOSTILE_TITLE} House & Sons",
        operator="<svg onload=alert(1)>",
    )
    return audit(folder, today=TODAY)


@pytest.fixture
def page(hostile: Report) -> str:
    return render(hostile, "html")


class Page(HTMLParser):
    """What the structural tests look at: headings, form controls, labels, ids, scripts and tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[int] = []
        self.controls: list[dict[str, str | None]] = []
        self.label_for: set[str] = set()
        self.label_depth = 0
        self.wrapped: list[dict[str, str | None]] = []
        self.ids: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id"):
            self.ids.append(str(a["id"]))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "label":
            self.label_depth += 1
            if a.get("for"):
                self.label_for.add(str(a["for"]))
        if tag in {"input", "select", "textarea"} and a.get("type") != "hidden":
            self.controls.append(a)
            if self.label_depth:
                self.wrapped.append(a)
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.label_depth -= 1
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def parse(html: str) -> Page:
    parsed = Page()
    parsed.feed(html)
    parsed.close()
    return parsed


# (a) everything from the evidence is escaped


def test_hostile_names_and_titles_show_as_text(page: str) -> None:
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.md" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;svg onload=alert(1)&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt;.txt" in page, "unmapped files are listed, escaped"
    assert "<script>alert" not in page
    assert "<img" not in page and "<svg onload" not in page and "<b>bold" not in page
    assert "House &amp; Sons" in page


def test_the_only_script_is_the_report_s_own_and_no_element_has_an_event_handler(page: str) -> None:
    parsed = parse(page)
    assert len(parsed.scripts) == 1
    assert "alert" not in parsed.scripts[0]
    handlers = [(tag, name) for tag, attrs in parsed.tags for name in attrs if name.lower().startswith("on")]
    assert handlers == []
    assert {tag for tag, _ in parsed.tags}.isdisjoint({"img", "iframe", "object", "embed", "link", "base"})


# (b) a pure function of the report


def test_rendering_is_deterministic(hostile: Report, page: str) -> None:
    assert render(hostile, "html") == page
    again = Report.model_validate_json(hostile.model_dump_json())
    assert render(again, "html") == page


def test_the_page_carries_no_clock_of_its_own(hostile: Report, page: str) -> None:
    """Every date on the page comes from the report (generated_on, assessed_on, evidence)."""
    in_report = set(re.findall(r"\b\d{4}-\d{2}-\d{2}\b", hostile.model_dump_json()))
    assert set(re.findall(r"\b\d{4}-\d{2}-\d{2}\b", page)) <= in_report


# (c) self-contained, structured, labelled


def test_the_page_is_self_contained(page: str) -> None:
    assert not re.search(r"""(?:src|href|action|xlink:href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "http://" not in page and "https://" not in page
    assert "<link" not in page.lower()
    assert "@import" not in page and "url(" not in page
    assert "@font-face" not in page
    assert "<style>" in page and "@media print" in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "default-src 'none'" in page, "a Content-Security-Policy forbids any network access"


def test_headings_go_down_one_level_at_a_time_from_a_single_h1(page: str) -> None:
    levels = parse(page).headings
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"heading h{after} follows h{before}: {levels}"
    assert max(levels) <= 3


def test_every_form_control_has_a_label_and_ids_are_unique(page: str) -> None:
    parsed = parse(page)
    assert parsed.controls, "the gap filters are in the page"
    for control in parsed.controls:
        labelled = control.get("id") in parsed.label_for or control in parsed.wrapped or control.get("aria-label")
        assert labelled, f"control without a label: {control}"
    assert len(parsed.ids) == len(set(parsed.ids)), "duplicate ids"
    for target in parsed.label_for:
        assert target in parsed.ids


def test_landmarks_live_region_and_an_accessible_chart(hostile: Report, page: str) -> None:
    parsed = parse(page)
    tags = {tag for tag, _ in parsed.tags}
    assert {"header", "nav", "main", "footer"} <= tags
    assert parsed.tags[0] == ("html", {"lang": "en"})
    live = [a for tag, a in parsed.tags if a.get("aria-live") == "polite"]
    assert [a.get("id") for a in live] == ["gap-count"]
    svg = next(a for tag, a in parsed.tags if tag == "svg")
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "chart-title chart-desc"
    desc = re.search(r'<desc id="chart-desc">(.*?)</desc>', page, re.S)
    assert desc is not None
    for domain in hostile.score.children:
        assert domain.title in desc.group(1)
        assert (f"{domain.percent:.1f}%" if domain.percent is not None else "not scored") in desc.group(1)


def test_the_summary_gap_list_and_every_rule_are_all_there(hostile: Report, page: str) -> None:
    assert "Not ready for certification" in page
    assert f"{hostile.level} ({hostile.level_name})" in page
    assert f'<time datetime="{hostile.assessed_on}">' in page
    assert f'<time datetime="{hostile.generated_on}">' in page
    assert " + ".join(hostile.standards) in page
    gaps = re.findall(r'<li class="gap [^"]*" id="gap-([^"]+)"', page)
    assert gaps == [g.replace(".", "-") for g in hostile.gaps], "the gaps, in the report's order"
    rules = re.findall(r'<li class="rule" id="rule-([^"]+)"', page)
    assert sorted(rules) == sorted(r.id.replace(".", "-") for r in hostile.results)
    assert page.index('id="gaps"') < page.index('id="rules"'), "the gap list comes first"
    partial = hostile.result("1.A.1.b")
    assert partial is not None and partial.status == "partial"
    assert "shared with decision makers" in page, "what is missing is named"
    assert "partially met" in page and "not met" in page, "statuses are words, not only colours"


def test_filters_are_hidden_until_the_script_shows_them(page: str) -> None:
    assert re.search(r'<form id="gap-filters"[^>]*\shidden>', page)
    assert "form.hidden = false" in page


def test_a_report_without_gaps_says_so_and_has_no_filters(hostile: Report) -> None:
    ready = hostile.model_copy(update={"gaps": [], "verdict": "ready", "verdict_reason": "every required rule met"})
    html = render(ready, "html")
    assert "Ready for certification" in html and "No gaps:" in html
    assert "<form" not in html and "<script" not in html


def test_the_html_format_is_registered() -> None:
    assert FORMATS["html"].suffix == ".html"


# (d) the CLI, and an affiliate's own template


@pytest.mark.cli
def test_check_writes_the_html_report(hostile: Report, tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.html"
    run = run_cli("check", hostile.folder, "--format", "html", "--output", str(target), "--fail-on", "none")
    assert run.exit_code == 0
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")


@pytest.mark.cli
def test_template_dir_overrides_the_report_template(hostile: Report, tmp_path: Path) -> None:
    templates = tmp_path / "branding"
    templates.mkdir()
    (templates / "report.html.j2").write_text(
        "<!DOCTYPE html><title>Affiliate</title><p>Affiliate report for {{ residence.name }}: "
        "{{ gaps | length }} gaps, {{ overall }}</p>\n",
        encoding="utf-8",
    )
    target = tmp_path / "custom.html"
    run = run_cli(
        "check",
        hostile.folder,
        "--format",
        "html",
        "--output",
        str(target),
        "--template-dir",
        str(templates),
        "--fail-on",
        "none",
    )
    assert run.exit_code == 0
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html><title>Affiliate</title><p>Affiliate report for Harbor &lt;img")
    assert f"{len(hostile.gaps)} gaps" in html
    assert render(hostile, "html", RenderOptions(template_dir=templates)) == html


# (e) in a real browser


def chromium() -> Path:
    """Debian's Chromium; skipped without it, except in CI, where a missing browser is a failure."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {CHROMIUM} is missing: install Debian's chromium (.ci/run does)")
        pytest.skip(f"needs Debian's Chromium at {CHROMIUM} (apt-get install chromium); set CI to make this fail")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("CI is set but the playwright package is missing: pip install '.[test]'")
        pytest.skip("needs the playwright package: pip install '.[test]'")
    return CHROMIUM


def test_without_chromium_the_browser_test_skips_but_fails_in_ci(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(f"{__name__}.CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="needs Debian's Chromium"):
        chromium()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set but"):
        chromium()


@pytest.mark.browser
@pytest.mark.slow
def test_the_report_filters_and_sorts_in_headless_chromium(hostile: Report, page: str, tmp_path: Path) -> None:
    executable = chromium()
    from playwright.sync_api import expect, sync_playwright

    saved = tmp_path / "report.html"
    saved.write_text(page, encoding="utf-8")
    by_id = {r.id: r for r in hostile.results}
    total = len(hostile.gaps)
    partial = [g for g in hostile.gaps if by_id[g].status == "partial"]
    assert partial and len(partial) < total
    problems: list[str] = []

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(executable), args=["--no-sandbox"])
        try:
            tab = browser.new_page(viewport={"width": 1100, "height": 900})
            tab.on("console", lambda m: problems.append(m.text) if m.type in {"error", "warning"} else None)
            tab.on("pageerror", lambda e: problems.append(str(e)))
            tab.on("request", lambda r: problems.append(f"request {r.url}") if r.url != saved.as_uri() else None)
            tab.goto(saved.as_uri())

            rows = tab.locator("#gap-list > li")
            shown = tab.locator("#gap-list > li:visible")
            count = tab.locator("#gap-count")
            expect(tab.locator("#gap-filters")).to_be_visible()
            expect(shown).to_have_count(total)

            # The keyboard: the skip link leads to the gaps, the next Tab to the search box.
            tab.keyboard.press("Tab")
            expect(tab.locator("a.skip")).to_be_focused()
            tab.keyboard.press("Enter")
            tab.keyboard.press("Tab")
            search = tab.get_by_label("Search the gaps")
            expect(search).to_be_focused()
            tab.keyboard.type("1.a.1.b")
            expect(shown).to_have_count(1)
            expect(shown.first).to_have_attribute("id", "gap-1-A-1-b")
            expect(count).to_have_text(f"Showing 1 of {total} gaps, sorted: most serious first.")
            expect(tab.locator("#gap-none")).to_be_hidden()

            search.fill("no such words anywhere")
            expect(shown).to_have_count(0)
            expect(tab.locator("#gap-none")).to_be_visible()
            search.fill("")

            tab.get_by_label("Status", exact=True).select_option("partial")
            expect(shown).to_have_count(len(partial))
            assert set(shown.evaluate_all("rows => rows.map(r => r.dataset.status)")) == {"partial"}
            expect(count).to_have_text(f"Showing {len(partial)} of {total} gaps, sorted: most serious first.")

            tab.get_by_label("Status", exact=True).select_option("")
            tab.get_by_label("Domain", exact=True).select_option("2")
            in_domain_2 = [g for g in hostile.gaps if by_id[g].domain == "2"]
            expect(shown).to_have_count(len(in_domain_2))
            tab.get_by_label("Domain", exact=True).select_option("")
            expect(shown).to_have_count(total)

            # Sorting: by rule id, by domain, then back to the report's order (most serious first).
            def order() -> list[str]:
                ids: list[str] = rows.evaluate_all("rows => rows.map(r => r.querySelector('h3').textContent)")
                return [text.split(" ", 1)[0] for text in ids]

            tab.get_by_label("Sort by", exact=True).select_option("rule")
            expect(count).to_have_text(f"Showing all {total} gaps, sorted: rule id.")
            assert order() == sorted(hostile.gaps, key=rule_key)
            tab.get_by_label("Sort by", exact=True).select_option("dom")
            domains = [by_id[g].domain for g in order()]
            assert domains == sorted(domains)
            tab.get_by_label("Sort by", exact=True).select_option("sev")
            assert order() == hostile.gaps

            tab.get_by_label("Status", exact=True).select_option("not_met")
            not_met = sum(1 for g in hostile.gaps if by_id[g].status == "not_met")
            expect(count).to_have_text(f"Showing {not_met} of {total} gaps, sorted: most serious first.")
            tab.screenshot(path=str(tmp_path / "report-filtered.png"))
            tab.emulate_media(media="print")
            expect(shown).to_have_count(total)  # printing shows every gap, whatever the filters
            expect(tab.locator("#gap-filters")).to_be_hidden()
            tab.emulate_media(media="screen")
            tab.get_by_role("button", name="Clear filters").click()
            expect(shown).to_have_count(total)

            tab.set_viewport_size({"width": 390, "height": 844})
            tab.screenshot(path=str(tmp_path / "report-phone.png"))
            assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scroll"
            tab.set_viewport_size({"width": 1100, "height": 900})
            tab.screenshot(path=str(tmp_path / "report.png"), full_page=True)

            # Without JavaScript every gap is still there, and the inert filters are not shown.
            quiet = browser.new_page(java_script_enabled=False)
            quiet.goto(saved.as_uri())
            expect(quiet.locator("#gap-list > li:visible")).to_have_count(total)
            expect(quiet.locator("#gap-filters")).to_be_hidden()
            expect(quiet.locator(".rule:visible")).to_have_count(len(hostile.results))
        finally:
            browser.close()

    assert problems == []
    keep = os.environ.get("NARR_AUDIT_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        for name in ("report.png", "report-filtered.png", "report-phone.png"):
            shutil.copyfile(tmp_path / name, Path(keep) / name)


def rule_key(rule_id: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in rule_id.split("."))
