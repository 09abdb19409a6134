"""The docs: generated parts current, the data dictionary complete (tests/test_schema.py),
and every page about the software, not the history of its making."""

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _renderer():
    spec = importlib.util.spec_from_file_location("render_docs", ROOT / "benchmarks" / "render_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_parts_are_current():
    render = _renderer()
    stale = []
    for name, (path, make) in render.PARTS.items():
        text = path.read_text(encoding="utf-8")
        if render.rendered(text, name, make()) != text:
            stale.append(name)
    assert not stale, f"{stale}: run .venv/bin/python benchmarks/render_docs.py"


def test_every_measured_table_of_the_benchmarks_page_is_generated():
    """A figure typed by hand goes stale when a benchmark is re-run; each table is written
    from benchmarks/results.json instead."""
    text = (ROOT / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    outside = re.sub(r"<!-- generated: ([\w-]+) -->.*?<!-- end generated: \1 -->", "", text, flags=re.S)
    hand_tables = [line for line in outside.splitlines() if line.startswith("|")]
    assert not hand_tables, hand_tables[:3]


def test_a_changed_result_changes_its_table():
    render = _renderer()
    results = render._results()
    before = render.TABLES["claim-status-table"](results)
    results["claim_status"]["figures"]["strict accuracy"] = 0.5
    assert "**0.500**" in render.TABLES["claim-status-table"](results)
    assert "**0.500**" not in before


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_pages_describe_the_software_not_its_history(page):
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"\b(this|last|earlier|previous) sessions?\b|\bwe tried\b|\bearlier we\b", text, re.I)


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_links_between_pages_resolve(page):
    for target in re.findall(r"\]\(([^)#]+\.md)\)", page.read_text(encoding="utf-8")):
        assert (page.parent / target).exists(), (page.name, target)


def test_the_readme_is_a_front_door():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 200
    for page in ("docs/usage.md", "docs/data-dictionary.md", "docs/how-it-works.md", "docs/benchmarks.md", "docs/teaching-guide.md"):
        assert page in readme, page


def test_how_it_works_names_every_attribution_rule():
    from pathlib import Path

    from analysis.rules.attribution import VERB_RULES

    text = (Path(__file__).resolve().parents[1] / "docs" / "how-it-works.md").read_text(encoding="utf-8")
    assert [name for name in VERB_RULES if f"`{name}`" not in text] == []
