"""The one JSON Lines reader: one object a line, each validated with a pydantic model.

Blank lines and lines starting with ``//`` (comments) are skipped. Any problem raises the
caller's :class:`~riwaya.errors.DataFileError` subclass naming the file, the line and the field
(``data/codebook/claims.jsonl, line 7, field 'cues.0.window': ...``). Used for the codebook
(:mod:`riwaya.codebook.model`) and the golden annotation (:mod:`riwaya.evaluate.golden`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from riwaya.errors import DataFileError

M = TypeVar("M", bound=BaseModel)

COMMENT = "//"


def read_jsonl(path: Path | str, model: type[M], *, error: type[DataFileError] = DataFileError,
               max_bytes: int | None = None) -> list[tuple[int, M]]:
    """``(line number, record)`` for every object line of ``path`` (line numbers from 1).

    Args:
        path: the ``.jsonl`` file; it must exist (callers decide what a missing file means).
        model: the pydantic model each line is validated with.
        error: the exception raised (``CodebookError``, ``GoldenError``...).
        max_bytes: refuse larger files (a wrong file chosen by mistake).

    Raises:
        error: the file cannot be read, is not UTF-8, or a line is not a valid object.
    """
    path = Path(path)
    if not isinstance(model, type) or not issubclass(model, BaseModel):
        raise TypeError(f"Expected a pydantic model class, got {model!r} instead")
    try:
        if max_bytes is not None and path.stat().st_size > max_bytes:
            raise error(path, f"file is larger than {max_bytes // 2**20} MiB")
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise error(path, "file not found") from None
    except UnicodeDecodeError as exc:
        raise error(path, f"not UTF-8 text ({exc.reason} at byte {exc.start}); "
                          "save the file as UTF-8") from exc
    except OSError as exc:
        raise error(path, f"cannot read the file ({exc.strerror or exc})") from exc
    records: list[tuple[int, M]] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith(COMMENT):
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(path, f"not valid JSON ({exc.msg} at column {exc.colno})",
                        line=lineno) from exc
        if not isinstance(data, dict):
            raise error(path, f"expected a JSON object, got {type(data).__name__}", line=lineno)
        try:
            records.append((lineno, model.model_validate(data)))
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(part) for part in first["loc"]) or None
            raise error(path, first["msg"], line=lineno, field=field) from exc
    return records
