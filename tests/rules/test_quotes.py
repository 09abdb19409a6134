"""Quotations: spans by their marks, direct quotes with a speaker, scare quotes."""

from analysis import analyze
from analysis.rules.quotes import quote_spans


def test_quote_spans_keep_apostrophes_out():
    text = '"It\u2019s over," she said of the \u2018so-called\u2019 deal.'
    spans = [text[s:e] for s, e in quote_spans(text, [(0, len(text))])]
    assert spans == ['"It\u2019s over,"', "\u2018so-called\u2019"]


def test_a_quotation_gets_its_speaker_and_a_scare_quote_none(nlp):
    text = ('Talks\n\n"We will appeal against the ruling," the mayor said on Monday. Critics called the plan a "stunt" '
            "and said the council had ignored them for years.")  # fmt: skip
    quotes = analyze(text, nlp=nlp).quotes.set_index("kind")
    assert quotes.loc["direct", "speaker"] == "the mayor"
    assert quotes.loc["scare", "text"] == '"stunt"'


def test_the_enclosing_quote_is_the_innermost_of_the_kinds_asked():
    import pandas as pd

    from analysis.rules.quotes import enclosing_quote

    quotes = pd.DataFrame({"start": [10, 20], "end": [60, 30], "kind": ["direct", "scare"], "speaker": ["Ms Okafor", None]})
    assert enclosing_quote(quotes, 25)["kind"] == "scare"
    assert enclosing_quote(quotes, 25, kinds=("direct",))["speaker"] == "Ms Okafor"
    assert enclosing_quote(quotes, 5) is None and enclosing_quote(quotes, 60) is None
