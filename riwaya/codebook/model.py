"""The codebook: actors, claims, places and the language lexicon, as JSONL files.

Every file is one JSON object per line (spaCy's patterns style), validated on
load: a bad line raises :class:`CodebookError` naming the file, the line and the
field. Nothing event-specific lives in Python; it all comes from these files.

Files of a codebook folder (see ``data/codebook/README.md``):

``actors.jsonl``      who can speak or be spoken of
``claims.jsonl``      the contested propositions and their Arabic cue patterns
``places.jsonl``      places of the event, with coordinates when known
``lexicon.jsonl``     speech verbs, frames, negation, refutation cues (language level)
``boilerplate.jsonl`` lines that are not the article (read-also links, footers, ...)
``sources.jsonl``     patterns that reveal an article's outlet (source lines, datelines)
``gazetteer.json``    settings of the offline gazetteer (optional; ``Codebook.gazetteer``)

Every ``.jsonl`` file is read by :func:`riwaya.jsonl.read_jsonl`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from riwaya.codebook.cues import ENTITY, CompiledClaim, compile_claims, form_problem, split_alternatives
from riwaya.codebook.gazetteer_settings import GazetteerSettings, load_settings
from riwaya.codebook.version import codebook_version
from riwaya.config import GAZETTEER_SETTINGS_FILE
from riwaya.errors import CodebookError
from riwaya.jsonl import read_jsonl
from riwaya.text.normalize import normalize_form, normalize_letters
from riwaya.text.safe_regex import UnsafePattern, compile_safe

ID_PATTERN = r"^[A-Z][A-Z0-9_]*$"
MAX_CODEBOOK_BYTES = 20 * 1024 * 1024


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _non_empty_forms(forms: list[str]) -> list[str]:
    for form in forms:
        if not form.strip():
            raise ValueError("empty string in list")
    return forms


def _usable_forms(forms: list[str]) -> list[str]:
    """Name forms that can match: each leaves a word once normalised (:func:`form_problem`)."""
    for n, form in enumerate(_non_empty_forms(forms)):
        if problem := form_problem(form):
            raise ValueError(f"item {n} {form!r} {problem}")
    return forms


class Actor(_Record):
    id: str = Field(pattern=ID_PATTERN)
    name_en: str = Field(min_length=1)
    name_ar: str = ""
    kind: Literal["state", "ministry", "military", "organisation", "person", "media", "group",
                  "people"]
    aliases: list[str] = Field(min_length=1)
    short_forms: list[str] = []
    anaphors: list[str] = []
    part_of: list[str] = []
    adjectives: list[str] = []      # nisba forms ("الروسي"): a title with one speaks for the actor
    metonyms: list[str] = []        # places that speak as the actor ("قالت دمشق"), places elsewhere
    provenance: str = ""
    note: str = ""

    _check_forms = field_validator("adjectives")(_non_empty_forms)
    _check_names = field_validator("aliases", "short_forms", "anaphors", "metonyms")(_usable_forms)


class ClaimCue(_Record):
    all: list[str] = Field(min_length=1)
    near: list[str] = []
    window: int = Field(default=5, ge=1, le=50)
    negated: bool = False
    stance: Optional[Literal["asserts", "denies", "concedes"]] = None
    speaker: str = ""               # "@A|@B": the cue counts only when one of these (or a part of one) speaks
    opens: bool = False             # the anchor opens what the speaker says (أعلن الجيش تحرير المدينة)
    #: words that, between the anchor and a ``near`` group's word, cut the relation ("دعماً
    #: للهجوم على داعش": the support is for an attack on it)
    not_between: str = ""
    note: str = ""

    @field_validator("all", "near")
    @classmethod
    def _groups(cls, groups: list[str]) -> list[str]:
        for group in groups:
            alternatives = split_alternatives(group)
            if not all(alternatives):
                raise ValueError(f"empty alternative in group {group!r}")
            for alt in alternatives:
                if not alt.startswith(ENTITY) and (problem := form_problem(alt)):
                    raise ValueError(f"alternative {alt!r} of group {group!r} {problem}")
        return groups

    @field_validator("not_between")
    @classmethod
    def _blocks(cls, group: str) -> str:
        return cls._groups([group])[0] if group else group


def _web_address(url: str) -> str:
    """An empty string or an http(s) address (never ``javascript:``: links are shown)."""
    if url and not url.startswith(("https://", "http://")):
        raise ValueError(f"expected an http(s):// address, got {url[:60]!r}")
    return url


class Evidence(_Record):
    """One piece of evidence a fact-check leaned on (an image, a video, a document)."""

    description: str = Field(min_length=1)
    url: str = ""
    archive_url: str = ""

    _check_urls = field_validator("url", "archive_url")(_web_address)


class FactCheck(_Record):
    """A fact-checker's verdict on a claim, in the shape of schema.org ClaimReview and
    EUvsDisinfo's disinformation cases: the verdict, a short disproof, the debunk and an
    archived copy of it, and the evidence it leaned on."""

    verdict: Literal["false", "misleading", "partly false", "unproven", "true"]
    summary: str = Field(min_length=1)      # the short disproof
    url: str = ""                           # the debunk
    archive_url: str = ""                   # an archived copy of the debunk (or of the claim)
    reviewed_by: str = ""                   # who checked it (ClaimReview author)
    date: str = Field(default="", pattern=r"^(\d{4}-\d{2}-\d{2})?$")   # ISO date of the check
    evidence: list[Evidence] = []

    _check_urls = field_validator("url", "archive_url")(_web_address)


class Claim(_Record):
    id: str = Field(pattern=ID_PATTERN)
    label_en: str = Field(default="", max_length=40)   # short label for charts
    statement_en: str = Field(min_length=1)
    cues: list[ClaimCue] = []
    examples: list[str] = []        # sentences (Arabic or English) that state the claim
    needs: list[str] = []           # "@A|@B" groups an example match must mention (default: from cues)
    presupposes: list[str] = []
    fact_check: Optional[FactCheck] = None   # a fact-checker's verdict, shown beside the statements
    provenance: str = ""
    note: str = ""

    _check_examples = field_validator("examples")(_non_empty_forms)

    @field_validator("needs")
    @classmethod
    def _entity_groups(cls, groups: list[str]) -> list[str]:
        for group in groups:
            if not all(alt.startswith("@") and len(alt) > 1 for alt in split_alternatives(group)):
                raise ValueError(f"a needs group holds @ID alternatives only, got {group!r}")
        return groups

    @model_validator(mode="after")
    def _defined(self) -> "Claim":
        if not self.cues and not self.examples:
            raise ValueError("a claim needs cues or examples (or both)")
        return self


class Place(_Record):
    id: str = Field(pattern=ID_PATTERN)
    name_en: str = Field(min_length=1)
    name_ar: str = Field(min_length=1)
    aliases: list[str] = []
    lat: Optional[float] = Field(default=None, ge=-90, le=90)
    lon: Optional[float] = Field(default=None, ge=-180, le=180)
    kind: str = "place"
    country: str = ""
    provenance: str = ""
    note: str = ""

    _check_forms = field_validator("aliases")(_usable_forms)


LexiconType = Literal["speech_verb", "speech_participle", "according_to", "speech_noun",
                      "speech_object", "complementizer", "negation", "refutation", "locative",
                      "preposition", "relative", "source_noun", "continuative", "name_head", "passive_speech", "spokesperson",
                      "role_noun", "title_noun", "name_stop", "place_anaphor", "purpose",
                      "claim_anaphor", "claim_noun", "anonymity", "time_adverb",
                      "reply_frame", "question_verb", "question", "negation_raiser", "body_noun",
                      "conditional", "intent", "verb_negation", "other_anaphor", "member_noun",
                      "word_negation", "contrast", "speaker_modifier",
                      "name_word", "hedge", "circumstance", "state_body", "former", "state_name",
                      "past_frame", "verb_particle"]


class LexiconEntry(_Record):
    type: LexiconType
    forms: list[str] = Field(min_length=1)
    stance: Optional[Literal["asserts", "denies", "concedes"]] = None
    requires_after: list[str] = []
    object_prefix: list[str] = []   # an actor followed by a word with this prefix is the object
    note: str = ""

    _check_forms = field_validator("forms", "requires_after", "object_prefix")(_non_empty_forms)


class _PatternRule(_Record):
    """A rule whose ``pattern`` is a user's regular expression, run on normalised lines.

    Compiled once, at load, with RE2 (:mod:`riwaya.text.safe_regex`): linear time whatever the
    pattern, so a careless or hostile codebook cannot hang a build; a pattern RE2 cannot run
    (lookarounds, backreferences) is refused with the field named."""

    pattern: str
    _compiled: Any = PrivateAttr(default=None)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        try:
            compile_safe(normalize_letters(pattern), ignore_case=True)
        except UnsafePattern as exc:
            raise ValueError(str(exc)) from None
        return pattern

    def model_post_init(self, context: Any, /) -> None:
        self._compiled = compile_safe(normalize_letters(self.pattern), ignore_case=True)

    @property
    def compiled(self):
        """The pattern, letter-normalised like the lines it runs on, compiled with RE2."""
        return self._compiled


class BoilerplateRule(_PatternRule):
    action: Literal["drop_line", "drop_rest"]
    reason: str = Field(min_length=1)


class SourceRule(_PatternRule):
    basis: Literal["source line", "credit", "dateline"]

    @model_validator(mode="after")
    def _names_its_group(self) -> "SourceRule":
        if not {"source", "credit"} & set(self.compiled.groupindex):
            raise ValueError("pattern needs a named group (?P<source>...) or (?P<credit>...)")
        return self


@dataclass(frozen=True)
class Codebook:
    folder: Path
    actors: tuple[Actor, ...]
    claims: tuple[Claim, ...]
    places: tuple[Place, ...]
    lexicon: tuple[LexiconEntry, ...]
    boilerplate: tuple[BoilerplateRule, ...]
    sources: tuple[SourceRule, ...]
    compiled_claims: tuple[CompiledClaim, ...]   # the claims' cue patterns, compiled (cues.py)
    gazetteer: GazetteerSettings | None = None   # gazetteer.json; None: no offline gazetteer
    version: str = ""     # the hash of the data files read (version.py; load_codebook)

    @staticmethod
    def claim_label(claim: "Claim") -> str:
        """A claim's chart label: its ``label_en``, else its id made readable."""
        return claim.label_en or claim.id.replace("_", " ").capitalize()

    def lexicon_forms(self, kind: str) -> list[LexiconEntry]:
        return [e for e in self.lexicon if e.type == kind]


def _read_jsonl(path: Path, model: type[BaseModel], *, required: bool = True,
                allow_empty: bool = False) -> list[tuple[int, Any]]:
    """(line number, record) pairs of a codebook file (:func:`riwaya.jsonl.read_jsonl`); a
    required file must exist and hold a record (unless ``allow_empty``: a new workspace's
    actors and claims, only comment lines until the first is added)."""
    if not path.exists():
        if required:
            raise CodebookError(path, "file is missing; every codebook folder needs it "
                                      "(copy it from data/codebook/ and edit)")
        return []
    records = read_jsonl(path, model, error=CodebookError, max_bytes=MAX_CODEBOOK_BYTES)
    if required and not records and not allow_empty:
        raise CodebookError(path, "file has no records")
    return records


def _read_gazetteer(folder: Path) -> GazetteerSettings | None:
    """The folder's ``gazetteer.json`` settings; None when it has none (no offline gazetteer)."""
    path = folder / GAZETTEER_SETTINGS_FILE
    return load_settings(path) if path.exists() else None


def _check_unique(path: Path, records: list[tuple[int, Any]], what: str) -> None:
    seen: dict[str, int] = {}
    for lineno, rec in records:
        if rec.id in seen:
            raise CodebookError(path, f"duplicate {what} id {rec.id!r} (first on line {seen[rec.id]})",
                                line=lineno, field="id")
        seen[rec.id] = lineno


def load_codebook(folder: Path | str) -> Codebook:
    """Load and validate a codebook folder; its ``version`` is the hash of the very files read
    (taken before and after reading: a file saved meanwhile is read again; if the files keep
    changing, the version is one of no other codebook, so nothing made from it is reused)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CodebookError(folder, "codebook folder not found; pass --codebook DIR "
                                    "(the sample's is data/codebook)")
    for _ in range(3):
        before = codebook_version(folder)
        book = _read_codebook(folder)
        if codebook_version(folder) == before:
            return replace(book, version=before)
    return replace(book, version=f"unsettled {uuid.uuid4()}")


def _read_codebook(folder: Path) -> Codebook:
    actors = _read_jsonl(folder / "actors.jsonl", Actor, allow_empty=True)
    claims = _read_jsonl(folder / "claims.jsonl", Claim, allow_empty=True)
    places = _read_jsonl(folder / "places.jsonl", Place, required=False)
    lexicon = _read_jsonl(folder / "lexicon.jsonl", LexiconEntry)
    boilerplate = _read_jsonl(folder / "boilerplate.jsonl", BoilerplateRule, required=False)
    sources = _read_jsonl(folder / "sources.jsonl", SourceRule, required=False)
    _check_unique(folder / "actors.jsonl", actors, "actor")
    _check_unique(folder / "claims.jsonl", claims, "claim")
    _check_unique(folder / "places.jsonl", places, "place")
    for lineno, actor in actors:
        if not any(normalize_form(a) for a in actor.aliases):
            raise CodebookError(folder / "actors.jsonl", f"actor {actor.id} has no usable alias",
                                line=lineno, field="aliases")
    claims_path = folder / "claims.jsonl"
    place_ids = {p.id for _, p in places}
    actor_ids = {a.id for _, a in actors}
    compiled = compile_claims(c for _, c in claims)
    for (lineno, claim), compiled_claim in zip(claims, compiled):
        for ci, cue in enumerate(compiled_claim.cues):
            for part, groups in (("all", cue.all), ("near", cue.near)):
                for entity in (e for group in groups for e in group.entities):
                    if entity not in actor_ids | place_ids:
                        raise CodebookError(
                            claims_path, f"claim {claim.id} cue names unknown entity "
                                         f"{'@' + entity!r}; use an actor or place id", line=lineno,
                            field=f"cues.{ci}.{part}")
        for field_name, groups in (("needs", claim.needs),
                                   ("cues.speaker", [c.speaker for c in claim.cues if c.speaker])):
            for group in groups:
                for alt in split_alternatives(group):
                    if not alt.startswith("@") or alt[1:] not in actor_ids | place_ids:
                        raise CodebookError(
                            claims_path, f"claim {claim.id} {field_name} names unknown entity "
                                         f"{alt!r}; use @ and an actor or place id", line=lineno,
                            field=field_name)
        for other in claim.presupposes:
            if other not in {c.id for _, c in claims}:
                raise CodebookError(claims_path, f"claim {claim.id} presupposes unknown claim {other!r}",
                                    line=lineno, field="presupposes")
    for lineno, actor in actors:
        for parent in actor.part_of:
            if parent not in actor_ids:
                raise CodebookError(folder / "actors.jsonl",
                                    f"actor {actor.id} is part_of unknown actor {parent!r}",
                                    line=lineno, field="part_of")
    actors = [a for _, a in actors]
    claims = [c for _, c in claims]
    places = [p for _, p in places]
    lexicon = [e for _, e in lexicon]
    boilerplate = [b for _, b in boilerplate]
    sources = [r for _, r in sources]
    overlap = {a.id for a in actors} & {p.id for p in places}
    if overlap:
        raise CodebookError(folder / "places.jsonl",
                            f"ids used by both an actor and a place: {sorted(overlap)}", field="id")
    return Codebook(folder=folder, actors=tuple(actors), claims=tuple(claims),
                    places=tuple(places), lexicon=tuple(lexicon),
                    boilerplate=tuple(boilerplate), sources=tuple(sources),
                    compiled_claims=compiled, gazetteer=_read_gazetteer(folder))
