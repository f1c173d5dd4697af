"""Attribution cue vocabulary: reviewed as data, used by ``extractors.statements``.

Everything here is organisation-neutral English. The organisation's own names and stand-ins
live in ``AttributionProfile`` (``extractors.analysis``), so following another institute
means passing another profile, not editing this file.
"""

from __future__ import annotations

# "ISW analysts came to this conclusion": a verb of the organisation's, and a pointer.
CONCLUSION_REACHED = (r"(?:came|come|comes|arrived)\s+(?:to|at)\s+(?:this|that|the\s+same|"
                      r"such\s+an?)\s+conclusion")
# Verbs (regex stems) by which a report, an analyst or an institute says something.
# "monitor" is left out on purpose: "the institute is monitoring developments" is no claim.
SPEECH_VERBS: tuple[str, ...] = (
    r"say|says|said|saying",
    r"stat(?:e|es|ed|ing)",
    r"told|tells",  # "ISW analysts told Newsweek that ..."
    r"respond(?:s|ed)",  # "ISW responded on X:"
    r"sum(?:s|med)\s+(?:it\s+)?up|put\s+it",  # "Here's how ISW summed it up:"
    r"clarif(?:y|ies|ied)",
    r"specif(?:y|ies|ied)",
    r"summari[sz](?:e|es|ed)",
    r"not(?:e|es|ed|ing)",
    r"assess(?:es|ed|ing)?",
    r"warn(?:s|ed|ing)?",
    r"emphasi[sz](?:e|es|ed|ing)",
    r"conclud(?:e|es|ed|ing)",
    r"add(?:s|ed)",
    r"wr(?:ote|ites|itten|ite)",
    # Not the noun ("has published its latest report on ...").
    r"(?<!its\s)(?<!the\s)(?<!\sa\s)(?<!['’]s\s)(?<!latest\s)(?<!new\s)(?<!daily\s)(?<!their\s)"
    r"report(?:s|ed)?",
    r"believ(?:e|es|ed)",
    r"argu(?:e|es|ed)",
    r"(?<!['’]s\s)views?|viewed",  # not "share ISW's view"
    r"suggest(?:s|ed)?",
    r"point(?:s|ed)? (?:out|to)",
    r"dr(?:aw|aws|ew) attention to",
    r"highlight(?:s|ed)?",
    r"recall(?:s|ed)?",
    r"remind(?:s|ed)?",
    r"observ(?:e|es|ed)",
    r"finds?|found",
    r"predict(?:s|ed)?",
    r"assert(?:s|ed)?",
    r"claim(?:s|ed)?",
    r"estimat(?:e|es|ed)",
    r"indicat(?:e|es|ed)",
    r"stress(?:es|ed)?",
    r"explain(?:s|ed)?",
    r"mention(?:s|ed)?",
    r"refers?|referred",
    r"referenc(?:es|ed)",  # not "a reference for journalists"
    r"details|detailed",
    r"caution(?:s|ed)?",
    r"dismiss(?:es|ed)?",
    r"forecast(?:s|ed)?",
    r"expects?|expected",
    r"thinks?(?![\s-]+tanks?\b)|thought",  # not "think tank"
    r"consider(?:s|ed)?",
    r"describ(?:e|es|ed)",
    r"track(?:s|ed)",
    r"assum(?:e|es|ed)",
    r"analy[sz](?:e|es|ed)",
    r"contend(?:s|ed)?",
    r"maintain(?:s|ed)?",
    r"argues",
    r"identifie[sd]",
    r"documented",
    r"recorded",
    r"recommend(?:s|ed)?",
    r"link(?:s|ed)",  # "ISW linked the strikes to ..."
    r"called",  # "ISW called the draft a document that would reward aggression"
    r"alleg(?:e|es|ed)",
    r"cit(?:es|ed)",
    r"accus(?:e|es|ed)",
    r"acknowledg(?:e|es|ed)",
    r"underlin(?:e|es|ed)",
    r"underscor(?:e|es|ed)",
    r"reads",  # "the report reads"
    r"dr(?:ew|aws|awn)\s+attention\s+(?:to|that)",
    # A stance: "The Institute for the Study of War is not convinced."
    r"(?:is|was|remains?|remained)\s+(?:not\s+|un)?(?:convinced|skeptical|sceptical|doubtful)",
    # As machine translations of Ukrainian outlets word it ("ISW is informing, that ...").
    r"inform(?:s|ed|ing)",
    # "The think tank made the assessment on Tuesday, as ...", "read the visit differently".
    r"(?:made|reached|drew)\s+(?:the|this|that|its|an?)\s+(?:assessment|conclusion|finding|"
    r"forecast|observation)",
    r"read\s+(?:the|this|that|it|these)\s+(?:\w+\s+)?(?:differently|otherwise)",
    # "ISW's map shows Russian forces have advanced ...": a finding, not "the map shows the
    # front line as of December 3".
    r"show(?:s|ed)(?=\s+(?:that\s+)?(?:the\s+)?(?:Russian|Ukrainian)\s+(?:forces|troops|units)\s+"
    r"(?:have|had|are|were|advanced|made|gained|pushing|advancing))",
    CONCLUSION_REACHED,
    # A judgement named as a noun: "ISW's assessment is that ...".
    r"(?:assessment|conclusion|view|finding|forecast|estimate)s?\s+(?:is|was|are|were)\s+that",
)

# Verbs of SPEECH_VERBS that also describe what the organisation does ("a think tank that
# tracks the war"): after a relative pronoun they are no cue.
DESCRIBING_VERBS: tuple[str, ...] = (r"track(?:s|ed)", r"documented", r"recorded")

# Verbs that may come before the organisation: "reports ISW", "stated by ISW",
# "believe in ISW", "as noted by the institute".
PRECEDING_VERBS: tuple[str, ...] = (
    r"according to",
    # The verb first, as machine translations word it: "As informs the ISW, ...".
    r"as\s+(?:informs?|reports?|writes?|notes?|says|states?)",
    # "..., – is said in the report" (a machine translation).
    r"(?:is|was)\s+said\s+in",
    r"(?:write|writes|wrote|inform|informs)\s+(?:the\s+)?(?:analysts|experts)\s+of",
    r"(?:stated|said|reported|written|noted|assessed|indicated|highlighted|emphasi[sz]ed|"
    r"mentioned|concluded|published|issued|found|observed|warned|presented|argued|"
    r"pointed out|stressed|suggested|estimated|predicted|recalled|explained|underlined|made|"
    r"reached|drawn|voiced|shared|expressed|given|offered) by",
    r"reports?",
    r"believes? in",
    r"citing",
    r"(?:assessment|conclusion|view|finding|opinion|forecast|estimate)s?\s+(?:of|by|from)",
    r"cited by",
    r"in (?:a|an|the|its|their) (?:new |latest |recent |daily |analytical |fresh )?"
    r"(?:report|assessment|analysis|update|study|material|review)s? (?:of|by|from)",
)
# Verbs before the organisation right after what was said, as some outlets write it
# ("..., writes the Institute for the Study of War").
INVERTED_VERBS: tuple[str, ...] = (
    "writes", "wrote", "notes", "noted", "says", "said", "adds", "added", "stresses", "stressed",
    "emphasizes", "emphasises", "informs", "informed", "concludes", "concluded", "states",
    "stated", "believes", "assesses",
)

# Words that may stand between an analyst noun's qualifier and the noun and mean that the
# analysts are someone else's ("Western analysts", "military experts").
FOREIGN_ANALYST_QUALIFIERS: tuple[str, ...] = (
    "western", "military", "ukrainian", "russian", "american", "european", "some", "other",
    "many", "independent", "most", "several", "british", "german", "french", "geopolitical",
    "political", "security", "defense", "defence", "kremlin", "pro-kremlin", "foreign",
)

# A sentence that only points at the organisation as the source of what came before it:
# "This is stated in the ISW report", "This is what ISW analysts wrote".
POINTER_LEADS: tuple[str, ...] = (
    # "Such an assessment was made by analysts of ISW".
    r"(?:such|this|that)\s+(?:an?\s+)?(?:assessment|conclusion|view|finding|analysis|opinion|"
    r"forecast|estimate)\s+(?:was|is|has\s+been)\s+(?:made|given|reached|drawn|expressed|voiced)\s+by\b",
    r"(?:this|that|these|it|the above|all this)\s+(?:is|was|were|are|has been|have been)\s+"
    r"(?:\w+\s+)?(?:stated|said|reported|written|noted|indicated|mentioned|concluded|"
    r"claimed|assessed|highlighted|emphasi[sz]ed|outlined|published|argued)\b",
    r"(?:this|that)\s+is\s+what\b",
    # "About this write analysts of the ISW in new review" (a machine translation).
    r"about\s+(?:this|that|it)\s+(?:(?:is|was)\s+)?(?:write|writes|wrote|written|report|reports|"
    r"reported|inform|informs|informed|say|says|said)\b",
    CONCLUSION_REACHED,  # "ISW analysts came to this conclusion after reviewing the footage"
    # "That was the assessment of ISW", "Such is the conclusion of the report".
    r"(?:this|that|these|such)\s+(?:is|was|were|are)\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:assessment|conclusion|view|finding|analysis|opinion|forecast|estimate)s?\s+"
    r"(?:(?:reached|drawn|made|given|offered|voiced)\s+)?(?:of|by|from)\b",
    # "ISW analysts wrote this in their latest assessment", "the think tank said so".
    r"(?:wrote|said|stated|reported|noted|concluded|assessed)\s+(?:this|so)\b(?=\s*(?:in|on|at|[.,;]|$))",
)
# A sentence that is its cue plus at most this many words is a pointer fragment
# ("- ISW points out.", "ISW said so.").
POINTER_FRAGMENT_EXTRA_WORDS = 1

# Credit and metadata line labels: never statements. "Source:" additionally points at
# the lead above it.
CREDIT_LABELS: tuple[str, ...] = (
    "source", "sources", "map", "maps", "photo", "photos", "image", "images", "graphic",
    "chart", "credit", "credits", "video", "illustration", "read also", "see also",
    "authors", "author", "by",
)
SOURCE_LABEL = "source"
# A line that introduces a quotation of the source named in the last "Source:" line.
QUOTE_LABEL = "quote"

# A list intro ("Key Takeaways:", "make the following points:") ends with a colon; these
# words mark it as a list rather than a quotation.
LIST_INTRO_WORDS: tuple[str, ...] = (
    "takeaways", "points", "following", "highlights", "findings", "conclusions", "key",
    "main", "summary", "list",
)
# Words that make a list intro nothing but an intro, not a statement of its own ("the
# following demands:", "the key takeaways were as follows:"; but "ISW also highlights the
# Kremlin's key demands:" states what the list is).
PURE_LIST_INTRO_WORDS: tuple[str, ...] = ("following", "as follows", "takeaways")

# Quoted spans this short, or in Title Case, are scare quotes or names, not the source's words.
MIN_QUOTE_WORDS = 2
# Small words a Title Case name may contain ("Northern Group of Forces").
TITLE_FUNCTION_WORDS: tuple[str, ...] = ("of", "the", "and", "for", "in", "on", "a", "to")
# Words right before quotation marks that make the quoted words a name or someone's phrase.
SCARE_QUOTE_LEADS: tuple[str, ...] = (
    "so-called", "alleged", "dubbed", "called", "named", "known as", "term", "phrase",
)

# Determiners right before quotation marks that make the quoted words a term inside a noun
# phrase ('its "fortress belt"', 'the "root causes" of the war'), not the source's words.
TERM_DETERMINERS: tuple[str, ...] = ("the", "a", "an", "its", "their", "his", "her")
# A quoted term after one of those is at most this many words long.
MAX_TERM_WORDS = 6
# Words between a quotation and its cue that still leave the quotation framed by the cue
# ('"...," the ISW report says').
QUOTE_CUE_FILLERS: tuple[str, ...] = ("the", "a", "an", "its", "in", "according", "to")
# Words right before the organisation that compare with it rather than cite it
# ("Unlike the Institute for the Study of War, which tracks ...").
CONTRAST_LEADS: tuple[str, ...] = ("unlike", "like", "besides", "apart from", "as opposed to")

# Pronouns that stand in for the organisation as subject when the previous sentence is its.
# "The group said ..." right after the organisation's sentence stands for it too.
PRONOUN_SUBJECTS: tuple[str, ...] = ("it", "they", "the group")
# Whose view a sentence opens with, when the previous sentence is the organisation's
# ("In their view, ...", "In its assessment, ...").
POSSESSIVE_VIEWS: tuple[str, ...] = (
    "view", "opinion", "assessment", "estimate", "estimation", "analysis", "words", "judgment",
    "judgement", "reading", "telling",
)

# Institutes named by their acronym or short name; any of them in an article that does not
# name the followed organisation makes "the think tank" someone else's.
OTHER_INSTITUTES: tuple[str, ...] = (
    "RUSI", "CSIS", "Carnegie", "Chatham House", "Brookings", "RAND", "IISS", "CEPA", "ECFR",
    "SIPRI", "Atlantic Council", "Heritage Foundation", "Bruegel", "OSW", "PISM",
    "Centre for Eastern Studies", "Kiel Institute", "DeepState",
)
