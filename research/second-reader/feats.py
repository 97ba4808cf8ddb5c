"""Examples (passage, topic) with features; built from spike/cache.jsonl (tuned part only)."""

import json
import sys

sys.path.insert(0, "/tmp/spike/src")
from narr_audit.base.language import WORD, normalise, stem

NEG = {
    "not",
    "no",
    "never",
    "nor",
    "without",
    "none",
    "cannot",
    "n't",
    "dont",
    "don't",
    "won't",
    "isn't",
    "aren't",
    "doesn't",
    "neither",
    "nothing",
}
LATER = {"later", "tbd", "pending", "future", "draft", "upcoming", "eventually", "someday"}
_S = {}


def stems(text):
    out = []
    for w in WORD.findall(normalise(text)):
        s = _S.get(w)
        if s is None:
            s = _S[w] = stem(w)
        out.append(s)
    return out


def load(path="/tmp/spike/spike/cache.jsonl"):
    ex = []
    for line in open(path):
        r = json.loads(line)
        sent_st = [stems(s) for s in r["sentences"]]
        pst = set(s for ss in sent_st for s in ss)
        pbi = set()
        for ss in sent_st:
            pbi.update(a + "_" + b for a, b in zip(ss, ss[1:]))
        for t in r["topics"]:
            if t["label"] is None:
                continue
            n = t["n_ideas"] or 1
            carried = t["carried"]
            anyw = [bool(c) for c in carried]
            cnt = {}
            for c in carried:
                for i in c:
                    cnt[i] = cnt.get(i, 0) + 1
            maxco = max(cnt.values()) if cnt else 0
            local_idx = sorted(cnt)
            local = set(s for i in local_idx if i < len(sent_st) for s in sent_st[i])
            best = t["sentence"]
            bst = sent_st[best] if best is not None and best < len(sent_st) else []
            bset = set(bst)
            g = {
                "rec_found": float(t["found"]),
                "deferred": float(t["deferred"]),
                "frac_best": 1.0 if t["found"] else (n - len(t["lacking"])) / n if best is not None else 0.0,
                "frac_any": sum(anyw) / n,
                "all_any": float(all(anyw)),
                "maxco": maxco / n,
                "co_full": float(maxco >= n),
                "n_local": min(len(local_idx), 10) / 10,
                "neg_best": float(bool(bset & NEG) or any(s.endswith("n't") for s in bst)),
                "later_best": float(bool(bset & LATER)),
                "q_best": float(
                    best is not None and best < len(r["sentences"]) and r["sentences"][best].rstrip().endswith("?")
                ),
                "len": min(len(r["sentences"]), 40) / 40,
                "n_topics": len(r["topics"]) / 5,
                "found_x_neg": float(t["found"] and bool(bset & NEG)),
                "nofound_x_allany": float((not t["found"]) and all(anyw)),
                "nofound_x_cofull": float((not t["found"]) and maxco >= n),
            }
            ex.append(
                dict(
                    key=r["key"],
                    voice=r["voice"],
                    kind=r["kind"],
                    rule=r["rule"],
                    tkey=r["rule"] + "|" + r["document"] + "|" + t["name"],
                    topic=t["name"],
                    concepts=t["concepts"],
                    y=int(t["label"] == "present"),
                    rec=int(t["found"]),
                    life=r["life_spike"],
                    life_rule=r["life_rule"],
                    g=g,
                    pst=pst,
                    pbi=pbi,
                    local=local,
                    best=bset,
                    sent_st=sent_st,
                    carried=carried,
                    sentence=best,
                )
            )
    return ex
