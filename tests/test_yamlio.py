"""The strict YAML reader: every bad file ends in a message naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from narr_audit.base.errors import NarrError
from narr_audit.base.yamlio import read_yaml


def write(tmp_path: Path, text: str | bytes, name: str = "f.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(NarrError) as info:
        read_yaml(path)
    return info.value.render()


def test_reads_mapping_and_keeps_lines(tmp_path: Path) -> None:
    doc = read_yaml(write(tmp_path, "a: 1\nb:\n  - x: 2\n    y: 3\n"))
    assert doc.data == {"a": 1, "b": [{"x": 2, "y": 3}]}
    assert doc.line_of(("b", 0, "y")) == 4
    assert doc.line_of(("a",)) == 1


def test_dates_stay_text_for_the_models_to_parse(tmp_path: Path) -> None:
    assert read_yaml(write(tmp_path, "d: 2026-02-30\n")).data == {"d": "2026-02-30"}


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "a: 1\nb: 2\na: 3\n"))
    assert "f.yaml:3" in message
    assert "duplicate key 'a' (first given on line 1)" in message


def test_alias_bomb_is_refused_before_expansion(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
    for n in range(1, 9):
        bomb += f"{chr(97 + n)}: &{chr(97 + n)} [*{chr(96 + n)}, *{chr(96 + n)}, *{chr(96 + n)}, *{chr(96 + n)}]\n"
    message = error_of(write(tmp_path, bomb))
    assert "aliases" in message and "f.yaml:2" in message


def test_non_utf8_names_line(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, b"a: 1\nb: caf\xe9\n"))
    assert "f.yaml:2" in message and "not UTF-8" in message and "fix:" in message


def test_syntax_error_names_line(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "a: 1\nb: [unclosed\nc: 2\n"))
    assert "invalid YAML" in message and "f.yaml:" in message


def test_oversized_file_refused(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "a: " + "x" * (3 * 1024 * 1024) + "\n"))
    assert "more than the" in message


def test_missing_file(tmp_path: Path) -> None:
    assert "cannot read the file" in error_of(tmp_path / "nope.yaml")


def test_reading_yaml_leaves_pyyaml_safe_load_unchanged(tmp_path: Path) -> None:
    import datetime

    import yaml

    path = tmp_path / "a.yaml"
    path.write_text("when: 2026-10-01\n", encoding="utf-8")
    read_yaml(path)
    assert yaml.safe_load("when: 2026-10-01") == {"when": datetime.date(2026, 10, 1)}


@pytest.mark.parametrize("exotic", ["\x85", "\u2028", "\u2029", "\r"])
def test_lines_are_counted_as_an_editor_shows_them(tmp_path: Path, exotic: str) -> None:
    """YAML also breaks lines at NEL, LS, PS and a lone CR; a message must name the editor's line."""
    path = tmp_path / "a.yaml"
    path.write_text(f'a: "1 {exotic} x"\nb: 2\nb: 3\n', encoding="utf-8")
    with pytest.raises(NarrError) as caught:
        read_yaml(path)
    problem = caught.value.problems[0]
    assert problem.line == 3, problem.render()
    assert "first given on line 2" in problem.message
