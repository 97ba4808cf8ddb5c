"""Each command reads what it reports, and photos are read by OCR while the rest is parsed.

`validate` and the pre-commit hook list the files no rule maps by name and never read them; `check`
reads them (a rule's gap may be filled from them). OCR of a folder's photos starts as soon as its
residence.yaml is read, never through a link out of the folder, and the photos are read after the
other files, while what the folder gives (documents, warnings) stays in path order. The documents
the loader builds are exactly what validating them would make.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import narr_audit.evidence.loader as loader
import narr_audit.workflows.audit as audit_workflow
from narr_audit import api
from narr_audit.base.errors import Problem
from narr_audit.evidence.model import Document, Evidence
from narr_audit.formats.evidence import validation_json, validation_text
from narr_audit.workflows.precommit import check_files

from .folders import MISSION, make_folder

TODAY = date(2026, 11, 1)
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _jpeg(colour: tuple[int, int, int] = (180, 140, 90)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(out, format="JPEG")
    return out.getvalue()


def _binder(tmp_path: Path) -> Path:
    """A mapped mission statement, and an unmapped handbook and house rules nobody mapped yet."""
    return make_folder(
        tmp_path / "house",
        files={
            "policies/mission.md": MISSION,
            "handbook/house-rules.md": "# House rules\nQuiet hours start at 10 pm.\n",
            "handbook/handbook.txt": "Residents attend the weekly house meeting.\n",
        },
        evidence=[{"file": "policies/mission.md", "rules": ["1.A.1.a"]}],
    )


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the loader extracts text from, by name."""
    read: list[str] = []
    original = loader.extract

    def recorded(path: Path, *args: Any, **kwargs: Any) -> Any:
        read.append(path.name)
        return original(path, *args, **kwargs)

    monkeypatch.setattr(loader, "extract", recorded)
    return read


def test_validate_lists_unmapped_files_without_reading_them_as_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _binder(tmp_path)
    checked = api.load_evidence(folder, today=TODAY).evidence
    assert {d.path for d in checked.unmapped_documents} == {"handbook/handbook.txt", "handbook/house-rules.md"}
    read = _reads(monkeypatch)
    validated = api.load_evidence(folder, today=TODAY, read_unmapped=False).evidence
    assert validated.unmapped == checked.unmapped == ["handbook/handbook.txt", "handbook/house-rules.md"]
    assert validated.unmapped_documents == []
    # Markdown and text are still opened (their front matter may map them); nothing more is read of them.
    assert sorted(read) == ["handbook.txt", "house-rules.md", "mission.md"]
    # What validate prints is the same either way.
    assert validation_text(validated) == validation_text(checked)
    assert validation_json(validated) == validation_json(checked)


def test_validate_does_not_open_an_unmapped_pdf_or_photo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _binder(tmp_path)
    (folder / "scans").mkdir()
    (folder / "scans" / "old-lease.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    (folder / "photos").mkdir()
    (folder / "photos" / "porch.jpg").write_bytes(_jpeg())
    read = _reads(monkeypatch)
    photos: list[str] = []
    monkeypatch.setattr(loader, "read_photos_ahead", lambda paths, cache=None: photos.extend(p.name for p in paths))
    evidence = api.load_evidence(folder, today=TODAY, read_unmapped=False).evidence
    assert "photos/porch.jpg" in evidence.unmapped and "scans/old-lease.pdf" in evidence.unmapped
    assert "old-lease.pdf" not in read and "porch.jpg" not in read
    assert "porch.jpg" not in photos  # not even handed to OCR ahead of time


def test_the_hook_reads_only_the_files_it_reports_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _binder(tmp_path)
    (folder / "scans").mkdir()
    (folder / "scans" / "old-lease.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    read = _reads(monkeypatch)
    result = check_files([folder / "policies" / "mission.md"], today=TODAY)
    assert result.ok, [p.render() for p in result.problems]
    assert "old-lease.pdf" not in read


def test_photos_are_read_after_the_other_files_yet_everything_stays_in_path_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_folder(
        tmp_path / "house",
        files={
            "a-policy.md": MISSION,
            "b-photo.jpg": _jpeg(),
            "c-policy.md": MISSION,
            "d-photo.jpg": _jpeg((20, 40, 60)),
            "e-unmapped.jpg": _jpeg((90, 90, 90)),
        },
        evidence=[
            {"file": name, "rules": ["1.A.1.a"]}
            for name in ("a-policy.md", "b-photo.jpg", "c-policy.md", "d-photo.jpg")
        ],
    )
    order: list[str] = []
    original = loader._document

    def noted(path: Path, rel: str, *args: Any) -> Document:
        order.append(rel)
        seen = args[4]
        seen.warnings.append(Problem(f"read {rel}", rel))  # as a file's own warning would be
        return original(path, rel, *args)

    monkeypatch.setattr(loader, "_document", noted)
    evidence = api.load_evidence(folder, today=TODAY).evidence
    assert order == ["a-policy.md", "c-policy.md", "b-photo.jpg", "d-photo.jpg", "e-unmapped.jpg"]
    assert [d.path for d in evidence.documents] == ["a-policy.md", "b-photo.jpg", "c-policy.md", "d-photo.jpg"]
    assert [d.path for d in evidence.unmapped_documents] == ["e-unmapped.jpg"]
    mapped_warnings = [w.file for w in evidence.warnings if w.message.startswith("read ")]
    assert mapped_warnings == ["a-policy.md", "b-photo.jpg", "c-policy.md", "d-photo.jpg"]  # the unmapped one is quiet


def test_ocr_of_the_photos_starts_before_the_rules_are_loaded_and_never_through_a_link_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path / "elsewhere" / "private.jpg"
    outside.parent.mkdir()
    outside.write_bytes(_jpeg((1, 2, 3)))
    folder = make_folder(
        tmp_path / "house",
        files={"policies/mission.md": MISSION, "photos/kitchen.jpg": _jpeg()},
        evidence=[{"file": "policies/mission.md", "rules": ["1.A.1.a"]}],
    )
    (folder / "photos" / "linked.jpg").symlink_to(outside)
    events: list[str] = []
    monkeypatch.setattr(
        loader, "read_photos_ahead", lambda paths, cache=None: events.extend(f"photo {p.name}" for p in paths)
    )
    original = audit_workflow.overlays_in_force

    def rules(*args: Any, **kwargs: Any) -> Any:
        events.append("rules")
        return original(*args, **kwargs)

    monkeypatch.setattr(audit_workflow, "overlays_in_force", rules)
    evidence = api.load_evidence(folder, today=TODAY).evidence
    assert events.index("photo kitchen.jpg") < events.index("rules")
    assert "photo linked.jpg" not in events
    assert any("outside the evidence folder" in w.message for w in evidence.warnings)


@pytest.mark.parametrize("example", ["level-2-monitored", "level-4-service-provider", "policy-repo"])
def test_the_loaders_documents_are_exactly_what_validating_them_makes(example: str) -> None:
    evidence = api.load_evidence(EXAMPLES / example, today=TODAY).evidence
    documents = [*evidence.documents, *evidence.unmapped_documents]
    assert documents
    for document in documents:
        validated = Document(**{name: getattr(document, name) for name in Document.model_fields})
        assert validated == document, document.path
    again = Evidence(**{name: getattr(evidence, name) for name in Evidence.model_fields})
    assert again == evidence


def test_a_padded_front_matter_title_is_trimmed_as_validation_trims_it(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "house",
        files={"policies/mission.md": "---\nnarr: [1.A.1.a]\ntitle: '  Our mission  '\n---\n" + MISSION},
    )
    evidence = api.load_evidence(folder, today=TODAY).evidence
    assert [(d.path, d.title, d.rules) for d in evidence.documents] == [
        ("policies/mission.md", "Our mission", ["1.A.1.a"])
    ]


@pytest.mark.parametrize("given", [None, "some_plugin"])
def test_the_command_line_turns_off_pydantic_plugin_lookup_unless_the_user_chose(given: str | None) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if given is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = given
    code = (
        "import os, sys\n"
        "from narr_audit.cli import main\n"
        "sys.argv = ['narr-audit', '--version']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(os.environ['PYDANTIC_DISABLE_PLUGINS'])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.startswith("narr-audit ")
    assert done.stderr == (given or "1")
