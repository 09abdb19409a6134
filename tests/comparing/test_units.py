"""Claim units: a sentence's claims one by one, each with its own source and status."""

from analysis import analyze
from analysis.comparing.units import claim_units


def test_a_sentence_gives_its_attributions_contents_and_coordinated_clauses_as_units(nlp):
    result = analyze("Bridge\n\nThe council said the bridge would stay closed for two weeks. The bridge was closed on "
                     "Tuesday after a crack was found, and it could stay shut for a month.", nlp=nlp)  # fmt: skip
    units = claim_units(result, "a")
    said = units[units["sent_id"] == 1].set_index("kind")
    assert said.loc["content", "text"] == "the bridge would stay closed for two weeks"
    assert said.loc["content", "claim_source"] == "The council" and said.loc["content", "status"] == "reported"
    clauses = units[(units["sent_id"] == 2) & (units["kind"] == "clause")]
    assert clauses["text"].str.startswith("The bridge was closed").any() and clauses["text"].str.startswith("it could").any()
    assert dict(zip(clauses["text"].str[:6], clauses["status"])) == {"The br": "asserted", "it cou": "hedged"}
    assert units.loc[units["sent_id"] == 2, "kind"].tolist()[0] == "sentence"  # the whole sentence stays a unit


def test_speech_inside_a_quotation_is_not_a_claim_of_its_own(nlp):
    result = analyze("Debate\n\n\u201cSo far, I cannot believe how civil it has been up here,\u201d Trump said of the debate.", nlp=nlp)
    units = claim_units(result, "a")
    # The quotation is Trump's claim; "I cannot believe" inside it is no claim of an "I".
    assert set(units["claim_source"]) == {"Trump"} and len(units) == 2


def test_each_verb_keeps_the_names_doing_it_and_what_it_is_about(nlp):
    result = analyze("Results\n\nMaria Lopez was leading the count in the north, winning Leeds and York. Her rival, "
                     "John Smith, won the seat in Hull, and the party called on him to resign.", nlp=nlp)  # fmt: skip
    units = claim_units(result, "a").set_index(["sent_id", "kind"])
    first = dict(units.loc[(1, "sentence"), "agents"])
    # "winning" has no subject of its own: its doer is the one of the verb it hangs on
    assert first["win"] == frozenset({"Maria Lopez"}) and first["lead"] == frozenset({"Maria Lopez"})
    assert {"leeds", "york"} <= dict(units.loc[(1, "sentence"), "events"])["win"]
    second = dict(units.loc[(2, "sentence"), "agents"])
    assert second["win"] == frozenset({"John Smith"})  # the name in apposition, not "Her rival"
    assert "resign" not in second  # "called on him to resign": the caller does not resign


def test_a_hedge_bears_on_its_own_verb_not_on_the_whole_sentence(nlp):
    result = analyze("Race\n\nWinning three more states, the senator strengthened her claim as the likely nominee. "
                     "The mayor may have won the vote.", nlp=nlp)  # fmt: skip
    units = claim_units(result, "a")
    hedged = dict(zip(units.loc[units["kind"] == "sentence", "sent_id"], units.loc[units["kind"] == "sentence", "hedged_verbs"]))
    assert "win" not in hedged[1] and "win" in hedged[2]


def test_each_verb_keeps_the_places_it_is_about(nlp):
    result = analyze("Results\n\nClinton won the Missouri Democratic primary. Sanders won the primary in North Carolina "
                     "and carried Ohio.", nlp=nlp)  # fmt: skip
    units = claim_units(result, "a").set_index(["sent_id", "kind"])
    assert dict(units.loc[(1, "sentence"), "places"])["win"] == frozenset({"Missouri"})
    second = dict(units.loc[(2, "sentence"), "places"])
    assert second["win"] == frozenset({"North Carolina"}) and second["carry"] == frozenset({"Ohio"})
