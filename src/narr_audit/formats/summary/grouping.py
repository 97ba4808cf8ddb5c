"""Applicants as the dashboard and the Markdown table show them: an organization's properties under it."""

from __future__ import annotations

from dataclasses import dataclass, field

from narr_audit.results.summary import ApplicantRow, BatchSummary, OrganizationRow

LEVELS = ("I", "II", "III", "IV")


@dataclass
class Group:
    """One applicant: a residence's row, or an organization's row and its properties' rows."""

    rows: list[ApplicantRow] = field(default_factory=list)
    organization: OrganizationRow | None = None

    @property
    def levels(self) -> str:
        """The properties' levels, lowest first: what an organization's Level column shows and sorts by."""
        found = {r.level for r in self.rows if r.level}
        return ", ".join(sorted(found, key=lambda level: (LEVELS.index(level) if level in LEVELS else 99, level)))


def groups(summary: BatchSummary) -> list[Group]:
    """The applicants in summary order, each organization's property rows gathered under it."""
    organizations = {o.folder: Group(organization=o) for o in summary.organizations}
    found: list[Group] = []
    for row in summary.applicants:
        group = organizations.get(row.organization_folder or "")
        if group is None:
            found.append(Group([row]))
            continue
        if not group.rows:
            found.append(group)
        group.rows.append(row)
    found.extend(g for g in organizations.values() if not g.rows)  # an organization listing no property
    return found
