"""The one table of Arabic clitics: the prefixes a word may carry before its stem, and the
pronouns attached after it.

Every module that strips or tests a prefix (the matcher, speaker resolution, claim cues) takes
it from here, so a new clitic is added once.
"""

from __future__ import annotations

#: conjunctions: "and", "so"
CONJUNCTIONS = ("و", "ف")
#: prepositions written as one letter on the word: "with/by", "for/to", "like"
PREPOSITIONS = ("ب", "ل", "ك")
#: the one of them that also means "in/at": a name carrying it is used as a place
IN = PREPOSITIONS[0]
#: the definite article
ARTICLE = "ال"

#: a preposition + the article, written لل (ل + ال: "للتحالف" is "to the coalition")
LAM_ARTICLE = "لل"

#: every proclitic sequence a matched form may carry, longest last; "" = none
PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "وب", "فب", "ول",
              "فل", "وك", "فك", "وبال", "فبال", "وكال", "ولل", "فلل", "لل")

#: pronouns attached to a noun's end, normalised, longest first where one ends another
#: (رأسهما، بلدته، أرضنا): "their two", "their", "their (f.)", "her", "his", "our", "your two",
#: "your (pl.)", "your", "my"
ATTACHED_PRONOUNS = ("هما", "هم", "هن", "ها", "ه", "نا", "كما", "كم", "ك", "ي")

#: prefixes that make the word they sit on the object of a preposition, so never a subject
PREPOSITIONAL = ("ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "لل", "ولل")


def strip_conjunction(token: str) -> str:
    """The token without a leading و or ف (one letter)."""
    return token[1:] if token[:1] in CONJUNCTIONS and len(token) > 1 else token


def with_conjunction(token: str, forms: frozenset[str] | set[str]) -> bool:
    """Whether ``token`` is one of ``forms``, alone or after a leading و/ف."""
    return token in forms or (token[:1] in CONJUNCTIONS and token[1:] in forms)
