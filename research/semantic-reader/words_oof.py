"""Out-of-fold scores of the shipped classifier of disclaimers (its words and pairs), in its three voice groups."""
import importlib.util, pickle, sys
from pathlib import Path
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
spec = importlib.util.spec_from_file_location("tr", str(ROOT / "scripts" / "train-second-reader.py"))
tr = importlib.util.module_from_spec(spec); sys.modules["tr"] = tr; spec.loader.exec_module(tr)
from narr_audit.checks.reader import probability
data = pickle.load(open(str(HERE / "sentences.pkl"), "rb"))
voices = sorted({x[3] for x in data})
groups = tr._deal(voices, 0)
oof = [None] * len(data); fold = [None] * len(data)
for gi, held in enumerate(groups):
    w = tr.fit_disclaimers(tr.common([(x[1], x[2], x[3]) for x in data if x[3] not in held]))
    for i, x in enumerate(data):
        if x[3] in held: oof[i] = probability(w, x[1]); fold[i] = gi
pickle.dump((oof, fold, [x[2] for x in data], [x[3] for x in data], [x[4] for x in data]), open(str(HERE / "words-oof.pkl"), "wb"))
import bisect
pos = sorted(p for p, x in zip(oof, data) if x[2]); neg = sorted(p for p, x in zip(oof, data) if not x[2])
print("bow auc", sum(bisect.bisect_left(neg, p) for p in pos) / (len(pos) * len(neg)))
