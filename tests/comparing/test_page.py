"""The comparison page and its files: offline, escaped, every table written."""

import json

from analysis import analyze, config
from analysis.cli import main
from analysis.comparing import compare
from analysis.comparing.page import compare_html, status_chart, summary_markdown, write_comparison


def test_the_page_is_offline_and_escapes_article_text(nlp, samples):
    hostile = analyze("Bridge <script>alert(1)</script> shut\n\nThe Harbour Bridge in Port Ellery was closed on Tuesday "
                      "after engineers found a crack in a steel beam, the <b>council</b> said. About 30,000 vehicles "
                      "cross the bridge each day.", nlp=nlp)  # fmt: skip
    page = compare_html(compare([hostile, samples[0]]))
    assert "<script" not in page.lower() and "&lt;script&gt;" in page
    assert "default-src 'none'" in page and "http" not in page.replace("http-equiv", "")


def test_the_files_hold_every_table(comparison, tmp_path):
    written = write_comparison(comparison, tmp_path)
    names = {p.name for p in written}
    assert {"compare.html", "alignment.csv", "differences.json", "side_by_side.csv", "shared.csv"} <= names
    rows = json.loads((tmp_path / "differences.json").read_text(encoding="utf-8"))
    assert rows and {"difference", "detail"} <= set(rows[0])


def test_the_summary_and_chart_read_the_comparison(comparison):
    text = summary_markdown(comparison)
    assert "look like the same story" in text and "states as fact what another reports" in text
    assert status_chart(comparison).axes


def test_the_command_writes_the_page_or_refuses_in_one_line(tmp_path, capsys):
    from tests.comparing.conftest import LOCAL, WIRE

    assert main(["compare", str(WIRE), str(LOCAL), "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "compare.html").exists()
    assert main(["compare", str(WIRE), "--out", str(tmp_path / "one")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].endswith("compare takes 2 to 5 articles, not 1") and not (tmp_path / "one").exists()


def test_articles_are_named_by_the_outlet_their_page_states(nlp):
    from analysis import analyze
    from analysis.comparing import compare
    from tests.comparing.conftest import WIRE

    page = analyze(config.PROJECT_DIR / "tests" / "data" / "news_page.html", nlp=nlp)
    names = compare([page, analyze(WIRE, nlp=nlp)]).articles["article"].tolist()
    assert names == ["The Riverside Gazette", "sample_coverage_wire.txt"]  # a text file has only its name
    twice = compare([page, page]).articles["article"].tolist()
    assert twice == ["The Riverside Gazette (news_page.html)", "The Riverside Gazette (news_page.html) (2)"]


def test_different_stories_get_a_page_that_says_so_without_one_outlet_only_lists(nlp):
    from analysis import analyze
    from analysis.comparing import compare
    from tests.comparing.conftest import WIRE

    comparison = compare([analyze(config.SEED_ARTICLE, nlp=nlp), analyze(WIRE, nlp=nlp)])
    assert not comparison.same_story
    page = compare_html(comparison)
    assert "<h1>These articles look like different stories</h1>" in page and "<title>Different stories</title>" in page
    assert "A source only one outlet quotes or cites" not in page and "only one outlet makes" not in page
