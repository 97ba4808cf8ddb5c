"""Two second readers: per-topic naive Bayes over passage stems/bigrams, and a global logistic regression."""

import math
import random
from collections import defaultdict


class TopicNB:
    """Per topic: Bernoulli-style NB over the passage's stem and bigram set (presence), Laplace-smoothed."""

    def __init__(self, alpha=1.0, bigrams=True, local=False):
        self.alpha, self.bigrams, self.local = alpha, bigrams, local

    def toks(self, e):
        base = e["local"] if self.local else e["pst"]
        return (base | e["pbi"]) if self.bigrams else base

    def fit(self, exs):
        self.cnt = defaultdict(lambda: [defaultdict(int), defaultdict(int)])
        self.n = defaultdict(lambda: [0, 0])
        for e in exs:
            c = self.cnt[e["tkey"]][e["y"]]
            self.n[e["tkey"]][e["y"]] += 1
            for t in self.toks(e):
                c[t] += 1
        return self

    def prob(self, e):
        n = self.n.get(e["tkey"])
        if not n:
            return 0.5
        cnt = self.cnt[e["tkey"]]
        a = self.alpha
        lo = math.log((n[1] + 1) / (n[0] + 1))
        for t in self.toks(e):
            c1, c0 = cnt[1].get(t, 0), cnt[0].get(t, 0)
            if c1 + c0 == 0:
                continue  # unseen for this topic: no evidence
            lo += math.log((c1 + a) / (n[1] + 2 * a)) - math.log((c0 + a) / (n[0] + 2 * a))
        # tempered: NB's independence makes it overconfident
        lo /= max(1.0, len(self.toks(e)) ** 0.5 / 2)
        return 1 / (1 + math.exp(-max(-30, min(30, lo))))

    def size(self):
        return sum(len(v[0]) + len(v[1]) for v in self.cnt.values())


def lr_feats(e, use_g=True, use_text=True):
    f = {"bias": 1.0, "T:" + e["tkey"]: 1.0}
    if use_g:
        for k, v in e["g"].items():
            if v:
                f["g:" + k] = v
        f["Trec:" + e["tkey"]] = 2.0 * e["rec"] - 1.0
    if use_text:
        tk = e["tkey"]
        w = 1 / math.sqrt(len(e["local"]) + 1)
        for s in e["local"]:
            f["TL:" + tk + ":" + s] = w
            for c in e["concepts"]:
                f["CL:" + c + ":" + s] = w
        wb = 1 / math.sqrt(len(e["best"]) + 1)
        for s in e["best"]:
            f["B:" + s] = wb  # words of the best sentence, shared across topics (negation, deferral, ...)
    return f


class LR:
    """Logistic regression, AdaGrad SGD with L2, on sparse dict features; deterministic (seeded shuffle)."""

    def __init__(self, use_g=True, use_text=True, epochs=4, lr=0.3, l2=1e-5, seed=0):
        self.use_g, self.use_text, self.epochs, self.lr, self.l2, self.seed = use_g, use_text, epochs, lr, l2, seed

    def features(self, e):
        """The example's features (a subclass may transform them, e.g. hash them into buckets)."""
        return lr_feats(e, self.use_g, self.use_text)

    def fit(self, exs):
        w = defaultdict(float)
        g2 = defaultdict(lambda: 1e-8)
        X = [(self.features(e), e["y"]) for e in exs]
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
        f = self.features(e)
        z = sum(self.w.get(k, 0.0) * v for k, v in f.items())
        return 1 / (1 + math.exp(-max(-30, min(30, z))))

    def size(self):
        return len(self.w)
