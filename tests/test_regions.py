"""Region rules (LABELING.md, "regions"), on sentences written for these tests."""

from __future__ import annotations

import pycountry
import pytest

from extractors import gazetteer
from extractors.analysis import analyse_article


def codes(text: str) -> list[str]:
    return analyse_article(text).region_codes


@pytest.mark.parametrize(("text", "expected"), [
    ("Shelling hit Kharkov overnight.", ["UA-63"]),
    ("Fighting continued in Zaporozhye and Zaporizhia.", ["UA-23"]),
    ("Lugansk and Odessa were quiet.", ["UA-09", "UA-51"]),
    ("Drones struck the Dnipro region.", ["UA-12"]),
    ("Power failed in Prykarpattia.", ["UA-26"]),
    ("Troops massed in Kharkiv Oblast and the Donetsk region.", ["UA-14", "UA-63"]),
    ("Residents of Харків and Запоріжжя sheltered.", ["UA-23", "UA-63"]),
    ("The Kremlin wants all of Donbas.", ["UA-09", "UA-14"]),
    ("Troops crossed into the Kursk region near Belgorod.", ["RU-BEL", "RU-KRS"]),
    ("Russia keeps troops in Transnistria.", ["MD-SN"]),
    ("Crimea and Sevastopol were hit.", ["UA-40", "UA-43"]),
    ("A drone fell in Moscow Oblast.", ["RU-MOS"]),
])
def test_spelling_variants_and_forms(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


def test_front_line_towns_map_to_their_oblast_and_keep_the_place() -> None:
    analysis = analyse_article("Russian forces attacked near Kupiansk and Huliaipole.")
    assert analysis.region_codes == ["UA-23", "UA-63"]
    assert {(m.place, m.region_code) for m in analysis.region_mentions} == {
        ("Kupiansk", "UA-63"), ("Huliaipole", "UA-23")}


@pytest.mark.parametrize("text", [
    "Kyiv rejected the proposal outright.",
    "Moscow demands that the talks resume.",
    "Washington pledged more aid to Kyiv.",
    "The plan would bring regime change in Kyiv.",
    "Kyiv's negotiators left the room.",
    "The Moscow Military District sent reinforcements.",
    "Russia, Ukraine and Moldova signed nothing.",
    "Boats moved along the Dnipro River.",
    "Moscow wants to annex the four regions.",
    "The draft was handed to Kyiv on Monday.",
    "Separatists appealed to Moscow for help.",
    "In the view of the envoy, Moscow would answer harshly.",
    "The minister said it was up to Kiev to choose the date of the talks.",
    "Shells keep flowing to Kyiv from its partners.",
    "Allies promised to keep supplying to Kyiv what it needs.",
    "Barges crossed the Kakhovka reservoir at dawn.",
])
def test_metonymy_countries_and_rivers_are_not_regions(text: str) -> None:
    assert codes(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Kyiv, Ukraine\nOfficials met.", ["UA-30"]),
    ("Kyiv • Agency\nOfficials met.", ["UA-30"]),
    ("Missiles exploded over Kyiv at night.", ["UA-30"]),
    ("Ukraine reported strikes overnight. Eleven people were hurt in the capital.", ["UA-30"]),
    ("Eleven people were hurt in the capital after the vote.", []),
    ("He once served as attaché in Moscow and Kyiv.", ["RU-MOW", "UA-30"]),
    ("Three people died in the Kyiv Oblast.", ["UA-32"]),
    ("KYIV, Ukraine — Officials met.", ["UA-30"]),
    ("MOSCOW (Agency) — Officials met.", ["RU-MOW"]),
    ("ODESA, Ukraine — Port workers struck.", ["UA-51"]),
    ("Drones swarmed overnight, with Kyiv as the main target.", ["UA-30"]),
    ("Envoys will meet Russian officials in Moscow next week.", ["RU-MOW"]),
    ("New air defences will protect Kyiv and Odesa this winter.", ["UA-30", "UA-51"]),
    ("Ukrainian drones struck Moscow overnight.", ["RU-MOW"]),
    ("Moscow rejected the plan that Kyiv accepted.", []),
    ("In Moscow, Ushakov listed Russia's terms.", ["RU-MOW"]),
    ("MOSCOW, Jan 20 (Reuters) - The Kremlin wants elections.", ["RU-MOW"]),
    ("Peskov said Western troops would be unacceptable to Moscow.", []),
    ("The poll covered government-held areas, including Kyiv, Kharkiv and Odesa.",
     ["UA-30", "UA-51", "UA-63"]),
    ("Kyiv and Washington disagree.", []),
    ("Ukrainian drones attacked the Moscow region, closing all of the capital's airports.",
     ["RU-MOS", "RU-MOW"]),
    ("Kyiv was hit overnight. Power failed across the capital.", ["UA-30"]),
    ("A drone hit a building in Kyiv's Obolonskyi district.", ["UA-30"]),
    ("Kyiv's negotiators left early.", []),
    ("Moldova, Ukraine's neighbour, saw protests in the capital, Chisinau.", []),
    ("Russia keeps threatening Odesa's shipping lanes.", ["UA-51"]),
    # The verb or the list right before the name, however it is spaced.
    ("Drones attacked both  Kyiv and Odesa.", ["UA-30", "UA-51"]),
    ("Russia said it will keep attacking Kyiv.", ["UA-30"]),
    ("Shelling damaged homes in Kharkiv, Odesa and Kyiv.", ["UA-30", "UA-51", "UA-63"]),
])
def test_capitals_count_where_the_place_is_meant(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


def test_mentions_keep_sentence_and_attribution() -> None:
    text = "Headline\nISW said Russian troops massed near Sumy.\nKherson was shelled."
    mentions = analyse_article(text).region_mentions
    assert [(m.region_code, m.isw_attributed) for m in mentions] == [
        ("UA-59", True), ("UA-65", False)]
    assert mentions[0].sentence == "ISW said Russian troops massed near Sumy."
    assert mentions[0].region_name == pycountry.subdivisions.get(code="UA-59").name


def test_gazetteer_codes_are_real_iso_codes() -> None:
    for code in gazetteer.FOLLOWED_CODES:
        assert pycountry.subdivisions.get(code=code) is not None
    used = set(gazetteer.REGION_NAMES) | set(gazetteer.TOWNS.values())
    assert used <= set(gazetteer.FOLLOWED_CODES)


@pytest.mark.parametrize(("text", "expected"), [
    # A list ending in a plural region word makes the capital its oblast.
    ("Troops in Belarus could threaten Kyiv, Zhytomyr or Volyn oblasts.",
     ["UA-07", "UA-18", "UA-32"]),
    ("Kyiv and Chernihiv regions were shelled.", ["UA-32", "UA-74"]),
    # Protection for a city is for the place; other things "for Kyiv" are for its government.
    ("Europe pledged air defense for Kyiv and Lviv.", ["UA-30", "UA-46"]),
    ("Europe pledged more support for Kyiv.", []),
    # A noun elided after "rather than" still governs: pressure on a government.
    ("Washington should pressure Moscow rather than Kyiv.", []),
    ("The US should increase pressure on Moscow rather than on Kyiv.", []),
    ("Drones struck near Odesa rather than near Kyiv.", ["UA-30", "UA-51"]),
])
def test_capitals_in_lists_elisions_and_after_for(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("MOSCOW/KYIV, Feb 3 (Reuters) - The Kremlin rejected the plan.", ["RU-MOW", "UA-30"]),
    ("Analysts at the Centre for Defence Strategies, a Kyiv-based think tank, say so.",
     ["UA-30"]),
    # The seat of power, not the city.
    ('"He wants a more pliable president in Kyiv," he said.', []),
    ("Putin sees the war as a way to force a change of government in Kyiv.", []),
])
def test_datelines_of_two_cities_a_city_s_residents_and_its_seat_of_power(
        text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Maps are closely read by military bloggers in both Moscow and Kyiv.", ["RU-MOW", "UA-30"]),
    ("Lavrov, speaking at the Valdai club in Sochi, accused Europe.", ["RU-KDA"]),
])
def test_both_cities_and_russian_towns(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Datelines in title case with a date after the comma.
    ("Kyiv, 7 August 2025 — Ukrinform\nThe Russian command redeployed forces.", ["UA-30"]),
    ("Kyiv, December 21, 2025\nKremlin envoy Kirill Dmitriev met US officials.", ["UA-30"]),
    # A source named after "according to", then the government.
    ("According to Umerov, Kyiv insisted on US-backed guarantees.", []),
    ("Putin wants a government in Kyiv that answers to Moscow.", []),
])
def test_title_case_datelines_and_governments_after_a_source(
        text: str, expected: list[str]) -> None:
    assert codes(text) == expected
