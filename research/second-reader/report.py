"""Figures per combination from spike/probs-MODEL.json: overall, fresh voices, per voice."""

import json
import sys

sys.path.insert(0, "/tmp/spike/spike")
import feats

FRESH = {"collegiate", "womens-house", "corrective-plan"}  # voices the recogniser was never tuned on
GRID = [i / 100 for i in range(1, 100)]
PREC = float(sys.argv[2]) if len(sys.argv) > 2 else 0.8


def choose(inner, ex):
    items = [(p, ex[int(i)]) for i, p in inner.items()]
    P = sum(e["y"] for _, e in items)
    N = len(items) - P
    t0 = max(
        GRID,
        key=lambda t: sum(p > t and e["y"] for p, e in items) / P + sum(p <= t and not e["y"] for p, e in items) / N,
    )
    miss = [(p, e["y"]) for p, e in items if not e["rec"]]
    tr = 1.01
    for t in GRID:
        r = [y for p, y in miss if p > t]
        if len(r) >= 5 and sum(r) / len(r) >= PREC:
            tr = t
            break
    hits = [(p, e["y"]) for p, e in items if e["rec"]]
    tv = 0.0
    for t in reversed(GRID):
        r = [y for p, y in hits if p < t]
        if len(r) >= 5 and (len(r) - sum(r)) / len(r) >= PREC:
            tv = t
            break
    return t0, tr, tv


def decide(combo, e, p, th):
    t0, tr, tv = th
    rec = bool(e["rec"])
    if combo == "a rec":
        return rec
    if combo == "b model":
        return p > t0
    if combo == "c rec|rescue":
        return rec or p > tr
    if combo == "c' rescue,no-LS":
        return rec or (p > tr and not e["life"])
    if combo == "d rec&!veto":
        return rec and not p < tv
    if combo == "e both":
        return (rec and not p < tv) or (not rec and p > tr)
    if combo == "e' both,no-LS":
        return (rec and not p < tv) or (not rec and p > tr and not e["life"])


COMBOS = ["a rec", "b model", "c rec|rescue", "c' rescue,no-LS", "d rec&!veto", "e both", "e' both,no-LS"]


def tally(rows):
    P = sum(1 for e, d in rows if e["y"])
    N = len(rows) - P
    f = sum(1 for e, d in rows if e["y"] and d)
    r = sum(1 for e, d in rows if not e["y"] and not d)
    ls = sum(1 for e, d in rows if not e["y"] and d and e["life"] and e["kind"] == "near-miss")
    lsa = sum(1 for e, d in rows if not e["y"] and d and e["life"])
    return f / P * 100, r / N * 100, ls, lsa, P, N


if __name__ == "__main__":
    name = sys.argv[1]
    ex = feats.load()
    d = json.load(open(f"/tmp/spike/spike/probs-{name}.json"))
    test = {int(i): p for i, p in d["test"].items()}
    voices = sorted({e["voice"] for e in ex})
    th = {v: choose(d["inner"][v], ex) for v in voices}
    res = {c: {v: [] for v in voices} for c in COMBOS}
    for i, p in test.items():
        e = ex[i]
        for c in COMBOS:
            res[c][e["voice"]].append((e, decide(c, e, p, th[e["voice"]])))
    print(f"model {name}  rescue/veto precision target {PREC}")
    print(
        "thresholds (t0,t_rescue,t_veto) per voice:",
        {v: th[v] for v in sorted(FRESH)},
        "median t_rescue",
        sorted(t[1] for t in th.values())[13],
        "median t_veto",
        sorted(t[2] for t in th.values())[13],
    )
    print(
        f"train s/fold {sum(d['train_s']) / len(d['train_s']):.1f}  predict ms/pair {1000 * sum(d['pred_s']) / len(d['pred_s']):.3f}  size {max(d['size'])} weights"
    )
    hdr = f"{'combination':18} | {'ALL 27: found% missing% LSnm LSall':36} | {'24 tuned-on voices':22} | {'3 fresh voices':22}"
    print(hdr)
    for c in COMBOS:
        allr = [x for v in voices for x in res[c][v]]
        tun = [x for v in voices if v not in FRESH for x in res[c][v]]
        fr = [x for v in voices if v in FRESH for x in res[c][v]]
        A, T, F = tally(allr), tally(tun), tally(fr)
        print(
            f"{c:18} | {A[0]:6.1f} {A[1]:6.1f} {A[2]:4d} {A[3]:4d}              | {T[0]:6.1f} {T[1]:6.1f} {T[2]:3d}      | {F[0]:6.1f} {F[1]:6.1f} {F[2]:3d}"
        )
    if len(sys.argv) > 3:
        for c in sys.argv[3].split(";"):
            print(f"\nper voice: {c} vs a rec   (found%, missing%, LS near-miss passes)")
            for v in voices:
                R, C = tally(res["a rec"][v]), tally(res[c][v])
                print(
                    f"  {v:20} rec {R[0]:5.1f} {R[1]:5.1f} {R[2]:2d}   {c}: {C[0]:5.1f} {C[1]:5.1f} {C[2]:2d}   d {C[0] - R[0]:+5.1f} {C[1] - R[1]:+5.1f}{'  *fresh' if v in FRESH else ''}"
                )
