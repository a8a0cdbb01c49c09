"""The words a regular expression cannot match without: a cheap test before running it.

:func:`required_literals` reads a pattern (Python's parser, as :mod:`riwaya.text.safe_regex`
checks it) and gives a set of strings, one of which every match contains, or None when it
cannot say (a pattern of character classes only, ``.{0,160}``...). A line holding none of them
cannot match, so the pattern need not run on it: the boilerplate rules
(:mod:`riwaya.pipeline.clean`) are mostly lists of words, and most lines hold none.

Only characters without case are taken (Arabic letters, digits, punctuation): the rules match
case-insensitively, and a caseless character matches only itself, so a plain ``in`` decides.
"""

from __future__ import annotations

import functools
import re
import re._constants as _sre_c
import re._parser as _sre_parse

_REPEATS = tuple(op for op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT,
                               getattr(_sre_c, "POSSESSIVE_REPEAT", None)) if op is not None)
_ATOMIC = getattr(_sre_c, "ATOMIC_GROUP", None)

Needed = frozenset  # of str: one of them is in every match


def _caseless(ch: str) -> bool:
    return ch.lower() == ch and ch.upper() == ch and ch.casefold() == ch


def _best(options: list[Needed]) -> Needed | None:
    """The most selective set: its shortest string longest, then the fewest strings."""
    options = [o for o in options if o and "" not in o]
    if not options:
        return None
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))


def _sequence(items) -> Needed | None:
    options: list[Needed] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            options.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op == _sre_c.LITERAL and _caseless(chr(av)):
            run.append(chr(av))
            continue
        flush()
        if op == _sre_c.SUBPATTERN:
            options.append(_sequence(av[-1]))
        elif op == _ATOMIC:
            options.append(_sequence(av))
        elif op == _sre_c.BRANCH:
            alternatives = [_sequence(b) for b in av[1]]
            if all(alternatives):
                options.append(frozenset().union(*alternatives))
        elif op in _REPEATS and av[0] >= 1:
            options.append(_sequence(av[2]))
        # anything else (a class, any character, an anchor, a cased letter) requires nothing
    flush()
    return _best([o for o in options if o is not None])


@functools.lru_cache(maxsize=1024)
def required_literals(pattern: str) -> Needed | None:
    """Strings one of which every match of ``pattern`` contains (None: no such set known)."""
    if not isinstance(pattern, str):
        raise TypeError(f"required_literals expected a pattern as str, got {type(pattern).__name__}")
    try:
        return _sequence(_sre_parse.parse(pattern))
    except (re.error, RecursionError, OverflowError, ValueError):
        return None


def may_match(needed: Needed | None, text: str) -> bool:
    """Whether ``text`` holds one of the ``needed`` strings (always, when None)."""
    return needed is None or any(s in text for s in needed)
