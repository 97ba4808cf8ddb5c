"""Start-up (issue 12): a second run reads back what the first worked out, and reports the same.

What a warm run reads instead of redoing: each document's analysis (sentences and stems) and what
its sentences hold of each idea, the compiled vocabulary beside the compiled rulebook, and the rule
ids in force (so `validate` and the pre-commit hook never build the rulebook). None of it may change
a result, a damaged entry costs only time, and nothing is ever written into an evidence folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from narr_audit.api import load_evidence
from narr_audit.base import language as lang
from narr_audit.base.errors import NarrError
from narr_audit.base.language import asks_wh, is_question, normalise, tokens
from narr_audit.base.resources import standards_dir
from narr_audit.checks import recognise
from narr_audit.checks.analysis_cache import ANALYSIS_VERSION, AnalysisCache
from narr_audit.checks.document import DocumentCheck, topic_spec
from narr_audit.checks.recognise import (
    DEFERRAL,
    MAX_GAP,
    PROMISE,
    SUBSTANCE_CONCEPT,
    SUBSTANCE_WORDS,
    UNSTATED,
    Analysis,
    Finding,
    Phrasing,
    TopicSpec,
    Vocabulary,
    analyse,
    find,
    find_in,
    stored_in,
)
from narr_audit.cli import app, app_for
from narr_audit.evidence.content import Extracted, Segment
from narr_audit.standards import compiled
from narr_audit.standards.loader import load_rulebook

from .conftest import run_cli
from .folders import MISSION, make_folder

REPO = Path(__file__).resolve().parent.parent
HARBOR = REPO / "examples" / "level-2-monitored"
TODAY = date(2026, 11, 1)

POLICY = Extracted(
    "markdown",
    (
        Segment("Grievances", "# Grievances\nA resident may file a grievance with the house manager."),
        Segment(
            "Appeals",
            "## Appeals\nResidents may appeal a decision within 7 days.\nAppeals are decided by the board: "
            "the resident is told in writing.",
            ("Grievances",),
        ),
        Segment(
            "Fees",
            "## Fees\nRent is $150 per week, due each Monday. Refunds are at the director's discretion.",
            ("Grievances",),
        ),
    ),
)


def _check(folder: Path, cache: Path | None, *extra: str) -> str:
    """`narr-audit check --format json` in a process of its own, as a user runs it twice."""
    env = dict(os.environ, NO_COLOR="1", PYTHONPATH=str(REPO / "src"))
    cached = ["--cache-dir", str(cache)] if cache is not None else ["--no-cache"]
    done = subprocess.run(
        [sys.executable, "-m", "narr_audit", "check", str(folder), "-f", "json", "--fail-on", "none", *cached, *extra],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    report.pop("generated_on", None)
    return json.dumps(report, sort_keys=True)


@pytest.mark.slow
def test_a_second_check_reads_its_work_back_and_reports_exactly_the_same(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    uncached = _check(HARBOR, None)
    assert _check(HARBOR, cache) == uncached  # cold: everything worked out and kept
    kept = sorted(p.name for p in (cache / f"analysis-v{ANALYSIS_VERSION}").rglob("*.json"))
    assert any(name.count(".") == 2 for name in kept), "what each document holds of each idea is kept"
    assert list(cache.glob("concepts-*.json")) and list(cache.glob("index-*.json"))
    assert _check(HARBOR, cache) == uncached  # warm: read back


@pytest.mark.slow
def test_damaged_or_forged_cache_entries_cost_time_never_a_result(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    uncached = _check(HARBOR, None)
    _check(HARBOR, cache)
    for n, entry in enumerate(sorted((cache / f"analysis-v{ANALYSIS_VERSION}").rglob("*.json"))):
        if n % 3 == 0:
            entry.write_text("{broken", encoding="utf-8")
        elif entry.name.count(".") == 2:  # an idea's sentences that cannot be this document's
            entry.write_text(json.dumps({key: [10**6] for key in json.loads(entry.read_text())}), encoding="utf-8")
        else:
            entry.write_text(json.dumps({"sentences": [], "words": "a b", "stems": "a", "counts": []}))
    for entry in cache.glob("concepts-*.json"):
        entry.write_text(json.dumps({"concepts": {"_deferral": [7]}, "own": {"idea:lock*": None}}))
    assert _check(HARBOR, cache) == uncached
    assert _check(HARBOR, cache) == uncached


def test_an_analysis_read_back_finds_every_topic_as_the_fresh_one_does(tmp_path: Path) -> None:
    store = AnalysisCache(tmp_path)
    fresh = analyse(POLICY)
    assert store.load(POLICY) is None
    store.save(POLICY, fresh)
    kept = AnalysisCache(tmp_path).load(POLICY)
    assert kept is not None and kept.key is not None
    assert (kept.sentences, kept.words, kept.stems, kept.owner, kept.digits, kept.within) == (
        fresh.sentences,
        fresh.words,
        fresh.stems,
        fresh.owner,
        fresh.digits,
        fresh.within,
    )
    assert fresh.within  # the sections under "Grievances" know it
    book = load_rulebook()
    for topic in [t for r in book.rules() for c in r.checks() if isinstance(c, DocumentCheck) for t in c.topics]:
        spec = topic_spec(topic, book.concepts)
        assert find(spec, kept, book.concepts) == find(spec, fresh, book.concepts), topic.name


def test_what_an_faqs_asker_says_is_kept_with_the_analysis(tmp_path: Path) -> None:
    """The asker's own words beside an FAQ's question state no rule, read fresh or read back."""
    faq = Extracted(
        "markdown",
        (Segment("Alarms", "# Alarms\nQ: Who tests the smoke alarms? The one in my room chirps.\nA: I do, monthly."),),
    )
    fresh = analyse(faq)
    assert [fresh.sentences[n].text for n in fresh.asked] == ["The one in my room chirps."]
    AnalysisCache(tmp_path).save(faq, fresh)
    kept = AnalysisCache(tmp_path).load(faq)
    assert kept is not None and kept.asked == fresh.asked


def test_a_topic_found_once_is_read_back_without_reading_the_document_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = load_rulebook(["azrha"], cache_dir=tmp_path)  # its vocabulary is kept compiled, with a stamp
    vocabulary = book.concepts
    specs = [
        topic_spec(t, vocabulary)
        for r in book.rules()
        for c in r.checks()
        if isinstance(c, DocumentCheck)
        for t in c.topics
    ]
    with stored_in(AnalysisCache(tmp_path)):
        first = [find_in(spec, POLICY, vocabulary) for spec in specs]
    assert any(f.found for f in first) and any(not f.found for f in first)

    def unread(content: Extracted) -> None:
        raise AssertionError("the document was read again")

    monkeypatch.setattr(recognise, "analyse", unread)
    with stored_in(AnalysisCache(tmp_path)):
        assert [find_in(spec, POLICY, vocabulary) for spec in specs] == first


def test_a_warm_check_looks_for_no_topic_again_not_even_past_a_doubted_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second reader doubts some sentences of Harbor House; the search goes on past each, and what
    it found there is kept too: a second check of the unchanged folder only reads its work back."""
    from narr_audit import api
    from narr_audit.checks import document

    copy = tmp_path / "harbor"
    shutil.copytree(HARBOR, copy)
    first = api.audit(copy, today=TODAY, cache=tmp_path / "cache")
    doubted = [r for r in first.results for c in r.checks if "second reader" in c.reason.lower()]
    assert doubted, "Harbor House has a sentence the second reader doubts: the search past it is tested"

    def again(*args: object, **kwargs: object) -> None:
        raise AssertionError("a topic was looked for again")

    for module in (recognise, document):
        monkeypatch.setattr(module, "find", again)
        monkeypatch.setattr(module, "analyse", again)
    assert api.audit(copy, today=TODAY, cache=tmp_path / "cache") == first


def test_a_document_changed_by_one_letter_is_analysed_again(tmp_path: Path) -> None:
    store = AnalysisCache(tmp_path)
    store.save(POLICY, analyse(POLICY))
    changed = Extracted("markdown", (*POLICY.segments[:2], Segment("Fees", "## Fees\nRent is $160 per week.")))
    assert store.load(changed) is None and store.load(POLICY) is not None


def test_the_compiled_vocabulary_is_the_vocabulary(tmp_path: Path) -> None:
    """Read back from the cache, every concept and every topic's idea has the same phrasings."""
    assert load_rulebook(["azrha"], cache_dir=tmp_path).concepts  # compiled and kept
    fresh = Vocabulary.build(load_rulebook(["azrha"]).vocabulary)
    (kept_file,) = tmp_path.glob("concepts-*.json")
    kept = Vocabulary.from_compiled(json.loads(kept_file.read_text(encoding="utf-8")))
    assert set(kept.concepts) == set(fresh.concepts)
    assert all(tuple(kept.concepts[name]) == tuple(fresh.concepts[name]) for name in fresh.concepts)
    book = load_rulebook(["azrha"])
    for rule in book.rules():
        for check in rule.checks():
            for topic in check.topics if isinstance(check, DocumentCheck) else ():
                for idea in topic.concepts or []:
                    assert tuple(kept.idea(idea)) == tuple(fresh.idea(idea)), f"{rule.id} {idea}"


def test_an_edit_to_the_standard_or_its_vocabulary_is_compiled_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    standards = tmp_path / "standards"
    shutil.copytree(standards_dir(), standards)
    monkeypatch.setattr(compiled, "standards_dir", lambda: standards)
    before = compiled.stamp(["azrha"])
    assert before == compiled.stamp(["AzRHA"])  # the same files, however the overlay is named
    vocabulary = sorted((standards / "vocabulary").glob("*.yaml"))[0]
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    edited = compiled.stamp(["azrha"])
    assert edited is not None and edited != before
    assert compiled.stamp(["no-such-overlay"]) is None  # left to the loader, which says why


@pytest.mark.slow
def test_validate_reads_the_ids_in_force_without_building_the_rulebook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_evidence(HARBOR, today=TODAY, cache=tmp_path)
    assert list(tmp_path.glob("index-*.json"))

    def no_rulebook(*args: object, **kwargs: object) -> None:
        raise AssertionError("the rulebook was built")

    monkeypatch.setattr("narr_audit.standards.loader.load_rulebook", no_rulebook)
    second = load_evidence(HARBOR, today=TODAY, cache=tmp_path)
    assert second.evidence == first.evidence
    monkeypatch.undo()
    assert second.rulebook == first.rulebook  # read when asked for


@pytest.mark.slow
def test_an_unknown_overlay_is_still_named_with_a_warm_cache(tmp_path: Path) -> None:
    load_evidence(HARBOR, today=TODAY, cache=tmp_path)
    with pytest.raises(NarrError) as raised:
        load_evidence(HARBOR, today=TODAY, cache=tmp_path, overlays=["no-such-overlay"])
    assert "'no-such-overlay' is neither an overlay file nor the id of a shipped overlay" in raised.value.render()


def test_validate_and_the_hook_keep_their_work_in_the_cache_never_in_the_folder(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "house", files={"mission.md": MISSION}, evidence=[{"file": "mission.md", "rules": ["1.A.1.a"]}]
    )
    cache = tmp_path / "cache"
    assert run_cli("validate", str(folder), env={"NARR_AUDIT_CACHE_DIR": str(cache)}).exit_code == 0
    assert list(cache.glob("index-*.json")) and list(cache.glob("extract-v*/*/*.json"))
    before = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
    inside = {"NARR_AUDIT_CACHE_DIR": str(folder / ".cache")}
    assert run_cli("validate", str(folder), env=inside).exit_code == 0
    assert run_cli("precommit", str(folder / "residence.yaml"), str(folder / "mission.md"), env=inside).exit_code == 0
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == before


def test_a_command_run_alone_says_what_it_says_in_the_whole_app() -> None:
    """The console entry builds only the command it runs: its help and its usage errors are unchanged."""
    from typer.testing import CliRunner

    runner = CliRunner()
    names = [c.name or typer.main.get_command_name(c.callback.__name__) for c in app.registered_commands if c.callback]
    assert "check" in names and "validate" in names
    for name in names:
        for args in ([name, "--help"], [name], [name, "--no-such-option"]):
            whole, alone = runner.invoke(app, args), runner.invoke(app_for(args), args)
            assert (alone.exit_code, alone.output) == (whole.exit_code, whole.output), args
    for args in (["chek"], [], ["--version"], ["--help"]):
        assert app_for(args) is app


# --- The faster reading finds what the plain reading finds ------------------------------------------------------
# The plain reading, as the recogniser did it before it was made faster: every phrasing of an idea
# walked through the document's words, and every sentence tried in turn. The fast one must agree.


def _plain_normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = lang._HYPHEN_BREAK.sub(r"\1\2", text)
    text = lang._CAPITALS.sub(lambda m: lang._CAPITAL_ABBREVIATIONS[m.group(1)], text)
    text = lang._DOTTED.sub(lambda m: lang._ABBREVIATIONS[m.group(1).lower()] + " ", text)
    return text.lower().replace("’", "'")


def _plain_find(spec: TopicSpec, analysis: Analysis, vocabulary: Vocabulary) -> Finding:
    sentences = analysis.sentences
    words = [(t.word, t.stem, n) for n, s in enumerate(sentences) for t in tokens(_plain_normalise(s.text))]

    def matches(word: tuple[str, str | None], at: int) -> bool:
        stem, prefix = word
        return words[at][0].startswith(prefix) if prefix is not None else words[at][1] == stem

    def holding(phrasings: Sequence[Phrasing]) -> set[int]:
        hits: set[int] = set()
        for phrasing in phrasings:
            for start in range(len(words)):
                if not phrasing or not matches(phrasing[0], start):
                    continue
                at = start
                for word in phrasing[1:]:
                    nxt = range(at + 1, min(at + 2 + MAX_GAP, len(words)))
                    at = next((p for p in nxt if words[p][2] == words[start][2] and matches(word, p)), -1)
                    if at < 0:
                        break
                if at >= 0:
                    hits.add(words[start][2])
        return hits

    # The ideas are looked up plainly; what a sentence denies, where its substance may be and what it
    # may borrow are the recogniser's own rules (read from the same sentences, not from its indexes).
    s = spec
    per_idea = [analysis.undenied(idea, frozenset(holding(idea))) for idea in s.ideas]
    substance_name = s.substance
    substance = holding(vocabulary.concepts.get(SUBSTANCE_CONCEPT[substance_name], ()) if substance_name else ())
    if substance_name == "contact":
        substance |= analysis.contacts()
    elif substance_name != "role":
        substance |= analysis.digits
    deferral = holding(vocabulary.concepts.get(PROMISE, ()))
    promised = deferral | analysis.later()  # a heading over promises only lends nothing
    if substance_name:
        deferral |= holding(vocabulary.concepts.get(DEFERRAL, ())) - analysis.digits
    # Sentences that state no rule whatever their words (another's act, a section not in effect, a rule
    # binding someone other than the residents) are the recogniser's own rules too.
    stating_none = analysis.others() | analysis.disowned()
    disowned = analysis.disowned()  # and an idea lent only by a sentence not in effect is not lent
    if s.binds == "residents":
        stating_none |= analysis.for_others()
        disowned |= analysis.for_others()
    best, deferred_at = None, None
    for n, sentence in enumerate(sentences):
        scope = {n, *sentence.context}
        met = sum(1 for hits in per_idea if hits & scope)
        if met == len(per_idea):
            if n in deferral:
                deferred_at = n if deferred_at is None else deferred_at
                continue
            # a heading over sentences that state none, and a question answered "No one.", lend nothing
            quiet = [
                c
                for c in (n, *sentence.context)
                if recognise._silent(analysis, c, stating_none | promised)
                or (c != n and c in stating_none and is_question(sentences[c].text) and asks_wh(sentences[c].text))
            ]
            borrows = recognise._borrowed(analysis, n, per_idea) > 1 or recognise._lent_by(
                analysis, n, per_idea, disowned.union(quiet)
            )
            if s.ongoing and recognise._denies_what_it_borrows(analysis, n, s.ideas, per_idea):
                borrows = True
            if (
                n in stating_none
                or n in quiet
                or borrows
                or (substance_name and not (substance & recognise._statement(analysis, n)))
            ):
                if best is None or met > best[0]:
                    best = (met, n)
                continue
            return Finding(True, sentence.where, n)
        if met and (best is None or met > best[0]):
            best = (met, n)
    if deferred_at is not None:
        deferred = (SUBSTANCE_WORDS[substance_name] if substance_name else UNSTATED,)
        return Finding(False, sentences[deferred_at].where, deferred_at, deferred, deferred=True)
    if best is None:
        return Finding(False, None, None, s.labels)
    met_count, n = best
    scope = {n, *sentences[n].context} - {recognise._referent(analysis, n)}
    lacking: tuple[str, ...] = tuple(label for label, hits in zip(s.labels, per_idea, strict=True) if not hits & scope)
    if met_count == len(per_idea) and substance_name and not lacking:
        lacking = (SUBSTANCE_WORDS[substance_name],)
    return Finding(False, sentences[n].where, n, lacking or (UNSTATED,))


_PIECES = [
    "Residents", "the house manager", "may appeal", "a grievance", "within 7 days", "$150 per week", "HR", "CO",
    "detectors", "mgr.", "Eff.", "sq. ft.", "e.g.", "No.", "naloxone", "overdose", "lock-\nbox", "ﬁre drills",
    "evacuation", "staff", "at the director's discretion", "case by case", "refund", "rent", "curfew", "visitors",
    "confidential", "records", "locked", "drug screening", "Résumé", "organisation", "Dr.", "St.", "1.", "-",
]  # fmt: skip


def _texts() -> st.SearchStrategy[str]:
    words = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12).map(" ".join)
    line = st.tuples(st.sampled_from(["", "# ", "- ", "1. ", "| "]), words, st.sampled_from([".", ":", "", "!", " |"]))
    return st.lists(line.map("".join), min_size=1, max_size=8).map("\n".join)


def test_the_fast_normalising_equals_the_plain_one() -> None:
    @settings(max_examples=300, deadline=None)
    @given(_texts())
    def same(text: str) -> None:
        assert normalise(text) == _plain_normalise(text)

    same()


@pytest.mark.slow
def test_the_fast_reading_finds_every_topic_where_the_plain_one_does() -> None:
    book = load_rulebook(["azrha"])
    vocabulary = Vocabulary.build(book.vocabulary)
    topics = [t for r in book.rules() for c in r.checks() if isinstance(c, DocumentCheck) for t in c.topics]

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.tuples(st.sampled_from(["Fees", "Appeals", None]), _texts()), min_size=1, max_size=3))
    def same(segments: list[tuple[str | None, str]]) -> None:
        content = Extracted("text", tuple(Segment(where, text) for where, text in segments))
        analysis = analyse(content)
        for topic in topics:
            spec = topic_spec(topic, vocabulary)
            assert find(spec, analysis, vocabulary) == _plain_find(spec, analysis, vocabulary), topic.name

    same()
