"""Where outlets differ: each rule on the two sample reports, in plain words."""

from analysis import analyze
from analysis.comparing import compare
from analysis.comparing.differences import RULES
from analysis.vocabulary import COVERAGE_DIFFERENCE


def _details(comparison, kind):
    rows = comparison.differences
    return rows.loc[rows["difference"] == kind, "detail"].tolist()


def test_every_difference_is_a_vocabulary_label_and_every_rule_is_one():
    assert set(RULES) <= set(COVERAGE_DIFFERENCE)


def test_a_figure_that_differs_is_found_once_per_pair(nlp):
    from analysis import analyze
    from analysis.comparing import compare

    a = analyze("Bridge traffic\n\nAbout 30,000 vehicles cross the Harbour Bridge each day, the council said.", nlp=nlp)
    b = analyze("Bridge traffic\n\nSome 35,000 vehicles cross the Harbour Bridge every day.", nlp=nlp)
    details = _details(compare([a, b]), "number_differs")
    assert len(details) == 1 and "30,000" in details[0] and "35,000" in details[0]


def test_a_claim_stated_as_fact_against_one_attributed_is_found(comparison):
    details = _details(comparison, "fact_vs_attributed")
    assert any(d.startswith("sample_coverage_local.txt states it as fact") and "from" in d for d in details)


def test_a_source_only_one_outlet_cites_is_found(comparison):
    details = _details(comparison, "source_only_here")
    assert "Only sample_coverage_local.txt cites Councillor Ravi Menon." in details
    assert any("Dana Whitlock" in d for d in details)


def test_a_headline_is_set_against_the_matching_clause_not_the_whole_sentence(comparison):
    # The local report's "The Harbour Bridge ... was closed on Tuesday after a crack was
    # found in the main span, and it could stay shut for a month": the closure is stated,
    # only the month is hedged, so the wire's flat headline softens nothing there.
    units = comparison.units
    local = units[(units["article"] == "sample_coverage_local.txt") & (units["sent_id"] == 2)].set_index("kind")
    assert local.loc["sentence", "status"] == "hedged"
    clauses = local.loc[["clause"]]
    assert sorted(clauses["status"]) == ["asserted", "hedged"]
    found = comparison.differences
    assert found[(found["difference"] == "headline_surer") & (found["other"] == "sample_coverage_local.txt")].empty


def test_a_headline_that_attributes_or_hedges_is_not_set_against_other_bodies(nlp):
    from analysis import analyze
    from analysis.comparing import compare

    a = analyze("Bridge may stay shut for weeks, council says\n\nThe Harbour Bridge in Port Ellery was closed on Tuesday "
                "after engineers found a crack in its main span, the council said.", nlp=nlp)  # fmt: skip
    b = analyze("Harbour Bridge closed\n\nThe Harbour Bridge in Port Ellery could stay closed for weeks after a crack was "
                "found in its main span on Tuesday, officials said.", nlp=nlp)  # fmt: skip
    comparison = compare([a, b])
    first, second = comparison.articles["article"]
    found = comparison.differences
    against = found[(found["difference"] == "headline_surer") & found["other"].notna()]
    # "..., council says" attributes its claim: only the flat "Harbour Bridge closed" is set
    # against the other body, where the council says it.
    assert against["article"].tolist() == [second] and against["other"].tolist() == [first]
    assert "gives it as reported, from council" in against.iloc[0]["detail"]


def test_a_source_the_other_outlet_cites_without_a_name_is_not_only_here(comparison):
    # The wire cites "the city council"; the local paper "The council": not only the wire's.
    only = comparison.differences[comparison.differences["difference"] == "source_only_here"]["detail"]
    assert not only.str.contains("council$|council\\.$", regex=True).any() and not only.str.contains("Harbour Bridge").any()
    assert only.str.contains("Dana Whitlock").any()


def test_a_quotation_whose_speaker_the_article_does_not_name_is_no_nameless_source(nlp):
    from analysis import analyze
    from analysis.comparing import compare

    a = analyze("Gun sale\n\nZimmerman said the pistol still has the case number written on it in silver marker.", nlp=nlp)
    b = analyze("Gun sale\n\nHe is now selling the handgun.\n\n\"The pistol currently has the case number written on it in "
                "silver permanent marker.\"", nlp=nlp)  # fmt: skip
    comparison = compare([a, b])
    assert comparison.alignment["matched"].any()  # the same claim, matched
    kinds = set(comparison.differences["difference"])
    assert not kinds & {"named_vs_nameless", "source_differs"}


def test_a_name_inside_someones_quotation_is_not_a_source_the_article_cites(nlp):
    from analysis import analyze
    from analysis.comparing import compare

    a = analyze("Sanders\n\n\"Bernie Sanders believes the fight goes on to the convention,\" his aide Tad Devine said on "
                "Wednesday.", nlp=nlp)  # fmt: skip
    b = analyze("Sanders\n\nThe senator from Vermont will stay in the race until the convention, his campaign said.", nlp=nlp)
    details = _details(compare([a, b]), "source_only_here")
    assert any("Tad Devine" in d for d in details) and not any("Bernie" in d for d in details)


def test_a_difference_needs_the_matched_claims_to_tell_one_event(nlp):
    from analysis.comparing.differences import find_differences

    comparison = compare([analyze("Fire\n\nA fire destroyed the old mill in Hexham on Monday.", nlp=nlp),
                          analyze("Fire\n\nA fire destroyed the old mill in Hexham on Monday, police said.", nlp=nlp)])  # fmt: skip
    assert "fact_vs_attributed" in set(comparison.differences["difference"])
    # The same pair, as if the matched claims shared only a topic's words: no difference shown
    alignment = comparison.alignment.assign(event_in_common=False)
    shown = find_differences(comparison.claims, alignment, comparison.analyses, units=comparison.units)
    assert not set(shown["difference"]) & {"fact_vs_attributed", "surer_vs_hedged", "source_differs"}


def test_a_hedge_elsewhere_in_the_sentence_is_no_hedge_on_the_matched_claim(nlp):
    firm = analyze("Vote\n\nThe senator won three more states on Tuesday.", nlp=nlp)
    elsewhere = analyze("Vote\n\nWinning three more states on Tuesday, the senator could become her party's "
                        "nominee.", nlp=nlp)  # fmt: skip
    on_it = analyze("Vote\n\nThe senator may have won three more states on Tuesday.", nlp=nlp)
    assert "surer_vs_hedged" not in set(compare([firm, elsewhere]).differences["difference"])
    assert "surer_vs_hedged" in set(compare([firm, on_it]).differences["difference"])


def test_a_described_document_and_a_named_one_of_its_kind_may_be_one_source():
    from analysis.comparing.differences import source_differs

    def side(article, source, kind="document"):
        return {"article": article, "sent_id": 1, "claim_source": source, "claim_source_type": kind}

    # Politico's "The survey" and the NYT's "The poll by the Public Policy Institute of California" (PolNeAR train)
    assert source_differs(side("a", "The survey"), side("b", "The poll by the Public Policy Institute of California")) is None
    assert source_differs(side("a", "The Field Poll"), side("b", "The poll by the Public Policy Institute of California"))


def test_figures_for_one_counted_thing_differ_only_in_sentences_about_one_name():
    from analysis.comparing.differences import number_differs

    def side(article, text, names, figure):
        return {"article": article, "sent_id": 1, "text": text, "entities": frozenset(names), "numbers": [figure]}

    sanders = side("a", "Sanders needs 836 delegates.", {"Sanders"}, (836.0, False, "delegate", "836"))
    clinton = side("b", "Clinton is 71 delegates short.", {"Clinton"}, (71.0, False, "delegate", "71"))
    assert number_differs(sanders, clinton) is None  # two people's counts
    clinton_a = side("a", "Hillary Clinton needs 50 delegates.", {"Hillary Clinton"}, (50.0, False, "delegate", "50"))
    assert "50" in number_differs(clinton_a, clinton) and "71" in number_differs(clinton_a, clinton)


def test_a_source_the_other_outlet_mentions_without_an_attribution_is_not_only_here(nlp):
    # A blind teacher review of PolNeAR dev pair 2: "Only B cites Times", though A names
    # "the New York Times report" in a sentence the tool reads no attribution in.
    a = analyze("Taxes\n\nTrump did not dispute the New York Times report, which drew attention to the loss.", nlp=nlp)
    b = analyze("Taxes\n\nThe Times wrote that Trump had claimed a loss of $916 million.", nlp=nlp)
    assert not any("Times" in d for d in _details(compare([a, b]), "source_only_here"))


def test_a_claim_from_a_quotation_that_runs_over_sentences_is_this_sentences_part(nlp):
    # PolNeAR dev pair 1: a card's claim began with the closing mark of the paragraph before.
    from analysis.comparing.units import claim_units

    text = ("Clinton\n\n\u201cHow many times do we have to see this?\u201d Clinton said. \u201cIn Tulsa, an unarmed man "
            "with his hands in the air. This is just unbearable.\u201d\n\n\u201cMaybe I can, by speaking directly to white "
            "people, say, look, this is not who we are,\u201d she continued.")  # fmt: skip
    result = analyze(text, nlp=nlp)
    bounds = result.sentences.set_index("sent_id")[["start", "end"]]
    for unit in claim_units(result, "A").itertuples():
        assert bounds.at[unit.sent_id, "start"] <= unit.start and unit.end <= bounds.at[unit.sent_id, "end"], unit.text
