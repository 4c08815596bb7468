"""The verbatim-quote check at once for many quotes (graphkit.verbatim), against its
definition: normalize_ws(quote) in normalize_ws(text)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from graphkit.io.text import normalize_ws
from graphkit.io.verbatim import CANDIDATE_LIMIT, found_verbatim

TEXT = "The minister said on Tuesday\nthat troops would\tcross the border\u3000at dawn, officials said."


def test_quotes_found_whitespace_aside_and_not_found_when_one_letter_differs() -> None:
    quotes = [
        "said on Tuesday that troops would cross",  # a line break in the text, a space here
        "troops would  cross the border at dawn",  # a tab and an ideographic space in the text
        "inister said on Tuesday that troops wou",  # starts and ends inside words
        "dawn, officials said.",
        "",  # an empty quote stands anywhere
        "minister",  # one word, no space
        "inist",  # part of a word
        "said on Wednesday that troops would cross",  # one word differs
        "troops would cross the border at dusk",  # the end differs
        "officials said. And more",  # runs past the end of the text
        "The  minister",
        "ministers",
    ]
    # worked by hand from TEXT: the first seven and "The  minister" stand in it, the rest do not
    expected = [True, True, True, True, True, True, True, False, False, False, True, False]
    assert found_verbatim(TEXT, quotes).tolist() == expected


def test_a_text_repeating_itself_still_answers_right() -> None:
    # every 16-byte place of this quote stands over CANDIDATE_LIMIT times in the text
    text = "the minister said " * (CANDIDATE_LIMIT + 50) + "nothing"
    quotes = ["minister said the minister said the minister", "minister said the minister said nothing"]
    missing = ["minister said the minister said the ministers", "said the minister said something"]
    assert found_verbatim(text, quotes + missing).tolist() == [True, True, False, False]


words = st.sampled_from(["a", "ab", "the", "é", "minister", "x" * 17, "said,", "\u00a0", "\n", "  "])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(words, max_size=60), st.lists(st.tuples(st.integers(0, 400), st.integers(0, 80)), max_size=20)
)
def test_equal_to_the_definition(parts: list[str], cuts: list[tuple[int, int]]) -> None:
    text = " ".join(parts)
    flat = normalize_ws(text)
    quotes = [flat[i : i + n] for i, n in cuts] + [flat[i : i + n] + "b" for i, n in cuts]
    expected = [normalize_ws(q) in flat for q in quotes]
    assert found_verbatim(text, quotes).tolist() == expected


ascii_words = st.sampled_from(
    ["a", "ab", "the", "minister", "y" * 17, "said,", " ", "  ", "\t", "\n", "\x1c", "\x0b\r"]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(ascii_words, max_size=60),
    st.lists(st.tuples(st.integers(0, 400), st.integers(0, 80)), max_size=20),
)
def test_ascii_text_and_arrow_quotes_equal_to_the_definition(parts, cuts) -> None:
    """The ASCII shortcuts (the text's white space cut in numpy, from str or from bytes; quotes
    that normalising leaves alone spared the regex, from a pyarrow string array) answer
    as the definition does, for quotes cut from the text before and after normalising."""
    import pyarrow as pa

    text = "".join(parts)
    flat = normalize_ws(text)
    quotes = [flat[i : i + n] for i, n in cuts] + [text[i : i + n] for i, n in cuts]
    quotes += [q + "b" for q in quotes]
    expected = [normalize_ws(q) in flat for q in quotes]
    assert found_verbatim(text, quotes).tolist() == expected
    assert found_verbatim(text.encode(), pa.array(quotes, type=pa.string())).tolist() == expected
    plain = [q for q in quotes if q == normalize_ws(q)]  # as a plain file's quotes are
    assert found_verbatim(text.encode(), pa.array(plain)).tolist() == [normalize_ws(q) in flat for q in plain]


def test_quotes_at_the_very_end_of_the_text_and_of_the_quotes() -> None:
    # the text's last word start is 3 bytes from its end, the last quote's only anchor 1
    # byte from the end of the quotes' bytes: both are read past their end
    text = "troops would cross the border at dawn\n"
    quotes = ["cross the border at dawn", "the border at dawn.", "at dawn", "at daw", "t d"]
    # by hand: the first ends where the text ends; "." is not in the text; "at dawn",
    # "at daw" and "t d" ("a|t d|awn") stand in it
    assert found_verbatim(text, quotes).tolist() == [True, False, True, True, True]


def test_quotes_from_a_slice_of_an_arrow_array_ignore_the_bytes_after_it() -> None:
    import pyarrow as pa

    # the slice's bytes are followed by "bide awake" in the same buffer: the last quote's
    # anchor ("a", its last byte) is read past the slice's end, which must count for nothing
    array = pa.array(["at dawn", "x a", "bide awake"])[:2]
    # by hand: "x abide" holds "x a" but not "at dawn"; "x c abide" holds neither
    assert found_verbatim("x abide", array).tolist() == [False, True]
    assert found_verbatim("x c abide at dawn", array).tolist() == [True, False]


def test_a_quote_sharing_its_first_eight_bytes_with_many_word_starts() -> None:
    # 1,000 word starts begin "minister" and go on differently; one goes on as the quote
    text = " ".join(f"minister{i:04d} said" for i in range(1000)) + " ministerial office said"
    quotes = ["said ministerial office", "said ministerial offices", "said minister0999 said"]
    # by hand: the first and the last stand in it; the text ends at "office said", not "offices"
    assert found_verbatim(text, quotes).tolist() == [True, False, True]


def test_quotes_shorter_than_the_key() -> None:
    text = "an ox met a cat on Tuesday at noon"
    quotes = ["an ox", "a cat", "on Tuesday", "y at", "t a", "a dog", "on Tues day", "ox  met"]
    # by hand: "y at" spans "Tuesday at" and "t a" "met a"; "a dog" and "on Tues day" do
    # not stand in it; "ox  met" is "ox met" once normalised
    assert found_verbatim(text, quotes).tolist() == [True, True, True, True, True, False, False, True]
