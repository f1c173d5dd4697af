"""Demands reported in an article: who demands what, and which regions.

A sentence is read as a series of frames, one per demand trigger ("demanded", "insists",
"precondition", "call for", "rejects", "threatened", "the plan"...). A frame's actor is the
subject before its trigger (a coordinated subject gives several actors; an actor after a
preposition is an object, "talks with Ukraine"); failing that the actor of the previous frame,
the sentence's first actor, or, for a plan's terms, the actor whose plan the article reports.
A frame's types come from what follows the trigger, so "Russia makes unacceptable demands"
alone is no demand, and ISW's own advice ("Russia must show willingness") has no trigger.
Offers and hypotheticals ("may demand", "offering to") are skipped.

Beyond verbs of demanding: a condition on ending the war ("would order a ceasefire once
Ukraine withdrew") is the demand of whoever would end it; reported speech ("Putin said ...")
is a demand only with an obligation or a claim in it ("Ukraine must withdraw", "inalienable
parts of Russia"); a carrier's terms (plan, memorandum, draft) belong to its owner, named on
the carrier ("US-backed plan") or, failing that, the article's plan owner, and "It would
also ..." continues them, as does a next sentence stating what "would" be; "He threatened"
continues the previous sentence's actor, "It also demands" the previous frame's. Regions
come only from the demanded span: a front frozen "in exchange for" a withdrawal is no claim.

Word order: what was said may stand before its speaker ("..., Putin said."); a demand noun
may close what it names ("X remains among Moscow's demands"); a passive demand ("Ukraine
would be required to") belongs to whoever asks ("by ...", a plan's owner), never to its
subject. Refusals by anyone but Russia of what Moscow asks (sanctions relief, neutrality)
demand nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from extractors import demand_patterns as dp
from extractors.alternations import (
    Guided,
    any_of,
    ascii_twin,
    bounded,
    by_first_letter,
    first_letters,
    is_plain_ascii,
    letters_first,
    literals_by_first_letter,
    top_level_alternatives,
    whole_words_first,
)
from extractors.regions import RegionHit
from extractors.sentences import Sentence, is_list_intro, list_items

WORD_OR_STOP = re.compile(r"[\w.'’-]+|[,;:()—–]")
# Characters before a trigger searched for "may", "could", "offering to".
HYPOTHETICAL_REACH = 40
# Characters before "in exchange for" searched for what is given.
EXCHANGE_REACH = 120
# Characters around a carrier ("plan") within which its owner is named.
OWNER_REACH = 120
# Types whose many alternatives run 2-3x faster behind one word-start check.
WORD_START_GUARDED = frozenset({"territorial", "sanctions_relief", "demilitarization", "aid_halt",
                                "regime_change", "neutrality", "foreign_troops"})
POSSESSIVE = re.compile(r"['’]s\b")
# Characters a regex reads as themselves (a name's literal start).
LITERAL_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 "
# A capitalised ordinary word opening a sentence or list item, after any bullet or quote.
SENTENCE_CASE_OPENING = re.compile(r"^[\W\d_]*[A-Z][a-z]")
# A quotation opening the sentence with "we" as its subject, up to a trigger.
QUOTED_WE = re.compile(r"^\W*[\"“„«][^\"”»]*\b[Ww]e\b[^\"”»]*$")
# A verb coordinated with the one before ("... and require"), which shares its subject.
VERB_COORDINATION = re.compile(r"\b(?:and|or)\s+(?:also\s+|then\s+)?$")
# A pronoun opening a new clause right before a trigger (", and he will not tolerate").
# Its openers lead, so that the engine passes over other characters (2x faster).
CLAUSE_PRONOUN = re.compile(
    "(?:,\\s*|;\\s*|" + "|".join(rf"{opener}\s+" for opener in top_level_alternatives(
        whole_words_first(("and", "but"), ignore_case=True)))
    + r")(?i:(?:and\s+|but\s+)?(?:he|she|it|they)\s+(?:[\w'’]+\s+){0,3}$)")
# "as" right before a closing demand noun ("... as a precondition for any agreement").
AS_BEFORE = re.compile(r"\bas\s+$")
AUTHORED_BY = re.compile(r"\b(?:drafted|prepared|written|authored|developed|devised|drawn\s+up)\s+"
                         r"by\b")
# A second reported clause ("said X, and that Y").
# The words of CARRIERS: a sentence without one names no plan's owner.
CARRIER_WORDS = ("plan", "framework", "memorandum", "draft", "document")
SUBMITTING_TO = re.compile(dp.SUBMITTING_TO, re.IGNORECASE)
REFERENDUM_CONDITION = re.compile(dp.REFERENDUM_CONDITION)
ELECTIONS_BEFORE = re.compile(dp.ELECTIONS_BEFORE)
NAMED_AFTER = re.compile(r"\s+(?:the\s+)?")
AND_THAT = re.compile(r",?\s+and\s+that\b")
# "with Moscow demanding ...": the name after "with" is the subject of the participle.
WITH_BEFORE = re.compile(r"\bwith\s+(?:[\w.'’-]+\s+){0,3}$")
PARTICIPLE_AFTER = re.compile(
    r"(?:\s+[A-Z][\w.'’-]*){0,2}\s+(?:also\s+|again\s+)?(?:demanding|insisting|saying|pressing|"
    r"calling|seeking|arguing|adding|warning|claiming|refusing|rejecting|stating|wanting|"
    r"threatening|urging|pushing)\b")
# What is given in return, not asked ("withdraw from Donetsk in exchange for guarantees").
IN_EXCHANGE = re.compile(rf"\b{dp.IN_EXCHANGE_FOR}\b[^;,.]*", re.IGNORECASE)
# A stance refusing what was said ("any halt of military aid ... is unacceptable for Ukraine").
REFUSING_STANCE = re.compile(
    r"\b(?:unacceptable|(?:cannot|will\s+not|would\s+not|never)\s+accept)\b")
# A region named before, referred back to ("hand over the entire region").
THE_REGION = re.compile(r"\b(?:the\s+(?:entire|whole)|all\s+of\s+the|the\s+rest\s+of\s+the)\s+"
                        r"(?:region|oblast|province)\b")
_READY = r"\b(?:ready|willing|prepared)\s+(?:to|for)"
_TRUCE_WORD = r"(?:cease-?fire|truce|moratorium)\b"
# An offer a condition is put on ("Ukraine is ready to hold elections, provided that ...").
READINESS = re.compile(rf"{_READY}\b")
# A truce offered on a condition ("ready for a new energy truce provided that ...").
TRUCE_OFFERED = re.compile(rf"{_READY}\s+(?:[\w-]+\s+){{0,4}}?{_TRUCE_WORD}")
# A truce or a freeze of the front a party rejects ("the Kremlin continues to reject a general
# ceasefire", "would reject any scheme that freezes the conflict"); not frozen assets.
TRUCE_OR_FREEZE = re.compile(
    rf"\b{_TRUCE_WORD}|\bfreez(?:e|es|ing)\b(?!\s+(?:of\s+)?(?:the\s+|its\s+)?(?:[\w-]+\s+)?"
    r"(?:assets|funds|accounts|reserves|money)\b)", re.IGNORECASE)
# A demand of land just reported that Ukraine rejects: Ukraine's refusal (LABELING.md: Ukraine's
# refusals to leave a region are territorial), as in "a demand Kyiv has repeatedly refused".
def _apposition(nouns: str, verbs: str, adverbs: str) -> re.Pattern[str]:
    """Return the pattern of an apposition naming who took a position on the demand just
    reported: ", a <noun> <verb> by <parties>" or ", a <noun> <parties> (have) <verb>"."""
    return re.compile(
        rf",\s+(?:a|an|the)\s+(?:{nouns})\s+(?:(?:that\s+)?(?:was\s+|is\s+|has\s+been\s+)?"
        rf"(?:{verbs})\s+by\s+(?P<by>[^.;]{{1,80}})|(?:that\s+)?(?P<who>[^.;,]{{1,60}}?)\s+"
        rf"(?:ha(?:ve|s|d)\s+)?(?:(?:{adverbs})\s+)?(?:{verbs})\b)")


REJECTING = ("rejected", "refused", "dismissed")
REJECTED_BY = _apposition("demand|condition|proposal|position|ultimatum", "|".join(REJECTING),
                          "consistently|repeatedly|flatly|firmly|long|also")
# A line labelled with a party, as fact boxes and comparisons write its terms ("US: A cap of
# 600,000 troops on Ukraine's military").
PARTY_LABEL = re.compile(r"^\W*(?P<party>[A-Z][\w.' ]{1,30}?)\s*:\s+(?=\S)")
PARTY_LABEL_REACH = 40
# "In the Kremlin they want ...": the Kremlin speaking, as translations of Ukrainian outlets
# word it, not a place ("In the Kremlin, Witkoff met ...").
IN_THE_KREMLIN = re.compile(r"^\W*In\s+the\s+$")
# Words one of which PRESSURE_UNTIL_TRUCE needs (speed).
PRESSURE_WORDS = ("if ", "unless", "until", "as long as", "while")
# A party urged to press another ("urged Washington to push Moscow toward a ceasefire"): the
# pressing is asked for by the one who urges.
PRESSING = re.compile(r"(?:push|press|pressur|persuad)")
URGED_TO = re.compile(r"\b(?:urg\w*|call\w*\s+on|ask\w*)\s+(?:the\s+)?(?:[\w.'’-]+\s+){1,4}?to\s+$")
WEIGHTED_CONDITION = re.compile(dp.WEIGHTED_CONDITION_BEFORE)
CONDITION_OF_ENDING = re.compile(dp.CONDITION_OF_ENDING_AFTER)
# Triggers that put a condition ("only ... after", "until"), and the advice word that does not
# make them hypothetical ("sanctions should only be lifted after Russian troops leave", "talks
# could begin only after a full ceasefire").
CONDITION_TRIGGER = re.compile(r"(?:only|until|unless)\b")
ADVICE = re.compile(r"(?:should|ought|could|can|may|might)\b")
# The demand verb of a relative clause whose noun is what is demanded ("the unconditional
# ceasefire that Ukraine and its European partners have demanded since May").
RELATIVE_CLAUSE_BEFORE = re.compile(
    r"\s(?:that|which)\s+(?:[\w.'’-]+\s+){1,6}?(?:ha(?:ve|s|d)\s+)?"
    r"(?:long\s+|repeatedly\s+|consistently\s+|also\s+)?$")
# What ends the noun phrase before such a clause.
PHRASE_STOP = re.compile(r"[,;:()][^,;:()]*$")
RELATIVE_OBJECT_REACH = 100
# How far before an actor the words that make it an object are read (nearest first).
OBJECT_NEAR_REACH = 40
OBJECT_REACH = 80
# Others taking up a demand just reported: "..., a position backed by Germany, France and
# Britain", "..., a demand European leaders endorsed on Wednesday".
ENDORSED_BY = _apposition("position|demand|stance|call|line|condition|view",
                          "backed|supported|shared|endorsed|echoed", "also")
# Words one of which ENDORSED_BY and ENDORSING need (speed).
ENDORSING_WORDS = ("back", "support", "shar", "endors", "echo", "behind")
ENDORSING = re.compile(
    r"\b(?:back(?:s|ed)?|endorse[sd]?|support(?:s|ed)?|share[sd]?|echo(?:es|ed)?|"
    r"(?:united|stand|stands|stood)\s+behind)\s+(?:[A-Z][\w.]*\s+){0,3}?(?:Kyiv|Ukraine|Moscow|"
    r"Russia|Washington|Europe|"
    r"the\s+Kremlin|Zelensk\w*|Putin|Trump)['’]s\s+(?:position|demand|call|stance|insistence|"
    r"proposal|line)\b")
# A speaker named after what was said, right before the speech verb ('," Zelensky told').
SPEAKER_BEFORE = re.compile(r"[,\"”]\s*(?:[\w.'’-]+\s+){1,8}$")
# A trigger in a relative clause of its own ("..., which Moscow refused").
RELATIVE_SUBJECT_BEFORE = re.compile(r",\s*(?:which|who)\s+(?:[\w'’-]+\s+){1,4}$")
# Clause openers after which a comma closes a relative clause inside the subject.
RELATIVE_PRONOUNS = frozenset({"who", "which"})
# Capitalised words of one name skipped looking for the preposition before it.
NAME_WORDS = 3
# Words joining a second name to a first, which then shares the first's role.
COORDINATORS = frozenset({"and", "or"})
COORDINATION = re.compile(r"^[\s,]*(?:(?:and|or|as\s+well\s+as)\s+)?(?:[—–-]\s*including\s+)?"
                          r"(?:the\s+|its\s+|their\s+)?$")


class DemandHit(NamedTuple):
    """One demand of one actor, of one type, found in one sentence."""

    actor: str
    demand_type: str
    regions: tuple[str, ...]
    sentence_index: int


@dataclass(frozen=True)
class _Patterns:
    actor: Guided
    party: re.Pattern[str]
    trigger: re.Pattern[str]
    trigger_scan: re.Pattern[str]
    hypothetical: re.Pattern[str]
    owned_object: re.Pattern[str]
    owned_trigger: re.Pattern[str]
    boundary: re.Pattern[str]
    types: dict[str, re.Pattern[str]]
    other_weak: re.Pattern[str]
    other_strong: re.Pattern[str]
    plan_territorial: re.Pattern[str]
    threat_territorial: re.Pattern[str]
    plan_intro: re.Pattern[str]
    offer: re.Pattern[str]
    direct: re.Pattern[str]
    plan_by_actor: dict[str, re.Pattern[str]]
    inline_owner: dict[str, re.Pattern[str]]
    owner_hints: dict[str, tuple[str, ...]]
    prepositions: frozenset[str]
    titles: frozenset[str]
    speech_stance: re.Pattern[str]
    trailing_attribution: re.Pattern[str]
    content_before: re.Pattern[str]
    pronoun_it: re.Pattern[str]
    closing: re.Pattern[str]
    closing_owner: re.Pattern[str]
    maker: re.Pattern[str]
    passive_maker: re.Pattern[str]
    qualifier_before: re.Pattern[str]
    possessor: re.Pattern[str]
    qualifier_after: re.Pattern[str]
    passive: re.Pattern[str]
    passive_by: re.Pattern[str]
    passive_owner: dict[str, re.Pattern[str]]
    condition_outcome: re.Pattern[str]
    not_demanded: re.Pattern[str]
    pronoun_subject: re.Pattern[str]
    demonstrative: re.Pattern[str]
    plan_continuation: re.Pattern[str]
    plan_term: re.Pattern[str]
    refusal_types: dict[str, re.Pattern[str]]
    talks_before_truce: re.Pattern[str]
    pressure_until_truce: re.Pattern[str]
    truce_owned_after: re.Pattern[str]
    coercion: re.Pattern[str]
    seizure: re.Pattern[str]
    exchange: re.Pattern[str]
    rare_triggers: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]
    exchange_giving: re.Pattern[str]
    exchange_imagined: re.Pattern[str]
    voided_before: dict[str, re.Pattern[str]]
    carrier: re.Pattern[str]
    keyword_scan: re.Pattern[str]
    keyword_types: dict[str, frozenset[str]]
    participle: re.Pattern[str]
    pronoun_object: re.Pattern[str]
    side: re.Pattern[str]
    word_or_stop: re.Pattern[str]
    clause_pronoun: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    """Return the compiled demand patterns."""
    # The leading lookaheads let the regex engine skip most positions at once (5x faster).
    actor = r"(?=[A-Z])\b(?:" + "|".join(rf"(?P<{code}>{_names_by_first_letter(names)})"
                                         for code, names in dp.ACTORS.items()) + ")"
    # Each group's words factored by first letter: at a trigger the engine tries one letter's.
    trigger = r"\b(?=[a-z])(?:" + "|".join(
        rf"(?P<{group}>(?:{by_first_letter(bounded(words))})\b)"
        for group, words in dp.TRIGGERS.items()) + ")"
    return _Patterns(
        # Names open with a capital: the scan passes over the rest of a sentence (2x faster).
        actor=Guided(re.compile(actor), re.compile(letters_first(
            tuple(name for names in dp.ACTORS.values() for name in names)))),
        # Every name an actor or a plan's owner is read from, compounds included.
        party=re.compile("(?=[A-Z])(?:" + any_of(tuple(
            _compound(name) for code, names in dp.ACTORS.items()
            for name in names + dp.OWNER_ADJECTIVES.get(code, ()))) + ")"),
        trigger=re.compile(trigger),  # run on lowercased text: faster than IGNORECASE
        trigger_scan=_factored(dp.TRIGGERS),
        # Case-sensitive: "may" is a modal, "16 May" a date.
        hypothetical=re.compile(
            f"(?:{by_first_letter(bounded(dp.HYPOTHETICAL_BEFORE))})"
            r"\s+(?:\w+\s+)?$"),
        owned_object=re.compile(dp.OWNED_OBJECT_BEFORE, re.IGNORECASE),
        owned_trigger=re.compile(dp.OWNED_OBJECT_TRIGGERS),
        boundary=re.compile(whole_words_first(dp.CLAUSE_BOUNDARIES, ignore_case=True)),
        types={name: re.compile(rf"\b(?=\w)(?:{by_first_letter(p)})"
                                if name in WORD_START_GUARDED else by_first_letter(p))
               for name, p in dp.TYPES.items()},
        other_weak=re.compile(by_first_letter(dp.OTHER_WEAK)),
        other_strong=re.compile(by_first_letter(dp.OTHER_STRONG)),
        plan_territorial=re.compile(by_first_letter(dp.PLAN_TERRITORIAL)),
        threat_territorial=re.compile(by_first_letter(dp.THREAT_TERRITORIAL)),
        plan_intro=_ignoring_case(dp.PLAN_LIST_INTRO),
        # Not in compounds: a "US-drafted plan" is the US's terms, not an offer.
        offer=re.compile(
            # "a plan drafted by US envoys" names its owner; it offers nothing.
            rf"{_first_letter_guard(dp.OFFER_VERBS)}(?<![-–])\b(?:{any_of(dp.OFFER_VERBS)})\b"
            r"(?!\s+by\b)",
            re.IGNORECASE),
        direct=re.compile(rf"^(?:{any_of(dp.DIRECT_REGION_TRIGGERS)})$", re.IGNORECASE),
        plan_by_actor={code: _owner_pattern(names + dp.OWNER_ADJECTIVES.get(code, ()))
                       for code, names in dp.ACTORS.items()},
        # A plan trigger's own owner may also be a proposal's ("a US-backed proposal envisioned").
        inline_owner={code: _owner_pattern(names + dp.OWNER_ADJECTIVES.get(code, ()),
                                           dp.CARRIERS + dp.PROPOSALS)
                      for code, names in dp.ACTORS.items()},
        owner_hints={code: _literal_prefixes(names + dp.OWNER_ADJECTIVES.get(code, ()))
                     for code, names in dp.ACTORS.items()},
        prepositions=frozenset(dp.OBJECT_PREPOSITIONS),
        titles=frozenset(dp.TITLE_WORDS),
        speech_stance=re.compile(by_first_letter(dp.SPEECH_STANCES)),
        trailing_attribution=re.compile(dp.TRAILING_ATTRIBUTION),
        content_before=re.compile(dp.CONTENT_BEFORE_NOUN),
        pronoun_it=re.compile(dp.PRONOUN_IT_SUBJECT, re.IGNORECASE),
        closing=re.compile(dp.CLOSING_TRIGGER),
        closing_owner=re.compile(dp.CLOSING_OWNER + actor),
        maker=re.compile(dp.DEMAND_MAKER_BEFORE + actor + dp.DEMAND_MAKER_AFTER),
        passive_maker=re.compile(dp.DEMAND_MAKER_PASSIVE + actor),
        qualifier_before=re.compile(dp.QUALIFIER_BEFORE, re.IGNORECASE),
        # Whose demand it is, or whose ask ("rejection of US and European proposals for").
        possessor=re.compile(f"{dp.POSSESSOR_OF_DEMAND}|{dp.OWNS_THE_ASK}"),
        qualifier_after=re.compile(dp.QUALIFIER_AFTER),
        passive=re.compile(dp.PASSIVE_BEFORE),
        passive_by=re.compile(r"\bby\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$"),
        passive_owner={code: _owner_pattern(names + dp.OWNER_ADJECTIVES.get(code, ()),
                                            dp.CARRIERS + dp.PASSIVE_AGENT_CARRIERS)
                       for code, names in dp.ACTORS.items()},
        condition_outcome=_ignoring_case(dp.CONDITION_OUTCOMES),
        not_demanded=_ignoring_case(dp.NOT_DEMANDED_SPANS),
        pronoun_subject=re.compile(dp.PRONOUN_SUBJECT, re.IGNORECASE),
        demonstrative=re.compile(dp.DEMONSTRATIVE_SUBJECT, re.IGNORECASE),
        plan_continuation=re.compile(dp.PLAN_CONTINUATION),
        plan_term=re.compile(dp.PLAN_TERM),
        participle=re.compile(dp.PARTICIPLE_SPEECH),
        pronoun_object=re.compile(dp.PRONOUN_OBJECT),
        side=re.compile(actor + "|" + "|".join(rf"(?P<{code}_side>\b(?:{any_of(words)})\b)"
                                               for code, words in dp.SIDES.items())),
        # Every keyword where it starts, overlaps included: one scan tells which types
        # have one (2x faster than a search per type).
        keyword_scan=re.compile(
            f"(?=({literals_by_first_letter(_type_keywords(), flexible_spaces=False)}))"),
        keyword_types={word: frozenset(name for name, words in dp.TYPE_KEYWORDS.items()
                                       if any(w in word for w in words))
                       for word in _type_keywords()},
        carrier=re.compile(rf"\b(?:{any_of(dp.CARRIERS)})\b"),
        refusal_types={name: re.compile(any_of(p)) for name, p in dp.REFUSAL_TYPES.items()},
        talks_before_truce=re.compile(dp.TALKS_BEFORE_TRUCE),
        pressure_until_truce=re.compile(dp.PRESSURE_UNTIL_TRUCE),
        truce_owned_after=re.compile(dp.TRUCE_OWNED_AFTER),
        coercion=_ignoring_case((dp.COERCION,)),
        seizure=re.compile(dp.CONDITIONAL_SEIZURE),
        exchange=re.compile(dp.EXCHANGE_TRIGGER),
        rare_triggers=tuple((words, re.compile(rf"\b(?P<demand>{pattern})\b"))
                            for words, pattern in dp.RARE_TRIGGERS),
        exchange_giving=_ignoring_case((dp.EXCHANGE_GIVING,)),
        exchange_imagined=re.compile(dp.EXCHANGE_IMAGINED),
        voided_before={name: re.compile(p) for name, p in dp.VOIDED_BEFORE.items()},
        # Module constants read in a sentence, here to have ASCII twins.
        word_or_stop=WORD_OR_STOP,
        clause_pronoun=CLAUSE_PRONOUN,
    )


@lru_cache(maxsize=1)
def _ascii_patterns() -> _Patterns:
    """Return the demand patterns compiled with ``re.ASCII`` (``alternations.ascii_twin``)."""
    twin: _Patterns = ascii_twin(_patterns())
    return twin


def _patterns_for(text: str) -> _Patterns:
    """Return the demand patterns to read ``text`` with: a sentence of printable ASCII, most of
    them, is read with the ASCII twins, which find the same and run faster."""
    return _ascii_patterns() if is_plain_ascii(text) else _patterns()


def _literal_prefixes(names: tuple[str, ...]) -> tuple[str, ...]:
    """Return the literal text each of the ``names`` patterns starts with, one of which a
    match must contain; empty where one of them starts with no literal text."""
    prefixes = tuple(name[:len(name) - len(name.lstrip(LITERAL_CHARS))].rstrip()
                     for name in names)
    return prefixes if all(prefixes) else ()


def _names_by_first_letter(names: tuple[str, ...]) -> str:
    """Return the alternation of ``names`` factored by first letter, in their order within
    each letter: names with another first letter cannot match where one does, so the
    matches are the same and the engine tries a few branches per capital, not all."""
    buckets: dict[str, list[str]] = {}
    for name in names:
        if not name[0].isalpha():
            return any_of(names)
        buckets.setdefault(name[0], []).append(name[1:])
    return "|".join(f"{c}(?:{any_of(tuple(rest))})" for c, rest in buckets.items())


def _type_keywords() -> list[str]:
    """Return every type keyword, longest first."""
    return sorted({w for words in dp.TYPE_KEYWORDS.values() for w in words}, key=len,
                  reverse=True)


def _first_letter_guard(patterns: tuple[str, ...]) -> str:
    """Return a lookahead for what ``patterns`` open with, for a case-insensitive pattern:
    their first letters, and a mark that is a whole pattern (";"); the engine then skips
    every other position at once (3x faster)."""
    marks = tuple(p for p in patterns if len(p) == 1 and not p.isalpha())
    words = tuple(p for p in patterns if p not in marks)
    return f"(?=[{re.escape(''.join(marks))}{first_letters(words)}])"


def _ignoring_case(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """Return the case-insensitive alternation of ``patterns`` behind a lookahead for the
    letters they open with: the engine skips every other position at once (1.5x faster)."""
    return re.compile(f"(?=[{first_letters(patterns)}])(?:{any_of(patterns)})", re.IGNORECASE)


def _factored(groups: dict[str, tuple[str, ...]]) -> re.Pattern[str]:
    """Return the trigger words as one alternation factored by first letter: it finds the
    same words as the grouped pattern at a third less cost (which group is then read off
    the grouped pattern at each hit)."""
    words = tuple(word for words in groups.values() for word in words)
    return re.compile(rf"(?:{by_first_letter(bounded(words))})\b")


def _compound(name: str) -> str:
    """Return ``name``'s pattern also matching where it opens a compound ("US-backed"): an
    owner written so is an owner even where it is no subject."""
    return name.replace(r"(?![\w-])", r"(?!\w)")


def _owner_pattern(names: tuple[str, ...],
                   carriers: tuple[str, ...] = dp.CARRIERS) -> re.Pattern[str]:
    """Return the pattern of a carrier owned by one of ``names`` ("US-backed peace plan",
    "Kremlin memorandum", "plan circulated by the Trump administration")."""
    compounds = tuple(_compound(n) for n in names)
    owners = any_of(compounds)
    carrier = any_of(carriers)
    letters = first_letters(compounds + carriers, keep_case=True)
    # Not a verb of answering one ("Moscow rejects revised framework").
    filler = (r"(?!(?:with|to|a|an|the|of|for|on|in|and|that|is|was|has|rejects?|rejected|"
              r"dismiss\w*|slam\w*|critici[sz]\w*|welcom\w*|accepts?|accepted|receiv\w*|"
              r"stud(?:y|ies|ied)|review\w*|says|said|mulls|consider\w*)\b)[\w'’-]+")
    return re.compile(
        rf"(?=[{letters}])"
        rf"(?:\b(?:{owners})(?:['’]s)?(?:[-\s]{filler}){{0,3}}?[-\s](?:{carrier})\b"
        rf"|\b(?:{carrier}),?\s+(?:[\w-]+\s+){{0,3}}?by\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?"
        rf"\b(?:{owners}))"
    )


# Named tuples, not frozen dataclasses: built for every actor, frame and sentence, and a
# third of the cost to build.
class _Actor(NamedTuple):
    code: str
    start: int
    end: int


def _is_object(text: str, start: int, pat: _Patterns) -> bool:
    """Return whether the actor named at ``start`` follows a preposition (is an object)."""
    # The words right before decide nearly always: read the nearest first, all only if needed.
    for reach in (OBJECT_NEAR_REACH, OBJECT_REACH):
        window_start = max(0, start - reach)
        words = pat.word_or_stop.findall(text, window_start, start)
        complete = window_start == 0 or reach == OBJECT_REACH
        if not complete:
            words = words[1:]  # the first word may be cut by the window
        verdict = _object_verdict(words, complete, pat)
        if verdict is not None:
            return verdict
    return False


def _object_verdict(words: list[str], complete: bool, pat: _Patterns) -> bool | None:
    """Return whether the last of ``words`` (before an actor) make it an object; None when
    the words run out before that is decided and more stand before them (not ``complete``)."""
    names = 0  # capitalised words of a name skipped ("Kremlin envoy Kirill Dmitriev")
    conjoined = False
    while words:
        word = words.pop()
        if word in pat.titles:
            continue
        if names < NAME_WORDS and word[:1].isupper() and word.lower() not in pat.prepositions:
            names += 1
            continue
        if word in COORDINATORS and not conjoined:
            # "negotiated by Witkoff and Kremlin envoy Dmitriev": the second is an object too.
            names, conjoined = 0, True
            continue
        if word == "of":
            if not words and not complete:
                return None
            if words and words[-1].lower() in dp.SPOKESPEOPLE_OF:
                # "the leaders of France and Germany said": they speak for the country.
                words.pop()
                if not words and not complete:
                    return None
                if words and words[-1].lower() in ("the", "a"):
                    words.pop()
                names = 0
                continue
        return word.lower() in pat.prepositions
    return False if complete else None


def _actors(text: str, pat: _Patterns) -> list[_Actor]:
    """Return the actors named as subjects (not objects) in ``text``."""
    found = []
    has_with = "with " in text
    for match in pat.actor.finditer(text):
        code = match.lastgroup or "other"
        start, end = match.start(), match.end()
        if (_is_object(text, start, pat)
                and not (match.group(0) == "Kremlin" and IN_THE_KREMLIN.match(text[:start])
                         and not text.startswith(",", end))
                and not pat.possessor.match(text, end)
                # "with Moscow demanding ...": the subject of the participle.
                and not (has_with and PARTICIPLE_AFTER.match(text, end)
                         and WITH_BEFORE.search(text, max(0, start - 60), start))) or (
                pat.qualifier_before.search(text, max(0, start - 12), start)
                and pat.qualifier_after.match(text[end:])):
            continue
        found.append(_Actor(code, start, end))
    return found


def _subject(actors: list[_Actor], text: str, start: int, end: int) -> list[_Actor]:
    """Return the actor closest before ``end`` (after ``start``) with those coordinated to it."""
    window = [a for a in actors if a.start >= start and a.end <= end
              and not ((POSSESSIVE.match(text, a.end) or POSSESSIVE.search(text, a.end - 2, a.end))
                       and (len(text[a.end:end].split()) > dp.POSSESSIVE_REACH_WORDS + 1
                            or "," in text[a.end:end]))]
    if not window:
        return []
    chosen = [window[-1]]
    for actor in reversed(window[:-1]):
        if COORDINATION.match(text[actor.end:chosen[-1].start]):
            chosen.append(actor)
        else:
            break
    return chosen


def _plan_owner(sentences: tuple[Sentence, ...], pat: _Patterns) -> str | None:
    """Return the actor whose peace plan the article reports ("US-proposed plan", "plan
    circulated by the Trump administration"), if any."""
    owners: Counter[str] = Counter()
    for sentence in sentences:
        if not any(map(sentence.text.__contains__, CARRIER_WORDS)):
            continue
        # Owners are named within a few words of the carrier: search only there.
        windows: list[list[int]] = []
        for hit in pat.carrier.finditer(sentence.text):
            start, end = max(0, hit.start() - OWNER_REACH), hit.end() + OWNER_REACH
            if windows and start <= windows[-1][1]:
                windows[-1][1] = end
            else:
                windows.append([start, end])
        for start, end in windows:
            window = sentence.text[start:end]
            for code, pattern in pat.plan_by_actor.items():
                hints = pat.owner_hints[code]
                if hints and not any(map(window.__contains__, hints)):
                    continue  # none of the code's names is there (3x faster than the regex)
                owners[code] += len(pattern.findall(sentence.text, start, end))
    owners = +owners  # drop zero counts
    return owners.most_common(1)[0][0] if owners else None


def _names_a_party(text: str, pat: _Patterns) -> bool:
    """Return whether ``text`` names an actor, as a subject or as the owner of a plan ("a
    US-backed proposal", "the Russian memorandum"), also in capitals ("KEY KREMLIN
    DEMANDS")."""
    return bool(pat.party.search(text) or (text.isupper() and pat.actor.search(text.title())))


def _list_intros(sentences: tuple[Sentence, ...]) -> dict[int, Sentence]:
    """Return, for each sentence that is an item of a list, the sentence introducing it."""
    intros: dict[int, Sentence] = {}
    for sentence in sentences:
        if is_list_intro(sentences, sentence.index):
            for index in list_items(sentences, sentence.index):
                intros.setdefault(index, sentence)
    return intros


def _party_named(text: str, pat: _Patterns) -> str | None:
    """Return the party that ``text`` names and nothing else ("RUSSIA", "United States")."""
    name = text.strip()
    named = pat.actor.fullmatch(name) or (name.isupper() and pat.actor.fullmatch(name.title()))
    return named.lastgroup if named and named.lastgroup in dp.ACTORS else None


def _list_owner(intro: Sentence, owner: str | None, pat: _Patterns) -> str | None:
    """Return whose terms a list introduced by ``intro`` gives ("the Kremlin's key demands:"
    gives RU; "the plan's points:" gives the article's plan owner; a fact box's heading
    "RUSSIA" above its bullets gives RU)."""
    if not pat.plan_intro.search(intro.text):
        return _party_named(intro.text.rstrip(":"), pat)
    # "KEY KREMLIN DEMANDS": names in capitals are read as names.
    text = intro.text.title() if intro.text.isupper() else intro.text
    named = [m.lastgroup for m in pat.actor.finditer(text) if m.lastgroup in dp.ACTORS]
    return named[-1] if named else owner


def word_initials(text: str) -> list[str]:
    r"""Return the first letter of each word that opens with one, as r"(?<!\S)[^\W\d_]"
    finds them (3x faster): a word is what whitespace delimits, for ``str.split`` and the
    regex engine alike."""
    return [w[0] for w in text.split() if w[0].isalnum() and not w[0].isdecimal()]


def _headline_case(text: str) -> bool:
    """Return whether ``text`` is written in title case (most words capitalised)."""
    initials = word_initials(text)
    return len(initials) >= 4 and sum(map(str.isupper, initials)) >= 0.7 * len(initials)


def _types(content: str, group: str, pat: _Patterns, actor: str = "",
           names: tuple[int, ...] = ()) -> dict[str, int]:
    """Return the demand types in a frame's ``content`` with where each first matched;
    ``names`` are where region names start in it, kept capitalised in a headline."""
    if group == "speech" and not pat.speech_stance.search(content) and not (
            _headline_case(content) and pat.speech_stance.search(content.lower())):
        return {}
    variants = [content]
    if "Nato" in content:
        variants.append(content.replace("Nato", "NATO"))  # the Guardian's spelling
    if opening := SENTENCE_CASE_OPENING.match(content):
        # "Withdrawal of Ukrainian troops from ...": a list item's or sentence's first word
        # is read as the word it is.
        start = opening.end() - 2
        variants.append(content[:start] + content[start].lower() + content[start + 1:])
    if _headline_case(content):
        # "Plan Would Force Ukraine to Give Up ...": read the words, keep acronyms (NATO).
        variants.append(re.sub(r"\S+", lambda w: w.group(0) if w.group(0).isupper()
                               or w.start() in names else w.group(0).lower(), content))
    found: dict[str, int] = {}
    present: set[str] = set()
    for hit in pat.keyword_scan.finditer(content.lower()):
        present |= pat.keyword_types[hit.group(1)]
    for name, pattern in pat.types.items():
        if name in dp.TYPE_KEYWORDS and name not in present:
            continue
        voided = pat.voided_before.get(name)
        for variant in variants:
            match = pattern.search(variant)
            while match and voided and voided.search(variant, max(0, match.start() - 40),
                                                      match.start()):
                match = pattern.search(variant, match.end())
            if match:
                found[name] = match.start()
                break
    extra = {"plan": pat.plan_territorial, "threat": pat.threat_territorial}.get(group)
    if extra and (match := extra.search(content)):
        # A threat is the threatening party's own: "warned that Russia could seize" is a
        # Russian threat only when Russia warns.
        seizer = [(m.lastgroup or "").split("_")[0]
                  for m in pat.side.finditer(content, 0, match.start())]
        if group != "threat" or not seizer or seizer[-1] == actor:
            found["territorial"] = min(found.get("territorial", match.start()), match.start())
    if group == "refusal":
        if "ceasefire_first" in found and not (
                pat.talks_before_truce.search(content)
                or ((joined := AND_THAT.search(content))
                    and found["ceasefire_first"] > joined.start())):
            # Rejecting a truce asks for none; refusing talks before one, or a second "that"
            # clause asking for one, does.
            found.pop("ceasefire_first")
    if actor not in ("RU", "other") and any(name in found for name in dp.ASKS_OF_THE_WEST) and (
            group == "refusal" or (group == "speech" and REFUSING_STANCE.search(content))):
        for name in dp.ASKS_OF_THE_WEST:
            found.pop(name, None)
    if group == "refusal":
        for name, pattern in pat.refusal_types.items():
            if name not in found and (match := pattern.search(content)):
                found[name] = match.start()
    _retype_for_actor(found, actor)
    for name, askers in dp.NEVER_ASKED_BY.items():
        if actor in askers:
            found.pop(name, None)
    if "referendum" in content and (match := REFERENDUM_CONDITION.search(content)):
        found["other"] = match.start()
        if group != "refusal":
            found.pop("territorial", None)
    # Guarantees refused are not asked for ("rejected European troops as part of post-war
    # security guarantees").
    if (group != "refusal" or not found) and (match := pat.other_strong.search(content)):
        found["other"] = match.start()
    elif not found and (match := pat.other_weak.search(content)):
        found["other"] = match.start()
    return found


def _retype_for_actor(found: dict[str, int], actor: str) -> None:
    """Rename in place the types that mean another for ``actor`` (Russia asks for no truce
    before talks: its conditions on one are its own terms)."""
    for name, retyped in dp.TYPES_RETYPED_FOR_ACTOR.get(actor, {}).items():
        if name in found:
            found.setdefault(retyped, found.pop(name))


def _is_exchange(trigger: str) -> bool:
    """Return whether ``trigger`` is "in exchange for" (or "in return for")."""
    return trigger.startswith("in ")


class _Context(NamedTuple):
    """What the previous sentences leave for the next: the last one naming an actor, the
    actors of its last demand frame and whether it read a plan."""

    source: str = ""
    actors: tuple[str, ...] = ()
    plan: bool = False

    def subject(self) -> tuple[str, ...]:
        """Return who "he"/"they"/"it" in the next sentence stands for."""
        if self.actors:
            return self.actors
        named = _actors(self.source, _patterns_for(self.source))
        return (named[0].code,) if named else ()


def find_demands(sentences: tuple[Sentence, ...],
                 region_hits: tuple[RegionHit, ...]) -> tuple[DemandHit, ...]:
    """Return the demands reported in ``sentences`` (one per actor, type and sentence)."""
    pat = _patterns()
    if not any(_names_a_party(sentence.text, pat) for sentence in sentences):
        return ()  # every demand is some party's: most war-unrelated pages name none
    owner = _plan_owner(sentences, pat)
    hits_by_sentence: dict[int, list[RegionHit]] = {}
    for hit in region_hits:
        hits_by_sentence.setdefault(hit.sentence_index, []).append(hit)
    demands: dict[tuple[str, str, int], DemandHit] = {}
    context = _Context()
    intros = (_list_intros(sentences)
              if any(s.is_list_item or ":" in s.text for s in sentences) else {})
    for sentence in sentences:
        regions = hits_by_sentence.get(sentence.index, [])
        found, context = _sentence_demands(sentence, intros.get(sentence.index), regions,
                                           owner, context)
        for actor, demand_type, region_codes in found:
            key = (actor, demand_type, sentence.index)
            if key in demands:
                merged = tuple(dict.fromkeys(demands[key].regions + region_codes))
                demands[key] = DemandHit(actor, demand_type, merged, sentence.index)
            else:
                demands[key] = DemandHit(actor, demand_type, region_codes, sentence.index)
    return tuple(demands.values())


class _Frame(NamedTuple):
    """A stretch of a sentence read as one actor group's demand."""

    actors: tuple[str, ...]
    group: str
    start: int
    end: int
    trigger: str = ""
    whole: bool = False
    lead: int = -1  # where the clause of its subject began, when it was reported speech


def _inline_owner(text: str, trigger_start: int, trigger_end: int,
                  pat: _Patterns) -> str | None:
    """Return the owner named in the carrier at ``trigger_start:trigger_end``, before it
    ("US-drafted plan") or right after it ("the plan, prepared by the UK, France and ...")."""
    window = text[max(0, trigger_end - 80):trigger_end]
    for code, pattern in pat.inline_owner.items():
        hints = pat.owner_hints[code]
        if hints and not any(map(window.__contains__, hints)):
            continue  # none of the code's names is there
        for match in pattern.finditer(window):
            if match.end() == len(window):
                return code
    # Written by them, not only presented or handed over by them.
    if AUTHORED_BY.search(text, trigger_end, trigger_end + 80):
        after = text[trigger_start:trigger_end + 80]
        for code, pattern in pat.inline_owner.items():
            owned = pattern.match(after)
            if owned and AUTHORED_BY.search(owned.group(0)):
                return code
    return None


def _condition_holds(text: str, match: re.Match[str], pat: _Patterns) -> bool:
    """Return whether a condition ("once", "if") is put on ending the fighting: the ending is
    named in its own clause before it or, when the condition leads, in the clause after it."""
    start = 0
    for boundary in pat.boundary.finditer(text, 0, match.start()):
        start = boundary.end()
    if pat.condition_outcome.search(text, start, match.start()):
        return True
    if match.group(0).startswith(("provided", "on condition")) and READINESS.search(
            text, start, match.start()):
        return True  # "ready to hold elections within 90 days, provided that ..."
    return (not text[start:match.start()].strip(" ,\"“”'")
            and bool(pat.condition_outcome.search(text, match.end())))


def _leading_condition_subject(text: str, match: re.Match[str], actors: list[_Actor],
                               pat: _Patterns) -> tuple[str, ...]:
    """Return who sets a condition that leads its sentence: the subject of the clause that
    ends the fighting ("If Kyiv withdraws, Russia will stop") or, for "we", the speaker named
    after the quotation ("..., we will order a ceasefire," Putin said)."""
    outcome = pat.condition_outcome.search(text, match.end())
    if outcome is None:
        return ()
    clause = text.rfind(",", match.end(), outcome.start())
    for actor in actors:
        if clause <= actor.start < outcome.start():
            return (actor.code,)
    if re.search(r"\bwe\b", text[clause:outcome.end()], re.IGNORECASE):
        return tuple(a.code for a in actors if a.start >= outcome.end())[:1]
    return ()


def _trailing_speaker(text: str, later: list[re.Match[str]], actors: list[_Actor],
                      pat: _Patterns) -> tuple[str, ...]:
    """Return who is named saying the sentence at its end ("Hostilities will cease as soon as
    Kyiv withdraws ..., Kremlin spokesman Dmitry Peskov told reporters"): the actor right
    before the last speech verb."""
    speech = next((m for m in later if m.lastgroup == "speech"
                   and pat.trailing_attribution.match(text, m.end())), None)
    named = [a.code for a in actors if speech is not None and a.end <= speech.start()]
    return tuple(named[-1:])


def _passive_asker(text: str, match: re.Match[str], pat: _Patterns) -> tuple[str, ...]:
    """Return who asks in a passive demand ("Ukraine would be required to withdraw"): the
    actor after "by", or the owner of a plan or proposal named in the sentence."""
    for actor in pat.actor.finditer(text, match.end()):
        if actor.lastgroup in dp.ACTORS and pat.passive_by.search(text, 0, actor.start()):
            return (actor.lastgroup,)
    for code, pattern in pat.passive_owner.items():
        if pattern.search(text):
            return (code,)
    return ()


def _trigger_matches(text: str, pat: _Patterns) -> list[re.Match[str]]:
    """Return the trigger words of ``text`` (matched on its lowercased form)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lowercased
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    found = []
    for hit in pat.trigger_scan.finditer(lowered):
        match = pat.trigger.match(lowered, hit.start())
        if match:
            found.append(match)
    if ("if " in lowered or "unless" in lowered) and pat.coercion.search(lowered):
        found += pat.seizure.finditer(lowered)
        found.sort(key=lambda m: m.start())
    if "exchange for" in lowered or "return for" in lowered:
        found += pat.exchange.finditer(lowered)
        found.sort(key=lambda m: m.start())
    if (("not " in lowered and ("without" in lowered or "while" in lowered
                                or "before" in lowered))
            or "guarantee" in lowered or "days to" in lowered or "weeks to" in lowered):
        # RARE_TRIGGERS' words, in the order that rules most sentences out soonest.
        rare = {m.start(): m for words, pattern in pat.rare_triggers
                if all(map(lowered.__contains__, words)) for m in pattern.finditer(lowered)}
        if rare:
            found = sorted(found + list(rare.values()), key=lambda m: m.start())
    return found


def _frames(text: str, found: list[re.Match[str]], actors: list[_Actor], owner: str | None,
            context: _Context, pat: _Patterns) -> list[_Frame]:
    """Return the demand frames of a sentence; consecutive frames of one actor merge."""
    frames: list[_Frame] = []
    triggers: list[re.Match[str]] = []
    condition_ends: dict[int, int] = {}  # a leading condition's frame ends at its outcome
    inside_until = -1  # the words of a leading condition are its content, not new frames
    for match in found:
        if match.start() < inside_until:
            continue
        if (pat.owned_trigger.match(match.group(0))
                and pat.owned_object.search(text, max(0, match.start() - 60), match.start())):
            continue  # "renounce its claims to Crimea": what is asked, not who asks
        if _is_exchange(match.group(0)) and not pat.exchange_giving.search(
                text, max(0, match.start() - EXCHANGE_REACH), match.start()):
            continue  # "in exchange for" after no giving: what the frame before asks
        if match.lastgroup == "condition":
            if not _condition_holds(text, match, pat):
                continue
            outcome = pat.condition_outcome.search(text, match.end())
            if outcome and not pat.condition_outcome.search(text, 0, match.start()):
                inside_until = condition_ends[match.start()] = outcome.start()
        triggers.append(match)
    previous: tuple[str, ...] = ()
    previous_end = 0
    blocked = False  # a hypothetical or an offer earlier in the sentence
    for k, match in enumerate(triggers):
        clause_start = start = previous_end
        relative, relative_at = False, -1
        for boundary in pat.boundary.finditer(text, previous_end, match.start()):
            start = boundary.end()
            relative = boundary.group(0).lower() in RELATIVE_PRONOUNS
            relative_at = boundary.start() if boundary.group(0).lower() == "who" else -1
        closed = relative and (comma := text.rfind(",", start, match.start())) >= 0
        if closed:
            # "Lukashenko, who offered to host talks, said ...": the relative clause is closed;
            # what it says is not the main clause's subject or an offer of its own.
            start = comma + 1
        own = tuple(a.code for a in _subject(actors, text, start, match.start()))
        pronoun = pat.clause_pronoun.search(text, start, match.start())
        if not own and relative_at >= 0 and not closed:
            # "the statement of Ryabkov, who claimed that ...": who is the name before "who",
            # even as the object of a preposition.
            named = [m.lastgroup for m in pat.actor.finditer(text, max(0, relative_at - 80),
                                                             relative_at)
                     if m.lastgroup in dp.ACTORS and not text[m.end():relative_at].strip(" ,")]
            own = tuple(named[-1:])
        previous_end = match.end()
        group = match.lastgroup or "demand"
        exchange = _is_exchange(match.group(0))
        if exchange and pat.exchange_imagined.search(text, start, match.start()):
            blocked, previous = True, ()
            continue
        hypothetical = pat.hypothetical.search(
            text, max(0, match.start() - HYPOTHETICAL_REACH), match.start())
        if hypothetical and CONDITION_TRIGGER.match(match.group(0)) and ADVICE.match(
                hypothetical.group(0)):
            hypothetical = None  # "sanctions should only be lifted after ...": a condition
        if not exchange and (hypothetical
                or (pat.offer.search(text, start, match.start())
                    and not VERB_COORDINATION.search(text, start, match.start()))):
            blocked, previous = True, ()
            continue
        inline = (_inline_owner(text, match.start(), match.end(), pat) if group == "plan"
                  else None)
        if (group == "demand" and match.group(0).endswith(("ed", "sought"))
                and pat.passive.search(text, max(0, match.start() - 30), match.start())):
            # The subject of "is required to" is the one asked, never the asker.
            asker = _passive_asker(text, match, pat)
            if not asker and context.plan:
                # "Under the first option, Ukraine is required to withdraw": the plan's owner.
                asker = (owner,) if owner else context.actors
            if not asker:
                continue
            own = asker
        if (match.group(0).endswith("ing") and frames
                and pat.participle.search(text, 0, match.start())):
            # The main clause's subject speaks, or that of a relative clause right before
            # ("proposed a truce, which Moscow refused, insisting that ...").
            own = frames[0].actors
            if RELATIVE_SUBJECT_BEFORE.search(text, max(0, frames[-1].start - 40),
                                              frames[-1].start):
                own = frames[-1].actors
        subject = ((inline,) if inline else own) or previous
        if previous and VERB_COORDINATION.search(text, start, match.start()):
            # "would bar Ukraine from joining NATO and require ...": the same subject.
            subject = previous
        before = (pat.content_before.search(text, clause_start, match.start())
                  if group == "demand" else None)
        if before and SUBMITTING_TO.search(text, max(0, before.start() - 30), before.start()):
            before = None  # "capitulation to Russia's demands": what is given in to follows
        if before and (named := [m.lastgroup for m in pat.actor.finditer(
                text, before.start(), match.start()) if m.lastgroup in dp.ACTORS]):
            subject = (named[-1],)  # "one of Moscow's key demands": the possessor's
        if group == "demand" and (maker := pat.maker.match(text, match.end())
                                  or pat.passive_maker.match(text, match.end())):
            subject = tuple(code for code, name in maker.groupdict().items() if name)[:1]
        closing = group == "demand" and (bool(pat.closing.match(match.group(0))) or (
            match.group(0) in ("condition", "precondition")
            and WEIGHTED_CONDITION.search(text, max(0, match.start() - 30), match.start())
            is not None and CONDITION_OF_ENDING.match(text, match.end()) is not None))
        if closing and frames and AS_BEFORE.search(text, max(0, match.start() - 4), match.start()):
            # "demands that Ukraine withdraw ... as a precondition for any peace agreement": the
            # noun qualifies the demand before it, and belongs to its frame ("described the
            # borders as non-negotiable").
            frames[-1] = frames[-1]._replace(end=triggers[k + 1].start() if k + 1 < len(triggers)
                                 else len(text))
            continue
        if closing and (holder := pat.closing_owner.match(text, match.end())):
            subject = (holder.lastgroup or "",)  # "a red line for Moscow"
        elif closing:
            # "called Ukraine's NATO membership a red line": a possessive names what is
            # demanded unless it owns the red line itself ("Moscow's red line").
            holders = [a for a in actors if not (POSSESSIVE.search(text, a.end - 2, a.end)
                                                 and len(text[a.end:match.start()].split()) > 1)]
            subject = tuple(a.code for a in _subject(holders, text, clause_start,
                                                     match.start())) or previous or subject
        if own and pronoun and all(
                a.end <= pronoun.start() for a in actors if start <= a.start < match.start()):
            # "insists that Ukraine withdraw ..., and he will not tolerate ...": the pronoun,
            # not the actor of the clause before it, is the subject.
            subject = previous or tuple(a.code for a in actors[:1])
        if not subject and closing:
            # "X remains a prerequisite for a ceasefire, Peskov said": the speaker after it.
            subject = _trailing_speaker(text, triggers[k + 1:], actors, pat)
        if not subject and not blocked:
            # Not an owner named in passing ("claims that Ukraine's cities belong to Russia").
            subject = tuple(a.code for a in actors if a.end <= match.start()
                            and not (match.group(0).endswith("ing")
                                     and POSSESSIVE.search(text, a.end - 2, a.end)))[:1]
        if (not subject and context.source
                and pat.pronoun_subject.search(text[start:match.start()])):
            subject = context.subject()
        if (not subject and context.source and group == "demand"
                and pat.demonstrative.search(text[start:match.start()])):
            subject = context.subject()  # "Those demands include ...": the ones just named
        if (not subject and context.actors and group in ("demand", "plan")
                and pat.pronoun_it.search(text[start:match.start()])):
            subject = context.actors  # "It also demands ...": the plan or formula just named
        if not subject and QUOTED_WE.match(text[:match.start()]):
            # '"We will never recognise Crimea as Russian," the foreign minister wrote': the
            # speaker named after the quotation.
            closing_quote = max(text.rfind(q) for q in "\"”»")
            subject = tuple(a.code for a in actors if a.start > closing_quote)[:1]
        if not subject and match.group(0).startswith("according"):
            # "According to Peskov, the Kiev regime must also abandon ...": the one named.
            after = NAMED_AFTER.match(text, match.end())
            source = pat.actor.match(text, after.end()) if after else None
            subject = (source.lastgroup,) if source and source.lastgroup in dp.ACTORS else ()
        if not subject and group == "condition":
            subject = (_leading_condition_subject(text, match, actors, pat)
                       or _trailing_speaker(text, triggers[k + 1:], actors, pat))
        # A carrier named before without an owner of its own in the article is the one the
        # previous sentence's actor presented ("Russian negotiators presented a memorandum").
        carrier_owner = owner or (context.actors[0] if context.plan and context.actors else None)
        if not subject and group == "plan" and carrier_owner:
            subject = (carrier_owner,)
        if (not subject and group == "demand" and carrier_owner
                and pat.carrier.search(text, start, match.start())):
            subject = (carrier_owner,)  # "The memorandum also calls for ...": the carrier's owner
        if (group == "demand" and frames and frames[-1].end == match.start()
                and PRESSING.match(match.group(0))
                and URGED_TO.search(text, frames[-1].start, match.start())):
            # "urged Washington to push Moscow toward a truce": the one who urges asks.
            subject = frames[-1].actors
        if not subject:
            continue
        end = triggers[k + 1].start() if k + 1 < len(triggers) else len(text)
        end = min(end, condition_ends.get(match.start(), end))
        last = frames[-1] if frames else None
        # A clause of its own ("insists that ..., and he will not tolerate European
        # peacekeepers") or a threat after terms ("Russia's terms, Russia would take Sumy")
        # is read on its own.
        if (last and last.actors == subject and last.end == match.start()
                and not (group != last.group and last.group not in dp.WEAK_GROUPS
                         and (group == "threat" or pronoun
                              or VERB_COORDINATION.search(text, start, match.start())))):
            if last.group in dp.WEAK_GROUPS:  # what was said is read from the stronger trigger
                # A closing noun names what was said before it ("said that X is a
                # precondition for any peace").
                frames[-1] = _Frame(subject, group, last.start if closing else match.start(), end,
                                    match.group(0), lead=last.start)
            elif not (group == "speech"
                      and SPEAKER_BEFORE.search(text, max(0, match.start() - 80), match.start())
                      and pat.trailing_attribution.match(text, match.end())):
                # '"We will not leave Donbas," Zelensky told reporters in Kyiv': the speaker
                # after what was said adds nothing to it.
                frames[-1] = _Frame(subject, last.group, last.start, end, last.trigger)
        elif group == "speech" and k == 0 and pat.trailing_attribution.match(text, match.end()):
            # "..., Putin said.": what was said stands before the speaker.
            frames.append(_Frame(subject, group, match.start(), end, match.group(0),
                                 lead=clause_start))
        elif before or closing:
            # "included X in its list of conditions": the noun closes what it names.
            frames.append(_Frame(subject, group, clause_start, end, match.group(0)))
        else:
            frames.append(_Frame(subject, group, match.start(), end, match.group(0)))
        previous = subject
    return frames


def _not_demanded(content: str, pat: _Patterns) -> list[tuple[int, int]]:
    """Return the spans of ``content`` that name no demanded region (a freeze elsewhere)."""
    return [(m.start(), m.end()) for m in pat.not_demanded.finditer(content)]


def _endorsed(endorsers: list[str], demands: list[tuple[str, str, tuple[str, ...]]],
              ) -> list[tuple[str, str, tuple[str, ...]]]:
    """Return the ``demands`` taken up by ``endorsers`` ("a position backed by Germany and
    France"), each as its own."""
    taken_up = []
    for actor, demand_type, codes in demands:
        for endorser in dict.fromkeys(endorsers):
            own_type = dp.TYPES_RETYPED_FOR_ACTOR.get(endorser, {}).get(demand_type, demand_type)
            if endorser != actor and endorser not in dp.NEVER_ASKED_BY.get(own_type, ()):
                taken_up.append((endorser, own_type, codes))
    return list(dict.fromkeys(taken_up))


def _named_in(match: re.Match[str], groups: tuple[str, ...], text: str,
              pat: _Patterns) -> list[str]:
    """Return the actors named in the first of ``groups`` that ``match`` filled."""
    name = next(group for group in groups if match.group(group))
    return [m.lastgroup or "" for m in pat.actor.finditer(text, match.start(name), match.end(name))
            if m.lastgroup in dp.ACTORS]


def _demands_around(text: str, frames: list[_Frame],
                    found: list[tuple[str, str, tuple[str, ...]]], found_at: list[int],
                    apposition: re.Match[str] | None, pat: _Patterns,
                    ) -> tuple[list[tuple[str, str, tuple[str, ...]]], bool]:
    """Return the demands a sentence names around its frames — a truce's owners named after
    it, pressure kept up until Moscow accepts a truce, a demand taken up or rejected by others —
    and whether such pressure was found (then no refusal of a truce is reported)."""
    added: list[tuple[str, str, tuple[str, ...]]] = []
    # Every demand of the sentence with where it stands: what an apposition refers back to.
    every = list(zip(found, found_at, strict=True))

    def add(demands: list[tuple[str, str, tuple[str, ...]]], at: int) -> None:
        for demand in demands:
            if demand not in found and demand not in added:
                added.append(demand)
                every.append((demand, at))

    truce = "cease" in text or "truce" in text
    if truce and (" by " in text or " from " in text):
        for owned in pat.truce_owned_after.finditer(text):
            add([(actor, "ceasefire_first", ()) for actor in
                 _named_in(owned, ("by", "from"), text, pat) if actor != "RU"], owned.start())
    pressed = False
    if frames and truce and any(map(text.__contains__, PRESSURE_WORDS)) and (
            pressure := pat.pressure_until_truce.search(text)):
        keepers = [f.actors for f in frames if f.start < pressure.start() and "RU" not in f.actors]
        if keepers:
            # Who keeps up the pressure asks for the truce; the condition reports no refusal.
            pressed = True
            add([(actor, "ceasefire_first", ()) for actor in keepers[-1]], pressure.start())
    if every and apposition and "UA" in _named_in(apposition, ("by", "who"), text, pat):
        add(_endorsed(["UA"], [d for d, at in every
                               if at < apposition.start() and d[1] == "territorial"]), 0)
    if every and any(map(text.__contains__, ENDORSING_WORDS)):
        if endorsed := ENDORSED_BY.search(text):
            add(_endorsed(_named_in(endorsed, ("by", "who"), text, pat),
                          [d for d, at in every if at < endorsed.start()]), 0)
        elif endorsing := ENDORSING.search(text):
            # "European leaders have backed Kyiv's position that ...": its subject takes it up.
            add(_endorsed([a.code for a in _subject(_actors(text, pat), text, 0,
                                                    endorsing.start())],
                          [d for d, at in every if at >= endorsing.start()]), 0)
    return added, pressed


def _sentence_demands(sentence: Sentence, intro: Sentence | None, regions: list[RegionHit],
                      owner: str | None, context: _Context,
                      ) -> tuple[list[tuple[str, str, tuple[str, ...]]], _Context]:
    """Return (actor, type, regions) for each demand frame of one sentence (an item of the
    list ``intro`` introduces, if any), and the context it leaves for the next sentence."""
    text = sentence.text
    frames: list[_Frame] = []
    list_owner = (_list_owner(intro, owner, _patterns_for(intro.text)) if intro is not None
                  else None)
    pat = _patterns_for(text)
    if list_owner and sentence.is_list_item:
        frames.append(_Frame((list_owner,), "plan", 0, len(text), whole=True))
    else:
        triggers = _trigger_matches(text, pat)
        # Most sentences have no trigger, or only report speech with no stance: no frames.
        if triggers and (any(m.lastgroup not in dp.WEAK_GROUPS for m in triggers)
                         or pat.speech_stance.search(text)):
            frames = _frames(text, triggers, _actors(text, pat), owner, context, pat)
        if not frames and context.plan and (pat.plan_continuation.match(text) or (
                not triggers and pat.plan_term.match(text))):
            frames.append(_Frame(context.subject(), "plan", 0, len(text), whole=True))
        if not frames and list_owner:
            # An item of a list written as plain lines under "the Kremlin's demands:", unless
            # the line says who demands what itself.
            frames.append(_Frame((list_owner,), "plan", 0, len(text), whole=True))
        if not frames and text.find(":", 0, PARTY_LABEL_REACH) >= 0 and (
                labelled := PARTY_LABEL.match(text)) and (
                party := _party_named(labelled.group("party"), pat)):
            # A fact box's line "Russia: All of Donetsk and Luhansk, plus recognition of Crimea".
            frames.append(_Frame((party,), "plan", labelled.end(), len(text), whole=True))
    if not frames and "cease" not in text and "truce" not in text:
        # Most sentences: no demand, and only whom a pronoun may stand for next.
        return [], (_Context(text) if pat.actor.search(text) else context)
    found: list[tuple[str, str, tuple[str, ...]]] = []
    found_at: list[int] = []  # where the frame of each found demand starts
    truce_refused = False
    # "..., a demand Kyiv has refused": the noun names the demand before it, no new one.
    apposition = (REJECTED_BY.search(text) if frames and any(
        map(text.__contains__, REJECTING)) else None)
    for frame in frames:
        subject, group, start, end = frame.actors, frame.group, frame.start, frame.end
        if apposition and apposition.start() <= start < apposition.end():
            continue
        said_end = end
        content = text[start:end]
        types = _types(content, group, pat, subject[0],
                       tuple(h.start - start for h in regions if start <= h.start < end))
        if "other" in types and not _is_exchange(frame.trigger) and any(
                m.start() <= types["other"] < m.end() for m in IN_EXCHANGE.finditer(content)):
            types.pop("other")  # guarantees given "in exchange for" a withdrawal
        if not types and group == "refusal" and "RU" in subject and TRUCE_OR_FREEZE.search(content):
            truce_refused = True
        if not types and group == "demand" and frame.trigger.split()[0].endswith(
                ("ed", "sought")) and (relative := RELATIVE_CLAUSE_BEFORE.search(
                    text, max(0, start - 60), start)):
            # "the ceasefire that Ukraine has demanded": the noun before the clause.
            reach = max(0, relative.start() - RELATIVE_OBJECT_REACH)
            stop = PHRASE_STOP.search(text, reach, relative.start())
            object_start = stop.start() + 1 if stop else reach
            if relative.start() - object_start >= 4:
                types = _types(text[object_start:relative.start()], group, pat, subject[0])
                start = object_start
                content = text[start:end]
        if not types and pat.pronoun_object.search(content):
            # "was ready for a 30-day ceasefire and called on Moscow to accept it": what the
            # sentence named before.
            types = {name: 0 for name in _types(text[max(frame.lead, 0):end], group, pat,
                                                subject[0])
                     if name != "territorial"}
        elif not types and frame.lead >= 0:
            # What was said is all of the reported speech: "said that Russia must return the
            # children as a condition of ...", or ", Putin said." after it.
            start, group = frame.lead, "speech"
            content = text[start:end]
            types = _types(content, group, pat, subject[0])
            if frame.group == "speech":
                # '"We will not leave Donbas," Zelensky told reporters in Kyiv': what follows
                # the speaker names no demanded place.
                said_end = frame.start
        if not types and frame.group == "condition" and frame.trigger.startswith(
                ("provided", "on condition")):
            # What a party asks for its offer: a truce's terms are its ceasefire, anything
            # else is an ask of its own (LABELING.md: ready to ... provided that ...).
            offered_truce = TRUCE_OFFERED.search(text, 0, frame.start)
            types = {"ceasefire_first" if offered_truce else "other": 0}
            _retype_for_actor(types, subject[0])
        if "ceasefire_first" in types and ELECTIONS_BEFORE.search(
                text, max(0, start + types["ceasefire_first"] - 60),
                start + types["ceasefire_first"]):
            types["other"] = types.pop("ceasefire_first")
        if not types and pat.direct.match(frame.trigger):
            # What stands before "in exchange for" is given, not asked.
            reach = 0 if _is_exchange(frame.trigger) else dp.DIRECT_REGION_WINDOW
            near = [h for h in regions
                    if start - reach <= h.start <= end
                    and abs(h.start - start) <= dp.DIRECT_REGION_WINDOW]
            if near:
                types["territorial"] = near[0].start - start
        for demand_type, offset in types.items():
            codes: tuple[str, ...] = ()
            if demand_type == "territorial":
                first = start if frame.whole or group == "speech" else start + offset
                excluded = _not_demanded(content, pat)
                codes = tuple(dict.fromkeys(
                    h.region_code for h in regions
                    if first <= h.start < said_end
                    and not any(a <= h.start - start < b for a, b in excluded)))
                if not codes and first > start:
                    # A claim whose regions come first: "claimed that Kherson and
                    # Zaporizhzhia oblasts are Russian territory".
                    codes = tuple(dict.fromkeys(
                        h.region_code for h in regions if start <= h.start < said_end
                        and not any(a <= h.start - start < b for a, b in excluded)))
                if not codes and (named := [h for h in regions if h.start < start]) and (
                        THE_REGION.search(content)):
                    # "an offensive towards Zaporizhzhia, while the Kremlin insists that Ukraine
                    # hand over the entire region": the region named before.
                    codes = (named[-1].region_code,)
            for actor in dict.fromkeys(subject):
                if actor in dp.ACTORS:
                    # Russia claims no region of its own ("a buffer zone along the border with
                    # Belgorod" names where it ends).
                    own = dp.OWN_REGION_PREFIX.get(actor)
                    found.append((actor, demand_type, tuple(
                        c for c in codes if not (own and c.startswith(own)))))
                    found_at.append(frame.start)
    if ("cease" in text or "truce" in text) or (found and (
            apposition or any(map(text.__contains__, ENDORSING_WORDS)))):
        # Only a truce, an apposition or an endorsement names demands around the frames.
        around, truce_pressed = _demands_around(text, frames, found, found_at, apposition, pat)
        found += around
        truce_refused = truce_refused and not truce_pressed
    if truce_refused and not any(actor == "RU" for actor, _, _ in found):
        # Russia refusing a truce, with no condition named in the sentence, is Russia's stance
        # on how the war ends (LABELING.md: refusing a truce until its conditions are met).
        found.append(("RU", "other", ()))
    if frames:
        # A plan's terms listed by its owner ("Moscow's terms also include ...") keep it open.
        plan = any(f.group == "plan" for f in frames) or (
            context.plan and frames[-1].actors == context.actors)
        context = _Context(text, frames[-1].actors, plan)
    elif pat.actor.search(text):
        context = _Context(text)
    return found, context
