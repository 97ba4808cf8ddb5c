"""Explainability probe on the 3 fresh voices: score each sentence carrying a topic idea on its own (the
passage-trained model, local = that sentence) and compare max-over-sentences decisions to passage decisions."""

import json
import sys

sys.path.insert(0, "/tmp/spike/spike")
import feats
import models
import report

name = sys.argv[1] if len(sys.argv) > 1 else "lr_text"
ex = feats.load()
d = json.load(open(f"/tmp/spike/spike/probs-{name}.json"))
test = {int(i): p for i, p in d["test"].items()}
mk = {"lr_text": lambda: models.LR(use_g=False), "lr_full": lambda: models.LR()}[name]
for v in sorted(report.FRESH):
    th = report.choose(d["inner"][v], ex)
    m = mk().fit([e for e in ex if e["voice"] != v])
    agree = n = 0
    rescues = same_rescue = cite_rec = 0
    rows = []
    for i, e in enumerate(ex):
        if e["voice"] != v:
            continue
        p = test[i]
        idx = sorted({k for c in e["carried"] for k in c})
        best_p, best_k = 0.0, None
        for k in idx:
            st = set(e["sent_st"][k]) if k < len(e["sent_st"]) else set()
            p1 = m.prob(dict(e, local=st, best=st))
            if p1 > best_p:
                best_p, best_k = p1, k
        dp = report.decide("e both", e, p, th)
        ds = report.decide("e both", e, best_p, th)
        n += 1
        agree += dp == ds
        if not e["rec"] and p > th[1]:
            rescues += 1
            same_rescue += best_p > th[1]
        rows.append((e["y"], dp, ds))
    P = sum(r[0] for r in rows)
    N = len(rows) - P
    f = lambda j: (100 * sum(r[0] and r[j] for r in rows) / P, 100 * sum((not r[0]) and not r[j] for r in rows) / N)
    print(
        f"{v:16} passage-level e: found {f(1)[0]:.1f} missing {f(1)[1]:.1f} | sentence-level e: found {f(2)[0]:.1f} missing {f(2)[1]:.1f} | agree {100 * agree / n:.1f}% | rescues {rescues}, also by one sentence {same_rescue}"
    )
