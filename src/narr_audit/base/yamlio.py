"""Safe YAML reading that keeps line numbers and refuses what a data file never needs.

Duplicate keys, aliases (the root of "billion laughs" bombs), non-UTF-8 bytes, a value its tag does
not fit (``beds: !!int abc``) and numbers too long to be data are errors that name the file and line.
The composed node tree is kept so a later validation error can be traced back to the line of the
offending field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from narr_audit.base.errors import NarrError

MAX_YAML_BYTES = 2 * 1024 * 1024
MAX_NUMBER_DIGITS = 100
"""No field of a narr-audit file holds a longer number; a longer one is an id or a mistake, and
Python refuses to convert one of over 4,300 digits to or from text."""
_MAX_INT_BITS = 333  # about 10**100
_TAG_HINT = "remove the tag (the !!word before the value) or write a value of that type"


_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):  # type: ignore[misc]
    """Safe loader (libyaml when present) that refuses duplicate keys."""

    line_map: list[int] | None = None

    def _editor_line(self, yaml_line: int) -> int:
        return _to_editor(self.line_map, yaml_line)

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        """Any failure to build a value (``!!int abc``, ``!!bool maybe``) becomes a YAML error at its line."""
        try:
            return super().construct_object(node, deep=deep)
        except yaml.YAMLError:
            raise
        except Exception:  # PyYAML's constructors raise ValueError, KeyError, TypeError... on bad input
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise _ValueError(f"the value cannot be read as {tag}", node, _TAG_HINT) from None

    def construct_yaml_int(self, node: ScalarNode) -> int:
        """An integer of at most MAX_NUMBER_DIGITS digits (checked before Python converts it)."""
        text = str(node.value)
        if len(text) > 4 * MAX_NUMBER_DIGITS:
            raise _too_long(node)
        value: int = super().construct_yaml_int(node)
        if value.bit_length() > _MAX_INT_BITS:
            raise _too_long(node)
        return value

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, MappingNode):  # a mapping tag on a list or a scalar: `!!set [1, 2]`
            raise _ValueError(f"expected a mapping, but found a {node.id}", node, _TAG_HINT)
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, (list, dict, set)):
                continue
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    f"duplicate key '{key}' (first given on line {seen[key] + 1})",
                    key_node.start_mark,
                )
            seen[key] = self._editor_line(key_node.start_mark.line)
        result: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return result


class _ValueError(yaml.constructor.ConstructorError):
    """A value that cannot be built, at its node's line, with a fix of its own."""

    def __init__(self, problem: str, node: Node, hint: str) -> None:
        super().__init__(None, None, problem, node.start_mark)
        self.hint = hint


def _too_long(node: Node) -> _ValueError:
    return _ValueError(
        f"the number is too long (more than {MAX_NUMBER_DIGITS} digits)",
        node,
        "if it is not a number (an id, a reference), put it in quotes",
    )


_StrictLoader.add_constructor("tag:yaml.org,2002:int", _StrictLoader.construct_yaml_int)


def _first_alias(root: Node, line_map: list[int] | None = None) -> int | None:
    """Line (1-based) where an alias is used, if any: an alias makes the graph share a node.

    Checked on the composed graph, before anything is constructed, so an alias bomb never expands.
    """
    seen: set[int] = set()
    stack: list[tuple[Node, int]] = [(root, root.start_mark.line)]
    while stack:
        node, used_at = stack.pop()
        if id(node) in seen:
            return _to_editor(line_map, used_at) + 1
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for key_node, value_node in reversed(node.value):
                stack.append((value_node, key_node.start_mark.line))
                stack.append((key_node, key_node.start_mark.line))
        elif isinstance(node, SequenceNode):
            stack.extend((item, node.start_mark.line) for item in reversed(node.value))
    return None


# Timestamps stay strings here; the models parse dates themselves so a bad date gets a clear message.
# add_constructor copies the inherited table first, so PyYAML's own SafeLoader is left as it was.
_StrictLoader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda loader, node: loader.construct_scalar(node),
)


@dataclass(frozen=True)
class YamlDocument:
    """Parsed data plus the node tree, so errors can point at lines."""

    path: Path
    data: Any
    root: Node | None
    line_map: list[int] | None = None
    # Each mapping's keys by name, built when first asked: a loader asks a line for every rule named.
    _keys: dict[int, dict[str, tuple[Node, Node]]] = field(default_factory=dict, repr=False, compare=False)

    def _key_index(self, node: MappingNode) -> dict[str, tuple[Node, Node]]:
        index = self._keys.get(id(node))
        if index is None:
            index = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode):
                    index.setdefault(key_node.value, (key_node, value_node))
            self._keys[id(node)] = index
        return index

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        """Best 1-based line for a validation location such as ``("standards", 0, "rules", 2, "id")``."""
        node = self.root
        lines = self.line_map
        line = None if node is None else _to_editor(lines, node.start_mark.line) + 1
        for part in loc:
            if isinstance(node, MappingNode):
                found = self._key_index(node).get(str(part))
                if found is None:
                    continue  # a tag added by the validator, not a key in the file
                line = _to_editor(lines, found[0].start_mark.line) + 1
                node = found[1]
            elif isinstance(node, SequenceNode) and isinstance(part, int):
                if part >= len(node.value):
                    break
                node = node.value[part]
                line = _to_editor(lines, node.start_mark.line) + 1
            else:
                continue
        return line


def read_yaml(path: Path, *, display: str | None = None) -> YamlDocument:
    """Read one YAML file strictly; every failure is a NarrError naming the file and line."""
    shown = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise NarrError.single(
            f"cannot read the file ({exc.strerror or exc})", file=shown, hint="check the path"
        ) from None
    if len(raw) > MAX_YAML_BYTES:
        raise NarrError.single(
            f"the file is {len(raw)} bytes, more than the {MAX_YAML_BYTES} allowed for a YAML file",
            file=shown,
            hint="split it or remove what does not belong in it",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise NarrError.single(
            "the file is not UTF-8 text",
            file=shown,
            line=line,
            hint="save it as UTF-8 (in most editors: Save As, encoding UTF-8)",
        ) from None
    return parse_yaml(text, path=path, display=shown)


def parse_yaml(text: str, *, path: Path, display: str | None = None) -> YamlDocument:
    shown = display or str(path)
    loader = _StrictLoader(text)
    line_map = _line_map(text)
    loader.line_map = line_map
    try:
        root = loader.get_single_node()
        alias_line = None if root is None else _first_alias(root, line_map)
        if alias_line is not None:
            raise NarrError.single(
                "YAML anchors and aliases (&name, *name) are not allowed in narr-audit files",
                file=shown,
                line=alias_line,
                hint="write the repeated values out in full",
            )
        data = None if root is None else loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = None if mark is None else _to_editor(line_map, mark.line) + 1
        problem = exc.problem or "invalid YAML"
        raise NarrError.single(
            f"invalid YAML: {problem}",
            file=shown,
            line=line,
            hint=getattr(exc, "hint", "fix the YAML syntax at that line (indentation, a missing colon or quote)"),
        ) from None
    except yaml.YAMLError as exc:
        raise NarrError.single(f"invalid YAML: {exc}", file=shown) from None
    except NarrError:
        raise
    except RecursionError:
        raise NarrError.single(
            "invalid YAML: the file is nested too deeply to read", file=shown, hint="flatten the nested lists"
        ) from None
    except Exception:  # a constructor failing outside construct_object: still the file's fault
        raise NarrError.single("invalid YAML: a value cannot be read", file=shown, hint=_TAG_HINT) from None
    finally:
        loader.dispose()
    return YamlDocument(path=path, data=data, root=root, line_map=line_map)


_YAML_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def _line_map(text: str) -> list[int] | None:
    """YAML counts NEL, LS, PS and lone CR as line breaks; editors count newlines. When the text has
    such characters, map each YAML line (0-based) to the line an editor shows; else None (the same)."""
    if not re.search("[\x85\u2028\u2029]|\r(?!\n)", text):
        return None
    starts = [0] + [m.end() for m in _YAML_BREAK.finditer(text)]
    return [text.count("\n", 0, start) for start in starts]


def _to_editor(line_map: list[int] | None, yaml_line: int) -> int:
    if line_map is None:
        return yaml_line
    return line_map[min(yaml_line, len(line_map) - 1)]
