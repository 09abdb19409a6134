"""One vocabulary: every closed label set lives in ``analysis/vocabulary.py``, with an
order, a colour where charts need one, and a plain-English description; nothing else
writes a label list out."""

import ast
import json
from pathlib import Path

import pytest

from analysis import vocabulary
from analysis.schema import LABELS

ROOT = Path(__file__).resolve().parent.parent
SETS = {name: value for name, value in vars(vocabulary).items() if isinstance(value, vocabulary.LabelSet)}


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_label_has_a_plain_description(name):
    for label in SETS[name].labels:
        words = label.description.split()
        assert 4 <= len(words) <= 30, (name, label.name, label.description)
        assert label.description[0].isupper() and label.description.endswith((".", '"')), label.description
        # Plain words first: no rule names or column names in what a student reads.
        assert "_" not in label.description, label.description


def test_the_schema_reads_the_vocabulary():
    for key, labels in vocabulary.ALL.items():
        assert set(labels) <= LABELS[key]


def test_statuses_and_source_types_have_colours():
    assert set(vocabulary.STATUS.colours) == set(vocabulary.STATUS)
    assert set(vocabulary.SOURCE_TYPE.colours) == set(vocabulary.SOURCE_TYPE)


def _label_lists(tree: ast.AST):
    """String collections (tuples, lists, sets, dict keys) written out in a module."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            values = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        elif isinstance(node, ast.Dict):
            if node.values and all(isinstance(v, (ast.Name, ast.Attribute)) for v in node.values):
                continue  # a rule table keyed by the label each rule sets ("headline_flat": _check_flat)
            values = [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
        else:
            continue
        yield node, values


def _offending(source: str, where: str) -> list[str]:
    found = []
    for node, values in _label_lists(ast.parse(source)):
        for name, labels in SETS.items():
            shared = set(values) & set(labels)
            # Three or more labels of one set written together is a copy of that set
            # (two, such as "headline" and "standfirst", may be a rule's own pair).
            if len(shared) >= 3 and len(shared) >= len(set(labels)) // 2:
                found.append(f"{where}:{getattr(node, 'lineno', '?')}: {sorted(shared)} copies vocabulary.{name}")
    return found


def test_no_label_list_is_written_outside_the_vocabulary():
    problems = []
    for path in sorted((ROOT / "analysis").rglob("*.py")):
        if path.name == "vocabulary.py":
            continue
        problems += _offending(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for number, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
            if cell["cell_type"] == "code":
                try:
                    problems += _offending("".join(cell["source"]), f"{path.relative_to(ROOT)} cell {number}")
                except SyntaxError:  # a magic or shell line: not Python to check
                    continue
    assert not problems, "\n".join(problems)


def test_the_guard_finds_a_copied_list():
    assert _offending('ORDER = ("confirmed", "reported", "asserted", "hedged", "unconfirmed")', "x")
    assert not _offending('PAIR = ("headline", "standfirst")', "x")


def test_rule_tables_are_keyed_by_labels_of_the_vocabulary():
    from analysis.rules.findings import HEADLINE_RULES
    from analysis.rules.entities import ENTITY_RULES
    from analysis.text.structure import ROLE_RULES

    assert set(ROLE_RULES) <= set(vocabulary.PARAGRAPH_ROLE)
    assert set(ENTITY_RULES) <= set(vocabulary.ENTITY_LABEL_RULE)
    assert set(HEADLINE_RULES) <= set(vocabulary.FINDING)
    assert list(HEADLINE_RULES) == [f for f in vocabulary.FINDING if vocabulary.FINDING.groups()[f] == "headline"]


def test_the_runtime_package_never_imports_the_benchmark_helpers():
    for path in sorted((ROOT / "analysis").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])  # fmt: skip
            assert not any(n.startswith(("benchmarks", "lib.")) or n in ("benchmarking", "corpora", "cue_learning")
                           for n in names), (path, names)  # fmt: skip


def test_defensible_answers_are_labels_of_their_field_and_run_one_way_for_statuses():
    sets = {"status": vocabulary.STATUS, "source_type": vocabulary.SOURCE_TYPE}
    for (field, best, given), reason in vocabulary.DEFENSIBLE_ANSWERS.items():
        assert best in sets[field] and given in sets[field] and best != given
        assert reason and "_" not in reason
    assert ("status", "confirmed", "reported") in vocabulary.DEFENSIBLE_ANSWERS
    assert ("status", "reported", "confirmed") not in vocabulary.DEFENSIBLE_ANSWERS


def test_a_group_of_labels_the_vocabulary_lacks_is_an_error():
    from analysis.vocabulary import STATUS, _group

    assert _group({"hedged"}, STATUS) == frozenset({"hedged"})
    with pytest.raises(ValueError, match="hedgd"):
        _group({"hedgd", "unconfirmed"}, STATUS)
