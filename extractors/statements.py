"""Statements an article attributes to one organisation (ISW by default).

A sentence is the organisation's statement when
  (a) it carries an attribution cue naming the organisation or a stand-in for it
      ("ISW assessed", "according to the think tank", "the report notes", "analysts say");
  (b) it is a direct quotation whose attribution sits in a neighbouring sentence
      ('The think tank wrote:' + '"..."', or one quotation running over several sentences);
  (c) it is an item of a list the article introduces as the organisation's ("Key Takeaways:");
  (d) a pointer sentence right after it names the organisation as its source
      ("This is stated in the ISW report."), in which case the pointer counts too.
Headlines, subheadings and credit lines ("Source: ISW", "Map: ISW") never count.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from extractors import cues
from extractors.alternations import (
    Guided,
    bounded,
    by_first_letter,
    first_letters,
    letters_first,
    literals,
    literals_by_first_letter,
)
from extractors.profiles import ISW, AttributionProfile
from extractors.sentences import Sentence, is_list_intro, list_items

OPENING_QUOTES = "“„«"
CLOSING_QUOTES = "”»"
QUOTE_CHARS = "\"“”„«»"
QUOTE_CHAR = re.compile(f"[{QUOTE_CHARS}]")
QUOTE_SPAN = re.compile(r"[\"“„«]([^\"“”„«»]+)[\"”»]")
STARTS_WITH_QUOTE = re.compile(r"^\W{0,3}[\"“„«]")
# What an interview's introduction opens with ("spoke with", "sat down with"): the words
# ``interview_intro`` needs, looked for before it is tried.
INTERVIEW_WORDS = ("spoke", "speaks", "talked", "sat", "interview")
# Quotation marks right after these words mark a name or someone else's phrase.
SCARE_QUOTE_LEAD = re.compile(rf"\b(?:{'|'.join(cues.SCARE_QUOTE_LEADS)})\W*$", re.IGNORECASE)
TERM_LEAD = re.compile(rf"\b(?:{'|'.join(cues.TERM_DETERMINERS)})\s*$", re.IGNORECASE)
CONTRAST_LEAD = re.compile(rf"\b(?:{'|'.join(cues.CONTRAST_LEADS)})\s+(?:the\s+)?$",
                           re.IGNORECASE)
BASED = re.compile(r"([\w.]+)-based\b")
THINK_TANK = re.compile(rf"Institute|Endowment|\b(?:{'|'.join(cues.OTHER_INSTITUTES)})\b")
# The same words as bare literals: a search 4x faster that rules most sentences out.
THINK_TANK_HINT = re.compile(literals_by_first_letter(["Institute", "Endowment",
                                                       *cues.OTHER_INSTITUTES]))
# The capitalised words of an institute's name before its head word ("Kyiv School Institute").
INSTITUTE_NAME_BEFORE = re.compile(r"(?:\b[A-Z][\w-]+\s+){1,5}$")
OTHER_SOURCE_AFTER = re.compile(r"\W*(?:as\s+\w+\s+)?by\b")
# A link that ends an embedded social-media post.
EMBED_LINK = re.compile(r"https?://t\.co/\S+\s*$")
# Another named institute in the article makes "the think tank" ambiguous.
OTHER_INSTITUTE = re.compile(
    r"(?=[A-Z])\b(?:[A-Z][\w-]+\s+){1,5}(?:Institute|Center|Centre|Council|Foundation|Endowment)\b|"
    rf"\b(?:{'|'.join(cues.OTHER_INSTITUTES)})\b"
)
WORD = re.compile(r"[\w'’-]+")
# Lookbehinds: not right after a relative pronoun ("a think tank that (has) tracked").
NOT_RELATIVE = "".join(rf"(?<!\b{pronoun}\s{aux})" for pronoun in ("that", "which", "who")
                       for aux in ("", "has\\s", "have\\s", "had\\s"))
# Lines from the top within which a byline makes the text the organisation's own.
BYLINE_LINES = 4
# A note on the text itself ("Editor's note: The text below is republished from ISW's ...").
EDITOR_NOTE = re.compile(r"^\W*editor['’]?s['’]?\s+note\b", re.IGNORECASE)
# A cue that is a stance of the organisation's own ("ISW is not convinced."), no pointer.
STANCE_CUE = re.compile(r"\b(?:convinced|skeptical|sceptical|doubtful)\b")
SECTION_LABEL_WORDS = 4
# A link line of a reposted text ("Click here to see ISW's interactive map").
CALL_TO_ACTION = re.compile(r"^\W*(?:click|tap)\s+here\b", re.IGNORECASE)
# The answer line of an interview ("A: We see very little evidence of it.").
ANSWER = re.compile(r"^\W*A\s*:\s")
# Another speaker closing the sentence ("..., Ukrainian officials said.").
OTHER_SPEAKER_AT_END = re.compile(r",[\"”’']?\s*[^,;]{1,60}?\b(?:said|says|stated|told|added|"
                                  r"wrote|claimed|insisted|argued)\b[^,;]{0,40}$")
# A sentence naming a source of its own ("..., informs the General Staff", "X said").
OWN_ATTRIBUTION = re.compile(r"\b(?:said|says|informs|informed|reported|reports|told|stated|"
                             r"according\s+to)\b")
# Longest gap (characters) between the organisation and its verb: room for an appositive.
FORWARD_GAP = 90
BACKWARD_GAP = 60
# Within a run of quoted sentences this many is the most read as one quotation.
MAX_QUOTE_RUN = 8


@dataclass(frozen=True)
class Statement:
    """A sentence the article presents as the organisation's claim or quotation."""

    text: str
    kind: str
    quote: str | None
    cue: str
    sentence_index: int


@dataclass(frozen=True)
class _CompiledProfile:
    """Regexes built once per profile."""

    name: Guided
    stand_in: re.Pattern[str]
    # Cheap substring checks run before the regexes: no literal, no cue.
    name_literals: tuple[str, ...]
    stand_in_literals: tuple[str, ...]
    # A word each stand-in holds whatever its spacing ("think" of "think  tank").
    stand_in_words: tuple[str, ...]
    analyst_literals: tuple[str, ...]
    forward: Guided
    backward: re.Pattern[str]
    stand_in_forward: re.Pattern[str]
    stand_in_backward: re.Pattern[str]
    stand_in_view: re.Pattern[str]
    analyst: re.Pattern[str]
    pronoun: re.Pattern[str]
    post_quote_pronoun: re.Pattern[str]
    possessive_view: re.Pattern[str]
    org_view: re.Pattern[str]
    label_quote: re.Pattern[str]
    mid_pronoun: re.Pattern[str]
    home_bases: frozenset[str]
    pointer: re.Pattern[str]
    credit: re.Pattern[str]
    byline: re.Pattern[str]
    passage_intro: re.Pattern[str]
    interview_intro: re.Pattern[str]
    summary_note: re.Pattern[str]
    repost_header: re.Pattern[str]
    source_line: re.Pattern[str]
    quote_line: re.Pattern[str]
    handle_line: re.Pattern[str]
    other_speaker: re.Pattern[str]


def _by_first_letter(patterns: tuple[str, ...]) -> str:
    """Return the cue words of ``patterns`` as one alternation factored by first letter, each
    opening at a word boundary (``alternations.by_first_letter``): the cue regexes run 2x
    faster."""
    return f"(?:{by_first_letter(bounded(patterns))})"


@lru_cache(maxsize=16)
def _compile(profile: AttributionProfile) -> _CompiledProfile:
    """Return the cue regexes for ``profile``."""
    # A describing verb right after a relative pronoun tells what the organisation does, not
    # what it says ("ISW, a think tank that tracks the war, says ...").
    verbs = "|".join(NOT_RELATIVE + v if v in cues.DESCRIBING_VERBS else v
                     for v in cues.SPEECH_VERBS)
    verb = rf"\b(?:{verbs})\b"
    names = literals(profile.names)
    # The lookahead lets the engine skip lowercase positions at once.
    name = rf"(?=[A-Z])\b(?:{names})\b(?:\s*\(\s*(?:{names})\s*\))?(?:['’]s)?"
    if profile.handles:
        name = rf"(?:{name}|{literals(profile.handles)})"
    # "the think tank" / "the U.S. military think tank" / "the institute", but not "the Royal
    # United Services Institute" (capitalised words) nor "the institute of <somewhere>".
    stand_in = (
        rf"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Aa]n?)\s+"
        rf"(?:(?:[a-z][\w-]*|U\.S\.|US|American|{literals(profile.home_bases)}|"
        rf"(?:[A-Z][\w.]*,?\s+){{0,2}}[\w.]+-based)\s+){{0,3}}?"
        rf"(?i:{literals(profile.stand_ins)})\b(?!\s+(?:for|of)\b)"
    )
    document = (
        rf"\b(?:[Tt]he|[Tt]his|[Ii]ts|[Tt]heir|[Tt]hat)\s+(?:(?:[a-z][\w-]*|U\.S\.)\s+){{0,2}}?"
        rf"(?i:{literals(profile.documents)})\b(?!s)"
    )
    analysts = literals(profile.analysts)
    # "the American analysts", and "the US-based analysts" for each home base.
    qualifiers = profile.analyst_qualifiers + tuple(f"{base}-based" for base in profile.home_bases)
    qualifier = rf"(?:(?:the\s+)?(?P<qualifier>(?-i:{literals(qualifiers)}))\s+|the\s+)?"
    preceding = _by_first_letter(cues.PRECEDING_VERBS)
    # Each verb checks after itself that a comma or quote and a space stand before it: a
    # lookbehind first would keep the engine from skipping positions by first letter.
    inverted = "|".join(rf"{v}(?<=[,”\"]\s{v})" for v in cues.INVERTED_VERBS)
    verb_letters = f"(?=[{first_letters(cues.PRECEDING_VERBS + cues.INVERTED_VERBS)}])"
    # Room for an appositive, not for a clause of another subject (", as both sides claim").
    gap = (rf"(?:(?!,\s+(?:as|while|because|since|whereas|although)\s)[^;:\"“”])"
           rf"{{0,{FORWARD_GAP}}}?")
    back_gap = rf"[^;:\"“”.]{{0,{BACKWARD_GAP}}}?"
    credit = literals(list(cues.CREDIT_LABELS))
    publications = literals(profile.publications) if profile.publications else "(?!)"
    # "The Washington-based group added ..." stands for it as "the group" does.
    pronouns = literals(list(cues.PRONOUN_SUBJECTS)
                        + [f"the {base}-based group" for base in profile.home_bases])
    adverb = r"(?:(?:also|further|previously|earlier|now|again|then|even)\s+)?"
    opener = r"(?:(?:in turn|however|moreover|additionally|also|furthermore|in addition|"
    opener += r"meanwhile|at the same time|in particular|for example|as)\s*,?\s+)?"
    # A paragraph label ("Details: Analysts recalled ...").
    opener = rf"(?:[a-z]{{2,15}}(?:\s+[a-z]{{2,15}}){{0,2}}:\s+)?{opener}"
    # Tried only where a name or handle starts (2x faster): most of a sentence is passed over.
    name_scan = re.compile(letters_first((names, literals(profile.handles)) if profile.handles
                                         else (names,)))
    return _CompiledProfile(
        name=Guided(re.compile(name), name_scan),
        stand_in=re.compile(stand_in),
        name_literals=profile.names + profile.handles,
        stand_in_literals=tuple(w.lower() for w in profile.stand_ins + profile.documents),
        stand_in_words=tuple(dict.fromkeys(max(w.lower().split(), key=len)
                                           for w in profile.stand_ins)),
        analyst_literals=tuple(w.lower() for w in profile.analysts),
        forward=Guided(re.compile(rf"(?=[A-Z@])(?P<org>{name}){gap}(?P<verb>{verb})"),
                       name_scan),
        # The lookaheads of first letters let the engine skip other positions (2x faster).
        backward=re.compile(rf"(?i:{verb_letters}\b(?:{preceding}|{inverted}))\b{back_gap}"
                            rf"(?P<org>{name})"),
        stand_in_forward=re.compile(
            # Not across "but": "would study the document but described it as ...".
            rf"(?i:(?=[{first_letters((stand_in, document))}]))"
            rf"(?P<org>{stand_in}|{document})(?:(?!\bbut\b)[^;:\"“”]){{0,40}}?(?P<verb>{verb})"
        ),
        stand_in_backward=re.compile(
            rf"(?i:(?=[{first_letters(cues.PRECEDING_VERBS)}])\b(?:{preceding})\b)"
            rf"[^;:\"“”.]{{0,40}}?(?P<org>{stand_in}|{document})"
        ),
        # "In the think tank's view, ...".
        stand_in_view=re.compile(
            rf"^\W*{opener}(?i:in|by|to)\s+(?P<org>{stand_in}|{document})['’]s\s+(?:own\s+)?"
            rf"(?i:{literals(list(cues.POSSESSIVE_VIEWS))})\s*,"),
        analyst=re.compile(
            rf"(?:^\W*{opener}|[,;–—-][\"”’']?\s*|\b(?i:as|according to|made by)\s+)"
            rf"(?i:{qualifier}(?P<org>{analysts}))\b(?!\s+(?:at|from|of|with)\s+(?!{name}|the\s+"
            rf"(?:institute|think[\s-]?tank)\b))"
            rf"(?:[^;:\"“”]{{0,40}}?(?P<verb>{verb})|(?=\s*,)|(?=\s*\.?\s*$))",
            re.IGNORECASE,
        ),
        pronoun=re.compile(rf"^\W*{opener}(?P<org>{pronouns})\s+{adverb}(?P<verb>{verb})",
                           re.IGNORECASE),
        possessive_view=re.compile(
            rf"^\W*{opener}(?:(?:in|by|to)\s+(?P<org>its|their)\s+(?:own\s+)?"
            rf"(?:{literals(list(cues.POSSESSIVE_VIEWS))})\s*,|according\s+to\s+(?:them|it)\b)",
            re.IGNORECASE),
        # 'ISW: "Russia's demand for elections is ..."' (in a live blog after its time), 'ISW in
        # its report on Tuesday: "..."'.
        label_quote=re.compile(
            rf"^\W*(?:\d{{1,2}}[:.]\d{{2}}\s*[—–-]\s*)?{name}[^:\"“”.!?]{{0,60}}:(?=\s*[\"“„«])"),
        # "In the ISW's reading, ...", "In ISW's assessment, ...".
        org_view=re.compile(
            rf"^\W*{opener}(?i:in|by|to)\s+(?:the\s+)?(?P<org>{name})\s+(?:own\s+)?"
            rf"(?i:{literals(list(cues.POSSESSIVE_VIEWS))})\s*,"),
        post_quote_pronoun=re.compile(
            rf"[,.!?][\"”»]\s*(?P<org>{pronouns})\s+{adverb}(?P<verb>{verb})", re.IGNORECASE
        ),
        # "Moscow's precondition, it said, is ..." / "..., it added."
        mid_pronoun=re.compile(
            rf",\s*(?P<org>{pronouns})\s+{adverb}(?P<verb>{verb})\s*(?:[,;–—]|[.!?]?\s*$)",
            re.IGNORECASE,
        ),
        home_bases=frozenset(profile.home_bases),
        # Run on the lowercased sentence: faster than IGNORECASE.
        pointer=re.compile(rf"\b{_by_first_letter(cues.POINTER_LEADS)}"),
        credit=re.compile(rf"^\W*(?:{credit})\s*:", re.IGNORECASE),
        # "By the ISW Russia Team, Institute for the Study of War", "Authors: ISW analysts".
        byline=re.compile(rf"^\W*(?i:by|authors?\s*:|written\s+by)\s+[^.!?]{{0,80}}?{name}"
                          rf"[^.!?]{{0,80}}\.?$"),
        # "Here is the key passage from ISW's assessment:" introduces the organisation's words.
        passage_intro=re.compile(
            rf"\b(?i:passage|excerpt|extract|quote|section|paragraph)s?\s+(?i:from|of|in)\s+(?:the\s+)?"
            rf"{name}[^.!?]{{0,40}}:\s*$"),
        # "RBC-Ukraine spoke with Daniel Corwin, a Russia analyst at the Institute for the Study of
        # War": the answers of the interview that follows are the organisation's.
        interview_intro=re.compile(
            rf"\b(?i:spoke|speaks|talked|sat\s+down|interview\w*)\s+(?i:with|to)\s+[^.!?]{{0,60}}?"
            rf"\b(?i:analyst|expert|researcher|fellow|director|specialist)s?\s+(?i:at|of|with|from)\s+"
            rf"(?:the\s+)?{name}"),
        # "Editor's note: This is a daily summary of the Institute for the Study of War's (ISW)
        # assessment": the text that follows is the organisation's, as under its byline.
        summary_note=re.compile(
            rf"^\W*(?i:editor['’]?s['’]?\s+note\s*:\s*)?(?i:this|the\s+following)\s+"
            rf"(?i:(?:text|article|piece|story)\s+)?(?i:is)\s+(?i:an?)\s+(?:[\w-]+\s+){{0,3}}?"
            rf"(?i:summary|digest|excerpt|abridged\s+version|translation|roundup|adaptation)\s+"
            rf"(?i:of|from)\s+[^.!?]{{0,40}}?{name}"),
        # The header lines of a reposted report: its title ("Russian Offensive Campaign
        # Assessment, May 19"), the organisation's name alone, "Republished in full from ISW".
        repost_header=re.compile(
            rf"^\W*(?:(?P<titled>(?:(?:the\s+)?{name}\s*[—–:-]\s*)?(?:{publications})\b[^.!?]{{0,40}}$"
            rf"|(?i:the\s+following\s+is\s+)(?:the\s+)?{name}[^.!?]{{0,60}}"
            rf"(?i:reposted|republished|reprinted)\b[^.!?]{{0,30}}[.:]?$"
            rf"|(?i:(?:this\s+\w+\s+(?:was|is)\s+)?(?:originally\s+)?(?:re)?(?:published|posted|printed)"
            rf"\s+(?:[\w-]+\s+){{0,3}}?(?:from|by)\s+(?:the\s+)?){name}\W*$)|(?:the\s+)?{name}\W*$)"),
        source_line=re.compile(rf"^\W*{cues.SOURCE_LABEL}\s*:", re.IGNORECASE),
        quote_line=re.compile(
            rf"^\W*{cues.QUOTE_LABEL}(?:\s+(?:from|by|of)\s+(?P<source>[^:\"“]{{1,80}}))?\s*:\s*"
            r"[\"“„«]", re.IGNORECASE),
        handle_line=re.compile(rf"^[—–-]\s*.*{name}.*\(@\w+\)"),
        other_speaker=re.compile(
            r"\b(?:said|says|stated|claim(?:s|ed)?|called|described|referred|formulated|told|"
            r"repeated|reiterated|insist(?:s|ed)?|demanded|declared|announced|wrote|added|"
            r"put it)\b"
        ),
    )


def _institute_mentions(sentence: str, compiled: _CompiledProfile) -> list[tuple[int, bool]]:
    """Return where ``sentence`` names an institute, and whether it is the organisation."""
    if not THINK_TANK_HINT.search(sentence):
        # Most sentences name no other institute: the organisation's name is then enough.
        return [(m.start(), True) for m in compiled.name.finditer(sentence)]
    own = [(m.start(), m.end()) for m in compiled.name.finditer(sentence)]
    found = [(start, True) for start, _ in own]
    # Only what the stand-ins could mean: an institute or a known think tank, not a
    # "Resistance Center" or the "Security Council". A name is read back from its head word.
    for match in THINK_TANK.finditer(sentence):
        start = match.start()
        if any(a < match.end() and start < b for a, b in own):
            continue  # the organisation's own "Institute"
        if match.group(0) in ("Institute", "Endowment"):
            named = INSTITUTE_NAME_BEFORE.search(sentence, max(0, start - 80), start)
            start = named.start() if named else start
        if not any(a < match.end() and start < b for a, b in own):
            found.append((start, False))
    return sorted(found)


def _stands_for_other(sentence: str, match: re.Match[str], compiled: _CompiledProfile,
                      other_named_last: bool) -> bool:
    """Return whether the stand-in in ``match`` ("the think tank", "the report", "the
    analysts") is not the organisation: a word of its full name ("the Study of War"), an
    institute based elsewhere ("the London-based think tank") or another institute named last
    before it ("... the Carnegie Endowment. The authors note ...")."""
    org = match.group("org")
    if any(map(sentence.__contains__, compiled.name_literals)) and any(
            name.start() < match.end("org") and match.start("org") < name.end()
            for name in compiled.name.finditer(sentence)):
        return True  # "the Study" of "the Institute for the Study of War" is no document
    based = BASED.search(org)
    if based and based.group(1) not in compiled.home_bases:
        return True
    before = [is_org for at, is_org in _institute_mentions(sentence, compiled)
              if at < match.start("org")]
    return not before[-1] if before else other_named_last


def _cue(sentence: str, compiled: _CompiledProfile, org_in_article: bool,
         previous_is_org: bool, other_named_last: bool = False) -> str | None:
    """Return the attribution cue in ``sentence`` naming the organisation, if any."""
    if any(map(sentence.__contains__, compiled.name_literals)):
        if match := compiled.org_view.search(sentence):
            return match.group(0).strip(" ,")
        for pattern in (compiled.forward, compiled.backward):
            first = pattern.search(sentence)
            if first is None:
                continue
            for named in itertools.chain((first,), pattern.finditer(sentence, first.end())):
                # "Unlike ISW, ..." compares with the organisation; it cites nothing.
                org_at = named.start("org")
                if not CONTRAST_LEAD.search(sentence, max(0, org_at - 20), org_at):
                    return named.group(0)
        if match := compiled.label_quote.match(sentence):
            return match.group(0).strip(" ,")
    if not org_in_article:
        return None
    lowered = sentence.lower()
    # Each pattern needs its own words: a stand-in or a document, or analysts.
    patterns: tuple[re.Pattern[str], ...] = ()
    if any(map(lowered.__contains__, compiled.stand_in_literals)):
        patterns = (compiled.stand_in_forward, compiled.stand_in_backward)
        if "'s " in sentence or "’s " in sentence:
            patterns += (compiled.stand_in_view,)  # "In the think tank's view, ..."
    if any(map(lowered.__contains__, compiled.analyst_literals)):
        patterns += (compiled.analyst,)
    if patterns:
        for pattern in patterns:
            match = pattern.search(sentence)
            if match is None:
                continue
            # "the American analysts" are the organisation's whoever was named before them.
            named_ours = pattern is compiled.analyst and match.group("qualifier")
            if named_ours or not _stands_for_other(sentence, match, compiled, other_named_last):
                return match.group(0).strip(" ,;–—-")
    if QUOTE_CHAR.search(sentence):
        match = compiled.post_quote_pronoun.search(sentence)
        if match:
            return match.group(0).strip(" ,;–—-")
    if previous_is_org:
        match = compiled.pronoun.search(sentence) or compiled.mid_pronoun.search(sentence)
        if match:
            return match.group(0).strip(" ,;–—-.")
        match = compiled.possessive_view.search(sentence)
        # "In their view, the talks will fail, Ukrainian officials said": another's view; but
        # "According to them, Lavrov also repeated ..." relays him.
        if match and not OTHER_SPEAKER_AT_END.search(sentence, match.end()):
            return match.group(0).strip(" ,;–—-.")
    return None


# A list intro whose sentence only its items finish ("According to the think tank, the West
# should:").
UNFINISHED_INTRO = re.compile(r"\b(?:should|must|would|will|can|could|include|includes|are|were|"
                              r"is|was|to)\s*:\s*$")


def _quote_states(sentences: tuple[Sentence, ...]) -> list[tuple[bool, bool]]:
    """Return, per sentence, whether a quotation is open at its start and at its end."""
    states: list[tuple[bool, bool]] = []
    is_open = False
    for sentence in sentences:
        if sentence.is_first_in_line and STARTS_WITH_QUOTE.match(sentence.text):
            is_open = False  # a quoted paragraph reopens its quotation
        start = is_open
        # Most sentences hold no quotation mark: a substring test rules them out faster.
        for char in (QUOTE_CHAR.findall(sentence.text)
                     if any(map(sentence.text.__contains__, QUOTE_CHARS)) else ()):
            if char in OPENING_QUOTES:
                is_open = True
            elif char in CLOSING_QUOTES:
                is_open = False
            else:
                is_open = not is_open
        states.append((start, is_open))
    return states


def _quote_runs(states: list[tuple[bool, bool]]) -> list[range]:
    """Return the sentence ranges of quotations that run over more than one sentence."""
    runs: list[range] = []
    index = 0
    while index < len(states):
        start_open, end_open = states[index]
        if not start_open and end_open:
            end = index + 1
            while end < len(states) and states[end][0] and states[end][1]:
                end += 1
            if end < len(states) and states[end][0] and end - index < MAX_QUOTE_RUN:
                runs.append(range(index, end + 1))
                index = end + 1
                continue
        index += 1
    return runs


def _org_quote(sentence: str, cue: str | None, compiled: _CompiledProfile) -> str | None:
    """Return the organisation's own quoted words in ``sentence`` (not scare quotes), if any.

    A quoted span is the organisation's when its cue frames it directly ('"...," ISW said',
    'ISW assessed that this is "..."') and no other speaker stands in between.
    """
    if not cue or (cue_at := sentence.find(cue)) < 0:
        return None
    cue_end = cue_at + len(cue)
    spans: list[str] = []
    for match in QUOTE_SPAN.finditer(sentence):
        words = WORD.findall(match.group(1))
        content = [w for w in words if w.lower() not in cues.TITLE_FUNCTION_WORDS]
        if len(words) < cues.MIN_QUOTE_WORDS or all(w[0].isupper() for w in content):
            continue
        if SCARE_QUOTE_LEAD.search(sentence[:match.start()]):
            continue
        if len(words) <= cues.MAX_TERM_WORDS and TERM_LEAD.search(sentence[:match.start()]):
            continue  # 'its "fortress belt"': a term inside a noun phrase
        if match.end() <= cue_at:
            between = WORD.findall(sentence[match.end():cue_at])
            if any(w.lower() not in cues.QUOTE_CUE_FILLERS for w in between):
                continue
        elif match.start() >= cue_end:
            if compiled.other_speaker.search(sentence[cue_end:match.start()]):
                continue
        if OTHER_SOURCE_AFTER.match(sentence[match.end():]):
            continue
        spans.append(match.group(1).strip())
    return " … ".join(spans) if spans else None


def _wholly_quoted(sentence: str) -> bool:
    """Return whether ``sentence`` is one quotation from its first word to its last."""
    stripped = sentence.strip()
    return (bool(STARTS_WITH_QUOTE.match(stripped)) and stripped[-1:] in "\"”»"
            and len(QUOTE_CHAR.findall(stripped)) == 2)


def _section_label(sentence: str) -> bool:
    """Return whether ``sentence`` only names the section after it ("Key Takeaways:")."""
    return sentence.rstrip().endswith(":") and len(WORD.findall(sentence)) <= SECTION_LABEL_WORDS


def _run_quote(sentence: str) -> str:
    """Return the part of a sentence inside a quotation that runs across sentences."""
    return sentence.strip().strip("\"“”„«» ")


def find_statements(sentences: tuple[Sentence, ...],
                    profile: AttributionProfile = ISW) -> tuple[Statement, ...]:
    """Return the statements that ``sentences`` attribute to ``profile``'s organisation."""
    compiled = _compile(profile)
    texts = [s.text for s in sentences]
    names_org = [any(map(t.__contains__, compiled.name_literals)) and bool(compiled.name.search(t))
                 for t in texts]
    org_in_article = any(names_org) or (
        any(compiled.stand_in.search(t) for t in texts
            if any(map(t.lower().__contains__, compiled.stand_in_words)))
        and not any(OTHER_INSTITUTE.search(t) for t in texts)
    )
    cue_of: dict[int, str] = {}
    kind_hint: dict[int, str] = {}
    excluded: set[int] = set()
    source_is_org: bool | None = None
    embedded: set[int] = set()
    other_named_last = False  # the institute named last before the sentence is another one
    interview: Sentence | None = None  # the line introducing an interview with the organisation

    def excludable(i: int) -> bool:
        # Headings, credit lines and questions ("What does ISW say?") claim nothing.
        # A credit line holds a colon ("Photo: ...").
        return (sentences[i].is_heading
                or (":" in texts[i] and bool(compiled.credit.match(texts[i])))
                or texts[i].rstrip().endswith("?"))

    # (a) cues of the sentence's own.
    for i, sentence in enumerate(sentences):
        text = sentence.text
        # Source and quotation labels end with a colon, a post's credit line holds "(@".
        labelled = ":" in text
        source_line = labelled and bool(compiled.source_line.match(text))
        if source_line:
            source_is_org = bool(compiled.name.search(text))
        if "(@" in text and compiled.handle_line.match(text):
            # An embedded post: the line above is the organisation's own post, whatever
            # its punctuation.
            excluded.add(i)
            posts = _point_back(sentences, i, text, cue_of,
                                lambda j: bool(compiled.credit.match(texts[j])))
            if i + 1 < len(sentences) and EMBED_LINK.search(texts[i + 1]):
                posts.append(i + 1)
                cue_of.setdefault(i + 1, text)
            excluded.difference_update(posts)
            embedded.update(posts)
            continue
        if excludable(i) and i not in embedded:
            if source_line and source_is_org:
                # Not what the lines above attribute to someone else ("..., informs the
                # General Staff").
                _point_back(sentences, i, text, cue_of,
                            lambda j: excludable(j) or bool(OWN_ATTRIBUTION.search(texts[j])))
            excluded.add(i)
            continue
        quote_line = compiled.quote_line.match(text) if labelled else None
        if quote_line and quote_line.group("source") is not None:
            # "Quote from ISW: ..." names whose quotation it is.
            quote_line = quote_line if compiled.name.search(quote_line.group("source")) else None
        elif quote_line and not (source_is_org or (source_is_org is None and org_in_article)):
            quote_line = None
        if quote_line:
            cue_of[i] = text.split(":", 1)[0] + ":"
            kind_hint[i] = "quote"
            continue
        if names_org[i] and any(map(text.lower().__contains__, INTERVIEW_WORDS)) and (
                compiled.interview_intro.search(text)):
            interview = interview if interview is not None else sentence
            continue  # it introduces the organisation's answers; it says nothing itself
        previous_is_org = i > 0 and ((i - 1) in cue_of or names_org[i - 1])
        cue = _cue(text, compiled, org_in_article, previous_is_org, other_named_last)
        if (cue is None and names_org[i] and text.rstrip().endswith(":")
                and compiled.passage_intro.search(text)):
            cue_of[i] = text  # "Here is the key passage from ISW's assessment:" points ahead
            continue
        if not THINK_TANK_HINT.search(text):
            if names_org[i]:
                other_named_last = False
        elif org_in_article and (mentions := _institute_mentions(text, compiled)):
            other_named_last = not mentions[-1][1]
        if cue is None:
            continue
        cue_of[i] = cue
        # A fragment that is only its cue ("- ISW points out.") points back like a pointer.
        leftover = sum(1 for _ in itertools.islice(
            WORD.finditer(text.replace(cue, " ", 1)), cues.POINTER_FRAGMENT_EXTRA_WORDS + 1))
        # A stance of its own ("ISW is not convinced.") points at nothing before it.
        fragment = (leftover <= cues.POINTER_FRAGMENT_EXTRA_WORDS
                    and not STANCE_CUE.search(cue))
        # A sentence that ends with a colon introduces what follows ("ISW's report reads:").
        if not text.rstrip().endswith(":") and (fragment or compiled.pointer.search(text.lower())):
            _point_back(sentences, i, cue, cue_of, excludable)

    # A text the organisation wrote, reposted under its byline ("By the ISW Russia Team") or
    # under its own report's header: every body sentence is its statement.
    byline = next((s for s in sentences if s.line_index < BYLINE_LINES
                   and (compiled.byline.match(s.text) or compiled.summary_note.match(s.text))),
                  None)
    if byline is None:
        byline = _repost_header_end(sentences, compiled)
    if byline is not None:
        for i, sentence in enumerate(sentences):
            if (sentence.line_index > byline.line_index and not excludable(i)
                    and not CALL_TO_ACTION.match(sentence.text)
                    and not EDITOR_NOTE.match(sentence.text)
                    and not _section_label(sentence.text)):
                cue_of.setdefault(i, byline.text)

    # An interview with the organisation's analyst: every sentence of each "A:" answer.
    if interview is not None:
        answers = {s.line_index for s in sentences
                   if s.index > interview.index and s.is_first_in_line and ANSWER.match(s.text)}
        for i, sentence in enumerate(sentences):
            if sentence.line_index in answers and not excludable(i):
                cue_of.setdefault(i, interview.text)

    # (b) quotations: introduced by a cued "...:" sentence, or running over sentences.
    states = _quote_states(sentences)
    for run in _quote_runs(states):
        cue = next((cue_of[j] for j in run if j in cue_of), None)
        before = run.start - 1
        if cue is None and before in cue_of and texts[before].rstrip().endswith(":"):
            cue = cue_of[before]
        if cue is None:
            continue
        for j in run:
            if j not in excluded:
                cue_of.setdefault(j, cue)
                kind_hint[j] = "quote"
    for i in range(1, len(sentences)):
        intro = texts[i - 1].rstrip()
        if (i - 1) in cue_of and intro.endswith(":") and STARTS_WITH_QUOTE.match(texts[i]):
            cue_of.setdefault(i, cue_of[i - 1])
            kind_hint[i] = "quote"

    # A quotation standing alone right after the organisation's quotation goes on with it.
    for i in range(1, len(sentences)):
        if (i not in cue_of and (i - 1) in cue_of and i not in excluded
                and not excludable(i) and _wholly_quoted(texts[i])
                and (kind_hint.get(i - 1) == "quote"
                     or _org_quote(texts[i - 1], cue_of[i - 1], compiled))):
            cue_of[i] = cue_of[i - 1]
            kind_hint[i] = "quote"

    # (c) lists introduced as the organisation's.
    for i, sentence in enumerate(sentences):
        intro = sentence.text.rstrip()
        # "ISW's key takeaways:", or "the institute listed several key takeaways:" once named.
        if not (is_list_intro(sentences, i) and (compiled.name.search(intro) or (
                org_in_article and compiled.stand_in.search(intro)))):
            continue
        if i + 1 >= len(sentences) or STARTS_WITH_QUOTE.match(texts[i + 1]):
            continue
        bulleted = sentences[i + 1].is_list_item
        lowered = intro.lower()
        if not bulleted and not any(w in lowered for w in cues.LIST_INTRO_WORDS):
            continue
        items = list_items(sentences, i, excludable)
        for j in items:
            cue_of.setdefault(j, intro)
        if items and (any(w in lowered for w in cues.PURE_LIST_INTRO_WORDS)
                      or UNFINISHED_INTRO.search(lowered)):
            # "ISW highlights the following demands:", "the think tank says the West should:"
            # only introduce.
            excluded.add(i)

    statements = []
    for i in sorted(cue_of):
        if i in excluded:
            continue
        text = texts[i]
        quote: str | None
        if kind_hint.get(i) == "quote":
            quote = _org_quote(text, cue_of[i], compiled) or _run_quote(text)
        else:
            quote = _org_quote(text, cue_of[i], compiled)
            if quote is None and cue_of[i] not in text and _wholly_quoted(text):
                quote = _run_quote(text)  # a quotation a pointer after it attributes
        statements.append(Statement(
            text=text,
            kind="quote" if quote else "paraphrase",
            quote=quote,
            cue=cue_of[i],
            sentence_index=i,
        ))
    return tuple(statements)


def _repost_header_end(sentences: tuple[Sentence, ...],
                       compiled: _CompiledProfile) -> Sentence | None:
    """Return the last header line of a reposted report, if the text opens with one: its
    title or a "Republished from" note, with the organisation's name on a line of its own."""
    header = [(s, match) for s in sentences[:BYLINE_LINES]
              if s.line_index < BYLINE_LINES and s.is_first_in_line
              and (match := compiled.repost_header.match(s.text))]
    if header and header[0][0].index <= 1 and any(m.group("titled") for _, m in header):
        return header[-1][0]
    return None


def _point_back(sentences: tuple[Sentence, ...], index: int, cue: str, cue_of: dict[int, str],
                excludable: Callable[[int], bool]) -> list[int]:
    """Mark and return the content a pointer sentence refers to: the sentences before it in
    its line, or the whole previous line when the pointer opens its own line."""
    pointer = sentences[index]
    if pointer.is_first_in_line:
        if index == 0:
            return []
        previous_line = sentences[index - 1].line_index
        targets = [s for s in sentences[:index] if s.line_index == previous_line]
    else:
        targets = [s for s in sentences[:index] if s.line_index == pointer.line_index]
    marked = [t.index for t in targets if not excludable(t.index)]
    for target in marked:
        cue_of.setdefault(target, cue)
    return marked
