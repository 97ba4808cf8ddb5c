"""The embedding against the words: AUC and disclaimers caught at the words' false alarms, out of fold."""
import pickle
import numpy as np
from pathlib import Path
HERE = Path(__file__).resolve().parent
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier
from sklearn.metrics import roc_auc_score
E = np.load(str(HERE / "embeddings.npy"))
oof, fold, y, voice, life = pickle.load(open(str(HERE / "words-oof.pkl"), "rb"))
y = np.array(y); fold = np.array(fold); bow = np.array(oof)
bl = np.log(np.clip(bow, 1e-6, 1 - 1e-6) / np.clip(1 - bow, 1e-6, 1)).reshape(-1, 1)
def cv(make, X):
    s = np.zeros(len(y))
    for g in sorted(set(fold)):
        tr_, te = fold != g, fold == g
        m = make(); m.fit(X[tr_], y[tr_]); s[te] = m.predict_proba(X[te])[:, 1]
    return s
def report(name, s):
    row = [f"{name:14s} auc {roc_auc_score(y, s):.4f}"]
    for c in (0.5, 0.75, 0.9):
        row.append(f"@{c}: rec {np.mean(s[y==1] >= c):.3f} fpr {np.mean(s[y==0] >= c):.4f}")
    # recall at the BoW's fpr at 0.75
    f = np.mean(bow[y==0] >= 0.75); thr = np.quantile(s[y==0], 1 - f)
    row.append(f"rec@bowfpr(0.75) {np.mean(s[y==1] >= thr):.3f}")
    print("  ".join(row), flush=True)
report("bow", bow)
for C in (1.0, 10.0):
    report(f"emb-lr C{C}", cv(lambda: LogisticRegression(C=C, max_iter=2000), E))
report("stack lr", cv(lambda: LogisticRegression(C=10.0, max_iter=2000), np.hstack([E, bl])))
report("emb-mlp", cv(lambda: MLPClassifier((256,), max_iter=60, early_stopping=True, random_state=0), E))
report("stack mlp", cv(lambda: MLPClassifier((256,), max_iter=60, early_stopping=True, random_state=0), np.hstack([E, bl])))
