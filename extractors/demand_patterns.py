"""Demand vocabulary: actors, demand triggers and demand types, as data.

Read by ``extractors.demands``. Patterns are regex fragments; actor and type patterns are
matched case-sensitively where case tells a name from a word ("US" vs "us").

Open every pattern of a combined list with ``\b`` or a letter, never with a lookbehind, an
optional character or ``^``: one such alternative keeps Python's regex engine from skipping
positions by their first character, and the whole list gets several times slower (the
reported-speech stances once took 17 ms over the dev set instead of 2).
"""

from __future__ import annotations

# Who makes a demand. Adjectives count only with a noun for people who speak for the state.
_AGENTS = (
    r"(?:President|leader|delegation|officials?|negotiators?|representatives?|side|"
    r"authorities|government|diplomats?|[Ff]oreign\s+(?:[Mm]inister|[Mm]inistry)|Deputy|Security\s+Council|"
    r"MFA|envoys?|lawmakers?|Duma|spokes(?:man|person|woman)|administration|Prime\s+Minister|"
    r"team|parliament|presidential\s+office|[Dd]efen[cs]e\s+[Mm]inister|[Mm]inistry|"
    r"(?:foreign|defen[cs]e)\s+ministers)"
)
# Who speaks for the actor named after "of" ("the leaders of France and Germany said").
SPOKESPEOPLE_OF = frozenset({
    "leaders", "leader", "heads", "head", "governments", "government", "presidents",
    "president", "ministers", "minister", "officials", "delegations", "delegation",
    "representatives", "envoys", "negotiators", "leadership", "spokesman", "spokeswoman",
    # A title ("US Secretary of State Marco Rubio said", "the deputy of the State Duma Slutsky").
    "secretary", "deputy", "deputies", "member", "members", "chairman", "speaker",
})
# Nouns of asking an actor's adjective owns ("Russian demands", "American pressure").
_ASKING_NOUNS = (r"(?:pressure|demands?|conditions|preconditions|terms|insistence|requirements?|"
                 r"ultimatums?|proposals?|(?:calls?|appeals?|push)\s+for|"
                 r"list\s+of\s+(?:conditions|demands|terms))\b")
# After a party's name, what makes it the owner of an ask, not an object ("rejection of US and
# European proposals for a ceasefire").
OWNS_THE_ASK = (r"(?:\s+(?:and|or)\s+[A-Z][\w.]*)?\s+(?:(?:calls?|appeals?|pressure|push)\s+for|"
                r"(?:proposals?|demands?|conditions|requirements?)\s+(?:for|that)\b)")
# Whose ask an ally's adjective names ("American demands"), also as the first of two allies
# owning one ("the US and Ukrainian calls for"). Not Russia with another: a "US and Russian
# plan" carries the US's terms.
_OWNS_AN_ASK = (r"(?=(?:\s+(?:and|or)\s+(?:Ukrainian|American|European|US|U\.S\.))?\s+"
                rf"{_ASKING_NOUNS})")
ACTORS: dict[str, tuple[str, ...]] = {
    "RU": (
        r"Russia(?!n)(?![-–]\w)(?:['’]s)?", r"Russian\s+Federation",
        rf"Russian\s+(?!(?:language|speakers|speaking|Orthodox)\b)(?:\w+\s+)?{_AGENTS}",
        # Not "pro-Kremlin milbloggers", "anti-Kremlin media" or "the Kremlin-friendly club".
        r"Kremlin(?<![Pp]ro-Kremlin)(?<![Aa]nti-Kremlin)"
        r"(?!-(?:friendly|linked|aligned|leaning|connected|affiliated|funded)\b)",
        r"Putin", r"Moscow(?!\s+(?:Times|Military|Patriarchate|time)|-based)", r"Lavrov", r"Peskov",
        r"Medinsky", r"Medvedev", r"Patrushev", r"Galuzin", r"Ushakov", r"Zakharova",
        r"Shoigu", r"Dmitriev", r"Nebenzya", r"Ryabkov", r"Kosachev", r"Slutsky", r"Grushko",
        r"Polyanskiy", r"Volodin", r"Matviyenko", r"Belousov", r"Naryshkin", r"Miroshnik",
        # Heads Russia installed in the occupied regions.
        r"Saldo", r"Balitsky", r"Pushilin", r"Pasechnik",
        r"State\s+Duma", r"Russians",
        # Whose pressure or demands they are ("U.S. and Russian pressure to withdraw", "Russian
        # demands for the recognition of ...").
        rf"Russian(?=\s+{_ASKING_NOUNS})",
    ),
    "UA": (
        r"Ukraine(?![-–]\w)(?:['’]s)?", rf"Ukrainian\s+(?:\w+\s+)?{_AGENTS}",
        r"Kyiv(?!\s+Oblast|-based)",
        rf"Ukrainian{_OWNS_AN_ASK}",
        r"Kiev", r"Zelensk(?:yy|iy|y|i)", r"Yermak", r"Umerov", r"Sybiha", r"Kuleba",
        # Ukraine's parliament and its speaker.
        r"Verkhovna\s+Rada", r"Stefanchuk", r"Budanov", r"Svyrydenko",
    ),
    "US": (
        r"U\.S\.(?!\w)", r"US(?![\w-])", r"United\s+States",
        # The country, or the adjective with those who speak for it, not "American weapons".
        r"America(?!n)", rf"American\s+(?:\w+\s+)?{_AGENTS}",
        r"Trump", r"Washington(?!\s+Post|-based)", r"Witkoff", r"Rubio", r"Vance", r"Kellogg",
        r"White\s+House", r"Hegseth", r"Biden", r"Pentagon",
        rf"American{_OWNS_AN_ASK}",
    ),
    "EU": (
        r"EU(?!\w)", r"European\s+Union", r"Europe(?!an)", r"Europeans",
        rf"European\s+(?:leaders|Commission|countries|allies|states|partners|Council|"
        rf"Parliament|capitals|{_AGENTS})", r"Macron", r"Starmer", r"Merz", r"Scholz",
        r"(?<=[Vv]on\sder\s)Leyen", r"Kallas", r"Britain", r"France", r"Germany", r"U\.?K\.?(?!\w)",
        r"United\s+Kingdom", r"Coalition\s+of\s+the\s+Willing",
        r"Western\s+(?:leaders|powers|allies|governments|partners)",
        rf"European{_OWNS_AN_ASK}",
    ),
    "NATO": (r"N(?:ATO|ato)(?!\s+(?:membership|members|countries|states|territory|ambitions|"
             r"aspirations|accession|bid|path|summit|allies|troops|forces|['’]s\s+Article))",
             r"Rutte"),
    "other": (
        r"China", r"Beijing", r"Turkey", r"Erdo[gğ]an", r"UN(?!\w)", r"United\s+Nations",
        r"Guterres", r"Vatican", r"India", r"Brazil", r"Lukashenk[oa]", r"T[üu]rkiye", r"Ankara",
        r"Fidan", r"Orb[aá]n", r"Hungar(?:y['’]s|ian)\s+(?:prime\s+minister|premier|government)",
        r"Xi(?![\w-])", r"Modi", r"Fico", r"Lula",
        rf"Belarusian\s+(?:\w+\s+)?{_AGENTS}",
    ),
}
# When several actor groups stand in one coordinated subject, "Western" ones are each listed.

# Words that make the actor right after them an object, not the one demanding.
OBJECT_PREPOSITIONS: tuple[str, ...] = (
    "in", "to", "with", "for", "of", "against", "on", "from", "into", "onto", "toward",
    "towards", "about", "over", "between", "than", "across", "at", "upon", "by", "within",
    # Verbs whose object the actor is ("after meeting US officials, insisted ...").
    "meet", "meets", "meeting", "met", "visiting", "hosting", "hosted", "urging", "telling",
    "accusing", "joining", "join", "joined",
    # Verbs that name the actor as what they call him ("call Zelensky illegitimate").
    "call", "calls", "called", "calling", "branding", "branded", "labelling", "labeling",
    # Verbs whose recipient the actor is ("Russia has handed the United States a draft").
    "handed", "hands", "handing", "gave", "gives", "giving", "sent", "sends", "sending",
    "offered", "offers", "offering", "promised", "promises", "assured", "showed", "shows",
    "told", "tells",
)
# Titles skipped when looking for that preposition ("with President Zelensky").
TITLE_WORDS: tuple[str, ...] = (
    "President", "Prime", "Minister", "Foreign", "Chancellor", "Secretary", "General",
    "leader", "Mr.", "Mrs.", "Ms.", "spokesman", "envoy", "Special", "Envoy", "Deputy",
    "Russian", "Ukrainian", "US", "U.S.", "American", "the", "special", "chief",
    # Parts of a country named as a place ("in southern Ukraine").
    "southern", "northern", "eastern", "western", "central", "south-eastern", "southeastern",
    "north-eastern", "northeastern",
)

# What a territorial verb must be about to claim land: a named place, land or its parts
# ("give up the rest of Donetsk", "hand over territory"), not arms or shrines.
_LAND_AHEAD = (r"(?=[\"”]?(?:(?:\s+(?:the|all|of|any|its|their|remaining|rest|remainder|entire|"
               r"not|only|whole|new|occupied|roughly|about|nearly|almost|some|\d+(?:\.\d+)?\s*(?:%|percent)|"
               r"\"|“)){0,6}\s*[\"“]?[A-Z]|(?:\s+[\w'’\"“”,.-]+){0,4}?\s+[\"“]?(?:territor|lands?\b|"
               r"regions?\b|oblasts?\b|provinces?\b|cities\b|city\b|areas?\b|parts?\s+of\b|"
               # Land by measure: "not a single square kilometre", "not an inch".
               r"(?:square\s+)?(?:kilomet(?:re|er)s?|met(?:re|er)s?|miles?)\b|inch(?:es)?\b|"
               r"centimet(?:re|er)s?\b)))")
# What a party refuses in "will not <verb>" refusals.
_REFUSED = (r"(?:abandon|give\s+up|give|hand\s+over|hand|surrender|trade|leave|recogni[sz]e|accept|"
            r"withdraw|cede|agree|allow|tolerate|discuss|negotiate|make\s+(?:any\s+)?concessions?|"
            r"change|amend|repeal|vote\s+to)")

# Ukraine's claim to a place: it "will remain Ukrainian", "was, is and will be Ukrainian".
_REMAINS_UKRAINIAN = (r"\b(?:will|would|shall)\s+(?:always\s+|forever\s+)?(?:remain|stay|be)\s+"
                      r"(?:part\s+of\s+)?Ukrain(?:ian|e)\b(?!['’])")
# The Ukrainian leadership's authority denied ("has no authority to sign", "his term expired").
_AUTHORITY_DENIED = (r"\bno\s+(?:legal\s+)?(?:authority|right|mandate)\s+to\s+sign\b",
                     r"\b(?:mandate|term)\s+(?:has\s+|had\s+)?(?:expired|ended|run\s+out)\b")

# Words that open a demand frame. Groups change how the frame is read.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "demand": (
        r"(?:territorial\s+)?demand(?:s|ed|ing)?", r"insist(?:s|ed|ing|ence)?",
        r"(?:pre)?conditions?", r"ultimat(?:um|ums|a)", r"call(?:s|ed|ing)?\s+(?:on|for)",
        r"push(?:es|ed|ing)?\s+for", r"push",
        r"push(?:es|ed|ing)\s+(?:[\w'’-]+\s+){1,3}?to\b",
        # "pressed US envoys to lift sanctions", "presses for"; not "press conference".
        r"press(?:es|ed|ing)?(?!\s+(?:conferences?|releases?|service|secretary|office|"
        r"briefings?|freedom|reports?|corps|statements?|demands?|claims?)\b)"
        r"\s+(?:[\w'’-]+\s+){1,3}?to\b", r"press(?:es|ed|ing)?\s+for",
        # "using promises of joint projects to persuade the Trump administration to ease ...".
        r"persuad(?:e|es|ed|ing)\s+(?:[\w'’-]+\s+){1,4}?to\b",
        r"seek(?:s|ing)?", r"sought", r"pursu(?:e|es|ed|ing)",
        r"(?<!not\s)(?<!n['’]t\s)want(?:s|ed)?", r"expect(?:s|ed)?\s+(?:[\w'’-]+\s+){0,12}?to",
        r"requir(?:e|es|ed|ing|ement|ements)",
        # "listed what he called the elements of any deal: ...", "set out Moscow's terms".
        r"(?:list(?:s|ed)|set\s+out|outlin(?:es|ed)|spell(?:s|ed)\s+out|laid\s+out)"
        r"(?=[^.;:]{0,80}\b(?:terms|conditions|demands|elements|requirements|preconditions)\b)",
        # "linked any maritime ceasefire to the reconnection of ... to SWIFT".
        r"(?:link(?:s|ed)|ti(?:e|es|ed))\s+(?:\w+\s+){0,4}?(?:cease-?fire|truce|deal|settlement|agreement)"
        r"\s+to",
        # "asks Ukraine to give up", "is being asked by Moscow to".
        r"ask(?:s|ed|ing)?(?=\s+(?:[\w'’-]+\s+){0,4}?to\b)", r"asked(?=\s+by\b)",
        r"requests?(?:ed)?", r"proposals?\s+(?:for|on|that)\b",
        # "agreed on the need for an immediate ceasefire".
        r"need\s+for", r"priorit(?:y|ies)\s+(?:is|was|are|were|remains?|remained)\b",
        # "would again raise the question of Ukraine's withdrawal from the Donbas".
        r"rais(?:e|es|ed|ing)\s+(?:again\s+)?the\s+(?:question|issue)\s+of",
        # A truce proposed ("proposed a reciprocal moratorium on strikes as a first step").
        r"propos(?:e|es|ed|ing)(?=\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?(?:cease-?fire|truce|"
        r"moratorium)\b)",
        # "has proposed that Ukrainian troops leave ..." (what another does, not an offer).
        r"propos(?:e|es|ed|ing)\s+(?:that|turning|making|creating|capping|limiting|reducing|"
        r"banning|barring|lifting|easing|handing|freezing)",
        r"urg(?:e|es|ed|ing)", r"advocat(?:e|es|ed|ing)\s+for",
        r"(?<!not\s)(?<!never\s)pressure(?:d)?",
        r"claim(?:s|ed|ing)?", r"goals?", r"(?:declared|stated)\s+(?:reason|aims?)",
        r"wish\s+list", r"position",
        # The Kremlin's "root causes" of the war, spelled out: its demands by another name.
        r"root\s+causes[\"”’']?(?:\s+of\s+the\s+(?:war|conflict))?[\"”’']?\s+(?:as(?!\s+(?:something|anything|nothing|a|an)\b)|include|includes|included|including|are|"
        r"(?:is|are)\s+(?:a\s+)?(?:list|set)\s+(?:that|which)\s+includ\w+|"
        r"were)\b", r"red\s+lines?", r"intention\s+to",
        # "the Kremlin is trying to secure sanctions relief before making any concessions".
        r"(?:tr(?:y|ies|ying)|aim(?:s|ing)?|seek(?:s|ing)?|efforts?)\s+to\s+(?:secure|obtain|extract)",
        # "will accept nothing short of full control over Donetsk".
        r"(?:accept|settle\s+for)\s+(?:[\w-]+\s+){0,3}?short\s+of",
        # "The Kremlin sees no alternative to Kyiv withdrawing its forces from ...".
        r"(?:sees?|saw)\s+no\s+alternative\s+to",
        r"only\s+(?:\w+\s+){0,5}?(?:if|once|when|after)", r"until", r"unless",
        r"contingent\s+(?:on|upon)", r"as\s+a\s+prerequisite",
        r"(?:war|conflict|fighting|hostilities)\s+(?:\w+\s+){0,3}?"
        r"(?:would|will|could|can|should|must)\s+(?:\w+\s+)?end\b",
        r"sticks?\s+to", r"reaffirm(?:s|ed)?", r"opposition\s+to",
        # A party's terms: "Moscow's terms include ...", not "in terms of".
        r"(?<!in\s)terms(?!\s+of\b)", r"conditional\s+(?:on|upon)", r"non-negotiable",
        # "has conditioned any settlement on Ukraine's withdrawal from ...".
        r"condition(?:s|ed|ing)\s+(?:[\w'’-]+\s+){1,8}?(?:on|upon)",
        # What any settlement cannot do without ("is an imperative for any peace agreement").
        r"(?:an?\s+)?(?:imperative|must|prerequisite|requirement|precondition|condition|"
        r"(?:key|mandatory)\s+(?:element|condition|requirement)[\"”]?)\s+(?:for|of)\s+(?:any|a|the|ending)\s+"
        r"(?:\w+\s+)?(?:peace|settlement|agreement|deal|accord|cease-?fire|truce|talks|war|conflict|"
        r"normali[sz]ation)\b",
    ),
    "refusal": (
        r"reject(?:s|ed|ing|ion)?", r"refusal", r"dismiss(?:es|ed|ing)",
        r"forb(?:id|ids|ade|idden)", r"prohibit(?:s|ed)?",
        r"refus(?:e|es|ed|ing)", r"oppos(?:e|es|ed|ing)",
        r"rul(?:e|es|ed|ing)\s+out",
        rf"(?:will|would|does|do|did|can|could)\s+[\"“]?not\s+(?:\w+ly\s+|even\s+)?{_REFUSED}",
        rf"(?:won['’]t|can['’]t|cannot|never[\"”’']?)\s+(?:\w+ly\s+|even\s+)?{_REFUSED}",
        # "would not hold elections under the barrel of a gun", not "did not hold elections".
        r"(?:will|would)\s+[\"“]?(?:not|never)\s+hold", r"won['’]t\s+hold",
        # "would sign no agreement that did not include binding security guarantees".
        r"(?:will|would)\s+(?:sign|accept|agree\s+to)\s+no\b",
        # "has no legal or moral right to give up its territory".
        rf"(?:has|have|had)\s+no\s+(?:[\w-]+\s+(?:or\s+|and\s+)?){{0,3}}right\s+to\s+{_REFUSED}",
    ),
    "threat": (r"threat(?:s|en|ens|ened|ening)?", r"warnings?\s+about", r"warn(?:s|ed|ing)?"),
    "plan": (r"plan", r"provisions", r"points", r"memorandum", r"framework", r"draft",
             r"document",
             # A proposal stating its terms ("the proposal would see the US recognise ...").
             r"proposal(?=(?:,[^,;]{1,80},|\s+(?:presented|submitted|drafted|sent|handed|delivered)"
             r"\b[^,;]{0,80}?)?\s+(?:would|envisag\w*|envision\w*|foresees|foresaw|provides\s+for|"
             r"stipulat\w*)\b)",
             # "rejected the US proposal to turn the rest of Donetsk into a demilitarized zone",
             # "the US provision that would bar NATO troops from Ukraine".
             # Not a freeze offered ("Vance's proposal to freeze the front line").
             r"proposal(?=\s+to\s+(?!(?:the|a|an|its|their|Russia|Ukraine|Kyiv|Moscow|freeze)\b))",
             r"provision(?=\s+(?:that|which)\s+would\b)"),
    # A condition for ending the fighting ("would order a ceasefire once Ukraine withdrew");
    # read as a demand only when CONDITION_OUTCOMES names that ending.
    "condition": (r"once(?!\s+(?:again|more|and|before))", r"(?<!even\s)(?<!as\s)if",
                  # "would stop fighting when Ukrainian troops leave ...": an act of the other
                  # side, not any "when".
                  r"when(?=\s+(?:[\w'’-]+\s+){1,3}?(?:leave|leaves|withdraw\w*|pull\w*|accept\w*|"
                  r"agree\w*|recogni[sz]\w*|meet\w*|hand\w*|cede\w*|give\w*)\b)",
                  r"as\s+soon\s+as", r"provided\s+that", r"on\s+condition\s+that"),
    # Reported speech: a demand only when what is said matches SPEECH_STANCES.
    # "According to Peskov, ...", not a document's text or a source ("according to the text").
    "speech": (r"said", r"says", r"(?<!no\s)(?<!a\s)(?<!any\s)say", r"stated",
               r"according\s+to(?!\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+)?"
               r"(?:text|draft|"
               r"document|plan|memorandum|framework|proposal|sources?|reports?|media|officials|"
               r"people|analysts|experts|assessment|data|isw|institute|think\s+tank)\b)",
               r"(?<!united\s)states", r"told", r"(?<!-)declared",
               r"declares",
               r"added", r"adding", r"saying", r"stressed", r"reiterated", r"argued",
               # ", writing on Telegram that ...": a participle of speech (not "in writing").
               r"(?<!in\s)writing", r"stating", r"stressing", r"arguing", r"asserting", r"telling",
               r"declaring",
               r"announced", r"respond(?:s|ed)", r"repl(?:y|ies|ied)", r"emphasi[sz](?:es|ed)",
               r"signal(?:l)?ed\s+that",
               r"asserted", r"wrote", r"writes", r"repeat(?:s|ed)?",
               # "called Zelensky illegitimate", "described the government as illegitimate".
               # Not "the so-called LNR".
               r"(?<!-)call(?:s|ed|ing)", r"describ(?:es|ed)"),
}
# A participle after a comma (", adding that ...") speaks for the sentence's first subject.
PARTICIPLE_SPEECH = r",\s*(?:\w+\s+)?$"
# A group stronger than "speech" takes over a speech frame it merges with.
WEAK_GROUPS: tuple[str, ...] = ("speech",)
# A trigger right after these words is hypothetical or an offer, not a demand.
HYPOTHETICAL_BEFORE: tuple[str, ...] = (
    r"may", r"might", r"could", r"offer(?:s|ed|ing)?\s+to", r"propos(?:e|es|ed|ing)\s+to",
    r"(?:is|are|was|were)\s+likely\s+to", r"willing\s+to",
    # Advice, not a party's demand ("the US should insist that ..., ISW recommended").
    r"should", r"ought\s+to",
    # A condition put on the other side ("threatened ... if Ukraine refused to withdraw").
    r"[Ii]f", r"[Uu]nless",
    r"(?:[Ii]f|[Uu]nless)\s+the\s+[\w-]+\s+(?:regime|government|authorities|leadership)",
    # Background to the demand ("after claiming that Ukrainian forces had been driven out").
    r"after", r"before", r"(?<!have\s)(?<!has\s)(?<!had\s)since",
    # A term dropped ("the revised framework no longer requires Ukraine to cap its army").
    r"no\s+longer",
)
# A trigger noun after this is what someone is asked to give up or what is justified, not a
# new demand ("urged Kyiv to give up its claims to Crimea", "justify its claims to land").
# So is one after "without" ("a ceasefire without preconditions" is the content).
# So are terms accepted ("until Kyiv accepts its terms"), not demands, which name their content
# ("to accept its demands for the withdrawal from ...").
OWNED_OBJECT_TRIGGERS = r"^(?:claims?|intention\s+to|(?:pre)?conditions?|terms)$"
OWNED_OBJECT_BEFORE = (r"\b(?:renounc\w*|abandon\w*|drop\w*|giv\w*\s+up|justif\w*|pretext|"
                       r"accept(?:s|ed|ing)?|agree(?:s|d)?\s+to|meet(?:s|ing)?|met)\b"
                       r"[^,;]{0,40}?\b(?:its|their|his|her)\s+$|\bwithout\s+(?:any\s+)?$")
# What is given for what ("in exchange for", "in return for").
IN_EXCHANGE_FOR = r"in\s+(?:exchange|return)\s+for"
# What a party asks for what it gives ("offered to hand back parts of Sumy in exchange for all
# of Donetsk"): a demand trigger, read only after a verb of giving (EXCHANGE_GIVING) and
# looked for only where "exchange for" or "return for" stands (a scan of every "in" is slow).
EXCHANGE_TRIGGER = rf"\b(?P<demand>{IN_EXCHANGE_FOR})\b"
# Demand triggers that need words most sentences lack: looked for only where all those words
# stand (the scan of every trigger at every position is the extractor's largest cost).
_NOT_LIFTED_BEFORE = (r"not\s+(?:[\w'’-]+\s+){0,3}?(?:lift|lifted|ease|eased|unfreeze|unfrozen|"
                      r"returned)\s+(?:[\w'’-]+\s+){0,3}?[\"“]?(?:while|before)")
_GAVE_DAYS = (r"g[ai]ve(?:s|n)?\s+(?:[\w'’-]+\s+){1,3}?(?:\d+|ten|fifty|two|three)\s+"
              r"(?:days|weeks)\s+to")
RARE_TRIGGERS: tuple[tuple[tuple[str, ...], str], ...] = (
    # "still expects legally binding guarantees that NATO will not expand".
    (("expect", "guarantee"), r"expect(?:s|ed)?\s+(?:[\w-]+\s+){0,3}?guarantees?"),
    # "gave Moscow 50 days to agree to a ceasefire".
    (("days to",), _GAVE_DAYS), (("weeks to",), _GAVE_DAYS),
    # "sanctions will not be lifted while Russian troops remain on Ukrainian soil".
    (("not ", "while"), _NOT_LIFTED_BEFORE), (("not ", "before"), _NOT_LIFTED_BEFORE),
    # "would not lift any sanctions without Russia's full withdrawal".
    (("not ", "without"), r"not\s+(?:[\w'’-]+\s+){1,6}?without"),
)
# What a party gives before "in exchange for": what follows is then what it asks, offer or not.
# The giver is the subject: an offer, or what it "would" give ("Russia would return ...").
EXCHANGE_GIVING = (r"\b(?:offer(?:s|ed|ing)?|propos(?:e|es|ed|ing)|float(?:s|ed|ing)?|"
                   r"(?:ready|willing)\s+to)\b|\b(?:would|will)\s+(?:\w+\s+)?(?:hand\s+back|give\s+back|"
                   r"return|withdraw|pull\s+out|cede|swap|trade)\b")
# A clause that only imagines the exchange ("If Zelensky were invited, he could propose ...").
EXCHANGE_IMAGINED = r"\b(?:[Ii]f|could|might|may|were)\b"
# A clause with one of these before its trigger reports an offer or a proposal, not a demand.
OFFER_VERBS: tuple[str, ...] = (
    r"floated", r"float(?:s|ing)?",
    # The verb, not the noun answered ("dismissed the offer").
    r"offer(?:s|ed|ing)(?<![Tt]he\soffers)(?!\s+(?:no|nothing)\b)",
    r"offer(?<![Tt]he\soffer)(?<![Aa]n\soffer)(?<!['’]s\soffer)(?!\s+(?:no|nothing)\b)",
    r"propos(?:e|es|ed|ing)",
    # A draft prepared, not "preparing to demand".
    r"drafted", r"prepar(?:e|es|ed|ing)(?!\s+to\b)", r"signal(?:s|ed|led|ing)?\s+readiness",
)
# Triggers that name their content right after them ("Putin sticks to Donetsk").
DIRECT_REGION_TRIGGERS: tuple[str, ...] = (
    r"demand\w*", r"(?:pre)?conditions?", r"sticks?\s+to", r"insist\w*\s+on", r"non-negotiable",
    IN_EXCHANGE_FOR,
)
# Where the subject of a trigger can start: clause openers, whole words in any case.
CLAUSE_BOUNDARIES: tuple[str, ...] = (
    ";", ":", "that", "which", "who", "while", "whereas", "but", "when", "as",
)

# What is demanded. Order matters only for readability; a frame may have several types.
TYPES: dict[str, tuple[str, ...]] = {
    "territorial": (
        r"\bcede[sd]?\b", r"\bceding\b",
        # Not a past handing over of a document ("the memorandum it handed over in Istanbul").
        r"\b(?<!was\s)(?<!were\s)(?<!been\s)hand(?:s|ed|ing)?\s+over\b"
        r"(?!\s+(?:in|at|on|to|during|after|last|earlier|the\s+(?:memorandum|document|draft))\b)"
        + _LAND_AHEAD,
        # Land, not ambitions or arms ("give up its NATO ambitions" is neutrality).
        r"\bgive[s]?\s+up\b(?!(?:\s+[\w'’]+){0,2}?\s+(?:NATO|membership|ambitions|aspirations|hopes?|"
        r"weapons|arms|sanctions))" + _LAND_AHEAD,
        r"\bsurrender(?:s|ed|ing)?\s+(?!to\b)",
        # Land or a named place, not anything given ("would not give Russia any time").
        r"\b(?:giv|hand)(?:e|es|ing)?\s+(?:Russia|Moscow)\s+(?:all\s+of\s+|the\s+rest\s+of\s+)?(?:(?:\w+\s+){0,3}?"
        r"(?:land|territor\w*|regions?|cities|city|oblasts?)\b|(?:the\s+)?[A-Z])",
        # Leaving a place, not leaving a party in a state ("leave Ukraine vulnerable").
        r"\bleav(?:e|es|ing)\s+(?:[\"“](?=the\s))?(?:all\s+of\s+|the\s+rest\s+of\s+)?(?:the\s+)?"
        r"(?!(?:Ukraine|Russia|Kyiv|Moscow|Europe|NATO|Washington|Zelensk\w*|Putin)\b)[A-Z]",
        r"\bgiving\s+up\b" + _LAND_AHEAD,
        r"\bleav(?:e|es|ing)\s+(?:all\s+)?(?:the\s+)?occupied\s+(?:territor\w+|lands?|regions?|areas)",
        # Not NATO's forces from its members ("withdraw forces from members that joined after").
        r"\b(?:withdr[ae]w\w*(?:\s+\w+){0,3}|exit)\s+[\"“]?from\b(?!\s+(?:the\s+|its\s+|new\s+)?"
        r"(?:NATO\s+)?(?:members|member\s+states|countries|allies|alliance|Eastern\s+Europe)\b)",
        r"\bwithdrawal\b", r"\bpull(?:s|ed|ing)?\s+(?:\w+\s+){0,3}?out\s+of\b", r"\bpull-?outs?\b",
        r"\bgiv(?:e|es|ing)\s+away\b" + _LAND_AHEAD,
        r"\btrad(?:e|es|ing)\s+(?:any\s+|its\s+|their\s+)?(?:land|territor\w*)\b",
        # "no territory can be traded for peace".
        r"\b(?:land|territor\w*)\s+(?:can|could|will|would|must|should|may)\s+(?:not\s+|never\s+)?be\s+"
        r"(?:traded|ceded|given\s+away|handed\s+over|bartered)\b",
        # Land that stays Russian ("some territory will remain under Russian control",
        # "Crimea will stay with Russia", "its control over ... to be recognised").
        r"\bremain\w*\s+under\s+Russian\s+(?:control|occupation)\b",
        # Russia's forces out: "as long as a single Russian soldier remains on Ukrainian soil".
        r"\bRussian\s+(?:soldiers?|troops|forces)\s+(?:remains?|stays?)\s+(?:on|in)\s+(?:Ukrainian\s+"
        r"(?:soil|territory|land)|Ukraine)\b",
        r"\b(?:stay|remain)\w*\s+(?:with|in)\s+Russia\b(?!['’])",
        r"\bcontrol\s+(?:of|over)\b.{0,80}?\bto\s+be\s+recogni[sz]ed\b",
        r"\b(?:leave|left)\s+[\"“]?the\b" + _LAND_AHEAD,
        r"\bfull\s+(?:Russian\s+)?control\s+(?:of|over)\b",
        r"\bcontrol\s+(?:of|over)\s+(?:all\s+of\s+|the\s+(?:whole|entire)\s+(?:of\s+)?|the\s+rest\s+of\s+)",
        # "abandon its fortress belt of Sloviansk, Kramatorsk and Kostiantynivka".
        r"\babandon\w*\s+(?:(?:the|its|their)\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?"
        r"(?!(?:Ukraine|Russia|Kyiv|Moscow|Europe|EU|NATO|Washington|Zelensk\w*|Putin|Nazi)\b)[A-Z]",
        r"\babandon\w*(?:\s+\w+){0,4}?\s+(?:control|"
        r"territor\w+|regions?|cities|oblasts?)", r"\babandon\s+any\s+territor\w+",
        r"\brecogni(?:[sz]e|[sz]es|[sz]ed|[sz]ing|tion)\b.{0,120}?\b(?:annex\w*|as\s+[\"“]?(?:de\s+\w+\s+)?"
        r"Russian|Russia(?:n|['’]s)\s+(?:territory|sovereignty))",
        r"\bsovereignty\s+over\b",
        # "the territorial issue must be resolved", "a solution to the territorial question".
        r"\b(?:solution|settlement|resolution|resolv\w+|settl\w+)\s+(?:\w+\s+){0,2}?(?:to|of)\s+the\s+"
        r"territorial\s+(?:question|issue)\b",
        r"\bterritorial\s+(?:question|issue)[\"”]?\s+(?:must|should|has\s+to)\s+be\s+(?:resolved|settled|"
        r"solved)\b",
        r"\bwin\s+at\s+the\s+(?:negotiating\s+)?table\b",
        # "the transfer of all of Zaporizhzhia Oblast".
        r"\btransfer\s+of\s+(?:all\s+of\s+|the\s+(?:rest|remainder|whole)\s+of\s+)?(?:the\s+)?[\"“]?"
        r"(?:[A-Z]|territor|land\b|regions?\b|oblasts?\b)",
        # Russia's "constitutional borders", the "administrative borders" of the four regions.
        r"\b(?:constitutional|administrative)\s+(?:borders|boundaries)\b",
        # "are 'constitutional territory of Russia' and 'will never be returned'".
        r"\bconstitutional\s+territory\b", r"\b(?:will|would|can|must)\s+never\s+be\s+returned\b",
        r"\breturn\w*\s+to\s+(?:their|its|the)\s+(?:historic(?:al)?\s+)?homeland\b",
        # The "liberation" of Donbas as a war aim named in the talks.
        r"\b[\"“]liberation[\"”]?\s+of\s+(?:the\s+)?(?:[A-Z]|territor|regions?\b|all\s+of\b)",
        r"\bliberation[\"”]?\s+of\s+(?:the\s+)?(?:[A-Z]|territor|regions?\b|all\s+of\b)",
        r"\b(?:question|issue)\s+of\s+(?:the\s+)?[\"“]?(?:new|annexed|four)\s+regions\b",
        # "Ukraine will have to accept that Crimea, Donbas and Novorossiya are gone".
        r"\b(?:is|are)\s+(?:gone|lost)(?:\s+(?:forever|for\s+good))?\s*[.,;\"”]",
        r"\brecogni\w*\s+(?:Russia['’]s|Russian)\s+(?:control|sovereignty|rule)\s+(?:over|of)\b",
        r"\bde\s+facto\s+Russian\s+control\b",
        r"\b(?:legitimi[sz]|legali[sz])\w*\s+(?:the\s+)?(?:occupation|annexation)\b",
        # "would not give its land to the occupier".
        r"\bgiv(?:e|es|ing)\s+(?:away\s+)?(?:its|their|our|any)\s+(?:own\s+)?(?:land|territor\w*)\b",
        # "wanted Ukrainian forces out of Donbas".
        r"\bwant\w*\s+(?:[\w'’-]+\s+){1,4}?out\s+of\s+(?:the\s+)?[\"“]?[A-Z]",
        # "would not trade Donbas for promises", not "trade Russian gas".
        r"\btrad(?:e|es|ing)\s+(?:away\s+)?(?:the\s+)?(?!(?:Ukraine|Russia|Kyiv|Moscow|Europe|NATO|"
        r"Washington|Russian|Ukrainian|European|American|US)\b)[A-Z]\w+\s+(?:for|in\s+exchange)\b",
        r"\brecogni\w*\s+(?:the\s+|Russia['’]s\s+|Moscow['’]s\s+)?(?:occupation|annexation)\s+of\b",
        # "Moscow wants the entire Donbas".
        r"\b(?:wants?|seeks?|sought)\s+(?:all\s+(?:of\s+)?|the\s+(?:entire|whole)\s+|the\s+rest\s+of\s+)"
        r"(?:the\s+)?[A-Z]",
        r"\b(?:international|legal|de\s+jure|formal)\s+(?:legal\s+)?recognition\s+of\s+(?:the\s+)?"
        r"[\"“]?(?:[A-Z]|new\s+regions|annexed)",
        r"\breturn\w*\s+(?:home\s+)?to\s+Russia\b(?!['’])",
        r"\brespect\w*\s+(?:Ukraine['’]s\s+)?territorial\s+integrity\b",
        # "Ukraine's borders are not a subject for bargaining".
        r"\b(?:borders|territor\w+|land|regions?)\b[^.;]{0,30}?\bnot\s+(?:a\s+)?(?:subject|matter|"
        r"topic)\s+(?:for|of)\s+(?:bargaining|negotiations?|discussion|trade|debate)\b",
        # "the status of Crimea was determined by their residents in the 2014 referendum".
        r"\b(?:determined|decided|settled)\s+by\s+(?:their|its|the)\s+(?:residents|people|"
        r"inhabitants|population)\b[^.;]{0,30}?\breferend",
        # "borders must not be changed by force".
        r"\bborders?\b.{0,30}?\b(?:must|should|can|cannot|may|will)\s+(?:not\s+|never\s+)?be\s+"
        r"(?:changed|redrawn|altered|moved)\s+by\s+force\b",
        # What a party will not discuss ("will never discuss the status of Crimea").
        r"\bstatus\s+of\s+(?:the\s+)?(?!(?:Ukraine|Russia|NATO|Europe|Kyiv|Moscow|Orthodox)\b"
        r"|(?:Russian|Ukrainian)\s+(?:Orthodox|[Cc]hurch|language))[A-Z]",
        # "recognize Crimea, Sevastopol and the new regions as part of Russia".
        r"\brecogni(?:[sz]e|[sz]es|[sz]ed|[sz]ing)\b.{0,80}?\bas\s+(?:(?:an?\s+)?(?:integral\s+)?part\s+of\s+)?"
        r"(?:Russia|the\s+Russian\s+Federation)\b(?!['’])",
        r"\brecogni(?:[sz]e|[sz]es|[sz]ed|[sz]ing|tion)\s+of\s+(?:[\w'’\"“”,-]+\s+){1,16}?as\s+(?:part\s+of\s+)?"
        r"Russia(?:n)?\b",
        r"\brecogni[sz]\w*\s+(?:the\s+)?[\"“]?(?:new\s+)?(?:territorial\s+realities|realities\s+on\s+the\s+ground)",
        r"\brecogni[sz]\w*\s+(?:the\s+)?[\"“]?new\s+realities\b",
        r"\brecogni[sz]\w*\s+(?:the\s+)?[\"“]?(?:new|four|annexed)\s+regions\b",
        # Claims of sovereignty ("inalienable parts of Russia", "remain part of Russia forever").
        r"\b(?:inalienable|integral|constituent)\s+parts?\W+of\s+(?:Russia|the\s+Russian\s+Federation)",
        r"\bremain\s+(?:a\s+)?part\s+of\s+Russia\b",
        r"\b(?:new|constituent)\s+regions\s+of\s+(?:Russia|the\s+Russian\s+Federation)\b",
        r"\b(?:became|become|becoming)\s+(?:a\s+)?part\s+of\s+Russia\b",
        r"\b(?:is|are|was|were)\s+(?:a\s+)?Russian\s+(?:city|cities|region|regions)\b",
        # Ukraine's counterpart.
        _REMAINS_UKRAINIAN,
        r"\bcall(?:s|ed|ing)?\s+(?:[A-Z][\w'’-]+,?\s+(?:and\s+)?){1,4}(?:an?\s+)?[\"“]?(?:an?\s+)?"
        r"Russian\s+(?:city|cities|lands?|territory)\b",
        r"\b(?:is|are|was|were)\s+(?:(?:a\s+)?part\s+of\s+Russia(?!['’])\b|Russian\s+(?:territory|land))",
        r"\bbelong(?:s|ed)?\s+to\s+Russia(?!['’])\b",
        # Borders drawn where the front is ("must take into account the realities on the ground").
        r"[\"“](?:new\s+)?(?:territorial\s+realities|realities\s+on\s+the\s+ground)",
        r"\b(?:new\s+)?(?:territorial\s+realities|realities\s+on\s+the\s+ground)",
        # "Ukraine would not be getting Crimea back".
        r"\b(?:not|never)\s+(?:be\s+)?(?:get(?:ting)?|regain\w*|tak(?:e|ing))\s+(?:[A-Z]\w+|it|them|"
        r"(?:all\s+(?:of\s+)?)?(?:its|their|the)\s+(?:[\w-]+\s+)?(?:territor\w*|land|regions))\s+back\b",
        r"\b(?:not|never)\s+(?:be\s+)?regain\w*\s+(?:all\s+(?:of\s+)?)?(?:its|their|the)\s+(?:[\w-]+\s+)?"
        r"(?:territor\w*|land|regions)",
        r"\brecogni(?:[sz]e|[sz]es|[sz]ed|[sz]ing|tion)\s+(?:of\s+)?(?:Russia['’]s\s+)?annex\w*",
        r"\b(?:accept|recogni[sz])\w*\s+(?:the\s+)?(?:loss|annexation)\s+of\b",
        r"\brelinquish\w*\b",
        r"\b(?:renounc\w+|drop\w*|abandon\w*|giv\w+\s+up)\s+(?:its\s+|their\s+|all\s+)?claims?\s+"
        r"(?:to|on)\b",
        # A buffer zone carved out of a region ("a buffer zone along the border").
        r"\b(?:buffer|sanitary|security)\s+zones?\b", r"\bcreate\s+a\s+buffer\b",
        # "turning the part of Donetsk it holds into a demilitarized free economic zone".
        r"\b(?:demilitari[sz]ed|free\s+economic)\s+(?:[\w\"“”-]+\s+){0,3}?(?:zones?|strip|belt)\b",
        # The places a party's demands cover ("its demands still formally cover only Crimea").
        r"\b(?:demands|claims|terms|conditions)\b[^.;]{0,60}?\bcover(?:s|ed)?\s+(?:only\s+)?"
        r"(?:all\s+of\s+)?(?:the\s+)?(?:[A-Z]|(?:four|five|annexed|occupied)\s+regions)",
        r"\bannex(?:es|ed|ing)?\s+(?:all\s+of\s+|the\s+(?:rest|remainder|whole)\s+of\s+)?(?:the\s+)?"
        r"(?:[A-Z]|(?:four|five|new)\s+regions)",
        r"\bnew\s+(?:borders|frontiers)\b",
        # Land talks from where the front stands ("territorial negotiations should start from the
        # current line of contact").
        r"\b(?:negotiations|talks|arrangement|discussions?|swaps)\b.{0,40}?\b(?:start\w*|begin\w*)\s+"
        r"(?:from|at)\s+(?:the\s+)?(?:current\s+)?(?:line\s+of\s+contact|front\s*line|contact\s+line)\b",
        # A threat to take land by force ("will take the rest of Donetsk by force if ...").
        r"\b(?:tak|seiz|captur|liberat)\w*\b.{0,60}?\bby\s+(?:military\s+)?(?:force|military\s+means)\b",
        r"\bannexation\s+of\b",
        r"\bclaims?\s+(?:to|on|over)\s+(?:the\s+(?:whole|entire|rest)\s+of\s+|the\s+|all\s+(?:of\s+)?|four\s+)?"
        r"(?:[A-Z]|territor|regions?\b|oblasts?\b|land)",
        r"\bclaiming\s+(?:\w+\s+)?territor\w+",
        # "continues to claim territory far beyond ...", not "claimed territorial gains".
        r"\bclaim(?:s|ed)?\s+(?:\w+\s+)?territor(?:y|ies)\b",
        # The annexation as state media words it: "the will of the residents of Crimea".
        r"\bwill\s+of\s+(?:the\s+)?(?:residents|inhabitants|population|people)\s+of\s+(?:the\s+)?"
        r"(?!Ukraine\b)[A-Z]",
        # "will not give the occupier a single meter of Donetsk", "not an inch of our land".
        r"\b(?:give|cede|surrender|yield|hand\s+over)\b(?:\s+[\w'’]+){0,3}?\s+(?:a\s+)?single\s+"
        r"(?:meter|metre|inch|centimet(?:er|re)|kilomet(?:er|re))",
        r"\b(?:not|never)\b[^.;]{0,30}?\b(?:an?|one|a\s+single)\s+(?:inch|centimet(?:er|re))[\"”]?\s+of\b",
        r"\bterritorial\s+(?:claims|concessions)\b", r"\bcapture\b.{0,60}\bcompletely\b",
        # Ukraine's own terms: its land back ("the return of Crimea", "restoring its borders").
        r"\breturn\s+of\s+(?:all\s+)?(?:the\s+)?(?:occupied\s+)?(?:(?!Ukrainian|Russia)[A-Z]|territor)",
        r"\brestor\w+\s+(?:of\s+)?(?:Ukraine['’]s\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:borders|"
        r"territorial\s+integrity)",
        r"\bde-?occupation\s+of\b",
        # Ukraine asked to be "flexible" on land ("on territory", "on the question of Donbas").
        r"\bflexib\w+[\"”]?\s+(?:on|about|over)\s+(?:the\s+(?:question|issue)\s+of\s+)?(?:the\s+)?"
        r"(?:territor\w*|land\b|borders\b|[A-Z])",
        r"\breturn(?:ed|s)?\s+(?:back\s+)?(?:to|under)\s+Ukrainian\s+(?:control|sovereignty|rule)\b",
    ),
    "neutrality": (
        r"\bneutral(?:ity)?\b(?!\s+(?:third|country|countries|mediators?|party|parties|venue|"
        r"ground|observers?|broker|arbiter|stance|tone))(?!\s+demilitari)",
        r"\bnon-aligned\b", r"\bnon-bloc\b",
        r"\b(?:renounc\w+|renunciation|abandon\w*|drop\w*|giv\w+\s+up|forg?o(?:es|ing|ne)?|"
        r"rul\w+\s+out|"
        r"forswear\w*|den(?:y|ying|ied)|prevent\w*|"
        r"moratorium\s+on|ban\s+on|bar\w*|block\w*|[Nn]o|never|without|not\s+to\s+admit|"
        r"not\s+join\w*)\b(?:\s+[\w'’]+){0,5}?\s+NATO(?:['’]s)?\s+(?:membership|ambitions|"
        r"aspirations|accession|bid)",
        r"\bfrom\s+(?:ever\s+)?joining\s+(?:the\s+)?NATO\b",
        # "a pledge that Ukraine stays out of NATO".
        r"\b(?:stays?|staying|kept|keep\w*\s+(?:Ukraine|Kyiv|it))\s+out\s+of\s+(?:the\s+)?NATO\b",
        # "Ukraine's accession to NATO 'will never happen'".
        r"\b(?:accession|membership)\s+(?:to|in)\s+(?:the\s+)?NATO\b[\"”]?\s+[\"“]?(?:will\s+never\s+"
        r"happen|is\s+(?:impossible|out\s+of\s+the\s+question))",
        r"\b(?:ban|bar|veto)\s+on\s+(?:[\w'’]+\s+){0,2}?(?:ever\s+)?joining\s+(?:the\s+)?(?:NATO|alliance)\b",
        r"\b(?:abandon\w*|renounc\w*|drop\w*|giv\w+\s+up)\s+(?:its\s+|their\s+|any\s+)?(?:plans?|bid|hopes?|"
        r"aspirations?|ambitions?|intentions?)\s+(?:of|to)\s+join\w*\s+(?:the\s+)?NATO\b",
        r"\bjoin\w*\s+(?:any\s+)?(?:military\s+)?(?:alliances?|blocs?)\b",
        # "abandon its course towards the EU and NATO".
        r"\b(?:abandon\w*|renounc\w*|giv\w+\s+up)\s+(?:its|their|the)\s+(?:[\w-]+\s+)?(?:course|path|bid)\s+"
        r"(?:towards?|to)\s+(?:the\s+EU\s+and\s+)?NATO\b",
        r"\bremain\w*\s+outside\s+(?:of\s+)?(?:NATO|the\s+(?:alliance|bloc))\b",
        r"\b(?:ban|bar|no)\b(?:\s+[\w'’]+){0,3}?\s+membership\s+in\s+(?:the\s+)?NATO\b",
        # "a settlement that allows Ukraine to join NATO" (refused), "rule out Ukraine's
        # accession to the alliance".
        r"\b(?:allow\w*|let\w*|permit\w*)\s+(?:Ukraine|Kyiv)\s+to\s+join\s+(?:the\s+)?NATO\b",
        r"\b(?:rul\w+\s+out|ban\w*|bar\w*|block\w*|prevent\w*)\s+(?:\w+['’]s\s+)?(?:accession|"
        r"membership)\s+(?:to|in)\s+(?:the\s+)?(?:alliance|NATO)\b",
        r"\b(?:NATO\s+membership|membership\s+in\s+NATO|join\w*\s+(?:the\s+)?NATO)\b.{0,30}?"
        r"\b(?:not\s+on|off)\s+the\s+table\b",
        r"\bforget\s+(?:about\s+)?(?:joining\s+|(?:its\s+)?membership\s+in\s+)?(?:the\s+)?NATO\b",
        r"\bjoin(?:ing)?\s+(?:the\s+)?NATO\s+alliance\b",
        # Membership as a red line ("Ukraine's NATO membership is a red line").
        r"\b(?:NATO\s+(?:membership|accession)|join\w*\s+(?:the\s+)?NATO|membership\s+in\s+NATO)"
        r"\b.{0,40}?\bred\s+line",
        r"\bred\s+lines?\b.{0,40}?\b(?:NATO\s+(?:membership|accession)|join\w*\s+(?:the\s+)?NATO|"
        r"membership\s+in\s+NATO)",
        r"\b(?:not|never)\s+(?:to\s+|be\s+)?join(?:s|ing)?\s+(?:the\s+)?NATO\b",
        r"\b(?:renounc\w+|abandon\w*|drop\w*|giv\w+\s+up|refus\w+)\b(?:\s+[\w'’]+){0,3}?\s+(?:to\s+)?"
        r"join(?:ing)?\s+(?:the\s+)?NATO\b",
    ),
    "nato_expansion": (
        r"\bNATO\s+(?:\w+\s+){0,3}?not\s+(?:to\s+)?expand", r"\bnot\s+to\s+expand\b",
        r"\bNATO(?:['’]s)?\s+(?:eastward\s+)?(?:expansion|enlargement)",
        r"\bweakening\s+of\s+NATO\b", r"\bopen[- ]door\s+policy\b",
        r"\b(?:NATO|alliance)\b.{0,20}?\bnot\s+(?:to\s+)?expand\w*", r"\bveto\s+over\s+NATO",
        # A veto over who joins ("no veto over Ukraine's path to membership").
        r"\bveto\s+over\s+(?:who\s+joins|(?:[\w'’-]+\s+){0,4}?(?:membership|accession)\b)",
        r"\b(?:eastward\s+)?(?:expansion|enlargement)\s+of\s+NATO\b",
        r"\bwritten\s+(?:security\s+)?guarantees\b", r"\b2021\s+demands\b",
        r"\broll(?:ing)?\s*back\s+NATO\b",
        # Back to where NATO stood in 1997; no more growth of it or of "military blocs".
        r"\b(?:positions|borders|lines)\s+of\s+1997\b", r"\bstop\w*\s+expanding\b",
        r"\b1997\s+(?:borders|positions|lines)\b", r"\bnon-?expansion\b",
        r"\bexpansion\s+of\s+(?:military\s+)?(?:blocs|alliances)\b",
        r"\b(?:no|halt\s+to|end\s+to|stop\w*)\s+(?:further\s+)?(?:NATO\s+|eastward\s+)?"
        r"(?:expansion|enlargement)\b",
        # "guarantees that it will not expand eastward".
        r"\b(?:will|would|must|should)\s+not\s+expand\w*\s+(?:any\s+)?(?:further\s+)?east\w*",
        r"\bstop\w*\s+(?:moving|expanding|advancing)\s+east\w*",
        # The alliance's 2008 Bucharest promise of membership to be withdrawn.
        r"\b(?:2008|Bucharest)\s+(?:summit\s+)?(?:promise|pledge|declaration|commitment)\b",
    ),
    "demilitarization": (
        r"\bsmaller\s+(?:Ukrainian\s+)?(?:army|armed\s+forces|military)\b",
        # "that Ukraine's armed forces and weapons stockpiles be limited".
        r"\b(?:army|armed\s+forces|military|weapons\s+stockpiles?|arsenal)\b[^.;]{0,50}?\bbe\s+"
        r"(?:limited|capped|reduced|restricted|cut)\b",
        # The size of Ukraine's army as a term ("keeps the Armed Forces of Ukraine at 800,000").
        r"\b(?:Ukraine['’]s|Ukrainian)\s+(?:\w+\s+)?(?:army|armed\s+forces|Armed\s+Forces|military)\b"
        r"[^.;]{0,50}?\b\d{3}(?:,\d{3}|\s*(?:000|thousand))\b",
        r"\b(?:Armed\s+Forces|armed\s+forces|army)\s+of\s+Ukraine\b[^.;]{0,50}?\b\d{3}(?:,\d{3}|\s*"
        r"(?:000|thousand))\b",
        # Not a zone of land ("a demilitarized free economic zone in Donetsk" is territory).
        r"\bdemilitari[sz](?:e|es|ed|ing|ation)\b(?!\s+(?:[\w\"“”-]+\s+){0,3}?(?:zones?|strip|belt)\b)",
        # Ukraine's army, not Russia's ("limits on the size of Russia's army" is no such ask).
        r"\b(?:cap|caps|capped|capping|ceiling|limit|limits|limited|limiting|reduc\w+|restrict\w*|"
        r"shrink\w*|cuts|cutting)\b"
        r"(?:\s+(?![Rr]ussia)[\w'’,.]+){0,6}?\s+(?:army|(?i:armed\s+forces)|military|troops|weapons|"
        r"personnel)",
        r"\b(?:army|armed\s+forces)\s+(?:\w+\s+){0,3}?(?:capped|limited|reduced|cut)\b",
        # The size of Ukraine's army as the ask: "a Ukrainian army too small to threaten
        # Russia", "keep its armed forces strong enough to deter".
        r"\b(?:army|armed\s+forces|military)\s+(?:\w+\s+){0,2}?too\s+(?:small|weak)\b",
        r"\b(?:army|armed\s+forces|military)\b.{0,30}?\bno\s+(?:[\w-]+\s+){0,2}?(?:caps?|limits?|"
        r"restrictions?|ceilings?)\b",
        r"\b(?:army|armed\s+forces|military)\s+(?:\w+\s+){0,2}?(?:strong|large|capable)\s+enough\b",
        r"\bdisarm(?:s|ed|ing|ament)?\b",
        # "withdraw heavy weapons from areas near Zaporizhzhia".
        r"\b(?:withdr\w+|pull\w*\s+back|remov\w+)\s+(?:its\s+|their\s+|all\s+)?heavy\s+"
        r"(?:weapons|weaponry|artillery|equipment)\b",
        r"\blimit\w*\s+(?:on\s+)?(?:Ukraine['’]s|its|Kyiv['’]s)\s+(?:ability|capacity|right)\s+to\s+"
        r"defend\b",
        r"\bno\s+(?:[\w-]+\s+){0,2}?(?:limitations?|limits?|caps?|restrictions?|ceilings?)\s+on\s+"
        r"(?:the\s+size\s+of\s+)?(?:Ukraine['’]s\s+|its\s+|the\s+Ukrainian\s+)?(?:army|armed\s+forces|military)\b",
    ),
    "regime_change": (
        r"\bregime\s+change\b", r"\bdenazif\w+", r"\billegitima\w+",
        # Elections only where they are Ukraine's (not any country's politics).
        r"\b(?:new|early|snap|UN)\s+elections?\b", r"\bhold\w*\s+(?:[\w-]+\s+){0,3}?elections?\b",
        r"\bnew\s+(?:Ukrainian\s+)?(?:government|leadership|president)\b",
        r"\b(?:no\s+longer|not)\s+(?:\w+['’]s\s+|the\s+|a\s+)?legitimate\b",
        r"\belections?\b(?:\s+\w+){0,3}?\s+(?:in|for)\s+Ukraine\b", r"\bUkrain\w*\s+elections?\b",
        r"\belection\s+(?:oversight|result)",
        r"\bdelegitimi[sz]\w+", r"\blegitimacy\b",
        # "any settlement that leaves 'Ukrainian Nazis' in power".
        r"\b(?:[Nn]azis?|neo-[Nn]azis?|regime)[\"”]?\s+in\s+power\b",
        # "Ukraine must 'abandon the Nazi ideology'".
        r"\b(?:[Nn]azi|neo-[Nn]azi)\s+ideology\b",
        # "demanded a new vote in Ukraine, claiming that Zelensky's mandate expired".
        r"\bnew\s+(?:presidential\s+)?vote\b", *_AUTHORITY_DENIED,
        r"\b(?:pro-Russian|pro-Kremlin|puppet|proxy)\s+(?:\w+\s+)?(?:government|regime|"
        r"leadership|authorities)",
        r"\bchange\s+(?:in|of)\s+(?:Kyiv['’]s|Ukraine['’]s|the\s+Ukrainian)\s+(?:leadership|"
        r"government)",
        r"\bremov\w+\s+(?:of\s+)?(?:the\s+|Ukraine['’]s\s+)?(?:legitimate\s+)?(?:Ukrainian\s+)?(?:government|"
        r"authorities|leadership|Zelensk\w+)",
        r"\bdestruction\s+of\s+the\s+(?:current\s+)?Ukrainian\s+(?:government|state)",
        r"\bexternal\s+administration\b",
        r"\bdismantl\w*\b.{0,40}?\b(?:government|regime|state)\b",
        r"\bchang\w*\s+(?:of\s+)?(?:Ukraine['’]s|Kyiv['’]s|the\s+Ukrainian)\s+(?:government|"
        r"leadership|regime|authorities)",
        r"[\"“]?(?:neo-?)?Nazi[\"”]?\s+(?:government|regime|leadership|authorities|junta)",
        r"\breplac\w*\s+(?:Ukraine['’]s\s+|Kyiv['’]s\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:government|leadership|"
        r"authorities)\b",
    ),
    "sanctions_relief": (
        r"\b(?:lift\w*|eas(?:e|ing)|remov\w+|soften\w*|unfreez\w+|phas\w+\s+out|drop(?:s|ped|ping)?|"
        r"scrap\w*|repeal\w*|revok\w+)\b"
        r"(?:\s+[\w.'’$-]+){0,5}?"
        r"\s+(?:sanctions|assets|freeze|(?:economic|trade|financial|export|Western)\s+restrictions|"
        r"restrictions(?!\s+on\s+(?:the\s+)?(?:Ukrain\w*|Kyiv)\b)(?!\s+on\s+(?:[\w'’-]+\s+){0,4}?"
        r"(?:language|church|Church|Orthodox|media|speakers|press)))",
        r"\b(?:sanctions|(?:economic|trade|financial|export|Western)\s+restrictions|restrictions"
        r"(?!\s+on\s+(?:the\s+)?(?:Russian\s+(?:language|speakers|Orthodox|church)|church|"
        r"language|media|the\s+press)))\b.{0,100}?\b(?:lifted|eased|removed)\b",
        r"\b(?<!\bno\s)sanctions?\s+(?:relief|removal)\b",
        # Frozen assets given back, not used ("use immobilised Russian assets to fund a loan") or
        # kept ("will not be returned without reparations").
        r"\b(?:release|return|unblock|unfreez|restor|give\s+back|hand\s+back)\w*\b.{0,40}?"
        r"\b(?:frozen|freeze\s+on|immobili[sz]ed|blocked)\b.{0,25}\bassets\b",
        r"\b(?:frozen|immobili[sz]ed|blocked)\b.{0,25}\bassets\b(?:(?!\b(?:not|never|no)\b).){0,40}?"
        r"\b(?:returned|released|unfrozen|unblocked|given\s+back)\b",
        r"\breconnect\w*.{0,80}?\bSWIFT\b",
        # "Moscow wants its frozen assets back", "part of the immobilized funds be returned".
        r"\b(?:assets|funds|reserves)\s+back\b",
        r"\b(?:frozen|immobili[sz]ed|blocked)\s+(?:[\w-]+\s+)?(?:funds|reserves)\b.{0,30}?\b(?:be\s+)?"
        r"(?:returned|released|unfrozen|unblocked)\b",
        r"\baccess\s+to\b.{0,40}\b(?:reserves|assets)\b",
        r"\breturn\s+of\b.{0,60}\b(?:Russian|frozen|immobili[sz]ed|central\s+bank)\b.{0,40}\b"
        r"(?:assets|reserves)\b",
    ),
    "language_religion": (
        r"\bRussian[- ][Ss]peak\w+", r"\bRussian\s+[Ll]anguage\b", r"\bRussian-language\b",
        # "the rights of Russian people and canonical Orthodoxy".
        r"\brights\s+of\s+(?:the\s+)?Russian(?:-speaking)?\s+(?:people|population|citizens|minority)\b",
        r"\bcanonical\s+Orthodox\w*",
        r"\blanguage\s+rights\b", r"\bOrthodox\s+Church\b", r"\bMoscow\s+Patriarchate\b",
        # "for Russian to be given the status of an official language", "its language policy".
        r"\b(?:an?|the)\s+(?:second\s+)?(?:official|state)\s+language\b",
        r"\b(?:language|linguistic)\s+(?:polic(?:y|ies)|laws?)\b",
        # "adopt EU rules on religious tolerance and protect linguistic minorities".
        r"\b(?:linguistic|national|ethnic)\s+minorities\b", r"\breligious\s+tolerance\b",
        r"\b(?:church|religious)\s+(?:affairs|freedom|matters|issues|polic(?:y|ies))\b",
        r"\b(?:concessions?|conditions?|demands?)\s+(?:on|over|about|regarding)\s+(?:the\s+)?"
        r"(?:language|church|religion)\b",
    ),
    "foreign_troops": (
        r"\b(?:no|bar\w*|ban\w*|prohibit\w*|opposition\s+to|oppos\w+|reject\w*|prevent\w*|"
        r"against|without)"
        r"\b(?:\s+[\w'’-]+){0,5}?\s+(?:[Ww]estern|European|foreign|NATO|British|French|"
        r"third-country)\s+(?:military\s+|peacekeeping\s+)?(?:troops|soldiers?|forces|peacekeep\w+|"
        r"military\s+presence|contingents?|presence|boots)",
        # A red line: deploying them would be "direct involvement" or make "legitimate targets".
        r"\b(?:deploy\w*|presence|stationing)\s+of\s+(?:any\s+)?(?:Western|European|foreign|NATO|"
        r"British|French)\s+(?:\w+\s+)?(?:troops|soldiers?|forces|peacekeep\w+|contingents?)\b.{0,60}?"
        r"\b(?:as\s+(?:an?\s+|the\s+)?(?:direct\s+)?(?:involvement|participation|entry|threat|"
        r"intervention)|legitimate\s+targets?|unacceptable)",
        r"\brespond\w*\s+to\s+(?:the\s+|any\s+)?(?:deploy\w*|presence|stationing)\s+of\s+(?:any\s+)?"
        r"(?:[Ww]estern|European|foreign|NATO|British|French)\b",
        # "any deployment of military contingents of NATO countries ... would be regarded as
        # foreign intervention".
        r"\b(?:deploy\w*|presence|stationing)\s+of\s+(?:any\s+)?(?:[\w-]+\s+)?(?:troops|forces|"
        r"peacekeep\w+|contingents?)\s+(?:of|from)\s+(?:the\s+)?(?:NATO|Western|European|foreign)\b"
        r".{0,120}?\b(?:as\s+(?:a\s+|an\s+|the\s+)?(?:direct\s+|foreign\s+)?(?:involvement|"
        r"participation|entry|threat|intervention)|legitimate\s+targets?|unacceptable)",
        r"\b[Nn]o\s+(?:Western|European|foreign|NATO|British|French)\s+(?:military\s+)?(?:troops|forces|"
        r"peacekeep\w+|contingents?|instructors|advis[eo]rs|trainers)\b",
        # "British and French troops sent to the country would be treated as enemy combatants".
        r"\b(?:[Ww]estern|European|foreign|NATO|British|French)\s+(?:[\w-]+\s+)?(?:troops|soldiers|forces|"
        r"peacekeep\w+|contingents?)\b.{0,60}?\b(?:legitimate\s+(?:military\s+)?targets?|enemy\s+"
        r"combatants)\b",
        # "any Western military presence in Ukraine would be a legitimate target".
        r"\b(?:[Ww]estern|European|foreign|NATO)\s+(?:military\s+)?presence\b.{0,60}?"
        r"\b(?:legitimate\s+targets?|unacceptable|direct\s+involvement)",
        r"\bbarred\s+from\s+deploying\s+troops\b",
        r"\b(?:bar\w*|ban\w*|prohibit\w*|prevent\w*)\s+(?:NATO|the\s+alliance|Western|European|"
        r"foreign)\s+(?:\w+\s+)?from\s+(?:station|deploy|bas)\w*",
        # "the alliance will not station troops on Ukrainian territory".
        r"\b(?:not|never|no)\s+(?:\w+\s+)?(?:station|deploy|base)(?:s|ed|ing)?\s+(?:any\s+)?(?:of\s+)?"
        r"(?:its\s+|their\s+)?(?:troops|forces|soldiers|contingents?)\s+(?:on|in|to)\s+"
        r"(?:Ukrain\w*|its\s+(?:soil|territory))",
        # In a plan's terms ("Ukraine not hosting NATO troops").
        r"\b(?:not|never|no|without)\s+(?:\w+\s+)?host\w*\s+(?:any\s+)?(?:Western|European|foreign|NATO|"
        r"British|French)\s+(?:troops|forces|bases|contingents?)\b",
        r"\b(?:not|never)\s+(?:\w+\s+)?agree\w*\s+to\s+(?:any\s+|the\s+)?(?:deployment|stationing|presence)"
        r"\s+of\s+(?:any\s+)?(?:Western|European|foreign|NATO|British|French)\s+(?:\w+\s+)?"
        r"(?:troops|soldiers?|forces|peacekeep\w+|contingents?)\b",
        r"\b(?:Western|European|foreign|NATO|British|French)\s+(?:\w+\s+)?(?:troops|forces|"
        r"peacekeep\w+|contingents?)\b.{0,60}?\b(?:legitimate\s+targets?|[\"“]?direct\s+threat|"
        r"unacceptable)",
        r"\b(?:troops|soldiers?|forces|peacekeep\w+|contingents?)\s+from\s+(?:any\s+)?(?:NATO|Western|"
        r"European|foreign)\s+(?:countr(?:y|ies)|states?|nations?|members?)\b",
        # What such forces "cannot be" ("foreign forces could not be a guarantor").
        r"\b(?:Western|European|foreign|NATO|British|French)\s+(?:troops|soldiers?|forces|peacekeep\w+|"
        r"contingents?)\b(?:\s+[\w'’-]+){0,4}?\s+(?:cannot|can\s*not|could\s+not|must\s+not|"
        r"should\s+not)\b",
        # A warning against a deployment with no other object ("warns against deployment").
        r"\bagainst\s+(?:any\s+|the\s+|such\s+(?:a\s+)?)?(?:deployment|deploying)\b"
        r"(?!\s+(?:of\s+)?(?!(?:\w+\s+){0,2}(?:troops|forces|peacekeep|contingent))\w)",
        r"\b(?:Western|European|foreign|NATO)\s+(?:troops|soldiers?|forces|peacekeepers)\s+"
        r"(?:being\s+)?deployed\b",
    ),
    "aid_halt": (
        r"\b(?:halt(?:s|ed|ing)?|stop(?:s|ped|ping)?|end|ceas\w+|suspen\w+|cut\w*|freez\w*|froze)\b"
        r"(?:[\s\"“”]+\w+){0,3}?[\s\"“”]+(?:of\s+|to\s+)?"
        r"(?:Western\s+|US\s+|U\.S\.\s+|foreign\s+)?(?:weapons|arms|military\s+aid|"
        r"military\s+assistance|intelligence|supplies|deliveries)\b",
        r"\b(?:halt(?:s|ed|ing)?|stop(?:s|ped|ping)?|end(?:s|ed|ing)?|freez\w+|froze)\b(?:\s+\w+){0,3}?\s+"
        r"mobili[sz]ation\b",
        r"\b(?:abandon|end|stop|halt|cease|cut)\w*\s+(?:its\s+|their\s+|all\s+)?(?:military\s+)?"
        r"(?:support|backing)\s+(?:for|to|of)\s+(?:Ukraine|Kyiv)\b",
        # "should not use the pause to mobilise new soldiers or receive weapons".
        r"\bnot\s+(?:[\w'’-]+\s+){0,6}?(?:mobili[sz]e|rearm|receiv\w*\s+(?:[\w'’-]+\s+){0,2}?"
        r"(?:weapons|arms|military\s+aid|supplies|missiles))\b",
        r"\b(?:stop|halt|end|cease)(?:s|ped|ping|ed|ing)?\s+(?:arming|supplying|equipping)\b",
        r"\b(?:weapons|arms|military\s+aid|deliveries|supplies)\b(?:\s+[\w'’-]+){0,6}?\s+"
        r"(?:must\s+|should\s+|would\s+|to\s+)?(?:stop|end|cease|halt)(?:s|ed)?\b",
        r"\b(?:veto|ban|embargo|moratorium)\s+(?:on|over)\s+(?:any\s+|all\s+)?(?:\w+\s+){0,2}?"
        r"(?:military\s+(?:aid|assistance|supplies)|weapons|arms)\b",
    ),
    "ceasefire_first": (
        r"\b(?:cease-?fire|truce)\b.{0,80}?\b(?:precede|before|prior\s+to|prerequisite|first|ahead\s+of)"
        r"\b.{0,30}\b(?:talks|negotiations|discuss\w*|(?:sit|sits|sat)\s+down)\b",
        # "a ceasefire along the current line before a comprehensive peace agreement".
        r"\b(?:cease-?fire|truce)\b.{0,60}?\bbefore\s+(?:a|any|the)\s+(?:comprehensive|final|full|"
        r"lasting|broader)\s+(?:peace\s+)?(?:deal|agreement|settlement|accord)\b",
        # "any settlement must begin with a ceasefire", "accept the ceasefire without conditions".
        r"\b(?:settlement|process|peace|agreement|deal|talks)\b.{0,30}?\bbegin\w*\s+with\s+(?:a\s+|an\s+)?(?:\w+\s+)?"
        r"(?:cease-?fire|truce)\b",
        r"\b(?:cease-?fire|truce)\s+without\s+(?:any\s+)?(?:pre)?conditions\b",
        r"\bcease-?fire[- ]first\b",
        r"\b(?:cease-?fire|truce|moratorium)\b.{0,60}?\b(?:as|be|is|was)\s+(?:the|a)\s+[\"“]?"
        r"first\s+step\b",
        # What a party proposes: "proposed an unconditional 30-day ceasefire".
        r"\bpropos\w*\s+(?:an?\s+|the\s+)?(?:unconditional|immediate|full|general|complete|"
        r"comprehensive|\d+-day)\s+(?:[\w-]+\s+)?(?:cease-?fire|truce)\b",
        r"\bfirst\s+step\b.{0,30}?\b(?:cease-?fire|truce)\b",
        # A truce called, pleaded or proposed for ("the US and Ukrainian calls for a ceasefire").
        r"\b(?:call|propos|appeal|plea)\w*\s+for\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?:cease-?fire|truce)\b",
        # A truce asked for: "wants a ceasefire", "urged both sides to agree on a ceasefire",
        # "insisted that Russia must first accept a ceasefire", "first stop its strikes".
        r"\b(?:wants?|wanted|seeks?|sought|demand(?:s|ed|ing)?)\s+[\"“]?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:cease-?fire|truce)\b",
        # Not a truce the party itself would accept ("before agreeing to", "would agree to").
        r"\b(?:agree|agreeing|accept|accepting|declare|declaring)(?<!before\sagreeing)"
        r"(?<!before\saccepting)(?<!would\sagree)(?<!would\saccept)(?<!will\sagree)(?<!will\saccept)"
        r"\s+(?:on\s+|to\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:cease-?fire|truce)\b",
        r"\bfirst\s+(?:stop|halt|end|cease)(?:s|ed)?\s+(?:its\s+|their\s+|the\s+|all\s+)?"
        r"(?:[\w-]+\s+)?(?:strikes|attacks|shelling|fighting|hostilities)\b",
        # "stop fighting first and then negotiate", Trump's "stop where they are".
        r"\b(?:stop|halt|end|cease)\s+(?:the\s+)?(?:fighting|hostilities|shooting|firing|killing)\s+"
        r"first\b",
        # An ultimatum: "gave Moscow 50 days to agree to a ceasefire".
        r"\b(?:days|weeks)\s+to\s+(?:agree\s+(?:to|on)|accept|reach)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?"
        r"(?:cease-?fire|truce)\b",
        r"\bstop\w*\s+(?:the\s+|its\s+|all\s+)?(?:strikes|attacks|shelling|fighting|hostilities)\b.{0,40}?"
        r"\bbefore\s+(?:the\s+next\s+round\s+of\s+|any\s+(?:further\s+)?)?(?:talks|negotiations)\b",
        # "Trump's call to 'stop where we are'", "for both sides to stop at the current line",
        # "the fighting should stop immediately".
        r"\bcall\w*\s+to\s+[\"'‘“]?stop\s+where\s+(?:they|we)\s+are\b",
        r"\b(?:both\s+sides|the\s+parties)\s+to\s+stop\s+(?:at|along)\s+the\s+(?:current\s+)?(?:line|front)",
        r"\bfighting\s+(?:should|must)\s+stop\s+(?:immediately|now|at\s+once)\b",
        r"\bstop\s+where\s+they\s+are\b[\"”']?\s+and\s+(?:then\s+)?(?:negotiate|talk|start\s+talks|"
        r"begin\s+talks)\b",
        r"\b(?:cease-?fire|truce)\s+(?:be\s+\w+\s+|come\s+)first\b",
        # Talks "only after the guns fall silent".
        r"\b(?:talks|negotiations)\b.{0,60}?\bonly\s+(?:after|once|when)\s+(?:the\s+)?"
        r"(?:guns\s+(?:fall|go)\s+silent|(?:a\s+|the\s+)?(?:cease-?fire|truce)\b|fighting\s+(?:stops|ends))",
        r"\b(?:cease-?fire|truce)\b.{0,60}?\b(?:must|should|has\s+to|needs\s+to)\s+(?:[\w-]+\s+){0,2}?"
        r"[\"“]?first\b",
        r"\b(?:cease-?fire|truce)\b.{0,60}?\bstarting\s+point\s+(?:for|of)\s+(?:any\s+)?"
        r"(?:talks|negotiations)\b",
        r"\b(?:talks|negotiations)\b.{0,40}?\b(?:begin|start)\w*\s+with\s+(?:a\s+|an\s+)?(?:\w+\s+)?"
        r"(?:cease-?fire|truce)\b",
        r"\bpressure\s+to\s+(?:reach|agree\s+(?:on|to)|accept)\s+a\s+cease-?fire\b",
        r"\bpressure\s+for\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:cease-?fire|truce)\b",
        r"\bpush\w*\s+(?:for|to\s+(?:reach|agree\s+(?:on|to)|accept))\s+(?:a|an)\s+(?:\w+\s+)?"
        r"(?:cease-?fire|truce)\b",
        r"\b(?:unconditional|immediate|full|comprehensive|complete|general)\s+cease-?fire\b",
        r"\b\d+-day\s+cease-?fire\b",
        r"\b(?:cease-?fire|truce|moratorium)\s+(?:[\w-]+\s+){0,3}?(?:should|must|would|to)\s+"
        r"(?:[\w-]+\s+){0,4}?"
        r"(?:begin|start|take\s+effect)\s+(?:immediately|at\s+once|now|without\s+(?:pre)?conditions)\b",
        # Talks "only after the guns fall silent" or a truce.
        r"\bonly\s+(?:after|once|when)\s+(?:the\s+)?(?:guns\s+(?:fall|go)\s+silent|"
        r"(?:a\s+|an?\s+\w+\s+)?(?:cease-?fire|truce)\b|fighting\s+(?:stops|ends))",
    ),
}
# Text right before a type's match that makes it no demand of that type: a truce as the time
# something else happens in ("aid must stop during a 30-day ceasefire").
VOIDED_BEFORE: dict[str, str] = {
    # A battlefield report: "claimed that its troops had taken full control of Kupiansk".
    "territorial": r"\b(?:taken|took|established|seized|gained|captured|regained)\s+$",
    "ceasefire_first": r"\bduring\s+(?:a|an|the)\s+$",
    # A cap taken out of a plan ("removing the proposed cap on Ukraine's armed forces").
    "demilitarization": r"\b(?:remov|drop|scrap|delet|strik)\w*\s+(?:the\s+)?(?:proposed\s+)?$",
}
# Lowercase words one of which every pattern of a type contains: a frame without any of them
# skips that type's regex (speed). Types not listed are always tried.
TYPE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "territorial": ("cede", "ceding", "hand", "giv", "surrender", "leav", "left the", "withdr",
                    "seek", "sought", "want", "subject ", "referend", "legali", "transfer",
                    "constitutional", "administrative", "gone", "lost", "regions",
                    "exit", "trad", "status", "pullout", "pull-out", "stay", "pull",
                    "control", "abandon", "recogni", "sovereignty", "inalienable", "integral",
                    "constituent", "remain", "back", "annex", "loss", "relinquish", "claim",
                    "buffer", "zone", "by force", "by military", "territor", "captur", "return",
                    "cover ", "covers ", "covered ", "new borders", "strip", "flexib",
                    "restor", "occupation", "part of russia", "russian territory",
                    "russian land", "russian cit", "russian region", "belong", "realities",
                    "line of contact", "contact line", "homeland", "liberation", "start", "begin",
                    "will of", "single", "inch", "be ukrainian"),
    "neutrality": ("neutral", "non-aligned", "non-bloc", "nato", "outside", "alliance", "bloc"),
    "nato_expansion": ("nato", "expand", "expansion", "enlargement", "door", "written", "2021",
                       "1997", "moving east", "2008", "bucharest", "veto"),
    # The words next to the army that make it a cap, not "military" or "troops" (in most
    # war news sentences).
    "demilitarization": ("demilitari", "cap", "limit", "reduc", "restrict", "shrink", "army",
                         "armed", "disarm", "cuts", "cutting", "heavy weap", "heavy artill",
                         "heavy equip"),
    # The distinctive word of each wording, not "government" or "president".
    "regime_change": ("regime", "denazif", "legitim", "election", "new", "pro-russian", "dismantl",
                      "mandate", "expired", "run out", "term ended", "authority to sign",
                      "nazi", "replac",
                      "pro-kremlin", "puppet", "proxy", "chang", "remov", "destruction",
                      "external", "nazi"),
    "sanctions_relief": ("sanction", "asset", "freez", "frozen", "restriction", "swift",
                         "reserves", "immobili", "funds"),
    "language_religion": ("speak", "language", "orthodox", "patriarchate", "church",
                          "religious", "minorities"),
    # Whose forces they are, not "forces" (in most war news sentences).
    "foreign_troops": ("western", "european", "foreign", "nato", "british", "french",
                       "third-country", "deploy", "station"),
    "aid_halt": ("weapons", "arms", "arming", "supplying", "equipping", "military aid", "rearm",
                 "support", "backing",
                 "assistance", "intelligence", "supplies",
                 "deliveries", "mobili", "missiles"),
    "ceasefire_first": ("cease", "truce", "moratorium", "guns fall", "guns go", "fighting stops",
                        "fighting ends", "first", "stop", "before"),
}
# "other" only where nothing else fits, and only for these clear asks.
OTHER_WEAK: tuple[str, ...] = (
    # A meeting of leaders only once the terms are ready ("only if preliminary agreements are
    # in place", "contingent upon reaching preliminary agreements", "only at the final stage").
    r"\b(?:only\s+(?:\w+\s+){0,5}?(?:if|after|once|when)|contingent\s+(?:on|upon))\b.{0,40}?"
    r"\b(?:agreements?|details|documents?|terms)\s+(?:are|is|have\s+been|has\s+been)?\s*(?:in\s+place|"
    r"agreed|reached|ready|finali[sz]ed|worked\s+out|settled)\b",
    r"\bcontingent\s+(?:on|upon)\s+(?:reaching\s+|concluding\s+)?(?:preliminary\s+|prior\s+)?"
    r"agreements?\b",
    r"\bonly\s+at\s+the\s+final\s+stage\b",
    r"\broot\s+causes\b",
    # "would halt hostilities only once Kyiv accepted Moscow's conditions", not "pressure Kyiv
    # into accepting Russia's terms".
    r"\b(?:only|until|unless|once)\b[^.;]{0,40}?\baccept\w*\s+(?:all\s+(?:of\s+)?)?(?:Moscow['’]s|"
    r"Russia['’]s|the\s+Kremlin['’]s|its|his|Russian)\s+(?:[\w-]+\s+)?(?:conditions|terms|demands)\b",
    # Holding to earlier understandings ("preserve the spirit of the Anchorage understandings").
    r"\b(?:preserve|respect|honou?r|adhere\s+to)\b.{0,40}?\b(?:understandings|agreements|accords)\b",
    # No talks or truce while a condition holds (LABELING.md: Russia refusing a truce until ...).
    r"\b(?:negotiations|talks|cease-?fire|truce|moratorium|pause\s+in\s+(?:the\s+)?(?:hostilities|fighting))\b"
    r".{0,60}?\b(?:until|unless)\b",
    # "while" only after a refusal ("no truce while Ukraine keeps striking"), not as "meanwhile".
    r"\b(?:no|not|never|refus\w*|reject\w*|rul\w+\s+out|oppos\w*)\b.{0,30}?"
    r"\b(?:negotiations|talks|cease-?fire|truce)\b"
    r".{0,40}?\b(?:while|as\s+long\s+as)\b",
    # A truce only inside a full settlement ("insisting that any truce be part of a settlement").
    r"\b(?:cease-?fire|truce)\b.{0,40}?\bpart\s+of\s+(?:a\s+|an\s+|any\s+|the\s+)?(?:comprehensive|"
    r"broader|final|overall|full)\s+(?:settlement|agreement|deal|peace)",
    # Put as the condition of something ("that Ukraine stop such strikes as a precondition").
    r"\bas\s+(?:a|the)\s+(?:pre)?condition\s+(?:for|of|to)\b",
    r"\bstop\w*\s+(?:\w+\s+){0,2}?(?:strikes|attacks|shelling)\b",
    # "(will not stop its offensive) until its conditions are met": the speaker's own terms.
    r"\buntil\s+(?:its|their|our)\s+(?:conditions|demands|terms)\b",
    # "will not stop its offensive until Ukraine agrees to its terms".
    r"\b(?:not|never)\s+(?:\w+\s+){0,2}?(?:stop|halt|end|cease)\w*\s+(?:[\w-]+\s+){0,3}?"
    r"(?:until|before|unless)\b.{0,60}?\b(?:conditions|terms|demands)\b",
    r"\b(?:until|unless)\s+(?:[\w'’-]+\s+){1,3}?(?:accepts?|agrees?\s+to|meets?)\s+(?:its|their|our|"
    r"Moscow['’]s|Russia['’]s|the\s+Kremlin['’]s)\s+(?:conditions|terms|demands)\b",
    # A truce only after a settlement ("will only agree to a ceasefire after a peace treaty").
    r"\b(?:cease-?fire|truce)\b.{0,20}?\b(?:after|once|until)\b.{0,40}?\b(?:settlement|treaty|"
    r"agreement|deal)\b",
    # Conditions to be met before a truce or talks ("must be met before it agrees to a ceasefire").
    r"\b(?:met|fulfilled|satisfied)\s+before\b.{0,40}?\b(?:cease-?fire|truce|talks|negotiations)\b",
)
# "other" asks clear enough to stand next to other types in the same frame.
OTHER_STRONG: tuple[str, ...] = (
    r"\b(?:security|Western-backed|Western)\s+guarantees?\b",
    # "Moscow needed 'ironclad guarantees'", not "guarantees that Ukraine will never join NATO".
    r"\b(?:ironclad|verifiable|legal|legally\s+binding|reliable|firm|robust|binding)\s+"
    r"guarantees?\b(?![\"”]?\s+(?:that|against|of|for|on)\b)",
    r"\b(?:restor\w+|return)\b.{0,30}\bdiplomatic\b",
    # Ukraine's own terms: justice, compensation, its people back.
    r"\b(?:special\s+|international\s+)?tribunal\b", r"\b(?:compensation|reparations)\b",
    r"\bpa(?:y|ys|id|ying)\s+(?:for\s+)?(?:the\s+)?(?:reconstruction|damage|rebuilding|restoration|"
    r"destruction)\b",
    r"\bcompensat(?:e|es|ed|ing)\s+(?:Ukraine|Kyiv|Ukrainians|the\s+victims)\b",
    # An ultimatum: "must agree to end the war or face very severe tariffs".
    r"\bor\s+face\s+(?:[\w\"“”-]+\s+){0,4}?(?:tariffs|sanctions|consequences|penalties)\b",
    r"\breturn\w*\b.{0,40}\bchild(?:ren)?\b", r"\ball[\s-]+for[\s-]+all\b",
    r"\breturn\s+of\s+(?:all\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:civilians|prisoners|POWs|deportees)\b",
    # Who runs the Zaporizhzhia plant: "must remain under the full control of Rosatom".
    r"\bunder\s+(?:the\s+)?(?:full\s+)?control\s+of\s+(?:[\w'’-]+\s+){0,5}?Rosatom\b",
    r"\bRosatom\s+management\b",
    # "handed over a list of children Russia deported and demanded their return".
    r"\bchildren\b[^.;]{0,80}?\b(?:their|the)\s+return\b",
    # War damage claims renounced on both sides ("a waiver of mutual claims for war damage").
    r"\b(?:renunciation|waiver|waiving|renounc\w+|drop\w*)\s+of\s+(?:all\s+)?(?:mutual\s+)?claims\b",
    r"\b(?:release|exchange)\s+of\s+(?:all\s+)?(?:prisoners|POWs|civilians)\b",
    # Who runs the Zaporizhzhia nuclear plant; a decree banning talks; who guarantees a deal.
    r"\b(?:operat|control|run|manag|restart|pull\w*\s+back\s+from)\w*\b.{0,40}\b(?:Zaporizhzhia\s+"
    r"(?i:nuclear\s+power\s+plant)|ZNPP)\b",
    r"\b(?:repeal|revok|cancel|annul)\w*\b.{0,40}\bdecree\b",
    r"\bamong\s+the\s+guarantors\b|\bone\s+of\s+the\s+guarantors\b",
    r"\b(?:act|serve)\w*\s+as\s+(?:a\s+|the\s+)?guarantor\b|\bas\s+a\s+guarantor\b",
    # Russia back among the great powers ("invited back into the G8").
    r"\b(?:back\s+(?:in)?to|return\w*\s+to|readmi\w+\s+(?:in)?to)\s+(?:the\s+)?(?:G8|G-8)\b",
)
# Territorial words that only demand in a plan's terms ("the front line would be frozen") or
# in a threat ("threatened the seizure of Sumy").
PLAN_TERRITORIAL: tuple[str, ...] = (
    r"\bfreez\w*\s+(?:\w+\s+){0,3}?(?:front|lines?|frontlines?|conflict|positions|contact)\b",
    r"\b(?:front|lines?|frontlines?|conflict|positions)\b.{0,60}?\bfrozen\b",
)
# Types that mean another for one actor: Moscow does not ask for a ceasefire before talks;
# its conditions on a truce ("supports a 30-day ceasefire, but nuances must first be
# resolved") are Russia refusing a truce until they are met (LABELING.md: RU other).
TYPES_RETYPED_FOR_ACTOR: dict[str, dict[str, str]] = {
    "RU": {"ceasefire_first": "other"},
    # NATO on its own open door ("is not up for negotiation") defends, not limits, its growth.
    "NATO": {"nato_expansion": "other"},
}
# What a refusal refuses that makes its type ("will not accept guarantees that involve
# Western forces").
REFUSAL_TYPES: dict[str, tuple[str, ...]] = {
    "foreign_troops": (
        r"\b(?:Western|European|foreign|NATO|British|French)\s+(?:[\w,-]+\s+){0,3}?"
        r"(?:troops|forces?|soldiers?|peacekeep\w+|contingents?|boots|mission)\b",
        r"\b(?:troops|forces|peacekeep\w+|contingents?)\s+from\s+(?:any\s+)?(?:NATO|Western|"
        r"European|foreign)\b",
        # "provisions for a post-war multinational reassurance force in Ukraine".
        r"\b(?:reassurance|multinational|peacekeeping|stabili[sz]ation)\s+(?:force|mission|"
        r"contingent)s?\b",
    ),
}
# A truce whose owners are named after it ("the 30-day ceasefire proposed by Washington and
# Kyiv", "a proposal by Macron and Merz for a ceasefire first").
TRUCE_OWNED_AFTER = (
    r"\b(?:cease-?fire|truce)\s+(?:proposal\s+|plan\s+)?(?:proposed|put\s+forward|sought|demanded|"
    r"backed|championed)\s+by\s+(?P<by>[^.;,]{1,60})"
    r"|\b(?:proposal|call|demand|push|plan)s?\s+(?:by|from)\s+(?P<from>[^.;]{1,80}?)\s+for\s+(?:an?\s+|"
    r"the\s+)?(?:[\w-]+\s+){0,3}?(?:cease-?fire|truce)\b")
# Pressure kept up until Moscow accepts a truce ("tariffs if Moscow does not agree to a
# ceasefire within 50 days", "keep arming Ukraine as long as Russia refuses a ceasefire"): who
# keeps it up asks for the truce.
PRESSURE_UNTIL_TRUCE = (
    r"\b(?:if|unless|until|as\s+long\s+as|while)\s+(?:Moscow|Russia|the\s+Kremlin|Putin)\s+"
    r"(?:does\s+not\s+|doesn['’]t\s+|did\s+not\s+|fails\s+to\s+|refuses\s+to\s+|(?:keeps|kept)\s+)?"
    r"(?:agrees?|accepts?|refuses|rejects|refusing|rejecting)\s+(?:to\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:cease-?fire|truce)\b"
    r"|\bif\s+there\s+(?:is|was)\s+no\s+(?:cease-?fire|truce)\b")
# A refusal of talks until a truce holds asks for the truce first ("will not discuss
# territorial questions before a full ceasefire is in place").
TALKS_BEFORE_TRUCE = (r"\b(?:discuss\w*|talks|negotiat\w*)\b.{0,60}?\b(?:before|until|without)\b"
                      r".{0,30}?\b(?:cease-?fire|truce)\b")
# The region codes an actor does not claim from the other side: its own.
OWN_REGION_PREFIX: dict[str, str] = {"RU": "RU-"}
# What Moscow asks of the West: refused by anyone but Russia, it is asked by no one ("Kyiv
# will not agree to any easing of sanctions"). Refusing what Moscow asks of Ukraine is a stance
# on it ("Kyiv rejected any restrictions on its armed forces" is Ukraine's, on demilitarization).
ASKS_OF_THE_WEST: tuple[str, ...] = ("nato_expansion", "sanctions_relief", "aid_halt")
# Asks these parties never make: sanctions on Russia eased is what Ukraine and Europe hold
# back, so "before any sanctions are eased" names their condition, not their demand.
NEVER_ASKED_BY: dict[str, tuple[str, ...]] = {"sanctions_relief": ("UA", "EU", "NATO")}
THREAT_TERRITORIAL: tuple[str, ...] = (
    r"\bseiz\w+", r"\bcaptur\w+", r"\badvanc\w+\s+on\b", r"\bexpand\w*\s+(?:\w+\s+)?claims\b",
    r"\boffensive\s+on\b", r"\btak(?:e|es|ing)\s+(?:over\s+)?(?:the\s+)?(?=[A-Z])",
    r"\boccup(?:y|ying)\b", r"\bmarch\s+on\b", r"\bclaim\s+(?=[A-Z])",
    # "the Russian army will 'come to Odesa and Mykolaiv'".
    r"\bcome\s+to\s+(?=[A-Z])",
    # "could add Odesa, Mykolaiv and Kharkiv to the list of territories it claims".
    r"\badd\s+(?:[A-Z][\w'’-]+,?\s+(?:and\s+)?){1,5}to\s+(?:the\s+|its\s+)?list\b",
    r"\b(?:more|other)\s+(?:regions|territor\w+|land|cities)\s+(?:it|Ukraine|Kyiv)\s+(?:will|would)\s+"
    r"lose\b",
    # A zone said to grow into a region ("the buffer zone could be expanded into Dnipropetrovsk").
    r"\bexpand\w*\s+(?:\w+\s+){0,2}?(?:into|to\s+include)\b",
)
# "Russia would take Sumy as well if Kyiv refuses": a threat, read only in a sentence with a
# condition put on the talks (COERCION), so that "would"/"will" is not tried everywhere.
CONDITIONAL_SEIZURE = (r"\b(?P<threat>(?:would|will|must|could|might)\s+(?!likely\b|probably\b|"
                       r"possibly\b)(?:\w+\s+)?[\"“]?(?:take|seize|capture|annex|occupy|claim|add|"
                       r"come\s+to|march\s+on))\b")
# The condition that makes "would take X" a threat made in talks, not a forecast: one on
# accepting terms ("if Kyiv did not accept Russia's terms", "if Ukraine kept refusing").
COERCION = (r"\b(?:if|unless)\b[^.;]{0,80}?\b(?:refus\w*|reject\w*|accept\w*|agree\w*|terms|"
            r"conditions|demands|negotiat\w*|withdraw\w*|leave|comply|compl(?:ies|ied))")
# Words naming a side's forces, for whose a threat is ("Russian troops could take Sumy").
SIDES: dict[str, tuple[str, ...]] = {
    "RU": (r"Russian", r"Russia"),
    "UA": (r"Ukrainian", r"Ukraine"),
}
# What makes reported speech ("X said ...") a demand: an obligation put on someone
# ("Ukraine must withdraw", "any settlement must guarantee") or a stance on the settlement.
SPEECH_STANCES: tuple[str, ...] = (
    r"\b(?:must|has\s+to|have\s+to|needs?\s+to|would\s+have\s+to)\b",
    r"\b(?:inalienable|integral|constituent)\s+parts?\b",
    r"\bremain\s+(?:a\s+)?part\s+of\s+Russia\b", _REMAINS_UKRAINIAN,
    r"\b(?:would|will)\s+(?:not|never)\s+(?:be\s+)?(?:get(?:ting)?|join(?:ing)?|regain\w*)\b",
    r"\bas\s+(?:a\s+|an\s+|the\s+)?(?:direct\s+|foreign\s+)?(?:involvement|participation|threat|"
    r"intervention)\b",
    r"\blegitimate\s+targets?\b", r"\bbe\s+(?:an?\s+)?[\"“]?direct\s+threat\b",
    r"\benemy\s+combatants\b", r"\bconstitutional\s+territory\b",
    r"\bnever\s+be\s+returned\b",
    # Putin's threat to take land "one way or another"; a refusal ("not ready to give away").
    r"\bone\s+way\s+or\s+another\b", r"\bnot\s+(?:ready|willing|prepared)\s+to\b",
    r"\bonly\s+at\s+the\s+final\s+stage\b",
    # A precondition or a need named by the speaker ("needs guarantees before agreeing to").
    r"\bneed(?:s|ed)?\b", r"\b(?:stay|remain)\w*\s+(?:with|in)\s+Russia\b",
    r"\bkey\s+(?:element|condition|requirement)[\"”]?\s+(?:of|for|in)\s+(?:any|a|the)\b",
    # "Without X, we see no possibility of a settlement".
    r"\b[Ww]ithout\b[^.]{0,100}?\b(?:no|not\s+see\s+(?:a|any))\s+(?:possibility|chance|prospect|way|"
    r"settlement|peace|deal)\b",
    r"\b(?:not\s+on|off)\s+the\s+table\b",
    r"\bwill\s+never\s+happen\b",
    # "There can be no talk of any foreign contingents".
    r"\bno\s+(?:talk|question)\s+of\b",
    # Who may block a country's membership ("no country gets a veto over who joins NATO").
    r"\bveto\s+over\b",
    r"\bonly\s+(?:\w+\s+){0,3}?(?:sign|agree|accept|negotiate)\b",
    # "the question of the new regions is closed", "is closed forever".
    r"\b(?:question|issue|matter|topic|status)\b[^.;]{0,40}?\b(?:is|was|has\s+been)\s+[\"“]?closed\b",
    r"\bclosed\s+(?:forever|for\s+good|once\s+and\s+for\s+all)\b",
    # "called Odesa a 'Russian city'".
    r"\bRussian\s+(?:cit(?:y|ies)|lands?)\b",
    r"\bbefore\s+(?:agreeing|signing|accepting|any)\b",
    r"\b(?:accept|agree\s+to|sign)\s+only\b",
    r"\bimpossible\s+(?:while|as\s+long\s+as|until|without)\b",
    # "no European soldiers can be present in Ukraine".
    r"\b[Nn]o\s+(?:[\w-]+\s+){0,3}?(?:can|may|will|shall|should)\s+(?:ever\s+)?(?:be|set|enter|remain|stay|"
    r"deploy)\b",
    r"\bonly\s+(?:on\s+the\s+basis\s+of|with|after|if|once|when|in\s+exchange\s+for)\b",
    r"\bwith\s+all\s+(?:available\s+)?means\b",
    r"\bnon-negotiable\b",
    r"\b(?:cannot|can\s*not|could\s+not|must\s+not|should\s+not)\s+(?:be|become|serve|accept)\b",
    r"\bby\s+(?:military\s+)?force\b",
    # What a party's spokesman calls unacceptable, illegitimate, or the only basis for peace.
    r"\b(?:unacceptable|illegitimate)\b", r"\bnot\s+(?:a\s+|the\s+)?legitimate\b",
    *_AUTHORITY_DENIED,
    r"\bnot\s+(?:up\s+for|subject\s+to|open\s+to)\s+(?:negotiation|discussion|debate|revision)\b",
    r"\bnot\s+(?:a\s+)?(?:subject|matter|topic)\s+(?:for|of)\s+(?:bargaining|negotiations?|"
    r"discussion|trade|debate)\b",
    # "Recognizing Crimea as Russian is against our constitution".
    r"\bagainst\s+(?:our|the|its)\s+constitution\b",
    r"\b(?:determined|decided|settled)\s+by\b[^.;]{0,40}?\breferend",
    r"\bonly\s+acceptable\b",
    # What any settlement cannot do without ("is a prerequisite for any peace agreement").
    r"\b(?:imperative|must|prerequisite|requirement)\s+(?:for|of)\s+(?:any|a|the)\s+(?:\w+\s+)?"
    r"(?:peace|settlement|agreement|deal|accord)",
    # What a party's official says another "should" do ("added that Ukraine should renounce").
    r"\bshould\b",
)
# What a condition must end for it to be a demand ("would order a ceasefire once ...").
CONDITION_OUTCOMES: tuple[str, ...] = (
    r"\b(?:would|will|ready\s+to|willing\s+to)\s+(?:[\w\"“”'’]+\s+){0,3}?(?:order|agree\s+to|declare|accept|"
    r"end|stop|halt|cease|sign|begin|start|freeze)\b.{0,40}?\b(?:cease-?fire|truce|war|fighting|"
    r"hostilities|offensive|peace|negotiations|talks|front(?:[- ]?lines?)?)\b",
    r"\b(?:war|fighting|hostilities|conflict)\b.{0,30}?\b(?:would|will)\s+(?:\w+\s+)?(?:end|stop|cease)\b",
)
# Parts of a frame that are no demand: what would only be frozen ("in exchange for a freeze
# of the front line in Zaporizhia") is not claimed.
NOT_DEMANDED_SPANS: tuple[str, ...] = (
    rf"\b{IN_EXCHANGE_FOR}\s+(?:a\s+|the\s+)?(?:freez\w*|frozen)\b[^;]*",
    r"\b(?:front(?:[- ]?lines?)?\b[^;]{0,60}?\b)?(?:freez\w*|frozen)\b[^;]*?"
    rf"(?=\b{IN_EXCHANGE_FOR}\b)",
    # Places struck, or that a demand would open to attack: "while Russian drones struck
    # energy facilities in Kharkiv and Odesa", "a launchpad for attacks on Kharkiv, Dnipro".
    # The span runs over a list of names and stops at the next clause.
    r"\b(?:struck|strikes?|striking|hit|hits|hitting|attack(?:s|ed|ing)?|shell(?:s|ed|ing)|"
    r"bomb(?:s|ed|ing)|pound(?:s|ed|ing))\b"
    r"(?:(?!\b(?:unless|if|until|once|that|which|who|but|while|whereas|before|after|(?:and|or)\s+"
    r"(?:then\s+)?(?:seiz|tak|captur|annex|occup|claim)\w*)\b)[^,;]|,(?=\s+(?-i:[A-Z])))*",
    # Claims an analyst foresees: "would be followed by new claims on Dnipropetrovsk".
    r"\b(?:would|will|could|might|may)\s+(?:then\s+|soon\s+|later\s+)?(?:be\s+followed\s+by|"
    r"lead\s+to|pave\s+the\s+way\s+for|give\s+(?:Russia|Moscow|the\s+Kremlin)\s+a\s+"
    r"(?:launchpad|springboard|foothold))\b[^;]*",
)
# A land change put to a vote: the party asks for the vote, not for the land ("any withdrawal
# from Donetsk would have to be approved in a national referendum").
REFERENDUM_CONDITION = (r"\bapprov\w*\s+(?:\w+\s+){0,4}?(?:in|by|through|at)\s+(?:a\s+|the\s+)?"
                        r"(?:[\w-]+\s+){0,2}?referendum\b|\breferendum\s+(?:is\s+|would\s+be\s+)?"
                        r"(?:needed|required|necessary)\b")
# A truce put before elections, not before talks: "would hold elections only after a full
# ceasefire" (LABELING.md: ceasefire_first is a truce before talks).
ELECTIONS_BEFORE = r"\belections?\b(?:\s+[\w'’-]+){0,4}?\s+$"
# Words of giving in to demands: "capitulation to Russia's demands" names no content before
# the noun, as "included X in its list of demands" does.
SUBMITTING_TO = (r"\b(?:capitulat\w*|bow(?:s|ed|ing)?|giv(?:e|es|ing)\s+in|gave\s+in|yield\w*|"
                 r"succumb\w*|cav(?:e|es|ed|ing)\s+in|concessions?|surrender\w*|submi\w+|"
                 r"acced\w+|respon\w+|answer\w*|repl\w+|objections?|opposition)\s+$")
# Clause openers whose subject is the actor of the previous sentence ("He also threatened").
PRONOUN_SUBJECT = (r"^\W*(?:(?:but|and|also|however|meanwhile|earlier|later|then)\W+)*"
                   r"(?:he|she|they)\b")
# A demand noun pointing back at the demands just named ("Those demands include ...").
DEMONSTRATIVE_SUBJECT = (r"^\W*(?:(?:but|and|also)\W+)*(?:these|those|such|the\s+same)\s+"
                         r"(?:[\w-]+\s+)?$")
# A demand whose object is a pronoun for what the speaker said before it ("called on Moscow
# to accept it").
PRONOUN_OBJECT = (r"\b(?:accept|support|back|agree\s+to|respect|implement|observe)\s+"
                  r"(?:it|this|that|the\s+same)\b")
# A sentence opening this way continues the previous sentence's plan ("It would also lift ...").
PLAN_CONTINUATION = (r"^\W*(?:(?:It|The\s+(?:plan|draft|document|memorandum|framework))\s+"
                     r"(?:\w+\s+)?(?:would|will|propos(?:es|ed)|calls\s+for|requires|stipulates|envisages|"
                     r"envisions|provides|foresees|includes|demands|states|stated|says|said)\b|"
                     # "Under the second option, Kyiv would have to halt mobilization".
                     r"(?:Under|In)\s+(?:the|this|that)\s+(?:[\w-]+\s+)?(?:option|scenario|variant|"
                     r"version)\b)")
# So does a sentence stating what "would" be, when nobody is said to speak in it ("Crimea,
# Luhansk and Donetsk would be recognized ...", "No NATO troops would be stationed").
PLAN_TERM = r"^\W*(?:[\w'’-]+,?\s+){1,7}?would\s+(?!likely\b|probably\b)"
# A speech verb followed only by this ends what was said before it ("..., Putin said on Friday.").
TRAILING_ATTRIBUTION = (r"[^,;:\"“”]{0,70}(?:,\s*(?:according\s+to|citing)\b[^,;]{0,60})?"
                        r"[\"”’']*\s*$")
# A demand noun closing what it names ("included X in its list of conditions", "X is among
# the Kremlin's key demands").
CONTENT_BEFORE_NOUN = (r"\b(?:in|into|to|among|amongst|one\s+of|part\s+of)\s+(?:its|their|his|"
                       r"her|the|\w+['’]s)\s+(?:[\w'’-]+\s+){0,3}?$")
# A demand verb in the passive ("Ukraine would be required to withdraw"): its subject is the
# one asked, and the asker is named by "by ..." or as the owner of a plan or proposal.
PASSIVE_BEFORE = r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$"
PASSIVE_AGENT_CARRIERS: tuple[str, ...] = (r"proposals?", r"terms", r"offer")
# Demand words that close the clause naming what is demanded ("NATO membership is a red line",
# "Crimea's status is non-negotiable"); "for Moscow" after them names whose it is.
CLOSING_TRIGGER = (r"^(?:red\s+lines?|non-negotiable|(?:an?\s+)?(?:imperative|must|prerequisite|"
                   r"requirement|precondition|condition|(?:key|mandatory)\s+(?:element|condition|requirement)"
                   r"[\"”]?)"
                   r"\s+(?:for|of)\b.*)$")
CLOSING_OWNER = r"\s+(?:for|to)\s+(?:the\s+)?"
# A condition named with its weight closes what it names too ("... remains an indispensable
# condition for a peace agreement"); looked for around the condition trigger, as an adjective
# before every trigger noun would slow the trigger scan.
WEIGHTED_CONDITION_BEFORE = (r"\b(?:an?|the)\s+(?:indispensable|necessary|essential|basic|"
                             r"fundamental|absolute|core)\s+$")
CONDITION_OF_ENDING_AFTER = (r"\s+(?:for|of)\s+(?:any|a|the|ending)\s+(?:\w+\s+)?(?:peace|"
                             r"settlement|agreement|deal|accord|cease-?fire|truce|talks|war|"
                             r"conflict)\b")
# A demand noun followed by who made it ("demands that the Kremlin has made since 2022").
DEMAND_MAKER_BEFORE = r"\s+(?:(?:that|which)\s+)?(?:the\s+)?"
DEMAND_MAKER_AFTER = (r"(?:\s+\w+){0,2}?\s+(?:made|set|laid\s+out|put\s+forward|voiced|issued|"
                      r"presented|outlined|advanced|repeated|listed|tabled|formulated)\b")
# The same in the passive: "the key conditions set out by Vladimir Putin in June 2024".
DEMAND_MAKER_PASSIVE = (r"[\"”’']?,?\s+(?:(?:that|which)\s+(?:were|was|have\s+been|had\s+been)\s+)?"
                        r"(?:\w+ly\s+)?(?:made|set\s+out|laid\s+out|put\s+forward|voiced|issued|"
                        r"presented|outlined|advanced|repeated|listed|tabled|formulated|announced)"
                        r"\s+by\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,3}?")
# A possessive actor before a demand noun owns it even after a preposition ("drifting toward
# the Kremlin's terms, which include ...").
POSSESSOR_OF_DEMAND = (r"(?:['’]s|(?<=['’]s))\s+(?:\w+\s+)?(?:terms|demands?|conditions|position|"
                       r"insistence|"
                       r"ultimatum|red\s+lines?|goals|memorandum|plan|proposal|claims?\s+(?:to|on)|"
                       r"(?:calls?|push)\s+for)\b")
# A name inside "what X called an ultimatum" qualifies the noun; X is not the one demanding.
QUALIFIER_BEFORE = r"\bwhat\s+(?:the\s+)?$"
QUALIFIER_AFTER = (r"^\s+(?:[\w-]+\s+)?(?:called|described|termed|dubbed|labell?ed|"
                   r"characteri[sz]ed)\b")
# "It" as the subject of a demand: the plan or formula of the previous sentence's actor.
PRONOUN_IT_SUBJECT = r"^\W*(?:(?:but|and|also)\W+)*it\s+(?:also\s+)?$"
# Words in a list intro that make its items a plan's terms.
PLAN_LIST_INTRO: tuple[str, ...] = (
    r"\bpoints\b", r"\bprovisions\b", r"\bterms\b", r"\bplan\b", r"\bproposals?\b",
    r"\bdemands\b", r"\bconditions\b", r"\bmemorandum\b", r"\bgoals\b", r"\brequirements\b",
)
# Adjectives that name a carrier's owner ("Russian-drafted memorandum", "American plan").
OWNER_ADJECTIVES: dict[str, tuple[str, ...]] = {
    "RU": (r"Russian",), "UA": (r"Ukrainian",), "US": (r"American",), "EU": (r"European",),
}
# Documents that carry their owner's terms ("Kremlin memorandum", "US-drafted peace plan").
CARRIERS: tuple[str, ...] = (r"(?:peace\s+)?(?:plan|framework)", r"memorandum", r"draft",
                             r"document")
PROPOSALS: tuple[str, ...] = (r"(?:peace\s+)?proposal",)
# A region named within this many characters of a direct-region trigger is its content.
DIRECT_REGION_WINDOW = 25
# Possessive actors count as the subject only this many words before their trigger
# ("Putin's March 2025 proposal", not "Zelenskyy's legitimacy, sets conditions").
POSSESSIVE_REACH_WORDS = 3
