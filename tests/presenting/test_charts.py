"""Charts: every label from article text drawn literally, colours from the vocabulary,
an empty chart that says why."""

from analysis import analyze
from analysis.presenting import charts
from analysis.vocabulary import STATUS


def test_a_dollar_sign_in_article_text_is_drawn_as_itself():
    assert charts.literal("$5m for $$x^2$$ Holdings") == r"\$5m for \$\$x^2\$\$ Holdings"


def test_claims_by_status_draws_every_status_in_its_colour(seed):
    figure = charts.claims_by_status(seed)
    colours = {tuple(round(c, 3) for c in bar.get_facecolor()[:3]) for bar in figure.axes[0].patches}
    from matplotlib.colors import to_rgb

    assert {tuple(round(c, 3) for c in to_rgb(STATUS.colours[s])) for s in STATUS} <= colours


def test_a_chart_with_nothing_to_show_says_so(nlp):
    result = analyze("Quiet day\n\nNothing much happened in the town on Monday, and the shops stayed open late.", nlp=nlp)
    figure = charts.numbers_chart(result)
    texts = [t.get_text() for ax in figure.axes for t in ax.texts]
    assert any("no" in t.lower() for t in texts), texts
