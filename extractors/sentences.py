"""Sentence segmentation of news text, line by line.

Labels split sentences at ". ! ?" followed by a space and a capital letter (not after
abbreviations such as "U.S." or initials) and at every line break; a list item line is its
own sentence. So the text is cut into lines first and ``nupunkt`` (Punkt, trained on legal
and news English) splits within each line. Each sentence keeps where it sits in its line,
whether its line is a list item and whether it reads like a heading, because attribution
rules ("the previous sentence", "the items of this list", "not a subheading") need that.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

import nupunkt

# A line that starts with a bullet, a dash bullet or "1." / "1)" is a list item.
LIST_ITEM = re.compile(r"^\s*(?:[•·▪●◦■*]\s*|[-–](?=\s*\S)\s*|\d{1,2}[.)]\s+)")
# What may close a sentence after its punctuation (quotes and brackets).
CLOSERS = "\"'”’»)]"
# A sentence "ends" when its last visible character is one of these, closers aside. A match
# starts no earlier than the character before the closers and whitespace at the line's end.
TERMINAL = re.compile(rf"[.!?…:;][{re.escape(CLOSERS)}]*\s*$|[\"”»]\s*$")
# What a new sentence opens with: a capital letter or digit, possibly after quotes/brackets.
SENTENCE_OPENING = re.compile(r"^[\"'“‘«(\[]*[^\W\d_a-z]|^[\"'“‘«(\[]*\d")
# A full stop after a plain lowercase word (not an abbreviation) before a capital ends a
# sentence even where Punkt, misled by a dotted name earlier ("Caliber.Az reports."), did not.
MISSED_BOUNDARY = re.compile(r"\s[a-z]{4,}[.!?](?=\s+[\"“]?[A-Z])")
# Where a full stop is followed by a space: without one, nothing was missed.
STOP_THEN_SPACE = re.compile(r"[.!?]\s")
# Where Punkt could end a sentence: . ! ? (closing quotes/brackets may follow), whitespace,
# then what a sentence opens with. A line without one is one sentence, so Punkt is skipped
# there (most lines of long pages; calling it per line was over half the time).
POSSIBLE_BOUNDARY = re.compile(r"[.!?…]\S{0,4}\s+[\"'“‘«(\[]*[^\W_a-z]")
# A first line this short (in words) that stands alone is the headline even with a full stop.
HEADLINE_MAX_WORDS = 16
# How many plain lines under a list intro are read as its items when they are not bulleted;
# past that, short lines (at most SHORT_ITEM_WORDS words) or lines ending in ";" go on with
# the list, up to MAX_SHORT_LIST_ITEMS lines in all.
MAX_PROSE_LIST_ITEMS = 5
MAX_SHORT_LIST_ITEMS = 10
SHORT_ITEM_WORDS = 15
# A line opening with a label ("Background: ...", "Details: ..."), which ends a plain-line list.
LABELLED_LINE = re.compile(r"^\W*[A-Z][a-z]{2,15}(?:\s+[a-z]{2,10})?:\s")
WORD = re.compile(r"[\w'’-]+")


class Sentence(NamedTuple):
    """One sentence of an article, with its place in the line structure. A named tuple, not
    a frozen dataclass: built for every sentence, at half the cost."""

    text: str
    index: int  # type: ignore[assignment]  # shadows tuple.index
    line_index: int
    position_in_line: int
    sentences_in_line: int
    is_list_item: bool
    is_heading: bool
    # Whether a blank line stands before the sentence's line (a new paragraph).
    after_blank_line: bool = False

    @property
    def is_first_in_line(self) -> bool:
        """Return whether the sentence opens its line."""
        return self.position_in_line == 0

    @property
    def is_last_in_line(self) -> bool:
        """Return whether the sentence closes its line."""
        return self.position_in_line == self.sentences_in_line - 1


@lru_cache(maxsize=1)
def _tokenizer() -> nupunkt.PunktSentenceTokenizer:
    """Return the shared default Punkt model (loaded once; loading costs ~100 ms)."""
    return nupunkt.load("default")


def _is_heading(line_text: str, line_index: int, sentence_count: int, line_count: int,
                is_list_item: bool) -> bool:
    """Return whether a one-sentence line reads like a headline, dek or subheading."""
    if sentence_count != 1 or is_list_item:
        return False
    if not TERMINAL.search(line_text, max(0, len(line_text.rstrip().rstrip(CLOSERS)) - 1)):
        return True
    return line_index == 0 and line_count > 1 and len(line_text.split()) <= HEADLINE_MAX_WORDS


def _split_missed(part: str) -> list[str]:
    """Return ``part`` cut after each full stop that Punkt missed (see MISSED_BOUNDARY)."""
    if not STOP_THEN_SPACE.search(part):
        return [part.strip()]
    pieces, last = [], 0
    for match in MISSED_BOUNDARY.finditer(part):
        pieces.append(part[last:match.end()].strip())
        last = match.end()
    pieces.append(part[last:].strip())
    return pieces


def _merge_lowercase_starts(parts: list[str]) -> list[str]:
    """Return ``parts`` with each piece that does not open like a sentence glued to the one
    before: the labels only split before a capital letter ("... - believe in ISW." stays)."""
    merged: list[str] = []
    for part in parts:
        if not part:
            continue
        if merged and not SENTENCE_OPENING.match(part):
            merged[-1] = f"{merged[-1]} {part}"
        else:
            merged.append(part)
    return merged


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Return the sentences of ``text``: split at line breaks, then by Punkt within a line."""
    tokenizer = _tokenizer()
    stripped = [line.strip() for line in text.splitlines()]
    lines = [line for line in stripped if line]
    after_blank = [bool(k) and not stripped[k - 1] for k, line in enumerate(stripped) if line]
    sentences: list[Sentence] = []
    for line_index, line in enumerate(lines):
        is_list_item = bool(LIST_ITEM.match(line))
        if POSSIBLE_BOUNDARY.search(line):
            pieces = [q for p in tokenizer.tokenize(line) for q in _split_missed(p)]
        else:
            pieces = [line]
        parts = _merge_lowercase_starts(pieces) or [line]
        heading = _is_heading(line, line_index, len(parts), len(lines), is_list_item)
        for position, part in enumerate(parts):
            sentences.append(
                Sentence(
                    text=part,
                    index=len(sentences),
                    line_index=line_index,
                    position_in_line=position,
                    sentences_in_line=len(parts),
                    is_list_item=is_list_item,
                    is_heading=heading,
                    after_blank_line=after_blank[line_index],
                )
            )
    return tuple(sentences)


def is_list_intro(sentences: tuple[Sentence, ...], index: int) -> bool:
    """Return whether sentence ``index`` introduces a list: it closes its line with a colon,
    or it is a heading right above list items ("KEY KREMLIN DEMANDS" + "1) ...")."""
    sentence = sentences[index]
    if not sentence.is_last_in_line or sentence.is_list_item:
        return False
    # Not the headline: the lines under it are the page's byline and reading time.
    return sentence.text.rstrip().endswith(":") or (
        sentence.is_heading and sentence.line_index > 0 and index + 1 < len(sentences)
        and sentences[index + 1].is_list_item)


def list_items(sentences: tuple[Sentence, ...], intro: int,
               ends_list: Callable[[int], bool] = lambda index: False) -> list[int]:
    """Return the indexes of the items of the list that sentence ``intro`` (ending in ":")
    introduces: the bulleted lines after it, or else plain lines, which end at a labelled
    line, a line of several sentences, a blank line (unless the items are paragraphs), a line
    ``ends_list`` rejects, or after ``MAX_PROSE_LIST_ITEMS`` lines unless the lines are
    short."""
    if intro + 1 >= len(sentences):
        return []
    bulleted = sentences[intro + 1].is_list_item
    # Items written as paragraphs have blank lines between them; others end at one. The blank
    # line after the intro says nothing: the one before the second item does.
    first_line = sentences[intro + 1].line_index
    second = next((s for s in sentences[intro + 2:] if s.line_index != first_line), None)
    spaced = second is not None and second.after_blank_line
    items: list[int] = []
    lines_taken: set[int] = set()
    for sentence in sentences[intro + 1:]:
        if bulleted and not sentence.is_list_item:
            break
        if not bulleted:
            new_line = sentence.line_index not in lines_taken
            if (ends_list(sentence.index) or LABELLED_LINE.match(sentence.text)
                    or (items and new_line and (sentence.sentences_in_line > 1
                                                or (sentence.after_blank_line and not spaced)))):
                break  # "Background: ..", a paragraph of prose or a blank line ends the list
            if new_line and len(lines_taken) >= MAX_PROSE_LIST_ITEMS and not (
                    len(lines_taken) < MAX_SHORT_LIST_ITEMS
                    and sentence.sentences_in_line == 1
                    and (len(WORD.findall(sentence.text)) <= SHORT_ITEM_WORDS
                         or sentence.text.rstrip().endswith(";"))):
                break
        lines_taken.add(sentence.line_index)
        items.append(sentence.index)
    return items
