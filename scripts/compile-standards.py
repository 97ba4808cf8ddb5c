#!/usr/bin/env python3
"""Write the compiled Standard that ships under standards/compiled/ (NARR 3.0 alone and with each
shipped overlay: the rulebook as JSON and its vocabulary stemmed, gzipped without a time, so the same
files come out every time).

Run after editing anything under standards/ or the code that reads and compiles it (src/narr_audit/
base, checks, standards): tests/test_shipped_compiled.py fails until then, naming this script. A
compilation made from other files is never used (narr-audit reads the YAML instead), so a stale one
costs only time, never a wrong result.

Usage: python scripts/compile-standards.py
"""

from __future__ import annotations

from narr_audit.standards.loader import write_shipped


def main() -> int:
    for path in write_shipped():
        print(f"wrote {path} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
