"""Write the generated parts of the docs: the glossary of the teaching guide (from
``analysis/vocabulary.py``), the figures at a glance of the benchmarks page (from
``benchmarks/results.json``) and the picture of the stages on how it works (from the
package's imports, ``analysis/architecture.py``). Each part sits between ``<!-- generated: NAME -->`` and
``<!-- end generated: NAME -->``; a test fails when a part is out of date.

    .venv/bin/python benchmarks/render_docs.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.architecture import mermaid  # noqa: E402
from analysis.presenting.narrate import glossary_markdown, trust_text  # noqa: E402

DOCS = Path(__file__).resolve().parent.parent / "docs"
PARTS = {
    "glossary": (DOCS / "teaching-guide.md", glossary_markdown),
    "figures": (DOCS / "benchmarks.md", trust_text),
    "architecture": (DOCS / "how-it-works.md", mermaid),
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
