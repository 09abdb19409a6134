"""Where outlets differ: each rule on the two sample reports, in plain words."""

from analysis.comparing.differences import RULES
from analysis.vocabulary import COVERAGE_DIFFERENCE


def _details(comparison, kind):
    rows = comparison.differences
    return rows.loc[rows["difference"] == kind, "detail"].tolist()


def test_every_difference_is_a_vocabulary_label_and_every_rule_is_one():
    assert set(RULES) <= set(COVERAGE_DIFFERENCE)


def test_a_figure_that_differs_is_found_once_per_pair(comparison):
    details = _details(comparison, "number_differs")
    assert any("35,000" in d and "30,000" in d for d in details)
    assert len([d for d in details if "35,000" in d]) == 1


def test_a_claim_stated_as_fact_against_one_attributed_is_found(comparison):
    details = _details(comparison, "fact_vs_attributed")
    assert any(d.startswith("sample_coverage_local.txt states it as fact") and "from" in d for d in details)


def test_a_source_only_one_outlet_cites_is_found(comparison):
    details = _details(comparison, "source_only_here")
    assert "Only sample_coverage_local.txt cites Councillor Ravi Menon." in details
    assert any("Dana Whitlock" in d for d in details)
