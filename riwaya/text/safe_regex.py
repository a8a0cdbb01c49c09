"""Regular expressions from users' files, compiled with RE2: linear time, whatever the pattern.

A codebook is data users edit, so its patterns (boilerplate rules, source rules) are untrusted:
with Python's backtracking engine ``^(\\w+\\s?)*$`` takes minutes on one line of 40 letters and
a "!". RE2 (``google-re2``) runs every pattern in time linear in the text, and refuses the few
constructs that need backtracking (backreferences, lookarounds) with a clear message.

RE2 reads Python's escapes in part only, so :func:`translate` maps the ones a codebook uses onto
RE2's, keeping Python's Unicode meaning: ``\\w`` is any letter, digit or underscore of any script
(RE2's own ``\\w`` is ASCII), ``\\d`` any decimal digit, ``\\s`` any space, ``\\uXXXX`` a code
point.
"""

from __future__ import annotations

import re
import re._constants as _sre_c
import re._parser as _sre_parse

import re2

#: Python escape → RE2 form, outside and inside a character class.
_OUTSIDE = {"w": r"[\p{L}\p{N}_]", "W": r"[^\p{L}\p{N}_]", "d": r"\p{Nd}", "D": r"\P{Nd}",
            "s": r"[\s\p{Z}]", "S": r"[^\s\p{Z}]"}
_INSIDE = {"w": r"\p{L}\p{N}_", "d": r"\p{Nd}", "s": r"\s\p{Z}"}
_CODE_POINT = re.compile(r"u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|x([0-9A-Fa-f]{2})")

Pattern = re2._Regexp  # what compile returns: search, match, fullmatch, sub, finditer, groupindex


class UnsafePattern(ValueError):
    """A pattern RE2 cannot run (it needs backtracking) or that is not a regular expression."""


def translate(pattern: str) -> str:
    """``pattern`` with Python's Unicode escapes rewritten for RE2 (see the module docstring)."""
    if not isinstance(pattern, str):
        raise TypeError(f"expected a regular expression as str, got {type(pattern).__name__}")
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            m = _CODE_POINT.match(pattern, i + 1)
            if m:
                out.append(r"\x{" + next(g for g in m.groups() if g) + "}")
                i = m.end()
                continue
            table = _INSIDE if in_class else _OUTSIDE
            if nxt in table:
                out.append(table[nxt])
            elif in_class and nxt in "WDS":
                raise UnsafePattern(f"\\{nxt} inside a character class is not supported; "
                                    f"write the class without it")
            else:
                out.append(c + nxt)
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
            out.append(c)
            # a leading "]" or "^]" is a literal bracket inside the class
            j = i + 1
            if j < len(pattern) and pattern[j] == "^":
                out.append("^")
                j += 1
            if j < len(pattern) and pattern[j] == "]":
                out.append(r"\]")
                j += 1
            i = j
            continue
        if c == "]" and in_class:
            in_class = False
        out.append(c)
        i += 1
    return "".join(out)


_REPEATS = (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT, getattr(_sre_c, "POSSESSIVE_REPEAT", None))


def _items(sub) -> list:
    """The items of a parsed sequence, groups opened (``(?:ab)`` is ``a``, ``b``)."""
    out = []
    for op, av in sub:
        if op == _sre_c.SUBPATTERN and len(av[-1]) == 1:
            out.extend(_items(av[-1]))
        else:
            out.append((op, av))
    return out


def _only_repeats(sub) -> bool:
    """Whether a sequence is nothing but repeats, one of them unbounded or wide: it can split
    one run of text in many ways (``\\w+\\s?``, ``a+``), the seed of catastrophic backtracking."""
    items = _items(sub)
    if not items:
        return False
    wide = False
    for op, av in items:
        if op in _REPEATS:
            wide = wide or av[1] > 1
        elif op == _sre_c.SUBPATTERN:
            if not _only_repeats(av[-1]):
                return False
            wide = True
        else:
            return False
    return wide


def _nested_repeat(items) -> bool:
    """Whether a parsed pattern repeats a sequence made only of repeats (``(a+)+``)."""
    for op, av in items:
        if op in _REPEATS:
            lo, hi, sub = av
            if hi > 1 and _only_repeats(sub):
                return True
            if _nested_repeat(sub):
                return True
        elif op == _sre_c.SUBPATTERN:
            if _nested_repeat(av[-1]):
                return True
        elif op == _sre_c.BRANCH:
            if any(_nested_repeat(b) for b in av[1]):
                return True
    return False


def nested_repetition(pattern: str) -> bool:
    """Whether ``pattern`` repeats a repeated group: the shape of catastrophic backtracking in
    backtracking engines (and a rule that rarely means what its author meant)."""
    try:
        return _nested_repeat(_sre_parse.parse(pattern))
    except re.error:
        return False   # not a Python pattern: compile_safe will say why


def compile_safe(pattern: str, *, ignore_case: bool = False) -> Pattern:
    """Compile a user's ``pattern`` with RE2 (linear time); :class:`UnsafePattern` says why
    when it cannot be (a backreference, a lookaround, a syntax error, a repeated group of
    repeats such as ``(a+)+``, refused so that the codebook stays safe in any engine)."""
    if nested_repetition(pattern):
        raise UnsafePattern("a repeated group that itself repeats (such as (a+)+ or (\\w+\\s?)*): "
                            "catastrophic backtracking in most engines; repeat the inner part once")
    options = re2.Options()
    options.case_sensitive = not ignore_case
    options.log_errors = False
    try:
        return re2.compile(translate(pattern), options)
    except re2.error as exc:
        reason = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise UnsafePattern(f"not a regular expression RE2 can run in linear time ({reason}); "
                            f"lookarounds and backreferences are not allowed") from None
