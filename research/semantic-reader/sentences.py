"""Disclaimer-classifier sentences from the tuned part, with their texts: (text, features, label, voice)."""
import importlib.util, pickle, sys, tempfile
from pathlib import Path
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
spec = importlib.util.spec_from_file_location("tr", str(ROOT / "scripts" / "train-second-reader.py"))
tr = importlib.util.module_from_spec(spec); sys.modules["tr"] = tr; spec.loader.exec_module(tr)
g = tr.__dict__
book = g["load_rulebook"](); vocabulary = book.concepts
out = []; said = {}
with tempfile.TemporaryDirectory() as tmp:
    for n, p in enumerate(g["passages"]("tuned")):
        if p.kind == "near-miss" and not p.voice.endswith("-pairs"):
            continue
        check = g["document_check"](book, p.rule, p.document)
        rule = book.rule(p.rule); life = bool(rule.life_safety)
        outcome, content = g["judged"](book, p.rule, p.document, p.text, Path(tmp) / f"p{n}.md", None)
        analysis = g["analyse"](content)
        every_idea = [i for t in check.topics for i in g["topic_spec"](t, vocabulary, ongoing=life).ideas]
        t0 = check.topics[0]; sp = g["topic_spec"](t0, vocabulary, ongoing=life)
        q = g["asked"](p.rule, rule.title, p.document, t0.name, sp.labels, [t.name for t in check.topics], every_idea, sp.ideas, life_safety=life)
        got = tr._sentences(p, analysis, g["disclaimer_words"](q), said)
        texts = [s.text for s in analysis.sentences]
        if got:
            assert len(got) == len(texts)
            for t, (f, y, v) in zip(texts, got):
                out.append((t, f, y, v, life, p.rule))
        if n % 2000 == 0: print(n, len(out), file=sys.stderr, flush=True)
pickle.dump(out, open(str(HERE / "sentences.pkl"), "wb"))
print(len(out), sum(x[2] for x in out))
