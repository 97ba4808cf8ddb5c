"""Once: the second reader trained on the whole tuned part, thresholds from grouped 3-fold CV on it,
measured on the held-back part (figures only; no passage is printed)."""

import sys

sys.path.insert(0, "/tmp/spike/spike")
import feats, models, report

ex_t = feats.load("/tmp/spike/spike/cache.jsonl")
ex_h = feats.load("/tmp/spike/spike/cache_hb.jsonl")
voices = sorted({e["voice"] for e in ex_t})
inner = {}
for k in range(3):
    grp = set(voices[k::3])
    m = models.LR(use_g=False).fit([e for e in ex_t if e["voice"] not in grp])
    for i, e in enumerate(ex_t):
        if e["voice"] in grp:
            inner[i] = m.prob(e)
th = report.choose(inner, ex_t)
print("thresholds (t0, t_rescue, t_veto):", th)
m = models.LR(use_g=False).fit(ex_t)
R10 = {"collegiate", "womens-house", "corrective-plan"}
rows = {c: [] for c in report.COMBOS}
for e in ex_h:
    p = m.prob(e)
    for c in report.COMBOS:
        rows[c].append((e, report.decide(c, e, p, th)))
print(f"{'combination':18} | held-back all 27 found% missing% LSnm | 24 voices | round 10 third")
for c in report.COMBOS:
    A = report.tally(rows[c])
    B = report.tally([x for x in rows[c] if x[0]["voice"] not in R10])
    C = report.tally([x for x in rows[c] if x[0]["voice"] in R10])
    print(
        f"{c:18} | {A[0]:6.1f} {A[1]:6.1f} {A[2]:3d} | {B[0]:6.1f} {B[1]:6.1f} {B[2]:3d} | {C[0]:6.1f} {C[1]:6.1f} {C[2]:3d}"
    )
