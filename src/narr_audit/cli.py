"""The narr-audit command line: parse options, call the library, pick a format, write.

Exit codes: 0 success; 1 the chosen policy failed (gaps; used by `check`); 2 bad input or usage;
3 an unexpected internal error (a bug: please report it).
"""

from __future__ import annotations

import contextlib
import copy
import errno
import functools
import gc
import io
import os
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import typer
from typer.core import TyperGroup

from narr_audit import __version__
from narr_audit.base.errors import NarrError

if TYPE_CHECKING:
    from narr_audit.base.levels import Level

EXIT_OK, EXIT_GAPS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

# --help lists commands in the order a newcomer meets them, not in the order they are defined.
COMMAND_ORDER = (
    "check",
    "init",
    "map",
    "validate",
    "standards",
    "explain",
    "checklist",
    "batch",
    "visit-checklist",
    "diff",
    "schema",
    "precommit",
    "privacy",
    "pack",
    "verify-pack",
    "due",
    "plan",
    "level",
)


class _Commands(TyperGroup):
    def list_commands(self, ctx: Any) -> list[str]:  # click's Context (typer may vendor its own click)
        known = [name for name in COMMAND_ORDER if name in self.commands]
        return known + sorted(name for name in self.commands if name not in known)


app = typer.Typer(
    cls=_Commands,
    name="narr-audit",
    help=(
        "Check a recovery residence's evidence against the NARR Standard 3.0.\n\n"
        "Exit codes: 0 success, 1 gaps fail the chosen policy, 2 bad input or usage, 3 internal error."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., Any])


def _user_errors(func: F) -> F:
    """A NarrError becomes its message on stderr and exit code 2, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except NarrError as exc:
            _stderr(f"narr-audit: error\n{exc.render()}")
            raise typer.Exit(EXIT_USAGE) from None

    return wrapper  # type: ignore[return-value]


def _stderr(text: str) -> None:
    """A message for the terminal: controls in file names and values in it shown as escapes."""
    from narr_audit.base.safetext import terminal

    sys.stderr.write(terminal(text.rstrip("\n"), multiline=True) + "\n")


def _write(text: str, output: Path | None) -> None:
    """Write to --output (never into an evidence folder) or to stdout, where stray controls are shown
    as escapes (lossless for JSON); the colour rich adds is kept."""
    if output is None:
        from narr_audit.base.safetext import terminal

        sys.stdout.write(terminal(text, multiline=True, keep_colour=True))
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise NarrError.single(
            f"cannot write the output file ({exc.strerror or exc})",
            file=output,
            hint="choose another --output",
        ) from None
    _stderr(f"wrote {output}")


def _level(value: str | None) -> Level | None:
    if value is None:
        return None
    from narr_audit.base.levels import parse_level

    try:
        return parse_level(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"narr-audit {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Check a recovery residence's evidence against the NARR Standard 3.0."""


StandardsOpt = typer.Option(
    [],
    "--standards",
    "-s",
    metavar="PATH|ID",
    help="An affiliate overlay applied on top of NARR 3.0: a YAML file or a shipped id such as azrha. Repeatable.",
)
LevelOpt = typer.Option(None, "--level", "-l", metavar="LEVEL", help="Level of support: I, II, III or IV (1-4).")


class ListFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


@app.command(
    epilog=(
        "Examples:  narr-audit standards --level II  |  "
        "narr-audit standards --domain 2 --format markdown  |  "
        "narr-audit standards --standards azrha --format json"
    )
)
@_user_errors
def standards(
    level: str | None = LevelOpt,
    domain: str | None = typer.Option(None, "--domain", "-d", metavar="1-4", help="Only this domain."),
    principle: str | None = typer.Option(None, "--principle", "-p", metavar="A-J", help="Only this principle."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table, json or markdown."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    overlays: list[str] = StandardsOpt,
) -> None:
    """List the rules of the Standard, filtered by level, domain or principle."""
    from narr_audit import api
    from narr_audit.formats import browse

    chosen_level = _level(level)
    book, chosen = api.list_rules(overlays, level=chosen_level, domain=domain, principle=principle)
    if fmt is ListFormat.json:
        filters = {
            "level": None if chosen_level is None else str(chosen_level),
            "domain": domain,
            "principle": principle.upper() if principle else None,
        }
        _write(browse.standards_json(book, chosen, filters), output)
    elif fmt is ListFormat.markdown:
        _write(browse.standards_markdown(book, chosen, chosen_level), output)
    else:
        from narr_audit.formats import console as terminal

        _write(terminal.rules_table(book, chosen, chosen_level, output is None and _is_terminal()), output)


class ExplainFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command(epilog="Examples:  narr-audit explain 1.C.7.b  |  narr-audit explain 2.F.17.c --format json")
@_user_errors
def explain(
    rule_id: str = typer.Argument(..., metavar="RULE_ID", help="A rule id such as 1.C.7.b."),
    fmt: ExplainFormat = typer.Option(ExplainFormat.text, "--format", "-f", help="text, markdown or json."),
    overlays: list[str] = StandardsOpt,
) -> None:
    """Everything about one rule: requirement, levels, evidence, remediation and provenance."""
    from narr_audit import api
    from narr_audit.formats import browse

    book, found = api.explain(rule_id, overlays)
    if fmt is ExplainFormat.json:
        _write(browse.explain_json(found), None)
        return
    text = browse.explain_markdown(book, found)
    if fmt is ExplainFormat.text and _is_terminal():
        from narr_audit.formats import console as terminal

        text = terminal.markdown(text, colour=True)
    _write(text, None)


class ChecklistFormat(str, Enum):
    markdown = "markdown"
    html = "html"


@app.command(
    epilog=(
        "Examples:  narr-audit checklist --level II  |  "
        "narr-audit checklist --level III --format html --output checklist.html"
    )
)
@_user_errors
def checklist(
    level: str = typer.Option(..., "--level", "-l", metavar="LEVEL", help="Level of support: I, II, III or IV."),
    fmt: ChecklistFormat = typer.Option(ChecklistFormat.markdown, "--format", "-f", help="markdown or html."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    template_dir: Path | None = typer.Option(
        None, "--template-dir", help="A folder of Jinja2 templates that override the shipped ones."
    ),
    overlays: list[str] = StandardsOpt,
) -> None:
    """The printable list of evidence an operator gathers for a level, with a checkbox per item."""
    from narr_audit import api
    from narr_audit.formats import browse

    chosen = _level(level)
    assert chosen is not None
    if template_dir is not None and not template_dir.is_dir():
        raise NarrError.single("no such folder", file=template_dir, field="--template-dir")
    _write(browse.checklist_text(api.level_checklist(chosen, overlays), fmt.value, template_dir), output)


FolderArg = typer.Argument(
    ...,
    metavar="DIR",
    help="The evidence folder (the one holding residence.yaml); for check, validate, due and level also an "
    "organization folder (holding organization.yaml).",
)


def _date_option(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    from narr_audit.base.dates import parse_date

    try:
        return parse_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=name) from None


class ValidateFormat(str, Enum):
    text = "text"
    json = "json"


@app.command(epilog="Examples:  narr-audit validate ./evidence  |  narr-audit validate ./evidence --format json")
def validate(
    folder: Path = FolderArg,
    fmt: ValidateFormat = typer.Option(ValidateFormat.text, "--format", "-f", help="text or json."),
    as_of: str | None = typer.Option(None, "--as-of", metavar="YYYY-MM-DD", help="Assessment date (default: today)."),
    overlays: list[str] = StandardsOpt,
) -> None:
    """Check an evidence folder against the format, without scoring it; list unmapped files.

    Exit 0 when residence.yaml and the files it maps are valid, 2 when something must be fixed.
    """
    from narr_audit import api
    from narr_audit.formats import evidence as views

    if api.is_organization(folder):
        _validate_organization(folder, fmt, _date_option(as_of, "--as-of"), overlays)
        return
    try:
        loaded = api.load_evidence(
            folder,
            overlays=overlays,
            as_of=_date_option(as_of, "--as-of"),
            cache=_cache_dir(False, None),
            read_unmapped=False,  # validate lists unmapped files by name; it never reads them
        )
    except NarrError as exc:
        if fmt is ValidateFormat.json:
            _write(views.problems_json(exc.problems), None)
            raise typer.Exit(EXIT_USAGE) from None
        _stderr(f"narr-audit: {folder} is not valid\n{exc.render()}")
        raise typer.Exit(EXIT_USAGE) from None
    _write(
        views.validation_json(loaded.evidence)
        if fmt is ValidateFormat.json
        else views.validation_text(loaded.evidence),
        None,
    )


def _validate_organization(folder: Path, fmt: ValidateFormat, as_of: date | None, overlays: list[str]) -> None:
    """`validate` on an organization folder: the whole tree, every problem of every property at once."""
    from narr_audit import api
    from narr_audit.formats import evidence as views
    from narr_audit.formats import organization_views

    try:
        checked = api.validate_organization(folder, overlays=overlays, as_of=as_of, cache=_cache_dir(False, None))
        problems = checked.problems
    except NarrError as exc:
        problems = exc.problems
    if problems:
        if fmt is ValidateFormat.json:
            _write(views.problems_json(problems), None)
        else:
            _stderr(f"narr-audit: {folder} is not valid\n{NarrError(problems).render()}")
        raise typer.Exit(EXIT_USAGE)
    text = organization_views.validation_json if fmt is ValidateFormat.json else organization_views.validation_text
    _write(text(checked), None)


@app.command(
    epilog=(
        "Examples:  narr-audit precommit examples/house/residence.yaml examples/house/policies/grievance.md  |  "
        "in .pre-commit-config.yaml: the hook id narr-audit-validate.  "
        "Exit codes: 0 every file is valid; 1 something must be fixed; 2 bad usage."
    )
)
@_user_errors
def precommit(
    files: list[Path] = typer.Argument(
        None, metavar="FILES", help="Changed files, as pre-commit passes them (residence.yaml, Markdown, text)."
    ),
    overlays: list[str] = StandardsOpt,
) -> None:
    """Validate the evidence folders of changed files, for a pre-commit hook.

    Each file's evidence folder (the nearest folder above it with a residence.yaml) is validated once;
    a Markdown or text file in no folder has its narr: front matter checked. Problems are printed as
    file:line: message. Exit 1 when something must be fixed (pre-commit's convention).
    """
    from narr_audit import api

    result = api.validate_files(files or [], overlays=overlays, cache=_cache_dir(False, None))
    checked = [*result.folders, *result.files]
    if result.warnings:
        _write("narr-audit: warnings (they do not block the commit)\n", None)
        _write("\n".join(p.render() for p in result.warnings) + "\n", None)
    if not result.ok:
        _write("\n".join(p.render() for p in result.problems) + "\n", None)
        _write(f"narr-audit: {len(result.problems)} problem(s) to fix in {', '.join(checked)}\n", None)
        raise typer.Exit(EXIT_GAPS)
    if checked:
        _write(f"narr-audit: valid: {', '.join(checked)}\n", None)


class SchemaName(str, Enum):
    residence = "residence"
    report = "report"
    organization = "organization"
    property = "property"
    organization_report = "organization-report"


@app.command(
    epilog="Examples:  narr-audit schema > residence.schema.json  |  narr-audit schema report > report.schema.json"
    "  |  narr-audit schema organization > organization.schema.json"
)
def schema(
    name: SchemaName = typer.Argument(
        SchemaName.residence,
        help="residence (residence.yaml, the default), report (check --format json), organization "
        "(organization.yaml), property (a property's residence.yaml) or organization-report.",
    ),
) -> None:
    """Print a JSON Schema: of residence.yaml (for editors that validate and autocomplete YAML), of
    organization.yaml or a property's residence.yaml, or of the JSON report (of a residence or an
    organization)."""
    from narr_audit import api

    printed = {
        SchemaName.residence: api.manifest_schema_json,
        SchemaName.report: api.report_schema_json,
        SchemaName.organization: api.organization_schema_json,
        SchemaName.property: api.property_schema_json,
        SchemaName.organization_report: api.organization_report_schema_json,
    }
    _write(printed[name](), None)


@app.command(
    epilog='Example:  narr-audit init ./harbor-house --level II --name "Harbor House" --operator "Harbor Recovery LLC"'
    '  |  narr-audit init ./lakeshore --organization --name "Lakeshore Recovery Homes LLC"'
    '  |  narr-audit init ./lakeshore/maple-house --level II --name "Maple House" (a property of it)'
)
@_user_errors
def init(
    folder: Path = typer.Argument(..., metavar="DIR", help="The new evidence folder."),
    level: str | None = typer.Option(
        None, "--level", "-l", metavar="LEVEL", help="Level of support: I, II, III or IV (not for --organization)."
    ),
    name: str = typer.Option(..., "--name", "-n", help="The residence's name (with --organization: the operator's)."),
    operator: str = typer.Option("Your organisation's legal name", "--operator", help="Who runs the residence."),
    address: str = typer.Option("Street, City, State ZIP", "--address", help="The property's address."),
    beds: int = typer.Option(1, "--beds", min=1, help="Number of resident beds."),
    affiliate: str | None = typer.Option(None, "--affiliate", help="Your state affiliate, e.g. AzRHA."),
    organization: bool = typer.Option(
        False,
        "--organization",
        help="Start an organization folder instead: organization.yaml for the evidence its properties share.",
    ),
) -> None:
    """Start an evidence folder: residence.yaml listing what the level needs, subfolders and a README.

    Inside an organization folder, the new folder is one of its properties (operator and affiliate come
    from organization.yaml). With --organization, start an organization folder. Never overwrites an
    existing file.
    """
    from narr_audit import api

    if organization:
        written = api.init_organization(folder, name=name, affiliate=affiliate)
        for path in written:
            _stderr(f"wrote {path}")
        _stderr(
            f"Next: add the shared documents, then a folder per property: "
            f'narr-audit init {folder / "maple-house"} --level II --name "Maple House"'
        )
        return
    if level is None:
        raise typer.BadParameter("a residence needs its level of support (I, II, III or IV)", param_hint="--level")
    chosen = _level(level)
    assert chosen is not None
    written = api.init_folder(
        folder, level=chosen, name=name, operator=operator, address=address, beds=beds, affiliate=affiliate
    )
    for path in written:
        _stderr(f"wrote {path}")
    unlisted = api.unlisted_property(folder)
    if unlisted is not None:
        _stderr(f"Next: list it under properties: in {unlisted[0]}:  - {unlisted[1]}")
    _stderr(f"Next: fill in residence.yaml, add your documents, then run: narr-audit validate {folder}")


class MapFormat(str, Enum):
    text = "text"
    json = "json"


@app.command(
    name="map",
    epilog="Examples:  narr-audit map ./evidence  |  narr-audit map ./evidence --write",
)
@_user_errors
def map_command(
    folder: Path = FolderArg,
    write: bool = typer.Option(False, "--write", help="Add the suggestions to residence.yaml (comments kept)."),
    min_score: float = typer.Option(
        0.75, "--min-score", min=0.0, max=1.0, help="Share of a rule's topics a document must cover (0-1)."
    ),
    fmt: MapFormat = typer.Option(MapFormat.text, "--format", "-f", help="text or json."),
    overlays: list[str] = StandardsOpt,
) -> None:
    """Suggest the rules each unmapped document evidences, with the terms that matched."""
    from narr_audit import api
    from narr_audit.formats import evidence as views

    found, written = api.map_folder(folder, overlays=overlays, min_score=min_score, write=write)
    _write(views.map_json(found, written) if fmt is MapFormat.json else views.map_text(found, written), None)


NoCacheOpt = typer.Option(False, "--no-cache", help="Read every document afresh; keep no extracted text.")
CacheDirOpt = typer.Option(
    None,
    "--cache-dir",
    metavar="DIR",
    help="Where extracted text is kept between runs (default: the user cache folder, or $NARR_AUDIT_CACHE_DIR).",
)


ReviewOpt = typer.Option(
    None,
    "--review",
    metavar="PATH",
    help="A reviewer's site-visit findings (review.yaml); default: review.yaml in the folder, if any.",
)


def _cache_dir(no_cache: bool, cache_dir: Path | None) -> Path | None:
    from narr_audit import api

    return api.cache_folder(no_cache=no_cache, cache_dir=cache_dir)


class FailOn(str, Enum):
    not_met = "not-met"
    partial = "partial"
    any = "any"
    none = "none"


@app.command(
    epilog=(
        "Examples:  narr-audit check ./evidence  |  narr-audit check ./evidence --format json --output report.json"
        "  |  narr-audit check ./evidence --fail-on not-met --fail-under 90.  "
        "Exit codes: 0 the --fail-on/--fail-under policy passes; 1 gaps fail it; 2 bad input or usage."
    )
)
@_user_errors
def check(
    folder: Path = FolderArg,
    level: str | None = typer.Option(
        None, "--level", "-l", metavar="LEVEL", help="Assess at this level instead of residence.yaml's."
    ),
    as_of: str | None = typer.Option(
        None, "--as-of", metavar="YYYY-MM-DD", help="Assessment date (default: assessed_on, else today)."
    ),
    fmt: str = typer.Option(
        "terminal",
        "--format",
        "-f",
        metavar="FORMAT",
        help="terminal, json, markdown, html, sarif, junit, github, action-plan or action-plan-csv.",
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report to this file."),
    template_dir: Path | None = typer.Option(
        None, "--template-dir", help="A folder of Jinja2 templates that override the shipped ones (branding)."
    ),
    fail_on: FailOn = typer.Option(
        FailOn.partial,
        "--fail-on",
        help="Exit 1 when a required rule is: not-met (or unreadable), partial (also partly met), "
        "any (also any warning); none never fails on gaps.",
    ),
    fail_under: float | None = typer.Option(
        None, "--fail-under", min=0, max=100, metavar="PERCENT", help="Exit 1 when the overall score is below this."
    ),
    overlays: list[str] = StandardsOpt,
    no_cache: bool = NoCacheOpt,
    cache_dir: Path | None = CacheDirOpt,
    review: Path | None = ReviewOpt,
    level_fit: bool = typer.Option(
        False, "--level-fit", help="Add which level of support the evidence supports (as `narr-audit level`)."
    ),
    jobs: int | None = typer.Option(
        None,
        "--jobs",
        "-j",
        min=1,
        help="Processes reading the documents (default: 2 on a machine of two cores or more; 1: one). "
        "The report is the same either way.",
    ),
) -> None:
    """Score an evidence folder against NARR 3.0 (and overlays) and list the gaps, most serious first.

    On an organization folder (organization.yaml): every property at its own level, the gaps of the
    shared evidence once with the properties they block, then each property's own; exit 2 when a
    property could not be read (the others are still reported)."""
    from narr_audit import api
    from narr_audit.formats.report import FORMATS, RenderOptions, render

    if fmt not in FORMATS:
        raise typer.BadParameter(f"'{fmt}' is not one of: {', '.join(FORMATS)}", param_hint="--format")
    if template_dir is not None and not template_dir.is_dir():
        raise NarrError.single("no such folder", file=template_dir, field="--template-dir")
    if output is not None:
        api.refuse_output_inside([folder, *api.organization_above(folder)], output, "--output")
    chosen_level, as_of_date = _level(level), _date_option(as_of, "--as-of")  # usage errors before any work
    api.read_photos_soon(folder, cache=_cache_dir(no_cache, cache_dir))  # Tesseract reads while the rest loads
    if api.is_organization(folder):
        if level_fit:
            raise NarrError.single(
                "--level-fit is for one residence; an organization's report does not carry it yet",
                file=folder,
                field="--level-fit",
                hint=f"run: narr-audit level {folder} (every property's level fit)",
            )
        _check_organization(folder, fmt, output, template_dir, fail_on, fail_under, review, level, as_of, overlays,
                            _cache_dir(no_cache, cache_dir))  # fmt: skip
        return
    report = api.audit(
        folder,
        level=chosen_level,
        as_of=as_of_date,
        overlays=overlays,
        cache=_cache_dir(no_cache, cache_dir),
        review=review,
        level_fit=level_fit,
        jobs=jobs,
    )
    colour = fmt == "terminal" and output is None and _is_terminal()
    width = shutil.get_terminal_size((100, 24)).columns if colour else 100
    _write(render(report, fmt, RenderOptions(colour=colour, width=width, template_dir=template_dir)), output)
    from narr_audit.results.scoring import exit_code

    code = exit_code(report, fail_on.value, fail_under)
    if code:
        raise typer.Exit(code)


def _check_organization(
    folder: Path,
    fmt: str,
    output: Path | None,
    template_dir: Path | None,
    fail_on: FailOn,
    fail_under: float | None,
    review: Path | None,
    level: str | None,
    as_of: str | None,
    overlays: list[str],
    cache: Path | None,
) -> None:
    """`check` on an organization folder: every property, the organization report, its exit code."""
    from narr_audit import api
    from narr_audit.formats.organization import render
    from narr_audit.formats.report import RenderOptions
    from narr_audit.results.organization import organization_exit_code

    if review is not None:
        raise NarrError.single(
            "--review gives one residence's site-visit findings; an organization has a review.yaml per property",
            file=review,
            field="--review",
            hint="put each property's review.yaml in its folder, or check the property alone with --review",
        )
    report = api.audit_organization(
        folder, level=_level(level), as_of=_date_option(as_of, "--as-of"), overlays=overlays, cache=cache
    )
    colour = fmt == "terminal" and output is None and _is_terminal()
    width = shutil.get_terminal_size((100, 24)).columns if colour else 100
    _write(render(report, fmt, RenderOptions(colour=colour, width=width, template_dir=template_dir)), output)
    code = organization_exit_code(report, fail_on.value, fail_under)
    if code:
        raise typer.Exit(code)


class DiffFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command(
    epilog=(
        "Examples:  narr-audit diff last-submission.json report.json  |  "
        "narr-audit diff old.json new.json --format markdown --output changes.md  |  "
        "narr-audit diff main.json branch.json --fail-on-regression.  "
        "Exit codes: 0 done; 1 with --fail-on-regression, something got worse; 2 bad input or usage."
    )
)
@_user_errors
def diff(
    old: Path = typer.Argument(..., metavar="OLD", help="The earlier JSON report (check --format json)."),
    new: Path = typer.Argument(..., metavar="NEW", help="The later JSON report."),
    fmt: DiffFormat = typer.Option(DiffFormat.text, "--format", "-f", help="text, markdown or json."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    fail_on_regression: bool = typer.Option(
        False,
        "--fail-on-regression",
        help="Exit 1 when something got worse: a rule newly failing or worse, an added rule not met, "
        "evidence expired in between, or a lower score.",
    ),
    template_dir: Path | None = typer.Option(
        None, "--template-dir", help="A folder whose diff.md.j2 overrides the shipped Markdown template."
    ),
) -> None:
    """What changed between two JSON reports: rules newly failing first, then fixed, changed, added or
    retired, and evidence that expired in between; with the score and verdict of each."""
    from narr_audit import api
    from narr_audit.formats import diff as diff_formats
    from narr_audit.results.comparison import regressed

    if template_dir is not None and not template_dir.is_dir():
        raise NarrError.single("no such folder", file=template_dir, field="--template-dir")
    comparison = api.diff_reports(old, new)
    _write(diff_formats.render(comparison, fmt.value, template_dir), output)
    if fail_on_regression and regressed(comparison):
        raise typer.Exit(EXIT_GAPS)


@app.command(
    epilog=(
        "Examples:  narr-audit batch ./applicants --out ./reports  |  "
        "narr-audit batch ./2026-q4 ./2027-q1 --out ./reports --format html --format sarif --jobs 2.  "
        "Exit codes: 0 every applicant passes the policy; 1 one or more fail it; 2 one or more could not be "
        "read, failed or ran out of time (the others are still reported), or bad usage; 130 interrupted "
        "(Ctrl-C: the summary of what was checked is written, marked incomplete)."
    )
)
@_user_errors
def batch(
    paths: list[Path] = typer.Argument(..., metavar="DIR...", help="Folders holding applicants' evidence folders."),
    out: Path = typer.Option(..., "--out", "-o", metavar="REPORTS_DIR", help="Where reports and the summary go."),
    formats: list[str] = typer.Option(
        ["html", "json"], "--format", "-f", metavar="FORMAT", help="Report format for each applicant; repeatable."
    ),
    summaries: list[str] = typer.Option(
        ["html", "csv", "markdown", "json"], "--summary", metavar="FORMAT", help="Summary formats; repeatable."
    ),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1, help="Applicants checked at once (default: CPUs)."),
    timeout: float = typer.Option(
        300.0,
        "--timeout",
        min=0.1,
        metavar="SECONDS",
        help="Stop checking an applicant after this long and report it as unreadable (default: 300).",
    ),
    level: str | None = typer.Option(None, "--level", "-l", metavar="LEVEL", help="Assess every applicant at it."),
    as_of: str | None = typer.Option(None, "--as-of", metavar="YYYY-MM-DD", help="Assessment date for all."),
    fail_on: FailOn = typer.Option(FailOn.partial, "--fail-on", help="not-met, partial, any or none (as check)."),
    fail_under: float | None = typer.Option(None, "--fail-under", min=0, max=100, metavar="PERCENT"),
    reviews: Path | None = typer.Option(
        None,
        "--review",
        metavar="DIR",
        help="A folder of reviewers' findings named <applicant folder>.yaml; default: review.yaml in each folder.",
    ),
    template_dir: Path | None = typer.Option(None, "--template-dir", help="Templates that override the shipped."),
    overlays: list[str] = StandardsOpt,
    no_cache: bool = NoCacheOpt,
    cache_dir: Path | None = CacheDirOpt,
) -> None:
    """Review many applicants at once: a report per applicant and a sortable summary."""
    from narr_audit.formats.report import FORMATS
    from narr_audit.formats.summary import SUMMARY_FORMATS
    from narr_audit.workflows import batch as batching

    # Hundreds of folders in one run (and in its workers): the cycle collector runs, at mypy's pace.
    gc.set_threshold(200_000, 30, 30)
    gc.enable()

    for name in formats:
        if name not in FORMATS:
            raise typer.BadParameter(f"'{name}' is not one of: {', '.join(FORMATS)}", param_hint="--format")
    for name in summaries:
        if name not in SUMMARY_FORMATS:
            raise typer.BadParameter(f"'{name}' is not one of: {', '.join(SUMMARY_FORMATS)}", param_hint="--summary")
    for folder, flag in ((reviews, "--review"), (template_dir, "--template-dir")):
        try:
            missing = folder is not None and not folder.is_dir()
        except OSError as exc:  # a name too long for the file system
            raise NarrError.single(f"cannot open this folder ({exc.strerror})", file=folder, field=flag) from None
        if missing:
            raise NarrError.single("no such folder", file=folder, field=flag)
    folders = batching.discover(paths)
    if not folders:
        raise NarrError.single(
            "no applicant found: no folder here holds a residence.yaml",
            file=", ".join(str(p) for p in paths),
            hint="give the folders that contain the applicants' evidence folders",
        )
    from narr_audit import api

    api.refuse_output_inside(folders, out, "--out")
    batching.refuse_reports_inside(folders, out)
    cache = _cache_dir(no_cache, cache_dir)
    if cache is not None:
        # One applicant's folder must not receive the text extracted from the others' documents.
        api.refuse_output_inside(folders, cache, "--cache-dir" if cache_dir else "NARR_AUDIT_CACHE_DIR")
    options = batching.Options(
        formats=tuple(dict.fromkeys(formats)),
        level=_level(level),
        as_of=_date_option(as_of, "--as-of"),
        overlays=tuple(overlays),
        today=date.today(),
        cache=cache,
        reviews=reviews,
        fail_on=fail_on.value,
        fail_under=fail_under,
        template_dir=template_dir,
    )
    summary_formats = list(dict.fromkeys(summaries))
    try:
        with _progress(len(folders)) as advance:
            rows = batching.run(folders, options, out, jobs=jobs, on_done=advance, timeout=timeout)
    except batching.BatchInterruptedError as stop:
        partial = batching.summarize(stop.rows, options, stop.not_checked)
        batching.write_summary(partial, out, summary_formats, template_dir)
        _stderr(
            f"narr-audit: interrupted: {len(folders) - len(stop.not_checked)} of {len(folders)} applicant(s) checked; "
            f"the summary in {out} is marked incomplete"
        )
        raise typer.Exit(130) from None
    summary = batching.summarize(rows, options)
    batching.write_summary(summary, out, summary_formats, template_dir)
    t = summary.totals
    _stderr(
        f"{t.applicants} applicant(s): {t.ready} ready, {t.not_ready} not ready, {t.unreadable} could not be read; "
        f"{t.failed_policy} fail the policy. Summary: {out / 'summary.html'}"
    )
    for row in summary.applicants:
        if row.verdict == "unreadable":
            _stderr(f"could not read {row.folder}:\n" + "\n".join("  " + p for p in row.problems))
    code = batching.batch_exit_code(summary)
    if code:
        raise typer.Exit(code)


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[Any], None]]:
    """A progress bar on a terminal's stderr; silence when piped (CI logs stay clean).

    It is redrawn as each applicant finishes, not by a thread of its own: the batch forks worker
    processes, and forking while another thread holds a lock can hang the child.
    """
    if sys.stderr is None or not sys.stderr.isatty() or "NO_COLOR" in os.environ:
        yield lambda _done: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("checking applicants"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        transient=True,
        auto_refresh=False,
    ) as bar:
        task = bar.add_task("batch", total=total)

        def advance(_done: Any) -> None:
            bar.advance(task)
            bar.refresh()

        yield advance


class VisitFormat(str, Enum):
    markdown = "markdown"
    html = "html"
    review_yaml = "review-yaml"


@app.command(
    name="visit-checklist",
    epilog=(
        "Examples:  narr-audit visit-checklist ./applicant --format html --output visit.html  |  "
        "narr-audit visit-checklist ./applicant --format review-yaml --output review.yaml"
    ),
)
@_user_errors
def visit_checklist_command(
    folder: Path = FolderArg,
    fmt: VisitFormat = typer.Option(
        VisitFormat.markdown,
        "--format",
        "-f",
        help="markdown, html (printable) or review-yaml (a findings file to fill).",
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    level: str | None = LevelOpt,
    template_dir: Path | None = typer.Option(
        None, "--template-dir", help="A folder of Jinja2 templates that override the shipped ones."
    ),
    overlays: list[str] = StandardsOpt,
) -> None:
    """A printable per-property checklist of only the rules that need a site visit or interview."""
    from narr_audit import api

    if template_dir is not None and not template_dir.is_dir():
        raise NarrError.single("no such folder", file=template_dir, field="--template-dir")
    if output is not None:
        api.refuse_output_inside([folder], output, "--output")
    text = api.visit_checklist(folder, fmt=fmt.value, level=_level(level), overlays=overlays, template_dir=template_dir)
    _write(text, output)


@app.command(
    epilog=(
        "Examples:  narr-audit pack ./harbor-house --out ../harbor-house-application.zip  |  "
        "narr-audit pack ./harbor-house --out ../application.zip --profile missouri  |  "
        "narr-audit pack ./house --out ../app.zip --profile my-affiliate.yaml --include logs/intake.csv.  "
        "Shipped profiles: generic, michigan, missouri, oklahoma.  "
        "Exit codes: 0 the pack was written; 2 something stops it (each file and what to do are listed)."
    )
)
@_user_errors
def pack(
    folder: Path = FolderArg,
    out: Path = typer.Option(..., "--out", "-o", metavar="APPLICATION.zip", help="The zip to write (outside DIR)."),
    profile: str = typer.Option(
        "generic", "--profile", "-p", metavar="NAME|PATH", help="The affiliate's format: a shipped id or a YAML file."
    ),
    include: list[str] = typer.Option(
        [],
        "--include",
        metavar="FILE",
        help="Pack this file although the privacy guard found resident data in it (recorded in the manifest). "
        "Repeatable.",
    ),
    level: str | None = LevelOpt,
    as_of: str | None = typer.Option(
        None, "--as-of", metavar="YYYY-MM-DD", help="Assessment date (default: assessed_on, else today)."
    ),
    overlays: list[str] = StandardsOpt,
    no_cache: bool = NoCacheOpt,
    cache_dir: Path | None = CacheDirOpt,
) -> None:
    """Write the application: evidence named as the affiliate asks, the gap report, an index, the
    attestations and a manifest sealing every file, after the privacy guard has checked each file."""
    from narr_audit import api
    from narr_audit.formats import pack as views

    api.refuse_output_inside([folder], out, "--out")
    cache = _cache_dir(no_cache, cache_dir)
    if cache is not None:
        api.refuse_output_inside([folder], cache, "--cache-dir" if cache_dir else "NARR_AUDIT_CACHE_DIR")
    packed = api.pack_folder(
        folder,
        out,
        profile=profile,
        include=include,
        level=_level(level),
        as_of=_date_option(as_of, "--as-of"),
        overlays=overlays,
        cache=cache,
    )
    if packed.warnings:
        _stderr("narr-audit: warnings\n" + "\n".join(p.render() for p in packed.warnings))
    _stderr(views.pack_text(packed.manifest, str(out)))


class VerifyFormat(str, Enum):
    text = "text"
    json = "json"


@app.command(
    name="verify-pack",
    epilog=(
        "Examples:  narr-audit verify-pack application.zip  |  "
        "narr-audit verify-pack application.zip --profile missouri --format json.  "
        "Exit codes: 0 the pack holds; 1 it does not (the differences are listed); 2 the file is not a pack, "
        "or is unsafe to open (a zip bomb, an entry leading out of it)."
    ),
)
@_user_errors
def verify_pack_command(
    pack_file: Path = typer.Argument(..., metavar="APPLICATION.zip", help="The pack narr-audit pack wrote."),
    profile: str | None = typer.Option(
        None,
        "--profile",
        "-p",
        metavar="NAME|PATH",
        help="Check the limits of this profile (default: the profile the pack carries).",
    ),
    fmt: VerifyFormat = typer.Option(VerifyFormat.text, "--format", "-f", help="text or json."),
) -> None:
    """For certifying bodies: every file matches manifest.json, nothing is added or missing, the
    profile's limits hold, and the evidence re-checks to the verdict and score of the report inside."""
    from narr_audit import api
    from narr_audit.formats import pack as views

    verification = api.verify_pack(pack_file, profile=profile)
    if fmt is VerifyFormat.json:
        _write(views.verification_json(verification), None)
    else:
        _write(views.verification_text(verification), None)
    if not verification.holds:
        raise typer.Exit(EXIT_GAPS)


class PrivacyFormat(str, Enum):
    text = "text"
    json = "json"


@app.command(
    epilog=(
        "Examples:  narr-audit privacy ./harbor-house  |  "
        "narr-audit privacy ./harbor-house --redact-to ../redacted  |  "
        "narr-audit privacy ./harbor-house --format json.  "
        "Exit codes: 0 no resident data found; 1 resident data found; 2 bad input or usage."
    )
)
@_user_errors
def privacy(
    folder: Path = FolderArg,
    redact_to: Path | None = typer.Option(
        None,
        "--redact-to",
        metavar="OUT",
        help="Write redacted copies of the logs with findings into OUT (outside DIR); DIR is left untouched.",
    ),
    fmt: PrivacyFormat = typer.Option(PrivacyFormat.text, "--format", "-f", help="text or json."),
    no_cache: bool = NoCacheOpt,
    cache_dir: Path | None = CacheDirOpt,
) -> None:
    """Find resident data (names, phone numbers, dates of birth, e-mail addresses, SSNs, insurance ids,
    drug-test results) in logs, documents and scans; show where, masked, never the value."""
    from narr_audit import api
    from narr_audit.formats import pack as views

    if redact_to is not None:
        api.refuse_output_inside([folder], redact_to, "--redact-to")
    cache = _cache_dir(no_cache, cache_dir)
    if cache is not None:
        api.refuse_output_inside([folder], cache, "--cache-dir" if cache_dir else "NARR_AUDIT_CACHE_DIR")
    scan = api.privacy_scan(folder, cache=cache)
    written: list[str] = []
    by_hand: list[Any] = []
    if redact_to is not None and scan.findings:
        redacted = api.redact_logs(folder, redact_to, scan)
        written, by_hand = redacted.written, redacted.by_hand
    if fmt is PrivacyFormat.json:
        _write(views.privacy_json(scan, written, by_hand), None)
    else:
        _write(views.privacy_text(scan, written, by_hand), None)
    if scan.findings:
        raise typer.Exit(EXIT_GAPS)


class DueFormat(str, Enum):
    terminal = "terminal"
    markdown = "markdown"
    json = "json"
    csv = "csv"
    ics = "ics"


@app.command(
    epilog=(
        "Examples:  narr-audit due ./harbor-house  |  narr-audit due ./harbor-house --within 30  |  "
        "narr-audit due ./harbor-house --format ics --output ../harbor-house-due.ics (import it into a calendar; "
        "importing it again updates the events)."
    )
)
@_user_errors
def due(
    folder: Path = FolderArg,
    within: int = typer.Option(
        90, "--within", "-w", min=0, max=3660, metavar="DAYS", help="The window after the as-of date (default: 90)."
    ),
    as_of: str | None = typer.Option(
        None, "--as-of", metavar="YYYY-MM-DD", help="Count from this date (default: assessed_on, else today)."
    ),
    fmt: DueFormat = typer.Option(
        DueFormat.terminal, "--format", "-f", help="terminal, markdown, json, csv or ics (iCalendar)."
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    level: str | None = LevelOpt,
    overlays: list[str] = StandardsOpt,
    no_cache: bool = NoCacheOpt,
    cache_dir: Path | None = CacheDirOpt,
) -> None:
    """Everything that expires or falls due within DAYS, soonest first (overdue items lead): documents,
    exceptions, attestations, the next entry each log needs, staff items per person, plan items. On an
    organization folder: each property's, and what falls due in the shared files once."""
    from narr_audit import api
    from narr_audit.formats.due import render

    if output is not None:
        api.refuse_output_inside([folder], output, "--output")
    listed = api.due_list(
        [folder],
        within=within,
        as_of=_date_option(as_of, "--as-of"),
        overlays=overlays,
        level=_level(level),
        cache=_cache_dir(no_cache, cache_dir),
    )
    text = render(listed, fmt.value)
    if fmt is DueFormat.ics and output is None:
        # CRLF line ends are the format's own, and every value in it is already escaped: written as bytes.
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        return
    _write(text, output)


@app.command(
    epilog=(
        "Examples:  narr-audit plan ./harbor-house  |  narr-audit plan ./harbor-house --review visit.yaml.  "
        "Then edit owners, due dates and statuses in plan.yaml; `narr-audit check` reports its progress.  "
        "Exit codes: 0 plan.yaml is up to date; 2 bad input, or plan.yaml cannot be written."
    )
)
@_user_errors
def plan(
    folder: Path = FolderArg,
    level: str | None = typer.Option(
        None, "--level", "-l", metavar="LEVEL", help="Assess at this level instead of residence.yaml's."
    ),
    as_of: str | None = typer.Option(
        None, "--as-of", metavar="YYYY-MM-DD", help="Assessment date (default: assessed_on, else today)."
    ),
    overlays: list[str] = StandardsOpt,
    no_cache: bool = NoCacheOpt,
    cache_dir: Path | None = CacheDirOpt,
    review: Path | None = ReviewOpt,
) -> None:
    """Write or update plan.yaml, the corrective action plan, beside residence.yaml from the current gaps.

    Each new gap gets the rule, what is missing, an owner (a role), a due date (the affiliate's deadline
    from its overlay, else 30 days after the site visit or the assessment) and status open. Running it
    again keeps your edits and comments, adds new gaps and marks items whose gap is gone as done.
    """
    from narr_audit import api

    done = api.plan_folder(
        folder,
        level=_level(level),
        as_of=_date_option(as_of, "--as-of"),
        overlays=overlays,
        cache=_cache_dir(no_cache, cache_dir),
        review=review,
    )
    counts = f"{len(done.added)} new item(s), {len(done.closed)} marked done, {len(done.kept)} kept"
    if done.created or done.added or done.closed:
        lines = [f"{'wrote' if done.created else 'updated'} {folder / done.file}: {counts}"]
    else:
        lines = [f"{folder / done.file} is up to date: {counts}"]
    if done.added:
        lines.append(f"new: {', '.join(done.added)} (due {done.due}: {done.deadline_days} days after "
                     f"{done.counted_from})")  # fmt: skip
    if done.closed:
        lines.append(f"marked done (their gaps are gone): {', '.join(done.closed)}")
    lines.append(f"Next: set owners and due dates in {done.file}; narr-audit check {folder} shows its progress.")
    _write("\n".join(lines) + "\n", None)


class LevelFormat(str, Enum):
    terminal = "terminal"
    markdown = "markdown"
    json = "json"


@app.command(
    epilog=(
        "Examples:  narr-audit level ./harbor-house  |  narr-audit level ./harbor-house --format json  |  "
        "narr-audit level ./harbor-organization (every property).  "
        "Exit codes: 0 the claimed level is fully supported (every property's, for an organization); 1 it is "
        "not; 2 bad input or usage, or a property that cannot be read."
    )
)
@_user_errors
def level(
    folder: Path = FolderArg,
    claimed: str | None = typer.Option(
        None, "--level", "-l", metavar="LEVEL", help="Measure against this level instead of residence.yaml's."
    ),
    as_of: str | None = typer.Option(
        None, "--as-of", metavar="YYYY-MM-DD", help="Assessment date (default: assessed_on, else today)."
    ),
    fmt: LevelFormat = typer.Option(LevelFormat.terminal, "--format", "-f", help="terminal, markdown or json."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    overlays: list[str] = StandardsOpt,
    no_cache: bool = NoCacheOpt,
    cache_dir: Path | None = CacheDirOpt,
    review: Path | None = ReviewOpt,
) -> None:
    """Which level of support the evidence supports: for each of Levels I-IV, how many of its required
    rules are met; the highest level fully supported; the claimed level's gaps; and what the next
    level up would add (the rules it newly requires, and which are met already)."""
    from narr_audit import api
    from narr_audit.formats.levelfit import render
    from narr_audit.results.levelfit import exit_code

    if output is not None:
        api.refuse_output_inside([folder, *api.organization_above(folder)], output, "--output")
    fits = api.level_fit(
        folder,
        level=_level(claimed),
        as_of=_date_option(as_of, "--as-of"),
        overlays=overlays,
        cache=_cache_dir(no_cache, cache_dir),
        review=review,
    )
    _write(render(fits, fmt.value, colour=fmt is LevelFormat.terminal and output is None and _is_terminal()), output)
    code = exit_code(fits)
    if code:
        raise typer.Exit(code)


def _is_terminal() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


class _ClosedOutput(io.RawIOBase):
    """Stands in for stdout when the process was started without one (`narr-audit ... >&-`)."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


# Writing the output can fail for reasons outside narr-audit: the reader went away (`| head`), the
# disk is full (`> /dev/full`), there is no standard output at all.
_OUTPUT_ERRORS = {getattr(errno, name, -1) for name in ("EPIPE", "EBADF", "ENOSPC", "EDQUOT", "EFBIG")}


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's own flush at exit cannot fail a second time."""
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _say(text: str) -> None:
    """A last message on stderr, which may itself be gone."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        _stderr(text)


def app_for(args: Sequence[str]) -> typer.Typer:
    """The app holding only the command that ``args`` name: typer builds every command an app holds
    before it runs one, so a run that names its command pays for that command only. Anything else
    (no command, --help, --version, a mistyped name) gets the whole app, with its lists and hints."""
    name = args[0] if args else ""
    chosen = [
        command
        for command in app.registered_commands
        if command.callback is not None
        and (command.name or typer.main.get_command_name(command.callback.__name__)) == name
    ]
    if len(chosen) != 1:
        return app
    slim = copy.copy(app)
    slim.registered_commands = chosen
    return slim


def main() -> None:
    """Console entry point; an unexpected exception is reported in one line, not a traceback.

    Exit codes beyond the commands' own: 2 when the output cannot be written (closed, disk full),
    130 on Ctrl-C, 3 on a bug.
    """
    if sys.stdout is None:
        sys.stdout = io.TextIOWrapper(_ClosedOutput(), encoding="utf-8")
    # A run builds many objects that live until it ends (the rulebook, the documents' analyses), and
    # the cycle collector walks them all again and again: a third of a check's time, to free almost
    # nothing (reference counting frees the rest). A command reads one folder and ends, so it runs
    # without it (batch, which reads hundreds, turns it back on), and the process leaves its objects
    # to the system instead of walking them one last time on the way out.
    gc.disable()
    # pydantic looks for plugins (every installed package's entry points) when it builds its first
    # validator: milliseconds of every command's start, for plugins narr-audit never uses. Typer turns
    # them off for its own validators the same way; a setting of the user's own is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    try:
        try:
            app_for(sys.argv[1:])()
        finally:
            gc.freeze()
            sys.stdout.flush()  # here, not at exit, so a failed write is reported like any other
    except SystemExit as exc:
        if type(sys.stdout).__name__ == "PacifyFlushWrapper":  # click met a closed pipe and exits 1 silently
            _output_failed(BrokenPipeError(errno.EPIPE, "Broken pipe"))
        if interrupted(exc):  # typer turns Ctrl-C into a silent exit 130
            _say("narr-audit: interrupted")
        raise
    except KeyboardInterrupt:
        _say("narr-audit: interrupted")
        sys.exit(130)
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG and exc.filename:  # a path given on the command line
            _say(f"narr-audit: error\n{exc.filename}: the name is too long for the file system")
            sys.exit(EXIT_USAGE)
        if exc.errno not in _OUTPUT_ERRORS:
            _internal(exc)
        _output_failed(exc)
    except Exception as exc:  # the last line of defence against tracebacks
        _internal(exc)


def interrupted(exc: BaseException) -> bool:
    """Whether ``exc`` ends a run that Ctrl-C stopped: a KeyboardInterrupt somewhere in its chain
    (typer turns one into exit 130 without a word; batch says its own and leaves none in the chain)."""
    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        if isinstance(current, KeyboardInterrupt):
            return True
        seen.add(id(current))
        stack.append(current.__cause__)
        if not current.__suppress_context__:  # "raise ... from None": what it was raised in is over
            stack.append(current.__context__)
    return False


def _output_failed(exc: OSError) -> NoReturn:
    _quiet_stdout()
    what = "it was closed before everything was written" if exc.errno == errno.EPIPE else exc.strerror
    _say(f"narr-audit: error: cannot write the output ({what})")
    sys.exit(EXIT_USAGE)


def _internal(exc: Exception) -> NoReturn:
    if os.environ.get("NARR_AUDIT_DEBUG"):
        raise exc
    _say(
        f"narr-audit: internal error: {type(exc).__name__}: {exc}\n"
        "This is a bug in narr-audit. Set NARR_AUDIT_DEBUG=1 to see details, and please report it."
    )
    sys.exit(EXIT_INTERNAL)
