"""Records know their kind: a detector log is not a drill log, a combined log counts each kind on its own
rows, and a record of the right kind not mapped to the rule is found in the binder with how to map it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from narr_audit.api import audit
from narr_audit.base.statuses import Status
from narr_audit.checks.log import LogCheck, evaluate
from narr_audit.checks.record_kinds import kind_index
from narr_audit.formats.report import FORMATS, render
from narr_audit.standards.loader import load_rulebook
from tests.test_records import ASSESSED, DRILLS, HOUSE_MEETINGS, RESIDENT, VOCABULARY, context, judged, load

from .folders import make_folder

DRILL_CHECK = LogCheck(label="Fire drill log", max_gap_days=100, record="fire_drill")
DETECTOR_CHECK = LogCheck(label="Detector and extinguisher checks", max_gap_days=35, record="detector_check")
INPUT = "1.C.7.e"  # residents are heard in how the house is run

DETECTOR_LOG = "date,checked_by,smoke_alarms_tested,co_alarms_tested,extinguishers\n" + "".join(
    f"2026-{month:02d}-03,R-04 (safety officer),7,3,charged\n" for month in range(1, 11)
)


def test_a_detector_log_never_counts_as_a_drill_log(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "binder",
        files={"logs/detector-checks.csv": DETECTOR_LOG},
        evidence=[{"file": "logs/detector-checks.csv", "rules": [DRILLS]}],
    )
    drills = judged(folder, DRILLS, DRILL_CHECK)
    assert drills.status == Status.not_met
    assert drills.reason == (
        "no record is mapped to 2.F.17.c that shows fire drills: logs/detector-checks.csv is a record of "
        "detector checks, not of fire drills"
    )
    assert [e.file for e in drills.evidence] == ["logs/detector-checks.csv"]
    assert judged(folder, DRILLS, DETECTOR_CHECK).status == Status.met


def test_without_a_kind_the_mapped_logs_are_read_as_before(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "binder",
        files={"logs/detector-checks.csv": DETECTOR_LOG},
        evidence=[{"file": "logs/detector-checks.csv", "rules": [DRILLS]}],
    )
    legacy = LogCheck(label="Fire drill log", max_gap_days=100)
    assert judged(folder, DRILLS, legacy).reason == "logs/detector-checks.csv: 10 dated entries, the last on 2026-10-03"


def combined(tmp_path: Path, log: str, name: str = "logs/safety-log.csv") -> Path:
    return make_folder(tmp_path / "binder", files={name: log}, evidence=[{"file": name, "rules": [DRILLS]}])


def test_a_combined_log_with_a_type_column_counts_each_kind_on_its_own_rows(tmp_path: Path) -> None:
    # Detector checks every month; the last drill in March: a busy log must not hide the stale drills.
    rows = [(f"2026-{m:02d}-03", "Detector and extinguisher check", "all working") for m in range(1, 11)]
    rows += [("2026-01-20", "Fire drill", "out in 2 min"), ("2026-03-17", "Evacuation drill (night)", "out in 3 min")]
    log = "date,type,notes\n" + "".join(f"{d},{t},{n}\n" for d, t, n in sorted(rows))
    folder = combined(tmp_path, log)
    drills = judged(folder, DRILLS, DRILL_CHECK)
    assert drills.status == Status.not_met
    assert drills.reason == (
        "logs/safety-log.csv (its fire drills): no entry since 2026-03-17 "
        "(229 days before the assessment date; at most 100 days allowed)"
    )
    assert drills.evidence[0].where == "rows 3 and 6"  # the drill rows, not the whole log
    detectors = judged(folder, DRILLS, DETECTOR_CHECK)
    assert detectors.status == Status.met
    assert detectors.reason == "logs/safety-log.csv (its detector checks): 10 dated entries, the last on 2026-10-03"


def test_rows_that_name_their_kind_split_a_combined_log_without_a_type_column(tmp_path: Path) -> None:
    log = (
        "date,notes\n2026-08-04,Smoke alarms tested; all working\n2026-09-01,Fire drill; all out in 2 minutes\n"
        "2026-09-03,Smoke alarms tested; hall battery replaced\n2026-10-02,CO alarm and extinguishers checked\n"
    )
    folder = combined(tmp_path, log, "logs/drills-and-detector-checks.csv")
    drills = judged(folder, DRILLS, DRILL_CHECK)
    assert drills.status == Status.met
    assert (
        drills.reason
        == "logs/drills-and-detector-checks.csv (its fire drills): 1 dated entries, the last on 2026-09-01"
    )


def test_a_combined_log_whose_rows_do_not_say_which_is_not_a_drill_log(tmp_path: Path) -> None:
    log = "date,by,notes\n" + "".join(f"2026-{m:02d}-05,R-04,ok\n" for m in range(1, 11))
    folder = combined(tmp_path, log, "logs/drills-and-detector-checks.csv")
    for check in (DRILL_CHECK, DETECTOR_CHECK):
        outcome = judged(folder, DRILLS, check)
        assert outcome.status == Status.not_met
        assert "logs/drills-and-detector-checks.csv records detector checks and fire drills, but its entries " in (
            outcome.reason
        )
        assert "do not say which is which (a 'type' column, or the kind named in each entry, would)" in outcome.reason


def test_a_log_that_says_nothing_of_its_kind_counts_where_the_operator_mapped_it(tmp_path: Path) -> None:
    log = "date,by\n" + "".join(f"2026-{m:02d}-12,R-04\n" for m in (2, 5, 8))
    folder = make_folder(
        tmp_path / "binder",
        files={"log.csv": log, "other/log.csv": log},
        evidence=[{"file": "log.csv", "rules": [DRILLS]}],
    )
    outcome = judged(folder, DRILLS, DRILL_CHECK)
    assert outcome.status == Status.met
    assert outcome.reason == "log.csv: 3 dated entries, the last on 2026-08-12"  # other/log.csv is never looked at
    unmapped = make_folder(tmp_path / "unmapped", files={"log.csv": log})
    assert judged(unmapped, DRILLS, DRILL_CHECK).reason == (
        "no record is mapped to 2.F.17.c that shows fire drills; none of the binder's other files is a record of "
        "fire drills either"
    )


def test_a_house_meeting_log_of_another_rule_serves_the_resident_input_rule(tmp_path: Path) -> None:
    meetings = "date,chair,residents_present\n" + "".join(f"2026-10-{d:02d},R-02,7\n" for d in (4, 11, 18, 25))
    folder = make_folder(
        tmp_path / "binder",
        files={"logs/house-meetings.csv": meetings},
        evidence=[{"file": "logs/house-meetings.csv", "rules": [HOUSE_MEETINGS]}],
    )
    check = LogCheck(label="Resident suggestions", max_gap_days=92, record="resident_input")
    outcome = judged(folder, INPUT, check)
    assert outcome.status == Status.met
    assert outcome.reason == (
        "found in logs/house-meetings.csv, not mapped to 1.C.7.e (to map it, add 1.C.7.e to its entry in "
        "residence.yaml: rules: [3.I.27.e, 1.C.7.e]): 4 dated entries, the last on 2026-10-25"
    )
    (ref,) = outcome.evidence
    assert ref.unmapped and ref.file == "logs/house-meetings.csv"


def test_the_longer_phrasing_decides_the_kind() -> None:
    index = kind_index(VOCABULARY)
    assert index.kinds("neighbor-complaints") == {"neighbor_concern"}
    assert index.kinds("grievance log") == {"grievance"}
    assert index.kinds("naloxone training") == {"training"}
    assert index.kinds("naloxone checks") == {"naloxone_check"}
    assert index.kinds("fire drills evacuation minutes") == {"fire_drill"}
    assert index.kinds("smoke_alarms_tested co_alarms_tested") == {"detector_check"}
    assert index.kinds("Fire drills and detector checks") == {"fire_drill", "detector_check"}
    assert kind_index(None).kinds("neighbor-complaints") == {"neighbor_concern"}  # the shipped file itself


def test_a_drill_log_not_mapped_is_found_and_shown_apart_in_the_report(tmp_path: Path) -> None:
    """End to end, with the shipped rules: the detector log is mapped to the safety rule, the drill log
    is not; the report cites the drill log as found elsewhere, and no row's words reach any format."""
    book = load_rulebook()
    (rule,) = {r.id for r in book.rules() for c in r.checks() if isinstance(c, LogCheck) and c.record == "fire_drill"}
    drills = "date,led_by,scenario\n" + "".join(f"2026-{m:02d}-15,{RESIDENT},Kitchen fire\n" for m in (2, 5, 8))
    folder = make_folder(
        tmp_path / "binder",
        files={"logs/detector-checks.csv": DETECTOR_LOG, "logs/fire-drills.csv": drills},
        evidence=[{"file": "logs/detector-checks.csv", "rules": [rule]}],
    )
    report = audit(folder, today=ASSESSED)
    (result,) = [r for r in report.results if r.id == rule]
    (drill,) = [c for c in result.checks if c.kind == "log" and "drill" in c.label.lower()]
    assert drill.status == Status.met, drill.reason
    assert drill.reason.startswith(f"found in logs/fire-drills.csv, not mapped to {rule}")
    assert drill.reason.endswith("; logs/detector-checks.csv is a record of detector checks, not of fire drills")
    assert [(e.file, e.unmapped) for e in drill.evidence] == [("logs/fire-drills.csv", True)]
    for name in FORMATS:
        assert RESIDENT not in render(report, name), name
    assert RESIDENT not in json.dumps(report.model_dump(mode="json"))


def test_every_kind_is_named_by_its_own_words() -> None:
    """The kinds' phrasings are the rulebook's vocabulary: every kind has some, and they compile."""
    index = kind_index(VOCABULARY)
    for kind in ("house_meeting", "fire_drill", "detector_check", "training", "social_event", "grievance"):
        assert kind in index.kinds(kind.replace("_", " ") + "s"), kind


def test_a_mapped_record_is_judged_by_the_assessment_date(tmp_path: Path) -> None:
    log = "date,type\n2026-10-20,Fire drill\n2026-12-01,Fire drill\n"
    folder = combined(tmp_path, log, "logs/fire-drills.csv")
    evidence = load(folder)
    outcome = evaluate(DRILL_CHECK, context(evidence, DRILLS))
    assert outcome.reason == "logs/fire-drills.csv: 1 dated entries, the last on 2026-10-20"
    assert evidence.assessed_on == date(2026, 11, 1)
