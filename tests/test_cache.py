"""The extraction cache: an unchanged document is not read twice; the cache never touches evidence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from narr_audit.api import audit
from narr_audit.evidence.cache import ExtractionCache, default_cache_dir
from narr_audit.evidence.content import Extracted
from narr_audit.evidence.extract import extract

from .conftest import run_cli
from .folders import MISSION, make_folder

TODAY = date(2026, 11, 1)


def test_a_second_read_of_the_same_bytes_comes_from_the_cache(tmp_path: Path) -> None:
    doc = tmp_path / "mission.md"
    doc.write_text("---\nnarr: [1.A.1.a]\n---\n" + MISSION, encoding="utf-8")
    cache = ExtractionCache(tmp_path / "cache")
    first = extract(doc, cache)
    second = extract(doc, cache)
    assert (cache.misses, cache.hits) == (1, 1)
    assert isinstance(first, Extracted) and first == second
    assert first.front_matter == second.front_matter and first.where(0) == second.where(0)


def test_a_changed_document_is_read_again(tmp_path: Path) -> None:
    doc = tmp_path / "mission.md"
    cache = ExtractionCache(tmp_path / "cache")
    doc.write_text("# One\nfirst", encoding="utf-8")
    extract(doc, cache)
    doc.write_text("# Two\nsecond", encoding="utf-8")
    again = extract(doc, cache)
    assert cache.misses == 2 and isinstance(again, Extracted) and again.title == "Two"


def test_unreadable_results_are_cached_too(tmp_path: Path) -> None:
    doc = tmp_path / "scan.pdf"
    doc.write_bytes(b"%PDF-1.4 not really")
    cache = ExtractionCache(tmp_path / "cache")
    assert extract(doc, cache) == extract(doc, cache)
    assert cache.hits == 1


def test_a_damaged_cache_entry_is_a_miss_not_an_error(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text("# A\ntext", encoding="utf-8")
    cache = ExtractionCache(tmp_path / "cache")
    extract(doc, cache)
    for entry in (tmp_path / "cache").rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert isinstance(extract(doc, cache), Extracted)
    assert cache.misses == 2


def test_a_cache_inside_the_evidence_folder_is_never_used(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "house", files={"mission.md": MISSION}, evidence=[{"file": "mission.md", "rules": ["1.A.1.a"]}]
    )
    before = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
    report = audit(folder, today=TODAY, cache=folder / ".cache")
    assert report.result("1.A.1.a").status == "met"  # type: ignore[union-attr]
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == before


def test_reports_are_the_same_with_a_cold_cache_a_warm_cache_and_none(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "house", files={"mission.md": MISSION}, evidence=[{"file": "mission.md", "rules": ["1.A.1.a"]}]
    )
    none = audit(folder, today=TODAY)
    cold = audit(folder, today=TODAY, cache=tmp_path / "c")
    warm = audit(folder, today=TODAY, cache=tmp_path / "c")
    assert none == cold == warm


def test_check_uses_the_cache_dir_and_no_cache_skips_it(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "house", files={"mission.md": MISSION}, evidence=[{"file": "mission.md", "rules": ["1.A.1.a"]}]
    )
    used = tmp_path / "used"
    run_cli("check", str(folder), "--cache-dir", str(used), "--fail-on", "none")
    assert list(used.rglob("*.json"))
    skipped = tmp_path / "skipped"
    run_cli("check", str(folder), "--cache-dir", str(skipped), "--no-cache", "--fail-on", "none")
    assert not skipped.exists()


def test_default_cache_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NARR_AUDIT_CACHE_DIR", str(tmp_path / "x"))
    assert default_cache_dir() == tmp_path / "x"
    monkeypatch.delenv("NARR_AUDIT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr("sys.platform", "linux")
    assert default_cache_dir() == tmp_path / "xdg" / "narr-audit"


def test_the_compiled_rulebook_in_the_cache_equals_the_yaml_and_survives_damage(tmp_path: Path) -> None:
    from narr_audit.standards.loader import load_rulebook

    plain = load_rulebook(["azrha"])
    first = load_rulebook(["azrha"], cache_dir=tmp_path)
    compiled = list(tmp_path.glob("rulebook-*.json"))
    assert len(compiled) == 1
    assert load_rulebook(["azrha"], cache_dir=tmp_path) == first == plain
    compiled[0].write_text("{broken", encoding="utf-8")
    assert load_rulebook(["azrha"], cache_dir=tmp_path) == plain
    assert load_rulebook([], cache_dir=tmp_path).overlays == []
