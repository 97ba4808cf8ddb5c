"""Does a hashed model (2^18 or 2^16 buckets, float weights) read as well as the full one? Grouped 3-fold CV
over the tuned part's voices; thresholds chosen on the same out-of-fold probabilities (alike for each model)."""

import sys, zlib, math

sys.path.insert(0, "/tmp/spike/spike")
import feats, models, report


class HashedLR(models.LR):
    def __init__(self, bits, **kw):
        super().__init__(use_g=False, **kw)
        self.bits = bits

    def _h(self, f):
        out = {}
        mask = (1 << self.bits) - 1
        for k, v in f.items():
            b = zlib.crc32(k.encode()) & mask
            out[b] = out.get(b, 0.0) + v
        return out

    def fit(self, exs):
        from collections import defaultdict
        import random

        w = defaultdict(float)
        g2 = defaultdict(lambda: 1e-8)
        X = [(self._h(models.lr_feats(e, False, True)), e["y"]) for e in exs]
        rnd = random.Random(self.seed)
        for ep in range(self.epochs):
            rnd.shuffle(X)
            for f, y in X:
                z = sum(w[k] * v for k, v in f.items())
                p = 1 / (1 + math.exp(-max(-30, min(30, z))))
                d = p - y
                for k, v in f.items():
                    gr = d * v + self.l2 * w[k]
                    g2[k] += gr * gr
                    w[k] -= self.lr * gr / math.sqrt(g2[k])
        self.w = {k: v for k, v in w.items() if abs(v) > 1e-6}
        return self

    def prob(self, e):
        f = self._h(models.lr_feats(e, False, True))
        z = sum(self.w.get(k, 0.0) * v for k, v in f.items())
        return 1 / (1 + math.exp(-max(-30, min(30, z))))


ex = feats.load()
voices = sorted({e["voice"] for e in ex})
for name, make in (
    ("full", lambda: models.LR(use_g=False)),
    ("hash18", lambda: HashedLR(18)),
    ("hash16", lambda: HashedLR(16)),
):
    probs = {}
    size = 0
    for k in range(3):
        grp = set(voices[k::3])
        m = make().fit([e for e in ex if e["voice"] not in grp])
        size = max(size, m.size())
        for i, e in enumerate(ex):
            if e["voice"] in grp:
                probs[i] = m.prob(e)
    th = report.choose(probs, ex)
    for c in ("a rec", "d rec&!veto", "e both"):
        T = report.tally([(ex[i], report.decide(c, ex[i], p, th)) for i, p in probs.items()])
        print(f"{name:7} weights {size:7d} {c:12} found {T[0]:.1f} missing {T[1]:.1f} LSnm {T[2]}", flush=True)
