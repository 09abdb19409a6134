"""Meaning-aware similarity of short texts, offline: WordLlama's static embeddings.

``wordllama`` (MIT) ships its 256-dimension model (16 MB) and tokenizer inside its wheel;
nothing is downloaded. Its loader looks for the tokenizer under a cache folder the wheel
does not use, so the model is loaded from the installed package folder itself with
downloads disabled. The embeddings average token vectors learned from a large language
model's, so "the bureau would not recommend charges" and "no indictment was advised"
land near each other although they share no content word; they know nothing of word
order or negation, which is why a match also needs shared names or events
(:mod:`analysis.comparing.match`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

__all__ = ["embed", "load_meaning_model"]


@lru_cache(maxsize=1)
def load_meaning_model():
    """The WordLlama model shipped in the ``wordllama`` wheel, loaded once per process."""
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


#: Vectors already computed in this process, by text: a comparison embeds each body's
#: claims once for the claims and again for each headline set against them.
_CACHE: dict[str, np.ndarray] = {}
_CACHE_LIMIT = 50_000


def embed(texts: list[str]) -> np.ndarray:
    """One unit-length vector per text (rows), for cosine similarity by dot product."""
    if not texts:
        return np.zeros((0, 256), dtype=np.float32)
    missing = list(dict.fromkeys(t for t in texts if t not in _CACHE))
    if missing:
        if len(_CACHE) + len(missing) > _CACHE_LIMIT:
            _CACHE.clear()
        vectors = np.asarray(load_meaning_model().embed(missing, norm=True), dtype=np.float32)
        _CACHE.update(zip(missing, vectors))
    return np.stack([_CACHE[t] for t in texts])
