"""The second reader's model, shipped as data under standards/reader/ (see checks.reader).

Read lazily: the file is hashed when the reader is made (its stamp names the model in the cache) and
parsed only when a document check first needs a reading that the cache does not keep.

The model is kept as a pickle of plain data (dicts, strings and numbers; protocol 4), which Python
reads three times faster than the same model as compressed JSON (7 ms against 18 ms, a tenth of an
uncached check's own work). It is read by an unpickler that refuses every class and function, so the
file can hold nothing but data: a pickle naming any is refused as damaged.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any

from narr_audit.base.errors import NarrError
from narr_audit.base.plaindata import DAMAGED, dump_plain, load_plain
from narr_audit.base.resources import standards_dir
from narr_audit.checks.reader import FORMAT, SecondReader, Thresholds

MODEL = "reader/second-reader.pickle"
THRESHOLDS = "thresholds.json"  # beside the model


@functools.cache
def second_reader() -> SecondReader:
    """The shipped second reader (one per process)."""
    return load_model(standards_dir() / MODEL)


def load_model(path: Path) -> SecondReader:
    """A second reader from its model file; a file that cannot be read or is not a model is a clear
    error naming it (when the file is first read, or when its model is first needed)."""
    limits = path.with_name(THRESHOLDS)
    try:
        raw = path.read_bytes()
        kept = limits.read_bytes()
    except OSError as err:
        raise NarrError.single(
            f"the second reader's model cannot be read ({err.strerror or err})",
            file=err.filename or path,
            hint="reinstall narr-audit; in a checkout, run python scripts/train-second-reader.py",
        ) from None
    try:
        thresholds = Thresholds.from_data(json.loads(kept))
    except (ValueError, KeyError, TypeError) as err:
        raise NarrError.single(
            f"the second reader's thresholds are not readable ({err})",
            file=limits,
            hint="reinstall narr-audit; in a checkout, run python scripts/train-second-reader.py",
        ) from None

    def load() -> dict[str, Any]:
        try:
            data = parse_model(raw)
        except DAMAGED as err:
            raise NarrError.single(
                f"the second reader's model is damaged ({err})",
                file=path,
                hint="reinstall narr-audit; in a checkout, run python scripts/train-second-reader.py",
            ) from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise NarrError.single(
                f"the second reader's model is not one this narr-audit reads (format {FORMAT})",
                file=path,
                hint="reinstall narr-audit; in a checkout, run python scripts/train-second-reader.py",
            )
        return data

    return SecondReader(load, thresholds, hashlib.sha256(raw + b"\0" + kept).hexdigest()[:16])


def model_bytes(data: dict[str, Any]) -> bytes:
    """The model as kept on disk (see :func:`parse_model`); the same data gives the same bytes. Each
    word is written once and referred to after (a stem recurs under many ideas), which keeps the file
    small and quick to read."""
    return dump_plain(_shared(data, {}))


def _shared(value: Any, seen: dict[str, str]) -> Any:
    """``value`` with equal strings made one object (pickle writes an object once, then refers to it)."""
    if isinstance(value, dict):
        return {seen.setdefault(k, k) if isinstance(k, str) else k: _shared(v, seen) for k, v in value.items()}
    if isinstance(value, list):
        return [_shared(v, seen) for v in value]
    return seen.setdefault(value, value) if isinstance(value, str) else value


def parse_model(raw: bytes) -> Any:
    """The data a model file holds; a file naming any class or function is refused (UnpicklingError)."""
    return load_plain(raw)


__all__ = ["MODEL", "THRESHOLDS", "load_model", "model_bytes", "parse_model", "second_reader"]
