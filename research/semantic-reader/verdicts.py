"""The fine-tuned cross-encoder's scores (finetuned.pkl) against the shipped tool's decisions (pairs.pkl), part by
part: near-miss life-safety topics passed at as many present topics found as the shipped tool finds, and at
fixed thresholds. The threshold is chosen on the part it is measured on: this compares how well each ranks, it
chooses nothing to ship."""

import pickle
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

HERE = Path(__file__).resolve().parent
data = pickle.load(open(HERE / "pairs.pkl", "rb"))
scored = pickle.load(open(HERE / "finetuned.pkl", "rb"))
for part, s in scored.items():
    rows, s = data[part], np.array(s)
    y = np.array([r["y"] for r in rows])
    near = np.array([r["kind"] == "near-miss" and not r["y"] for r in rows])
    rec, ship, flag = (np.array([r[k] for r in rows]) for k in ("rec", "ship", "flag"))
    target = int((ship & (y == 1)).sum())
    print(
        f"{part}: {len(rows)} pairs; AUC {roc_auc_score(y, s):.4f}; shipped: found {target} of {int(y.sum())}, "
        f"{int((ship & near).sum())} near-misses passed ({int((flag & near).sum())} marked); recogniser alone "
        f"{int((rec & (y == 1)).sum())}, {int((rec & near).sum())}"
    )
    for name, base in (("recogniser + cross-encoder", rec), ("shipped + cross-encoder", ship)):
        row = []
        for t in (0.1, 0.3, 0.5, 0.9):
            dec = base & (s >= t)
            row.append(f"{t}: {int((dec & (y == 1)).sum())} / {int((dec & near).sum())}")
        at = next(
            (t for t in sorted(set(np.round(s, 4)), reverse=True) if ((base & (s >= t)) & (y == 1)).sum() >= target),
            None,
        )
        if at is not None:
            row.append(f"at found {target}: {int(((base & (s >= at)) & near).sum())} passed")
        print(f"  {name:28s} " + "  ".join(row))
