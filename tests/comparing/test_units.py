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
