"""Replace a file the operator keeps (residence.yaml, plan.yaml) without ever losing their edit.

The new text goes to a temporary file beside the old one, is synced, takes the old file's permissions
and is renamed over it, but only if the file still holds the bytes it was read from: a change made
meanwhile by someone else wins and nothing is written. A failure leaves the old file as it was.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from narr_audit.base.errors import NarrError


@dataclass(frozen=True)
class Wording:
    """What the command says when the file changed meanwhile, or could not be written."""

    shown: str  # the file as the message names it
    changed: str
    changed_hint: str
    failed: str  # "cannot update residence.yaml"; the system's reason is added
    failed_hint: str


def replace_unchanged(
    path: Path, text: str, *, newline: str, mode: int, expected: bytes | None, wording: Wording
) -> None:
    """Write ``text`` over ``path`` atomically, unless ``path`` no longer holds ``expected`` (None: it
    did not exist when it was read)."""
    temp: Path | None = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
        temp = Path(name)
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        temp.chmod(mode)  # mkstemp makes the file private (0600); the file keeps its permissions
        now = path.read_bytes() if path.exists() else None
        if _digest(now) != _digest(expected):
            raise NarrError.single(wording.changed, file=wording.shown, hint=wording.changed_hint)
        temp.replace(path)
        temp = None
    except OSError as exc:
        raise NarrError.single(
            f"{wording.failed} ({exc.strerror or exc})", file=wording.shown, hint=wording.failed_hint
        ) from None
    finally:
        if temp is not None:
            temp.unlink(missing_ok=True)


def _digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()
