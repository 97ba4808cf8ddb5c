"""Warm batch speed (issue 18): what a worker repeats for every applicant is kept small, and what it
leaves behind is freed at once, with the same reports as before.

- A rendered report leaves no reference cycle behind: the template's macros close over its context,
  which held the whole report and its views until the cycle collector ran (a long pause every few
  dozen applicants).
- Report folder names are worked out with set look-ups, so hundreds of applicants stay cheap, and
  still never lead into an evidence folder.
- The compiled Standard's stamp is read with plain os calls, and still changes with any file of the
  Standard or its vocabulary that the loader reads.
"""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from narr_audit.api import audit
from narr_audit.base.resources import standards_dir
from narr_audit.formats.report import RenderOptions, render
from narr_audit.formats.templating import render as render_template
from narr_audit.standards import compiled
from narr_audit.workflows import batch

REPO = Path(__file__).resolve().parent.parent
HARBOR = REPO / "examples" / "level-2-monitored"


@pytest.fixture
def no_cycle_collector() -> Iterator[None]:
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@pytest.mark.usefixtures("no_cycle_collector")
def test_rendering_reports_leaves_no_cycles_holding_the_report() -> None:
    report = audit(HARBOR, today=date(2026, 11, 1))
    first = render(report, "html", RenderOptions())
    gc.collect()
    for _ in range(3):
        assert render(report, "html", RenderOptions()) == first
    left = gc.collect()
    # Before: each HTML report left thousands of objects (the report's views) in a cycle.
    assert left < 100, f"{left} objects were left for the cycle collector by three rendered reports"


def test_an_emptied_context_does_not_change_what_a_template_prints(tmp_path: Path) -> None:
    (tmp_path / "page.md.j2").write_text(
        "{% macro item(x) %}- {{ x }}{% endmacro %}{% for x in xs %}{{ item(x) }}\n{% endfor %}{{ title }}\n",
        encoding="utf-8",
    )
    text = render_template("page.md.j2", tmp_path, xs=["a", "b"], title="T")
    assert text == "- a\n- b\nT\n"
    assert render_template("page.md.j2", tmp_path, xs=["c"], title="U") == "- c\nU\n"  # nothing kept between


def test_a_broken_template_still_names_its_file_and_line(tmp_path: Path) -> None:
    from narr_audit.base.errors import NarrError

    (tmp_path / "broken.md.j2").write_text("line one\n{{ missing.attribute }}\n", encoding="utf-8")
    with pytest.raises(NarrError) as caught:
        render_template("broken.md.j2", tmp_path)
    (problem,) = caught.value.problems
    assert problem.file is not None and problem.file.endswith("broken.md.j2") and problem.line == 2


def test_report_folders_of_many_applicants_are_unique_and_outside_every_evidence_folder(tmp_path: Path) -> None:
    folders = []
    for n in range(300):
        folder = tmp_path / "applicants" / ("House" if n % 2 else "house") / f"h{n // 2}"
        folder.mkdir(parents=True)
        (folder / "residence.yaml").write_text("residence: {}\n", encoding="utf-8")
        folders.append(folder)
    names = batch.slugs(folders, tmp_path / "reports")
    assert len({name.lower() for name in names.values()}) == 300
    inside = folders[7] / "reports"
    with pytest.raises(Exception, match="inside an evidence folder"):
        batch.slugs(folders, inside)


def test_the_stamp_follows_the_files_as_glob_lists_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    standards = tmp_path / "standards"
    shutil.copytree(standards_dir(), standards)
    monkeypatch.setattr(compiled, "standards_dir", lambda: standards)
    before = compiled.stamp(["azrha"])
    (standards / "vocabulary" / "notes.txt").write_text("not YAML\n", encoding="utf-8")  # never read
    assert compiled.stamp(["azrha"]) == before
    hidden = standards / "vocabulary" / ".hidden.yaml"  # read by the loader, as Path.glob lists it
    hidden.write_text("x: [y]\n", encoding="utf-8")
    assert compiled.stamp(["azrha"]) != before
    hidden.unlink()
    added = standards / "vocabulary" / "zz-extra.yaml"
    added.write_text("extra: [word]\n", encoding="utf-8")
    with_file = compiled.stamp(["azrha"])
    assert with_file != before
    # A file of the Standard that is a link counts as what it leads to: a new target is a new stamp.
    target = tmp_path / "elsewhere.yaml"
    target.write_text("extra: [other words]\n", encoding="utf-8")
    added.unlink()
    added.symlink_to(target)
    assert compiled.stamp(["azrha"]) not in (before, with_file)
    added.unlink()
    assert compiled.stamp(["azrha"]) == before
