"""The HTML report and its parts: prose from the data, the annotated article, the rendered page."""

import html
import re

import pytest

from analysis import analyze, config
from analysis.presenting.annotate import annotated_html
from analysis.cli import main
from analysis.presenting.narrate import trust_table, trust_text
from analysis.presenting.report import build_report

from ..conftest import DATA_DIR

SCRIPT_ARTICLE = (
    "Minister <script>alert('x')</script> quits\n\n"
    "The minister resigned on Monday, officials said. <script>alert('y')</script> Reports suggest "
    "that <b>bold</b> claims may follow.\n\n"
    "\"We are sorry,\" a spokesman said, adding that about 300 staff * would [leave](http://x)."
)


def _visible(page: str) -> str:
    """Text a reader sees: tags dropped, entities decoded, spaces collapsed."""
    text = re.sub(r"<style.*?</style>", " ", page, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return re.sub(r"\s+", " ", text)


def test_annotated_view_escapes_article_text_and_keeps_every_body_sentence(nlp, tmp_path):
    path = tmp_path / "script.txt"
    path.write_text(SCRIPT_ARTICLE, encoding="utf-8")
    result = analyze(path, nlp=nlp)
    page = annotated_html(result)
    assert "<script" not in page.lower() and "<b>bold" not in page
    visible = _visible(page)
    assert "<script>alert('y')</script>" in visible  # shown as text
    for sentence in result.body_sentences["text"]:
        assert re.sub(r"\s+", " ", sentence) in visible


def test_annotated_view_marks_each_label_with_its_reason(seed):
    page = annotated_html(seed)
    for kind in ("m-hedge", "m-booster", "m-source", "m-cue", "m-quote-direct", "m-quote-scare", "m-entity"):
        assert f'class="{kind}' in page or f" {kind}" in page, kind
    assert 'class="nonbody"' in page and ">pull quote<" in page
    assert "st-hedged" in page and "st-confirmed" in page
    assert "person source: Lloyd Austin." in page


def test_trust_table_reads_the_results_file_never_typed():
    results = {"entity_recognition": {"figures": {"with corrections": {"f1": 12.3}}, "command": "c", "date": "d"}}
    table = trust_table(results)
    row = table[table["label"] == "Named entities"].iloc[0]
    assert row["figure"] == "12.3"
    assert set(table[table["label"] != "Named entities"]["figure"]) == {"not measured"}
    assert "12.3" in trust_text(results)


@pytest.fixture(scope="module")
def bbc_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    lines = []
    build_report(DATA_DIR / "bbc" / "business_071.txt", out, progress=lines.append)
    return out, lines


def test_report_on_a_real_article_is_self_contained(bbc_report, nlp):
    out, lines = bbc_report
    page = (out / "report.html").read_text(encoding="utf-8")
    assert len(lines) == 3 and lines[0].startswith("[1/3]")
    # Every chart embedded as an image; nothing loaded from the web.
    assert page.count('src="data:image/png;base64,') >= 6
    assert not re.search(r"<script[^>]*\bsrc=", page, re.I)
    assert not re.search(r"<link[^>]*\bhref=\"https?:", page, re.I)
    assert not re.search(r"https?://[^\s\"']*cdn", page, re.I)
    # No code shown, no error output.
    assert "analyze_once(" not in page and "Traceback" not in page
    # Every body sentence is in the annotated view.
    result = analyze(DATA_DIR / "bbc" / "business_071.txt", nlp=nlp)
    visible = _visible(page)
    for sentence in result.body_sentences["text"]:
        assert re.sub(r"\s+", " ", sentence) in visible
    assert "How far to trust these labels" in visible
    # The tables beside the report.
    assert (out / "sentences.csv").exists() and (out / "entity_summary.csv").exists()


def test_report_renders_an_article_with_script_inert(tmp_path):
    article = tmp_path / "script.txt"
    article.write_text(SCRIPT_ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    build_report(article, out, progress=lambda line: None)
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert "<b>bold" not in page
    assert "alert(" in _visible(page)  # shown as text


def test_report_command_refuses_bad_input_in_one_line(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["report", str(tmp_path / "missing.txt"), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("analysis: error:")
    assert not out.exists()


def test_report_default_article_is_the_seed():
    from analysis.cli import build_parser

    args = build_parser().parse_args(["report"])
    assert args.articles == [str(config.SEED_ARTICLE)]


def test_setup_cells_are_found_by_their_tag_not_their_code():
    import nbformat

    from analysis.presenting.report import _is_setup, notebook_paths

    for path in notebook_paths():
        cells = nbformat.read(path, as_version=4).cells
        assert sum("setup" in c.metadata.get("tags", []) for c in cells) == 1, path
    untagged = nbformat.v4.new_code_cell("result = analyze_once(article_path)")
    assert not _is_setup(untagged)
    assert _is_setup(nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["setup"]}))


def test_the_report_passes_its_options_as_papermill_parameters(tmp_path):
    """model, hedge_domain and tables_dir go in as parameters every report notebook
    declares, injected after the first one's parameters cell; no code is written for
    the kernel and nothing goes through the environment."""
    import nbformat

    from analysis.presenting.report import combined_notebook, notebook_paths

    for path in notebook_paths():
        cells = nbformat.read(path, as_version=4).cells
        declared = next(c.source for c in cells if "parameters" in c.metadata.get("tags", []))
        for name in ("article_path", "model", "hedge_domain", "tables_dir"):
            assert f"{name}: str = " in declared, (path, name)
    combined = combined_notebook(tmp_path / "a.txt", tables_dir=tmp_path / "t", hedge_domain="bio")
    tags = [c.metadata.get("tags", []) for c in combined.cells]
    injected = combined.cells[next(i for i, t in enumerate(tags) if "injected-parameters" in t)]
    assert f"tables_dir = {str(tmp_path / 't')!r}" in injected.source
    assert "hedge_domain = 'bio'" in injected.source and "model = ''" in injected.source
    assert tags.index(["injected-parameters"]) == tags.index(["parameters"]) + 1
    assert not any("remove-cell" in t and "setup" not in t for t in tags[-1:])  # no cell added at the end


def test_the_report_title_is_the_first_paragraph():
    from analysis.text.structure import first_paragraph

    assert first_paragraph("Talks fail\n\nThe talks failed on Monday.") == "Talks fail"
    assert first_paragraph("") is None


def test_running_a_notebook_leaves_no_kernel_client_threads_behind():
    # nbclient leaves the channels of a client it made for a kernel it was given
    # running: one thread and its sockets per notebook run, for the life of a process.
    import threading

    import nbformat

    from analysis.presenting.report import execute

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    execute(notebook, timeout=60)  # the first run may start threads that live for the process
    before = {t.ident for t in threading.enumerate()}
    execute(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("2 + 2")]), timeout=60)
    assert {t.ident for t in threading.enumerate()} - before == set()
