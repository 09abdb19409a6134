"""Claim rows: one per body claim, with what a match can rest on."""

from analysis.comparing.claims import claim_rows


def test_one_row_per_body_claim_with_its_lemmas_names_and_numbers(samples):
    wire, _ = samples
    rows = claim_rows(wire, "wire")
    assert len(rows) == len(wire.body_sentences) and set(rows["article"]) == {"wire"}
    vehicles = rows[rows["text"].str.contains("30,000 vehicles")].iloc[0]
    assert "vehicle" in vehicles["lemmas"].split()
    assert any(v == 30000 and counted == "vehicles" for v, _, counted, _ in vehicles["numbers"])
    engineer = rows[rows["text"].str.startswith("The council's chief engineer")].iloc[0]
    assert "Dana Whitlock" in engineer["entities"] and "Dana Whitlock" in engineer["speakers"]


def test_headlines_are_read_with_how_flatly_they_put_their_claim(samples):
    from analysis.comparing.claims import claim_and_headline_rows, claim_rows, headline_rows

    wire = samples[0]
    body, heads = claim_and_headline_rows(wire, "wire")
    assert body.equals(claim_rows(wire, "wire"))
    assert heads.to_dict("records") == headline_rows(wire, "wire").to_dict("records")
    assert heads["sent_id"].tolist() == [0] and heads["status"].tolist() == ["asserted"]  # "Harbour Bridge closed after crack found"
