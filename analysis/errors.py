"""Errors that carry a one-line message meant for the user, not a traceback."""

from __future__ import annotations

import errno


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


#: What a user can do about an output that cannot be written, by the error's ``errno``.
_WRITE_FIXES = {
    errno.EACCES: "you may not write there: choose another --out folder",
    errno.EPERM: "you may not write there: choose another --out folder",
    errno.EROFS: "that disk is read-only: choose another --out folder",
    errno.ENOSPC: "the disk is full: free some space or choose another --out folder",
    errno.EDQUOT: "your disk quota is used up: free some space or choose another --out folder",
    errno.ENAMETOOLONG: "a file name there would be too long: choose a shorter --out folder",
    errno.EXDEV: "the files cannot be moved there: choose an --out folder on the same disk",
}


def output_problem(error: OSError, *, out: object = None) -> str | None:
    """One line saying why an output could not be written and what to do about it
    (a read-only folder, a full disk ...), or None when ``error`` is not such a case.
    ``out``, the output folder, is named when the error names no file."""
    fix = _WRITE_FIXES.get(error.errno)
    if fix is None:
        return None
    where = f" {error.filename or out}" if error.filename or out else ""
    return f"cannot write{where}: {error.strerror or error}; {fix}"
