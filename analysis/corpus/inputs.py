"""Corpus inputs: a folder, a JSONL or a CSV read lazily as items with unique ids, in batches."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path

from analysis import config
from analysis.errors import InputError


ARTICLE_SUFFIXES = config.TEXT_SUFFIXES | config.HTML_SUFFIXES


@dataclass(frozen=True)
class CorpusItem:
    """One article of a corpus: a file, or a text from a JSONL line or a CSV row.

    ``error`` is set when the record itself cannot be an article (invalid JSON, not an
    object, no text field, bytes that are not UTF-8, a link leading out of the folder):
    it becomes a row of ``errors``. ``made_id`` says the id was made from the line or row
    number (``line-7``) because the record gave none it could use: such an id gives way
    to a record's own id that happens to be the same (see :func:`_unique_ids`).
    """

    article_id: str
    source: str
    path: str | None = None
    text: str | None = None
    error: str | None = None
    made_id: bool = False


#: Characters that ``surrogateescape`` decoding makes of bytes that are not UTF-8.
_UNDECODABLE = re.compile("[\udc80-\udcff]")


def _printable(text: str) -> str:
    """``text`` as valid Unicode, for ids, sources and messages, which every table and
    ``done.jsonl`` must be able to write: a file name's bytes that are not UTF-8, or a
    lone surrogate from a JSON escape, are written as ``\\xe9``-style escapes."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        raw = text.encode("utf-8", "surrogateescape")  # bytes a file name held
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogatepass")  # lone surrogates from JSON escapes
    return raw.decode("utf-8", "backslashreplace")


def _record_id(value, fallback: str) -> tuple[str, str | None, bool]:
    """A record's id as text (a whole number and its digits are one id: ``7`` is ``"7"``),
    else the fallback and why the given one could not be used; last, whether the id is
    the fallback."""
    if value is None or value == "":
        return fallback, None, True
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return fallback, f"its id is a JSON {type(value).__name__}, not a string or a whole number", True
    return _printable(str(value)), None, False


def _json_items(path: Path, *, text_column: str, id_column: str | None) -> Iterator[CorpusItem]:
    """One item per non-blank line of a JSON Lines file (UTF-8, one object a line; a
    byte-order mark, as some editors save, is dropped)."""
    kinds = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true or false"}
    name = _printable(str(path))
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            fallback, source = f"line-{number}", f"{name}:{number}"
            try:
                record = json.loads(raw.decode("utf-8-sig"))
            except UnicodeDecodeError as error:
                yield CorpusItem(fallback, source, error=f"line {number} is not valid UTF-8 (byte {error.start}): JSON Lines must be UTF-8",
                                 made_id=True)  # fmt: skip
                continue
            except ValueError as error:
                yield CorpusItem(fallback, source, error=f"line {number} is not valid JSON: {error}", made_id=True)
                continue
            except RecursionError:  # "[[[[...": the parser gives up on deep nesting, and so do we
                yield CorpusItem(fallback, source, error=f"line {number} is nested too deeply to be an article record", made_id=True)
                continue
            if not isinstance(record, dict):
                kind = "null" if record is None else kinds.get(type(record), type(record).__name__)
                yield CorpusItem(fallback, source, error=f"line {number} is {kind}, not an object with a {text_column!r} field",
                                 made_id=True)  # fmt: skip
                continue
            key, bad_id, made = _record_id(record.get(id_column or "id"), fallback)
            text = record.get(text_column)
            if bad_id:
                yield CorpusItem(key, source, error=f"line {number}: {bad_id}", made_id=made)
            elif not isinstance(text, str):
                given = "no" if text is None else f"a non-text ({type(text).__name__})"
                yield CorpusItem(key, source, error=f"line {number} has {given} {text_column!r} field", made_id=made)
            else:
                yield CorpusItem(key, source, text=text, made_id=made)


def _csv_items(path: Path, source: str | Path, *, text_column: str, id_column: str | None) -> Iterator[CorpusItem]:
    """One item per row of a CSV file with a header (UTF-8; a BOM is dropped)."""
    csv.field_size_limit(max(csv.field_size_limit(), 4 * config.MAX_TEXT_CHARS))
    name = _printable(str(path))
    # Bytes that are not UTF-8 are kept as escapes, so only their own row is refused.
    with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = reader.fieldnames or []
        if text_column not in columns:
            raise InputError(f"{source}: no column {text_column!r} (have: {', '.join(columns) or 'no header'})")
        row = 0
        while True:
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as error:  # a field past the size limit, say: this row only
                row += 1
                yield CorpusItem(f"row-{row}", f"{name}:row {row}", error=f"row {row} cannot be read as CSV: {error}", made_id=True)
                continue
            row += 1
            fallback, where = f"row-{row}", f"{name}:row {row}"
            given = record.get(id_column or "id")
            key, made = (given, False) if given else (fallback, True)
            values = [v for v in record.values() if isinstance(v, str)]
            if any(_UNDECODABLE.search(v) for v in values):
                yield CorpusItem(fallback, where, error=f"row {row} is not valid UTF-8: CSV input must be UTF-8", made_id=True)
            elif None in record:  # more fields than the header names
                yield CorpusItem(key, where, error=f"row {row} has {len(columns) + len(record[None])} fields; the header names {len(columns)}",
                                 made_id=made)  # fmt: skip
            elif record.get(text_column) is None:
                yield CorpusItem(key, where, error=f"row {row} has fewer fields than the header: no {text_column!r}", made_id=made)
            else:
                yield CorpusItem(key, where, text=record[text_column], made_id=made)


def iter_items(source: str | Path, *, text_column: str = "text", id_column: str | None = None) -> Iterator[CorpusItem]:
    """The articles of a corpus, lazily: a folder of .txt/.html files (searched
    recursively, in sorted order; the id is the path inside the folder without its
    suffix; hidden files and a corpus's own documentation, README or LICENSE files,
    are left out), a JSONL file (one object per line with a text field), or a CSV with a text
    column (streamed row by row). Ids come from ``id_column`` when given, else ``id``, else
    the line or row number. A record that cannot be an article is an item with ``error``
    set, not an exception: one bad line does not stop the corpus.

    Raises:
        InputError: The corpus is missing, of an unknown kind, or lacks the text column.
    """
    path = Path(source)
    if path.is_dir():
        yield from _folder_items(path)
        return
    if not path.is_file():
        raise InputError(f"{source}: no such folder or file")
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from _json_items(path, text_column=text_column, id_column=id_column)
        return
    if suffix == ".csv":
        yield from _csv_items(path, source, text_column=text_column, id_column=id_column)
        return
    raise InputError(f"{source}: a corpus is a folder of .txt/.html files, a .jsonl file or a .csv file")


def _leaves_folder(file: Path, root: Path) -> bool:
    """Whether ``file``, its links followed, is outside ``root`` (the input folder,
    resolved): a link ``notes.txt -> /etc/passwd``, or a file below a linked folder."""
    try:
        return not file.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a loop of links: it leads nowhere inside the folder
        return True


def _folder_items(path: Path) -> Iterator[CorpusItem]:
    """The articles of a folder (see :func:`iter_items`). A link that leads outside the
    folder is not followed: whoever made the corpus may not mean its target (a private
    file) to reach the tables, so it is an item with ``error`` set, one row of ``errors``."""
    root = path.resolve()
    files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES - {""}
                   and not any(part.startswith(".") for part in p.relative_to(path).parts)
                   and p.stem.lower() not in config.CORPUS_DOCUMENTATION_STEMS)  # fmt: skip
    for file in files:
        article_id = _printable(file.relative_to(path).with_suffix("").as_posix())
        if _leaves_folder(file, root):
            yield CorpusItem(article_id, _printable(str(file)),
                             error=f"{_printable(file.relative_to(path).as_posix())} is a link leading outside the folder "
                                   f"{_printable(str(path))}: links out of a corpus folder are not followed")  # fmt: skip
            continue
        yield CorpusItem(article_id, _printable(str(file)), path=str(file))


def _read(item: CorpusItem):
    from analysis.reading.ingest import read_path, read_text

    if item.error is not None:
        raise InputError(item.error)
    if item.path is not None:
        return read_path(item.path)
    return read_text(item.text or "", source=item.source)


def _batches(items: Iterable[CorpusItem], size: int) -> Iterator[list[CorpusItem]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def group_of(article_id: str) -> str:
    """An article's group: the first folder of its id ("business/001" -> business), or
    "all" for ids without a folder."""
    return article_id.split("/", 1)[0] if "/" in article_id else "all"


def _first_per_group(items: Iterable[CorpusItem], n: int) -> Iterator[CorpusItem]:
    seen: dict[str, int] = {}
    for item in items:
        group = group_of(item.article_id)
        if seen.get(group, 0) < n:
            seen[group] = seen.get(group, 0) + 1
            yield item


def _unique_ids(items: Iterable[CorpusItem], source: str | Path) -> dict[str, str]:
    """New ids for the records whose id was made from their line or row number
    (``line-2``, see :attr:`CorpusItem.made_id`) and is also another record's own id:
    ``line-2-2`` (``-3`` and on until no record has it), so a bad line never makes the
    corpus refused. Keyed by the item's ``source``; the same corpus gets the same ids on
    every run, so a rerun resumes.

    Raises:
        InputError: Two records give the same id themselves (``7`` and ``"7"`` are one
            id): their rows would merge, or one would be skipped as done.
    """
    # Ids and sources only: the items' texts are not kept, however large the corpus.
    ids = [(item.article_id, item.source, item.made_id) for item in items]
    taken = {article_id for article_id, _, _ in ids}
    given = {article_id for article_id, _, made in ids if not made}
    renamed: dict[str, str] = {}
    for article_id, where, made in ids:
        if made and article_id in given:
            n = 2
            while f"{article_id}-{n}" in taken:
                n += 1
            renamed[where] = f"{article_id}-{n}"
            taken.add(renamed[where])
    _refuse_duplicate_ids((CorpusItem(renamed.get(where, article_id), where) for article_id, where, _ in ids), source)
    return renamed


def _with_ids(items: Iterable[CorpusItem], renamed: dict[str, str]) -> Iterator[CorpusItem]:
    """``items`` with the ids :func:`_unique_ids` gave them."""
    for item in items:
        yield replace(item, article_id=renamed[item.source]) if item.source in renamed else item


def _refuse_duplicate_ids(items: Iterable[CorpusItem], source: str | Path) -> None:
    """Refuse a corpus in which two records share an id (``7`` and ``"7"`` are one id):
    their rows would merge, or one would be skipped as done."""
    first: dict[str, str] = {}
    repeated: dict[str, list[str]] = {}
    for item in items:
        if item.article_id in first:
            repeated.setdefault(item.article_id, [first[item.article_id]]).append(item.source)
        else:
            first[item.article_id] = item.source
    if repeated:
        shown = "; ".join(f"{key!r} ({', '.join(where)})" for key, where in list(repeated.items())[:5])
        more = f" and {len(repeated) - 5} more" if len(repeated) > 5 else ""
        raise InputError(f"{source}: {len(repeated)} id{'s are' if len(repeated) > 1 else ' is'} used more than once: "
                         f"{shown}{more}; every article needs an id of its own")  # fmt: skip
