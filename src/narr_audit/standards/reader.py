"""The second reader's model, shipped as data under standards/reader/ (see checks.reader).

Read lazily: the file is hashed when the reader is made (its stamp names the model in the cache) and
parsed only when a document check first needs a reading that the cache does not keep.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import zlib
from pathlib import Path
from typing import Any

from narr_audit.base.errors import NarrError
from narr_audit.base.resources import standards_dir
from narr_audit.checks.reader import FORMAT, SecondReader, Thresholds

MODEL = "reader/second-reader.json.gz"
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
            data = json.loads(gzip.decompress(raw))
        except (OSError, ValueError, EOFError, zlib.error) as err:
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


__all__ = ["MODEL", "THRESHOLDS", "load_model", "second_reader"]
