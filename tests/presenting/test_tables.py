"""Folded tables: no index, readable names, reasons plain first, lists as lists, blanks
for missing values, and article text escaped."""

import pandas as pd

from analysis.presenting.tables import folded_table, split_reason


def test_a_reason_splits_into_plain_words_and_its_technical_asides():
    plain, technical = split_reason("hedge 'Speculation' (speculation_noun) governs the main claim (nsubj of 'growing' > 'growing')")
    assert plain == "hedge 'Speculation' governs the main claim"
    assert technical == "speculation_noun; nsubj of 'growing' > 'growing'"
    assert split_reason("attributed to 'Moscow' by 'made it clear' (assertive)") == ("attributed to 'Moscow' by 'made it clear' (assertive)", "")
    assert split_reason("'reports' with no named outlet [rule: media_noun]") == ("'reports' with no named outlet", "media_noun")


def test_the_table_is_folded_readable_and_escaped():
    frame = pd.DataFrame({"sent_id": [3, 4], "status_reason": ["stated by the author (rule: x_y)", None],
                          "hedges": [["could", "may"], []], "claim_source": ["<script>alert(1)</script>", float("nan")],
                          "value": [12000000.0, 2026.0]})  # fmt: skip
    page = folded_table(frame, "Every body sentence")._repr_html_()
    assert page.count("<details") == 1 and "<summary>Every body sentence" in page and "(2 rows)" in page
    assert ">sentence</th>" in page and ">why this status</th>" in page  # readable names
    assert "<li>could</li><li>may</li>" in page
    assert "<small>x_y</small>" in page or "<small>rule: x_y</small>" in page
    assert "&lt;script&gt;" in page and "<script>" not in page
    assert "nan" not in page.lower().replace("span", "") and "None" not in page
    assert "12,000,000" in page and ">2026<" in page


def test_an_empty_table_says_so():
    page = folded_table(pd.DataFrame({"a": []}), "Nothing here")._repr_html_()
    assert "Nothing to show" in page and "(0 rows)" in page
