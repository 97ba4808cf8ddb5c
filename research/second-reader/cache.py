"""Run the recogniser once over the tuned part (or, once, the held-back part); cache per (passage, topic) decisions and hits to JSONL."""

import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, "/tmp/spike/tests/corpus/topics")
from topic_corpus import document_check, passages

from narr_audit.checks import evaluate
from narr_audit.checks.document import topic_spec
from narr_audit.checks.interface import Context
from narr_audit.checks.recognise import _carried, analyse, find_in
from narr_audit.evidence.extract import extract
from narr_audit.evidence.model import Document
from narr_audit.standards.loader import load_rulebook

# The tuned part by default; "held-back" only for the one measure of heldback.py (figures only, no passage
# is ever printed): python cache.py held-back
PART = sys.argv[1] if len(sys.argv) > 1 else "tuned"
if PART not in ("tuned", "held-back"):
    raise SystemExit("usage: python cache.py [tuned|held-back]")
book = load_rulebook()
out = open("/tmp/spike/spike/" + ("cache.jsonl" if PART == "tuned" else "cache_hb.jsonl"), "w")
t0 = time.time()
spent = 0.0
with tempfile.TemporaryDirectory() as tmp:
    for n, p in enumerate(passages(PART)):
        check = document_check(book, p.rule, p.document)
        rule = book.rule(p.rule)
        path = Path(tmp) / f"passage-{n}.md"
        path.write_text(p.text, encoding="utf-8")
        s = time.perf_counter()
        content = extract(path)
        doc = Document(path=path.name, kind="markdown", rules=[p.rule], mapped_by=["manifest"], content=content)
        ctx = Context(rule_id=p.rule, assessed_on=date(2026, 11, 1), documents=(doc,), vocabulary=book.concepts)
        outcome = evaluate(check, ctx)
        spent += time.perf_counter() - s
        missing = set(outcome.missing)
        a = analyse(content)
        topics = []
        for t in check.topics:
            spec = topic_spec(t, book.concepts)
            f = find_in(spec, content, book.concepts)
            carried = [sorted(_carried(idea, a, book.concepts)) for idea in spec.ideas]
            topics.append(
                dict(
                    name=t.name,
                    concepts=list(t.concepts or []),
                    n_ideas=len(spec.ideas),
                    found=t.name not in missing,
                    ffound=f.found,
                    sentence=f.sentence,
                    lacking=list(f.lacking),
                    deferred=f.deferred,
                    carried=carried,
                    label=("present" if t.name in p.present else "absent" if t.name in p.absent else None),
                )
            )
        out.write(
            json.dumps(
                dict(
                    key=p.key,
                    voice=p.voice,
                    rule=p.rule,
                    document=p.document,
                    kind=p.kind,
                    text=p.text,
                    life_rule=bool(rule.life_safety),
                    life_spike=any(p.rule.startswith(f"2.F.{k}") for k in (16, 17, 18, 19)),
                    sentences=[x.text for x in a.sentences],
                    topics=topics,
                )
            )
            + "\n"
        )
        if n % 250 == 0:
            print(n, round(time.time() - t0, 1), flush=True)
print("done", round(time.time() - t0, 1), "recogniser seconds", round(spent, 1), flush=True)
