"""Errors that carry a one-line message meant for the user, not a traceback."""


class AnalysisError(Exception):
    """Base class: the message is one line a user can act on."""


class InputError(AnalysisError, ValueError):
    """The article cannot be read or is not something we analyse (missing, binary, empty...)."""


class ModelNotFoundError(AnalysisError, RuntimeError):
    """No usable spaCy English model is installed."""
