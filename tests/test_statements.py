"""ISW attribution rules (LABELING.md, "isw"), on sentences written for these tests."""

from __future__ import annotations

from extractors.analysis import ISW, RUSI, AttributionProfile, analyse_article


def statements(text: str, profile: AttributionProfile = ISW) -> list[tuple[str, str]]:
    return [(s.text, s.kind) for s in analyse_article(text, profile).statements]


HEADLINE = "Think tank weighs in on the front\n"


def test_named_cue_with_speech_verb() -> None:
    text = HEADLINE + "ISW assessed that Russian forces will keep up pressure near the river."
    assert statements(text) == [(text.splitlines()[1], "paraphrase")]


def test_according_to_and_appositive() -> None:
    text = HEADLINE + (
        "According to the Institute for the Study of War, Moscow is regrouping.\n"
        "The Institute for the Study of War (ISW), a Washington-based research group, "
        "concluded that the offensive had stalled.")
    assert [s for s, _ in statements(text)] == text.splitlines()[1:]


def test_stand_ins_count_only_where_the_organisation_is_named() -> None:
    with_isw = HEADLINE + ("ISW published a new update on Monday.\n"
                           "Analysts say the attacks aim to exhaust air defences.\n"
                           "The report notes that strikes grew in scale.")
    assert [s for s, _ in statements(with_isw)] == with_isw.splitlines()[2:]
    without = HEADLINE + "Analysts say the attacks aim to exhaust air defences."
    assert statements(without) == []


def test_other_sources_are_not_statements() -> None:
    text = HEADLINE + ("ISW said the line held.\n"
                       "The General Staff reported 120 clashes on Tuesday.\n"
                       "Reuters said the talks would resume.\n"
                       "The Royal United Services Institute reported shortages of shells.")
    assert [s for s, _ in statements(text)] == ["ISW said the line held."]


def test_relayed_content_counts_when_isw_reports_it() -> None:
    text = HEADLINE + "Shell shortages persist, the RUSI said, the ISW reported."
    assert [s for s, _ in statements(text)] == ["Shell shortages persist, the RUSI said, "
                                                "the ISW reported."]


def test_pointer_sentence_attributes_the_sentence_before() -> None:
    text = HEADLINE + ("Moscow is preparing a new push in the north. "
                       "This is stated in the ISW report.\n"
                       "Separately, the mayor opened a new bridge.")
    assert [s for s, _ in statements(text)] == [
        "Moscow is preparing a new push in the north.", "This is stated in the ISW report."]


def test_pointer_on_its_own_line_attributes_the_paragraph_above() -> None:
    text = HEADLINE + ("Russia is shifting reserves south. It wants to pin Ukrainian units.\n"
                       "This is what ISW analysts wrote.")
    assert len(statements(text)) == 3


def test_credit_lines_and_headlines_are_not_statements() -> None:
    text = ("ISW says Russia is stalling talks\n"
            "Map: ISW\n"
            "Source: Institute for the Study of War\n"
            "The institute is monitoring developments.")
    assert statements(text) == []


def test_quote_kind_and_quote_text() -> None:
    text = HEADLINE + "“Russia is unlikely to seize the city soon,” ISW wrote."
    analysis = analyse_article(text)
    (statement,) = analysis.statements
    assert statement.kind == "quote"
    assert statement.quote.startswith("Russia is unlikely to seize the city soon")
    assert statement.cue == "ISW wrote"


def test_scare_quotes_and_names_do_not_make_a_quote() -> None:
    text = HEADLINE + ('ISW noted that the "volunteers" of the "Northern Group of Forces" '
                       "withdrew.")
    assert statements(text) == [(text.splitlines()[1], "paraphrase")]


def test_quotation_introduced_by_a_cue_line() -> None:
    text = HEADLINE + ('The think tank wrote:\n"Moscow has not shown any willingness to '
                       'compromise on its demands."')
    assert statements(text) == [("The think tank wrote:", "paraphrase"),
                                (text.splitlines()[2], "quote")]


def test_quotation_running_over_two_sentences() -> None:
    text = HEADLINE + ('"Russian units regrouped near the river. They are likely to attack '
                       'again," ISW said.')
    assert [k for _, k in statements(text)] == ["quote", "quote"]


def test_items_of_a_list_introduced_as_isw_s() -> None:
    text = HEADLINE + ("ISW's Key Takeaways on 3 March:\n"
                       "• Russian forces advanced near the border.\n"
                       "• Ukrainian forces repelled attacks in the south.\n"
                       "Elsewhere, prices rose.")
    assert [s for s, _ in statements(text)] == [
        "• Russian forces advanced near the border.",
        "• Ukrainian forces repelled attacks in the south."]


def test_same_machinery_follows_another_organisation() -> None:
    text = HEADLINE + ("RUSI said Russia's artillery advantage is shrinking.\n"
                       "ISW said Russian forces advanced near the river.\n"
                       "According to the Royal United Services Institute, shell output is "
                       "rising.")
    lines = text.splitlines()
    assert [s for s, _ in statements(text, RUSI)] == [lines[1], lines[3]]
    assert [s for s, _ in statements(text)] == [lines[2]]


def test_stand_in_with_a_place_based_modifier() -> None:
    text = HEADLINE + ("ISW published its update.\n"
                       "The Washington, D.C.-based think tank said supply lines were strained.")
    assert [s for s, _ in statements(text)] == text.splitlines()[2:]
    # Based elsewhere, it is another think tank.
    text = HEADLINE + ("ISW published its update.\n"
                       "The London-based think tank said supply lines were strained.")
    assert statements(text) == []


def test_analysts_named_by_the_organisation_s_nationality() -> None:
    text = HEADLINE + ("The American Institute for the Study of War (ISW) reports new attacks.\n"
                       "According to the American analysts, assaults near the river resumed.")
    assert [s for s, _ in statements(text)] == text.splitlines()[1:]
    other = HEADLINE + ("ISW reports new attacks.\n"
                        "According to the Ukrainian analysts, assaults near the river resumed.")
    assert [s for s, _ in statements(other)] == other.splitlines()[1:2]


def test_pointers_that_name_the_organisation_after_the_content() -> None:
    text = HEADLINE + ("Moscow has not changed its goals in the war. "
                       "ISW experts wrote this in their Tuesday update.")
    assert [s for s, _ in statements(text)] == [
        "Moscow has not changed its goals in the war.",
        "ISW experts wrote this in their Tuesday update."]
    text = HEADLINE + ('"The offensive has culminated well short of its objectives."\n'
                       "That was the conclusion of the Institute for the Study of War on Friday.")
    assert statements(text) == [
        ('"The offensive has culminated well short of its objectives."', "quote"),
        ("That was the conclusion of the Institute for the Study of War on Friday.",
         "paraphrase")]


def test_a_think_tank_is_no_verb() -> None:
    text = HEADLINE + ("ISW said the line held.\n"
                       "An ISW dashboard of strikes is hosted on the think tank's site.")
    assert [s for s, _ in statements(text)] == ["ISW said the line held."]


def test_officials_words_in_quotation_marks_are_no_quote_of_the_organisation() -> None:
    text = HEADLINE + ('ISW reported that Kremlin officials insist on "security realities on '
                       'the ground" in any deal.')
    assert statements(text) == [(text.splitlines()[1], "paraphrase")]


def test_a_stand_in_means_the_institute_named_last() -> None:
    text = HEADLINE + ("ISW said Russian forces advanced near the river.\n"
                       "The Kyiv Economic Institute estimated the cost of the war.\n"
                       "The institute said spending will rise.\n"
                       "The Institute for the Study of War added that assaults slowed. "
                       "The think tank said reserves are thin.")
    lines = text.splitlines()
    assert [s for s, _ in statements(text)] == [
        lines[1], "The Institute for the Study of War added that assaults slowed.",
        "The think tank said reserves are thin."]


def test_comparing_with_the_organisation_cites_nothing() -> None:
    text = HEADLINE + ("Unlike the Institute for the Study of War, which tracks the front "
                       "daily, the Kyiv Economic Institute studies budgets.\n"
                       "Like ISW, RUSI expects more attacks.")
    assert statements(text) == []


def test_more_cue_wordings() -> None:
    text = HEADLINE + ("ISW published a new assessment.\n"
                       "The think tank pointed to a drone strike on a depot near the border.\n"
                       "It was also pointed out by ISW that Russian losses are rising.\n"
                       "Moscow's demand for a buffer zone, it said, is a pretext for more "
                       "attacks.")
    assert [s for s, _ in statements(text)] == text.splitlines()[2:]


def test_a_quotation_standing_alone_goes_on_with_the_quotation_before() -> None:
    text = HEADLINE + ('"Russia is not negotiating in good faith," ISW analysts wrote. '
                       '"Moscow wants to win time."\n'
                       '"We will not give up our land," Zelensky said. "Never."')
    assert statements(text) == [
        ('"Russia is not negotiating in good faith," ISW analysts wrote.', "quote"),
        ('"Moscow wants to win time."', "quote")]


def test_quote_kind_with_the_cue_after_an_article_and_terms_in_noun_phrases() -> None:
    text = HEADLINE + ('"Russian forces will likely keep attacking in the north," the ISW '
                       'report says.\n'
                       'ISW said the Kremlin invokes the "root causes" of the war to stall.\n'
                       'ISW noted that Ukraine would lose its "fortress belt" of cities.\n'
                       'ISW said the offer is "a demand for capitulation."')
    assert [k for _, k in statements(text)] == ["quote", "paraphrase", "paraphrase", "quote"]


def test_cue_words_factored_by_first_letter_match_the_same_words() -> None:
    import re

    from extractors import cues
    from extractors.statements import _by_first_letter
    factored = re.compile(rf"(?i:\b{_by_first_letter(cues.PRECEDING_VERBS)})\b")
    plain = re.compile(rf"(?i:\b(?:{'|'.join(cues.PRECEDING_VERBS)}))\b")
    for phrase in ("according to", "as Pointed Out by", "in its latest report from",
                   "the assessments of", "believes in", "cited by", "reported by", "citing",
                   "accordingly", "reporter"):
        assert bool(factored.search(phrase)) == bool(plain.search(phrase)), phrase


def test_a_judgement_named_as_a_noun_is_a_cue() -> None:
    text = HEADLINE + ("ISW's assessment is that the Kremlin is stalling the talks.\n"
                       "Peskov disputed ISW's assessment.")
    assert [s for s, _ in statements(text)] == text.splitlines()[1:2]


def test_cue_inverted_after_what_was_said() -> None:
    text = HEADLINE + (
        "Russian troops keep trying to reach the city from the south, writes the American "
        "Institute for the Study of War in its new review.\n"
        "Ukrainian defenders repelled 12 attacks near the river, informs the General Staff.")
    assert [s for s, _ in statements(text)] == [text.splitlines()[1]]


def test_labelled_paragraphs_quote_from_and_recommendations() -> None:
    text = HEADLINE + (
        "ISW said the talks have stalled.\n"
        'Quote from ISW: "The Kremlin is not negotiating in good faith."\n'
        "Details: Analysts recalled that the Kremlin rejected the same terms in March.\n"
        "ISW analysts recommended that Washington keep up its supplies.\n"
        'Quote from RUSI: "Europe must rearm faster."')
    assert statements(text) == [
        (text.splitlines()[1], "paraphrase"),
        (text.splitlines()[2], "quote"),
        (text.splitlines()[3], "paraphrase"),
        (text.splitlines()[4], "paraphrase"),
    ]


def test_a_plain_line_list_of_short_items_ends_at_a_label_or_a_long_line() -> None:
    items = ["Withdrawal from four oblasts.", "Recognition of Crimea.", "Neutral status.",
             "Limits on the army.", "No foreign troops.", "The lifting of sanctions.",
             "Elections after martial law."]
    text = HEADLINE + "\n".join([
        "ISW highlights the following Kremlin demands in the memorandum:", *items,
        "The memorandum also says that all Western supplies to the Ukrainian army must stop "
        "while the two sides negotiate.",
        "Ukraine's minister said the delegation would study the document but described it as "
        "unacceptable."])
    assert [s for s, _ in statements(text)] == items


def test_a_prose_list_ends_at_a_labelled_line() -> None:
    text = HEADLINE + "\n".join([
        "ISW's key takeaways on 14 January:",
        "Russian forces advanced near Siversk.",
        "Ukrainian forces advanced near Kupiansk.",
        "Background: Zelensky said Ukraine would not withdraw from the Donbas."])
    assert [s for s, _ in statements(text)] == text.splitlines()[2:4]


def test_a_closing_source_line_does_not_take_others_reports() -> None:
    text = HEADLINE + (
        "Russian forces are massing near the city, ISW assessed.\n"
        "Three people were injured overnight, the regional governor reported.\n"
        "Source: ISW")
    assert [s for s, _ in statements(text)] == [text.splitlines()[1]]


def test_their_view_underlined_and_the_report_reads() -> None:
    text = HEADLINE + (
        "ISW analysts said the memorandum changes nothing.\n"
        "In their view, the document is meant to force Ukraine to capitulate.\n"
        "They also underlined that Moscow still rejects any European presence.\n"
        '"Russian forces are targeting civilians," the ISW report reads.\n'
        "In their view, the talks will fail, Ukrainian officials said.")
    assert [s for s, _ in statements(text)] == text.splitlines()[1:5]


def test_a_paragraph_of_several_sentences_ends_a_plain_line_list() -> None:
    text = HEADLINE + "\n".join([
        "The ISW's key takeaways for the week were as follows:",
        "Russian forces are attempting to envelop Kupiansk.",
        "Russia is likely preparing a renewed offensive in the south.",
        "Elsewhere, CSIS estimated that Russia has lost a million troops. CSIS analysts argued "
        "that its advance was slow."])
    assert [s for s, _ in statements(text)] == text.splitlines()[2:4]


def test_the_organisation_named_in_passing_before_another_clause_says_nothing() -> None:
    text = HEADLINE + ("Maps by DeepState and the Institute for the Study of War have become a "
                       "reference for journalists, as both sides often make claims that cannot "
                       "be verified.")
    assert statements(text) == []


def test_a_text_reposted_under_the_organisation_s_byline_is_its_statements() -> None:
    text = ("Russian Offensive Campaign Assessment, March 14\n"
            "By the ISW Russia Team, Institute for the Study of War\n"
            "Click here to see ISW's interactive map of the invasion.\n"
            "Russian forces continued offensive operations near Pokrovsk.\n"
            "The General Staff reported 41 assaults near Myrnohrad.")
    assert [s for s, _ in statements(text)] == text.splitlines()[3:]


def test_a_byline_of_someone_else_reposts_nothing() -> None:
    text = ("Front update\n"
            "By Jane Smith, Reuters\n"
            "Russian forces continued offensive operations near Pokrovsk.")
    assert statements(text) == []


def test_a_blank_line_ends_a_plain_line_list_whose_items_are_not_paragraphs() -> None:
    text = HEADLINE + ("ISW's key takeaways for 8 October:\n"
                       "Russian forces advanced near Kupiansk.\n"
                       "Ukrainian forces struck a fuel depot.\n"
                       "\n"
                       "Officials in Zaporizhzhia said glide bombs damaged a school.")
    assert [s for s, _ in statements(text)] == text.splitlines()[2:4]


def test_linked_is_a_verb_of_assessing() -> None:
    text = HEADLINE + "ISW linked the strikes to Moscow's attempt to pressure Kyiv."
    assert [s for s, _ in statements(text)] == [text.splitlines()[1]]


def test_items_under_a_heading_naming_the_organisation_and_more_cues() -> None:
    text = ("Kremlin's conditions unchanged\n"
            "Russia has not softened its demands, the think tank said.\n"
            "KEY KREMLIN DEMANDS IDENTIFIED BY ISW\n"
            "1) Ukraine's withdrawal from all of Luhansk Oblast.\n"
            "2) Caps on the size of Ukraine's armed forces.\n"
            "The ISW cited footage of infantry advancing near Plekhovo.\n"
            "The thinktank added that a withdrawal would cost Ukraine its defences.")
    lines = text.splitlines()
    assert [s for s, _ in statements(text)] == [lines[1], *lines[3:]]


def test_a_verb_in_a_relative_clause_of_the_appositive_is_not_the_cue() -> None:
    text = HEADLINE + ("The Institute for the Study of War, a think tank that has tracked the war "
                       "since 2022, had not published its assessment by Friday evening.")
    assert statements(text) == []


def test_the_headline_above_a_page_s_byline_list_introduces_nothing() -> None:
    text = ("Russia shifts attack direction, ISW warns\n"
            "- Open Media Ukraine\n"
            "- 3 min read\n"
            "ISW notes that Russia redeployed units to the border.")
    assert [s for s, _ in statements(text)] == [text.splitlines()[3]]


def test_the_verb_after_a_describing_relative_clause_is_the_cue() -> None:
    text = HEADLINE + ("The Institute for the Study of War, a think tank that tracks the conflict, "
                       "says Russian forces will intensify attacks.")
    assert [s for s, _ in statements(text)] == [text.splitlines()[1]]


def test_in_the_organisation_s_reading_according_to_them_and_called() -> None:
    text = HEADLINE + (
        "In the ISW's reading, the Kremlin uses the phrase as shorthand for its conditions.\n"
        "ISW analysts said the talks had stalled.\n"
        "According to them, the statements are meant for Western audiences.\n"
        "ISW called the first draft a document that would reward aggression.\n"
        "Not all experts share ISW's view.\n"
        "What does the Institute for the Study of War say?")
    assert [s for s, _ in statements(text)] == text.splitlines()[1:5]


def test_american_analysts_such_an_assessment_and_quotes_closed_before_the_analysts() -> None:
    text = HEADLINE + (
        "ISW published its daily update.\n"
        "American analysts believe the strikes aim to cut the Kremlin's revenues.\n"
        "Russian units are likely redeploying from the Sumy border area.\n"
        "Such an assessment was made by analysts of the Institute for the Study of War.\n"
        '"Russian forces are likely trying to fix Ukrainian units," the analysts wrote.\n'
        "The ISW experts drew attention that Russia strikes substations.")
    assert [s for s, _ in statements(text)] == text.splitlines()[2:]


def test_told_a_reporter_a_conclusion_reached_by_and_a_two_word_label() -> None:
    text = HEADLINE + (
        "ISW analysts told Newsweek that Russian forces captured less than 1 percent of "
        "Ukrainian territory in 2025.\n"
        "Daniel Mercer, a senior analyst at ISW, told reporters that the offensive had stalled.\n"
        "The Kremlin appears to be shifting the blame onto Kyiv. That is the conclusion reached "
        "by ISW analysts.\n"
        "More details: Analysts also observed Russian assaults near Borova.\n"
        "According to them, Lavrov also repeated the false narrative of discrimination.\n"
        "In their view, the talks will fail, Ukrainian officials said.\n"
        "The Institute for the Study of War has not yet commented on the paper.")
    assert [s for s, _ in statements(text)] == [
        *text.splitlines()[1:3],
        "The Kremlin appears to be shifting the blame onto Kyiv.",
        "That is the conclusion reached by ISW analysts.",
        *text.splitlines()[4:6]]


def test_a_war_monitor_standing_in_and_a_text_noted_as_the_organisation_s_summary() -> None:
    text = HEADLINE + (
        "The Kremlin will reject any European guarantees, according to a Washington-based war "
        "monitor.\n"
        "The Institute for the Study of War (ISW) said Moscow is stalling.")
    assert [s for s, _ in statements(text)] == text.splitlines()[1:]
    summary = HEADLINE + (
        "by Kateryna Hodunova · February 5, 2026\n"
        "Editor's note: This is a daily summary of the Institute for the Study of War's (ISW) "
        "assessment, lightly edited for length.\n"
        "Russian advances near Huliaipole\n"
        "Geolocated footage indicates that Russian forces advanced northeast of Huliaipole.\n"
        "The Russian Defense Ministry also claimed the capture of Yablunivka.")
    assert [s for s, _ in statements(summary)] == summary.splitlines()[4:]


def test_a_blank_line_after_the_intro_does_not_make_the_items_paragraphs() -> None:
    text = HEADLINE + (
        "ISW's key takeaways on January 28:\n\n"
        "Russian officials continue to reject any freeze of the front line.\n"
        "Russian forces recently advanced near Pokrovsk.\n\n"
        "Zelensky told journalists in Kyiv that any freeze is an invitation to Russia.")
    assert [s for s, _ in statements(text)] == [
        "Russian officials continue to reject any freeze of the front line.",
        "Russian forces recently advanced near Pokrovsk."]


def test_a_text_reposted_by_the_institute_a_passage_quoted_and_an_interview() -> None:
    reposted = HEADLINE + (
        "Russian Offensive Campaign Assessment, January 27, 2026 (excerpt)\n"
        "By the Institute for the Study of War. Republished with permission.\n"
        "Key Takeaways:\n"
        "Kremlin officials continued to reject a ceasefire before a peace agreement.\n"
        "Russian forces recently advanced near Pokrovsk.")
    assert [s for s, _ in statements(reposted)] == reposted.splitlines()[4:]
    passage = HEADLINE + (
        "Putin spoke to his security council on Friday.\n"
        "Here is the key passage from ISW’s assessment:\n"
        "“Russian officials continue to reject any proposal that does not include Ukraine’s "
        "full withdrawal from Donetsk Oblast.”")
    assert [s for s, _ in statements(passage)] == passage.splitlines()[2:]
    interview = HEADLINE + (
        "RBC-Ukraine spoke with Daniel Corwin, a Russia analyst at the Institute for the Study "
        "of War, about the talks.\n"
        "Q: Russia says it wants peace. Does the ISW see any evidence of that?\n"
        "A: We see very little evidence of it. The Kremlin keeps repeating the same demands.\n"
        "Q: What about the battlefield?\n"
        "A: Russian forces have seized most of Pokrovsk.")
    assert [s for s, _ in statements(interview)] == [
        "A: We see very little evidence of it.", "The Kremlin keeps repeating the same demands.",
        "A: Russian forces have seized most of Pokrovsk."]


def test_talks_with_the_institute_named_are_no_interview() -> None:
    text = HEADLINE + "Russia is using talks with the US to stall, ISW said."
    assert [s for s, _ in statements(text)] == text.splitlines()[1:]


def test_a_report_reposted_under_its_own_header() -> None:
    reposted = HEADLINE + (
        "Russian Offensive Campaign Assessment, February 27, 2026\n"
        "Institute for the Study of War\n"
        "Key Takeaways:\n"
        "Russian officials rejected the proposal for a 30-day general ceasefire.\n"
        "Ukrainian forces recently advanced near Kupiansk.")
    assert [s for s, _ in statements(reposted)] == reposted.splitlines()[4:]
    republished = HEADLINE + (
        "Republished in full from the Institute for the Study of War.\n"
        "The Kremlin continues to reject a general ceasefire along the current front line.")
    assert [s for s, _ in statements(republished)] == republished.splitlines()[2:]
    following = HEADLINE + (
        "Institute for the Study of War — Russian Offensive Campaign Assessment, January 12\n"
        "The following is the Institute for the Study of War's assessment for January 12, "
        "reposted in full.\n"
        "Russian forces recently advanced near Kupiansk.")
    assert [s for s, _ in statements(following)] == following.splitlines()[3:]
    # The institute's name alone on a line, as a tag, makes no repost.
    tagged = HEADLINE + (
        "Institute for the Study of War\n"
        "Russian forces recently advanced near Kupiansk, Ukraine's General Staff said.")
    assert statements(tagged) == []


def test_a_label_before_a_quotation_an_analyst_of_the_institute_and_the_group() -> None:
    live = HEADLINE + (
        "11:48 — ISW: \"Russia continues to use its strike campaign to undermine Ukrainian "
        "morale.\"\n"
        "12:10 — Air raid alerts were lifted in Kyiv.")
    assert statements(live) == [(live.splitlines()[1], "quote")]
    report = HEADLINE + (
        "ISW in its report on Tuesday: \"The Kremlin continues to use battlefield claims as a "
        "tool.\"")
    assert statements(report) == [(report.splitlines()[1], "quote")]
    analysts = HEADLINE + (
        "The Institute for the Study of War published a new report.\n"
        "Analysts of the institute also write that Russian drone units are more active near "
        "Tyotkino.")
    assert [s for s, _ in statements(analysts)] == analysts.splitlines()[2:]
    group = HEADLINE + (
        "The Institute for the Study of War said Russia is stockpiling missiles.\n"
        "The group said Russian forces are also targeting rail infrastructure.\n"
        "The group of soldiers was evacuated.")
    assert [s for s, _ in statements(group)] == group.splitlines()[1:3]


def test_a_report_published_states_no_finding() -> None:
    text = HEADLINE + ("The Institute for the Study of War has published its latest report on "
                       "the Russian offensive campaign.")
    assert statements(text) == []


def test_a_stance_and_an_assessment_made() -> None:
    text = HEADLINE + (
        "Zakharova said Russia was fulfilling all the tasks of the operation with volunteers.\n"
        "The Institute for the Study of War is not convinced.\n"
        "The Washington-based think tank made the assessment on Tuesday, as Rutte arrived in "
        "Warsaw.\n"
        "Analysts at the Institute for the Study of War read the visit differently.")
    assert [s for s, _ in statements(text)] == text.splitlines()[2:]


def test_pointers_to_a_conclusion_a_finding_on_the_map_and_an_editor_s_note() -> None:
    text = HEADLINE + (
        "The Institute for the Study of War published its assessment on Friday.\n"
        "Russian forces are likely to continue infiltration tactics in fog and rain. "
        "Such an assessment was made by the American analysts.\n"
        "Russian troops advanced along the railway line southeast of the town. "
        "ISW analysts came to this conclusion after reviewing the footage.\n"
        "ISW's map shows Russian forces have advanced north of the railway station.\n"
        "The ISW map shows the front line as of December 3.")
    lines = text.splitlines()
    assert [s for s, _ in statements(text)] == [
        "Russian forces are likely to continue infiltration tactics in fog and rain.",
        "Such an assessment was made by the American analysts.",
        "Russian troops advanced along the railway line southeast of the town.",
        "ISW analysts came to this conclusion after reviewing the footage.", lines[4]]
    reposted = HEADLINE + (
        "Russian Offensive Campaign Assessment, January 14, 2026\n"
        "By the Institute for the Study of War\n"
        "Editor's note: The text below is republished from ISW's daily update and has been "
        "shortened.\n"
        "Russian forces recently advanced near Siversk.")
    assert [s for s, _ in statements(reposted)] == [reposted.splitlines()[4]]


def test_list_intros_by_stand_in_colon_intros_and_wordings_of_a_twenty_seventh_round() -> None:
    text = HEADLINE + (
        "The Institute for the Study of War said the Kremlin is stalling the talks.\n"
        "The Washington-based group added that Moscow is preparing new demands.\n"
        "In its latest update, the think tank listed several key takeaways:\n"
        "  • Russian officials continue to reject a truce along the front line.\n"
        "  • Russian forces recently advanced near Lyman.\n"
        "\n"
        "Kyiv dismissed the demands within an hour.\n"
        "ISW's report, published on Monday, reads:\n"
        "\"The Kremlin is not interested in a ceasefire.\"\n"
        "Analysts draw attention to Lavrov's remarks of May 2.")
    lines = text.splitlines()
    assert [s for s, _ in statements(text)] == [
        lines[1], lines[2], lines[4].strip(), lines[5].strip(), lines[8], lines[9], lines[10]]


def test_analysts_named_by_the_organisation_s_home_base() -> None:
    text = HEADLINE + (
        "Russian forces are trying to widen their foothold near Kupiansk, the Institute for the "
        "Study of War said.\n"
        "The US-based analysts said the fighting near Vovchansk is meant to pin down reserves.\n"
        "ISW noted:\n"
        "\"Russian forces likely aim to push Ukrainian forces beyond artillery range.\"")
    lines = text.splitlines()
    assert [s for s, _ in statements(text)][:2] == [lines[1], lines[2]]


def test_analysts_and_reports_after_another_institute_are_its() -> None:
    text = HEADLINE + (
        "Russian forces advanced near Siversk, the Institute for the Study of War said.\n"
        "A new paper by the Carnegie Endowment argues that Moscow wants Ukraine neutral.\n"
        "The authors note that Lavrov rejected any foreign troops in Ukraine.\n"
        "The analysis notes that Russia demanded four regions in Istanbul.\n"
        "Russian forces advanced near Kostiantynivka, according to the Ukrainian monitoring "
        "project DeepState.\n"
        "The analysts also noted that Ukrainian forces cleared part of a village.")
    assert [s for s, _ in statements(text)] == [text.splitlines()[1]]


def test_the_think_tank_s_view_and_a_washington_think_tank() -> None:
    text = HEADLINE + (
        "ISW noted that the offensive will depend on air defence deliveries.\n"
        "In the think tank's view, Kyiv's partners should supply longer-range missiles.\n"
        "Russia has not moved on its demands, according to a leading Washington think tank.\n"
        "In the General Staff's view, the front is stable.")
    assert [s for s, _ in statements(text)] == text.splitlines()[1:4]


def test_machine_translated_attributions() -> None:
    # Aggregators' literal translations of Ukrainian outlets.
    text = HEADLINE + (
        "American analysts from Institute for Study of War (ISW) is informing, that the Kremlin "
        "wants the whole region.\n"
        "As informs the ISW, the aide of Putin has declared that the plant is not discussed.\n"
        "In the Kremlin they want, that the Russian police stay in the zone.\n"
        "About this write analysts of the Institute for the Study of War (ISW) in new review.")
    assert [s for s, _ in statements(text)] == text.splitlines()[1:]


def test_more_machine_translated_attributions() -> None:
    text = HEADLINE + (
        "Putin declared that the decision was taken to create a buffer zone.\n"
        "About this is said in the fresh review of ISW.\n"
        "\"Putin is probably preparing to demand more territory,\" – is said in the report.")
    assert [s for s, _ in statements(text)] == text.splitlines()[1:]


def test_an_unfinished_list_intro_only_introduces() -> None:
    text = HEADLINE + (
        "ISW published its recommendations on Monday.\n"
        "According to the think tank, the West should:\n"
        "1. Impose secondary sanctions on buyers of Russian oil.\n"
        "2. Insist that a general ceasefire must precede negotiations.")
    assert [s for s, _ in statements(text)] == text.splitlines()[3:]
