"""Regular expressions compiled when first used, not when their module is imported.

The recogniser and the record readers hold a few hundred patterns; compiling them all at import
cost every run tens of milliseconds, though a `check` whose readings are kept in the cache uses
few of them (benchmarks/bench_check.py, warm). A pattern made here compiles on its first use and
then answers with the compiled pattern's own methods, at their speed.

Before compiling, a word boundary that opens several alternatives in a row is put in front of them
once (``\\bA|\\bB`` -> ``\\b(?:A|B)``): the same matches, in the same order, but Python's engine then
tries the alternatives only where a word starts, not at every character. The recogniser's longest
patterns (dozens of alternatives, each opening on ``\\b``) run two to three times faster so.

Compiling is mostly Python's own parser and code generator (pure Python in ``re._parser`` and
``re._compiler``): for the recogniser's hundred-odd patterns, about a tenth of an uncached check.
So the patterns also ship compiled ahead (:func:`write_store`, run by scripts/compile-standards.py),
for the exact Python that compiled them: a pattern found there with its flags is built straight from
its kept code by the regular-expression engine (the step ``re.compile`` ends with), and anything
else (another Python, a pattern edited since, a damaged file) is compiled as usual. A kept code
is only ever a speed-up: the pattern it builds is equal to ``re.compile``'s (tests/test_lazyre.py).
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Collection
from pathlib import Path
from typing import Any, cast

from narr_audit.base.plaindata import DAMAGED, dump_plain, load_plain
from narr_audit.base.resources import standards_dir

# The engine re.compile hands its code to, and the two steps before (re._compiler.compile): internal
# modules without type stubs, so looked up by name.
_sre: Any = importlib.import_module("_sre")
_parser: Any = importlib.import_module("re._parser")
_compiler: Any = importlib.import_module("re._compiler")

_FORWARDED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class _LazyPattern:
    """Stands in for a compiled pattern until first used; then binds its methods in place."""

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags
        self._module = _maker()
        _MADE.append(self)

    def __getattr__(self, name: str) -> Any:  # only reached for what is not bound yet
        if name == "pattern":
            return self._source  # as written, not as factored
        compiled = _compile(self._source, self._flags)
        for method in _FORWARDED:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source!r}, {self._flags!r})"


_MADE: list[_LazyPattern] = []


def _maker() -> str:
    """The module that made a pattern (the first caller outside this one)."""
    frame = sys._getframe(1)
    while frame.f_back is not None and frame.f_globals.get("__name__") == __name__:
        frame = frame.f_back
    return str(frame.f_globals.get("__name__", ""))


def _compile(source: str, flags: int) -> re.Pattern[str]:
    """``re.compile(factor_boundaries(source), flags)``, from the kept code when there is one."""
    kept = _store().get(source)
    entry = kept.get(flags) if kept is not None else None
    if entry is not None:
        try:
            written, final_flags, code, groups, groupindex, indexgroup = entry
            built = _sre.compile(written, final_flags, code, groups, groupindex, tuple(indexgroup))
            return cast("re.Pattern[str]", built)
        except (TypeError, ValueError, RuntimeError, OverflowError):  # not a code this engine takes
            pass
    return re.compile(factor_boundaries(source), flags)


# Where the kept codes live, one file per Python release (its code format is the release's own).
STORE_DIR = "compiled"
STORE_NAME = "patterns-{tag}-{version}.pickle"
_STORED: dict[str, dict[int, list[Any]]] | None = None


def store_path() -> Path:
    """The file of patterns compiled ahead for the Python running now."""
    version = ".".join(map(str, sys.version_info[:3]))
    return standards_dir() / STORE_DIR / STORE_NAME.format(tag=sys.implementation.name, version=version)


def _engine() -> list[int]:
    return [_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS]


def _store() -> dict[str, dict[int, list[Any]]]:
    """The kept codes for this Python, read once; empty when there are none that fit."""
    global _STORED
    if _STORED is None:
        _STORED = {}
        try:
            data = load_plain(store_path().read_bytes())
        except (OSError, *DAMAGED):
            return _STORED  # none shipped for this Python, or unreadable: compile as usual
        if isinstance(data, dict) and data.get("engine") == _engine() and isinstance(data.get("patterns"), dict):
            _STORED = data["patterns"]
    return _STORED


def kept_code(source: str, flags: int) -> list[Any]:
    """What :func:`write_store` keeps for a pattern: the pattern as compiled (boundaries factored),
    the flags it ends with, its code, its number of groups and its group names both ways."""
    written = factor_boundaries(source)
    parsed = _parser.parse(written, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are named ints: kept as ints
    names = dict(parsed.state.groupdict)
    by_number: list[str | None] = [None] * parsed.state.groups
    for name, number in names.items():
        by_number[number] = name
    return [written, int(flags | parsed.state.flags), code, parsed.state.groups - 1, names, by_number]


def made_in() -> set[str]:
    """The modules that have made lazy patterns so far."""
    return {pattern._module for pattern in _MADE}


def write_store(modules: Collection[str], path: Path | None = None) -> Path:
    """Compile the lazy patterns that ``modules`` made (import them first) and keep their codes for
    this Python. Deterministic: the same patterns give the same bytes."""
    patterns: dict[str, dict[int, list[Any]]] = {}
    chosen = [pattern for pattern in _MADE if pattern._module in modules]
    for pattern in sorted(chosen, key=lambda p: (p._source, int(p._flags))):
        patterns.setdefault(pattern._source, {})[int(pattern._flags)] = kept_code(pattern._source, pattern._flags)
    target = path or store_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(dump_plain({"engine": _engine(), "patterns": patterns}))
    return target


def factor_boundaries(source: str) -> str:
    """``source`` with each run of two or more top-level alternatives that open on ``\\b`` written as
    one ``\\b(?:...)``; the pattern as it was when it has no such run (or cannot be split safely)."""
    if "|\\b" not in source:  # no alternative opens on \b after another
        return source
    branches = _top_level_branches(source)
    if branches is None or len(branches) < 2:
        return source
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) > 1:
            out.append(r"\b(?:" + "|".join(branch[2:] for branch in run) + ")")
        else:
            out.extend(run)
        run.clear()

    for branch in branches:
        if branch.startswith("\\b"):
            run.append(branch)
        else:
            flush()
            out.append(branch)
    flush()
    return "|".join(out)


def _top_level_branches(source: str) -> list[str] | None:
    """The pattern's alternatives at the top level (outside groups and character classes), or None
    when its brackets do not balance (then it is compiled as written, and ``re`` reports the error)."""
    if "|" not in source:
        return None
    branches: list[str] = []
    depth = start = 0
    for token in _TOKENS.finditer(source):
        c = token.group()
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return None
        elif c == "|" and depth == 0:
            branches.append(source[start : token.start()])
            start = token.end()
        elif c[0] == "[" and not c.endswith("]"):  # a class left open
            return None
    if depth != 0:
        return None
    branches.append(source[start:])
    return branches


# What the splitter steps over: an escape, a character class (a "]" right after "[" or "[^" is a
# member, not its end; an open class runs to the end), a bracket or a bar.
_TOKENS = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]?|[()|]", re.DOTALL)


def lazy_compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", _LazyPattern(source, flags))


def lowered(source: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A quick first look for a case-blind pattern: ``source`` compiled without IGNORECASE, to search
    a plain-ASCII text lower-cased (:func:`cannot_match`). Python's engine tries a case-blind
    alternative letter by letter, and a plain one by its first letter; on the recogniser's longest
    patterns the first look is two to three times faster than the pattern itself. Its word
    boundaries (``\\b``) are left out: it then finds at least as much, and an alternation no longer
    opening with one is tried faster still (a third, on those patterns).

    Only a pattern with no capital letter of its own (escapes such as ``\\W`` aside), no case-sensitive
    group and no character outside ASCII that a case-blind match takes for an ASCII one (the Kelvin
    sign for "k") qualifies: on lower-cased ASCII it then finds at least what the case-blind one finds
    in the text as written. Anything else is refused when the module is imported."""
    bare = _NAMES.sub("", _ESCAPES.sub("", source))
    if (
        not flags & re.IGNORECASE
        or "(?-i" in source
        or bare != bare.lower()
        or any(_folds_to_ascii(c) for c in set(source) if not c.isascii())
    ):
        raise ValueError(f"a lowered first look needs a case-blind pattern in lower case: {source[:60]!r}")
    return lazy_compile(_unbounded(source), flags & ~re.IGNORECASE)


def _unbounded(source: str) -> str:
    """``source`` without its word boundaries ``\\b`` (one in a character class, a backspace, is kept)."""
    out: list[str] = []
    at, in_class = 0, False
    while at < len(source):
        char = source[at]
        if char == "\\":
            escape = source[at : at + 2]
            if escape != "\\b" or in_class:
                out.append(escape)
            at += 2
            continue
        if char == "[" and not in_class:
            in_class = True
            out.append(char)
            if source[at + 1 : at + 2] == "^":  # a class's opening "^", then a "]" there is a member
                out.append("^")
                at += 1
            if source[at + 1 : at + 2] == "]":
                out.append("]")
                at += 1
        elif char == "]" and in_class:
            in_class = False
            out.append(char)
        else:
            out.append(char)
        at += 1
    return "".join(out)


def _folds_to_ascii(char: str) -> bool:
    pattern = re.compile(re.escape(char), re.IGNORECASE)
    return any(pattern.fullmatch(chr(c)) for c in range(128))


def cannot_match(first_look: re.Pattern[str], text: str) -> bool:
    """Whether ``first_look`` (:func:`lowered`) shows that its case-blind pattern finds nothing in
    ``text``: only ever for plain ASCII text, whose lower case keeps every letter in its place."""
    return text.isascii() and first_look.search(text.lower()) is None


_ESCAPES = re.compile(r"\\.")
_NAMES = re.compile(r"\(\?P[<=]")  # "(?P<name>": the P is syntax, not a letter to match


def compile_while_waiting() -> None:
    """Compile the patterns not used yet: called where the run would only wait (for Tesseract reading
    the photos ahead), so that compiling them later does not add to the run's time."""
    for pattern in _MADE:
        if "search" not in pattern.__dict__:
            pattern.search  # noqa: B018 - the first look compiles it


__all__ = [
    "cannot_match",
    "compile_while_waiting",
    "factor_boundaries",
    "kept_code",
    "lazy_compile",
    "lowered",
    "made_in",
    "store_path",
    "write_store",
]
