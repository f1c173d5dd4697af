"""Sentence segmentation of news text (rules of LABELING.md: split at . ! ? + capital and at
line breaks, not after abbreviations or initials; a list item line is its own sentence)."""

from __future__ import annotations

from extractors.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_abbreviations_and_initials_do_not_split() -> None:
    text = "The U.S. envoy met J. R. Smith in Geneva on Nov. 3. Talks resumed later."
    assert texts(text) == ["The U.S. envoy met J. R. Smith in Geneva on Nov. 3.",
                           "Talks resumed later."]


def test_line_breaks_always_split() -> None:
    assert texts("Kremlin signals new terms\nThe talks stalled") == [
        "Kremlin signals new terms", "The talks stalled"]


def test_quotation_closing_after_full_stop_stays_with_its_sentence() -> None:
    text = "The think tank wrote: “Moscow is stalling.” Officials disagreed."
    assert texts(text) == ["The think tank wrote: “Moscow is stalling.”", "Officials disagreed."]


def test_no_split_before_lowercase_or_dash() -> None:
    text = "Moscow wants more land. - the analysts write."
    assert texts(text) == ["Moscow wants more land. - the analysts write."]


def test_list_items_are_their_own_sentences_and_marked() -> None:
    sentences = split_sentences("Key points:\n• Russia stalls talks\n- Kyiv holds the line")
    assert [s.text for s in sentences] == ["Key points:", "• Russia stalls talks",
                                           "- Kyiv holds the line"]
    assert [s.is_list_item for s in sentences] == [False, True, True]


def test_headline_and_subheading_are_headings_body_is_not() -> None:
    text = ("Short headline for the story.\n"
            "A body paragraph that runs on for a while. It has two sentences.\n"
            "A subheading without a full stop\n"
            "Another body line that ends properly.")
    flags = [(s.text, s.is_heading) for s in split_sentences(text)]
    assert flags == [
        ("Short headline for the story.", True),
        ("A body paragraph that runs on for a while.", False),
        ("It has two sentences.", False),
        ("A subheading without a full stop", True),
        ("Another body line that ends properly.", False),
    ]


def test_a_line_ends_a_sentence_with_its_closing_quotes_and_brackets_after_the_stop() -> None:
    text = ("Headline of the day\n"
            "The envoy said the talks had \"stalled.\")\n"
            "A line that closes a quote after a space: \"Enough\" \u201d\n"
            "A line that ends on a quotation mark after a bracket ) \"\n"
            "A subheading that ends on a bracket (draft)\n"
            "Another body line that ends properly.")
    flags = [s.is_heading for s in split_sentences(text)]
    assert flags == [True, False, False, False, True, False]


def test_full_stop_after_dotted_name_still_splits() -> None:
    text = "The claim spread, Example.Net reports. Analysts doubted it."
    assert texts(text) == ["The claim spread, Example.Net reports.", "Analysts doubted it."]


def test_position_in_line() -> None:
    first, second = split_sentences("One thing happened. Another followed.")
    assert (first.is_first_in_line, first.is_last_in_line) == (True, False)
    assert (second.is_first_in_line, second.is_last_in_line) == (False, True)
    assert first.line_index == second.line_index == 0


def test_line_without_possible_boundary_is_one_sentence_as_punkt_would_say() -> None:
    from extractors.sentences import POSSIBLE_BOUNDARY, _tokenizer
    lines = [
        "Russia demanded the U.S. lift sanctions on Aeroflot by 2026.",
        "Fighting continued near Pokrovsk, officials said. then it stopped",
        "Kyiv rejected the plan (the draft was leaked) and said no",
        "Troops withdrew from Kherson in 2022... the city celebrated",
    ]
    for line in lines:
        assert not POSSIBLE_BOUNDARY.search(line)
        assert texts(line) == [line]
        assert len(_tokenizer().tokenize(line)) >= 1
    for line in ("He left. She stayed.", "It ended.” Then talks began.", "Done! 2025 came.",
                 "Why? “Because,” he said."):
        assert POSSIBLE_BOUNDARY.search(line)
