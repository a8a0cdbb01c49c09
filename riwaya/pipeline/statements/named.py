"""Named speakers outside the codebook: a title and a name ("وزير الخارجية الروسي سيرغي لافروف").

A *role phrase* starts with a post or rank (``role_noun``: وزير، المتحدث، الجنرال ...) or a
profession or courtesy title (``title_noun``: الكاتب، المحلل، الدكتور ...) from the lexicon and
runs, word by word, until a clause break, a complementizer, a preposition, a speech cue or a
``name_stop`` word (اليوم، أمس، أي ...), at most :data:`MAX_TOKENS` words. In it:

* a codebook actor named inside ("المتحدث باسم وزارة الدفاع الروسية") or, after a post or rank,
  an actor's adjective ("الروسي", the actor's ``adjectives``) gives the *affiliation*, the actor
  the person speaks for (a profession does not: "المحلل السوري" speaks for no one);
* a title without the article must be followed by a definite word ("وزير الخارجية"): an
  indefinite phrase ("قائد عسكري") is an unnamed source, not a name;
* the *name* starts at the first word without the article after the titles (first names rarely
  carry it: سيرغي لافروف، ماريا زاخاروفا، وليد المعلم) and takes at most :data:`NAME_TOKENS` words.

With a name, the speaker is ``named``: ``UNK:<normalised name>`` with its affiliation, and the
name's last word (the surname) identifies the same person later in the document ("كما تطرق
لافروف"). Without a name, a title with an affiliation speaks for it ("الوزير الروسي" → the
actor), like "the ministry's spokesman"; a bare title ("رئيس الوزراء") is a named speaker
without affiliation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from riwaya.codebook.model import Codebook
from riwaya.pipeline.mentions import Mention
from riwaya.pipeline.statements.model import Lexicon, Speaker, is_break
from riwaya.text.clitics import ARTICLE, strip_conjunction
from riwaya.text.matcher import NormText, normalized_key
from riwaya.text.normalize import normalize_form

MAX_TOKENS = 9               # words of a role phrase, title to name
NAME_TOKENS = 3              # words of a personal name
MIN_SURNAME = 3              # letters of a surname that identifies a person later on
#: the first word of a two-word surname ("رامي عبد الرحمن" ... "ويؤكد عبد الرحمن"), normalised
NAME_HEADS = frozenset({"عبد", "ابو", "بن", "ابن"})
#: a foreign surname's final long vowel or ه, which transliterations write or drop ("سيل" and
#: "سيلو", "حمدو" and "حمدوه"): the surname is recalled without it too
SURNAME_ENDINGS = ("و", "ه", "ا", "ي")
#: lexicon classes whose words end a role phrase
STOPS = ("complementizer", "preposition", "negation", "relative", "name_stop", "speech_verb",
         "speech_participle", "according_to", "speech_noun")
#: "of the" on a definite noun, which stays inside a role phrase ("المستشارة السياسية للرئيس
#: السوري بثينة شعبان": the name starts after it)
OF_THE = "لل"
TITLES_KNOWN_MAX = 200_000   # distinct tokens whose answer Roles.is_title remembers
#: prepositions that stay inside a role phrase ("المتحدث باسم الوزارة")
INNER = frozenset(normalized_key(w) for w in ("باسم", "بإسم"))
#: ... with a pronoun for the body named before ("المتحدث باسمها"): the body the document's last
#: speaker speaks for
INNER_PRONOUN = frozenset(normalized_key(w + p) for w in ("باسم", "بإسم") for p in ("ه", "ها", "هم"))


def surname_key(surname: str) -> str:
    """A surname without a final transliterated vowel, when what remains is long enough."""
    if surname.endswith(SURNAME_ENDINGS) and len(surname) > MIN_SURNAME:
        return surname[:-1]
    return surname


def bare_form(token: str) -> str:
    """A token without a leading و/ف and without the article."""
    token = strip_conjunction(token)
    return token[len(ARTICLE):] if token.startswith(ARTICLE) and len(token) > 3 else token


@dataclass(frozen=True)
class Roles:
    """The lexicon's titles and the actors' adjectives; built once per codebook."""

    titles: frozenset[str]              # bare forms of posts, ranks and titles
    posts: frozenset[str]               # bare forms of posts and ranks (adjectives count)
    adjectives: dict[str, str]          # bare adjective -> actor id
    persons: frozenset[str]             # codebook actors of kind person
    codebook: frozenset[str]            # every codebook actor id
    surnames: dict[str, str] = field(default_factory=dict)   # a person's one-word short form -> id
    #: (an actor's one-word anaphor, an actor it is part of) -> the actor, where only one fits:
    #: "الوزارة الروسية" is the Russian ministry of the codebook
    institutions: dict[tuple[str, str], str] = field(default_factory=dict)
    #: an actor's metonyms, normalised: a place that speaks as the actor ("قالت دمشق")
    metonyms: dict[str, str] = field(default_factory=dict)
    media: frozenset[str] = frozenset()     # codebook actors of kind media (outlets)
    employer: dict[str, str] = field(default_factory=dict)   # a codebook person -> its body
    #: a codebook actor -> its one-word anaphors, bare ("الوزارة" -> "وزارة")
    anaphors: dict[str, frozenset[str]] = field(default_factory=dict)
    #: token -> whether it is a title (:meth:`is_title` is asked of every word of a text)
    _titled: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, codebook: Codebook, lex: Lexicon) -> "Roles":
        adjectives = {}
        for actor in codebook.actors:
            for form in actor.adjectives:
                adjectives.setdefault(bare_form(normalized_key(form)), actor.id)
        posts = frozenset(bare_form(w) for w in lex.words_of("role_noun"))
        titles = posts | frozenset(bare_form(w) for w in lex.words_of("title_noun"))
        surnames: dict[str, str] = {}
        for actor in codebook.actors:
            if actor.kind == "person":
                for form in actor.short_forms:
                    key = normalized_key(form)
                    if " " not in key and len(key) >= MIN_SURNAME:
                        surnames.setdefault(key, actor.id)
        parents = {a.id: set(a.part_of) for a in codebook.actors}
        found: dict[tuple[str, str], set[str]] = {}
        for actor in codebook.actors:
            for form in actor.anaphors:
                key = normalized_key(form)
                if " " in key:
                    continue
                for parent in parents.get(actor.id, ()):
                    found.setdefault((bare_form(key), parent), set()).add(actor.id)
        institutions = {k: next(iter(v)) for k, v in found.items() if len(v) == 1}
        metonyms = {normalized_key(f): a.id for a in codebook.actors for f in a.metonyms}
        return cls(titles, posts, adjectives,
                   frozenset(a.id for a in codebook.actors if a.kind == "person"),
                   frozenset(a.id for a in codebook.actors), surnames, institutions, metonyms,
                   frozenset(a.id for a in codebook.actors if a.kind == "media"),
                   {a.id: a.part_of[0] for a in codebook.actors
                    if a.kind == "person" and a.part_of},
                   {a.id: frozenset(bare_form(normalized_key(f)) for f in a.anaphors
                                    if " " not in normalized_key(f)) for a in codebook.actors})

    def body_of(self, speaker: Speaker | None) -> str | None:
        """The codebook body a speaker speaks for: the actor, a named speaker's affiliation, a
        codebook person's employer; None for sources and the unattributed."""
        if speaker is None:
            return None
        actor = speaker.affiliation if speaker.kind == "named" else speaker.actor_id
        if actor in self.persons:
            actor = self.employer.get(actor)
        return actor if actor in self.codebook else None

    def is_title(self, token: str) -> bool:
        known = self._titled.get(token)
        if known is None:
            if len(self._titled) > TITLES_KNOWN_MAX:
                self._titled.clear()
            known = self._titled[token] = bare_form(token) in self.titles
        return known

    def metonym_at(self, text: NormText, k: int, hi: int) -> Speaker | None:
        """A place that speaks as an actor (its ``metonyms``: "دمشق") at token ``k``, as the
        subject right after a speech verb ("وقالت دمشق إن", "وتتهم دمشق واشنطن بـ")."""
        toks = text.tokens
        for key, actor in self.metonyms.items():
            n = key.count(" ") + 1
            if k + n <= hi and " ".join(strip_conjunction(toks[j].norm) if j == k else toks[j].norm
                                        for j in range(k, k + n)) == key:
                return Speaker(actor, text.original[toks[k].start:toks[k + n - 1].end],
                               toks[k].start, k + n)
        return None

    def institution_at(self, text: NormText, k: int, hi: int) -> Speaker | None:
        """An actor's anaphor and the adjective of what it is part of at token ``k`` ("الوزارة
        الروسية"), when one codebook actor fits."""
        toks = text.tokens
        if k + 1 >= hi or is_break(text, toks[k].end, toks[k + 1].start):
            return None
        parent = self.adjectives.get(bare_form(toks[k + 1].norm))
        actor = self.institutions.get((bare_form(toks[k].norm), parent)) if parent else None
        if actor is None:
            return None
        return Speaker(actor, text.original[toks[k].start:toks[k + 1].end], toks[k].start, k + 2)


@dataclass
class NamedSpeakers:
    """The named people of one document: found by :meth:`scan`, recalled by surname."""

    roles: Roles
    lex: Lexicon
    by_surname: dict[str, Speaker] = field(default_factory=dict)
    #: the body the last speaker spoke for: "المتحدث باسمها", "الناطق باسم الوزارة" speak for it
    recent: str | None = None

    def _refers_back(self, tok: str, before: str) -> bool:
        """Whether a role phrase's word points to the body spoken for last: باسمه/باسمها, or
        that body's anaphor after باسم ("الناطق باسم الوزارة")."""
        if self.recent is None:
            return False
        return tok in INNER_PRONOUN or (
            before in INNER and bare_form(tok) in self.roles.anaphors.get(self.recent, ()))

    def scan(self, text: NormText, lo: int, hi: int, actors: list[Mention]) -> None:
        """Register every titled name in tokens ``[lo, hi)``."""
        for k in range(lo, hi):
            if self.roles.is_title(text.tokens[k].norm) and \
                    (k == lo or not self.roles.is_title(text.tokens[k - 1].norm)):
                self.phrase_at(text, k, hi, actors)

    def ends_name(self, text: NormText, k: int) -> bool:
        """Whether token ``k`` can be no word of a name: a stop word, a body after ل (لوكالة)."""
        return self._stop(text, k)

    def _stop(self, text: NormText, k: int) -> bool:
        tok = text.tokens[k].norm
        if tok in INNER:
            return False
        if self._to_body(tok):
            return True   # "فيكتور ليتوفكين لوكالة نوفوستي": whom he spoke to, not his name
        if k > 0 and self.lex.is_("name_word", tok) and self.roles.is_title(text.tokens[k - 1].norm):
            return False  # "العميد علي": a name, though it normalises like the preposition على
        return any(self.lex.is_(kind, tok) for kind in STOPS) and not self.roles.is_title(tok)

    def _to_body(self, tok: str) -> bool:
        """A body (``body_noun``: وكالة، قناة، التلفزيون) governed by the preposition ل:
        "لوكالة", "لقناة", "للتلفزيون"."""
        if tok.startswith(OF_THE):
            return self.lex.is_("body_noun", ARTICLE + tok[len(OF_THE):])
        return tok[:1] == "ل" and self.lex.is_("body_noun", tok[1:])

    def _definite_after(self, text: NormText, k: int, hi: int) -> bool:
        """Whether a title without the article at token ``k`` is made definite by what follows:
        a definite word ("وزير الخارجية"), باسم, or a definite word after one more, a chain of
        nouns ("عضو مجلس الرقة")."""
        toks = text.tokens
        for j in (k + 1, k + 2):
            if j >= hi or (j > k + 1 and (self._stop(text, j - 1) or
                                          is_break(text, toks[j - 1].end, toks[j].start))):
                return False
            if strip_conjunction(toks[j].norm).startswith(ARTICLE) or toks[j].norm in INNER \
                    or toks[j].norm in self.roles.metonyms:
                return True      # "مندوب سوريا": a state's name makes the title definite too
        return False

    def phrase_at(self, text: NormText, k: int, hi: int, actors: list[Mention]) -> Speaker | None:
        """The speaker named by a role phrase starting at token ``k``, or None."""
        toks = text.tokens
        if k >= hi or not self.roles.is_title(toks[k].norm):
            return None
        head = strip_conjunction(toks[k].norm)
        if not head.startswith(ARTICLE) and not self._definite_after(text, k, hi):
            return None  # "قائد عسكري": an indefinite phrase names no one
        starts = {m.first_token: m for m in actors}
        post = inner = False
        affiliation: str | None = None
        person: Mention | None = None
        name_first = name_last = -1
        j = k
        while j < hi and j - k < MAX_TOKENS:
            if j > k and (is_break(text, toks[j - 1].end, toks[j].start) or
                          (name_first < 0 and self._stop(text, j)) or
                          (name_first >= 0 and (self._stop(text, j) or self.roles.is_title(toks[j].norm)))):
                break
            mention = starts.get(j)
            if mention is not None and name_first >= 0:
                break  # "بيسكوف الولايات المتحدة بـ…": the name ends where an actor's starts
            if mention is not None and name_first < 0:
                if mention.entity_id in self.roles.persons:
                    person = mention
                    j = mention.last_token
                    break
                if affiliation is not None and j > k:
                    break  # "المتحدث باسم الخارجية السورية التحالف بـ…": the object, not a name
                if mention.entity_id in self.roles.codebook:
                    affiliation = mention.entity_id
                j = max(mention.last_token, j + 1)
                continue
            tok = toks[j].norm
            bare = bare_form(tok)
            if name_first < 0 and j > k and affiliation is None \
                    and self._refers_back(tok, toks[j - 1].norm):
                affiliation, inner = self.recent, True     # "المتحدث باسمها طلال سلو"
                j += 1
                continue
            if name_first < 0 and j > k and post and not inner and affiliation is None \
                    and strip_conjunction(tok) in self.roles.metonyms:
                affiliation = self.roles.metonyms[strip_conjunction(tok)]   # "مندوب سوريا"
                j += 1
                continue
            post = post or (name_first < 0 and bare in self.roles.posts)
            # "المتحدث باسم المرصد السوري", "مدير المرصد السوري": the body's adjective, not the post's
            inner = inner or tok in INNER or (j > k and self.lex.is_("body_noun", tok))
            if name_first < 0 and j > k and post and not inner and bare in self.roles.adjectives:
                affiliation = affiliation or self.roles.adjectives[bare]
            elif name_first < 0 and j > k and not self.roles.is_title(tok) \
                    and not strip_conjunction(tok).startswith(ARTICLE) and tok not in INNER \
                    and not tok.startswith(OF_THE) \
                    and not (j == k + 1 and not head.startswith(ARTICLE)):  # "عضو مجلس الرقة"
                name_first = j
            if name_first >= 0:
                name_last = j + 1
                if name_last - name_first >= NAME_TOKENS:
                    j += 1
                    break
            j += 1
        end_tok = max(j, k + 1)
        if affiliation is not None and any(self.lex.is_("former", toks[i].norm)
                                           for i in range(k, min(end_tok, hi))):
            affiliation = None   # "القائد السابق بقوات سوريا الديمقراطية": speaks for it no more
        if person is not None:
            return Speaker(person.entity_id, person.surface, person.start, person.last_token)
        surface = text.original[toks[k].start:toks[end_tok - 1].end]
        if name_first < 0:
            if affiliation is not None:
                return Speaker(affiliation, surface, toks[k].start, end_tok, "codebook")
            return Speaker("UNK:" + normalize_form(surface), surface, toks[k].start, end_tok,
                           "named")
        name = text.original[toks[name_first].start:toks[name_last - 1].end]
        speaker = Speaker("UNK:" + normalize_form(name), surface, toks[k].start, name_last,
                          "named", affiliation)
        surname = strip_conjunction(toks[name_last - 1].norm)
        if len(surname) >= MIN_SURNAME:
            self.remember(surname, speaker)
        return speaker

    def apposition_at(self, text: NormText, k: int, hi: int,
                      actors: list[Mention]) -> Speaker | None:
        """A name and its title set off by commas at token ``k``, the subject of a verb before
        them ("وقالت بثينة شعبان، المستشارة السياسية للرئيس السوري، إن"): the named speaker,
        speaking for what the title names."""
        toks = text.tokens
        starts = {m.first_token for m in actors}
        commas = True
        for n in range(1, NAME_TOKENS + 1):
            j = k + n - 1
            if j + 1 >= hi or j in starts or self._stop(text, j) or self.roles.is_title(toks[j].norm) \
                    or (j > k and is_break(text, toks[j - 1].end, toks[j].start)):
                return None
            if is_break(text, toks[j].end, toks[j + 1].start):
                break
            nxt = toks[j + 1].norm
            if n >= 2 and self.roles.is_title(nxt) \
                    and not (nxt[:1] in ("و", "ف") and nxt[1:].startswith(ARTICLE)):   # "والمتحدث"
                commas = False   # "وقال سيرغي لافروف وزير الخارجية الروسي إن": no commas
                break
        else:
            return None
        title = self.phrase_at(text, j + 1, hi, actors)
        end = title.last_token if title is not None else -1
        if title is None or end >= hi or (commas and not is_break(text, toks[end - 1].end,
                                                                   toks[end].start)) \
                or not self.lex.is_("complementizer", toks[end].norm):
            return None
        affiliation = title.affiliation if title.kind == "named" else title.actor_id
        if affiliation is not None and affiliation.startswith("UNK"):
            affiliation = None
        if affiliation in self.roles.persons:   # another spokesman of the codebook person's body
            affiliation = self.roles.employer.get(affiliation)
        name = text.original[toks[k].start:toks[j].end]
        speaker = Speaker("UNK:" + normalize_form(name), text.original[toks[k].start:toks[end - 1].end],
                          toks[k].start, end, "named", affiliation)
        surname = strip_conjunction(toks[j].norm)
        if len(surname) >= MIN_SURNAME:
            self.remember(surname, speaker)
        return speaker

    def remember(self, surname: str, speaker: Speaker) -> None:
        """Recall ``speaker`` later by ``surname``, as written or without its final vowel."""
        self.by_surname[surname] = speaker
        self.by_surname.setdefault(surname_key(surname), speaker)

    def known_at(self, text: NormText, k: int, hi: int) -> Speaker | None:
        """A person named earlier, by the surname (or the whole name) at token ``k``; or a
        codebook person by a one-word short form (ديلون) in the speaker's place, named earlier or
        not ("قال ديلون:")."""
        toks = text.tokens
        if k < hi:
            actor = self.roles.surnames.get(strip_conjunction(toks[k].norm)) \
                or self.roles.surnames.get(toks[k].norm)
            if actor is not None:
                return Speaker(actor, text.original[toks[k].start:toks[k].end], toks[k].start, k + 1)
        for n in range(NAME_TOKENS):             # the name's last word is the surname
            last = k + n
            if last >= hi or (n and is_break(text, toks[last - 1].end, toks[last].start)):
                return None
            word = strip_conjunction(toks[last].norm)
            found = self.by_surname.get(word) or (
                None if n else self.by_surname.get(surname_key(word)))   # "سيل" ... "سيلو"
            if found is None:
                continue
            words = normalize_form(text.original[toks[k].start:toks[last].end])
            if n == 0 or words.lstrip("وف") == found.actor_id[4:] \
                    or (n == 1 and strip_conjunction(toks[k].norm) in NAME_HEADS):
                return Speaker(found.actor_id, text.original[toks[k].start:toks[last].end],
                               toks[k].start, last + 1, found.kind, found.affiliation)
        return None
