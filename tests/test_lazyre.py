"""A pattern compiled on first use (base.lazyre) reads text exactly as `re.compile` does."""

from __future__ import annotations

import re

from narr_audit.base import lazyre
from narr_audit.base.lazyre import compile_while_waiting, lazy_compile

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
