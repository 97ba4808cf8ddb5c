"""Does a hashed model (2^18 or 2^16 buckets, float weights) read as well as the full one? Grouped 3-fold CV
over the tuned part's voices; thresholds chosen on the same out-of-fold probabilities (alike for each model)."""

import sys, zlib

sys.path.insert(0, "/tmp/spike/spike")
import feats, models, report


class HashedLR(models.LR):
    """lr_text with its features hashed (CRC-32) into 2^bits buckets: the same training, a bounded size."""

    def __init__(self, bits, **kw):
        super().__init__(use_g=False, **kw)
        self.bits = bits

    def features(self, e):
        out = {}
        mask = (1 << self.bits) - 1
        for k, v in super().features(e).items():
            b = zlib.crc32(k.encode()) & mask
            out[b] = out.get(b, 0.0) + v
        return out


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
