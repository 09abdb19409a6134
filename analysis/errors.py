"""Errors that carry a one-line message meant for the user, not a traceback."""

from __future__ import annotations


class AnalysisError(Exception):
    """Base class: the message is one line a user can act on."""


class InputError(AnalysisError, ValueError):
    """The article cannot be read or is not something we analyse (missing, binary, empty...).

    ``stage`` says where reading stopped, as a corpus run's ``errors`` table records it:
    ``read`` (the file or record), ``decode`` (bytes to text), ``extract`` (article text
    from an HTML page) or ``check`` (empty, too long).
    """

    def __init__(self, message: str, *, stage: str = "read") -> None:
        super().__init__(message)
        self.stage = stage


class ModelNotFoundError(AnalysisError, RuntimeError):
    """No usable spaCy English model is installed."""
