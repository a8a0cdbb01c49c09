"""A forum's page of one member's posts: the first post is the page's article, the others are
other stories.

A forum prints, under its header ("عرض المشاركات - NAME", a codebook line rule whose reason is
:data:`POSTS_HEADER`) and its chrome (log-in and upload notices), a member's posts one after the
other, each numbered: "1 / ..." (perhaps after "صفحات : [ 1 ]"), then "2 / ...", "5 / ..." at a
line's start or glued after the member's signature inside a line ("... تقبل تحياتي يوسف 2 / الاخ
..."). The numbers rise through the page. Each post is a piece of its own (a copied news story, a
letter), so, as on any page of several stories with no title naming one, the first post is the
article, the lines from the next post on are other stories (a line holding the next post's
number inside it is kept: its first words end the article's post).

Not a post's number: a date or a reference ("10 / 12 / 2017", "5 / 36": a digit after the
slash, or a month and a slash: "5 / أيلول / 2017"), a number no greater than the first post's (a
post's own list). The forum's notices above the posts are codebook line rules too.
"""

from __future__ import annotations

import re

#: the reason of the codebook's line rules (``boilerplate.jsonl``) matching a forum's header over
#: a member's posts
POSTS_HEADER = "forum posts page"
#: a post's number: at a line's start, or after a word, a bracket, a colon or a signature's
#: year, then " / " and a word ("1 / مظاهرة", "تحياتي يوسف 2 / الاخ", "13 / 4 / 2014 3 / هل");
#: not a date or a reference (a digit follows)
_NUMBER = re.compile(r"(?:^|(?:(?<=[^\d\s/])|(?<=[^\d]\d{4}))\s+)(\d{1,3})\s*/\s*(?![\d/])"
                     r"(?!\S+\s*/\s*\d)(?=\S)")


def _numbers(line: str) -> list[tuple[int, int]]:
    """The posts' numbers in ``line`` and where each starts (0: the line's start)."""
    indent = len(line) - len(line.lstrip())
    return [(int(m.group(1)), m.start(1) - indent) for m in _NUMBER.finditer(line)]


def later_posts(lines: list[str], live: list[int]) -> list[int]:
    """On a member's posts page (its header and the forum's notices already dropped): the kept
    lines (among ``live``) from the second post on. The first post is the one the page opens
    with: the first numbered one when its number is on the first kept line or inside a line
    (after the list's label, "مواضيع - NAME 1 / ..."); a number opening a line below kept lines
    (a page cut from a longer one, beginning inside a post) is the second post's."""
    if not isinstance(lines, list) or not isinstance(live, list):
        raise TypeError(f"Expected lists of lines and indices, got {type(lines).__name__} and "
                        f"{type(live).__name__} instead")
    first = None
    for pos, i in enumerate(live):
        for number, start in _numbers(lines[i]):
            if first is None and (pos == 0 or start > 0):
                first = number
                continue
            if first is None or number > first:
                # the next post: at the line's start the line is its, inside a line the line
                # is the post before's end
                return live[pos if start == 0 else pos + 1:]
    return []
