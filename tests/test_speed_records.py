"""What makes a warm audit fast must never change what it finds.

A document's dates and dated entries are read once per text and kept in the cache; a binder's record
sources and its scanned files are found once per binder, not once per rule; dates are looked for only
where a cue can stand. Each test asks what a reviewer relies on: the same dates, entries, warnings and
findings, cold, warm, from the cache, for every rule that asks, and in any spelling of the text.
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest

from narr_audit.api import audit
from narr_audit.base.statuses import Status
from narr_audit.checks import evaluate
from narr_audit.checks.document import DocumentCheck
from narr_audit.checks.elsewhere import Binder
from narr_audit.checks.interface import Context, Outcome
from narr_audit.checks.log import LogCheck
from narr_audit.evidence import textfacts
from narr_audit.evidence.cache import ExtractionCache
from narr_audit.evidence.content import Extracted, Segment
from narr_audit.evidence.docdates import read_dates
from narr_audit.evidence.model import Document, Evidence
from narr_audit.standards.loader import load_rulebook
from narr_audit.workflows.audit import load_evidence

from .folders import make_folder

ASSESSED = date(2026, 11, 1)
VOCABULARY = load_rulebook().concepts
HOUSE_MEETINGS = "3.I.27.e"  # the weekly house meeting rule
COUNCIL = "1.C.7.a"  # residents make rules at house or council meetings
DRILLS = "2.F.17.c"  # detectors, extinguishers and drills
LEASE_RULE = "1.A.2.b"
RESIDENT = "Marisol Quintero"  # a resident's name written in the minutes: never in any message
MEETINGS = LogCheck(
    label="House meeting minutes", min_entries=4, within_days=31, max_gap_days=8, record="house_meeting"
)

LEASE = (
    "# Lease\n\nThis lease is for a term of twelve months beginning March 1, 2026, between the owner and the "
    "operator of the residence.\n\nLast reviewed: 02/15/2026\n"
)
MINUTES = (
    "# House meetings\n\n03/09/2026 - House meeting. Chores rotated.\n\n"
    f"03/16/2026 - House meeting. {RESIDENT} chaired.\n\n2026-03-23 - House meeting held.\n"
)


def load(folder: Path, cache: ExtractionCache | None = None) -> Evidence:
    return load_evidence(folder, today=ASSESSED, cache=cache).evidence


def document(evidence: Evidence, path: str) -> Document:
    (found,) = [d for d in [*evidence.documents, *evidence.unmapped_documents] if d.path == path]
    return found


def what_it_says(evidence: Evidence, path: str) -> tuple[object, ...]:
    """Everything read from a document's own words: its dates, where they came from, its entries."""
    found = document(evidence, path)
    entries = [(r.date, r.row, r.where, r.text) for r in found.records]
    return (found.effective, found.reviewed, found.expires, found.dates_from_text, entries, list(found.columns))


def binder_folder(tmp_path: Path) -> Path:
    return make_folder(
        tmp_path / "binder",
        files={"business/lease.md": LEASE, "minutes/house-meetings.md": MINUTES},
        evidence=[
            {"file": "business/lease.md", "rules": [LEASE_RULE]},
            {"file": "minutes/house-meetings.md", "rules": [COUNCIL]},
        ],
    )


# --- a document's dates and entries, read once per text -----------------------------------------------------


def test_a_documents_dates_and_entries_are_read_from_the_cache_on_a_warm_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = binder_folder(tmp_path)
    cache = ExtractionCache(tmp_path / "cache")
    cold = load(folder, cache)
    lease = document(cold, "business/lease.md")
    assert (lease.effective, lease.expires, lease.reviewed) == (date(2026, 3, 1), date(2027, 2, 28), date(2026, 2, 15))
    assert len(document(cold, "minutes/house-meetings.md").records) == 3
    kept = list((tmp_path / "cache").glob(f"{textfacts.FOLDER}/*/*.json"))
    assert len(kept) == 1, "kept in the user's cache folder, in one entry for the folder (one file to write)"

    def never(*_: object, **__: object) -> None:
        raise AssertionError("an unchanged document's words were read again")

    monkeypatch.setattr(textfacts, "_MEMO", {})  # a new run: nothing in memory, only the cache on disk
    monkeypatch.setattr(textfacts, "read_dates", never)
    monkeypatch.setattr(textfacts, "document_entries", never)
    warm = load(folder, cache)
    for path in ("business/lease.md", "minutes/house-meetings.md"):
        assert what_it_says(warm, path) == what_it_says(cold, path)
    assert warm.warnings == cold.warnings  # the ambiguous dates of the minutes, said as before
    assert any(w.file == "minutes/house-meetings.md" and "month/day" in w.message for w in warm.warnings)
    monkeypatch.undo()

    (folder / "business/lease.md").write_text(LEASE.replace("March 1, 2026", "April 1, 2026"), encoding="utf-8")
    changed = document(load(folder, cache), "business/lease.md")
    assert (changed.effective, changed.expires) == (date(2026, 4, 1), date(2027, 3, 31)), "changed: read afresh"


def test_a_damaged_cache_entry_is_read_again_from_the_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = binder_folder(tmp_path)
    cache = ExtractionCache(tmp_path / "cache")
    cold = load(folder, cache)
    for entry in (tmp_path / "cache").glob(f"{textfacts.FOLDER}/*/*.json"):
        entry.write_text('{"found": [["expires", "9999-99-99", null, ""]]', encoding="utf-8")
    monkeypatch.setattr(textfacts, "_MEMO", {})
    warm = load(folder, cache)
    for path in ("business/lease.md", "minutes/house-meetings.md"):
        assert what_it_says(warm, path) == what_it_says(cold, path)


def test_two_files_with_the_same_words_each_get_their_own_warnings(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "binder",
        files={"minutes/spring.md": MINUTES, "archive/spring-copy.md": MINUTES},
        evidence=[
            {"file": "minutes/spring.md", "rules": [COUNCIL]},
            {"file": "archive/spring-copy.md", "rules": [COUNCIL]},
        ],
    )
    evidence = load(folder, ExtractionCache(tmp_path / "cache"))
    warned = sorted(w.file or "" for w in evidence.warnings if "month/day" in w.message)
    assert warned == ["archive/spring-copy.md", "minutes/spring.md"]
    assert what_it_says(evidence, "minutes/spring.md") == what_it_says(evidence, "archive/spring-copy.md")
    assert all(RESIDENT not in w.message for w in evidence.warnings)


def test_reports_are_the_same_cold_warm_and_without_a_cache(tmp_path: Path) -> None:
    folder = binder_folder(tmp_path)
    rows = "\n".join(f"{ASSESSED - timedelta(days=7 * n)},R-0{n % 3},present" for n in range(10))
    (folder / "logs").mkdir()
    (folder / "logs/house-meetings.csv").write_text(f"date,chair,notes\n{rows}\n", encoding="utf-8")
    none = audit(folder, today=ASSESSED)
    cold = audit(folder, today=ASSESSED, cache=tmp_path / "c")
    warm = audit(folder, today=ASSESSED, cache=tmp_path / "c")
    assert none == cold == warm
    found = none.result(HOUSE_MEETINGS)
    assert found is not None and any(e.unmapped and e.file == "logs/house-meetings.csv" for e in found.evidence)


# --- dates are looked for only where a cue can stand ---------------------------------------------------------

PHRASINGS = [
    "Policy period: 01/15/2026 to 01/15/2027",
    "POLICY   PERIOD\n01/15/2026 - 01/15/2027",
    "Date\n  of\tExpiration: March 31, 2027",
    "Date\nof\texpiration: as on the schedule, 2027-03-31. Date of issue: as above, 2026-03-31",
    "Date last reviewed 2026-02-01. Effective date: 2026-01-01",
    "This licence is in force through 2027-05-01 and was issued on 2026-05-01.",
    "The lease term commencing on 1st day of September, 2026 and ending on August 31, 2027.",
    "Valid thru 12/31/9999 (a form's placeholder)",
    "Revised: 2026-06-30; Expires: 2027-06-30",
    "POLICY EFF (MM/DD/YYYY) POLICY EXP (MM/DD/YYYY)\n01/15/2026 01/15/2027",
    "For a twelve-month lease beginning March 1, 2026",
    "For a two-year lease beginning March 1, 2026",
    "Attendance and weekend spending: 2026-04-01; unexpired passes 2026-05-01; nonexpiring 2026-06-01",
]


@pytest.mark.parametrize("text", PHRASINGS)
def test_dates_are_read_the_same_in_plain_and_accented_text(text: str) -> None:
    """An accent anywhere in a page (a résumé, a café) makes no difference to what its dates are."""
    plain = read_dates(Extracted("text", (Segment("page 1", f"Notes.\n{text}\nEnd of page."),)))
    accented = read_dates(Extracted("text", (Segment("page 1", f"Notes (café).\n{text}\nEnd of page."),)))
    assert plain == accented


# One sample of each alternative of each cue, in the order docdates writes them: a new phrasing of a cue
# must be added here, which shows whether the quick search for cues still finds it.
CUE_SAMPLES = {
    "period": [
        "Policy period", "Period of coverage", "Coverage period", "Certificate period", "Lease term", "Rental period",
        "Term of this agreement", "Term:",
    ],
    "table_eff": ["Policy eff"],
    "table_exp": ["Policy exp"],
    "reviewed": ["Last revised on", "Date last reviewed", "Review date", "Revision date", "Reviewed:"],
    "expires": ["Expiration date", "Expiry date", "Exp. date", "End date", "Termination date", "Date of expiry"],
    "effective": [
        "Effective date", "Date effective", "Start date", "Issue date", "Date of issue", "Adoption date",
        "Date adopted",
    ],
    "reviewed_near": ["reviewed", "revised"],
    "expires_near": [
        "expires on", "expiration", "expired", "expiring", "valid until", "good through", "in effect until", "ending",
        "ends", "terminates",
    ],
    "effective_near": [
        "effective as of", "valid from", "issued on", "adopted", "beginning", "begins", "commencing", "commences",
        "starting",
    ],
}  # fmt: skip


LEAD = "Notes (see 12). "


def alternatives(pattern: str) -> int:
    """How many alternatives a cue's pattern has at its top level."""
    depth, count, escaped = 0, 1, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            count += 1
    return count


def test_every_phrasing_of_every_cue_is_found_by_the_quick_search() -> None:
    from narr_audit.evidence import docdates

    assert [name for name, _, _ in docdates._CUES] == list(CUE_SAMPLES)
    for name, pattern, _ in docdates._CUES:
        assert alternatives(pattern) == len(CUE_SAMPLES[name]), f"give a sample of each phrasing of {name}"
        for sample in CUE_SAMPLES[name]:
            for spacing in (" ", "\n\t ", "  "):
                for written in (sample, sample.upper(), sample.lower()):
                    text = f"{LEAD}{written.replace(' ', spacing)} 2027-01-31, signed."
                    quick = docdates._cue_matches(text, text.lower())
                    assert [(m.span(), m.lastgroup) for m in quick] == [
                        (m.span(), m.lastgroup) for m in docdates._CUE_RE.finditer(text)
                    ]
                    assert (quick[0].start(), quick[0].lastgroup) == (len(LEAD), name), text


def test_a_cue_is_a_word_of_its_own_and_may_run_across_lines() -> None:
    found = read_dates(
        Extracted("text", (Segment(None, "Weekend attendance 2026-04-01.\nDATE OF\n  EXPIRATION: 2027-01-31\n"),))
    ).found
    assert set(found) == {"expires"} and found["expires"].value == date(2027, 1, 31)


# --- a binder's record sources, found once for every rule that asks ---------------------------------------------


def contexts(evidence: Evidence, rules: list[str]) -> dict[str, Context]:
    """What the engine gives each rule: its own files, and one binder shared by all of them."""
    binder = Binder([*evidence.documents, *evidence.unmapped_documents])
    found = {}
    for rule in rules:
        mapped = tuple(d for d in evidence.documents if rule in d.rules)
        found[rule] = Context(
            rule_id=rule,
            assessed_on=evidence.assessed_on,
            documents=mapped,
            vocabulary=VOCABULARY,
            elsewhere=binder.elsewhere(mapped),
        )
    return found


def weekly_log(count: int) -> str:
    rows = "\n".join(f"{ASSESSED - timedelta(days=7 * n)},R-0{n % 3},present" for n in range(count))
    return f"date,chair,notes\n{rows}\n"


def test_every_rule_that_asks_finds_the_unmapped_record_and_is_told_how_to_map_it_to_itself(tmp_path: Path) -> None:
    detector = "date,by,result\n2026-10-01,R-01,all sounded\n"
    folder = make_folder(
        tmp_path / "binder",
        files={"logs/house-meetings.csv": weekly_log(10), "logs/detector-checks.csv": detector},
        evidence=[{"file": "logs/detector-checks.csv", "rules": [COUNCIL]}],
    )
    evidence = load(folder)
    outcomes: dict[str, Outcome] = {
        rule: evaluate(MEETINGS, ctx) for rule, ctx in contexts(evidence, [COUNCIL, HOUSE_MEETINGS]).items()
    }
    for rule, outcome in outcomes.items():
        assert outcome.status == Status.met, outcome.reason
        assert outcome.reason.startswith(f"found in logs/house-meetings.csv, not mapped to {rule} (")
        assert f"- {{file: logs/house-meetings.csv, rules: [{rule}]}}" in outcome.reason
        assert [(e.file, e.unmapped) for e in outcome.evidence] == [("logs/house-meetings.csv", True)]
    assert "logs/detector-checks.csv is a record of detector checks, not of house meetings" in outcomes[COUNCIL].reason


def test_a_rule_whose_own_file_is_a_record_reads_it_and_the_others_look_elsewhere(tmp_path: Path) -> None:
    drills = "date,by,note\n2026-10-01,R-01,fire drill, all out in 2 minutes\n"
    folder = make_folder(
        tmp_path / "binder",
        files={"logs/fire-drills.csv": drills, "logs/house-meetings.csv": weekly_log(10)},
        evidence=[{"file": "logs/house-meetings.csv", "rules": [HOUSE_MEETINGS]}],
    )
    evidence = load(folder)
    found = {rule: evaluate(MEETINGS, ctx) for rule, ctx in contexts(evidence, [HOUSE_MEETINGS, COUNCIL]).items()}
    own, other = found[HOUSE_MEETINGS], found[COUNCIL]
    assert own.status == Status.met and own.reason.startswith("logs/house-meetings.csv: 10 dated entries")
    assert [(e.file, e.unmapped) for e in own.evidence] == [("logs/house-meetings.csv", False)]
    assert other.status == Status.met and other.reason.startswith("found in logs/house-meetings.csv, not mapped")
    assert [(e.file, e.unmapped) for e in other.evidence] == [("logs/house-meetings.csv", True)]


def test_a_folder_of_minutes_one_of_which_is_the_rules_own_still_counts_the_rest(tmp_path: Path) -> None:
    days = [date(2026, 8, 31) + timedelta(days=7 * n) for n in range(9)]
    files: dict[str, str | bytes] = {
        f"minutes/{day.isoformat()}.md": f"# House meeting, {day:%d %B %Y}\n\nChores rotated.\n" for day in days
    }
    folder = make_folder(
        tmp_path / "binder", files=files, evidence=[{"file": f"minutes/{days[0].isoformat()}.md", "rules": [DRILLS]}]
    )
    evidence = load(folder)
    found = {rule: evaluate(MEETINGS, ctx) for rule, ctx in contexts(evidence, [DRILLS, HOUSE_MEETINGS]).items()}
    assert found[HOUSE_MEETINGS].reason.startswith("found in minutes/ (9 dated files), not mapped to 3.I.27.e")
    assert found[DRILLS].reason.startswith("found in minutes/ (8 dated files), not mapped to 2.F.17.c")


# --- evidence read by OCR is marked, found once per binder ------------------------------------------------------


def scanned(path: str, rules: list[str], confidence: float | None) -> Document:
    text = "Our mission is to offer a safe, alcohol- and drug-free home for people in recovery."
    content = Extracted("pdf", (Segment("page 1", text),), pages=1, ocr_confidence=confidence)
    return Document(path=path, kind="pdf", rules=rules, mapped_by=["manifest"] if rules else [], content=content)


MISSION = DocumentCheck(label="Mission statement")


@pytest.mark.parametrize("mapped", [True, False])
def test_evidence_read_by_ocr_carries_its_confidence_mapped_or_found_elsewhere(mapped: bool) -> None:
    mission = scanned("handbook/mission.pdf", ["1.A.1.a"] if mapped else [], 71.0)
    others = [scanned("handbook/chores.pdf", [], 55.0), scanned("handbook/visitors.pdf", [], None)]
    binder = Binder([mission, *others])
    own = (mission,) if mapped else ()
    view = Context(
        rule_id="1.A.1.a", assessed_on=ASSESSED, documents=own, elsewhere=binder.elsewhere(own), rule_title="Mission"
    )
    by_hand = Context(
        rule_id="1.A.1.a",
        assessed_on=ASSESSED,
        documents=own,
        elsewhere=tuple(binder.elsewhere(own)),
        rule_title="Mission",
    )
    outcome = evaluate(MISSION, view)
    assert outcome.status == Status.met, outcome.reason
    assert [(e.file, e.ocr, e.unmapped) for e in outcome.evidence] == [("handbook/mission.pdf", 71.0, not mapped)]
    assert evaluate(MISSION, by_hand) == outcome, "a context made by hand reads the same"


def test_an_expired_scan_is_named_with_its_confidence_and_does_not_count() -> None:
    lapsed = scanned("handbook/mission.pdf", ["1.A.1.a"], 64.0).model_copy(update={"expires": date(2026, 1, 1)})
    binder = Binder([lapsed, scanned("handbook/chores.pdf", [], 55.0)])
    ctx = Context(
        rule_id="1.A.1.a",
        assessed_on=ASSESSED,
        documents=(lapsed,),
        elsewhere=binder.elsewhere([lapsed]),
        rule_title="Mission",
    )
    outcome = evaluate(MISSION, ctx)
    assert outcome.status != Status.met
    assert outcome.reason.startswith("handbook/mission.pdf expired on 2026-01-01, so it does not count")
    assert [(e.file, e.ocr) for e in outcome.evidence] == [("handbook/mission.pdf", 64.0)]


def word_minutes() -> bytes:  # a Word file whose table holds the dated rows
    import docx

    made = docx.Document()
    table = made.add_table(rows=0, cols=2)
    for day in ("2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26"):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = day, "House meeting"
    buffer = io.BytesIO()
    made.save(buffer)
    return buffer.getvalue()


def test_a_word_table_of_meetings_is_the_same_record_cold_and_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_folder(
        tmp_path / "binder",
        files={"minutes/october.docx": word_minutes()},
        evidence=[{"file": "minutes/october.docx", "rules": [HOUSE_MEETINGS]}],
    )
    cache = ExtractionCache(tmp_path / "cache")
    cold = load(folder, cache)
    monkeypatch.setattr(textfacts, "_MEMO", {})
    warm = load(folder, cache)
    assert what_it_says(warm, "minutes/october.docx") == what_it_says(cold, "minutes/october.docx")
    assert [r.date for r in document(warm, "minutes/october.docx").records] == [
        date(2026, 10, 5),
        date(2026, 10, 12),
        date(2026, 10, 19),
        date(2026, 10, 26),
    ]
