"""Out-of-fold scores of the shipped classifier of disclaimers (its words and pairs), in the trainer's three voice
groups, to words-oof.pkl."""

import bisect
import importlib.util
import pickle
import sys
from pathlib import Path

from narr_audit.checks.reader import probability

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
spec = importlib.util.spec_from_file_location("tr", ROOT / "scripts" / "train-second-reader.py")
tr = importlib.util.module_from_spec(spec)
sys.modules["tr"] = tr
spec.loader.exec_module(tr)

data = pickle.load(open(HERE / "sentences.pkl", "rb"))
oof: list[float] = [0.0] * len(data)
fold = [0] * len(data)
for group, held in enumerate(tr._deal(sorted({x[3] for x in data}), 0)):
    weights = tr.fit_disclaimers(tr.common([(x[1], x[2], x[3]) for x in data if x[3] not in held]))
    for i, x in enumerate(data):
        if x[3] in held:
            oof[i], fold[i] = probability(weights, x[1]), group
labels = [x[2] for x in data]
pickle.dump((oof, fold, labels, [x[3] for x in data], [x[4] for x in data]), open(HERE / "words-oof.pkl", "wb"))
pos = sorted(p for p, y in zip(oof, labels) if y)
neg = sorted(p for p, y in zip(oof, labels) if not y)
print("words and pairs: AUC", round(sum(bisect.bisect_left(neg, p) for p in pos) / (len(pos) * len(neg)), 4))
