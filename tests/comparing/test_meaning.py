"""The meaning model: WordLlama's static embeddings, loaded from the installed wheel with
the network cut."""

import socket

import numpy as np


def test_the_meaning_model_loads_from_the_wheel_with_the_network_cut(monkeypatch):
    from analysis.comparing import meaning

    def refuse(*args, **kwargs):
        raise OSError("network used")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    meaning.load_meaning_model.cache_clear()
    vectors = meaning.embed(["The bureau will not recommend charges.", "No indictment was advised by the FBI.",
                             "The weather was sunny at the seaside."])  # fmt: skip
    assert vectors.shape == (3, 256) and np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-3)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
