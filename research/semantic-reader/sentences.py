"""The classifier of disclaimers' training sentences from the tuned part, with their texts, as
scripts/train-second-reader.py labels them: (text, features, label, voice, life-safety, rule), to sentences.pkl."""

import importlib.util
import pickle
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
spec = importlib.util.spec_from_file_location("tr", ROOT / "scripts" / "train-second-reader.py")
tr = importlib.util.module_from_spec(spec)
sys.modules["tr"] = tr
spec.loader.exec_module(tr)

book = tr.load_rulebook()
vocabulary = book.concepts
out = []
said: dict = {}
with tempfile.TemporaryDirectory() as tmp:
    for n, p in enumerate(tr.passages("tuned")):
        if p.kind == "near-miss" and not p.voice.endswith("-pairs"):
            continue  # teaches the classifier nothing (tr._sentences)
        check = tr.document_check(book, p.rule, p.document)
        rule = book.rule(p.rule)
        life = bool(rule.life_safety)
        _, content = tr.judged(book, p.rule, p.document, p.text, Path(tmp) / f"p{n}.md", None)
        analysis = tr.analyse(content)
        every_idea = [i for t in check.topics for i in tr.topic_spec(t, vocabulary, ongoing=life).ideas]
        first = check.topics[0]
        spec_ = tr.topic_spec(first, vocabulary, ongoing=life)
        asked = tr.asked(
            p.rule,
            rule.title,
            p.document,
            first.name,
            spec_.labels,
            [t.name for t in check.topics],
            every_idea,
            spec_.ideas,
            life_safety=life,
        )  # as tr.build asks it
        got = tr._sentences(p, analysis, tr.disclaimer_words(asked), said)
        if got:
            out.extend((s.text, f, y, v, life, p.rule) for s, (f, y, v) in zip(analysis.sentences, got, strict=True))
pickle.dump(out, open(HERE / "sentences.pkl", "wb"))
print(len(out), "sentences,", sum(x[2] for x in out), "disclaimers")
