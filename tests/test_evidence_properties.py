"""Whatever residence.yaml holds, loading gives a folder or a NarrError that names files; it never crashes."""

from __future__ import annotations

import copy
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from narr_audit.base.errors import NarrError
from narr_audit.workflows.audit import Loaded
from narr_audit.workflows.audit import load_evidence as load_folder

# A few seconds in all.
pytestmark = pytest.mark.slow

VALID: dict[str, Any] = {
    "residence": {
        "name": "Harbor House",
        "operator": "Harbor Recovery LLC",
        "level": "II",
        "address": "12 Elm St, Tucson, AZ 85701",
        "beds": 8,
        "affiliate": "AzRHA",
    },
    "assessed_on": "2026-11-01",
    "evidence": [
        {"file": "policies/grievance-policy.md", "rules": ["1.C.7.b"], "reviewed": "2026-01-10"},
        {"file": "logs/house-meetings.csv", "rules": "3.I.27.e"},
    ],
    "attestations": [
        {"rule": "2.F.17.a", "statement": "It works.", "signed_by": "Dana Reyes", "date": "2026-10-15"},
    ],
    "exceptions": [
        {"rule": "2.F.17.c", "reason": "Electric heat only.", "approved_by": "J. Smith", "expires": "2027-06-30"},
    ],
}
FILES = {
    "policies/grievance-policy.md": "---\nnarr: [1.C.7.a]\n---\n# Grievance policy\n",
    "logs/house-meetings.csv": "date,initials\n2026-10-04,AB\n10/11/2026,CD\n",
    "notes/ideas.txt": "Unmapped notes.\n",
}

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        ["", "II", "V", "level 2", "2026-02-30", "2026-13-01", "99999-01-01", "1.C.7.b", "1.c.7.B", "1.C.7.x",
         "4.J.30.AZ1", "../outside.md", "/etc/passwd", "C:\\x.pdf", "policies", ".", "logs/house-meetings.csv",
         "policies/grievance-policy.md", "notes/ideas.txt", "residence.yaml", "\u202eevil", "\x00", "🏠"]
    ),
)  # fmt: skip
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12) | st.sampled_from(["file", "rule"]), inner)
    ),
    max_leaves=12,
)


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every location inside a manifest, as a tuple of keys and indexes."""
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(paths(value, (*prefix, index)))
    return found


@st.composite
def mutated_manifests(draw: st.DrawFn) -> Any:
    """The valid manifest after a few random edits: keys deleted or added, values swapped for anything."""
    manifest: Any = copy.deepcopy(VALID)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        where = draw(st.sampled_from(paths(manifest)))
        action = draw(st.sampled_from(["replace", "delete", "add-key", "wrap"]))
        if not where:
            manifest = draw(values) if action == "replace" else manifest
            continue
        parent = manifest
        for part in where[:-1]:
            parent = parent[part]
        last = where[-1]
        if action == "replace":
            parent[last] = draw(values)
        elif action == "delete":
            del parent[last]
        elif action == "add-key" and isinstance(parent[last], dict):
            parent[last][draw(st.text(min_size=1, max_size=10))] = draw(values)
        elif action == "wrap":
            parent[last] = draw(st.sampled_from([[parent[last]], {"value": parent[last]}]))
    return manifest


def load_text(text: str | bytes) -> Loaded | NarrError:
    """Load a folder of a few real files whose residence.yaml holds ``text``."""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "evidence"
        for rel, content in FILES.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_text(content, encoding="utf-8")
        manifest = folder / "residence.yaml"
        manifest.write_bytes(text.encode("utf-8", errors="surrogatepass") if isinstance(text, str) else text)
        # YAML marks a problem at the end of the file on the line after the last one
        lines = manifest.read_bytes().count(b"\n") + 2
        try:
            return load_folder(folder, today=date(2026, 11, 1))
        except NarrError as exc:
            assert exc.problems, "a NarrError without problems tells the user nothing"
            for problem in exc.problems:
                assert problem.file, f"a problem names no file: {problem.render()}"
                assert problem.message.strip()
                if problem.file == "residence.yaml" and problem.line is not None:
                    assert 1 <= problem.line <= lines, f"line {problem.line} of a {lines}-line file"
            return exc


def test_the_valid_manifest_loads() -> None:
    """The starting point of the mutations is valid, so the mutations are what breaks it."""
    loaded = load_text(yaml.safe_dump(VALID, sort_keys=False))
    assert isinstance(loaded, Loaded), loaded
    assert loaded.evidence.unmapped == ["notes/ideas.txt"]


@settings(max_examples=150, deadline=None, database=None)
@given(mutated_manifests())
def test_mutated_manifests_load_or_name_their_problems(manifest: Any) -> None:
    text = yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True)
    assert isinstance(load_text(text), (Loaded, NarrError))


@settings(max_examples=150, deadline=None, database=None)
@given(st.text(max_size=400))
def test_random_text_as_manifest(text: str) -> None:
    assert isinstance(load_text(text), (Loaded, NarrError))


YAML_PIECES = ["residence:", "  name: x", "  level: II", "  beds: 8", "evidence:", "  - file: a", "    rules: [1.C.7.b",
               "- ", ": ", "&a", "*a", "!!python/object:os.system", "%TAG", "---", "...", "? ", "'", '"', "\t", "#",
               "{", "}", "[", "]", "|", ">", "2026-02-30", "<<: *a"]  # fmt: skip


@settings(max_examples=150, deadline=None, database=None)
@given(st.lists(st.sampled_from(YAML_PIECES) | st.text(max_size=8), max_size=30), st.binary(max_size=8))
def test_yaml_like_fragments_and_bytes_as_manifest(pieces: list[str], tail: bytes) -> None:
    text = "\n".join(pieces).encode("utf-8", errors="surrogatepass") + tail
    assert isinstance(load_text(text), (Loaded, NarrError))
