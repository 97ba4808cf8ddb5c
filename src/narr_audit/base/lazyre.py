"""Regular expressions compiled when first used, not when their module is imported.

The recogniser and the record readers hold a few hundred patterns; compiling them all at import
cost every run tens of milliseconds, though a `check` whose readings are kept in the cache uses
few of them (benchmarks/bench_check.py, warm). A pattern made here compiles on its first use and
then answers with the compiled pattern's own methods, at their speed.
"""

from __future__ import annotations

import re
from typing import Any, cast

_FORWARDED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class _LazyPattern:
    """Stands in for a compiled pattern until first used; then binds its methods in place."""

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags
        _MADE.append(self)

    def __getattr__(self, name: str) -> Any:  # only reached for what is not bound yet
        compiled = re.compile(self._source, self._flags)
        for method in _FORWARDED:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source!r}, {self._flags!r})"


_MADE: list[_LazyPattern] = []


def lazy_compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", _LazyPattern(source, flags))


def compile_while_waiting() -> None:
    """Compile the patterns not used yet: called where the run would only wait (for Tesseract reading
    the photos ahead), so that compiling them later does not add to the run's time."""
    for pattern in _MADE:
        if "search" not in pattern.__dict__:
            pattern.search  # noqa: B018 - the first look compiles it


__all__ = ["compile_while_waiting", "lazy_compile"]
