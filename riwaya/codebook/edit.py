"""Adding and editing a codebook's actors, claims and places from a form (the app's editor).

A form is a dict of field -> value as a form has them: list fields (aliases, examples,
part_of…) as a list or as text with one item a line, numbers as text, empty strings for
nothing. :func:`save_actor`, :func:`save_claim` and :func:`save_place` validate it with the
very rules the loader uses (the pydantic models of :mod:`riwaya.codebook.model`, then the
whole codebook loaded again with the record in place, so a saved codebook always loads) and
raise :class:`~riwaya.errors.FormError` with one message per field for the editor to show
beside it. Only then is the record's file written, atomically: one JSON object a line, keys
in the model's order, defaults left out, Arabic as written (``ensure_ascii=False``); every
other line (comments included) is kept byte for byte, so the files stay readable and a diff
shows the one line that changed. Editing keeps the fields the form does not show.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from filelock import FileLock, Timeout
from pydantic import BaseModel, ValidationError

from riwaya.atomic import write_text_atomic
from riwaya.codebook.model import Actor, Claim, Place, load_codebook
from riwaya.errors import CodebookError, FormError
from riwaya.jsonl import COMMENT

Kind = Literal["actor", "claim", "place"]
FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "actor": ("actors.jsonl", Actor), "claim": ("claims.jsonl", Claim),
    "place": ("places.jsonl", Place)}
KINDS = typing.get_args(Actor.model_fields["kind"].annotation)   # an actor's kinds
LIST_FIELDS = {"aliases", "short_forms", "anaphors", "part_of", "adjectives", "examples", "needs",
               "presupposes"}
LOCK_NAME = ".edit.lock"
LOCK_TIMEOUT = 30.0                 # seconds an edit waits for another to be saved
_FRIENDLY = {
    "string_pattern_mismatch": "an id is capital letters, digits and _, starting with a letter "
                               "(e.g. RU_MOD)",
    "missing": "required",
    "string_too_short": "required",
    "too_short": "at least one is needed",
    "literal_error": None,          # pydantic's "Input should be 'a', 'b' or 'c'" says it
}


def as_list(value: str | list[str] | tuple[str, ...] | None) -> list[str]:
    """A form's list: items of a list, or the lines of a text; stripped, empty ones dropped."""
    if value is None:
        return []
    if isinstance(value, str):
        value = value.splitlines()
    if not isinstance(value, (list, tuple)):
        raise TypeError(f"Expected a list or a text of lines, got {type(value).__name__} instead")
    return [str(v).strip() for v in value if str(v).strip()]


def parse_cues(value: str | list) -> list[dict[str, Any]]:
    """Cues from the editor: dicts as in the file, or text with one cue a line, its groups
    joined by ``+`` (``لعبة فيديو|لعبة الفيديو + @RU_MOD``: all groups must occur)."""
    if isinstance(value, list) and all(isinstance(c, dict) for c in value):
        return value
    return [{"all": [g.strip() for g in line.split("+") if g.strip()]} for line in as_list(value)]


def suggest_id(name: str, taken: typing.Iterable[str] = (), *, prefix: str = "ITEM") -> str:
    """An UPPER_SNAKE id from a (Latin) name, not among ``taken``: ``Konashenkov`` ->
    ``KONASHENKOV``; a name without Latin letters gives ``PREFIX_1``…"""
    base = re.sub(r"[^A-Z0-9]+", "_", name.upper()).strip("_")[:40]
    if not base or not base[0].isalpha():
        base = f"{prefix}_{base}" if base else prefix
    taken = set(taken)
    if base not in taken and base != prefix:
        return base
    return next(f"{base}_{n}" for n in range(1, 10_000) if f"{base}_{n}" not in taken)


def _message(err: dict) -> str:
    msg = _FRIENDLY.get(err["type"]) or err["msg"]
    return msg.removeprefix("Value error, ")


def _field_of(loc: tuple, msg: str) -> str:
    if loc:
        return ".".join(str(p) for p in loc)
    return "examples" if "cues or examples" in msg else "form"


def _form_data(kind: str, form: dict[str, Any], existing: dict[str, Any] | None,
               errors: dict[str, str]) -> dict[str, Any]:
    """The record's JSON from the existing record (editing) and the form over it."""
    data = dict(existing or {})
    for key, value in form.items():
        if key in LIST_FIELDS:
            value = as_list(value)
        elif key == "cues":
            value = parse_cues(value)
        elif key in ("lat", "lon"):
            if value in ("", None):
                value = None
            else:
                try:
                    value = float(str(value).replace(",", "."))
                except ValueError:
                    errors[key] = f"a number is expected (e.g. 35.95), got {str(value)[:30]!r}"
                    continue
        elif key == "fact_check" and not value:
            value = None
        elif isinstance(value, str):
            value = value.strip()
        data[key] = value
    return {k: v for k, v in data.items() if v is not None or k in ("lat", "lon")}


def dump_record(record: BaseModel) -> str:
    """One line of a codebook file: the model's key order, defaults left out, Arabic as is."""
    data = record.model_dump(mode="json", exclude_defaults=True)
    data = {"id": data.pop("id"), **data} if "id" in data else data
    return json.dumps(data, ensure_ascii=False)


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8-sig").splitlines() if path.exists() else []


def _id_of(line: str) -> str | None:
    if not line.strip() or line.lstrip().startswith(COMMENT):
        return None
    try:
        data = json.loads(line)
    except json.JSONDecodeError:
        return None
    return data.get("id") if isinstance(data, dict) else None


def _record_json(lines: list[str], record_id: str) -> tuple[int | None, dict | None]:
    for i, line in enumerate(lines):
        if _id_of(line) == record_id:
            return i, json.loads(line)
    return None, None


def _references(folder: Path, record_id: str, skip_kind: str | None = None) -> list[str]:
    """Records of the codebook that name ``record_id`` (part_of, @ID, presupposes)."""
    found = []
    token = re.compile(rf'(?<![A-Z0-9_])@?{re.escape(record_id)}(?![A-Z0-9_])')
    for kind, (name, _) in FILES.items():
        for line in _lines(folder / name):
            other = _id_of(line)
            if other is None or other == record_id:
                continue
            body = json.loads(line)
            body.pop("id", None)
            if token.search(json.dumps({k: v for k, v in body.items()
                                        if k in ("part_of", "cues", "needs", "presupposes")},
                                       ensure_ascii=False)):
                found.append(other)
    return found


def _check_whole(folder: Path, name: str, new_lines: list[str], line_no: int,
                 errors: dict[str, str]) -> None:
    """Load the codebook with ``name`` replaced by ``new_lines`` in a temporary copy; a
    loader error on the record's line goes to its field, any other to ``form``."""
    with tempfile.TemporaryDirectory(prefix="riwaya-codebook-") as tmp:
        copy = Path(tmp) / "codebook"
        shutil.copytree(folder, copy, ignore=shutil.ignore_patterns(".*"))
        (copy / name).write_text("\n".join(new_lines) + "\n", encoding="utf-8")
        try:
            load_codebook(copy)
        except CodebookError as exc:
            own = exc.path.name == name and exc.line in (None, line_no)
            key = (exc.field or "form").split(".")[0] if own else "form"
            where = "" if own else f" ({exc.path.name}{f', line {exc.line}' if exc.line else ''})"
            errors[key] = exc.problem + where


class _locked:
    """One edit of a codebook folder at a time (a lock file in it); a wait over 30 s is a
    :class:`FormError` the editor shows, not a crash."""

    def __init__(self, folder: Path) -> None:
        self.lock = FileLock(str(folder / LOCK_NAME), timeout=LOCK_TIMEOUT)

    def __enter__(self) -> None:
        try:
            self.lock.acquire()
        except Timeout:
            raise FormError({"form": "another edit of this codebook is being saved; try again"}) from None

    def __exit__(self, *exc) -> None:
        self.lock.release()


def _save(kind: Kind, folder: Path | str, form: dict[str, Any], original_id: str | None) -> BaseModel:
    if not isinstance(form, dict):
        raise TypeError(f"Expected the form as a dict of field -> value, got {type(form).__name__}")
    folder = Path(folder)
    if not folder.is_dir():
        raise CodebookError(folder, "codebook folder not found")
    name, model = FILES[kind]
    path = folder / name
    with _locked(folder):
        lines = _lines(path)
        index, existing = (None, None)
        if original_id:
            index, existing = _record_json(lines, original_id)
            if index is None:
                raise FormError({"id": f"no {kind} {original_id!r} in {name} (deleted meanwhile?)"})
        errors: dict[str, str] = {}
        data = _form_data(kind, form, existing, errors)
        if not data.get("id"):
            taken = {i for n, _ in FILES.values() for i in map(_id_of, _lines(folder / n)) if i}
            data["id"] = suggest_id(str(data.get("name_en") or data.get("label_en") or ""), taken,
                                    prefix=kind.upper())
        try:
            record = model.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                errors.setdefault(_field_of(err["loc"], err["msg"]), _message(err))
            raise FormError(errors) from None
        if errors:
            raise FormError(errors)
        new_id = record.id
        for other_kind, (other_name, _) in FILES.items():
            clash, _ = _record_json(_lines(folder / other_name), new_id)
            if clash is not None and not (other_kind == kind and new_id == original_id):
                raise FormError({"id": f"{new_id} is already a{'n' if other_kind[0] == 'a' else ''} "
                                       f"{other_kind} in {other_name}; choose another id"})
        if original_id and new_id != original_id and (refs := _references(folder, original_id)):
            raise FormError({"id": f"{original_id} is named by {', '.join(refs[:5])}; rename "
                                   "those references first, or keep the id"})
        line = dump_record(record)
        new_lines = list(lines)
        if index is None:
            new_lines.append(line)
            index = len(new_lines) - 1
        else:
            new_lines[index] = line
        _check_whole(folder, name, new_lines, index + 1, errors)
        if errors:
            raise FormError(errors)
        write_text_atomic(path, "\n".join(new_lines) + "\n")
    return record


def save_actor(codebook_dir: Path | str, form: dict[str, Any], *,
               original_id: str | None = None) -> Actor:
    """Add an actor (``original_id`` None) or edit the actor ``original_id``.

    Form fields: id (empty: from name_en), name_en, name_ar, kind (:data:`KINDS`), aliases
    (Arabic forms, one a line; at least one), short_forms, anaphors, adjectives, part_of
    (actor ids), provenance, note.

    Raises:
        FormError: ``errors`` maps each invalid field to its message; nothing was written.
        CodebookError: the folder does not exist.
    """
    return _save("actor", codebook_dir, form, original_id)


def save_claim(codebook_dir: Path | str, form: dict[str, Any], *,
               original_id: str | None = None) -> Claim:
    """Add or edit a claim. Form fields: id, label_en (≤ 40 characters), statement_en,
    examples (sentences stating it, one a line), cues (:func:`parse_cues`), needs,
    presupposes, fact_check (a dict, :class:`riwaya.codebook.model.FactCheck`), note.
    A claim needs examples or cues.

    Raises:
        FormError: field -> message; nothing was written.
    """
    return _save("claim", codebook_dir, form, original_id)


def save_place(codebook_dir: Path | str, form: dict[str, Any], *,
               original_id: str | None = None) -> Place:
    """Add or edit a place. Form fields: id, name_en, name_ar, aliases, lat, lon (empty: the
    gazetteer's at build time; :func:`gazetteer_matches` offers them), kind, country.

    Raises:
        FormError: field -> message; nothing was written.
    """
    return _save("place", codebook_dir, form, original_id)


def delete_record(codebook_dir: Path | str, kind: Kind, record_id: str) -> None:
    """Remove a record (its line) from its file.

    Raises:
        FormError: no such record, or other records name it (``{"id": ...}``)."""
    folder = Path(codebook_dir)
    name, _ = FILES[kind]
    with _locked(folder):
        lines = _lines(folder / name)
        index, _ = _record_json(lines, record_id)
        if index is None:
            raise FormError({"id": f"no {kind} {record_id!r} in {name}"})
        if refs := _references(folder, record_id):
            raise FormError({"id": f"{record_id} is named by {', '.join(refs[:5])}; remove "
                                   "those references first"})
        del lines[index]
        write_text_atomic(folder / name, "\n".join(lines) + "\n")


@dataclass(frozen=True)
class PlaceMatch:
    """A gazetteer place a name may be: to fill a place form's coordinates."""

    entity_id: str
    name_en: str
    name_ar: str
    lat: float
    lon: float
    kind: str
    country: str
    population: int

    def form(self) -> dict[str, Any]:
        """A place form pre-filled from this match."""
        return {"name_en": self.name_en, "name_ar": self.name_ar, "lat": self.lat,
                "lon": self.lon, "kind": self.kind, "country": self.country,
                "aliases": [self.name_ar] if self.name_ar else [],
                "provenance": f"gazetteer {self.entity_id}"}


def gazetteer_matches(name: str, codebook_dir: Path | str, limit: int = 5) -> list[PlaceMatch]:
    """Places of the offline gazetteer (the codebook's ``gazetteer.json`` settings) a name,
    Arabic or English, may be, the likeliest first; empty when the codebook has no settings."""
    from riwaya.codebook.gazetteer_settings import load_settings
    from riwaya.config import GAZETTEER_SETTINGS_FILE
    from riwaya.pipeline.gazetteer import load_gazetteer

    if not isinstance(name, str):
        raise TypeError(f"Expected str, got {type(name).__name__} instead")
    settings_path = Path(codebook_dir) / GAZETTEER_SETTINGS_FILE
    if not name.strip() or not settings_path.exists():
        return []
    gazetteer = load_gazetteer(load_settings(settings_path))
    found = list(gazetteer.candidates(name.strip()))
    if (en := gazetteer.lookup_en(name.strip())) is not None and en not in found:
        found.append(en)
    return [PlaceMatch(e.entity_id, e.name_en, e.name_ar or "", e.lat, e.lon, e.kind, e.country,
                       e.population) for e in found[:limit]]
