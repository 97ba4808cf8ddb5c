"""The submission pack: one deterministic zip in the affiliate's format that a certifying body can
verify (every hash, nothing added or missing, the profile's limits, the same verdict and score on a
re-check), that never carries resident data unnoticed, and that verify-pack opens safely."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from narr_audit import api
from narr_audit.results.pack import PackManifest
from tests.conftest import run_cli
from tests.evidence_samples import image_bytes, pdf_bytes, snapshot
from tests.folders import MISSION, make_folder

TODAY = date(2026, 11, 2)
MEETINGS = "date,facilitator,attendance\n2026-10-05,R-02 (house president),7 of 8\n2026-10-12,R-02,8 of 8\n"


def house(root: Path, **files: str | bytes) -> Path:
    """A small Level II folder: a policy, a PDF, a log, an attestation with its signed scan, an exception."""
    return make_folder(
        root,
        files={
            "policies/mission.md": MISSION,
            "business/articles.pdf": pdf_bytes(
                ["Articles of Organization of Test Recovery LLC, a limited liability company"]
            ),
            "logs/house-meetings.csv": MEETINGS,
            "forms/attestation-1.A.2.d.png": image_bytes("PNG"),
            "notes/ideas.txt": "paint the porch\n",
            **files,
        },
        evidence=[
            {"file": "policies/mission.md", "rules": ["1.A.1.a"]},
            {"file": "business/articles.pdf", "rules": ["1.A.2.a"]},
            {"file": "logs/house-meetings.csv", "rules": ["1.C.7.a"]},
        ],
        attestations=[
            {
                "rule": "1.A.2.d",
                "statement": "We comply with fair housing law <and> nondiscrimination rules.",
                "signed_by": "Lena Whitcomb, Operations Director",
                "date": "2026-10-01",
                "file": "forms/attestation-1.A.2.d.png",
            }
        ],
        exceptions=[
            {
                "rule": "2.E.14.e",
                "reason": "One shower is being rebuilt; a shower schedule is posted.",
                "approved_by": "K. Morales, affiliate reviewer",
                "expires": "2027-01-31",
            }
        ],
    )


def pack(folder: Path, out: Path, profile: str = "generic") -> PackManifest:
    return api.pack_folder(folder, out, today=TODAY, profile=profile).manifest


def entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def rewrite(source: Path, target: Path, changes: dict[str, bytes | None]) -> Path:
    """A copy of a pack with entries replaced, added (new names) or removed (None)."""
    contents = {**entries(source), **changes}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents.items():
            if data is not None:
                archive.writestr(name, data)
    return target


@pytest.fixture
def packed(tmp_path: Path) -> Path:
    out = tmp_path / "application.zip"
    pack(house(tmp_path / "house"), out)
    return out


# Building the pack


def test_the_same_folder_and_date_give_the_same_bytes(tmp_path: Path) -> None:
    folder = house(tmp_path / "house")
    one, two = tmp_path / "one.zip", tmp_path / "two.zip"
    pack(folder, one)
    pack(folder, two)
    assert one.read_bytes() == two.read_bytes()
    with zipfile.ZipFile(one) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {(2026, 11, 1, 0, 0, 0)}  # the assessment date
    assert {i.external_attr >> 16 for i in infos} == {0o100644}


def test_the_pack_holds_the_evidence_the_reports_an_index_and_a_manifest_sealing_every_file(packed: Path) -> None:
    files = entries(packed)
    manifest = PackManifest.model_validate_json(files["manifest.json"])
    assert sorted(files) == sorted(
        [
            "manifest.json",
            "residence.yaml",
            "profile.yaml",
            "index.html",
            "index.csv",
            "attestations-and-exceptions.html",
            "report/gap-report.html",
            "report/gap-report.json",
            "evidence/policies/mission.md",
            "evidence/business/articles.pdf",
            "evidence/logs/house-meetings.csv",
            "evidence/forms/attestation-1.A.2.d.png",
        ]
    )
    import hashlib

    assert {f.path: f.sha256 for f in manifest.files} == {
        name: hashlib.sha256(data).hexdigest() for name, data in files.items() if name != "manifest.json"
    }
    assert manifest.tool.version and manifest.standards == ["narr-3.0"]
    assert (manifest.profile.id, manifest.as_of, manifest.level) == ("generic", date(2026, 11, 1), "II")
    assert manifest.left_out[0].file == "notes/ideas.txt" and "not mapped" in manifest.left_out[0].reason
    report = json.loads(files["report/gap-report.json"])
    assert (report["verdict"], report["score"]["percent"]) == (manifest.verdict, manifest.score)
    assert report["folder"] == "house"  # never the path on the operator's computer


def test_the_index_lists_for_every_rule_the_files_and_where_in_them(packed: Path) -> None:
    files = entries(packed)
    rows = list(csv.DictReader(io.StringIO(files["index.csv"].decode())))
    by_rule = {(r["rule"], r["pack_file"], r["where"]) for r in rows}
    assert ("1.A.2.a", "evidence/business/articles.pdf", "page 1") in by_rule
    assert ("1.C.7.a", "evidence/logs/house-meetings.csv", "rows 2-3") in by_rule
    assert ("1.A.2.d", "evidence/forms/attestation-1.A.2.d.png", "") in by_rule  # the signed scan
    report = json.loads(files["report/gap-report.json"])
    assert {r["rule"] for r in rows} == {r["id"] for r in report["results"]}
    html = files["index.html"].decode()
    assert '<a href="evidence/business/articles.pdf">evidence/business/articles.pdf</a>: page 1' in html


def test_attestations_and_exceptions_are_a_printable_page(packed: Path) -> None:
    html = entries(packed)["attestations-and-exceptions.html"].decode()
    assert "We comply with fair housing law &lt;and&gt; nondiscrimination rules." in html
    assert "Signed by Lena Whitcomb, Operations Director on 2026-10-01" in html
    assert 'href="evidence/forms/attestation-1.A.2.d.png"' in html
    assert "Approved by K. Morales, affiliate reviewer; expires 2027-01-31 (in force, 91 day(s) left)" in html


def test_the_missouri_profile_numbers_files_to_its_checklist(tmp_path: Path) -> None:
    out = tmp_path / "mo.zip"
    manifest = pack(house(tmp_path / "house"), out, profile="missouri")
    names = set(entries(out))
    assert "Test Recovery LLC/03 Mission Statement.md" in names
    assert "Test Recovery LLC/05 Legal business entity documentation.pdf" in names
    assert "Test Recovery LLC/other/logs/house-meetings.csv" in names
    assert manifest.profile.id == "missouri" and run_cli("verify-pack", str(out)).exit_code == 0


def test_an_output_inside_the_evidence_folder_is_refused(tmp_path: Path) -> None:
    folder = house(tmp_path / "house")
    before = snapshot(folder)
    run = run_cli("pack", str(folder), "--out", str(folder / "application.zip"))
    assert run.exit_code == 2
    assert "which narr-audit only reads" in run.stderr and "field '--out'" in run.stderr
    assert snapshot(folder) == before


def test_a_file_the_profile_does_not_take_is_listed_with_what_to_do(tmp_path: Path) -> None:
    folder = house(tmp_path / "house")
    run = run_cli("pack", str(folder), "--out", str(tmp_path / "ok.zip"), "--profile", "oklahoma")
    assert run.exit_code == 2
    assert (
        "policies/mission.md: field 'accepted_types': the oklahoma profile accepts only JPG, GIF, PNG, PDF"
        in run.stderr
    )
    assert "logs/house-meetings.csv: field 'accepted_types'" in run.stderr
    assert "print it to PDF from your spreadsheet, and map the new file in residence.yaml" in run.stderr
    assert "business/articles.pdf" not in run.stderr
    assert not (tmp_path / "ok.zip").exists()


def test_a_pack_over_the_profiles_total_is_a_clear_error(tmp_path: Path) -> None:
    profile = tmp_path / "small.yaml"
    profile.write_text(
        "profile: small\ntitle: Small\ndocumented: a 1 KB total\nassumed: nothing\nmax_total_mb: 0.001\n",
        encoding="utf-8",
    )
    run = run_cli("pack", str(house(tmp_path / "house")), "--out", str(tmp_path / "a.zip"), "--profile", str(profile))
    assert run.exit_code == 2
    assert (
        "field 'max_total_mb': the pack would be" in run.stderr
        and "than the 0.0 MB the small profile allows" in run.stderr
    )
    assert not (tmp_path / "a.zip").exists()


# The privacy guard before packing


INTAKE = "date,resident,phone\n2026-10-01,Marisol Vantongeren,(520) 555-0199\n"


def test_a_file_with_resident_data_stops_the_pack_unless_included(tmp_path: Path) -> None:
    folder = house(tmp_path / "house", **{"logs/intake.csv": INTAKE})
    manifest = (folder / "residence.yaml").read_text()
    (folder / "residence.yaml").write_text(
        manifest.replace("evidence:\n", "evidence:\n- file: logs/intake.csv\n  rules: [2.F.19.b]\n"), encoding="utf-8"
    )
    out = tmp_path / "application.zip"
    run = run_cli("pack", str(folder), "--out", str(out))
    assert run.exit_code == 2
    assert (
        "logs/intake.csv: holds resident data (2 finding(s): row 2, column 2 ('resident'): resident name M*** V***"
        in run.stderr
    )
    assert "--include logs/intake.csv" in run.stderr
    assert "Vantongeren" not in run.stderr and "0199" not in run.stderr.replace("***-***-0199", "")
    assert not out.exists()
    run = run_cli("pack", str(folder), "--out", str(out), "--include", "logs/intake.csv")
    assert run.exit_code == 0, run.stderr
    assert "included despite 2 privacy finding(s): logs/intake.csv" in run.stderr
    sealed = PackManifest.model_validate_json(entries(out)["manifest.json"])
    assert [(i.file, i.findings, i.kinds) for i in sealed.included_despite_findings] == [
        ("logs/intake.csv", 2, ["phone number", "resident name"])
    ]
    assert run_cli("verify-pack", str(out)).exit_code == 0


# Verifying a pack


def test_a_pack_as_written_holds(packed: Path) -> None:
    run = run_cli("verify-pack", str(packed))
    assert run.exit_code == 0, run.stdout
    assert "The pack holds: 11 file(s) match manifest.json" in run.stdout
    data = json.loads(run_cli("verify-pack", str(packed), "--format", "json").stdout)
    assert data["holds"] is True and data["rechecked_verdict"] == data["report_verdict"]


def test_a_changed_byte_is_caught(packed: Path, tmp_path: Path) -> None:
    changed = entries(packed)["evidence/logs/house-meetings.csv"].replace(b"7 of 8", b"8 of 8")
    run = run_cli(
        "verify-pack", str(rewrite(packed, tmp_path / "x.zip", {"evidence/logs/house-meetings.csv": changed}))
    )
    assert run.exit_code == 1
    assert "changed: evidence/logs/house-meetings.csv does not match its SHA-256 in manifest.json" in run.stdout


def test_an_added_file_is_caught(packed: Path, tmp_path: Path) -> None:
    run = run_cli("verify-pack", str(rewrite(packed, tmp_path / "x.zip", {"evidence/extra.pdf": b"%PDF-1.4"})))
    assert run.exit_code == 1
    assert "added: evidence/extra.pdf is in the pack but not in manifest.json" in run.stdout


def test_a_missing_file_is_caught(packed: Path, tmp_path: Path) -> None:
    run = run_cli("verify-pack", str(rewrite(packed, tmp_path / "x.zip", {"evidence/business/articles.pdf": None})))
    assert run.exit_code == 1
    assert "missing: evidence/business/articles.pdf is listed in manifest.json but not in the pack" in run.stdout


def test_a_file_over_the_profiles_limit_is_caught(packed: Path, tmp_path: Path) -> None:
    tight = tmp_path / "tight.yaml"
    tight.write_text(
        "profile: tight\ntitle: Tight\ndocumented: 1 KB a file\nassumed: nothing\nmax_file_mb: 0.001\n",
        encoding="utf-8",
    )
    run = run_cli("verify-pack", str(packed), "--profile", str(tight))
    assert run.exit_code == 1
    assert (
        "limit: evidence/business/articles.pdf is" in run.stdout
        and "over the tight profile's 0.0 MB per file" in run.stdout
    )
    run = run_cli("verify-pack", str(packed), "--profile", "oklahoma")
    assert run.exit_code == 1
    assert (
        "limit: evidence/policies/mission.md: the oklahoma profile accepts only JPG, GIF, PNG, PDF files" in run.stdout
    )


def test_a_report_that_does_not_match_its_evidence_is_caught_by_the_recheck(packed: Path, tmp_path: Path) -> None:
    """The report and the manifest say 'ready, 100%'; the evidence, re-checked, says otherwise."""
    import hashlib

    files = entries(packed)
    report = json.loads(files["report/gap-report.json"])
    report["verdict"], report["score"]["percent"] = "ready", 100.0
    forged = (json.dumps(report, indent=2) + "\n").encode()
    manifest = json.loads(files["manifest.json"])
    manifest["verdict"], manifest["score"] = "ready", 100.0
    for f in manifest["files"]:
        if f["path"] == "report/gap-report.json":
            f["sha256"], f["size"] = hashlib.sha256(forged).hexdigest(), len(forged)
    changes = {"report/gap-report.json": forged, "manifest.json": json.dumps(manifest).encode()}
    run = run_cli("verify-pack", str(rewrite(packed, tmp_path / "x.zip", changes)))
    assert run.exit_code == 1
    assert "recheck: re-checked, the evidence gives not ready" in run.stdout
    assert "but the report inside says ready 100.0%" in run.stdout


def test_a_file_that_is_not_a_pack_exits_2(tmp_path: Path) -> None:
    not_zip = tmp_path / "a.zip"
    not_zip.write_bytes(b"hello")
    run = run_cli("verify-pack", str(not_zip))
    assert run.exit_code == 2 and "this is not a zip file, so it is not a pack" in run.stderr
    plain = tmp_path / "b.zip"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("notes.txt", "hi")
    run = run_cli("verify-pack", str(plain))
    assert run.exit_code == 2 and "the zip has no manifest.json" in run.stderr
    bad_manifest = rewrite(plain, tmp_path / "c.zip", {"manifest.json": b'{"pack_format": "1"}'})
    run = run_cli("verify-pack", str(bad_manifest))
    assert run.exit_code == 2 and "manifest.json is not a pack's manifest" in run.stderr


def test_a_zip_bomb_is_refused_before_anything_is_unpacked(packed: Path, tmp_path: Path) -> None:
    bomb = rewrite(packed, tmp_path / "bomb.zip", {"evidence/huge.csv": b"0" * (60 * 1024 * 1024)})
    before = snapshot(tmp_path)
    run = run_cli("verify-pack", str(bomb))
    assert run.exit_code == 2
    assert "refused: the zip would unpack to far more than a pack holds (a zip bomb)" in run.stderr
    assert "'evidence/huge.csv'" in run.stderr
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("../escaped.txt", "a path leading out of the pack"),
        ("evidence/../../escaped.txt", "a path leading out of the pack"),
        ("/tmp/escaped.txt", "an absolute path"),
        ("..\\escaped.txt", "a path with backslashes"),
    ],
)
def test_an_entry_leading_out_of_the_pack_is_refused(packed: Path, tmp_path: Path, name: str, said: str) -> None:
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        for entry, data in entries(packed).items():
            archive.writestr(entry, data)
        archive.writestr(zipfile.ZipInfo(name), b"pwned")
    run = run_cli("verify-pack", str(evil))
    assert run.exit_code == 2
    assert f"refused: the entry '{name}' is {said}" in run.stderr and "nothing was unpacked" in run.stderr
    assert not (tmp_path.parent / "escaped.txt").exists() and not Path("/tmp/escaped.txt").exists()


def test_a_symlink_entry_is_refused(packed: Path, tmp_path: Path) -> None:
    evil = tmp_path / "link.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        for entry, data in entries(packed).items():
            archive.writestr(entry, data)
        link = zipfile.ZipInfo("evidence/passwd")
        link.create_system = 3
        link.external_attr = (0o120777) << 16
        archive.writestr(link, "/etc/passwd")
    run = run_cli("verify-pack", str(evil))
    assert run.exit_code == 2 and "'evidence/passwd' is a symbolic link" in run.stderr


def test_a_manifest_naming_a_source_outside_the_folder_writes_nothing_outside(packed: Path, tmp_path: Path) -> None:
    files = entries(packed)
    manifest = json.loads(files["manifest.json"])
    for f in manifest["files"]:
        if f["path"] == "evidence/policies/mission.md":
            f["source"] = "../../../../escaped-source.md"
    run = run_cli(
        "verify-pack", str(rewrite(packed, tmp_path / "x.zip", {"manifest.json": json.dumps(manifest).encode()}))
    )
    assert run.exit_code == 1
    assert "evidence/policies/mission.md: its source path is unsafe" in run.stdout
    assert not list(Path("/").glob("escaped-source.md")) and not (tmp_path.parent / "escaped-source.md").exists()


def test_a_damaged_or_ambiguous_zip_exits_2_without_a_traceback(packed: Path, tmp_path: Path) -> None:
    clash = rewrite(packed, tmp_path / "clash.zip", {"evidence": b"a file where a folder is"})
    run = run_cli("verify-pack", str(clash))
    assert run.exit_code == 2 and "cannot be unpacked" in run.stderr
    twice = rewrite(packed, tmp_path / "twice.zip", {"Residence.YAML": b"residence: {}"})
    run = run_cli("verify-pack", str(twice))
    assert run.exit_code == 2 and "'Residence.YAML' is listed twice" in run.stderr


@pytest.mark.slow
def test_a_pack_carries_the_staff_roster_and_the_plan_and_re_checks_with_them(tmp_path: Path) -> None:
    """The roster and plan.yaml change the verdict (staff rules, plan items): without them in the pack,
    a certifying body's re-check would disagree with the report inside."""
    example = Path(__file__).parents[1] / "examples" / "level-4-service-provider"
    out = tmp_path / "application.zip"
    done = run_cli("pack", str(example), "--out", str(out))
    assert done.exit_code == 0, done.stderr
    with zipfile.ZipFile(out) as pack:
        names = pack.namelist()
    assert "evidence/staff.csv" in names and "evidence/plan.yaml" in names
    verified = run_cli("verify-pack", str(out))
    assert verified.exit_code == 0, verified.stdout
    assert "re-checks to the same verdict and score" in verified.stdout
