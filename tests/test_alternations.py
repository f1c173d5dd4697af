"""Alternations rearranged for speed find what the plain alternations find."""

from __future__ import annotations

import json
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from extractors import demand_patterns as dp
from extractors.alternations import (
    Guided,
    any_of,
    ascii_twin,
    bounded,
    by_first_letter,
    first_letters,
    group_end,
    is_plain_ascii,
    letter_first,
    letters_first,
    literals,
    literals_by_first_letter,
    top_level_alternatives,
    whole_words_first,
)
from extractors.demands import CLAUSE_PRONOUN, _patterns, _patterns_for, word_initials
from extractors.profiles import ISW, RUSI
from extractors.regions import _gazetteer
from extractors.sentences import split_sentences
from extractors.statements import INTERVIEW_WORDS, _compile

FIXTURES = Path(__file__).parent / "fixtures"


def _sentences() -> list[str]:
    """Return the sentences of the labelled articles, as written and lowercased."""
    texts = []
    for folder in ("eval", "eval_written"):
        with (FIXTURES / folder / "articles.jsonl").open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    sentences = [s.text for text in texts for s in split_sentences(text)]
    return sentences + [s.lower() for s in sentences]


SENTENCES = _sentences()


def _starts(pattern: re.Pattern[str], text: str) -> list[int]:
    return [m.start() for m in pattern.finditer(text)]


def test_top_level_alternatives_skip_groups_classes_and_escapes() -> None:
    assert top_level_alternatives(r"a(?:b|c)|[|(]x|\||y") == ["a(?:b|c)", "[|(]x", r"\|", "y"]
    assert top_level_alternatives("plain") == ["plain"]


def test_group_end_skips_parentheses_in_classes_and_escapes() -> None:
    pattern = r"(?:a[)]b\)(c))d"
    assert pattern[group_end(pattern, 0) + 1:] == "d"


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"(?:pre)?conditions?", ["preconditions?", "conditions?"]),
    (r"(?:will|would)\s+not", [r"will\s+not", r"would\s+not"]),
    (r"(?<!united\s)states", [r"s(?<!(?:united\s)s)tates"]),
    (r"s?tates", []),  # the first letter is optional: no letter opens every match
    (r"(?:\w+)\s+end", []),
    (r"[Uu]kraine", ["Ukraine", "ukraine"]),
    (r"[Uu]?kraine", []),
])
def test_letter_first_spells_out_what_opens_a_match(pattern: str, expected: list[str]) -> None:
    assert letter_first(pattern) == expected


@pytest.mark.parametrize(("pattern", "matching", "not_matching"), [
    (r"(?<!united\s)states", ["the states said", "states"], ["the united states said"]),
    (r"(?<!even\s)(?<!as\s)if", ["if Kyiv", "only if"], ["even if", "as if"]),
    (r"(?:territorial\s+)?demands?", ["territorial demands", "a demand"], ["demanding"]),
])
def test_letter_first_alternatives_match_what_the_pattern_matches(
        pattern: str, matching: list[str], not_matching: list[str]) -> None:
    expanded = re.compile(rf"\b(?:{any_of(letter_first(pattern))})\b")
    plain = re.compile(rf"\b(?:{pattern})\b")
    for text in matching + not_matching:
        assert _starts(expanded, text) == _starts(plain, text), text
        assert bool(expanded.search(text)) == (text in matching), text


TABLES = {f"TYPES[{name}]": patterns for name, patterns in dp.TYPES.items()} | {
    "SPEECH_STANCES": dp.SPEECH_STANCES, "OTHER_STRONG": dp.OTHER_STRONG,
    "OTHER_WEAK": dp.OTHER_WEAK, "THREAT_TERRITORIAL": dp.THREAT_TERRITORIAL,
    "TRIGGERS": bounded(tuple(w for words in dp.TRIGGERS.values() for w in words)),
    "HYPOTHETICAL_BEFORE": bounded(dp.HYPOTHETICAL_BEFORE),
}


def _every_start(pattern: re.Pattern[str], text: str) -> list[int]:
    """Return every position where ``pattern`` matches, overlaps included."""
    starts: list[int] = []
    while match := pattern.search(text, starts[-1] + 1 if starts else 0):
        starts.append(match.start())
    return starts


@pytest.mark.parametrize("table", sorted(TABLES))
def test_factored_tables_find_the_same_starts_in_every_labelled_sentence(table: str) -> None:
    patterns = TABLES[table]
    factored = re.compile(by_first_letter(patterns))
    plain = re.compile(any_of(patterns))
    assert factored.pattern != plain.pattern  # something was factored
    found = 0
    for text in SENTENCES:
        starts = _every_start(plain, text)
        assert _every_start(factored, text) == starts, text
        found += len(starts)
    assert found > 0  # the table matched somewhere, so the comparison meant something


def test_literals_put_longer_words_first_and_spaces_flexible() -> None:
    pattern = re.compile(rf"\b(?:{literals(['Kyiv', 'Kyiv Oblast'])})\b")
    assert pattern.search("in Kyiv  Oblast").group(0) == "Kyiv  Oblast"
    exact = re.compile(literals(["peace deal"], flexible_spaces=False))
    assert exact.search("peace  deal") is None and exact.search("peace deal")


def test_literals_by_first_letter_match_what_literals_match() -> None:
    words = ["Donetsk", "Donbas", "Dnipro", "D", "Luhansk", "Lviv", "Kyiv Oblast", "Kyiv"]
    factored = re.compile(rf"\b(?:{literals_by_first_letter(words)})\b")
    plain = re.compile(rf"\b(?:{literals(words)})\b")
    for text in ("Donetsk and Donbas", "D-Day in Lviv", "Kyiv  Oblast, Kyiv", "Dniprovsky"):
        assert [m.group(0) for m in factored.finditer(text)] == [
            m.group(0) for m in plain.finditer(text)]


def test_first_letters_name_what_every_match_opens_with() -> None:
    assert first_letters((r"\b(?:[Tt]he|an?)\s+report", r"(?<!not\s)want")) == "atw"
    assert first_letters((r"\bUS\b", r"(?:the\s+)?Kremlin"), keep_case=True) == "KUt"
    with pytest.raises(ValueError):
        first_letters((r"(?:\w+)\s+said",))


FIRST_LETTER_GUARD = re.compile(r"\(\?=\[[A-Za-z]+\]\)")


def _matches_as_without_guard(guarded: re.Pattern[str]) -> int:
    """Assert that ``guarded`` finds what it finds without its first-letter lookaheads in
    every labelled sentence; return how many matches that was."""
    assert FIRST_LETTER_GUARD.search(guarded.pattern)
    plain = re.compile(FIRST_LETTER_GUARD.sub("", guarded.pattern), guarded.flags)
    found = 0
    for text in SENTENCES:
        spans = [m.span() for m in guarded.finditer(text)]
        assert spans == [m.span() for m in plain.finditer(text)], text
        found += len(spans)
    return found


@pytest.mark.parametrize("name", ["backward", "stand_in_backward", "stand_in_forward"])
def test_first_letter_lookaheads_of_cues_change_no_match(name: str) -> None:
    assert _matches_as_without_guard(getattr(_compile(ISW), name)) > 0


@pytest.mark.parametrize("name", ["condition_outcome", "not_demanded", "coercion",
                                  "exchange_giving", "plan_intro"])
def test_first_letter_lookaheads_of_demand_wordings_change_no_match(name: str) -> None:
    assert _matches_as_without_guard(getattr(_patterns(), name)) > 0


@pytest.mark.parametrize("table", ["plan_by_actor", "inline_owner", "passive_owner"])
def test_first_letter_lookaheads_of_plan_owners_change_no_match(table: str) -> None:
    assert sum(map(_matches_as_without_guard, getattr(_patterns(), table).values())) > 0


def test_letters_first_opens_with_the_letters_and_matches_where_the_patterns_do() -> None:
    patterns = (r"\bKremlin", r"(?<=[Vv]on\sder\s)Leyen", r"(?:the\s+)?Kyiv")
    scan = letters_first(patterns)
    assert scan.startswith("K(?:")
    # "the Kyiv" is found from "the", and its "K" is not found again.
    assert [m.start() for m in re.finditer(scan, "the Kremlin, von der Leyen and the Kyiv")] == [
        4, 21, 31]
    assert re.search(scan, "Leyen") is None  # the lookbehind moved after the letter
    with pytest.raises(ValueError):
        letters_first((r"\w+said",))


def test_guided_finds_what_its_pattern_finds_also_where_the_scan_is_looser() -> None:
    pattern = re.compile(r"(?=[A-Z])\b(?:Kyiv|Kharkiv)\b")
    guided = Guided(pattern, re.compile(letters_first((r"Kyiv", r"Kharkiv"))))
    text = "KKyiv, Kharkivs, Kyiv and Kharkiv; XKyiv Kyiv"
    assert [m.span() for m in guided.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in guided.finditer(text, 8, 30)] == [
        m.span() for m in pattern.finditer(text, 8, 30)]
    assert guided.search(text, 30).span() == pattern.search(text, 30).span()
    assert guided.search("Kyivan") is None and guided.match("Kyiv").group(0) == "Kyiv"


def _guided_as_pattern(guided: Guided) -> int:
    """Assert that ``guided`` finds what its pattern finds in every labelled sentence, from
    every start; return how many matches that was."""
    found = 0
    for text in SENTENCES:
        matches = [(m.span(), m.lastgroup) for m in guided.finditer(text)]
        assert matches == [(m.span(), m.lastgroup) for m in guided.pattern.finditer(text)], text
        assert (guided.search(text) is None) == (guided.pattern.search(text) is None)
        found += len(matches)
    return found


def test_guided_gazetteer_actors_and_names_find_what_their_patterns_find() -> None:
    assert _guided_as_pattern(_gazetteer().pattern) > 1000
    assert _guided_as_pattern(_patterns().actor) > 1000
    assert _guided_as_pattern(_compile(ISW).name) > 1000
    assert _guided_as_pattern(_compile(ISW).forward) > 100
    assert _guided_as_pattern(_compile(RUSI).name) > 0


def test_guided_misses_what_its_scan_misses() -> None:
    """The check above can fail: a scan without one capital loses that capital's names."""
    actor = _patterns().actor
    scan = re.compile("|".join(a for a in top_level_alternatives(actor.scan.pattern)
                               if not a.startswith("K")))
    with pytest.raises(AssertionError):
        _guided_as_pattern(Guided(actor.pattern, scan))


def test_whole_words_first_finds_whole_words_and_marks_in_any_case() -> None:
    pattern = re.compile(whole_words_first((";", "that", "as"), ignore_case=True))
    assert pattern.pattern.startswith(";|t(?i:hat)")
    text = "That; so-called whatever that As, has as_ was AS"
    assert [m.group(0) for m in pattern.finditer(text)] == ["That", ";", "that", "As", "AS"]
    assert [m.group(0) for m in re.finditer(whole_words_first(("as",)), text)] == []
    with pytest.raises(ValueError):
        whole_words_first(("since",), ignore_case=True)  # "s" also matches "ſ"


SHOUTED = SENTENCES + [s.upper() for s in SENTENCES[::10]]


def test_clause_boundaries_are_found_where_a_lookahead_and_boundaries_found_them() -> None:
    former = re.compile(r"(?=[;:abtw])(?:;|:|\bthat\b|\bwhich\b|\bwho\b|\bwhile\b|"
                        r"\bwhereas\b|\bbut\b|\bwhen\b|\bas\b)", re.IGNORECASE)
    found = 0
    for text in SHOUTED:
        spans = [m.span() for m in _patterns().boundary.finditer(text)]
        assert spans == [m.span() for m in former.finditer(text)], text
        found += len(spans)
    assert found > 10000


def test_a_clause_pronoun_is_found_where_the_boundary_led_pattern_found_it() -> None:
    former = re.compile(r"(?:[,;]\s*|\b(?:and|but)\s+)(?:and\s+|but\s+)?(?:he|she|it|they)\s+"
                        r"(?:[\w'’]+\s+){0,3}$", re.IGNORECASE)
    found = 0
    for text in SHOUTED[::3]:
        for end in (m.start() for m in re.finditer(r"\s\S", text)):
            match = CLAUSE_PRONOUN.search(text, 0, end + 1)
            reference = former.search(text, 0, end + 1)
            assert (match and match.span()) == (reference and reference.span()), text
            found += match is not None
    assert found > 100


def test_word_initials_are_what_the_word_initial_regex_finds() -> None:
    initial = re.compile(r"(?<!\S)[^\W\d_]")
    odd = ["Plan Would Force Ukraine To ½ Cede _Land 3 Ways", "Ⅻ Ukraine\u00a0Cedes Ⅻ Land Now",
           "\tKyiv Says No To Any Deal", "«Kyiv» Says No To Deal", "", "  ", "x\x1fy \x85z"]
    for text in SENTENCES + odd:
        assert word_initials(text) == initial.findall(text), text


def test_an_interview_introduction_holds_one_of_the_words_looked_for_first() -> None:
    pattern = _compile(ISW).interview_intro
    found = [text for text in SENTENCES if pattern.search(text)]
    assert found
    assert all(any(word in text.lower() for word in INTERVIEW_WORDS) for text in found)


def test_plain_ascii_is_printable_ascii_only() -> None:
    assert is_plain_ascii("Russia demands that Ukraine cede Donetsk, ISW said.")
    assert not is_plain_ascii("Kyiv’s demands")
    assert not is_plain_ascii("a\tb") and not is_plain_ascii("a\x1fb")  # \x1f: a space


def _patterns_in(value: object) -> list[re.Pattern[str]]:
    """Return every pattern in the demand patterns' fields, dicts, tuples and scans."""
    if isinstance(value, re.Pattern):
        return [value]
    if isinstance(value, Guided):
        return [value.pattern, value.scan]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return [p for item in value for p in _patterns_in(item)]
    return []


def test_ascii_twins_find_what_the_demand_patterns_find_in_plain_ascii_sentences() -> None:
    base = [p for name in vars(_patterns()) for p in _patterns_in(getattr(_patterns(), name))]
    twins = [p for name in vars(_patterns()) for p in _patterns_in(getattr(ascii_twin(
        _patterns()), name))]
    assert len(base) == len(twins) > 50
    plain = [text for text in SENTENCES if is_plain_ascii(text)]
    assert len(plain) > 0.8 * len(SENTENCES)
    found = 0
    for pattern, twin in zip(base, twins, strict=True):
        assert twin.pattern == pattern.pattern and twin.flags & re.ASCII
        for text in plain[::4]:
            spans = [m.span() for m in twin.finditer(text)]
            assert spans == [m.span() for m in pattern.finditer(text)], (pattern.pattern, text)
            found += len(spans)
    assert found > 10000


def test_ascii_twins_read_only_plain_ascii_sentences() -> None:
    assert _patterns_for("Russia demands Donetsk.") is not _patterns()
    assert _patterns_for("Russia demands Donetsk’s surrender.") is _patterns()
    # Elsewhere they would read otherwise: a letter outside ASCII is no word character.
    assert ascii_twin(re.compile(r"\bcede\b")).search("précede") is not None


def test_no_letter_outside_ascii_in_a_demand_pattern_matches_an_ascii_letter() -> None:
    """Ignoring case, "K" (the kelvin sign) would match "k": such a letter in a pattern would
    match in a plain ASCII sentence without ``re.ASCII`` and not with it."""
    for pattern in (p for name in vars(_patterns())
                    for p in _patterns_in(getattr(_patterns(), name))):
        for char in {c for c in pattern.pattern if not c.isascii()}:
            assert not any(re.fullmatch(re.escape(char), a, re.IGNORECASE)
                           for a in string.printable), (char, pattern.pattern[:60])


def test_prepare_compiles_every_stage_and_both_twins() -> None:
    script = ("from extractors import demands, regions, statements, sentences\n"
              "from extractors.analysis import prepare\n"
              "prepare()\n"
              "caches = [demands._patterns, demands._ascii_patterns, regions._gazetteer,\n"
              "          statements._compile, sentences._tokenizer]\n"
              "print([c.cache_info().currsize for c in caches])\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, cwd=Path(__file__).parents[1])
    assert done.stdout.strip() == "[1, 1, 1, 1, 1]"


def test_trigger_groups_factored_by_first_letter_match_as_the_plain_groups() -> None:
    former = re.compile(r"\b(?=[a-z])(?:" + "|".join(
        rf"(?P<{group}>(?:{any_of(words)})\b)" for group, words in dp.TRIGGERS.items()) + ")")
    trigger = _patterns().trigger
    found = 0
    for text in SENTENCES:
        lowered = text.lower()
        for start in (m.start() for m in re.finditer(r"\b[a-z]", lowered)):
            match, reference = trigger.match(lowered, start), former.match(lowered, start)
            assert (match and (match.span(), match.lastgroup)) == (
                reference and (reference.span(), reference.lastgroup)), lowered
            found += match is not None
    assert found > 1000
