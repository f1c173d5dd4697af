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
