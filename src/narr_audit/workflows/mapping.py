"""`narr-audit map`: suggest which rules each unmapped document evidences, and write them down.

A rule is suggested for a document when the document covers most of the topics of the rule's
document checks (read as the document check reads them: the recogniser and the second reader), or,
for logs, when the file name names what the rule's log check keeps. `--write` appends accepted
suggestions to residence.yaml with a round-trip YAML library, so the operator's comments and order
stay as they were.
"""

from __future__ import annotations

import codecs
import io
import re
import stat
from pathlib import Path

from narr_audit.base.errors import NarrError
from narr_audit.base.safewrite import Wording, replace_unchanged
from narr_audit.checks.document import DocumentCheck, meeting, topic_spec
from narr_audit.checks.log import LogCheck
from narr_audit.checks.reader import SecondReader, asked
from narr_audit.checks.recognise import Vocabulary
from narr_audit.evidence.content import Extracted, Segment
from narr_audit.evidence.extract import extract, kind_of
from narr_audit.evidence.logs import is_log
from narr_audit.evidence.model import MANIFEST
from narr_audit.evidence.suggestions import FileSuggestions, Suggestion, TopicDoubt, TopicHit
from narr_audit.standards.model import Rule, Rulebook
from narr_audit.standards.reader import second_reader

MIN_SCORE = 0.75
MAX_RULES = 5
_STOP = {
    "and", "the", "of", "for", "log", "logs", "or", "a", "an", "to", "in", "on", "with", "records", "record",
    "check", "checks", "list", "sheet", "form", "photo", "img", "image", "pic", "scan", "copy", "final", "draft",
}  # fmt: skip
# Where a photo of the home is usually evidence: what a reviewer would otherwise look at on site.
_PHOTO_KINDS = ("site_visit", "document", "log")


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2 and w not in _STOP}


def _stem_overlap(a: set[str], b: set[str]) -> set[str]:
    """Words of ``a`` that share a 4-letter stem with a word of ``b`` (drill ~ drills)."""
    return {w for w in a if any(w[:4] == v[:4] and min(len(w), len(v)) >= 4 for v in b)}


def score_document(
    rule: Rule, content: Extracted, vocabulary: Vocabulary, reader: SecondReader | None = None
) -> Suggestion | None:
    """The share of the rule's document topics the text meets, read as the document check reads it
    (with the second reader, when given: its doubts count as they do in `check`, its rescues not; see
    checks.document.meeting)."""
    topics = [(c.label, t) for c in rule.checks() if isinstance(c, DocumentCheck) for t in c.topics]
    names = {c.label: [t.name for t in c.topics] for c in rule.checks() if isinstance(c, DocumentCheck)}
    if not topics:
        return None
    hits, missed, doubted = [], [], []
    for label, topic in topics:
        spec = topic_spec(topic, vocabulary, ongoing=rule.life_safety)  # as `check` asks it
        question = (
            asked(rule.id, rule.title, label, topic.name, spec.labels, names[label], life_safety=rule.life_safety)
            if reader is not None
            else None
        )
        where, doubt = meeting(spec, content, vocabulary, reader, question, rule.life_safety)
        if where is not None:
            hits.append(TopicHit(topic.name, "", where))
        else:
            missed.append(topic.name)
            if doubt is not None:
                doubted.append(TopicDoubt(topic.name, doubt.where or "the text", doubt.against))
    if len(hits) < 2:
        return None
    score = round(len(hits) / len(topics), 3)
    return Suggestion(rule.id, rule.title, score, tuple(hits), tuple(missed), tuple(doubted))


def score_log(rule: Rule, name_words: set[str], kinds: tuple[str, ...] = ("log",)) -> Suggestion | None:
    """How well the file's name fits the rule's checks of ``kinds`` (logs; for photos, also what a
    reviewer would see on site): the share of the name's words that a check's description explains."""
    best: Suggestion | None = None
    for check in rule.checks():
        if check.kind not in kinds:
            continue
        named = set(check.named) if isinstance(check, LogCheck) else set()
        label_words = _words(check.label) | {w for n in named for w in _words(n)}
        shared = _stem_overlap(name_words, label_words)
        if not name_words or not shared:
            continue
        # How much of the file's name the log check's description explains: "house-meetings" is
        # fully explained by "House meeting minutes or attendance log".
        score = round(len(shared) / len(name_words), 3)
        if score >= 0.5:
            hit = Suggestion(rule.id, rule.title, score, (TopicHit(check.label, " ".join(sorted(shared))),))
            if best is None or hit.score > best.score:
                best = hit
    return best


def suggest_for(
    folder: Path, paths: list[str], book: Rulebook, *, min_score: float = MIN_SCORE
) -> list[FileSuggestions]:
    """Suggestions for each of ``paths`` (the folder's unmapped files), best first."""
    results = []
    rules = list(book.rules())
    reader = second_reader()
    for rel in paths:
        path = folder / rel
        name_text = re.sub(r"[_\-.]+", " ", Path(rel).stem)
        if is_log(path):
            words = _words(name_text)
            found = [s for s in (score_log(r, words) for r in rules) if s is not None and s.score >= min_score]
            results.append(FileSuggestions(rel, "log", _best(found)))
            continue
        kind = kind_of(path)
        if kind is None:
            results.append(FileSuggestions(rel, "unsupported", note="narr-audit cannot read this kind of file"))
            continue
        if kind == "image":
            words = _words(name_text)
            scored = (score_log(r, words, _PHOTO_KINDS) for r in rules)
            found = [s for s in scored if s is not None and s.score >= min_score]
            note = None if found else "no rule fits the photo's name: name the rule it shows by hand"
            results.append(FileSuggestions(rel, kind, _best(found), note=note))
            continue
        content = extract(path)
        if not isinstance(content, Extracted):
            results.append(FileSuggestions(rel, kind, note=f"unreadable: {content.reason}"))
            continue
        named = Extracted(content.kind, (Segment(None, f"{name_text}. {content.title or ''}"), *content.segments))
        scored = (score_document(r, named, book.concepts, reader) for r in rules)
        found = [s for s in scored if s is not None and s.score >= min_score]
        results.append(FileSuggestions(rel, kind, _best(found)))
    return results


def _best(found: list[Suggestion]) -> list[Suggestion]:
    return sorted(found, key=lambda s: (-s.score, -len(s.matched), s.rule_id))[:MAX_RULES]


def _indentation(text: str) -> dict[str, int]:
    """The indentation a YAML file already uses, as ruamel's ``indent()`` arguments.

    Sequences follow the file's first block sequence (``  - file:`` by default, as the docs write it);
    mappings follow the first key nested under another.
    """
    from ruamel.yaml.util import load_yaml_guess_indent

    sequence, offset = 4, 2
    try:
        _, guessed, dash = load_yaml_guess_indent(text)
    except Exception:  # only a guess: the file was already validated, and load() reports real problems
        dash = None
    if dash is not None:
        sequence, offset = guessed, dash
    mapping = 2
    parent: int | None = None
    for line in text.split("\n"):
        body = line.strip()
        if not body or body.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        if parent is not None and indent > parent and not body.startswith("-"):
            mapping = indent - parent
            break
        key = body.split(" #", 1)[0].rstrip()
        parent = indent if key.endswith(":") and not key.startswith("-") else None
    return {"mapping": mapping, "sequence": max(sequence, offset + 2), "offset": offset}


def write_suggestions(folder: Path, accepted: list[FileSuggestions]) -> int:
    """Append one evidence entry per file with suggestions to residence.yaml; returns how many.

    The file is rewritten atomically (a temporary file in the same folder, then a rename, keeping its
    permissions), so an interruption can never leave a half-written manifest behind. A manifest that
    is a link or read-only is refused rather than replaced, and so is one that changed while it was
    being updated: another program's edit is never lost.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    chosen = [f for f in accepted if f.suggestions]
    if not chosen:
        return 0
    path = folder / MANIFEST
    mode = _writable_manifest(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise NarrError.single(f"cannot read {MANIFEST} ({exc.strerror or exc})", file=MANIFEST) from None
    original = raw.decode("utf-8-sig").replace("\r\n", "\n")
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(**_indentation(original))  # keep the file's own indentation, so only the new entries change
    data = yaml.load(original)
    evidence = data.get("evidence")
    if evidence is None:
        evidence = CommentedSeq()
        data["evidence"] = evidence
    if not isinstance(evidence, list):
        raise NarrError.single("'evidence' must be a list", file=MANIFEST, field="evidence")
    if isinstance(evidence, CommentedSeq) and evidence.fa.flow_style():
        evidence.fa.set_block_style()
    for item in chosen:
        entry = CommentedMap()
        entry["file"] = item.path
        rules = CommentedSeq(s.rule_id for s in item.suggestions)
        rules.fa.set_flow_style()
        entry["rules"] = rules
        evidence.append(entry)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    text = ("\ufeff" if raw.startswith(codecs.BOM_UTF8) else "") + buffer.getvalue()
    newline = "\r\n" if b"\r\n" in raw else "\n"
    replace_unchanged(path, text, newline=newline, mode=mode, expected=raw, wording=_WORDING)
    return len(chosen)


_WORDING = Wording(
    shown=MANIFEST,
    changed=f"{MANIFEST} changed while narr-audit was adding the suggestions, so it wrote nothing",
    changed_hint="run narr-audit map --write again once nothing else is editing the file",
    failed=f"cannot update {MANIFEST}",
    failed_hint="narr-audit needs to create a file in the evidence folder to update it; check the folder's "
    "permissions and free space",
)


def _writable_manifest(path: Path) -> int:
    """The manifest's permission bits, once it is known to be a file narr-audit may replace."""
    if path.is_symlink():
        raise NarrError.single(
            f"{MANIFEST} is a link; map --write would replace the link with a file, so it writes nothing",
            file=MANIFEST,
            hint=f"add the suggested entries by hand to the file the link leads to, or replace the link with "
            f"a copy of {MANIFEST}",
        )
    try:
        info = path.stat()
    except OSError as exc:
        raise NarrError.single(f"cannot read {MANIFEST} ({exc.strerror or exc})", file=MANIFEST) from None
    mode = stat.S_IMODE(info.st_mode)
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        # Checked on the bits, not with os.access: the superuser may write anything, and a
        # read-only manifest says someone meant it not to change.
        raise NarrError.single(
            f"{MANIFEST} is read-only, so map --write leaves it as it is",
            file=MANIFEST,
            hint="make it writable (chmod u+w residence.yaml) if it may be changed, or add the entries by hand",
        )
    return mode
