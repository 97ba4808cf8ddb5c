"""The submission pack: an application in the affiliate's format, sealed so a reviewer can trust it.

:func:`build_pack` audits the folder (as `check` does, without a reviewer's findings), runs the
privacy guard on every file it would send, lays the evidence out as the profile asks and writes one
deterministic zip: the same folder and date give the same bytes (entries sorted, timestamps fixed
to the assessment date, fixed permissions). Nothing is dropped or altered silently: a file the
profile does not take, a file holding resident data or a pack over the profile's size is a clear
error listing every file and what to do; files left out (not mapped to any rule) are listed in the
manifest.

:func:`verify_pack` is the certifying body's side: every file's SHA-256 against manifest.json,
nothing added or missing, the profile's limits, and a re-check of the evidence (unpacked into a
temporary folder, with the pack's residence.yaml and assessment date) to the verdict and score of
the report inside. A zip that is not a pack, a zip bomb or an entry that would land outside the
temporary folder is refused before anything is unpacked.
"""

from __future__ import annotations

import difflib
import hashlib
import io
import posixpath
import re
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from pydantic import ValidationError

from narr_audit import __version__
from narr_audit.base.errors import NarrError, Problem
from narr_audit.base.levels import Level, parse_level
from narr_audit.checks import kind_of
from narr_audit.evidence.cache import ExtractionCache
from narr_audit.evidence.model import MANIFEST, PLAN_FILE, REVIEW_FILE, ROSTER_FILES
from narr_audit.formats import pack as views
from narr_audit.formats.report import render
from narr_audit.results.pack import (
    MANIFEST_NAME,
    Difference,
    IncludedDespite,
    LeftOut,
    OverlayUsed,
    PackFile,
    PackManifest,
    ProfileUsed,
    Role,
    Verification,
)
from narr_audit.results.privacy import PrivacyScan
from narr_audit.results.report import Report, Tool
from narr_audit.standards.overlay import OVERLAY_DIR, load_overlay, resolve_overlay
from narr_audit.standards.profiles import LoadedProfile, Profile, check_rules, load_profile, read_profile, safe_name
from narr_audit.workflows.audit import Loaded, load_evidence
from narr_audit.workflows.privacy import public_from_manifest, scan_folder

REPORT_JSON = "report/gap-report.json"
REPORT_HTML = "report/gap-report.html"
INDEX_HTML = "index.html"
INDEX_CSV = "index.csv"
ATTESTATIONS_HTML = "attestations-and-exceptions.html"
PROFILE_FILE = "profile.yaml"

# What verify-pack opens at most: a real pack is a few hundred files and megabytes.
MAX_PACK_ENTRIES = 20_000
MAX_PACK_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
"""An entry over 1 MB that unpacks to more than this many times its packed size is a zip bomb."""
_RATIO_FLOOR = 1024 * 1024


@dataclass(frozen=True)
class PackOptions:
    today: date
    profile: str = "generic"
    include: tuple[str, ...] = ()
    level: Level | None = None
    as_of: date | None = None
    overlays: tuple[str, ...] = ()
    cache: Path | None = None
    ocr: bool = True


@dataclass(frozen=True)
class Packed:
    """A pack written: its manifest, and warnings (a profile's ids written in another style)."""

    manifest: PackManifest
    warnings: list[Problem] = field(default_factory=list)
    privacy: PrivacyScan | None = None


def assess(
    folder: Path,
    *,
    today: date,
    level: Level | None,
    as_of: date | None,
    overlays: Sequence[str],
    cache: Path | None = None,
) -> tuple[Loaded, Report]:
    """The folder's report as the operator submits it: no reviewer's findings, the folder by its name
    only (a pack never carries the path of the operator's computer)."""
    from narr_audit.engine import audit

    loaded = load_evidence(
        folder,
        today=today,
        overlays=overlays,
        level=level,
        as_of=as_of,
        cache=ExtractionCache(cache) if cache is not None else None,
    )
    report = audit(loaded.evidence, loaded.rulebook, generated_on=today, review=None)
    return loaded, report.model_copy(update={"folder": folder.resolve().name})


# ---------------------------------------------------------------------------------------------------------------
# Building a pack


def build_pack(folder: Path, output: Path, options: PackOptions) -> Packed:
    """Write the pack of ``folder`` to ``output`` (outside the folder); a NarrError lists everything that
    stops it. ``output`` is written whole or not at all."""
    refuse_inside(folder, output, "--out")
    loaded_profile = load_profile(options.profile)
    loaded, report = assess(
        folder,
        today=options.today,
        level=options.level,
        as_of=options.as_of,
        overlays=options.overlays,
        cache=options.cache,
    )
    profile, problems, warnings = check_rules(loaded_profile, loaded.rulebook.index())
    if problems:
        raise NarrError(problems)
    root = folder.resolve()
    evidence, attachments = _evidence_files(loaded, report)
    left_out = [LeftOut(file=rel, reason="not mapped to any rule (residence.yaml or front matter)")
                for rel in loaded.evidence.unmapped]  # fmt: skip
    if (root / REVIEW_FILE).exists():
        left_out.append(LeftOut(file=REVIEW_FILE, reason="a reviewer's findings are not part of an application"))
    cache = ExtractionCache(options.cache) if options.cache is not None else None
    scan = scan_folder(root, sorted(evidence), public=public_from_manifest(root), ocr=options.ocr, cache=cache)
    despite = _privacy_gate(folder, scan, evidence, options.include, loaded.evidence.unmapped)
    _acceptance(root, profile, evidence)
    contents, files = _contents(root, loaded, report, profile, loaded_profile, evidence, attachments, options)
    manifest = PackManifest(
        tool=Tool(version=__version__),
        generated_on=report.generated_on,
        as_of=report.assessed_on,
        level=report.level,
        residence=report.residence,
        standards=report.standards,
        overlays=_overlays_used(options.overlays),
        profile=ProfileUsed(id=profile.profile, title=profile.title, file=PROFILE_FILE, shipped=loaded_profile.shipped),
        verdict=report.verdict,
        score=report.score.percent,
        report=REPORT_JSON,
        files=files,
        included_despite_findings=despite,
        not_checked_for_privacy=scan.not_checked,
        left_out=left_out,
    )
    contents[MANIFEST_NAME] = views.manifest_json(manifest).encode("utf-8")
    data = deterministic_zip(contents, report.assessed_on)
    limit = profile.max_total_bytes
    if limit is not None and len(data) > limit:
        raise NarrError.single(
            f"the pack would be {_mb(len(data))}, more than the {_mb(limit)} the {profile.profile} profile allows",
            file=str(output),
            field="max_total_mb",
            hint="make large scans and photos smaller (scan at 150-200 dpi, export photos at a lower size), "
            "or ask the affiliate how to send the rest",
        )
    write_atomically(output, data)
    return Packed(manifest, warnings, scan)


def refuse_inside(folder: Path, output: Path, option: str) -> None:
    """narr-audit only reads evidence folders: a pack written into one would be packed next time."""
    root = folder.resolve()
    target = output.resolve()
    if target == root or root in target.parents:
        raise NarrError.single(
            f"this would write into the evidence folder {folder}, which narr-audit only reads",
            file=str(output),
            field=option,
            hint=f"write it outside the folder, e.g. {option} {Path('..') / output.name}",
        )


def _evidence_files(loaded: Loaded, report: Report) -> tuple[dict[str, list[str]], dict[int, str]]:
    """Folder path -> the rules it evidences (in the Standard's order), for every file a pack sends:
    mapped documents and the signed scans of attestations; and attestation index -> its scan."""
    order = {r.id: i for i, r in enumerate(report.results)}
    rules: dict[str, set[str]] = {}
    for document in loaded.evidence.documents:
        rules.setdefault(document.path, set()).update(document.rules)
    attachments: dict[int, str] = {}
    for index, attestation in enumerate(loaded.evidence.manifest.attestations):
        if attestation.file:
            rel = posixpath.normpath(PurePosixPath(attestation.file.strip().replace("\\", "/")).as_posix())
            attachments[index] = rel
            rules.setdefault(rel, set()).add(attestation.rule)
    # The staff roster and the corrective action plan are read by the loader itself (no mapping) and
    # change the verdict, so the pack carries them and verify-pack re-checks with them.
    root = Path(loaded.evidence.folder).resolve()
    roster_rules = {r.id for r in loaded.rulebook.rules() if any(kind_of(c).reads_roster for c in r.checks())}
    for name in ROSTER_FILES:
        if (root / name).is_file():
            rules.setdefault(name, set()).update(roster_rules)
    if (root / PLAN_FILE).is_file() and loaded.evidence.plan is not None:
        rules.setdefault(PLAN_FILE, set()).update(item.rule for item in loaded.evidence.plan.items)
    ordered = {rel: sorted(found, key=lambda r: (order.get(r, len(order)), r)) for rel, found in rules.items()}
    return dict(sorted(ordered.items())), attachments


def _privacy_gate(
    folder: Path, scan: PrivacyScan, evidence: dict[str, list[str]], include: Sequence[str], unmapped: Sequence[str]
) -> list[IncludedDespite]:
    """Files with resident data stop the pack unless named with --include (then recorded)."""
    wanted = {posixpath.normpath(i.strip().replace("\\", "/")).removeprefix("./") for i in include}
    problems: list[Problem] = []
    for name in sorted(wanted - set(evidence)):
        if name in unmapped:
            message = f"'{name}' is not mapped to any rule, so the pack does not send it"
            hint = "map it in residence.yaml if it is evidence; otherwise leave out --include"
        else:
            message = f"'{name}' is not one of the files the pack sends"
            close = difflib.get_close_matches(name, list(evidence), n=2, cutoff=0.5)
            hint = f"did you mean {' or '.join(close)}?" if close else "give the file's path inside the folder"
        problems.append(Problem(message, field="--include", hint=hint))
    despite: list[IncludedDespite] = []
    for rel in scan.files_with_findings():
        found = scan.findings_in(rel)
        kinds = sorted({f.kind for f in found})
        if rel in wanted:
            despite.append(IncludedDespite(file=rel, findings=len(found), kinds=kinds))
            continue
        places = "; ".join(f"{f.where()}: {f.kind} {f.masked}" for f in found[:3])
        more = f"; and {len(found) - 3} more" if len(found) > 3 else ""
        problems.append(
            Problem(
                f"holds resident data ({len(found)} finding(s): {places}{more}), so it is not packed",
                rel,
                hint=f"replace it with a redacted copy (narr-audit privacy {folder} --redact-to OUT writes one for a "
                f"log) or black the data out; if the affiliate must receive it as it is, pass --include {rel}",
            )
        )
    if problems:
        raise NarrError(problems)
    return despite


_CONVERT = {
    ".docx": "save it as PDF from Word",
    ".md": "print it to PDF",
    ".markdown": "print it to PDF",
    ".txt": "print it to PDF",
    ".html": "print it to PDF from a browser",
    ".htm": "print it to PDF from a browser",
    ".csv": "print it to PDF from your spreadsheet",
    ".tsv": "print it to PDF from your spreadsheet",
    ".xlsx": "print it to PDF from your spreadsheet",
    ".yaml": "print it to PDF",
    ".yml": "print it to PDF",
}


def _acceptance(root: Path, profile: Profile, evidence: dict[str, list[str]]) -> None:
    """Every file the profile does not take, with what to do; nothing is converted or left out silently."""
    problems: list[Problem] = []
    limit = profile.max_file_bytes
    accepted = ", ".join(t.upper() for t in profile.accepted_types)
    for rel in evidence:
        suffix = Path(rel).suffix.lower()
        if not profile.accepts(rel):
            how = _CONVERT.get(suffix, "save it in one of those types")
            problems.append(
                Problem(
                    f"the {profile.profile} profile accepts only {accepted} files, "
                    f"not {suffix or 'a file without a suffix'}",
                    rel,
                    field="accepted_types",
                    hint=f"{how}, and map the new file in residence.yaml instead of this one",
                )
            )
        size = _size(root, rel) if limit is not None else 0
        if limit is not None and size > limit:
            problems.append(
                Problem(
                    f"the file is {_mb(size)}, more than the {_mb(limit)} "
                    f"the {profile.profile} profile allows per file",
                    rel,
                    field="max_file_mb",
                    hint="make it smaller (scan at 150-200 dpi, compress the PDF, or split it into parts and map each)",
                )
            )
    if problems:
        raise NarrError(problems)


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def place(profile: Profile, evidence: dict[str, list[str]], operator: str, residence: str) -> list[PackFile]:
    """Where each evidence file goes in the zip (hash and size filled in later): at its own path, by
    rule id (one copy per rule when each rule has a folder) or numbered to the affiliate's checklist
    (one copy per item it serves). Files on no rule or item asked for go under other/."""
    base = profile.evidence_folder(operator, residence)
    asked = None if profile.rules == "all" else set(profile.rules)
    taken: set[str] = set()
    placed: list[PackFile] = []

    def claim(path: str) -> str:
        stem, suffix = posixpath.splitext(path)
        candidate, n = path, 1
        while candidate.lower() in taken:
            n += 1
            candidate = f"{stem} ({n}){suffix}"
        taken.add(candidate.lower())
        return candidate

    def add(path: str, rel: str, rules: list[str], item: int | None = None) -> None:
        placed.append(
            PackFile(path=claim(path), sha256="0" * 64, size=0, role="evidence", source=rel, rules=rules, item=item)
        )

    def other(rel: str, rules: list[str]) -> None:
        add(f"{base}/other/{rel}", rel, rules)

    if profile.naming == "original":
        for rel, rules in evidence.items():
            add(f"{base}/{rel}", rel, rules)
    elif profile.naming == "rule-id":
        for rel, rules in evidence.items():
            mine = [r for r in rules if asked is None or r in asked]
            name = posixpath.basename(rel)
            if not mine:
                other(rel, rules)
            elif profile.layout == "folder-per-rule":
                for rule_id in mine:
                    add(f"{base}/{safe_name(profile.style(rule_id))}/{name}", rel, [rule_id])
            else:
                add(f"{base}/{safe_name(profile.style(mine[0]) + ' ' + name)}", rel, mine)
    else:
        width = len(str(max(item.number for item in profile.checklist)))
        served: set[str] = set()
        for item in sorted(profile.checklist, key=lambda i: i.number):
            wanted = {r for r in item.rules if asked is None or r in asked}
            here = [(rel, [r for r in rules if r in wanted]) for rel, rules in evidence.items() if wanted & set(rules)]
            label = f"{item.number:0{width}d} {safe_name(item.title)}"
            for k, (rel, rules) in enumerate(here, start=1):
                served.add(rel)
                if profile.layout == "folder-per-rule":
                    add(f"{base}/{label}/{posixpath.basename(rel)}", rel, rules, item.number)
                else:
                    count = f" ({k} of {len(here)})" if len(here) > 1 else ""
                    add(f"{base}/{label}{count}{Path(rel).suffix.lower()}", rel, rules, item.number)
        for rel, rules in evidence.items():
            if rel not in served:
                other(rel, rules)
    return placed


def _contents(
    root: Path,
    loaded: Loaded,
    report: Report,
    profile: Profile,
    loaded_profile: LoadedProfile,
    evidence: dict[str, list[str]],
    attachments: dict[int, str],
    options: PackOptions,
) -> tuple[dict[str, bytes], list[PackFile]]:
    """Every file of the zip but the manifest, and its sealed list."""
    residence = loaded.evidence.manifest.residence
    placed = place(profile, evidence, residence.operator, residence.name)
    contents: dict[str, bytes] = {}
    roles: dict[str, Role] = {}
    read: dict[str, bytes] = {}
    for entry in placed:
        assert entry.source is not None
        if entry.source not in read:
            read[entry.source] = _read(root, entry.source)
        contents[entry.path] = read[entry.source]
    contents[MANIFEST] = _read(root, MANIFEST)
    roles[MANIFEST] = "residence"
    contents[PROFILE_FILE] = loaded_profile.data
    roles[PROFILE_FILE] = "profile"
    for used in _overlays_used(options.overlays):
        if used.file is not None:
            contents[used.file] = resolve_overlay_bytes(used, options.overlays)
            roles[used.file] = "overlay"
    contents[REPORT_HTML] = render(report, "html").encode("utf-8")
    contents[REPORT_JSON] = render(report, "json").encode("utf-8")
    roles[REPORT_HTML] = roles[REPORT_JSON] = "report"
    sealed = [_sealed(entry, contents[entry.path]) for entry in placed]
    rows = views.index_rows(report, sealed, profile)
    contents[INDEX_CSV] = views.index_csv(rows).encode("utf-8")
    contents[INDEX_HTML] = views.index_html(report, rows, profile).encode("utf-8")
    roles[INDEX_CSV] = roles[INDEX_HTML] = "index"
    contents[ATTESTATIONS_HTML] = views.attestations_html(
        report, loaded.evidence.manifest, sealed, profile, attachments
    ).encode("utf-8")
    roles[ATTESTATIONS_HTML] = "attestations"
    files = sealed + [
        PackFile(path=path, sha256=_sha256(contents[path]), size=len(contents[path]), role=role)
        for path, role in roles.items()
    ]
    return contents, sorted(files, key=lambda f: f.path)


def _size(root: Path, rel: str) -> int:
    try:
        return (root / rel).stat().st_size
    except OSError:
        return len(_read(root, rel))  # says why it cannot be read


def _read(root: Path, rel: str) -> bytes:
    try:
        return (root / rel).read_bytes()
    except OSError as exc:
        raise NarrError.single(
            f"cannot read the file ({exc.strerror or type(exc).__name__})",
            file=rel,
            hint="check that it is still there and that you may read it, then pack again",
        ) from None


def _sealed(entry: PackFile, data: bytes) -> PackFile:
    return entry.model_copy(update={"sha256": _sha256(data), "size": len(data)})


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _overlays_used(names: Sequence[str]) -> list[OverlayUsed]:
    """Overlays given with --standards: a shipped one by its id; one of the operator's own is carried."""
    used: list[OverlayUsed] = []
    for name in names:
        path = resolve_overlay(name)
        shipped = path.resolve().parent.name == OVERLAY_DIR and not Path(name).is_file()
        overlay_id = load_overlay(path).overlay
        used.append(OverlayUsed(id=overlay_id, file=None if shipped else f"overlays/{overlay_id}.yaml"))
    return used


def resolve_overlay_bytes(used: OverlayUsed, names: Sequence[str]) -> bytes:
    for name in names:
        path = resolve_overlay(name)
        if load_overlay(path).overlay == used.id:
            return path.read_bytes()
    raise NarrError.single(f"the overlay {used.id} can no longer be read", field="--standards")


def deterministic_zip(contents: dict[str, bytes], day: date) -> bytes:
    """The zip of ``contents``: entries sorted, every timestamp the assessment date, permissions 0644."""
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0) if day.year >= 1980 else (1980, 1, 1, 0, 0, 0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(contents):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so the permissions below are read as such everywhere
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(info, contents[name], compresslevel=6)
    return buffer.getvalue()


def write_atomically(output: Path, data: bytes) -> None:
    """Write the whole file or nothing: a temporary file beside ``output``, renamed over it."""
    if output.is_dir():
        raise NarrError.single("this is a folder; give the path of the zip to write", file=str(output), field="--out")
    temporary = output.with_name(f".{output.name}.narr-audit-tmp")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        temporary.unlink(missing_ok=True)
        with temporary.open("xb") as handle:
            handle.write(data)
        temporary.replace(output)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise NarrError.single(
            f"cannot write the pack ({exc.strerror or exc})",
            file=str(output),
            field="--out",
            hint="choose another --out",
        ) from None


# ---------------------------------------------------------------------------------------------------------------
# Verifying a pack


def verify_pack(pack: Path, *, profile: str | None = None) -> Verification:
    """What holds and what does not in a pack; a NarrError when it is no pack or is unsafe to open."""
    with open_pack(pack) as archive, tempfile.TemporaryDirectory(prefix="narr-audit-verify-") as tmp:
        unpacked = Path(tmp) / "pack"
        entries = unpack(archive, unpacked)
        manifest = _read_manifest(pack, unpacked, entries)
        differences = _seal_differences(manifest, unpacked, entries)
        chosen, limit_differences = _limits(pack, manifest, unpacked, profile)
        differences.extend(limit_differences)
        verification = _recheck(manifest, unpacked, Path(tmp) / "folder")
        return verification.model_copy(
            update={
                "pack": str(pack),
                "files_checked": len(entries) - 1,
                "profile": chosen,
                "differences": differences + verification.differences,
            }
        )


def open_pack(pack: Path) -> zipfile.ZipFile:
    """The pack as a zip whose every entry is safe to unpack; a NarrError (exit 2) otherwise."""
    shown = str(pack)
    if not pack.is_file():
        raise NarrError.single("no such file", file=shown, hint="give the path of the pack (a .zip file)")
    try:
        archive = zipfile.ZipFile(pack)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise NarrError.single(
            "this is not a zip file, so it is not a pack", file=shown, hint="give the .zip that narr-audit pack wrote"
        ) from None
    try:
        _refuse_unsafe(infos, shown)
    except NarrError:
        archive.close()
        raise
    return archive


def _refuse_unsafe(infos: Sequence[zipfile.ZipInfo], shown: str) -> None:
    bomb = "refused: the zip would unpack to far more than a pack holds (a zip bomb)"
    hint = "ask the applicant for the pack narr-audit wrote; do not open this file"
    if len(infos) > MAX_PACK_ENTRIES:
        raise NarrError.single(f"{bomb}: {len(infos)} entries", file=shown, hint=hint)
    if sum(i.file_size for i in infos) > MAX_PACK_UNPACKED_BYTES:
        raise NarrError.single(f"{bomb}: {_mb(sum(i.file_size for i in infos))} unpacked", file=shown, hint=hint)
    seen: set[str] = set()
    problems: list[Problem] = []
    for info in infos:
        name = info.filename
        reason = _unsafe_name(name)
        if reason is None and stat.S_ISLNK(info.external_attr >> 16):
            reason = "a symbolic link"
        if reason is None and info.flag_bits & 0x1:
            reason = "encrypted"
        if reason is None and name.lower() in seen:
            reason = "listed twice"
        if reason is not None:
            problems.append(
                Problem(f"refused: the entry '{_printable(name)}' is {reason}; nothing was unpacked", shown, hint=hint)
            )
            continue
        seen.add(name.lower())
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            problems.append(
                Problem(
                    f"{bomb}: '{_printable(name)}' is packed {MAX_COMPRESSION_RATIO}-fold or more", shown, hint=hint
                )
            )
    if problems:
        raise NarrError(problems)


def _unsafe_name(name: str) -> str | None:
    """Why an entry's name could write outside the folder it is unpacked into, or None."""
    if "\\" in name:
        return "a path with backslashes (a Windows path that could lead elsewhere)"
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "an absolute path"
    parts = name.rstrip("/").split("/")
    if any(p in ("..", ".") for p in parts):
        return "a path leading out of the pack ('..')"
    if any(p == "" for p in parts) or re.search(r"[\x00-\x1f\x7f]", name):
        return "a malformed path"
    return None


def _printable(name: str) -> str:
    return re.sub(r"[\x00-\x1f\x7f]", "?", name)[:200]


def unpack(archive: zipfile.ZipFile, into: Path) -> dict[str, Path]:
    """Every file entry written under ``into`` (a temporary folder), never beyond the sizes declared."""
    into.mkdir(parents=True)
    root = into.resolve()
    written: dict[str, Path] = {}
    budget = MAX_PACK_UNPACKED_BYTES
    for info in archive.infolist():
        if info.is_dir():
            continue
        target = root.joinpath(*info.filename.split("/"))
        try:
            if root not in target.resolve().parents:
                raise NarrError.single(f"refused: the entry '{_printable(info.filename)}' leads out of the pack")
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as source, target.open("xb") as sink:
                while chunk := source.read(1024 * 1024):
                    budget -= len(chunk)
                    if budget < 0:
                        raise NarrError.single("refused: the zip unpacks to more than it declares (a zip bomb)")
                    sink.write(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError) as exc:
            raise NarrError.single(
                f"the zip is damaged: the entry '{_printable(info.filename)}' cannot be unpacked "
                f"({type(exc).__name__})",
                hint="ask the applicant for a fresh copy of the pack",
            ) from None
        written[info.filename] = target
    return written


def _read_manifest(pack: Path, unpacked: Path, entries: dict[str, Path]) -> PackManifest:
    if MANIFEST_NAME not in entries:
        raise NarrError.single(
            f"the zip has no {MANIFEST_NAME}, so it is not a pack narr-audit wrote",
            file=str(pack),
            hint="give the .zip that narr-audit pack wrote",
        )
    try:
        return PackManifest.model_validate_json(entries[MANIFEST_NAME].read_bytes())
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"]) or "the top"
        raise NarrError.single(
            f"{MANIFEST_NAME} is not a pack's manifest ({where}: {first['msg']})",
            file=str(pack),
            hint="give the .zip that narr-audit pack wrote (a newer narr-audit may have made it: update)",
        ) from None


def _seal_differences(manifest: PackManifest, unpacked: Path, entries: dict[str, Path]) -> list[Difference]:
    listed = {f.path: f for f in manifest.files}
    present = set(entries) - {MANIFEST_NAME}
    differences: list[Difference] = []
    for path in sorted(set(listed) - present):
        differences.append(
            Difference(kind="missing", file=path, message=f"{path} is listed in manifest.json but not in the pack")
        )
    for path in sorted(present - set(listed)):
        differences.append(
            Difference(kind="added", file=path, message=f"{path} is in the pack but not in manifest.json")
        )
    for path in sorted(present & set(listed)):
        data = entries[path].read_bytes()
        if _sha256(data) != listed[path].sha256 or len(data) != listed[path].size:
            differences.append(
                Difference(kind="changed", file=path, message=f"{path} does not match its SHA-256 in manifest.json")
            )
    return differences


def _limits(pack: Path, manifest: PackManifest, unpacked: Path, wanted: str | None) -> tuple[str, list[Difference]]:
    """The profile's limits over the pack: the profile named on the command line, else the pack's own."""
    try:
        if wanted is not None:
            chosen = load_profile(wanted)
        else:
            own = unpacked / manifest.profile.file
            if not _inside(unpacked, own) or not own.is_file():
                return manifest.profile.id, [
                    Difference(kind="limit", file=manifest.profile.file, message="the pack's profile.yaml is missing")
                ]
            chosen = read_profile(own)
    except NarrError as exc:
        return wanted or manifest.profile.id, [
            Difference(kind="limit", message=f"the profile cannot be read: {exc.problems[0].render()}")
        ]
    profile = chosen.profile
    differences: list[Difference] = []
    for f in manifest.evidence():
        if not profile.accepts(f.path):
            differences.append(
                Difference(
                    kind="limit",
                    file=f.path,
                    message=f"{f.path}: the {profile.profile} profile accepts only "
                    f"{', '.join(t.upper() for t in profile.accepted_types)} files",
                )
            )
        limit = profile.max_file_bytes
        if limit is not None and f.size > limit:
            differences.append(
                Difference(
                    kind="limit",
                    file=f.path,
                    message=f"{f.path} is {_mb(f.size)}, over the {profile.profile} profile's {_mb(limit)} per file",
                )
            )
    total = profile.max_total_bytes
    size = pack.stat().st_size
    if total is not None and size > total:
        differences.append(
            Difference(
                kind="limit", message=f"the pack is {_mb(size)}, over the {profile.profile} profile's {_mb(total)}"
            )
        )
    return profile.profile, differences


def _inside(root: Path, path: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


def _recheck(manifest: PackManifest, unpacked: Path, folder: Path) -> Verification:
    """The evidence put back at its folder paths and audited again, as of the pack's date."""
    differences: list[Difference] = []
    base = Verification(pack="", manifest=manifest, files_checked=0, profile="", differences=[])
    folder.mkdir()
    root = folder.resolve()
    sources: dict[str, str] = {}
    residence = next((f for f in manifest.files if f.role == "residence"), None)
    if residence is None or not (unpacked / residence.path).is_file():
        differences.append(
            Difference(kind="recheck", message="the pack holds no residence.yaml, so it cannot be re-checked")
        )
        return base.model_copy(update={"differences": differences})
    shutil.copyfile(unpacked / residence.path, folder / MANIFEST)
    for f in manifest.evidence():
        if f.source is None:
            continue
        target = root.joinpath(*f.source.split("/"))
        if _unsafe_name(f.source) is not None or f.source == MANIFEST or root not in target.resolve().parents:
            differences.append(Difference(kind="recheck", file=f.path, message=f"{f.path}: its source path is unsafe"))
            continue
        if f.source in sources:
            if sources[f.source] != f.sha256:
                differences.append(
                    Difference(kind="recheck", file=f.path, message=f"{f.path} differs from another copy of {f.source}")
                )
            continue
        if not (unpacked / f.path).is_file():
            continue  # reported as missing
        sources[f.source] = f.sha256
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(unpacked / f.path, target)
    overlays: list[str] = []
    for used in manifest.overlays:
        if used.file is None:
            overlays.append(used.id)
        elif _inside(unpacked, unpacked / used.file) and (unpacked / used.file).is_file():
            overlays.append(str(unpacked / used.file))
        else:
            differences.append(
                Difference(kind="recheck", file=used.file, message=f"the overlay {used.file} is missing")
            )
    try:
        _, report = assess(
            folder,
            today=manifest.generated_on,
            level=parse_level(manifest.level),
            as_of=manifest.as_of,
            overlays=overlays,
        )
    except (NarrError, ValueError) as exc:
        said = exc.problems[0].render() if isinstance(exc, NarrError) and exc.problems else str(exc)
        differences.append(Difference(kind="recheck", message=f"the pack does not re-check: {said}"))
        return base.model_copy(update={"differences": differences})
    inside = _report_inside(manifest, unpacked)
    rechecked = {"rechecked_verdict": report.verdict, "rechecked_score": report.score.percent}
    version = (
        ""
        if manifest.tool.version == __version__
        else f" (made by narr-audit {manifest.tool.version}, checked by {__version__})"
    )
    if isinstance(inside, str):
        differences.append(Difference(kind="recheck", file=manifest.report, message=inside))
    else:
        rechecked |= {"report_verdict": inside.verdict, "report_score": inside.score.percent}
        if report.verdict != inside.verdict or _rounded(report.score.percent) != _rounded(inside.score.percent):
            differences.append(
                Difference(
                    kind="recheck",
                    message=f"re-checked, the evidence gives {report.verdict.replace('_', ' ')} "
                    f"{_shown(report.score.percent)}, but the report inside says "
                    f"{inside.verdict.replace('_', ' ')} {_shown(inside.score.percent)}{version}",
                )
            )
    if report.verdict != manifest.verdict or _rounded(report.score.percent) != _rounded(manifest.score):
        differences.append(
            Difference(
                kind="recheck",
                file=MANIFEST_NAME,
                message=f"re-checked, the evidence gives {report.verdict.replace('_', ' ')} "
                f"{_shown(report.score.percent)}, but manifest.json says "
                f"{manifest.verdict.replace('_', ' ')} {_shown(manifest.score)}{version}",
            )
        )
    return base.model_copy(update={"differences": differences, **rechecked})


def _report_inside(manifest: PackManifest, unpacked: Path) -> Report | str:
    from narr_audit.results.comparison import load_report

    path = unpacked / manifest.report
    if not _inside(unpacked, path) or not path.is_file():
        return f"the report {manifest.report} is missing"
    try:
        return load_report(path)
    except NarrError as exc:
        return f"the report {manifest.report} cannot be read: {exc.problems[0].message}"


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def _shown(value: float | None) -> str:
    return "(no score)" if value is None else f"{value:.1f}%"


__all__ = [
    "PackOptions",
    "Packed",
    "assess",
    "build_pack",
    "deterministic_zip",
    "open_pack",
    "place",
    "refuse_inside",
    "verify_pack",
]
