"""Property tests: analyze never crashes and keeps every offset valid on arbitrary text."""

import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import analyze
from analysis.errors import InputError
from analysis.textnorm import normalize

# Article-like pieces mixed with arbitrary Unicode (including quotes, spaces and
# control characters the normaliser maps), joined by the separators articles use.
PIECES = st.one_of(
    st.text(max_size=80),
    st.sampled_from(
        [
            "Headline", "font change", "Read more: x", "\u201cQuoted,\u201d he said.", "\u00a0", "\u2014",
            "The minister said the plan would work.", '"', "\u2019s", "12,000", "\r\n", "\t", "\ufeff",
            "Officials declined to comment.", "\U0001f600", "e\u0301", "\u200b",
        ]
    ),
)  # fmt: skip
# "-" alone means standard input (documented); it is not article text.
ARTICLES = (st.lists(PIECES, max_size=12).map(lambda parts: "\n\n".join(parts)) | st.text(max_size=300)).filter(
    lambda text: text != "-"
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLES)
def test_analyze_never_crashes_and_offsets_stay_valid(nlp, text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = analyze(text, nlp=nlp)
        except InputError:
            # Only text with nothing in it, or a one-line string naming a missing
            # file, may be refused.
            assert not normalize(text).strip() or text.strip().lower().endswith((".txt", ".text", ".html", ".htm"))
            return
    assert result.check() == []
    assert len(result.paragraphs) >= 1
    assert result.paragraphs["role"].iloc[0] == "headline"
