"""Nested leave-one-voice-out over the tuned part: outer test voice; inner 3-fold grouped CV on the 26 training
voices gives out-of-fold probabilities for choosing thresholds. Writes spike/probs-MODEL.json."""

import json
import sys
import time

sys.path.insert(0, "/tmp/spike/spike")
import feats
import models

MAKERS = {
    "nb": lambda: models.TopicNB(),
    "lr_g": lambda: models.LR(use_text=False),
    "lr_text": lambda: models.LR(use_g=False),
    "lr_full": lambda: models.LR(),
}
name = sys.argv[1]
ex = feats.load()
voices = sorted({e["voice"] for e in ex})
out = {"test": {}, "inner": {}, "train_s": [], "pred_s": [], "size": []}
t0 = time.time()
for v in voices:
    train = [i for i, e in enumerate(ex) if e["voice"] != v]
    test = [i for i, e in enumerate(ex) if e["voice"] == v]
    tv = [u for u in voices if u != v]
    inner = {}
    for k in range(3):
        grp = set(tv[k::3])
        m = MAKERS[name]().fit([ex[i] for i in train if ex[i]["voice"] not in grp])
        for i in train:
            if ex[i]["voice"] in grp:
                inner[i] = m.prob(ex[i])
    s = time.time()
    m = MAKERS[name]().fit([ex[i] for i in train])
    out["train_s"].append(time.time() - s)
    s = time.time()
    out["test"].update({i: m.prob(ex[i]) for i in test})
    out["pred_s"].append((time.time() - s) / len(test))
    out["size"].append(m.size())
    out["inner"][v] = inner
    print(name, v, round(time.time() - t0), flush=True)
json.dump(out, open(f"/tmp/spike/spike/probs-{name}.json", "w"))
print("done", name, round(time.time() - t0))
