"""Fixtures and helpers shared by the corpus tests: a folder of BBC articles with one
empty and one hidden file, and the tables a run writes."""

import shutil

import pandas as pd
import pytest

from analysis import corpus as corpus_module
from analysis.corpus import store as corpus_store
from analysis.corpus import CORPUS_TABLES
from analysis.schema import TableColumns

from ..conftest import BBC_FILES


@pytest.fixture()
def corpus_dir(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "bbc").mkdir(parents=True)
    for path in BBC_FILES:
        shutil.copyfile(path, folder / "bbc" / path.name)
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")  # must land in errors
    (folder / ".hidden.txt").write_text("ignored", encoding="utf-8")
    return folder



def _tables(out):
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in CORPUS_TABLES}



def _articles(texts):
    from analysis.reading.ingest import read_bytes

    return [read_bytes(t.encode("utf-8"), source=f"t{i}", format="text") for i, t in enumerate(texts)]



def _as_frame(table):
    return table.frame() if isinstance(table, TableColumns) else table



def _coined_article(tag: str) -> corpus_module.CorpusItem:
    """An article of words no other test uses, so whether the vocabulary kept them shows."""
    words = " ".join(f"{tag}word{n}" for n in range(3))
    return corpus_module.CorpusItem(tag, tag, text=f"The minister said {words} would rise. Officials denied it.")



def _concatenated_then_converted(frames, ids):
    """A batch table the plain way: the articles' frames concatenated by pandas, then
    converted to Arrow (the reference ``_batch_table`` must match)."""
    import numpy as np

    frame = pd.concat(frames, ignore_index=True)
    frame.insert(0, "article_id", pd.array(np.repeat(ids, [len(f) for f in frames]), dtype="str"))
    return corpus_store._to_arrow(frame)
