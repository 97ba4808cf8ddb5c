"""The Standard ships compiled (standards/compiled/): read instead of the YAML, never in its place.

A first run (or any run without a cache) reads the rulebook and its stemmed vocabulary from JSON
instead of parsing ~100 YAML rules and stemming thousands of phrasings. What a user relies on: the
rules are exactly the YAML's, and a compilation made from other files (an edited rule, a newer
recogniser) is never used.
"""

from __future__ import annotations

import gzip
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from narr_audit.base import resources
from narr_audit.standards import compiled, loader

ROOT = Path(__file__).resolve().parent.parent
HINT = "the shipped compiled Standard is stale: run python scripts/compile-standards.py and commit standards/compiled/"


def _forget() -> None:
    loader._shipped.cache_clear()
    loader._cached_rulebook.cache_clear()
    loader._shipped_narr.cache_clear()


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    _forget()
    yield
    _forget()


def _combinations() -> list[tuple[str, ...]]:
    return [(), *((name,) for name in compiled.shipped_overlay_ids())]


def _key(overlays: tuple[str, ...]) -> tuple[tuple[str, tuple[int, int] | None], ...]:
    return tuple((name, None) for name in overlays)


@pytest.mark.parametrize("overlays", _combinations(), ids=lambda o: "+".join(("narr-3.0", *o)))
def test_the_shipped_compilation_is_made_from_todays_standard_and_code(overlays: tuple[str, ...]) -> None:
    found = compiled.shipped_stamp(overlays)
    assert found is not None
    for kind in ("rulebook", "concepts"):
        assert compiled.shipped_file(kind, found).is_file(), HINT


@pytest.mark.parametrize("overlays", _combinations(), ids=lambda o: "+".join(("narr-3.0", *o)))
def test_the_shipped_rulebook_and_vocabulary_are_the_yamls(overlays: tuple[str, ...]) -> None:
    shipped = loader._shipped(_key(overlays))
    assert shipped is not None, HINT
    from_yaml = loader._cached_rulebook(_key(overlays))
    assert shipped is not from_yaml
    assert shipped.model_dump(mode="json") == from_yaml.model_dump(mode="json")
    found = compiled.shipped_stamp(overlays)
    assert found is not None
    vocabulary = loader._shipped_concepts(found, shipped)
    if vocabulary is None:  # stemmed by another stemmer version than the one installed here: not used
        pytest.skip("the shipped vocabulary was stemmed by another stemmer version; it is compiled here instead")
    fresh = loader._compile_vocabulary(from_yaml)
    kept = json.loads(gzip.decompress(compiled.shipped_file("concepts", found).read_bytes()))
    assert kept["compiled"] == fresh.compiled()
    assert all(vocabulary.concepts[name] == fresh.concepts[name] for name in fresh.concepts)


@pytest.fixture
def standards_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped standards/ (compiled files included) that the loader reads instead."""
    copy = tmp_path / "standards"
    shutil.copytree(resources.standards_dir(), copy)
    monkeypatch.setattr(compiled, "standards_dir", lambda: copy)
    monkeypatch.setattr(loader, "standards_dir", lambda: copy)
    return copy


def _a_title(folder: Path) -> tuple[Path, str]:
    path = sorted((folder / compiled.NARR_ID).glob("1-*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.strip().startswith("title:"))
    return path, line.split("title:", 1)[1].strip().strip("'\"")


def test_a_rule_edited_since_is_read_from_the_yaml(standards_copy: Path) -> None:
    assert loader._shipped(()) is not None, HINT  # the copy's compiled files match the copy
    _forget()
    path, title = _a_title(standards_copy)
    path.write_text(path.read_text(encoding="utf-8").replace(title, f"{title} (edited)", 1), encoding="utf-8")
    assert loader._shipped(()) is None
    book = loader.load_rulebook()
    assert any(f"{title} (edited)" in text for text in book.model_dump_json().split('"title":'))


def test_a_damaged_compilation_is_not_used(standards_copy: Path) -> None:
    found = compiled.shipped_stamp(())
    assert found is not None
    target = standards_copy / compiled.SHIPPED_DIR / compiled.shipped_file("rulebook", found).name
    target.write_bytes(gzip.compress(b'{"not": "a rulebook"'))
    assert loader._shipped(()) is None
    target.write_bytes(b"not gzip at all")
    assert loader._shipped(()) is None
    assert loader.load_rulebook().rules()  # read from the YAML


def test_vocabulary_stemmed_by_another_stemmer_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = loader._shipped(())
    found = compiled.shipped_stamp(())
    assert shipped is not None and found is not None, HINT
    monkeypatch.setattr(loader, "_environment", lambda: {"snowballstemmer": "0.0", "PyStemmer": None})
    assert loader._shipped_concepts(found, shipped) is None


def test_an_overlay_of_ones_own_is_never_read_from_a_compilation(tmp_path: Path) -> None:
    own = tmp_path / "mine.yaml"
    own.write_text("affiliate: Mine\n", encoding="utf-8")
    assert compiled.shipped_stamp([str(own)]) is None


def test_the_compilation_is_the_same_bytes_every_time(tmp_path: Path) -> None:
    first = {p.name: p.read_bytes() for p in loader.write_shipped(tmp_path / "a")}
    _forget()
    second = {p.name: p.read_bytes() for p in loader.write_shipped(tmp_path / "b")}
    assert first == second and len(first) == 2 * len(_combinations()) + 1  # and the patterns compiled ahead
