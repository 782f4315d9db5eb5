"""Every error the product raises on purpose, each with a one-line docstring; the CLI turns them into messages."""

from __future__ import annotations


class ArbitrationError(Exception):
    """Base of the product's own errors; `str(e)` is a message a clerk can act on."""


class IngestError(ArbitrationError):
    """A file could not be read; the message names the file and the reason."""

    def __init__(self, file: str, reason: str, kind: str = "unreadable") -> None:
        self.file, self.reason, self.kind = file, reason, kind
        super().__init__(f"{file}: {reason}")

    def __reduce__(self):  # keep (file, reason, kind) across processes
        return (type(self), (self.file, self.reason, self.kind))


class EncryptedFile(IngestError):
    """The file is password-protected."""


class CorruptFile(IngestError):
    """The file is damaged or is not what its extension says."""


class EmptyFile(IngestError):
    """The file has no bytes or no readable content."""


class UnsupportedFile(IngestError):
    """No reader handles this kind of file (or the optional tool it needs is not installed)."""


class TooLarge(IngestError):
    """The file, a page of it, or its unpacked content exceeds a safety limit."""


class ExtractionError(ArbitrationError):
    """Facts could not be extracted from the documents of a case."""


class MissingData(ArbitrationError):
    """A required part of a case (parties, claims, a fact) is missing; the message names it."""


class CitationError(ArbitrationError):
    """A statute reference does not resolve against the statute data."""


class MissingParameter(ArbitrationError):
    """A regional figure (average or minimum wage) is missing; the message names city, year and how to enter it."""

    def __init__(self, what: str, hint: str = "") -> None:
        # `what` is missing (a legal document may say it is 待查明); `hint` tells a clerk how to enter it
        self.what, self.hint = what, hint
        super().__init__(f"{what}；{hint}" if hint else what)

    def __reduce__(self):  # keep (what, hint) across processes
        return (type(self), (self.what, self.hint))


class CalculationError(ArbitrationError):
    """A calculator was given inputs that make no sense (end before start, negative wage …)."""


class IndexMismatch(ArbitrationError):
    """The archive index was built with another embedder or dimension; the message gives the rebuild command."""


class ModelUnavailable(ArbitrationError):
    """A model is not installed or its files are missing; the message says what to install or configure."""


class AudioError(ArbitrationError):
    """Audio input is unusable (wrong rate, truncated, silent …)."""


class TemplateError(ArbitrationError):
    """A DOCX template is missing variables or does not render."""
