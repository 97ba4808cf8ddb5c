"""`narr-audit due`: everything that expires or falls due in a window, soonest first.

For each folder: what each rule's checks will need by a date (the engine asks every check kind that
can say), the exceptions the affiliate approved, documents with an expiry date, and the open items
of the corrective action plan. It takes a list of folders, so an organisation's residences can be
listed together.
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
