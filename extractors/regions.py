"""Regions named in an article, normalised to ISO 3166-2 codes.

Every sentence is searched (headlines and datelines too). A town maps to its oblast and is
kept as ``place``; "Donbas" gives Luhansk and Donetsk. Capitals are names of governments as
often as of places, so "Kyiv"/"Moscow" count only where the city is meant: after a place
preposition that no government noun governs ("strikes on Kyiv", not "aid to Kyiv"), before a
city noun ("Kyiv residents"), as a dateline ("Kyiv, Ukraine", "Kyiv • UNN") or with a region
suffix ("Kyiv Oblast" -> UA-32, also "Kyiv, Volyn or Rivne oblasts"). "for Kyiv" is the city
only after protection ("air defense for Kyiv"); a noun elided after "rather than on Kyiv" is
read from the same preposition before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import pycountry

from extractors import gazetteer as gz
from extractors.alternations import Guided, letters_first, literals, literals_by_first_letter
from extractors.sentences import Sentence


class RegionHit(NamedTuple):
    """One region named in one sentence (before ISW attribution is known). A named tuple,
    not a frozen dataclass: built for every name found, at half the cost."""

    region_code: str
    region_name: str
    surface: str
    place: str | None
    sentence_index: int
    start: int = -1


@dataclass(frozen=True)
class _Gazetteer:
    pattern: Guided
    codes_by_surface: dict[str, tuple[str, ...]]
    towns: dict[str, str]
    official_names: dict[str, str]
    capitals: dict[str, tuple[str, str]]
    cyrillic: list[tuple[str, tuple[str, ...]]]


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    """Return the compiled gazetteer (official names from pycountry)."""
    official = {code: pycountry.subdivisions.get(code=code).name for code in gz.FOLLOWED_CODES}
    codes_by_surface: dict[str, tuple[str, ...]] = {}
    for code, names in gz.REGION_NAMES.items():
        for name in names:
            codes_by_surface[name] = (code,)
    codes_by_surface.update(gz.MULTI_REGION_NAMES)
    cyrillic: list[tuple[str, tuple[str, ...]]] = [
        (stem, (code,)) for code, stems in gz.CYRILLIC_STEMS.items() for stem in stems
    ]
    cyrillic += list(gz.CYRILLIC_MULTI.items())
    cyrillic.sort(key=lambda item: len(item[0]), reverse=True)
    surfaces = list(codes_by_surface) + list(gz.TOWNS) + list(gz.CAPITALS)
    latin = literals_by_first_letter(surfaces)
    stems = literals_by_first_letter([stem for stem, _ in cyrillic])
    suffix = literals(list(gz.REGION_SUFFIXES))
    pattern = re.compile(
        rf"(?=[A-ZА-ЯЁІЇЄҐ])(?:(?<![\w])(?P<name>{latin})(?![\w])(?:['’]s\b)?"
        rf"(?P<suffix>\s+(?:{suffix})\b)?"
        rf"|(?<![\w])(?P<stem>{stems})\w*)"
    )
    # Names open with a capital: the scan passes over the rest of a sentence (3x faster).
    scan = re.compile(letters_first((literals(surfaces), literals([s for s, _ in cyrillic]))))
    return _Gazetteer(Guided(pattern, scan), codes_by_surface, dict(gz.TOWNS), official,
                      dict(gz.CAPITALS), cyrillic)


CAPITAL_NAME = re.compile(rf"\b({'|'.join(gz.CAPITALS)})\b")
# What a capital's possessive names when the city is meant: a part of it.
POSSESSIVE_CITY_PART = re.compile(
    rf"^['’]s\s+(?:[A-Z][\w-]+\s+){{0,2}}(?:{'|'.join(gz.CITY_PARTS)})\b")
# "the capital, Chisinau": the capital named right after the phrase.
CAPITAL_APPOSITION = re.compile(r",\s+(?P<name>[A-Z][\w'’-]+)")
# A name listed right after or before another ("Kyiv, Kharkiv and Odesa").
LISTED_AFTER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?P<name>[A-Z][\w'’-]+)")
LISTED_BEFORE = re.compile(r"(?P<name>[A-Z][\w'’-]+)\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")


@lru_cache(maxsize=1)
def _context_patterns() -> tuple[re.Pattern[str], ...]:
    """Return the regexes deciding whether a capital's name means the place."""
    prepositions = literals(list(gz.PLACE_PREPOSITIONS))
    government = literals(list(gz.GOVERNMENT_NOUNS))
    before_place = re.compile(
        rf"(?:(?P<noun>\b[\w-]+)\s+)?\b(?P<prep>(?i:{prepositions})|for)"
        r"\s+(?:both\s+|either\s+)?(?:the\s+(?:city|capital)\s+of\s+)?"
        # Names listed before the capital, not an acronym ("according to the ISW, Moscow").
        r"(?:(?:[A-Z][a-z][\w-]*|the\s+[A-Z][a-z][\w-]*)\s*(?:,|and|or)\s+)*$"
    )
    government_noun = re.compile(rf"^(?:{government})$", re.IGNORECASE)
    city_after = re.compile(rf"^\s+(?:{literals(list(gz.CITY_FOLLOWERS))})\b")
    verb_before = re.compile(rf"\b(?:{literals(list(gz.PLACE_VERBS))})\s+(?:both\s+)?$",
                             re.IGNORECASE)
    not_place_after = re.compile(rf"^\s+(?:{literals(list(gz.NOT_PLACE_FOLLOWERS))})\b")
    # "Kyiv, Ukraine", "Kyiv • UNN", "Kyiv, 7 August 2025", "Kyiv, December 21, 2025".
    dateline_after = re.compile(r"^\s*(?:,\s*(?:Ukraine|Russia)\b|\s*[•|–—]|\s*\(|"
                                r",\s*\d{1,2}\s+[A-Z][a-z]{2,8}\b|,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b)")
    capital_phrase = re.compile(
        rf"\b(?:{prepositions})\s+(?:the|Ukraine['’]s|the\s+Ukrainian)\s+capital\b(?!\s+of\b)"
    )
    return before_place, government_noun, city_after, not_place_after, dateline_after, \
        capital_phrase, verb_before


def _last_words_start(text: str, end: int, words: int) -> int:
    """Return where the last ``words`` whitespace-separated words before ``end`` begin. A
    pattern anchored at ``end`` that spans fewer words matches nowhere earlier, so searching
    from there finds what searching the whole text finds without trying every position."""
    head = text[:end].rsplit(None, words)
    return len(head[0]) if len(head) > words else 0


def _capital_is_place(sentence: str, start: int, end: int, possessive: bool) -> bool:
    """Return whether the capital named at ``sentence[start:end]`` means the city."""
    (before_place, government_noun, city_after, not_place_after, dateline_after, _,
     verb_before) = _context_patterns()
    after = sentence[end:]
    if not_place_after.match(after):
        return False
    if city_after.match(after) or after.startswith("-based"):
        return True  # "Kyiv residents", "a Kyiv-based think tank"
    # A dateline: only a time or date may stand before the name ("14:34 22 May Kyiv, Ukraine").
    if not possessive and dateline_after.match(after) and not re.search(r"\b[a-z]",
                                                                           sentence[:start]):
        return True
    if possessive:
        # "Kyiv's Obolonskyi district", "Moscow's airports": a part of the city.
        return bool(POSSESSIVE_CITY_PART.match(after))
    if verb_before.search(sentence, _last_words_start(sentence, start, 3), start):
        return True
    before = before_place.search(sentence[:start])
    if before is None:
        return False
    noun = before.group("noun")
    if noun and noun.lower() == "according":
        return False  # "According to Umerov, Kyiv insisted ...": a source, then the government
    if noun and noun.lower() in gz.ELIDING_WORDS:
        # "pressure on Moscow rather than on Kyiv": the earlier "pressure on" governs.
        earlier = re.findall(rf"\b([\w-]+)\s+{re.escape(before.group('prep'))}\s",
                             sentence[:before.start()])
        noun = earlier[-1] if earlier else noun
    if before.group("prep") == "for":
        return bool(noun) and noun.lower() in gz.PLACE_FOR_NOUNS  # "air defense for Kyiv"
    return not (noun and government_noun.match(noun))


def find_regions(sentences: tuple[Sentence, ...]) -> tuple[RegionHit, ...]:
    """Return every followed region named in ``sentences``, one hit per name occurrence."""
    gaz = _gazetteer()
    capital_phrase = _context_patterns()[5]
    # "the capital" is Kyiv only in an article about Ukraine.
    about_ukraine = any(word in s.text for s in sentences for word in gz.CAPITAL_PHRASE_CONTEXT)
    hits: list[RegionHit] = []
    dateline = re.compile(gz.DATELINE)
    for sentence in sentences:
        text = sentence.text
        if sentence.is_first_in_line and (match := dateline.match(text)):
            for name in " ".join(match.group("name").split()).title().split("/"):
                city = gaz.capitals.get(name, (None,))[0]
                codes = (city,) if city else gaz.codes_by_surface.get(name, ())
                if not codes and name in gaz.towns:
                    codes = (gaz.towns[name],)
                for code in codes:
                    hits.append(RegionHit(code, gaz.official_names[code], match.group("name"),
                                          name if name in gaz.towns else None, sentence.index,
                                          match.start("name")))
        for match in gaz.pattern.finditer(text):
            surface = match.group(0).strip()
            codes, place = _codes_of(match, text, gaz)
            for code in codes:
                hits.append(RegionHit(code, gaz.official_names[code], surface, place,
                                      sentence.index, match.start()))
        for match in capital_phrase.finditer(text) if about_ukraine and "capital" in text else ():
            named = CAPITAL_APPOSITION.match(text, match.end())
            if named and named.group("name") not in gz.CAPITALS:
                continue  # "the capital, Chisinau" is another country's
            code = _capital_meant(sentences, sentence.index, match.start())
            if not re.search(r"\bRussia", text[max(0, match.start() - 10):match.end()]):
                hits.append(RegionHit(code, gaz.official_names[code], match.group(0), None,
                                      sentence.index, match.start()))
    return tuple(hits)


def _listed_with_regions(text: str, match: re.Match[str], gaz: _Gazetteer) -> bool:
    """Return whether the capital matched is listed with other regions or towns ("including
    Kyiv, Kharkiv and Odesa"): then it is a place too."""
    after = LISTED_AFTER.match(text, match.end())
    before = LISTED_BEFORE.search(text, _last_words_start(text, match.start(), 4), match.start())
    return any(name and name not in gaz.capitals
               and (name in gaz.codes_by_surface or name in gaz.towns)
               for name in (after and after.group("name"), before and before.group("name")))


def _capital_meant(sentences: tuple[Sentence, ...], index: int, start: int) -> str:
    """Return the code of the capital "the capital" at ``start`` of sentence ``index`` means:
    the one named last before it, in that sentence or the two before ("drones attacked the
    Moscow region ... the capital's airports"), else Kyiv."""
    before = " ".join([s.text for s in sentences[max(0, index - 2):index]]
                      + [sentences[index].text[:start]])
    named = CAPITAL_NAME.findall(before)
    return gz.CAPITALS[named[-1]][0] if named else gz.CAPITAL_PHRASE_CODE


@lru_cache(maxsize=1)
def _feature_after() -> re.Pattern[str]:
    """Return the pattern of a word that makes a town's name a landscape feature's."""
    return re.compile(rf"\s+(?:{literals(list(gz.FEATURE_FOLLOWERS))})\b")


@lru_cache(maxsize=1)
def _plural_region_list() -> re.Pattern[str]:
    """Return the pattern of the rest of a name list ending in a plural region word."""
    return re.compile(rf"(?:\s*,\s*[A-Z][\w'’-]+)*\s*,?\s+(?:and|or)\s+[A-Z][\w'’-]+\s+"
                      rf"(?:{literals(list(gz.PLURAL_REGION_SUFFIXES))})\b")


def _codes_of(match: re.Match[str], text: str, gaz: _Gazetteer) -> tuple[tuple[str, ...],
                                                                           str | None]:
    """Return the region codes and town name (if any) a gazetteer match stands for."""
    if match.group("stem"):
        stem = match.group("stem")
        return next(codes for s, codes in gaz.cyrillic if s == stem), None
    name = " ".join(match.group("name").split())
    suffix = match.group("suffix")
    possessive = match.group(0).rstrip().endswith(("'s", "’s")) and not suffix
    if name in gaz.capitals:
        city, oblast = gaz.capitals[name]
        if suffix or _plural_region_list().match(text, match.end()):
            return (oblast,), None
        if (_capital_is_place(text, match.start(), match.start() + len(match.group("name")),
                              possessive)
                or (not possessive and _listed_with_regions(text, match, gaz))):
            return (city,), None
        return (), None
    if name in gz.RIVER_NAMES and not suffix:
        before = text[:match.start()].rstrip().lower()
        if before.endswith("the") or re.match(r"\s+[Rr]iver\b", text[match.end():]):
            return (), None
    if name in gaz.towns:
        if _feature_after().match(text, match.end()):
            return (), None  # "the Kakhovka reservoir" lies across several oblasts
        return (gaz.towns[name],), name
    return gaz.codes_by_surface[name], None
