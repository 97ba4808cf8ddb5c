"""`narr-audit due`: everything that expires or falls due in a window, soonest first.

For each folder: what each rule's checks will need by a date (the engine asks every check kind that
can say, with the same view of the binder `check` gives it: a record of the right kind in a file not
mapped to the rule counts where `check` would count it, and its next entry is listed as found in a
file not mapped to the rule, apart from the entries due for the rules it is mapped to), the
exceptions the affiliate approved, documents with an expiry date, and the open items of the
corrective action plan. It takes a list of folders, so an organisation's residences can be
listed together; an organization folder is listed property by property, with what falls due in its
shared files once, under the organization.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from narr_audit import __version__
from narr_audit.base.levels import Level
from narr_audit.engine import upcoming
from narr_audit.evidence.cache import ExtractionCache
from narr_audit.evidence.model import MANIFEST, PLAN_FILE, Evidence
from narr_audit.evidence.organization import is_organization
from narr_audit.results.due import DueItem, DueList, DueResidence, Found, soonest_first, window
from narr_audit.results.report import Tool
from narr_audit.workflows.audit import load_evidence

DEFAULT_WITHIN = 90


def due_list(
    folders: Sequence[Path],
    *,
    today: date,
    within: int = DEFAULT_WITHIN,
    as_of: date | None = None,
    overlays: Sequence[str] = (),
    level: Level | None = None,
    cache: Path | None = None,
) -> DueList:
    """What falls due within ``within`` days of each folder's as-of date (``as_of``, else its
    assessed_on, else ``today``), overdue items included, soonest first."""
    residences: list[DueResidence] = []
    items: list[DueItem] = []
    for folder in folders:
        if is_organization(folder):
            found_in = _organization(folder, today=today, within=within, as_of=as_of, overlays=overlays, level=level,
                                     cache=cache)  # fmt: skip
            residences.extend(found_in[0])
            items.extend(found_in[1])
            continue
        loaded = load_evidence(
            folder,
            today=today,
            overlays=overlays,
            level=level,
            as_of=as_of,
            cache=ExtractionCache(cache) if cache is not None else None,
        )
        evidence = loaded.evidence
        residence = evidence.manifest.residence
        place = DueResidence(
            name=residence.name,
            folder=Path(evidence.folder).as_posix(),
            applicant_id=residence.applicant_id,
            as_of=evidence.assessed_on,
        )
        residences.append(place)
        found = [
            Found(u.due, u.key, u.kind, u.what, u.file, u.detail, (rule,))
            for rule, u in upcoming(evidence, loaded.rulebook)
        ]
        found.extend(_from_folder(evidence, {f.key for f in found}))
        identity = "\0".join([residence.name, residence.operator, residence.applicant_id or ""])
        items.extend(window(found, residence=place, identity=identity, within=within))
    first = residences[0].as_of if residences else (as_of or today)
    return DueList(
        tool=Tool(version=__version__),
        as_of=as_of or first,
        within=within,
        residences=residences,
        items=soonest_first(items),
    )


def _organization(
    folder: Path,
    *,
    today: date,
    within: int,
    as_of: date | None,
    overlays: Sequence[str],
    level: Level | None,
    cache: Path | None,
) -> tuple[list[DueResidence], list[DueItem]]:
    """An organization's properties, each with what falls due in its own files; what falls due in the
    shared files (a policy to review, an attestation signed once, the shared roster) once, under the
    organization. Files are named from the organization folder."""
    from narr_audit.workflows.organization import each_property

    residences: list[DueResidence] = []
    items: list[DueItem] = []
    shared: list[Found] = []
    org = None
    for found_in in each_property(folder, today=today, level=level, as_of=as_of, overlays=overlays, cache=cache):
        org, evidence, places = found_in.organization, found_in.loaded.evidence, found_in.loaded.places
        assert places is not None
        residence = evidence.manifest.residence
        place = DueResidence(
            name=residence.name, folder=found_in.folder, applicant_id=residence.applicant_id, as_of=evidence.assessed_on
        )
        residences.append(place)
        moved = {MANIFEST: places.manifest, PLAN_FILE: places.plan}
        found = [
            Found(u.due, u.key, u.kind, u.what, moved.get(u.file or "", u.file), u.detail, (rule,))
            for rule, u in upcoming(evidence, found_in.loaded.rulebook)
        ]
        found.extend(
            Found(f.due, f.key, f.kind, f.what, moved.get(f.file or "", f.file), f.detail, f.rules)
            for f in _from_folder(evidence, {f.key for f in found})
        )
        own = [f for f in found if f.file is None or f.file.startswith(places.folder + "/")]
        shared.extend(f for f in found if f not in own)
        identity = "\0".join([residence.name, residence.operator, residence.applicant_id or ""])
        items.extend(window(own, residence=place, identity=identity, within=within))
    if org is not None and shared:
        operator = org.manifest.organization
        place = DueResidence(
            name=operator.name,
            folder=Path(folder).as_posix(),
            applicant_id=operator.applicant_id,
            as_of=as_of or org.manifest.assessed_on or residences[0].as_of,
        )
        residences.insert(0, place)
        identity = "\0".join([operator.name, "organization", operator.applicant_id or ""])
        items.extend(window(shared, residence=place, identity=identity, within=within))
    return residences, items


def _from_folder(evidence: Evidence, known: set[str]) -> list[Found]:
    """Exceptions, documents' expiry dates (those no rule's check already dates) and open plan items."""
    found: list[Found] = []
    for exception in evidence.manifest.exceptions:
        expires = exception.expires_on
        if expires is not None:
            found.append(
                Found(
                    expires,
                    f"exception:{exception.rule}",
                    "exception",
                    f"exception for {exception.rule} expires",
                    MANIFEST,
                    f"approved by {exception.approved_by}",
                    (exception.rule,),
                )
            )
    for document in evidence.documents:
        key = f"document:{document.path}"
        if document.expires is not None and key not in known and document.expires >= evidence.assessed_on:
            name = document.title or document.path
            found.append(
                Found(
                    document.expires,
                    key,
                    "document",
                    f"{name}: renew",
                    document.path,
                    f"expires on {document.expires}",
                    tuple(document.rules),
                )
            )
    if evidence.plan is not None:
        for item in evidence.plan.items:
            if item.status == "done":
                continue
            title = f" {item.title}" if item.title else ""
            found.append(
                Found(
                    item.due,
                    f"plan:{item.rule}",
                    "plan",
                    f"plan: {item.rule}{title}",
                    PLAN_FILE,
                    f"{item.status}, owner {item.owner}",
                    (item.rule,),
                )
            )
    return found
