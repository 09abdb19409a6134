"""Write the generated parts of the docs: the glossary of the teaching guide (from
``analysis/vocabulary.py``), the figures at a glance of the benchmarks page (from
``benchmarks/results.json``), every measured table of that page (from the same file,
``benchmarks/lib/figure_tables.py``), the picture of the stages on how it works (from the
package's imports, ``benchmarks/lib/architecture.py``) and the claim-status rules there (from
``analysis.rules.claims.STATUS_RULES``). Each part sits between ``<!-- generated: NAME -->`` and
``<!-- end generated: NAME -->``; a test fails when a part is out of date.

    .venv/bin/python benchmarks/render_docs.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from lib.architecture import mermaid  # noqa: E402
from analysis.presenting.narrate import glossary_markdown, trust_text  # noqa: E402
from lib.figure_tables import TABLES  # noqa: E402

DOCS = HERE.parent / "docs"
RESULTS = HERE / "results.json"


def _results() -> dict:
    return json.loads(RESULTS.read_text(encoding="utf-8"))


def status_rules() -> str:
    """The claim-status rules, from the registry (``analysis.rules.claims.STATUS_RULES``):
    name, the status it sets and what it means, in order."""
    from analysis.rules.claims import STATUS_RULES

    rows = ["| `status_rule` | status | when it decides |", "|---|---|---|"]
    for name, rule in STATUS_RULES.items():
        text = " ".join((rule.__doc__ or "").split("\n\n")[0].split())
        status, _, meaning = text.partition(": ")
        rows.append(f"| `{name}` | {status.strip('`')} | {meaning.replace('|', '/')} |")
    return "\n".join(rows)


def _table_maker(make):
    return lambda: make(_results())


PARTS = {
    "glossary": (DOCS / "teaching-guide.md", glossary_markdown),
    "figures": (DOCS / "benchmarks.md", trust_text),
    "architecture": (DOCS / "how-it-works.md", mermaid),
    "status-rules": (DOCS / "how-it-works.md", status_rules),
    **{name: (DOCS / "benchmarks.md", _table_maker(make)) for name, make in TABLES.items()},
}


def block(name: str, content: str) -> str:
    return f"<!-- generated: {name} -->\n{content.rstrip()}\n<!-- end generated: {name} -->"


def rendered(text: str, name: str, content: str) -> str:
    """``text`` with part ``name`` replaced by ``content``."""
    pattern = re.compile(rf"<!-- generated: {name} -->.*?<!-- end generated: {name} -->", re.S)
    if not pattern.search(text):
        raise SystemExit(f"{name}: no generated block in the page")
    return pattern.sub(lambda _: block(name, content), text)


def main() -> int:
    for name, (path, make) in PARTS.items():
        text = path.read_text(encoding="utf-8")
        new = rendered(text, name, make())
        if new != text:
            path.write_text(new, encoding="utf-8")
            print(f"updated {name} in {path}")
        else:
            print(f"{name} in {path} is up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
