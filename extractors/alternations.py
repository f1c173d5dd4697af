"""Regex alternations arranged for Python's engine.

The engine tries every alternative of an alternation at every position it cannot rule out
by the alternative's first character. Factored by first letter, it tries one letter's.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Iterator
from typing import Any


def any_of(patterns: tuple[str, ...] | list[str]) -> str:
    """Return the alternation of ``patterns``, in their order."""
    return "|".join(f"(?:{p})" for p in patterns)


def literals(words: tuple[str, ...] | list[str], *, flexible_spaces: bool = True) -> str:
    """Return the alternation of the literal ``words``, longest first; a space in a word
    matches any run of whitespace unless ``flexible_spaces`` is false."""
    ordered = sorted(set(words), key=len, reverse=True)
    escaped = (re.escape(word) for word in ordered)
    return "|".join(w.replace(r"\ ", r"\s+") if flexible_spaces else w for w in escaped)


def literals_by_first_letter(words: tuple[str, ...] | list[str], *,
                             flexible_spaces: bool = True) -> str:
    """Return the alternation of ``literals`` factored by first character: words with
    another first character cannot match where one does, so the matches are the same, and
    the engine tries one branch per position instead of hundreds."""
    buckets: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        buckets.setdefault(word[0], []).append(word[1:])
    return "|".join(
        f"{re.escape(first)}(?:{literals(rest, flexible_spaces=flexible_spaces)})" if all(rest)
        else literals([first + r for r in rest], flexible_spaces=flexible_spaces)
        for first, rest in buckets.items())


def bounded(patterns: tuple[str, ...]) -> tuple[str, ...]:
    """Return ``patterns`` each opening with a word boundary, as ``by_first_letter`` gathers."""
    return tuple(rf"\b{pattern}" for pattern in patterns)


def by_first_letter(patterns: tuple[str, ...]) -> str:
    """Return an alternation that matches where ``patterns`` do, from the same starts, with
    the patterns that open with a word boundary and a letter gathered under one boundary
    and factored by that letter. Python's engine tries every alternative at every position
    it cannot rule out by its first character; factored, it tries one letter's (2-3x
    faster). Patterns that open otherwise are tried first, as they are."""
    leading: list[str] = []
    buckets: dict[str, list[str]] = {}
    for pattern in (a for p in patterns for a in top_level_alternatives(p)):
        alternatives = (letter_first(pattern[2:]) if pattern.startswith(r"\b") else [])
        if not alternatives:
            leading.append(pattern)
        for alternative in alternatives:
            buckets.setdefault(alternative[0], []).append(alternative[1:])
    parts = [f"(?:{p})" for p in leading]
    if buckets:
        parts.append(r"\b(?:" + "|".join(f"{c}(?:{any_of(rest)})"
                                          for c, rest in sorted(buckets.items())) + ")")
    return "|".join(parts)


def _structure(pattern: str) -> list[tuple[int, str]]:
    """Return the characters of ``pattern`` that can open or close a group or split an
    alternation: those outside escapes and character classes, with their indexes."""
    found: list[tuple[int, str]] = []
    index, in_class = 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += 2 if pattern[index + 1:index + 2] == "]" else 1  # "[]...]" holds a "]"
            continue
        elif char in "()|":
            found.append((index, char))
        index += 1
    return found


def group_end(pattern: str, start: int) -> int:
    """Return the index of the parenthesis closing the group opened at ``start``."""
    depth = 0
    for index, char in _structure(pattern):
        if index < start or char == "|":
            continue
        depth += 1 if char == "(" else -1
        if depth == 0:
            return index
    raise ValueError(pattern)


def top_level_alternatives(pattern: str) -> list[str]:
    """Return the alternatives of ``pattern`` split at its top-level bars."""
    alternatives, start, depth = [], 0, 0
    for index, char in _structure(pattern):
        if char == "|" and depth == 0:
            alternatives.append(pattern[start:index])
            start = index + 1
        elif char != "|":
            depth += 1 if char == "(" else -1
    return alternatives + [pattern[start:]]


def letter_first(pattern: str) -> list[str]:
    """Return alternatives that together match what ``pattern`` matches, in its order,
    each opening with a plain letter; empty where that is not plain to see. A leading
    optional group becomes two alternatives, one with it and one without; a leading
    lookbehind moves after the first letter, which it then ends with."""
    alternatives = top_level_alternatives(pattern)
    if len(alternatives) > 1:
        return _letter_first_each(alternatives)
    if pattern[:1].isalpha():
        return [] if pattern[1:2] in ("?", "*", "+", "{") else [pattern]
    if (letters := re.match(r"\[([A-Za-z]+)\](?![?*+{])", pattern)) is not None:
        # "[Ww]ithout": one alternative per letter of the class.
        return [letter + pattern[letters.end():] for letter in letters.group(1)]
    if pattern.startswith(("(?<!", "(?<=")):
        end = group_end(pattern, 0)
        kind, body = pattern[:4], pattern[4:end]
        return [f"{alt[0]}{kind}(?:{body}){alt[0]}){alt[1:]}"
                for alt in letter_first(pattern[end + 1:])]
    if not pattern.startswith("(?:"):
        return []
    end = group_end(pattern, 0)
    inner, rest = pattern[3:end], pattern[end + 1:]
    optional = rest[:1] == "?" and rest[1:2] != "?"
    if rest[:1] in ("*", "+", "{") or rest[:2] == "??":
        return []
    after = rest[1:] if optional else rest
    return _letter_first_each([alternative + after for alternative in
                               top_level_alternatives(inner) + ([""] if optional else [])])


def _letter_first_each(patterns: list[str]) -> list[str]:
    """Return ``letter_first`` of each of ``patterns`` in turn; empty if one has none."""
    found: list[str] = []
    for pattern in patterns:
        expanded = letter_first(pattern)
        if not expanded:
            return []
        found += expanded
    return found


def first_letters(patterns: tuple[str, ...], *, keep_case: bool = False) -> str:
    """Return the letters, lowercased unless ``keep_case``, that a match of one of
    ``patterns`` opens with (each may open with a word boundary): a lookahead for them lets
    the engine skip every other position at once. Raise ValueError where that is not plain
    to see."""
    letters: set[str] = set()
    for pattern in patterns:
        for alternative in top_level_alternatives(pattern):
            expanded = letter_first(alternative.removeprefix(r"\b"))
            if not expanded:
                raise ValueError(f"no plain first letter: {alternative[:60]}")
            letters |= {a[0] if keep_case else a[0].lower() for a in expanded}
    return "".join(sorted(letters))


def letters_first(patterns: tuple[str, ...]) -> str:
    """Return an alternation that matches wherever one of ``patterns`` does (each may open
    with a word boundary, which is left out), factored by the letter each opens with, that
    letter first. Opening with letters only, it lets the engine read the set of first letters
    off the pattern and pass over every other character without trying a match there: for
    names, which open with a capital, most of a sentence is passed over so. Being looser
    where a boundary is left out, it is meant as the scan of a ``Guided`` pattern."""
    buckets: dict[str, list[str]] = {}
    for pattern in patterns:
        for alternative in top_level_alternatives(pattern):
            expanded = letter_first(alternative.removeprefix(r"\b"))
            if not expanded and alternative[:1] == "@" and alternative[1:2] not in "?*+{":
                expanded = [alternative]  # a social-media handle
            if not expanded:
                raise ValueError(f"no plain first letter: {alternative[:60]}")
            for opening in expanded:
                buckets.setdefault(opening[0], []).append(opening[1:])
    return "|".join(f"{letter}(?:{any_of(rest)})" for letter, rest in buckets.items())


def whole_words_first(words: tuple[str, ...], *, ignore_case: bool = False) -> str:
    """Return the alternation of ``words``, whole words or single marks (";"), each opening
    with its first character and checking after itself that no word character stands before
    it. The engine reads the set of first characters off the pattern and passes over every
    other character, where a leading lookahead and a word boundary are tried at every
    position (2.5x faster). Ignoring case, a first letter is spelled in both cases, and "i",
    "k" and "s", which the engine also matches with other letters, raise ValueError."""
    alternatives: list[str] = []
    for word in words:
        if not word.isalpha():
            alternatives.append(re.escape(word))
            continue
        if ignore_case and word[0].lower() in "iks":
            raise ValueError(f"a first letter with more than two cases: {word}")
        rest = f"(?i:{re.escape(word[1:])})" if ignore_case and word[1:] else re.escape(word[1:])
        alternatives += [rf"{first}{rest}\b(?<![\w].{{{len(word)}}})"
                         for first in dict.fromkeys(
                             (word[0].lower(), word[0].upper()) if ignore_case else word[0])]
    return "|".join(alternatives)


class Guided:
    """A pattern tried only where its scan matches: the scan, a looser pattern opening with
    a set of letters (``letters_first``), passes over most positions without entering the
    matcher, where the pattern's own leading lookahead or boundary has the matcher entered
    at every position. Finds what the pattern finds, provided the scan matches wherever the
    pattern does and the pattern never matches the empty string."""

    __slots__ = ("pattern", "scan")

    def __init__(self, pattern: re.Pattern[str], scan: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.scan = scan

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Return the first match of the pattern in ``text[pos:endpos]``, as ``search``."""
        scan, match = self.scan.search, self.pattern.match
        while (hit := scan(text, pos, endpos)) is not None:
            if (found := match(text, hit.start(), endpos)) is not None:
                return found
            pos = hit.start() + 1
        return None

    def finditer(self, text: str, pos: int = 0,
                 endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """Yield the pattern's matches in ``text[pos:endpos]``, as ``finditer``."""
        # The loop of ``search``, written out: one Python call less for each match.
        scan, match = self.scan.search, self.pattern.match
        while (hit := scan(text, pos, endpos)) is not None:
            if (found := match(text, hit.start(), endpos)) is None:
                pos = hit.start() + 1
            else:
                yield found
                pos = found.end()

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0,
                  endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.fullmatch(text, pos, endpos)


def is_plain_ascii(text: str) -> bool:
    """Return whether ``text`` holds printable ASCII only. On such a text a pattern compiled
    with ``re.ASCII`` matches as it does without (no other character is there that Unicode
    reads as a letter, a digit or a space, or as another case of a letter), and the engine
    tells word characters and spaces without Unicode's tables."""
    return text.isascii() and text.isprintable()


def ascii_twin(value: Any) -> Any:
    """Return ``value`` with every pattern in it (also in a ``Guided``, a dict, a tuple or a
    frozen dataclass) compiled again with ``re.ASCII``, for texts ``is_plain_ascii`` passes."""
    if isinstance(value, re.Pattern):
        return re.compile(value.pattern, (value.flags & ~re.UNICODE) | re.ASCII)
    if isinstance(value, Guided):
        return Guided(ascii_twin(value.pattern), ascii_twin(value.scan))
    if isinstance(value, dict):
        return {key: ascii_twin(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return tuple(ascii_twin(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{field.name: ascii_twin(getattr(value, field.name))
                                            for field in dataclasses.fields(value)})
    return value
