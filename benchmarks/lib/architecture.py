"""The package's stages in pipeline order, and the imports between them, read from the
source: a test holds every import to run forward (a stage uses only itself and the
stages before it), and the docs draw the graph from :func:`stage_imports`."""

from __future__ import annotations

import ast
from pathlib import Path

from analysis import config

__all__ = ["STAGES", "stage_of", "stage_imports", "backward_imports", "mermaid"]

#: The stages, in pipeline order, with the modules or subpackages each holds and what it does.
STAGES: dict[str, tuple[tuple[str, ...], str]] = {
    "foundation": (("config", "errors", "vocabulary", "schema", "lexicon"), "paths and limits, errors, label sets, the table contract, lexicons"),
    "reading": (("reading",), "files, pages and bytes into an Article"),
    "parse": (("parse",), "the spaCy pipeline"),
    "text": (("text",), "paragraphs and roles, sentences and tokens"),
    "rules": (("rules",), "cues, claims, attribution, quotes, names, sources, entities, numbers, dates, findings"),
    "core": (("core",), "analyze() and the Analysis object"),
    "presenting": (("presenting",), "charts, narration, annotated article, report, export"),
    "comparing": (("comparing",), "two to five articles on one story: shared names, aligned claims, where they differ"),
    "classroom": (("classroom",), "exercises: the student and teacher folders, marking a class"),
    "corpus": (("corpus",), "corpus runs"),
    "command line": (("cli", "__main__"), "the commands"),
}  # fmt: skip
_ORDER = {name: i for i, name in enumerate(STAGES)}
_STAGE_OF = {part: name for name, (parts, _) in STAGES.items() for part in parts}


def stage_of(module: str) -> str | None:
    """The stage of a module ``analysis.x.y`` (None for the package's own ``__init__``)."""
    parts = module.split(".")
    if parts[0] != "analysis" or len(parts) < 2:
        return None
    return _STAGE_OF.get(parts[1])


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("analysis"):
            found |= {f"{node.module}.{a.name}" if node.module == "analysis" else node.module for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("analysis")}
    return found


def _modules(package: Path | None = None):
    package = package or config.PACKAGE_DIR
    for path in sorted(package.rglob("*.py")):
        module = ".".join(path.relative_to(package.parent).with_suffix("").parts)
        if module.endswith("__init__") and module.count(".") == 1:
            continue  # the package's lazy exports
        yield module, path


def stage_imports(package: Path | None = None) -> dict[tuple[str, str], list[str]]:
    """(importing stage, imported stage) -> the importing modules, across stages."""
    edges: dict[tuple[str, str], list[str]] = {}
    for module, path in _modules(package):
        source = stage_of(module)
        for target in _imports(path):
            stage = stage_of(target)
            if source and stage and stage != source:
                edges.setdefault((source, stage), []).append(module)
    return edges


def backward_imports(package: Path | None = None) -> list[str]:
    """Imports that run back up the pipeline (a stage using a later one): none, by design."""
    return [f"{module} ({a}) imports a later stage ({b})" for (a, b), modules in stage_imports(package).items()
            if _ORDER[b] > _ORDER[a] for module in sorted(set(modules))]  # fmt: skip


def mermaid(package: Path | None = None) -> str:
    """The stages and the imports between them as a Mermaid flowchart, the pipeline from
    top to bottom (an arrow: "is used by"; every stage uses the foundation)."""
    lines = ["```mermaid", "flowchart TD"]
    for name, (_, what) in STAGES.items():
        lines.append(f'    {name.replace(" ", "_")}["<b>{name}</b><br/>{what}"]')
    for a, b in sorted(stage_imports(package), key=lambda e: (_ORDER[e[1]], _ORDER[e[0]])):
        if b != "foundation":  # every stage uses the foundation: its arrows would hide the rest
            lines.append(f"    {b.replace(' ', '_')} --> {a.replace(' ', '_')}")
    lines.append("```")
    return "\n".join(lines)
