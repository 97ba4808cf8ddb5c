"""The life-safety rules' (passage, topic) pairs with their texts, labels and the shipped tool's decisions (the
recogniser alone; with the second reader; marked for the reviewer), for the tuned and held-back parts and the
rounds waiting in incoming/, to pairs.pkl. Never prints a passage. Run with narr-audit installed."""

import pickle
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "tests" / "corpus" / "topics"))
from topic_corpus import HERE as CORPUS, document_check, judged, load_rulebook, passages, second_reader  # noqa: E402

book = load_rulebook()
reader = second_reader()
waiting = (
    sorted(p.name for p in (CORPUS / "incoming").iterdir() if p.is_dir()) if (CORPUS / "incoming").is_dir() else []
)
out = {}
for part in ("tuned", "held-back", *(f"incoming/{name}" for name in waiting)):
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, p in enumerate(passages(part)):
            rule = book.rule(p.rule)
            if not rule.life_safety:
                continue
            check = document_check(book, p.rule, p.document)
            alone, _ = judged(book, p.rule, p.document, p.text, Path(tmp) / f"a{n}.md", None)
            read, _ = judged(book, p.rule, p.document, p.text, Path(tmp) / f"b{n}.md", reader)
            for t in check.topics:
                rows.append(
                    dict(
                        q=f"{rule.title}. {p.document}: {t.name}.",
                        text=p.text,
                        y=int(t.name in p.present),
                        kind=p.kind,
                        voice=p.voice,
                        rule=p.rule,
                        topic=t.name,
                        rec=t.name not in alone.missing,
                        ship=t.name not in read.missing,
                        flag=t.name in read.to_confirm and t.name not in read.missing,
                    )
                )
    out[part] = rows
    print(part, len(rows), "pairs,", sum(r["y"] for r in rows), "present")
pickle.dump(out, open(HERE / "pairs.pkl", "wb"))
