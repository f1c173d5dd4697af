"""Demand rules (LABELING.md, "demands"), on sentences written for these tests."""

from __future__ import annotations

import pytest

from extractors.analysis import analyse_article

HEADLINE = "Talks news\n"


def demands(text: str) -> set[tuple[str, str, tuple[str, ...]]]:
    return {(d.actor, d.demand_type, d.regions) for d in analyse_article(HEADLINE + text).demands}


@pytest.mark.parametrize(("text", "expected"), [
    ("The Kremlin demanded that Kyiv hand over Kherson and Zaporizhzhia.",
     {("RU", "territorial", ("UA-65", "UA-23"))}),
    ("Lavrov insisted that Ukraine must stay neutral.", {("RU", "neutrality", ())}),
    ("Peskov said Moscow demands written guarantees that NATO will not expand eastward.",
     {("RU", "nato_expansion", ())}),
    ("Putin's conditions include caps on the size of Ukraine's army.",
     {("RU", "demilitarization", ())}),
    ("Medvedev called for new elections and the removal of the Ukrainian government.",
     {("RU", "regime_change", ())}),
    ("Moscow insists that Western sanctions be lifted before any truce.",
     {("RU", "sanctions_relief", ())}),
    ("The Kremlin demands protection for Russian-speaking residents.",
     {("RU", "language_religion", ())}),
    ("Peskov rejected any deployment of European troops in Ukraine.",
     {("RU", "foreign_troops", ())}),
    ("Russia demanded a halt to Western weapons deliveries to Ukraine.",
     {("RU", "aid_halt", ())}),
    ("Zelensky and Macron insist that a ceasefire must come before any talks.",
     {("UA", "ceasefire_first", ()), ("EU", "ceasefire_first", ())}),
])
def test_actor_and_type(text: str, expected: set) -> None:
    assert demands(text) == expected


def test_threat_to_seize_a_region_during_talks_is_territorial() -> None:
    text = "At the talks the Russian delegation threatened to seize Sumy and Kharkiv regions."
    assert demands(text) == {("RU", "territorial", ("UA-59", "UA-63"))}


def test_refusal_to_leave_a_region_is_a_territorial_demand() -> None:
    assert demands("Zelensky said Ukraine will not leave the Donbas.") == {
        ("UA", "territorial", ("UA-09", "UA-14"))}


def test_regions_only_from_the_demand_itself() -> None:
    text = ("While fighting raged near Kharkiv, Putin demanded that Ukraine withdraw its "
            "troops from Donetsk.")
    assert demands(text) == {("RU", "territorial", ("UA-14",))}


@pytest.mark.parametrize("text", [
    "Russia makes unacceptable demands.",
    "Russia must show willingness to make real concessions, ISW said.",
    "Russian forces launched an offensive on Kostiantynivka.",
    "Putin may demand the rest of Donetsk Oblast at future talks.",
    "Zelensky offered to discuss a neutral status for Ukraine.",
    "Kyiv rejected those terms outright.",
])
def test_not_demands(text: str) -> None:
    assert demands(text) == set()


def test_plan_terms_are_the_plan_owner_s_demands() -> None:
    text = ("The US peace plan lists several points:\n"
            "- Ukraine would withdraw from the rest of Donetsk Oblast.\n"
            "- Ukraine's army would be capped at 600,000 troops.")
    assert demands(text) == {("US", "territorial", ("UA-14",)), ("US", "demilitarization", ())}


def test_demands_carry_sentence_and_isw_attribution() -> None:
    text = HEADLINE + "ISW said the Kremlin demanded that Kyiv cede Luhansk."
    (demand,) = analyse_article(text).demands
    assert demand.isw_attributed
    assert demand.sentence == "ISW said the Kremlin demanded that Kyiv cede Luhansk."


# --- Mechanisms that generalise beyond the dev wording (sentences written for these tests) ---

def test_a_month_named_may_is_no_hypothetical() -> None:
    text = "On 3 May the Kremlin demanded that Kyiv pull its forces out of Kherson Oblast."
    assert demands(text) == {("RU", "territorial", ("UA-65",))}


@pytest.mark.parametrize(("text", "expected"), [
    # A condition put on ending the fighting is a demand of whoever would end it.
    ("Peskov said Moscow would halt its offensive once Kyiv pulled its units out of Luhansk "
     "Oblast and renounced its bid to join NATO.",
     {("RU", "territorial", ("UA-09",)), ("RU", "neutrality", ())}),
    ("The Kremlin would sign a peace deal if Ukraine agreed to shrink its army.",
     {("RU", "demilitarization", ())}),
    # A leading condition: the speaker after the quotation sets it; regions after the outcome
    # are no part of it.
    ('"As soon as Kyiv hands over Zaporizhzhia, we will stop the fighting," Putin told '
     'reporters in Moscow.',
     {("RU", "territorial", ("UA-23",))}),
])
def test_conditions_on_ending_the_war(text: str, expected: set) -> None:
    assert demands(text) == expected


def test_conditions_without_an_ending_are_not_demands() -> None:
    assert demands("If the talks fail, Russian units will keep attacking near Kupiansk.") == set()
    assert demands("ISW assessed that Russia could agree to a truce if pressed.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Lavrov said Kyiv must give up Kharkiv Oblast.", {("RU", "territorial", ("UA-63",))}),
    ("Zakharova stated that Kherson and Zaporizhzhia are integral parts of Russia.",
     {("RU", "territorial", ("UA-65", "UA-23"))}),
    ("Medvedev said Crimea will remain part of Russia forever.",
     {("RU", "territorial", ("UA-43",))}),
    ("Ryabkov said that any deal must protect Russian-speaking people.",
     {("RU", "language_religion", ())}),
    ("Shoigu declared that Moscow would treat the deployment of French troops in Ukraine as "
     "direct involvement in the war.", {("RU", "foreign_troops", ())}),
])
def test_reported_speech_with_an_obligation_or_a_claim(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize("text", [
    "Zelensky said Ukraine must strengthen its air defenses.",
    "ISW said Russia must agree that ceasefire negotiations must precede a settlement.",
    "Putin said Russian forces had captured two villages in Donetsk Oblast.",
])
def test_reported_speech_without_a_stance_is_no_demand(text: str) -> None:
    assert demands(text) == set()


def test_threats_worded_as_warnings() -> None:
    assert demands("Ushakov warned that Russian forces could occupy Dnipropetrovsk Oblast "
                   "unless Kyiv gives in.") == {("RU", "territorial", ("UA-12",))}
    # A warning about the other side's threat is no threat of the one warning.
    assert demands("Zelensky warned that Russian forces could take Sumy.") == set()


def test_a_pronoun_subject_continues_the_previous_speaker() -> None:
    text = ("Medinsky spoke to reporters after the meeting.\n"
            "He threatened that Russian troops could take Chernihiv Oblast.")
    assert demands(text) == {("RU", "territorial", ("UA-74",))}


def test_a_frozen_front_given_in_exchange_is_not_demanded() -> None:
    text = ("The Kremlin insists that Kyiv cede Luhansk Oblast in return for freezing the "
            "front in Kharkiv and Sumy oblasts.")
    assert demands(text) == {("RU", "territorial", ("UA-09",))}
    text = "Moscow wants the front line in Kherson frozen in exchange for Kyiv leaving Donetsk."
    assert demands(text) == {("RU", "territorial", ("UA-14",))}


def test_a_frozen_front_as_a_plan_term_is_territorial() -> None:
    text = ("The US peace plan lists several points:\n"
            "- The line of contact in Kherson Oblast would be frozen.")
    assert demands(text) == {("US", "territorial", ("UA-65",))}


@pytest.mark.parametrize(("text", "expected"), [
    # The owner is named on the carrier even when someone else is the subject.
    ("Kyiv wants changes to a US-backed plan that would require Ukraine to give up Donetsk.",
     {("US", "territorial", ("UA-14",))}),
    ("A Russian-drafted memorandum requires Ukraine to cap its army and ban the deployment "
     "of foreign troops.", {("RU", "demilitarization", ()), ("RU", "foreign_troops", ())}),
    ("The White House plan would recognise Crimea as \"Russian\", cap Ukraine's army at "
     "500,000 and bar Kyiv from ever joining NATO.",
     {("US", "territorial", ("UA-43",)), ("US", "demilitarization", ()),
      ("US", "neutrality", ())}),
])
def test_plan_terms_name_their_owner(text: str, expected: set) -> None:
    assert demands(text) == expected


def test_a_plan_continues_into_the_next_sentence() -> None:
    text = ("Under the American peace plan, Ukraine would cede Luhansk.\n"
            "It would also ease sanctions on Moscow and prohibit the stationing of NATO "
            "troops in Ukraine.")
    assert demands(text) == {("US", "territorial", ("UA-09",)), ("US", "sanctions_relief", ()),
                             ("US", "foreign_troops", ())}


def test_a_document_carries_its_owner_s_demands() -> None:
    text = ("Moscow's memorandum was handed over in Istanbul.\n"
            "The document demands that Kyiv withdraw its troops from Zaporizhzhia.")
    assert demands(text) == {("RU", "territorial", ("UA-23",))}


def test_headline_in_title_case() -> None:
    text = "Kremlin Plan Would Make Ukraine Hand Over Kherson"
    assert {(d.actor, d.demand_type, d.regions) for d in analyse_article(text).demands} == {
        ("RU", "territorial", ("UA-65",))}


def test_each_item_of_a_demand_list_is_a_demand_of_the_introducing_actor() -> None:
    text = ("ISW listed Moscow's main demands:\n"
            "- Kyiv's renunciation of NATO membership;\n"
            "- limits on the size of the Ukrainian Armed Forces;\n"
            "- an end to restrictions on the Russian language.")
    assert demands(text) == {("RU", "neutrality", ()), ("RU", "demilitarization", ()),
                             ("RU", "language_religion", ())}


@pytest.mark.parametrize(("text", "expected"), [
    ("Putin again claimed that Zelensky is no longer the legitimate head of state.",
     {("RU", "regime_change", ())}),
    ("The Kremlin wants Kyiv to hold a presidential election before signing.",
     {("RU", "regime_change", ())}),
    ("Russian officials seek a new government in Kyiv.", {("RU", "regime_change", ())}),
])
def test_regime_change_wordings(text: str, expected: set) -> None:
    assert demands(text) == expected


def test_one_demand_per_type_of_a_coordinated_object() -> None:
    text = ("Moscow demands that Ukraine surrender land, reduce its armed forces and give up "
            "joining NATO.")
    assert demands(text) == {("RU", "territorial", ()), ("RU", "demilitarization", ()),
                             ("RU", "neutrality", ())}


def test_refusals() -> None:
    assert demands("Zelensky said Kyiv will not hand Russia its territory.") == {
        ("UA", "territorial", ())}
    assert demands("Peskov said Moscow would not agree to a truce until Western arms "
                   "deliveries stop.") == {("RU", "aid_halt", ())}
    assert demands("The Kremlin ruled out a truce while Ukrainian forces remain in Kursk.") == {
        ("RU", "other", ())}
    assert demands("Lavrov said Moscow would not accept guarantees involving European "
                   "troops.") == {("RU", "foreign_troops", ())}


def test_talks_that_begin_with_a_ceasefire() -> None:
    assert demands("EU foreign ministers insisted that negotiations start with a full "
                   "ceasefire.") == {("EU", "ceasefire_first", ())}


def test_a_pronoun_object_refers_back_to_the_speaker_s_offer() -> None:
    assert demands("Zelensky said Ukraine backs an immediate ceasefire and urged Russia to "
                   "accept it.") == {("UA", "ceasefire_first", ())}


@pytest.mark.parametrize("text", [
    "Putin urged Kyiv to lift restrictions on the Ukrainian Orthodox Church.",
    "Moscow's Refusal to Soften Its Territorial Demands Stalls Talks",
    "ISW said the Kremlin is unlikely to compromise on its territorial demands.",
    "Kyiv has insisted that guarantees, including a foreign contingent, must be part of any deal.",
])
def test_more_non_demands(text: str) -> None:
    result = demands(text)
    assert ("RU", "sanctions_relief", ()) not in result
    assert ("RU", "territorial", ()) not in result
    assert ("UA", "foreign_troops", ()) not in result


@pytest.mark.parametrize(("text", "expected"), [
    # Nominal demands: the noun carries the content after it ...
    ("Moscow's terms include the withdrawal of Ukrainian forces from Donetsk and Luhansk "
     "oblasts.", {("RU", "territorial", ("UA-14", "UA-09"))}),
    ("Moscow made a ceasefire conditional on Kyiv pulling its troops out of Kherson Oblast.",
     {("RU", "territorial", ("UA-65",))}),
    # ... or closes what it names.
    ("Ukraine's permanent neutrality remains among the Kremlin's core demands.",
     {("RU", "neutrality", ())}),
    ("Control of all of Donetsk Oblast remains one of Moscow's key demands.",
     {("RU", "territorial", ("UA-14",))}),
    ("Peskov said the status of Crimea is non-negotiable.", {("RU", "territorial", ("UA-43",))}),
    ("The Kremlin seeks recognition of Crimea as Russian territory.",
     {("RU", "territorial", ("UA-43",))}),
])
def test_nominal_demands(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize("text", [
    "In terms of manpower, Russia retains an advantage near Pokrovsk.",
    "The terms of the prisoner exchange were not disclosed.",
    "Russian forces advanced near Pokrovsk in line with their goals.",
    "The memorandum the Russian delegation handed over in Istanbul was two pages long.",
])
def test_nouns_without_a_demand(text: str) -> None:
    assert demands(text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Under the US proposal, Ukraine would be required to withdraw from Donetsk Oblast.",
     {("US", "territorial", ("UA-14",))}),
    ("Ukraine is required to hand over Zaporizhzhia Oblast under the Russian memorandum.",
     {("RU", "territorial", ("UA-23",))}),
    ("Ukraine was pressured by the Kremlin to give up its NATO ambitions.",
     {("RU", "neutrality", ())}),
    # The one asked is no asker, and nobody asks here.
    ("Ukraine is required to cede Donetsk Oblast, analysts believe.", set()),
    ("Ukraine was urged by ISW analysts to strengthen its defenses.", set()),
    # A progressive is no passive.
    ("Putin is demanding that Ukraine renounce NATO ambitions.", {("RU", "neutrality", ())}),
])
def test_a_passive_demand_belongs_to_who_asks(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Ukraine must withdraw its troops from all of Donetsk Oblast before any ceasefire, Lavrov "
     "said on Tuesday.", {("RU", "territorial", ("UA-14",))}),
    ("Ukraine has to give up its NATO ambitions, Ushakov told reporters.",
     {("RU", "neutrality", ())}),
    ("Zelensky said that Russia must return all deported children as a condition of any "
     "settlement.", {("UA", "other", ())}),
    ("The fighting near Pokrovsk intensified overnight, Peskov said.", set()),
    ("Ukraine must do more to protect civilians, ISW said.", set()),
])
def test_what_was_said_before_the_speaker(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Putin said Russia will take the rest of Zaporizhzhia Oblast by force if Kyiv refuses "
     "to withdraw.", {("RU", "territorial", ("UA-23",))}),
    ("Putin called for a buffer zone inside Sumy Oblast to protect Russian border areas.",
     {("RU", "territorial", ("UA-59",))}),
    ("Lukashenko insisted that Kyiv must accept the loss of Crimea.",
     {("other", "territorial", ("UA-43",))}),
    ("Zelensky said Ukraine's sovereignty over Crimea is non-negotiable.",
     {("UA", "territorial", ("UA-43",))}),
    # Battlefield, not terms.
    ("Russian forces took Pokrovsk by force after months of fighting.", set()),
    ("ISW assessed that Russian forces seek to create a buffer zone in Kharkiv Oblast.", set()),
    ("A buffer zone separates the two armies near Kharkiv.", set()),
    ("The plan would leave Ukraine vulnerable to a renewed attack, analysts warned.", set()),
])
def test_territorial_threats_buffer_zones_and_losses(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Kyiv demands the return of all Ukrainian children deported to Russia.",
     {("UA", "other", ())}),
    ("Zelensky said any agreement must include an all-for-all prisoner exchange.",
     {("UA", "other", ())}),
    ("Ukraine wants a special tribunal for the crime of aggression.", {("UA", "other", ())}),
    ("Zelensky said Ukraine needs security guarantees before agreeing to a truce.",
     {("UA", "other", ())}),
    ("Zelensky's plan calls for the return of Crimea. It also demands reparations from Russia.",
     {("UA", "territorial", ("UA-43",)), ("UA", "other", ())}),
    ("EU foreign ministers called for an unconditional ceasefire before talks.",
     {("EU", "ceasefire_first", ())}),
    ("A special tribunal opened in The Hague this week, officials said.", set()),
    ("Zelensky said Ukraine needs more Patriot systems to protect civilians.", set()),
    ("The ISW report was published on Friday. It also calls the Russian offensive stalled.",
     set()),
])
def test_ukraine_s_and_europe_s_terms(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize("text", [
    "Kyiv will not agree to lift sanctions on Russia.",
    "European leaders rejected any easing of sanctions on Moscow.",
    "Germany refused to halt its weapons deliveries to Ukraine.",
])
def test_refusing_what_moscow_asks_of_the_west_is_not_asking_it(text: str) -> None:
    assert demands(text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Zelensky rejected neutrality as a betrayal of Ukraine's future.",
     {("UA", "neutrality", ())}),
    ("Kyiv rejected any restrictions on its armed forces.", {("UA", "demilitarization", ())}),
    ("Zelensky said Ukraine will never agree to limits on the size of its army.",
     {("UA", "demilitarization", ())}),
    ("Zelensky rejected calls for Ukraine to hold elections before the war ends.",
     {("UA", "regime_change", ())}),
    # What Moscow's demand asks stays Moscow's.
    ("Kyiv rejected Moscow's demand for neutrality.", {("RU", "neutrality", ())}),
])
def test_refusing_what_moscow_asks_of_ukraine_is_ukraine_s_stance(text: str,
                                                                  expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Putin demanded the removal of the \"neo-Nazi\" regime in Kyiv.",
     {("RU", "regime_change", ())}),
    ("Moscow wants to change Ukraine's government.", {("RU", "regime_change", ())}),
    ("Moscow insisted on a ban on Western weapons supplies to Ukraine during the truce.",
     {("RU", "aid_halt", ())}),
    ("Peskov said Western peacekeepers cannot be deployed in Ukraine.",
     {("RU", "foreign_troops", ())}),
    ("Moscow will not accept troops from any NATO country on Ukrainian soil, Zakharova said.",
     {("RU", "foreign_troops", ())}),
    ("Russia warned against any deployment of European forces in Ukraine.",
     {("RU", "foreign_troops", ())}),
    ("Russian officials insist that any ceasefire be part of a comprehensive settlement.",
     {("RU", "other", ())}),
    ("The Kremlin demands an end to NATO enlargement.", {("RU", "nato_expansion", ())}),
    ("Russia warned against deployment of US missiles in Germany.", set()),
    ("Russian state media claimed Ukraine is run by neo-Nazis.", set()),
])
def test_more_type_wordings(text: str, expected: set) -> None:
    assert demands(text) == expected


def test_a_plan_s_terms_continue_in_sentences_stating_what_would_be() -> None:
    text = ("The US plan would require Kyiv to hold elections.\n"
            "Crimea and Luhansk would be recognized as \"de facto Russian.\" "
            "No NATO troops would be stationed in Ukraine.")
    assert demands(text) == {("US", "regime_change", ()),
                             ("US", "territorial", ("UA-43", "UA-09")),
                             ("US", "foreign_troops", ())}
    assert demands("Witkoff presented the plan in Moscow.\nRussian forces would likely keep "
                   "advancing near Pokrovsk, ISW assessed.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("The Kremlin has called Ukraine's NATO membership a red line.", {("RU", "neutrality", ())}),
    ("Ukraine joining NATO remains a red line for Moscow, Peskov said.",
     {("RU", "neutrality", ())}),
    ("Moscow's red line is Ukraine's membership in NATO.", {("RU", "neutrality", ())}),
    ("Putin said strikes on Moscow are a red line.", set()),
    ("Putin said Russia would agree to a ceasefire only if Ukraine withdraws from Donetsk "
     "Oblast.", {("RU", "territorial", ("UA-14",))}),
    ("Russia will keep fighting unless Kyiv cedes Zaporizhzhia Oblast, Medvedev said.",
     {("RU", "territorial", ("UA-23",))}),
])
def test_red_lines_and_conditions(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A sovereignty claim whose regions stand before it.
    ("Zakharova claimed that Zaporizhia and Kherson oblasts are Russian territory.",
     {("RU", "territorial", ("UA-23", "UA-65"))}),
    ("Ryabkov stated that any peace agreement must take into account the \"realities on the "
     "ground.\"", {("RU", "territorial", ())}),
    ("Lavrov stated that Russia will consider any Western troops in Ukraine legitimate "
     "targets.", {("RU", "foreign_troops", ())}),
    # No claim: a place's location, and a battlefield forecast.
    ("Russian forces shelled Sudzha, which is part of Russia's Kursk Oblast.", set()),
    ("ISW assessed that Russian forces will likely attempt to seize Kostiantynivka.", set()),
])
def test_sovereignty_claims_and_realities_on_the_ground(text: str, expected: set) -> None:
    assert demands(text) == expected


def test_a_sentence_in_which_someone_speaks_does_not_continue_a_plan() -> None:
    assert demands("The US plan would require Kyiv to hold elections.\nAnalysts said Ukraine "
                   "would withdraw from Zaporizhzhia Oblast under pressure.") == {
        ("US", "regime_change", ())}


@pytest.mark.parametrize(("text", "expected"), [
    # Advice is not a party's demand.
    ("Europe should insist that Moscow accept a truce before any talks on borders, the "
     "analysts recommended.", set()),
    # A refusal inside a condition put on the other side is no refusal of its own.
    ("The Kremlin warned it would seize Sumy Oblast unless Ukraine rejected the Western plan.",
     {("RU", "territorial", ("UA-59",))}),
    # Background after "after ...ing" is not part of what is demanded.
    ("Moscow threatened to occupy parts of Chernihiv Oblast after claiming that Ukrainian units "
     "had left Bryansk.", {("RU", "territorial", ("UA-74",))}),
    # The claims or intention someone is asked to give up are not their own demand.
    ("The Belarusian leader urged Ukraine to drop its claims to Luhansk and to stay neutral.",
     {("other", "territorial", ("UA-09",)), ("other", "neutrality", ())}),
    ("Peskov insisted that Kyiv abandon its intention to join NATO and that sanctions be "
     "lifted.", {("RU", "neutrality", ()), ("RU", "sanctions_relief", ())}),
    ("Analysts say Moscow uses language to justify its claims to Ukrainian land.", set()),
])
def test_advice_conditions_background_and_objects_are_not_demands(text: str,
                                                                 expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A second name joined to an object after "by" is an object too.
    ("A US-backed draft, written by envoy Jane Roe and Kremlin aide Ivan Petrov, requires "
     "Ukraine to leave Luhansk Oblast.", {("US", "territorial", ("UA-09",))}),
    # Whom the speaker met is not the speaker.
    ("Zelensky, speaking after meeting US senators, insisted that a full ceasefire must come "
     "before any negotiations.", {("UA", "ceasefire_first", ())}),
])
def test_objects_of_by_and_of_meeting_are_not_the_asker(text: str, expected: set) -> None:
    assert demands(text) == expected


def test_russian_conditions_on_a_truce_are_russia_s_other_demand() -> None:
    text = ("Peskov said Moscow backs a 30-day ceasefire in principle, but questions that must "
            "first be settled remain.")
    assert demands(text) == {("RU", "other", ())}


@pytest.mark.parametrize(("text", "expected"), [
    # Ceasefire-first wordings: a truce "as a first step before", a settlement that "begins
    # with" a ceasefire, a ceasefire "without preconditions".
    ("Chancellor Merz called for a two-week truce as a first step before any discussion of "
     "borders.", {("EU", "ceasefire_first", ())}),
    ("The Ukrainian delegation insists that the peace process must begin with a full ceasefire.",
     {("UA", "ceasefire_first", ())}),
    ("Zelensky said Moscow must agree to a ceasefire without any conditions.",
     {("UA", "ceasefire_first", ())}),
    ("Zelensky said a ceasefire had been discussed without result.", set()),
    # NATO's growth: back to 1997, no more expanding, no more "military blocs".
    ("Ryabkov demanded that the alliance return to the positions of 1997.",
     {("RU", "nato_expansion", ())}),
    ("Beijing wants a halt to the expansion of military blocs near Russia.",
     {("other", "nato_expansion", ())}),
    ("The expansion of military blocs was discussed at the summit.", set()),
    # NATO on its own open door is NATO's other demand, not a limit on its growth.
    ("Rutte stressed that the open-door policy is not up for negotiation.",
     {("NATO", "other", ())}),
    # British spelling of the alliance.
    ("Nato leaders insisted that Kyiv must receive security guarantees.",
     {("NATO", "other", ())}),
])
def test_ceasefire_first_nato_and_guarantee_wordings(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # What a spokesman calls illegitimate, unacceptable or says another "should" do.
    ("Zakharova said the Ukrainian president is not a legitimate leader.",
     {("RU", "regime_change", ())}),
    ("Peskov said any presence of NATO forces in Ukraine would be unacceptable.",
     {("RU", "foreign_troops", ())}),
    ("Lavrov said Ukraine should give up Kherson Oblast.",
     {("RU", "territorial", ("UA-65",))}),
    ("Lavrov said the weather should improve by Friday.", set()),
    # A threat that a zone will grow into a region.
    ("Medvedev threatened that the buffer zone would be expanded into Poltava Oblast.",
     {("RU", "territorial", ("UA-53",))}),
    # A carrier's own demand verb belongs to the carrier's owner.
    ("The Russian memorandum was published on Monday. The memorandum also calls for lifting "
     "sanctions on Russian banks.", {("RU", "sanctions_relief", ())}),
])
def test_spokespeople_zone_threats_and_carriers(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Recognition of sovereignty or of a region as Russian, and what any deal "must" have.
    ("The Kremlin demands several concessions, including recognition of Russia's sovereignty "
     "over Crimea and Sevastopol.", {("RU", "territorial", ("UA-43", "UA-40"))}),
    ("Ushakov said recognition of Luhansk Oblast as Russian territory is an imperative for any "
     "peace agreement.", {("RU", "territorial", ("UA-09",))}),
    ("Ushakov said lifting sanctions is a requirement for a peace deal.",
     {("RU", "sanctions_relief", ())}),
    ("Peskov said a stable connection is a must for the video call.", set()),
    # A ceasefire that must come first or be where talks start.
    ("Zelensky insisted that a ceasefire must come first.", {("UA", "ceasefire_first", ())}),
    ("Starmer said a ceasefire on land and at sea must be the starting point for negotiations.",
     {("EU", "ceasefire_first", ())}),
    ("The ceasefire began first in the north.", set()),
    # Whose pressure to withdraw it is.
    ("Ukraine faces U.S. and Russian pressure to withdraw troops from Donetsk Oblast.",
     {("US", "territorial", ("UA-14",)), ("RU", "territorial", ("UA-14",))}),
    ("Pressure on the front line mounted as troops withdrew from positions near Pokrovsk.",
     set()),
    # Foreign troops in a refusal or in a plan's terms.
    ("Russia would not agree to any deployment of European troops in Ukraine.",
     {("RU", "foreign_troops", ())}),
    ("The US plan includes Ukraine not hosting NATO troops.", {("US", "foreign_troops", ())}),
    ("Poland agreed to hosting NATO troops on its territory.", set()),
    # A cap on the army in a plan's terms.
    ("Under the US plan, Ukraine would cap its armed forces at 600,000 troops.",
     {("US", "demilitarization", ())}),
    ("The report said Ukraine plans to expand its armed forces to 900,000 troops.", set()),
    # A third party telling Ukraine what to give up, not a party giving up its own claims.
    ("Trump said Ukraine should give up its claims to Crimea.",
     {("US", "territorial", ("UA-43",))}),
    ("Vance said Ukraine should forget about joining NATO.", {("US", "neutrality", ())}),
    ("Russia will give up its claims to Kherson Oblast, the analyst wrote.", set()),
    ("Zelensky said Ukraine will not forget about joining NATO.", set()),
    # Ukraine refusing to give land away.
    ("Zelensky said Ukraine would not give Russia land in Donetsk Oblast.",
     {("UA", "territorial", ("UA-14",))}),
    ("Zelensky said he has no legal or moral right to give up Ukrainian territory.",
     {("UA", "territorial", ())}),
    ("Zelensky said he has no time to give interviews this week.", set()),
])
def test_recognition_ceasefire_first_pressure_and_refusal_wordings(text: str,
                                                                   expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Zelensky said Ukraine would not give Russia any of its land.", [("UA", "territorial")]),
        ("Zelensky said Ukraine will never hand Russia Donbas.", [("UA", "territorial")]),
        ("Zelensky said Ukraine would not give Russia any time to regroup.", []),
        ("The minister said Kyiv would not give Moscow the satisfaction of a reply.", []),
    ],
)
def test_refusing_to_give_russia_land_is_territorial_but_not_anything_else(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    found = [(d.actor, d.demand_type) for d in analyse_article(sentence).demands]
    assert found == expected


def test_capitalised_items_of_a_plain_line_list_are_demands_of_the_introducing_actor() -> None:
    text = ("Reporters listed the Kremlin's conditions for a settlement:\n"
            "Withdrawal of Ukrainian forces from Zaporizhzhia and Kherson oblasts.\n"
            "Limits on the number of Ukrainian troops.\n"
            "Recognition of Crimea as part of Russia.\n"
            "Ukrainian negotiators called the list unacceptable.")
    assert demands(text) == {("RU", "territorial", ("UA-23", "UA-65")),
                             ("RU", "demilitarization", ()), ("RU", "territorial", ("UA-43",))}


@pytest.mark.parametrize(("text", "expected"), [
    # Leaving a state or giving up arms is no land.
    ("Moscow wants to cap Ukraine's army at a size that would leave the country defenceless.",
     {("RU", "demilitarization", ())}),
    ("Pro-Kremlin bloggers are claiming that Kyiv will hand over Orthodox shrines to Poland.",
     set()),
    # Land named after the verb, directly or by a count of provinces.
    ("Putin wants Kyiv to hand over four provinces in the south and east.",
     {("RU", "territorial", ())}),
    ("Peskov said the war would go on until Ukrainian troops left the Donbas.",
     {("RU", "territorial", ("UA-09", "UA-14"))}),
])
def test_territorial_verbs_need_land(text: str, expected: set) -> None:
    assert demands(text) == expected


def test_giving_up_arms_is_no_land() -> None:
    found = demands("Lavrov said Ukraine must give up its long-range missiles.")
    assert not any(demand_type == "territorial" for _, demand_type, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("The Kremlin expects Ukraine to pull its forces out of Luhansk Oblast.",
     {("RU", "territorial", ("UA-09",))}),
    ("Moscow wants Washington to recognise Crimea and Sevastopol as part of Russia.",
     {("RU", "territorial", ("UA-43", "UA-40"))}),
    ("Medvedev said that if Kyiv does not want to lose more land, Russia will take it by force.",
     {("RU", "territorial", ())}),
])
def test_wants_and_expectations(text: str, expected: set) -> None:
    assert demands(text) == expected


def test_a_closed_relative_clause_neither_offers_nor_names_the_subject() -> None:
    text = ("Lukashenko, who offered to host the next round in Minsk, said the West must stop "
            "arming Ukraine.")
    assert demands(text) == {("other", "aid_halt", ())}


def test_those_demands_are_the_actor_of_the_sentence_before() -> None:
    text = ("ISW said Putin has not moved away from the terms he set in June 2024.\n"
            "Those demands include a ban on Ukraine's NATO membership and the lifting of "
            "Western sanctions.")
    assert demands(text) == {("RU", "neutrality", ()), ("RU", "sanctions_relief", ())}


def test_terms_of_a_framework_continue_in_the_next_sentence() -> None:
    text = ("The Trump administration's draft peace framework would cap Ukraine's armed forces "
            "at 600,000.\n"
            "It also proposes that Russia be readmitted to the G8 and that sanctions be eased.")
    assert demands(text) == {("US", "demilitarization", ()), ("US", "other", ()),
                             ("US", "sanctions_relief", ())}


@pytest.mark.parametrize(("text", "expected"), [
    ("Kyiv and its European allies insist on a full ceasefire as the first step.",
     {("UA", "ceasefire_first", ()), ("EU", "ceasefire_first", ())}),
    ("Zelensky said Ukraine would join talks only after the guns fall silent.",
     {("UA", "ceasefire_first", ())}),
    ("The Russian memorandum says arms deliveries to Ukraine must stop during a 30-day "
     "ceasefire.", {("RU", "aid_halt", ())}),
    ("The Kremlin said its conditions must be met before it agrees to any truce.",
     {("RU", "other", ())}),
])
def test_truce_wordings(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Zakharova said the Kremlin's rejection of a European reassurance force is final.",
     {("RU", "foreign_troops", ())}),
    ("Under the draft, the alliance would not station troops in Ukraine, the US plan says.",
     {("US", "foreign_troops", ())}),
    ("Zelensky said the constitution forbids him from ceding any territory.",
     {("UA", "territorial", ())}),
])
def test_refusals_and_plan_terms(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("ISW said the plan repeats demands that the Kremlin has voiced since 2022, including "
     "new elections in Ukraine.", {("RU", "regime_change", ())}),
    ("Putin issued what Ukrainian officials called an ultimatum: Kyiv must withdraw from "
     "Luhansk Oblast.", {("RU", "territorial", ("UA-09",))}),
    ('Zakharova said Russia would "never" discuss the status of Crimea.',
     {("RU", "territorial", ("UA-43",))}),
])
def test_who_made_a_demand_named_around_the_noun(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Analysts believe the Kremlin uses the ceasefire talks to stall while its forces advance.",
     set()),
    ("The Kremlin insists there can be no truce while Ukrainian forces remain in Kursk.",
     {("RU", "other", ())}),
    ("Under the US plan, Ukraine would be required to hold presidential and parliamentary "
     "elections within 100 days.", {("US", "regime_change", ())}),
])
def test_truce_conditions_and_elections(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Zelensky said Ukraine cannot cede any land and that a ceasefire has to come first.",
     {("UA", "territorial", ()), ("UA", "ceasefire_first", ())}),
    ("Umerov said Ukraine will not discuss borders before a full ceasefire is in place.",
     {("UA", "ceasefire_first", ())}),
    ("Erdogan said that a truce must be declared first.", {("other", "ceasefire_first", ())}),
    ("Zelensky said he has no right to give away Ukrainian land.", {("UA", "territorial", ())}),
    ("Sybiha said Ukraine would never trade land for a ceasefire.", {("UA", "territorial", ())}),
    ('"We will never recognise Crimea as Russian," Sybiha wrote.',
     {("UA", "territorial", ("UA-43",))}),
])
def test_refusals_and_truce_first_in_more_wordings(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("US asks Ukraine to give up the rest of Donbas, officials say.",
     {("US", "territorial", ("UA-09", "UA-14"))}),
    ("Ukraine is being asked by Moscow to protect the Russian language.",
     {("RU", "language_religion", ())}),
    ("Russian negotiators pressed US envoys to lift sanctions on Russian banks.",
     {("RU", "sanctions_relief", ())}),
    ("Vance said any deal will require Ukraine to accept that it will not regain all of its "
     "territory.", {("US", "territorial", ())}),
    ('Vance said NATO membership for Ukraine is "not on the table" and that Ukraine would need '
     "to remain outside the alliance.", {("US", "neutrality", ())}),
    ('Trump wrote that Crimea "will stay with Russia".', {("US", "territorial", ("UA-43",))}),
    ('Peskov said that Ukraine\'s renunciation of its NATO ambitions is "a key element" of any '
     "agreement.", {("RU", "neutrality", ())}),
    ("Macron said that security guarantees backed by the United States are a precondition for "
     "any lasting peace.", {("EU", "other", ())}),
    ('"Without the withdrawal of Ukrainian forces from the Donbass, we see no possibility of a '
     'settlement," Ushakov said.', {("RU", "territorial", ("UA-09", "UA-14"))}),
    ("The Kremlin demands that Ukraine leave Donetsk Oblast as a precondition for any peace "
     "agreement.", {("RU", "territorial", ("UA-14",))}),
    ("The US framework would bar NATO from stationing troops in Ukraine.",
     {("US", "foreign_troops", ())}),
    ("Zakharova said Moscow would regard the deployment of any Western troops in Ukraine as a "
     "direct threat.", {("RU", "foreign_troops", ())}),
])
def test_asks_presses_and_stances(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Russia claims no region of its own; Belarus as a neutral mediator is no demand.
    ("Putin demanded a buffer zone in Sumy Oblast to shield Belgorod and Kursk.",
     {("RU", "territorial", ("UA-59",))}),
    ("ISW said Minsk echoes Kremlin talking points to present Belarus as a neutral mediator.",
     set()),
    ("Moscow's foreign ministry wants guarantees that restrictions on the Russian language "
     "will be lifted.", {("RU", "language_religion", ())}),
])
def test_what_is_not_claimed(text: str, expected: set) -> None:
    assert demands(text) == expected


def test_a_memorandum_presented_by_an_actor_carries_its_terms_in_the_next_sentence() -> None:
    text = ("Russian negotiators have presented a revised memorandum to Kyiv.\n"
            "The memorandum also demands that Ukraine cap its armed forces at 80,000 troops and "
            "grant the Russian language official status.")
    assert demands(text) == {("RU", "demilitarization", ()), ("RU", "language_religion", ())}


def test_an_owner_answering_a_framework_does_not_own_it() -> None:
    text = ("Moscow rejects revised framework drafted by US negotiators.\n"
            "The framework would give Ukraine security guarantees modelled on Article 5.")
    assert demands(text) == {("US", "other", ())}


@pytest.mark.parametrize(("text", "expected"), [
    # A pronoun opening a new clause is the subject, not the actor of the clause before it.
    ("Putin insists that Ukraine withdraw from Donbas, and he will not tolerate European "
     "peacekeepers.", {("RU", "territorial", ("UA-09", "UA-14")), ("RU", "foreign_troops", ())}),
    # A plan "drafted by" someone is theirs, not an offer.
    ("The peace plan drafted by US envoys would require Ukraine to withdraw from Donetsk "
     "Oblast.", {("US", "territorial", ("UA-14",))}),
    # The closing noun's holder is the speaker, not the possessive inside what was said.
    ("Peskov said that Ukraine's withdrawal from Donbas remained a key condition for a "
     "settlement.", {("RU", "territorial", ("UA-09", "UA-14"))}),
    ("ISW said the plan mirrors demands the Kremlin has made since 2021, including limits on "
     "Ukraine's military.", {("RU", "demilitarization", ())}),
    ("Witkoff said Washington wanted both sides to agree to a full ceasefire before the next "
     "round of talks.", {("US", "ceasefire_first", ())}),
    ("Lavrov said Russia will not accept a settlement that allows Ukraine to join NATO.",
     {("RU", "neutrality", ())}),
    ("Moscow has said that it will only agree to a ceasefire after a peace treaty is signed.",
     {("RU", "other", ())}),
    ("The Kremlin is pressing for the return of Russian central bank assets held in Europe.",
     {("RU", "sanctions_relief", ())}),
    ("Russia demands that Rosatom keep running the Zaporizhzhia Nuclear Power Plant.",
     {("RU", "other", ())}),
    ("The Kremlin has demanded that Ukraine repeal the decree that bans talks with Putin.",
     {("RU", "other", ())}),
    ("Putin demands the removal of Ukraine's legitimate government.",
     {("RU", "regime_change", ())}),
    # Taking a cap out of a plan asks for none.
    ("The delegations trimmed the plan to 19 points, removing the proposed cap on Ukraine's "
     "armed forces.", set()),
])
def test_more_wordings_of_a_sixth_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Medinsky told the Ukrainian delegation that if Kyiv did not accept Russia's terms, Russia "
     "would take Sumy and Kharkiv oblasts as well.", {("RU", "territorial", ("UA-59", "UA-63"))}),
    ("Medvedev wrote that Russia would seize Odesa as well if Ukraine kept refusing Moscow's "
     "conditions.", {("RU", "territorial", ("UA-51",))}),
    # A forecast, with no condition put on the talks, is no threat.
    ("ISW assessed that Russia will seize Kostiantynivka if Ukrainian defenses collapse.", set()),
])
def test_a_seizure_conditioned_on_the_talks_is_a_threat(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ('Ryabkov listed what he called the "indispensable" elements of any deal: Ukraine\'s '
     "non-bloc status, a ban on foreign military contingents on Ukrainian soil and "
     "international recognition of Crimea.",
     {("RU", "neutrality", ()), ("RU", "foreign_troops", ()), ("RU", "territorial", ("UA-43",))}),
    ("Türkiye insisted that any settlement must respect Ukraine's territorial integrity, "
     "including Crimea.", {("other", "territorial", ("UA-43",))}),
    ("The plan would commit the alliance to not expanding further.",
     {("US", "nato_expansion", ())}),
    ('Kremlin officials continue to call Zelensky "illegitimate" and demand new elections.',
     {("RU", "regime_change", ())}),
    ("The withdrawal of Ukrainian forces from the Donbass remains a prerequisite for a "
     "ceasefire, Peskov said.", {("RU", "territorial", ("UA-09", "UA-14"))}),
    ("Peskov said Russia would not agree to a pause in hostilities until its conditions were "
     "met.", {("RU", "other", ())}),
    ("Russian officials told Western interlocutors that Moscow would only sign a treaty with a new "
     "Ukrainian government.", {("RU", "regime_change", ())}),
    ('Putin said the lands of Novorossiya "must return home to Russia" and that Russia would '
     "never give up its claim to them.", {("RU", "territorial", ())}),
    ("Putin repeated that any settlement must address the eastward expansion of NATO.",
     {("RU", "nato_expansion", ())}),
])
def test_wordings_of_a_seventh_round(text: str, expected: set) -> None:
    found = demands("The US plan was published on Monday.\n" + text
                    if "plan would" in text else text)
    assert found == expected


def test_items_under_a_heading_without_a_colon() -> None:
    text = ("Kremlin's conditions unchanged, think tank says\n"
            "ISW said Russia has not softened its demands.\n"
            "KEY KREMLIN DEMANDS IDENTIFIED BY ISW\n"
            "1) Ukraine's withdrawal from all of Luhansk Oblast.\n"
            "2) A legally binding ban on Ukraine's membership in NATO.\n"
            "3) Caps on the size of Ukraine's armed forces.")
    assert {(d.actor, d.demand_type, d.regions) for d in analyse_article(text).demands} == {
        ("RU", "territorial", ("UA-09",)), ("RU", "neutrality", ()),
        ("RU", "demilitarization", ())}


@pytest.mark.parametrize(("text", "expected"), [
    ("The Russian foreign ministry said it would reject any plan that involved troops from Nato "
     "countries in Ukraine.", {("RU", "foreign_troops", ())}),
    ("ISW said Russian officials signal that Moscow wants the entire Donbas.",
     {("RU", "territorial", ("UA-09", "UA-14"))}),
    ("Zelenskyy said Ukraine would not legally recognize the occupation of Crimea.",
     {("UA", "territorial", ("UA-43",))}),
    ("The U.S. peace proposal presented to Ukraine in Paris would formally recognize Russia's "
     "control over Crimea.", {("US", "territorial", ("UA-43",))}),
    ("The US plan was published on Monday.\nThe plan also rules out NATO membership for "
     "Ukraine.", {("US", "neutrality", ())}),
    ("The US plan was published on Monday.\nIt also stated that Ukraine would enshrine in its "
     "constitution that it will not join NATO.", {("US", "neutrality", ())}),
])
def test_wordings_of_an_eighth_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Medvedev wrote that Russia must also take Odessa if Kyiv rejects the peace plan.",
     {("RU", "territorial", ("UA-51",))}),
    ("Sybiha said Ukraine would not accept any deal that legitimises the occupation of its "
     "territory.", {("UA", "territorial", ())}),
    ("Kallas said any peace agreement must include limits on the size of Russia's army.", set()),
    ("The US plan would bar Ukraine from joining NATO and require Ukraine to withdraw from "
     "Donetsk Oblast.", {("US", "neutrality", ()), ("US", "territorial", ("UA-14",))}),
    ("Zelensky said Ukraine would never hand over the Zaporizhzhia Nuclear Power Plant to "
     "Russia.", {("UA", "territorial", ("UA-23",))}),
    ("Reuters reported that the revised US framework no longer requires Ukraine to cap its "
     "army.", set()),
    ('Grushko said any European military contingent in Ukraine would be a "direct threat" to '
     "Russia.", {("RU", "foreign_troops", ())}),
])
def test_wordings_of_a_ninth_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Officials worry that Washington is drifting toward the Kremlin's terms, which include "
     "Ukraine's withdrawal from the Luhansk region.", {("RU", "territorial", ("UA-09",))}),
    ("Putin repeated that Ukraine must recognise the loss of the Kherson region.",
     {("RU", "territorial", ("UA-65",))}),
    ("Putin also stated that Russia would not stop its offensive until its conditions are met.",
     {("RU", "other", ())}),
    ("The plan drafted by Trump envoy Steve Witkoff would have required Ukraine to give up the "
     "remainder of the Donbas and to accept a ceiling of 600,000 on its armed forces.",
     {("US", "territorial", ("UA-09", "UA-14")), ("US", "demilitarization", ())}),
    ("Russia has again linked any maritime ceasefire to the reconnection of the state "
     "agricultural bank Rosselkhozbank to SWIFT.", {("RU", "sanctions_relief", ())}),
    ("Russian officials have since added that Ukraine must hold new elections.",
     {("RU", "regime_change", ())}),
    ("Zelensky said Ukraine will never legally recognise Russian sovereignty over Crimea.",
     {("UA", "territorial", ("UA-43",))}),
    ("The Ukrainian delegation insisted that an unconditional ceasefire come first.",
     {("UA", "ceasefire_first", ())}),
    ("Lavrov has repeatedly called Zelensky illegitimate.", {("RU", "regime_change", ())}),
    ("Dmitriev said the return of Russia's frozen central bank reserves would have to be part "
     "of any deal.", {("RU", "sanctions_relief", ())}),
    ("Ushakov said Russia would insist on the lifting of restrictions on the Russian language "
     "in schools.", {("RU", "language_religion", ())}),
])
def test_wordings_of_a_tenth_round(text: str, expected: set) -> None:
    assert demands(text) == expected


def test_items_of_a_list_whose_document_was_presented_by_an_official() -> None:
    text = ("The memorandum, presented by presidential aide Vladimir Medinsky, sets out "
            "conditions.\n"
            "The final settlement section includes the following demands:\n"
            "- Ukraine's neutrality and its renunciation of membership in any military alliance;\n"
            "- official status for the Russian language.")
    assert demands(text) == {("RU", "neutrality", ()), ("RU", "language_religion", ())}


@pytest.mark.parametrize(("text", "expected"), [
    ("The analysts pointed to the statement of Sergei Ryabkov, who claimed that any settlement "
     "must guarantee that Ukraine will never join NATO.", {("RU", "neutrality", ())}),
    ("Ryabkov stated that guarantees of NATO's non-expansion are a mandatory element of any "
     "agreement.", {("RU", "nato_expansion", ())}),
    ("Ryabkov also claimed that the alliance must return to its 1997 borders.",
     {("RU", "nato_expansion", ())}),
    ("Russian officials have rejected any deployment of European troops to Ukraine as part of "
     "post-war security guarantees.", {("RU", "foreign_troops", ())}),
])
def test_wordings_of_an_eleventh_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Putin has conditioned any settlement of the war on Ukraine's withdrawal from the parts "
     "of Donetsk Oblast it still controls.", {("RU", "territorial", ("UA-14",))}),
    # What would be frozen is not claimed; what the condition asks is.
    ("Putin told Witkoff that he would freeze the front line in Zaporizhzhia and Kherson "
     "oblasts if Kyiv ceded the rest of Donbas.", {("RU", "territorial", ("UA-09", "UA-14"))}),
    ("Sybiha said Ukraine would not hand over a single square kilometre of its territory.",
     {("UA", "territorial", ())}),
    ("Zelensky said Ukraine will not give up an inch of its land.", {("UA", "territorial", ())}),
    ("Zelensky said Ukraine will never recognise Russia's occupation of any Ukrainian land.",
     {("UA", "territorial", ())}),
    ("The memorandum presented by Medinsky calls for Russian to be given the status of an "
     "official language in Ukraine.", {("RU", "language_religion", ())}),
    ("Putin demanded that Ukraine should not use the pause to mobilise new soldiers or "
     "receive weapons from the West.", {("RU", "aid_halt", ())}),
    # Measures that are no land.
    ("Zelensky said Ukraine would not give up its demand for a 30-kilometre buffer.", set()),
])
def test_wordings_of_a_twelfth_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A condition whose speaker is named at the end.
    ("Hostilities in Ukraine will cease as soon as the Kiev regime withdraws its troops from "
     "the territory of the Donetsk and Lugansk People's Republics, Kremlin Spokesman Dmitry "
     "Peskov told reporters.", {("RU", "territorial", ("UA-14", "UA-09"))}),
    ('Peskov said the status of the Zaporozhye and Kherson Regions, which became part of '
     'Russia under the Constitution, "is not subject to discussion."',
     {("RU", "territorial", ("UA-23", "UA-65"))}),
    # An actor's adjective owns the demand noun.
    ("ISW said that Russian demands for the recognition of Russian sovereignty over Crimea "
     "remain unchanged.", {("RU", "territorial", ("UA-43",))}),
    ("The memorandum that the Russian delegation handed over in Istanbul, whose terms include "
     "a ban on Ukraine joining any military alliance, was rejected by Kyiv.",
     {("RU", "neutrality", ())}),
    # A second verb of the same subject is read on its own.
    ('Kyiv would not accept any truce "that depends on the goodwill of the aggressor" and '
     'called for an unconditional ceasefire on land, at sea and in the air.',
     {("UA", "ceasefire_first", ())}),
    ("Lavrov said that any deployment of military contingents of NATO countries in Ukraine "
     "would be regarded as foreign intervention.", {("RU", "foreign_troops", ())}),
    ("Kremlin ties peace deal to release of frozen assets", {("RU", "sanctions_relief", ())}),
    ("Moscow has made the return of €210bn in frozen central bank assets a condition of any "
     "peace agreement.", {("RU", "sanctions_relief", ())}),
    ("EU leaders insisted that Russia must pay for the reconstruction of Ukrainian cities.",
     {("EU", "other", ())}),
    # What a party proposes that another do is asked, not offered.
    ("The United States has proposed that Ukrainian troops leave the part of Donetsk Oblast "
     "they control, which would become a demilitarised free economic zone.",
     {("US", "territorial", ("UA-14",))}),
    ("Orban said Europe should stop sending weapons to Ukraine.", {("other", "aid_halt", ())}),
    # Not about the war's end.
    ("Russia offered to turn the talks into a regular format.", set()),
])
def test_wordings_of_a_thirteenth_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Places struck are not claimed, also in a relative clause inside the demand.
    ("Putin's insistence on Kyiv's withdrawal from the remainder of Donetsk Oblast, which he "
     "repeated on Jan. 16 while Russian drones struck energy facilities in Kharkiv and Odesa, "
     "shows the Kremlin is not ready for compromise.", {("RU", "territorial", ("UA-14",))}),
    ("Zelensky rejected Russia's demand that Ukraine withdraw from Donetsk and Luhansk "
     "oblasts, which Moscow repeated as Russian missiles hit Kyiv and Zaporizhzhia.",
     {("RU", "territorial", ("UA-14", "UA-09"))}),
    # What an analyst foresees a demand leading to is not claimed.
    ("An analyst said Russia's demand for the remainder of Donetsk Oblast would be followed "
     "by new claims on Dnipropetrovsk and Zaporizhzhia oblasts.",
     {("RU", "territorial", ("UA-14",))}),
    ("Putin's demand for the rest of Donbas would give Russia a launchpad for attacks on "
     "Kharkiv, Dnipropetrovsk and Zaporizhzhia oblasts.",
     {("RU", "territorial", ("UA-09", "UA-14"))}),
    # A threat to strike and seize keeps what it would seize.
    ("Medvedev threatened that Russia would strike and seize Odesa if Kyiv refuses the terms.",
     {("RU", "territorial", ("UA-51",))}),
    ("ISW said Putin's demand would require Ukraine to abandon its fortress belt of "
     "Sloviansk, Kramatorsk and Kostiantynivka.", {("RU", "territorial", ("UA-14",))}),
    ("Ukraine will not abandon its NATO ambitions, Zelensky said.", {("UA", "neutrality", ())}),
    # Giving in to demands names none before the noun.
    ("ISW said the US plan's provisions requiring Ukraine to give up Donbas amount to "
     "Ukraine's capitulation to Russia's original war demands.",
     {("US", "territorial", ("UA-09", "UA-14"))}),
])
def test_what_a_demand_sentence_names_but_does_not_claim(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Conditions named by who set them out, read back by "Those conditions".
    ("Peskov said Russia would not agree to a moratorium on strikes against energy "
     "infrastructure until Kyiv accepts the “key conditions” set out by Vladimir Putin in "
     "June 2024. Those conditions include the withdrawal of Ukrainian forces from the Donetsk "
     "and Luhansk regions.",
     {("RU", "other", ()), ("RU", "territorial", ("UA-14", "UA-09"))}),
    # A land change put to a vote asks for the vote.
    ("Ukrainian officials have said any withdrawal from Donetsk would have to be approved in "
     "a national referendum.", {("UA", "other", ())}),
    ("Zelensky rules out withdrawal from Donbas, says referendum needed for any territorial "
     "deal", {("UA", "territorial", ("UA-09", "UA-14")), ("UA", "other", ())}),
    ('The leaders of France and Germany said that "borders must not be changed by force."',
     {("EU", "territorial", ())}),
    ("Starmer said Ukraine must be able to keep its armed forces strong enough to deter "
     "future attacks.", {("EU", "demilitarization", ())}),
    ("Putin wants a Ukrainian army too small to threaten Russia again.",
     {("RU", "demilitarization", ())}),
    ("European governments have said the truce should begin immediately and without "
     "preconditions.", {("EU", "ceasefire_first", ())}),
    ("Washington has pushed both sides to agree to an immediate ceasefire.",
     {("US", "ceasefire_first", ())}),
    ("The US plan would also cap Ukraine's armed forces at 800,000 troops while phasing out "
     "some sanctions on Russia.", {("US", "demilitarization", ()), ("US", "sanctions_relief", ())}),
    ("Zelensky stressed that Ukraine would not recognize occupied Ukrainian territories, "
     "including the nuclear power plant in Enerhodar and Melitopol, as Russian.",
     {("UA", "territorial", ("UA-23",))}),
    ("Medvedev wrote that Russia would continue the war until Ukraine recognizes the new "
     "realities, including the loss of Zaporizhzhia and Kherson.",
     {("RU", "territorial", ("UA-23", "UA-65"))}),
    ("Grushko demanded that NATO provide legally binding guarantees that it will not expand "
     "eastward.", {("RU", "nato_expansion", ())}),
    # Frozen assets kept or used are no relief; kept until reparations are paid, they are
    # Europe's condition.
    ("Von der Leyen said frozen Russian assets will not be returned without reparations.",
     {("EU", "other", ())}),
    ("EU leaders agreed to use immobilised Russian assets to fund a loan to Ukraine.", set()),
])
def test_wordings_of_a_fourteenth_round(text: str, expected: set) -> None:
    assert demands(text) == expected


def test_a_plan_s_options_and_terms_carry_its_owner_over_several_sentences() -> None:
    text = (
        "The document, presented by Kremlin aide Vladimir Medinsky, outlines two options. "
        "Under the first option, Ukraine is required to withdraw its forces completely from "
        "Donetsk and Luhansk oblasts.\n"
        "Moscow's terms also include Ukraine's neutrality.\n"
        "Under the second option, Kyiv would have to halt mobilization and hold elections.\n"
        "The memorandum also calls for the lifting of Western sanctions.")
    assert {(a, t) for a, t, _ in demands(text)} >= {
        ("RU", "territorial"), ("RU", "neutrality"), ("RU", "aid_halt"),
        ("RU", "regime_change"), ("RU", "sanctions_relief")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Lavrov warned that the army would decide the issue if Kyiv does not accept Moscow's "
     "proposals for the demilitarization of Ukraine.", {("RU", "demilitarization", ())}),
    ("ISW said Moscow's rejection of European peacekeepers is part of a wider demand that the "
     "West abandon its military support for Ukraine.",
     {("RU", "foreign_troops", ()), ("RU", "aid_halt", ())}),
    # Refusing guarantees, and nothing else, asks for none.
    ("Russian officials will reject any peace agreement that includes Western security "
     "guarantees for Ukraine.", {("RU", "other", ())}),
    # An offer does not reach a second verb of its own.
    ("Erdogan offered to host a new round of talks and said any lasting peace must respect "
     "Ukraine's territorial integrity.", {("other", "territorial", ())}),
    ("Xi said China opposes any further expansion of military blocs in Europe.",
     {("other", "nato_expansion", ())}),
    ("Ukrainian officials insisted that Russian troops must leave all occupied territories, "
     "including Crimea.", {("UA", "territorial", ("UA-43",))}),
    ('Trump said Russia must agree to end the war or face "very severe" tariffs.',
     {("US", "other", ())}),
])
def test_wordings_of_a_fifteenth_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Zelensky stated that Ukraine will not make any concessions on language or church as "
     "part of negotiations.", {("UA", "language_religion", ())}),
    ("Russia's insistence that Ukraine hand over the rest of the Donbas region leaves little "
     "room for a deal even as U.S. mediators push for a ceasefire.",
     {("RU", "territorial", ("UA-09", "UA-14")), ("US", "ceasefire_first", ())}),
    ("Sybiha said Kyiv would sign no agreement that did not include binding security "
     "guarantees.", {("UA", "other", ())}),
    ("Putin insists on a ban on western troops in Ukraine.", {("RU", "foreign_troops", ())}),
    ("Ushakov said the plan must include Ukraine's exit from Donbas.",
     {("RU", "territorial", ("UA-09", "UA-14"))}),
    # NATO's forces leaving its members is no land of Ukraine.
    ("Ryabkov demanded that the alliance withdraw forces from members that joined after 1997 "
     "and return to its 1997 borders.", {("RU", "nato_expansion", ())}),
    ("Washington proposed that both sides pull back from the Zaporizhzhia nuclear power plant.",
     {("US", "other", ())}),
])
def test_wordings_of_a_sixteenth_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Moscow will not accept a settlement without legally binding guarantees that NATO will "
     "stop moving east, Ryabkov said.", {("RU", "nato_expansion", ())}),
    ("Ryabkov said the alliance's 2008 promise of eventual membership to Ukraine must be "
     "formally withdrawn.", {("RU", "nato_expansion", ())}),
    ("The Kremlin said that Ukraine's withdrawal from the Donbas region remained a key "
     "condition for ending the war.", {("RU", "territorial", ("UA-09", "UA-14"))}),
    ('Rubio said that "the first step has to be a full ceasefire."',
     {("US", "ceasefire_first", ())}),
    ("Zelensky said Ukraine will not withdraw from Donbas and called for a ceasefire along "
     "the current line of contact.",
     {("UA", "territorial", ("UA-09", "UA-14")), ("UA", "ceasefire_first", ())}),
    ('Erdogan called for a ceasefire "before the parties sit down at the table."',
     {("other", "ceasefire_first", ())}),
    ("Medvedev threatens to claim Odesa if Kyiv keeps stalling",
     {("RU", "territorial", ("UA-51",))}),
    ("Medvedev wrote that if Ukraine keeps rejecting Moscow's terms, Russia could add Odesa, "
     "Mykolaiv and Kharkiv to the list of territories it claims.",
     {("RU", "territorial", ("UA-51", "UA-48", "UA-63"))}),
    ("He said the war must end with the complete dismantling of the current Ukrainian "
     "government.", set()),
    ("Medvedev said the war must end with the complete dismantling of the current Ukrainian "
     "government.", {("RU", "regime_change", ())}),
    ("Shoigu said Russia would accept only security guarantees for Ukraine that include Russia "
     "as a guarantor.", {("RU", "other", ())}),
    ('"Without a solution to the territorial question, we do not see a way to a settlement," '
     "Peskov said.", {("RU", "territorial", ())}),
    ("Starmer said any deal must allow Ukraine to keep a strong army with no externally "
     "imposed limits.", {("EU", "demilitarization", ())}),
    ('Ryabkov said Moscow expects the West to stop "pumping weapons" into Ukraine.',
     {("RU", "aid_halt", ())}),
    ("Sybiha said Ukraine is ready to discuss a ceasefire, but only with security guarantees "
     "that work on day one.", {("UA", "other", ())}),
    # A ceasefire before territorial questions: no land is asked for.
    ("Kellogg said a ceasefire must be agreed before any discussion of territorial questions.",
     {("US", "ceasefire_first", ())}),
    # The think tank's home city is no actor.
    ("ISW, a Washington-based think tank, said the Kremlin uses the church issue to justify its "
     "demand for regime change in Ukraine.", {("RU", "regime_change", ())}),
    # Restrictions on a church are no sanctions.
    ("Lavrov demanded that Ukraine lift restrictions on the Russian-linked Ukrainian Orthodox "
     "Church.", {("RU", "language_religion", ())}),
])
def test_wordings_of_a_seventeenth_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("According to Peskov, the Kiev regime must also abandon its plans to join NATO.",
     {("RU", "neutrality", ())}),
    ("Zakharova did say that any settlement would have to guarantee the rights of Russian "
     "speakers.", {("RU", "language_religion", ())}),
    # Elections put after a truce: no truce before talks is asked for.
    ("Zelensky said Ukraine would hold elections only after a full ceasefire.",
     {("UA", "other", ())}),
    # "no say" is no speech; a text quoted is no speaker.
    ("Rutte stressed that Russia will have no say over the alliance's decisions and that "
     "NATO's open-door policy is not up for negotiation.", {("NATO", "other", ())}),
    ('The US plan was leaked. Crimea, Luhansk and Donetsk would be recognized as "de facto '
     'Russian," according to the text.', {("US", "territorial", ("UA-43", "UA-09", "UA-14"))}),
])
def test_wordings_of_an_eighteenth_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ('Peskov said that elections must be held in Ukraine before any peace treaty can be signed.',
     {("RU", "regime_change", ())}),
    ("Zakharova said that no European soldiers can be present in Ukraine under any agreement.",
     {("RU", "foreign_troops", ())}),
    ("Moscow still insists that no Western soldier may set foot in Ukraine.",
     {("RU", "foreign_troops", ())}),
    ("Dmitriev said Russia expected Washington to lift restrictions on Aeroflot and major "
     "Russian banks.", {("RU", "sanctions_relief", ())}),
    ('Peskov said that "a sustainable peace is impossible while the Nazi regime remains in '
     'Kyiv."', {("RU", "regime_change", ())}),
    ("ISW assessed that the Kremlin still seeks to replace Ukraine's democratically elected "
     "government with a pro-Russian one.", {("RU", "regime_change", ())}),
    ("Putin keeps calling Zelensky illegitimate.", {("RU", "regime_change", ())}),
    ("Ryabkov rejected US and European proposals for an immediate ceasefire.",
     {("US", "ceasefire_first", ()), ("EU", "ceasefire_first", ())}),
    ("Hungary’s prime minister said the EU should lift sanctions on Russian energy.",
     {("other", "sanctions_relief", ())}),
    # Restrictions on Ukraine are no sanctions on Russia.
    ("The US lifted restrictions on Ukraine's use of long-range missiles.", set()),
])
def test_wordings_of_a_nineteenth_round(text: str, expected: set) -> None:
    assert demands(text) == expected


def test_a_refusal_inside_a_condition_is_no_demand_of_the_refuser() -> None:
    text = ('"If the Kyiv regime refuses to leave Donbas, the next stage will be Zaporizhzhia '
            'and Odesa," Medvedev wrote.')
    assert not any(actor == "UA" for actor, _, _ in demands(text))


def test_only_on_the_basis_of_a_truce_is_a_stance() -> None:
    text = ("Umerov said Ukraine would continue talks only on the basis of an unconditional "
            "ceasefire.")
    assert demands(text) == {("UA", "ceasefire_first", ())}


def test_raising_the_question_of_a_withdrawal_asks_for_it() -> None:
    text = ("The Kremlin said its delegation would again raise the question of Ukraine's "
            "withdrawal from the Donbas as a priority.")
    assert demands(text) == {("RU", "territorial", ("UA-09", "UA-14"))}


@pytest.mark.parametrize(("text", "expected"), [
    # "so-called" is no speech verb: the regions stay in the demand.
    ("Russia demanded that Ukraine withdraw its troops from all of the so-called LNR and DNR.",
     {("RU", "territorial", ("UA-09", "UA-14"))}),
    ("The Kremlin sees no alternative to the Kiev regime withdrawing its forces from the Donetsk "
     "and Lugansk People's Republics, Ushakov told reporters.",
     {("RU", "territorial", ("UA-14", "UA-09"))}),
    ('Ushakov said a settlement would be impossible until Ukrainian troops leave "the territory '
     'of Donbas" in its entirety.', {("RU", "territorial", ("UA-09", "UA-14"))}),
    ('Medvedev went further, writing on Telegram that "Kharkov, Odessa and Nikolaev are Russian '
     'cities" and that Kyiv should accept this.',
     {("RU", "territorial", ("UA-63", "UA-51", "UA-48"))}),
    # The offer answered is no offer made.
    ('The Kremlin dismissed the offer, with Peskov saying that Ukraine must first withdraw from '
     'the "territory of the Donetsk People\'s Republic."', {("RU", "territorial", ("UA-14",))}),
    ('Putin has again called for a "sanitary zone" along the border in Sumy and Kharkiv '
     'oblasts.', {("RU", "territorial", ("UA-59", "UA-63"))}),
    ("ISW said the Kremlin continues to claim territory far beyond the areas its forces occupy, "
     "including Mykolaiv and Odesa oblasts.", {("RU", "territorial", ("UA-48", "UA-51"))}),
    ('Lavrov stated that the West must respect "the will of the residents of Crimea and Donbas '
     'expressed in the referendums."', {("RU", "territorial", ("UA-43", "UA-09", "UA-14"))}),
    ('Yermak said Ukraine would "not give the occupier a single meter" of the Donetsk region.',
     {("UA", "territorial", ("UA-14",))}),
    ("ISW reported that a US-backed proposal envisioned freezing the front line in Zaporizhzhia "
     "and Kherson oblasts.", {("US", "territorial", ("UA-23", "UA-65"))}),
    # Not "in writing", not "claimed territorial gains", not a leader "left" in power.
    ("The West must commit in writing to halt NATO's eastward enlargement, Putin said.",
     {("RU", "nato_expansion", ())}),
    ("The Russian Defense Ministry claimed territorial gains near Pokrovsk.", set()),
    ('Lavrov said Moscow would not accept any settlement that leaves "Ukrainian Nazis" in '
     'power.', {("RU", "regime_change", ())}),
    # A club the Kremlin favours is not the Kremlin.
    ("The Kremlin-friendly Valdai club published a paper arguing that Ukraine's neutrality "
     "should be guaranteed by the great powers.", set()),
])
def test_wordings_of_a_twentieth_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # What a party asks for what it gives; the land it gives is not asked for.
    ("Witkoff told European officials that Putin had offered to hand back small parts of the "
     "Sumy and Dnipropetrovsk regions in exchange for all of Donetsk.",
     {("RU", "territorial", ("UA-14",))}),
    ("The report examines a Russian proposal under which Russia would return small areas of "
     "Sumy oblast in exchange for Ukraine's withdrawal from Donetsk Oblast.",
     {("RU", "territorial", ("UA-14",))}),
    ("Zelensky said Ukraine was ready to give up its bid for NATO membership in exchange for "
     "legally binding security guarantees.", {("UA", "other", ())}),
    # Nobody gives: the plan's terms, not an exchange of its own.
    ("The updated US framework would require Ukraine to withdraw from the part of Donetsk it "
     'holds in exchange for a "free economic zone".', {("US", "territorial", ("UA-14",))}),
    # An exchange only imagined.
    ("If Zelensky were invited, he could propose a deal where Russian forces withdraw from "
     "Kherson in exchange for gradual sanctions relief.", set()),
])
def test_what_is_asked_in_exchange(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Talks in Geneva ended without agreement, with Moscow demanding control of the whole of "
     "the Zaporizhzhia and Kherson regions.", {("RU", "territorial", ("UA-23", "UA-65"))}),
    # Russia refusing a truce, no condition named: its stance on ending the war.
    ("The Kremlin continues to reject a general ceasefire along the current front line.",
     {("RU", "other", ())}),
    # A condition named is the demand; the refusal adds nothing.
    ("Kremlin officials continue to reject a ceasefire unless Western countries stop supplying "
     "weapons to Ukraine.", {("RU", "aid_halt", ())}),
    ("Ukrainian officials said Kyiv would not accept any clause that legalizes the occupation of "
     "its territory.", {("UA", "territorial", ())}),
    ("Zelensky responded that Ukraine would not give its land to the occupier.",
     {("UA", "territorial", ())}),
    ("Sybiha said Kyiv would not change its language law as part of any deal.",
     {("UA", "language_religion", ())}),
    ('Putin has repeatedly called Odesa a "Russian city".', {("RU", "territorial", ("UA-51",))}),
    ("Peskov repeated that Russia wanted Ukrainian forces out of Donbas.",
     {("RU", "territorial", ("UA-09", "UA-14"))}),
    ("The US plan proposed that Ukraine adopt EU rules on religious tolerance and protect "
     "linguistic minorities.", {("US", "language_religion", ())}),
    ('Umerov said Kyiv would "never hand over" the cities of Zaporizhzhia and Kherson.',
     {("UA", "territorial", ("UA-23", "UA-65"))}),
    ("Zelensky said Ukraine would not trade Donbas for promises.",
     {("UA", "territorial", ("UA-09", "UA-14"))}),
    ("European leaders said there must be no limitations on Ukraine's armed forces.",
     {("EU", "demilitarization", ())}),
    ("Merz told reporters that Ukraine's future NATO membership should not be taken off the "
     "table.", {("EU", "neutrality", ())}),
    ('Ryabkov stated that Russia requires "ironclad" guarantees that NATO will not deploy forces '
     'to Ukraine.', {("RU", "foreign_troops", ())}),
    ('"Borders cannot be changed by force," European Commission President Ursula von der Leyen '
     'told reporters on the sidelines of a summit in Luanda.', {("EU", "territorial", ())}),
    ("Moscow would accept a truce only if Kyiv halted mobilization and froze the delivery of "
     "Western weapons.", {("RU", "aid_halt", ())}),
    ("Zelensky said any agreement must begin with a ceasefire along the current line of contact.",
     {("UA", "ceasefire_first", ())}),
    # A country named as an owner in passing does not speak.
    ("State television has stepped up claims that Ukraine's southern cities belong to Russia, "
     'with host Vladimir Solovyov declaring that "Kharkov and Odessa are Russian cities."', set()),
    ("Ukraine wants to trade Russian gas through its pipelines.", set()),
])
def test_wordings_of_a_twenty_first_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # An offer of nothing is no offer.
    ("It said the Kremlin had offered no concessions of its own and continued to insist on "
     "Ukraine's neutrality.", {("RU", "neutrality", ())}),
    ("Sybiha said Ukraine would never abandon its course towards the EU and NATO.",
     {("UA", "neutrality", ())}),
    ('He said Russia would stop fighting "when Ukrainian troops leave the territories they '
     'occupy."', {("RU", "territorial", ())}),
    ('Lavrov said Moscow would not accept any settlement that leaves "Ukrainian Nazis" in '
     'power in Kyiv.', {("RU", "regime_change", ())}),
    ('Umerov said Ukraine would not hold elections "under the barrel of a gun."',
     {("UA", "regime_change", ())}),
    # Not a refusal: what was not done.
    ("Lavrov called Zelensky illegitimate because Ukraine did not hold elections in 2024.",
     {("RU", "regime_change", ())}),
    ("Russia has demanded a new vote in Ukraine, claiming that Zelensky's mandate expired.",
     {("RU", "regime_change", ())}),
    ("ISW said the Kremlin is trying to secure sanctions relief before making any concessions.",
     {("RU", "sanctions_relief", ())}),
    # A church's status is no land.
    ("Peskov said the Russian side had raised the question of the status of the Russian "
     "Orthodox Church in Ukraine.", {("RU", "language_religion", ())}),
    ("Putin is effectively demanding that Ukraine disarm before negotiations begin.",
     {("RU", "demilitarization", ())}),
    ('Kallas said Europe would not accept "any limits on Ukraine\'s ability to defend itself."',
     {("EU", "demilitarization", ())}),
    ("Peskov said Western sanctions on Russian agricultural exports and the SWIFT disconnection "
     "of state banks must be lifted before Moscow agrees to any new ceasefire.",
     {("RU", "sanctions_relief", ())}),
    ('Dmitriev said the return of Russian assets frozen in Europe was "a precondition for any '
     'normalization."', {("RU", "sanctions_relief", ())}),
])
def test_wordings_of_a_twenty_second_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Kremlin officials rejected the latest proposals, claiming that any Western military "
     "presence in Ukraine would be a legitimate target.", {("RU", "foreign_troops", ())}),
    ("Kremlin rejects European 'reassurance force' as US presses both sides",
     {("RU", "foreign_troops", ())}),
    ("Rubio stated that the United States would continue to insist on a ceasefire along the "
     "current line of contact before a comprehensive peace agreement.",
     {("US", "ceasefire_first", ())}),
    ("Peskov later said that Russia would halt hostilities only once Kyiv accepted Moscow's "
     "conditions.", {("RU", "other", ())}),
    # An analyst's reading of pressure is no condition.
    ("ISW assessed that Russia is using its gains to pressure Ukraine into accepting the "
     "Kremlin's terms.", set()),
    ("Kremlin officials have already signalled that the presence of Western troops as "
     "guarantors is unacceptable.", {("RU", "foreign_troops", ())}),
    # A battlefield claim is no land claimed.
    ("Russia's Defence Ministry claimed that its troops had taken full control of Kupiansk in "
     "Kharkiv Oblast.", set()),
    # Refusing what Moscow asks of the West asks nothing.
    ("Zelensky said that any halt of military aid during a ceasefire is unacceptable for "
     "Ukraine.", set()),
    # What is given in return is not asked.
    ('Trump said that Kyiv would have to withdraw from the part of the Donetsk region it still '
     'holds in exchange for security guarantees.', {("US", "territorial", ("UA-14",))}),
])
def test_wordings_of_a_twenty_third_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia is using the talks to pressure Ukraine into handing over the roughly 20% of "
     "Donetsk Oblast it still controls, ISW said.", {("RU", "territorial", ("UA-14",))}),
    ('Peskov again described the "constitutional borders" of Russia as non-negotiable, a '
     'reference to the whole of Zaporizhzhia and Kherson oblasts.',
     {("RU", "territorial", ("UA-23", "UA-65"))}),
    ('Peskov said the question of the "new regions" was "closed once and for all."',
     {("RU", "territorial", ())}),
    ("ISW assessed that the Kremlin continues to demand the transfer of all of Zaporizhzhia "
     "Oblast.", {("RU", "territorial", ("UA-23",))}),
    ("Putin is ready to end the war only if Kyiv gives up the remaining parts of the Donbas it "
     "controls.", {("RU", "territorial", ("UA-09", "UA-14"))}),
    ("Medvedev said that if Ukraine refuses to accept Russia's conditions, the Russian army "
     'will "come to Odesa and Mykolaiv."', {("RU", "territorial", ("UA-51", "UA-48"))}),
    ('Putin said: "Ukraine will have to accept that Crimea and Donbas are gone."',
     {("RU", "territorial", ("UA-43", "UA-09", "UA-14"))}),
    # The region named before, referred back to.
    ("Russia is massing forces for an offensive towards the city of Zaporizhzhia, while the "
     "Kremlin continues to insist that Ukraine hand over the entire region.",
     {("RU", "territorial", ("UA-23",))}),
    # A closed airport is no stance.
    ("Peskov said the airport in Belgorod was closed and that NATO is a threat.", set()),
])
def test_wordings_of_a_twenty_fourth_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # What a party asks for its offer.
    ("Zelensky has said Ukraine is ready to hold elections within 60 to 90 days, provided that "
     "its partners guarantee the security of the vote.", {("UA", "other", ())}),
    ("Zelensky said Ukraine was ready for a new energy truce provided that it included ports "
     "and railways.", {("UA", "ceasefire_first", ())}),
    ("Putin said Russia is ready to talk provided that Ukraine withdraws from Donetsk.",
     {("RU", "territorial", ("UA-14",))}),
    ("The US delegation proposed a reciprocal moratorium on strikes against energy "
     "infrastructure as a first step.", {("US", "ceasefire_first", ())}),
    # The relative clause's subject insists, not the proposer.
    ("The Ukrainian delegation proposed an unconditional 30-day ceasefire, which Moscow "
     "refused, insisting that a truce would be possible only after Ukrainian forces withdraw "
     "from Donbas.", {("UA", "ceasefire_first", ()),
                      ("RU", "territorial", ("UA-09", "UA-14"))}),
    ('Lavrov said that Moscow needed "ironclad guarantees" because Kyiv had violated previous '
     'agreements.', {("RU", "other", ())}),
    # Guarantees of what is asked are that ask, not another.
    ("Ryabkov stated that Russia demands legally binding guarantees of NATO's non-expansion.",
     {("RU", "nato_expansion", ())}),
])
def test_wordings_of_a_twenty_fifth_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # The place after the speaker is no place refused.
    ('"We will not leave Donbas, we simply cannot do that," Zelensky told reporters in Kyiv on '
     'Friday.', {("UA", "territorial", ("UA-09", "UA-14"))}),
    # A speech verb right after a comma continues its subject.
    ("Russia rejected the proposal, saying a ceasefire would only allow Ukraine to regroup.",
     {("RU", "other", ())}),
    ('Peskov echoed the statement, telling reporters that the regions had become part of '
     'Russia and that the question "is closed."', {("RU", "territorial", ())}),
    ("The think tank noted that Lavrov's formula would also require Ukraine to hand over "
     "roughly 6,600 square kilometers of Donetsk Oblast.", {("RU", "territorial", ("UA-14",))}),
    ('"Ukraine\'s borders are not a subject for bargaining," Umerov told journalists.',
     {("UA", "territorial", ())}),
    ('Peskov said that Ukraine should simply withdraw its troops "from the territory of the '
     'Russian Federation."', {("RU", "territorial", ())}),
    ("ISW assessed that the Kremlin is unlikely to accept any arrangement short of full Russian "
     "control over Donetsk Oblast.", {("RU", "territorial", ("UA-14",))}),
    ('Zakharova said that the status of Crimea and Sevastopol "was determined by their '
     'residents in the 2014 referendum."', {("RU", "territorial", ("UA-43", "UA-40"))}),
    ("Stefanchuk said the Verkhovna Rada would never vote to cede territory.",
     {("UA", "territorial", ())}),
    ("The Kremlin's insistence on the administrative borders indicates that Moscow seeks all of "
     "Donetsk and Luhansk oblasts.", {("RU", "territorial", ("UA-14", "UA-09"))}),
])
def test_wordings_of_a_twenty_sixth_round(text: str, expected: set) -> None:
    assert demands(text) == expected


def test_a_party_named_only_in_capitals_or_in_a_compound_still_demands() -> None:
    # Pages that name no party skip the demand rules; these name one only so.
    capitals = ("KEY KREMLIN DEMANDS\n"
                "1) Withdrawal of troops from the Donetsk and Luhansk regions.\n"
                "2) Neutral status for the country.")
    assert {(actor, kind) for actor, kind, _ in demands(capitals)} == {
        ("RU", "territorial"), ("RU", "neutrality")}
    assert demands("A US-backed proposal envisioned freezing the front line in Kherson "
                   "Oblast.") == {("US", "territorial", ("UA-65",))}


@pytest.mark.parametrize(("text", "expected"), [
    # The recipient of a giving verb is no subject.
    ("The Kremlin sent Washington a list of terms that would cap Ukraine's army at 200,000 "
     "troops.", {("RU", "demilitarization", ())}),
    ("Moscow wants sharp cuts to Ukraine's military.", {("RU", "demilitarization", ())}),
    ("In Istanbul, Russia proposed limiting Ukraine's armed forces to 85,000 troops.",
     {("RU", "demilitarization", ())}),
    # Preparing to demand is not preparing a draft.
    ("The Kremlin is preparing to demand that Kyiv shrink its army.",
     {("RU", "demilitarization", ())}),
    ('Peskov said Russia would never accept "a single British soldier" in Ukraine.',
     {("RU", "foreign_troops", ())}),
    ("Russia's draft requires no Western military instructors in Ukraine.",
     {("RU", "foreign_troops", ())}),
    ("Moscow wants Kyiv to pull back heavy artillery from the line.",
     {("RU", "demilitarization", ())}),
    # Ukraine's counterpart of "are Russian cities".
    ('Zelensky said Kherson "will always remain Ukrainian."', {("UA", "territorial", ("UA-65",))}),
    ("Kyiv insists that the Kinburn Spit be returned to Ukrainian control.",
     {("UA", "territorial", ())}),
    ('Sybiha said a truce at sea should be the "first step."', {("UA", "ceasefire_first", ())}),
    ("Rubio said Washington would not lift sanctions until Moscow agrees to a complete ceasefire.",
     {("US", "ceasefire_first", ())}),
    ("Kyiv and Washington agreed on the need for an immediate 20-day ceasefire.",
     {("UA", "ceasefire_first", ()), ("US", "ceasefire_first", ())}),
    ("Umerov said Kyiv's priority remains a full ceasefire.", {("UA", "ceasefire_first", ())}),
    ("Zelensky said the moratorium on energy strikes must be reciprocal and take effect "
     "immediately.", {("UA", "ceasefire_first", ())}),
    ("Lavrov claimed that Zelensky's mandate had run out and that he has no right to sign any "
     "treaty.", {("RU", "regime_change", ())}),
    # Refusing a freeze of the front, like refusing a truce, names no condition.
    ("Ryabkov said Moscow would reject any deal that freezes the fighting.", {("RU", "other", ())}),
    ("Moscow rejected the freezing of its assets.", set()),
    # The "root causes" spelled out are the demands; the words alone are none.
    ('Putin described the "root causes" as NATO expansion and the persecution of the Russian '
     'language.', {("RU", "language_religion", ()), ("RU", "nato_expansion", ())}),
    ('ISW said the West should not treat the Kremlin\'s "root causes" as something to negotiate.',
     set()),
])
def test_wordings_of_a_twenty_seventh_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # What a party's demands cover, annexations claimed, "new borders" to recognise.
    ("Moscow's terms, as listed in the June memorandum, cover all of Donetsk and Luhansk oblasts.",
     {("RU", "territorial", ("UA-14", "UA-09"))}),
    ("In 2022 the Kremlin claimed to annex the four regions.", {("RU", "territorial", ())}),
    ('Lavrov insisted that the "new borders" of Russia be recognised by Washington.',
     {("RU", "territorial", ())}),
    # A demilitarized strip of land is territory, as a buffer zone is.
    ("The Kremlin calls for a demilitarized strip 20 kilometers deep along the border of Sumy "
     "Oblast.", {("RU", "territorial", ("UA-59",))}),
    ('Putin claimed that Russian forces would "expand the security zone" in Chernihiv Oblast.',
     {("RU", "territorial", ("UA-74",))}),
    # An annexation told as history claims no land.
    ("Russia annexed Crimea in 2014, Peskov said.", set()),
])
def test_land_in_the_wordings_of_a_twenty_seventh_round(text: str, expected: set) -> None:
    assert demands(text) == expected


def test_a_truce_that_covers_ports_claims_no_land() -> None:
    found = demands("Zelensky said any truce must also cover the ports of Odesa.")
    assert not [d for d in found if d[1] == "territorial"]


@pytest.mark.parametrize(("text", "expected"), [
    # "Russian list of conditions" owns the demand, not the envoy who brought it.
    ("Witkoff came back from Moscow with a Russian list of conditions, including a demand that "
     "Brussels scrap its latest sanctions.", {("RU", "sanctions_relief", ())}),
    ("The Kremlin wants Washington to drop the sanctions on Russian banks.",
     {("RU", "sanctions_relief", ())}),
])
def test_owners_and_sanctions_of_a_twenty_seventh_round(text: str, expected: set) -> None:
    assert demands(text) == expected


def test_a_plan_drafted_by_the_united_kingdom_is_european() -> None:
    text = ("The document, drafted by officials from the United Kingdom, France and Germany, sets "
            "out the European position.\nAmong its key provisions:\n"
            "-A full ceasefire must take effect before negotiations on territory begin.\n"
            "-Ukraine's peacetime army would be capped at 800,000 troops.")
    assert demands(text) == {("EU", "ceasefire_first", ()), ("EU", "demilitarization", ())}


@pytest.mark.parametrize(("text", "expected"), [
    ('Sybiha said Ukraine "will not even discuss" pulling its troops out of its own territory.',
     {("UA", "territorial", ())}),
    # Who may block membership; NATO defending its open door asks for nothing it lacks.
    ("Rubio said no country outside the alliance would get a veto over who joins NATO.",
     {("US", "nato_expansion", ())}),
    ("Rutte said any settlement must not give Moscow a veto over Ukraine's path to membership.",
     {("NATO", "other", ())}),
    ("Lavrov said Russia wants a veto over Ukraine's membership in NATO.",
     {("RU", "nato_expansion", ())}),
])
def test_refusals_and_vetoes_of_a_twenty_seventh_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Medvedev wrote that any peace deal must include a permanent ban on Ukraine joining NATO.",
     {("RU", "neutrality", ())}),
    # The heads Russia installed in occupied regions speak for Russia.
    ("Saldo demanded that Ukrainian troops leave Kherson Oblast.",
     {("RU", "territorial", ("UA-65",))}),
])
def test_neutrality_and_installed_heads_of_a_twenty_seventh_round(text: str,
                                                                   expected: set) -> None:
    assert demands(text) == expected


def test_a_plan_s_owner_named_right_after_it_when_it_wrote_the_plan() -> None:
    text = ("Moscow wants any deal based on the Russian memorandum of June, and the Kremlin "
            "memorandum alone.\n"
            "The European version of the plan, prepared by the UK, France and Germany, envisages "
            "that a ceasefire must take effect before territorial issues are discussed.")
    assert ("EU", "ceasefire_first", ()) in demands(text)
    presented = ("Moscow wants any deal based on the Russian memorandum of June, and the Kremlin "
                 "memorandum alone.\n"
                 "The plan, presented by Zelensky in Paris, envisages that a ceasefire must take "
                 "effect before territorial issues are discussed.")
    assert ("UA", "ceasefire_first", ()) not in demands(presented)


def test_a_country_named_by_its_part_is_a_place_not_a_party() -> None:
    assert demands("The Kremlin is using the narrative of protecting Russian speakers in "
                   "southern Ukraine to lay the groundwork for future claims to Odesa "
                   "region.") == {("RU", "territorial", ("UA-51",))}


@pytest.mark.parametrize(("text", "expected"), [
    ('"There can be no talk of any foreign troops on Ukrainian soil," Zakharova told reporters.',
     {("RU", "foreign_troops", ())}),
    # Dismissing a plan refuses what it proposes.
    ('Peskov dismissed a French plan to send a multinational "reassurance force" to Ukraine.',
     {("RU", "foreign_troops", ())}),
    ("Merz insisted that Russia must first accept a ceasefire along the current line of contact.",
     {("EU", "ceasefire_first", ())}),
    ("Sybiha insisted that Russia first stop its attacks on the power grid.",
     {("UA", "ceasefire_first", ())}),
    ("Erdogan called on both sides to declare a ceasefire in the Black Sea.",
     {("other", "ceasefire_first", ())}),
    ("Vance said Washington wants a ceasefire along the current lines.",
     {("US", "ceasefire_first", ())}),
    # A truce the party would itself agree to, on conditions, is not one it asks for.
    ("Kyiv demanded security guarantees before agreeing to any ceasefire.", {("UA", "other", ())}),
])
def test_truces_and_troops_asked_for_in_the_talks(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ('"Putin continues to define the \'root causes\' of the war as NATO\'s eastward expansion," '
     'ISW wrote.', {("RU", "nato_expansion", ())}),
    ("Dmitriev is using promises of joint Arctic projects to persuade the Trump administration "
     "to ease sanctions.", {("RU", "sanctions_relief", ())}),
])
def test_root_causes_of_the_war_and_persuasion(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ('Trump said that Ukraine would need to be "flexible" on the question of Donbas.',
     {("US", "territorial", ("UA-09", "UA-14"))}),
    ("Kyiv has been flexible on the timing of elections, Zelensky said.", set()),
])
def test_flexible_on_land(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Ukraine and Europe hold sanctions relief back; its mention names their condition.
    ("Ukraine's Foreign Ministry said that Russia must withdraw from all occupied territories "
     "before any discussion of lifting sanctions.", {("UA", "territorial", ())}),
    ("Lavrov repeated that Ukraine's accession to NATO \"will never happen\".",
     {("RU", "neutrality", ())}),
    ("Zakharova said any deal must protect the rights of Russian-speaking citizens and canonical "
     "Orthodoxy.", {("RU", "language_religion", ())}),
])
def test_sanctions_held_back_and_wordings_of_round_ad(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Two parties owning one ask, written as adjectives. Joined by a hyphen, only the last is
    # read: a "US-Russian plan" carries one party's terms.
    ("Moscow turned down the US-Ukrainian proposal for a 30-day general ceasefire.",
     {("UA", "ceasefire_first", ())}),
    ("The Kremlin again dismissed the American and European calls for an immediate truce.",
     {("US", "ceasefire_first", ()), ("EU", "ceasefire_first", ())}),
    ("Lavrov repeated Russia's rejection of US and European proposals for a full ceasefire.",
     {("US", "ceasefire_first", ()), ("EU", "ceasefire_first", ())}),
    # The owner of terms that are only named is no subject of what follows.
    ("Umerov called the Russian terms \"absurd\" and said Ukraine would keep talking only on the "
     "basis of an unconditional ceasefire.", {("UA", "ceasefire_first", ())}),
])
def test_joint_owners_of_an_ask(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # The demanded thing stands before the relative clause that demands it.
    ("The draft ignores the unconditional ceasefire that Kyiv and its European partners have "
     "demanded since spring.", {("UA", "ceasefire_first", ()), ("EU", "ceasefire_first", ())}),
    ("Moscow has not dropped the pullout of Ukrainian troops from Zaporizhzhia Oblast that Putin "
     "demanded last year.", {("RU", "territorial", ("UA-23",))}),
    # "that" opening reported speech is no relative clause.
    ("Analysts said the Kremlin calculated that its demands had been heard.", set()),
])
def test_a_demand_named_before_its_relative_clause(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Zelensky insisted that a truce must precede any talks on territory, a position backed by "
     "Germany and France.", {("UA", "ceasefire_first", ()), ("EU", "ceasefire_first", ())}),
    ("Sybiha said Ukraine will never recognise Crimea as Russian, a stance European leaders "
     "endorsed on Monday.", {("UA", "territorial", ("UA-43",)), ("EU", "territorial", ("UA-43",))}),
    # A position only reported, with nobody taking it up.
    ("Zelensky insisted that a truce must precede any talks, a position he has held since May.",
     {("UA", "ceasefire_first", ())}),
])
def test_a_demand_taken_up_by_others(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A title with "of" names its holder, who is the subject.
    ("US Secretary of State Marco Rubio said the first step has to be a full ceasefire.",
     {("US", "ceasefire_first", ())}),
    ("Zelensky said a truce at sea should be the first step toward peace.",
     {("UA", "ceasefire_first", ())}),
    ("Vance said Washington wants both sides to stop fighting first and then talk.",
     {("US", "ceasefire_first", ())}),
    ("Trump urged Moscow and Kyiv to \"stop where they are\" and negotiate.",
     {("US", "ceasefire_first", ())}),
    # Stopping at the line as the settlement itself is no truce before talks.
    ("Trump wrote that both sides should \"stop where they are\" and let history decide.", set()),
    # Pressure kept up until Moscow accepts a truce: who keeps it up asks for one.
    ("Trump threatened tariffs on buyers of Russian oil if Moscow does not agree to a ceasefire "
     "within 50 days.", {("US", "ceasefire_first", ())}),
    ("Merz said Europe would keep arming Ukraine as long as Russia refuses an unconditional "
     "ceasefire.", {("EU", "ceasefire_first", ())}),
    # A truce named earlier in the sentence, then "it".
    ("Kyiv has accepted the 30-day ceasefire, and Ukrainian officials called on the Kremlin to "
     "accept it.", {("UA", "ceasefire_first", ())}),
    ("Moscow will not agree to any pause in the fighting until its conditions are met.",
     {("RU", "other", ())}),
])
def test_truces_asked_for_in_more_wordings(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Conditions on lifting sanctions name the withdrawal asked for.
    ("Zelensky said sanctions should only be lifted after Russian troops leave Ukrainian "
     "territory.", {("UA", "territorial", ())}),
    ("EU officials said the bloc would not lift any sanctions without Russia's full withdrawal "
     "from Ukraine.", {("EU", "territorial", ())}),
    # Advice is still no demand.
    ("The US should insist that Russia withdraw from Kherson, ISW recommended.", set()),
    # A party taking up another's position.
    ("European leaders have backed Kyiv's position that borders cannot be changed by force.",
     {("UA", "territorial", ()), ("EU", "territorial", ())}),
    ("Nordic governments remain united behind Kyiv's position that no territory can be traded "
     "for peace.", {("UA", "territorial", ())}),
    ("Macron and Merz stand behind Ukraine's position that no land can be ceded.",
     {("UA", "territorial", ()), ("EU", "territorial", ())}),
])
def test_conditions_on_sanctions_and_positions_taken_up(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Von der Leyen said the assets would stay frozen until Russia pays for the damage it caused.",
     {("EU", "other", ())}),
    ("EU leaders insisted that the assets stay immobilised until Moscow compensates Ukraine.",
     {("EU", "other", ())}),
    ("Putin said Russia would not stop its offensive until Kyiv accepts its terms.",
     {("RU", "other", ())}),
    # Fighting on until a town falls names no terms.
    ("The commander said his unit would not stop until it reached the river.", set()),
])
def test_reparations_and_fighting_on_until_terms_are_met(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Lavrov said Moscow still expects legally binding guarantees that NATO will not expand "
     "further east.", {("RU", "nato_expansion", ())}),
    ("Putin warned that British and French troops sent to Ukraine would be treated as enemy "
     "combatants.", {("RU", "foreign_troops", ())}),
    ("Ushakov said Russia wants all Zaporizhzhia region.", {("RU", "territorial", ("UA-23",))}),
    ("Lavrov said Ukraine must \"abandon the Nazi ideology\" before any settlement.",
     {("RU", "regime_change", ())}),
    # A pressure ruled out is no demand.
    ("She argued that Washington should make clear that it will not pressure Ukraine into "
     "territorial concessions.", set()),
    # ISW's advice on pressure is no party's demand.
    ("The report recommends that Washington keep sanctions in place until Russia agrees to a "
     "ceasefire.", set()),
])
def test_wordings_of_the_daily_assessments_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("ISW said the Kremlin again demands that Kyiv recognize the \"new regions\".",
     {("RU", "territorial", ())}),
    ("Sybiha said Ukraine would \"not trade one inch\" of Kherson or Zaporizhzhia.",
     {("UA", "territorial", ("UA-65", "UA-23"))}),
    ("Putin said Russian forces would take control of all of Ukraine's Donbas region \"one way "
     "or another\".", {("RU", "territorial", ("UA-09", "UA-14"))}),
    ("Zelensky said his country was \"not ready to give away its land\".",
     {("UA", "territorial", ())}),
    ("Putin wants Ukraine to hand over not only the rest of the Donbas but also part of Kherson "
     "region.", {("RU", "territorial", ("UA-09", "UA-14", "UA-65"))}),
])
def test_wordings_of_the_talks_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A party's proposal to do something names its terms, also when another rejects it.
    ("Russian negotiators rejected the US proposal to turn the rest of Donetsk Oblast into a "
     "demilitarized zone.", {("US", "territorial", ("UA-14",))}),
    ("Officials rejected the US provision that would bar NATO troops from Ukraine.",
     {("US", "foreign_troops", ())}),
    # A freeze offered is no demand (LABELING.md); Moscow refusing it is its stance.
    ("Moscow rejected Vance's proposal to freeze the war along the current front line.",
     {("RU", "other", ())}),
])
def test_proposals_to_act_carry_their_owner_s_terms(text: str, expected: set) -> None:
    assert demands(text) == expected


def test_a_condition_with_its_adjective_closes_what_it_names() -> None:
    text = ("Peskov said that recognition of Crimea and the Kherson region as part of Russia "
            "remains an indispensable condition for a peace agreement.")
    assert demands(text) == {("RU", "territorial", ("UA-43", "UA-65"))}


def test_pressure_for_a_truce_is_its_owner_s_ask() -> None:
    assert demands("Moscow has not softened its position despite months of U.S. pressure for a "
                   "truce.") == {("US", "ceasefire_first", ())}


@pytest.mark.parametrize(("text", "expected"), [
    # A leaders' meeting only once the terms are ready is that party's condition.
    ("Moscow is open to a summit with Kyiv, but only if preliminary agreements are in place.",
     {("RU", "other", ())}),
    ("Putin might meet Zelensky, contingent upon reaching preliminary agreements.",
     {("RU", "other", ())}),
    ("Ushakov said a meeting of the two presidents is possible only at the final stage.",
     {("RU", "other", ())}),
    # A meeting after a date is no condition.
    ("The leaders will meet only after the holidays.", set()),
])
def test_meetings_only_once_the_terms_are_ready(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The memorandum calls for the renunciation of mutual claims for war damage.", set()),
    ("Moscow demands the renunciation of mutual claims for war damage.", {("RU", "other", ())}),
    ("Kyiv also demanded an \"all for all\" prisoner exchange.", {("UA", "other", ())}),
    ("Rubio said Washington wanted \"a ceasefire as soon as possible\".",
     {("US", "ceasefire_first", ())}),
    ("Moscow Wants Its Frozen Assets Back as Kremlin Stalls", {("RU", "sanctions_relief", ())}),
    ("Russia is using the talks to pursue economic concessions, above all the unfreezing of its "
     "sovereign assets.", {("RU", "sanctions_relief", ())}),
    ("Dmitriev proposed that part of the immobilized funds be returned to Russia's central bank.",
     {("RU", "sanctions_relief", ())}),
])
def test_wordings_of_the_evolving_terms_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A demand of land that Kyiv rejects is Ukraine's refusal of it (LABELING.md).
    ("Russia insisted that Ukraine withdraw from the rest of Donetsk region, a demand Kyiv has "
     "repeatedly refused.", {("RU", "territorial", ("UA-14",)), ("UA", "territorial", ("UA-14",))}),
    ("US envoys pressed Ukraine to withdraw from Donetsk Oblast in exchange for guarantees, a "
     "proposal Zelensky rejected.", {("US", "territorial", ("UA-14",)),
                                     ("UA", "territorial", ("UA-14",))}),
    # Rejected by another, it is no stance of Ukraine's.
    ("Russia insisted that Ukraine withdraw from Donetsk region, a demand Washington rejected.",
     {("RU", "territorial", ("UA-14",))}),
])
def test_a_demand_of_land_rejected_by_kyiv(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Kyiv insisted on the return of Ukrainian civilians held in Russia and of children deported "
     "from the occupied territories.", {("UA", "other", ())}),
    ("Zelensky called on Washington to \"demand that Russia stop the strikes for good\" before the "
     "next round of talks.", {("UA", "ceasefire_first", ())}),
    ("Macron said territorial talks must start from the current line of contact.",
     {("EU", "territorial", ())}),
    ("The draft starts from the current front rather than from Russia's claims to the whole of "
     "Donetsk and Luhansk.", {("RU", "territorial", ("UA-14", "UA-09"))}),
    ("Moscow insists on Rosatom management of the plant.", {("RU", "other", ())}),
    # A compromise floated is an offer, not a demand.
    ("He has floated a compromise: Ukrainian neutrality guaranteed by the United States.", set()),
])
def test_wordings_of_the_evolving_terms_round_continued(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # The one who urges another to press a third asks for what the pressing is for.
    ("Zelensky urged Washington to push Moscow toward a full, unconditional ceasefire.",
     {("UA", "ceasefire_first", ())}),
    ("Zelensky said Kyiv rejects the terms and urged Washington to push Moscow toward a full "
     "ceasefire.", {("UA", "ceasefire_first", ())}),
    # Pressing asked for by nobody else stays the presser's.
    ("Washington will push Moscow toward a full ceasefire, Rubio said.",
     {("US", "ceasefire_first", ())}),
])
def test_urged_to_press_another(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Trump gave Moscow 50 days to agree to a ceasefire.", {("US", "ceasefire_first", ())}),
    ("\"Russia must stop the killing first, and then leaders can meet,\" Zelensky said.",
     {("UA", "ceasefire_first", ())}),
    ("ISW said the Kremlin is seeking far more than a pledge that Ukraine stays out of NATO.",
     {("RU", "neutrality", ())}),
    ("The Kremlin rejected the idea of zones patrolled by British, French and Ukrainian forces.",
     {("RU", "foreign_troops", ())}),
    ("EU officials said sanctions will not be lifted while Russian troops remain on Ukrainian "
     "soil.", {("EU", "territorial", ())}),
    ("Kallas said the bloc would not unfreeze the assets \"before Russia pays reparations.\"",
     {("EU", "other", ())}),
    ("Macron said Europe would coordinate new sanctions with Washington if Russia kept refusing "
     "a truce.", {("EU", "ceasefire_first", ())}),
])
def test_wordings_of_the_western_terms_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The Russian memorandum demands that Ukraine's armed forces and weapons stockpiles be "
     "limited.", {("RU", "demilitarization", ())}),
    ("European leaders who hosted Zelensky in London said that borders must not be changed by "
     "force.", {("EU", "territorial", ())}),
])
def test_limits_on_the_army_and_hosts(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A truce's owners named after it.
    ("The Kremlin rejects the 30-day ceasefire proposed by Washington and Kyiv.",
     {("US", "ceasefire_first", ()), ("UA", "ceasefire_first", ()), ("RU", "other", ())}),
    ("Peskov rejected a proposal by Macron and Merz for a ceasefire first.",
     {("EU", "ceasefire_first", ()), ("RU", "other", ())}),
    ("The Kremlin dismissed a fresh European push for a truce.", {("EU", "ceasefire_first", ())}),
    ("He would not say whether Moscow would respond to Kyiv's call for an unconditional truce.",
     {("UA", "ceasefire_first", ())}),
    # The Kremlin's own wording of its claims.
    ("Matviyenko said that the Kherson and Zaporizhzhia regions are \"constitutional territory "
     "of Russia\" and \"will never be returned\".", {("RU", "territorial", ("UA-65", "UA-23"))}),
    ("Kosachev wrote that the deployment of European troops to Ukraine would be regarded as an "
     "intervention.", {("RU", "foreign_troops", ())}),
    ("Shoigu listed the goals as the \"liberation\" of Donbas.",
     {("RU", "territorial", ("UA-09", "UA-14"))}),
])
def test_wordings_of_the_russian_officials_round(text: str, expected: set) -> None:
    assert demands(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The analysts mention that the deputy of the State Duma Leonid Slutsky demanded to return to "
     "Ukraine the \"neutral and non-nuclear status\".", {("RU", "neutrality", ())}),
    ("Zelensky said talks on territory could begin only after a full ceasefire.",
     {("UA", "ceasefire_first", ())}),
    ("Merz said Europe would insist that any negotiations start with a truce.",
     {("EU", "ceasefire_first", ())}),
    ("ISW added that Russia is also seeking the lifting of U.S. sanctions on Rosneft and Lukoil.",
     {("RU", "sanctions_relief", ())}),
    ("Russian Federation continues to put forward the demand of the protection of the rights of "
     "the Russian-speaking population.", {("RU", "language_religion", ())}),
    ("In the Kremlin again demand \"protection\" of Russian language as condition of peace",
     {("RU", "language_religion", ())}),
    # The Kremlin as a place.
    ("In the Kremlin, Witkoff insisted that Ukraine must leave Donbas.",
     {("US", "territorial", ("UA-09", "UA-14"))}),
])
def test_wordings_of_the_compressed_reports_round(text: str, expected: set) -> None:
    assert demands(text) == expected


def test_fact_box_lines_labelled_with_a_party() -> None:
    text = ("Where the sides stand\n"
            "US: A cap of 600,000 troops on Ukraine's military.\n"
            "Russia: Ukraine to leave Donetsk and Luhansk and recognise Crimea as Russian.\n"
            "Note: Russian forces advanced near Pokrovsk.")
    assert demands(text) == {("US", "demilitarization", ()),
                             ("RU", "territorial", ("UA-14", "UA-09", "UA-43"))}


def test_a_fact_box_heading_naming_a_party_owns_its_bullets() -> None:
    text = ("Here are the main conditions set out by each side.\n"
            "RUSSIA\n"
            "* A legally binding renunciation of NATO membership.\n"
            "UKRAINE\n"
            "* Return of deported children and an \"all for all\" prisoner exchange.")
    assert demands(text) == {("RU", "neutrality", ()), ("UA", "other", ())}


@pytest.mark.parametrize(("text", "expected"), [
    ("\"What Moscow calls 'root causes' is a list that includes Ukraine's neutrality,\" an "
     "analyst said.", {("RU", "neutrality", ())}),
    ("Zelensky said Ukraine supports President Donald Trump's proposal for both sides to stop at "
     "the current line of contact.",
     {("US", "ceasefire_first", ()), ("UA", "ceasefire_first", ())}),
    ("European leaders said they support President Trump's position that the fighting should "
     "stop immediately.", {("US", "ceasefire_first", ()), ("EU", "ceasefire_first", ())}),
])
def test_wordings_of_the_lists_and_explainers_round(text: str, expected: set) -> None:
    assert demands(text) == expected
