"""A topic not found names the section that came closest and what it lacks. When that section holds an idea's
words only where it does not state it (it denies it, asks about it, or means another thing), the report says
so, rather than "does not say" words a reviewer would then find there."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "corpus" / "topics"))

from topic_corpus import judged

from narr_audit.standards.loader import load_rulebook

BOOK = load_rulebook()
ITEMS = ("2.F.16.b", "Prohibited-items list and search procedure")
SCREENING = ("2.F.16.c", "Resident consent to drug screening (form)")


def _reason(rule: tuple[str, str], text: str, tmp_path: Path) -> str:
    outcome, _ = judged(BOOK, rule[0], rule[1], text, tmp_path / "policy.md", None)
    return outcome.reason


def test_an_idea_named_only_in_a_denial_is_said_to_be_denied(tmp_path: Path) -> None:
    reason = _reason(ITEMS, "# Move-in\n\nWe do not keep a list of weapons.\n", tmp_path)
    assert "list of prohibited items (the closest, policy.md, Move-in, names contraband item only in a denial" in reason
    assert "does not say contraband item" not in reason


def test_an_idea_named_only_in_a_question_is_said_to_be_asked(tmp_path: Path) -> None:
    text = (
        "# Intake\n\nFelix asked whether a consent-to-testing form should become part of the resident agreement, so "
        "that each resident would sign it to allow random drug and alcohol tests.\n"
    )
    reason = _reason(SCREENING, text, tmp_path)
    assert "consent (the closest, policy.md, Intake, names consent to test only in a denial, a question" in reason, (
        reason
    )


def test_an_idea_not_named_at_all_is_still_not_said(tmp_path: Path) -> None:
    reason = _reason(ITEMS, "# Move-in\n\nResidents may not bring anything the manager has not approved.\n", tmp_path)
    assert "does not say contraband item" in reason, reason
    assert "only in a denial" not in reason


def test_a_warm_run_reads_the_denied_idea_back_from_the_cache(tmp_path: Path) -> None:
    """A second run reads its findings from the cache (checks.recognise's store): the reason is the cold run's."""
    from datetime import date

    from narr_audit.api import audit
    from tests.folders import make_folder

    folder = make_folder(
        tmp_path / "house",
        files={"rules.md": "# Move-in\n\nWe do not keep a list of weapons.\n"},
        evidence=[{"file": "rules.md", "rules": ["2.F.16.b"]}],
    )
    cache = tmp_path / "cache"

    def reason() -> str:
        report = audit(folder, today=date(2026, 11, 1), cache=cache)
        return next(r for r in report.results if r.id == "2.F.16.b").reason

    cold = reason()
    assert "names contraband item only in a denial, a question or another sense" in cold, cold
    assert any(cache.rglob("*")), "the first run wrote nothing to the cache"
    assert reason() == cold
