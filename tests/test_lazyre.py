"""A pattern compiled on first use (base.lazyre) reads text exactly as `re.compile` does."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus" / "topics"))
from topic_corpus import passages

from narr_audit.base import lazyre
from narr_audit.base.lazyre import compile_while_waiting, lazy_compile
from narr_audit.base.plaindata import dump_plain, load_plain

TEXT = "Residents may not smoke inside. Smoking is allowed at the bench; NO vaping."


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    source, flags = r"\b(smok\w*|vap\w*)\b", re.IGNORECASE
    lazy, plain = lazy_compile(source, flags), re.compile(source, flags)
    assert lazy.pattern == plain.pattern and lazy.flags == plain.flags
    assert lazy.search(TEXT) is not None and plain.search(TEXT) is not None
    assert lazy.search(TEXT).group(0) == plain.search(TEXT).group(0)  # type: ignore[union-attr]
    assert [m.span() for m in lazy.finditer(TEXT)] == [m.span() for m in plain.finditer(TEXT)]
    assert lazy.findall(TEXT) == plain.findall(TEXT)
    assert lazy.sub("X", TEXT) == plain.sub("X", TEXT)
    assert lazy.split(TEXT) == plain.split(TEXT)
    assert lazy.match(TEXT) is None and plain.match(TEXT) is None


def test_waiting_compiles_what_is_not_compiled_yet() -> None:
    pattern = lazy_compile(r"naloxone")
    assert "search" not in vars(pattern)  # nothing compiled at import
    compile_while_waiting()
    assert "search" in vars(pattern)  # bound to the compiled pattern's own method
    assert all("search" in vars(p) for p in lazyre._MADE)
    assert pattern.search("where the naloxone is kept") is not None


@pytest.mark.parametrize(
    ("source", "factored"),
    [
        (r"\bab|\bcd|ef|\bgh|\bij", r"\b(?:ab|cd)|ef|\b(?:gh|ij)"),  # runs only, in their order
        (r"\ba[|(]|\bc", r"\b(?:a[|(]|c)"),  # a bar or a bracket in a class is a member
        (r"\ba\||\bc", r"\b(?:a\||c)"),  # an escaped bar is a letter
        (r"\b(?:a|b)c|\bd", r"\b(?:(?:a|b)c|d)"),  # a bar inside a group is that group's
        (r"\ba[]|]x|\bc", r"\b(?:a[]|]x|c)"),  # "]" first in a class is a member
        (r"\ba[^]|(]x|\bc", r"\b(?:a[^]|(]x|c)"),
        (r"\bab|cd", r"\bab|cd"),  # one alternative on \b: nothing to share
        (r"\\bab|\\bcd", r"\\bab|\\bcd"),  # an escaped backslash and a "b", not a boundary
        (r"\b(ab|\bcd", r"\b(ab|\bcd"),  # unbalanced: compiled as written, re reports it
        (r"\bab|\bc[d", r"\bab|\bc[d"),  # a class left open
    ],
)
def test_a_shared_word_boundary_is_put_in_front_once(source: str, factored: str) -> None:
    assert lazyre.factor_boundaries(source) == factored


@pytest.fixture(scope="module")
def corpus_sentences() -> list[str]:
    """The tuned part of the blind corpus, sentence by sentence: every fifth of about 40,000."""
    return sorted(
        {
            piece.strip()
            for passage in passages("tuned")
            for line in passage.text.splitlines()
            for piece in re.split(r"(?<=[.!?])\s+", line)
            if piece.strip()
        }
    )[::5]


@pytest.mark.slow
def test_every_factored_pattern_of_the_recogniser_matches_as_written(corpus_sentences: list[str]) -> None:
    """The recogniser's own patterns, factored, find the same spans and groups as written, on the
    tuned part of the blind corpus read sentence by sentence (every fifth sentence of 40,000, as
    written and lower-cased, as normalised)."""
    import narr_audit.base.language
    import narr_audit.checks.recognise
    import narr_audit.evidence.docdates
    import narr_audit.evidence.records  # noqa: F401

    factored = [p for p in lazyre._MADE if lazyre.factor_boundaries(p._source) != p._source]
    assert len(factored) >= 10  # the long alternations the factoring is for
    lines = corpus_sentences
    assert len(lines) > 5_000
    for pattern in factored:
        written = re.compile(pattern._source, pattern._flags)
        shared = re.compile(lazyre.factor_boundaries(pattern._source), pattern._flags)
        for line in lines:
            for text in (line, line.lower()):
                assert [(m.span(), m.groups()) for m in written.finditer(text)] == [
                    (m.span(), m.groups()) for m in shared.finditer(text)
                ], (pattern._source[:60], text)


@pytest.mark.parametrize(
    "source",
    [
        r"\bSmoking\b",  # a capital of its own
        r"\b(?-i:[A-Z])\w+",  # a case-sensitive group
        "\u212a\\w+",  # the Kelvin sign, which a case-blind match takes for "k"
    ],
)
def test_a_lowered_first_look_is_refused_where_it_could_miss(source: str) -> None:
    with pytest.raises(ValueError, match="lowered first look"):
        lazyre.lowered(source)


def test_a_lowered_first_look_answers_only_for_plain_ascii() -> None:
    first = lazyre.lowered(r"\b(?:no|never)\s+smok\w*(?P<where>\s+inside)?\W", re.IGNORECASE)
    assert lazyre.cannot_match(first, "Residents may smoke on the patio.")
    assert not lazyre.cannot_match(first, "NEVER SMOKE INSIDE.")  # found, whatever the case
    assert not lazyre.cannot_match(first, "Résidents: no smoking.")  # not plain ASCII: not judged here
    assert not lazyre.cannot_match(first, "Resident's café: smoking allowed")  # the same


def test_a_lowered_first_look_leaves_out_word_boundaries_only() -> None:
    """Without its boundaries the first look finds at least as much, and faster; a backspace written
    "\\b" in a character class, and an escaped backslash before a "b", are kept."""
    first = lazyre.lowered(r"\bno\s+smok[\b\w]*\b|\\b", re.IGNORECASE)
    assert first.pattern == r"no\s+smok[\b\w]*|\\b"
    assert not lazyre.cannot_match(first, "Casino smoking lounge")  # "no smok" inside a word: a look, no more
    assert lazyre.cannot_match(first, "Smoking on the patio only.")


@pytest.mark.slow
def test_the_recognisers_first_looks_never_miss_what_their_patterns_find(corpus_sentences: list[str]) -> None:
    """What the first look rules out, the case-blind pattern does not find either: on the tuned part
    of the blind corpus, every fifth sentence, as written, lower-cased and in capitals."""
    from narr_audit.base import language

    lines = corpus_sentences
    pairs = [(language._LATER_FIRST, language._LATER), (language._DISOWNS_FIRST, language._DISOWNS)]
    for first, pattern in pairs:
        plain = re.compile(pattern.pattern, re.IGNORECASE)
        for line in lines:
            for text in (line, line.lower(), line.upper()):
                if plain.search(text) is not None:
                    assert not lazyre.cannot_match(first, text), (pattern.pattern[:60], text)


# --- patterns compiled ahead (standards/compiled/patterns-<python>.pickle) ---------------------------


def _all_pattern_modules() -> None:
    import importlib

    from narr_audit.standards.loader import PATTERN_MODULES

    for name in PATTERN_MODULES:
        importlib.import_module(name)


def test_every_module_that_makes_lazy_patterns_is_compiled_ahead() -> None:
    """The list scripts/compile-standards.py compiles ahead names every module of the package that
    calls lazy_compile or lowered (a new one left off would only be slower, so this holds it)."""
    from narr_audit.standards.loader import PATTERN_MODULES

    src = Path(lazyre.__file__).resolve().parent.parent
    makers = {
        "narr_audit." + ".".join(path.relative_to(src).with_suffix("").parts)
        for path in src.rglob("*.py")
        if path.name != "lazyre.py" and re.search(r"\b(?:lazy_compile|lowered)\(", path.read_text(encoding="utf-8"))
    }
    assert makers == set(PATTERN_MODULES)
    _all_pattern_modules()
    assert lazyre.made_in() - {"tests.test_lazyre", "test_lazyre"} <= set(PATTERN_MODULES)


def test_the_shipped_patterns_are_todays_and_build_the_same_patterns_as_re_compile() -> None:
    """Every pattern of the package is kept for this Python, kept as it is compiled today, and the
    pattern built from its kept code is equal to ``re.compile``'s (same text, flags and code)."""
    if not lazyre.store_path().is_file():
        pytest.skip(f"no patterns compiled ahead for this Python ({lazyre.store_path().name})")
    from narr_audit.standards.loader import PATTERN_MODULES

    _all_pattern_modules()
    stored = lazyre._store()
    assert stored, "the shipped patterns do not fit this Python's engine: run python scripts/compile-standards.py"
    mine = [p for p in lazyre._MADE if p._module in PATTERN_MODULES]
    assert len(mine) > 100
    hint = "the shipped patterns are stale: run python scripts/compile-standards.py and commit standards/compiled/"
    for pattern in mine:
        entry = stored.get(pattern._source, {}).get(int(pattern._flags))
        assert entry == lazyre.kept_code(pattern._source, pattern._flags), (hint, pattern._source[:60])
        built = lazyre._compile(pattern._source, pattern._flags)
        assert built == re.compile(lazyre.factor_boundaries(pattern._source), pattern._flags)
        assert built.groupindex == re.compile(lazyre.factor_boundaries(pattern._source), pattern._flags).groupindex


@pytest.fixture
def own_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store file of the test's own, read afresh."""
    path = tmp_path / "patterns.pickle"
    monkeypatch.setattr(lazyre, "store_path", lambda: path)
    monkeypatch.setattr(lazyre, "_STORED", None)
    return path


def test_a_pattern_built_from_kept_code_reads_text_as_re_compile(own_store: Path) -> None:
    source = r"\bno\s+(?P<what>smok\w*|vap\w*)\b|\bnever\s+(?P<when>after\s+\d+)"
    pattern = lazy_compile(source, re.IGNORECASE)
    lazyre.write_store({__name__}, own_store)
    assert lazyre._store()[source]  # kept
    plain = re.compile(source, re.IGNORECASE)
    text = "NO SMOKING inside; never after 10 pm, and no vaping."
    assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == [
        (m.span(), m.groupdict()) for m in plain.finditer(text)
    ]
    assert pattern.flags == plain.flags and pattern.groupindex == plain.groupindex


def test_writing_the_store_twice_gives_the_same_bytes(own_store: Path, tmp_path: Path) -> None:
    lazy_compile(r"\bcurfew\b", re.IGNORECASE)
    lazyre.write_store({__name__}, own_store)
    again = lazyre.write_store({__name__}, tmp_path / "again.pickle")
    assert own_store.read_bytes() == again.read_bytes()


@pytest.mark.parametrize(
    "damage",
    ["cut short", "not a pickle", "names a class", "another engine", "a code the engine refuses"],
)
def test_a_damaged_or_foreign_store_only_costs_time(own_store: Path, damage: str) -> None:
    """Whatever the file holds, a pattern compiles as ``re.compile`` would: never an error, never
    another pattern."""
    import pickle
    from datetime import date

    source = r"\bfire\s+drill\w*"
    pattern = lazy_compile(source, re.IGNORECASE)
    lazyre.write_store({__name__}, own_store)
    good = own_store.read_bytes()
    data = load_plain(good)
    if damage == "cut short":
        own_store.write_bytes(good[: len(good) // 2])
    elif damage == "not a pickle":
        own_store.write_text("patterns: none\n", encoding="utf-8")
    elif damage == "names a class":
        own_store.write_bytes(pickle.dumps({"engine": data["engine"], "patterns": date(2026, 1, 1)}))
    elif damage == "another engine":
        data["engine"][0] -= 1
        own_store.write_bytes(dump_plain(data))
    else:
        data["patterns"][source][int(re.IGNORECASE)][2] = [999, 999, 999]
        own_store.write_bytes(dump_plain(data))
    text = "The monthly FIRE DRILLS are logged."
    assert pattern.search(text).group(0) == "FIRE DRILLS"  # type: ignore[union-attr]
    assert pattern.pattern == source
