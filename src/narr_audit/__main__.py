"""The console entry point (``narr-audit`` and ``python -m narr_audit``).

Before typer and the rest of narr-audit load (a tenth of a second), a ``check`` of a folder hands
the folder's photos to Tesseract, which reads them on another core meanwhile: a first, uncached
check then waits little or not at all for OCR. Only the plain shape ``check FOLDER [options]`` is
recognised here; anything else (or a FOLDER that is not a folder) starts nothing, and the command
itself starts OCR later as before. Either way the photos are read the same: this changes how soon,
never what (see evidence.early).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main", "photos_folder"]


def main() -> None:
    """Start OCR of a ``check``'s photos at once, then run the command line (cli.main)."""
    found = photos_folder(sys.argv[1:])
    if found is not None:
        from narr_audit import api

        folder, no_cache, cache_dir = found
        api.read_photos_soon(folder, cache=api.cache_folder(no_cache=no_cache, cache_dir=cache_dir))
    from narr_audit.cli import main as run

    run()


_HELP = frozenset({"--help", "-h", "--version"})


def photos_folder(args: Sequence[str]) -> tuple[Path, bool, Path | None] | None:
    """For ``check FOLDER [options]``: the folder, --no-cache and --cache-dir as given; else None.

    A quick look, not the command's parsing: the folder must come right after ``check`` and be a
    folder; a request for help starts nothing (the command then ends at once)."""
    if len(args) < 2 or args[0] != "check" or args[1].startswith("-") or _HELP.intersection(args):
        return None
    folder = Path(args[1])
    try:
        if not folder.is_dir():
            return None
    except (OSError, ValueError):  # a name the system cannot look up: the command reports it
        return None
    cache_dir: Path | None = None
    for i, arg in enumerate(args[2:], start=2):
        if arg == "--cache-dir" and i + 1 < len(args):
            cache_dir = Path(args[i + 1])
        elif arg.startswith("--cache-dir="):
            cache_dir = Path(arg.partition("=")[2])
    return folder, "--no-cache" in args[2:], cache_dir


if __name__ == "__main__":
    main()
