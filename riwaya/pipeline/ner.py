"""Optional named-entity recognition with camel-tools' BERT model.

The pipeline runs without it: :func:`load_ner` returns None when the model is not
installed, and never downloads anything. Importing ``camel_tools.ner`` loads
camel-tools' data catalogue, and *downloads* it when it is missing, so this module
checks for the catalogue first and imports camel-tools' NER lazily, only when a
model is really there (the rest of the pipeline never pays for torch).

Install the model with ``camel_data -i ner-arabert`` (it goes to
``$CAMELTOOLS_DATA``, by default ``~/.camel_tools``), or pass the folder of any
BERT token classifier with camel's labels (B-/I- PERS, ORG, LOC, MISC, and O).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from riwaya.errors import NERUnavailable

__all__ = ["Entity", "LABELS", "NamedEntityTagger", "camel_data_dir", "default_model_path",
           "load_ner", "merge_bio", "token_offsets"]

log = logging.getLogger(__name__)

LABELS = {"PERS": "person", "ORG": "organisation", "LOC": "place", "MISC": "misc"}
"""camel-tools' entity types -> the labels of :class:`Entity`."""

INSTALL_FIX = ("install it with `camel_data -i ner-arabert` (into $CAMELTOOLS_DATA, default "
               "~/.camel_tools), or pass the folder of a BERT token-classification model")
_SENTENCE_END = frozenset(".!?؟…\n")


@dataclass(frozen=True)
class Entity:
    """A named entity: ``text[start:end] == surface``."""

    label: str
    """``person``, ``organisation``, ``place`` (or ``misc``)."""
    start: int
    end: int
    surface: str


def _expect_str(value: Any, name: str = "text") -> None:
    if not isinstance(value, str):
        raise TypeError(f"Expected str for {name}, got {type(value).__name__} instead")


# --------------------------------------------------------------------------- tokens and tags


def token_offsets(text: str) -> list[tuple[str, int, int]]:
    """camel-tools' ``simple_word_tokenize`` tokens with their offsets in ``text``."""
    from camel_tools.tokenizers.word import simple_word_tokenize

    _expect_str(text)
    out = []
    cursor = 0
    for token in simple_word_tokenize(text):
        start = text.find(token, cursor)
        if start < 0:  # the tokenizer changed the token; cannot place it
            continue
        out.append((token, start, start + len(token)))
        cursor = start + len(token)
    return out


def merge_bio(tags: Iterable[str]) -> list[tuple[str, int, int]]:
    """``(type, first, last + 1)`` token spans from B-/I- tags.

    An ``I-X`` that does not continue an ``X`` span starts one (as conlleval reads it).
    """
    spans: list[list[Any]] = []
    current: list[Any] | None = None
    for i, tag in enumerate(tags):
        _expect_str(tag, "tag")
        prefix, _, kind = tag.partition("-")
        if prefix == "B" or (prefix == "I" and (current is None or current[0] != kind)):
            current = [kind, i, i + 1]
            spans.append(current)
        elif prefix == "I":
            current[2] = i + 1
        else:
            current = None
    return [tuple(span) for span in spans]


class NamedEntityTagger:
    """Entities with character offsets, from a camel-tools ``NERecognizer``."""

    def __init__(self, recognizer: Any, *, keep_misc: bool = False) -> None:
        self._recognizer = recognizer
        self.keep_misc = keep_misc

    def __repr__(self) -> str:
        return f"<NamedEntityTagger {type(self._recognizer).__name__}>"

    def tags(self, words: list[str]) -> list[str]:
        """One camel label per word (``O`` for words the model's vocabulary cannot read)."""
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise TypeError("Expected a list of str for words")
        return self._tag_sentences([words])[0]

    def entities(self, text: str) -> list[Entity]:
        """Persons, organisations and places in ``text``, in order, offsets into ``text``."""
        _expect_str(text)
        tokens = token_offsets(text)
        if not tokens:
            return []
        sentences: list[list[tuple[str, int, int]]] = [[]]
        for token in tokens:
            sentences[-1].append(token)
            if token[0] in _SENTENCE_END:
                sentences.append([])
        sentences = [s for s in sentences if s]
        tagged = self._tag_sentences([[t[0] for t in s] for s in sentences])
        out = []
        for sentence, tags in zip(sentences, tagged):
            for kind, first, last in merge_bio(tags):
                label = LABELS.get(kind)
                if label is None or (label == "misc" and not self.keep_misc):
                    continue
                start, end = sentence[first][1], sentence[last - 1][2]
                out.append(Entity(label, start, end, text[start:end]))
        return out

    def mentions(self, text: Any) -> list[Any]:
        """The entities as ``riwaya.pipeline.mentions.Mention`` rows for the build.

        ``text`` is a ``riwaya.text.matcher.NormText``; persons and organisations become
        ``actor`` mentions, places ``place`` ones, with entity id ``NER:<normalised
        surface>`` and method ``ner``. Entities that cover no matcher token are dropped.
        """
        from riwaya.pipeline.mentions import Mention
        from riwaya.text.normalize import normalize_form

        out = []
        for entity in self.entities(text.original):
            first = text.token_at_or_after(entity.start)
            last = first
            while last < len(text.tokens) and text.tokens[last].start < entity.end:
                last += 1
            if last == first:
                continue
            kind = "place" if entity.label == "place" else "actor"
            out.append(Mention(kind=kind, entity_id=f"NER:{normalize_form(entity.surface)}",
                               surface=entity.surface, start=entity.start, end=entity.end,
                               method="ner", first_token=first, last_token=last))
        return out

    def _tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        # camel's NERDataset silently drops words that its BERT tokenizer turns into
        # nothing (zero-width and control characters), which would shift every later
        # label; such words are left out here and tagged O.
        tokenizer = self._recognizer.tokenizer
        kept = [[i for i, w in enumerate(words) if tokenizer.tokenize(w)] for words in sentences]
        predictions = self._recognizer.predict([[words[i] for i in keep]
                                                for words, keep in zip(sentences, kept)])
        out = []
        for words, keep, labels in zip(sentences, kept, predictions):
            tags = ["O"] * len(words)
            for i, label in zip(keep, labels):
                tags[i] = label
            out.append(tags)
        return out


# --------------------------------------------------------------------------- finding and loading


def camel_data_dir() -> Path:
    """Where camel-tools keeps its data: ``$CAMELTOOLS_DATA``, else its default folder."""
    env = os.environ.get("CAMELTOOLS_DATA")
    if env is not None:
        return Path(env).expanduser().absolute()
    if sys.platform == "win32":
        return Path.home() / "AppData/Roaming/camel_tools"
    return Path.home() / ".camel_tools"


def default_model_path(data_dir: Path | None = None) -> Path | None:
    """The installed NER model's folder, read from camel-tools' catalogue, or None."""
    data_dir = camel_data_dir() if data_dir is None else Path(data_dir)
    catalogue = data_dir / "catalogue.json"
    try:
        entry = json.loads(catalogue.read_text(encoding="utf-8"))["components"][
            "NamedEntityRecognition"]
        rel = entry["datasets"][entry["default"]]["path"]
    except FileNotFoundError:
        log.info("NER off: camel-tools' catalogue %s is missing; %s", catalogue, INSTALL_FIX)
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.info("NER off: camel-tools' catalogue %s names no NER model (%s); %s",
                 catalogue, exc, INSTALL_FIX)
        return None
    path = data_dir / "data" / rel
    if not (path / "config.json").is_file():
        log.info("NER off: no model at %s; %s", path, INSTALL_FIX)
        return None
    return path


def _check_model_dir(path: Path) -> None:
    if not path.is_dir():
        raise NERUnavailable(f"NER model folder {path} does not exist; {INSTALL_FIX}")
    missing = [name for name in ("config.json", "vocab.txt") if not (path / name).is_file()]
    if missing:
        raise NERUnavailable(f"{path} is not a BERT model folder (no {', '.join(missing)}); "
                             f"{INSTALL_FIX}")


def load_ner(model_path: str | Path | None = None, *, use_gpu: bool = False,
             keep_misc: bool = False) -> NamedEntityTagger | None:
    """A tagger, or None when no model path is given and none is installed.

    Never touches the network: camel-tools is imported only when its catalogue is on
    disk (importing it without one would download it).

    Raises:
        NERUnavailable: ``model_path`` is given but unusable, or camel-tools cannot
            load a model that is there.
    """
    if model_path is None:
        found = default_model_path()
        if found is None:
            return None
        path = found
    else:
        if not isinstance(model_path, (str, Path)):
            raise TypeError(f"Expected str or Path for model_path, got "
                            f"{type(model_path).__name__} instead")
        path = Path(model_path).expanduser()
        _check_model_dir(path)

    catalogue = camel_data_dir() / "catalogue.json"
    if "camel_tools.data" not in sys.modules and not catalogue.is_file():
        raise NERUnavailable(
            f"camel-tools' catalogue {catalogue} is missing, and importing camel_tools.ner "
            f"would download it; run `camel_data -i ner-arabert` (or set CAMELTOOLS_DATA to a "
            f"folder with catalogue.json), or run without NER")
    try:
        from camel_tools.ner import NERecognizer

        recognizer = NERecognizer(str(path), use_gpu=use_gpu)
    except (OSError, ValueError, KeyError, RuntimeError, ImportError) as exc:
        raise NERUnavailable(f"camel-tools could not load the NER model at {path}: {exc}; "
                             f"{INSTALL_FIX}") from exc
    labels = set(recognizer.labels_map.values())
    if not labels <= {f"{p}-{k}" for p in "BI" for k in LABELS} | {"O"}:
        raise NERUnavailable(f"the model at {path} has labels {sorted(labels)}, not camel-tools' "
                             f"NER labels (B-/I- PERS ORG LOC MISC, O); {INSTALL_FIX}")
    log.info("NER on: %s", path)
    return NamedEntityTagger(recognizer, keep_misc=keep_misc)
