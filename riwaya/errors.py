"""Exceptions the command line and the dashboard can catch.

Every error names what went wrong and, where there is one, the fix
(geopy's style: fail early, say how to recover).
"""

from __future__ import annotations

from pathlib import Path


class RiwayaError(Exception):
    """Base class of every error Riwaya raises on purpose."""


class InputFileError(RiwayaError):
    """A raw article cannot be used (empty, binary, undecodable, too large)."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class DataFileError(RiwayaError):
    """A data file (codebook, golden annotation) is missing or malformed; names the file, and
    where known the line and the field: ``path, line 3, field 'stance': problem``."""

    def __init__(self, path: Path | str, problem: str, *, line: int | None = None,
                 field: str | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.field = field
        self.problem = problem
        where = str(self.path)
        if line is not None:
            where += f", line {line}"
        if field:
            where += f", field '{field}'"
        super().__init__(f"{where}: {problem}")


class CodebookError(DataFileError):
    """A codebook file is missing or malformed; names the file, line and field."""


class GoldenError(DataFileError):
    """A golden annotation file is missing or malformed; names the file, line and field."""


class ExportError(RiwayaError):
    """A briefing could not be exported (no Chromium to print the PDF, printing failed)."""


class StoryError(DataFileError):
    """A story file (``data/stories/NAME.json``) is missing or malformed, or a story name is
    not usable; names the file and, where known, the field."""


class MetadataError(RiwayaError):
    """The article metadata file is malformed."""

    def __init__(self, path: Path | str, problem: str, *, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        where = f"{self.path}" + (f", line {line}" if line is not None else "")
        super().__init__(f"{where}: {problem}")


class CorpusError(RiwayaError):
    """The processed corpus is missing, incomplete or of another schema version."""


class GeocodingError(RiwayaError):
    """Online geocoding failed or was misconfigured."""


class ReviewError(RiwayaError):
    """A review decision cannot be stored or read (a bad decision, a busy or damaged file)."""


class NERUnavailable(RiwayaError):
    """camel-tools' NER model is not installed; the pipeline runs without it."""


class UsageError(RiwayaError):
    """A command was asked for something that does not exist (an unknown suite, workspace…)."""


class WorkspaceError(UsageError):
    """A workspace name is not usable, is unknown, or already exists (riwaya/workspace.py)."""


class UploadError(RiwayaError):
    """A whole upload is refused (too large, no workspace); single bad files are reported as
    skipped instead (riwaya/upload/)."""


class FormError(RiwayaError):
    """A codebook form has invalid fields; ``errors`` maps each field name to its message, for
    the editor to show beside the field (riwaya/codebook/edit.py)."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.errors.items()) or "invalid form")
