"""The hedge lexicon domain: ``--hedge-domain {news,bio,wiki}`` on tables, report and
corpus, and ``analyze(hedge_domain=...)``. The sentence is made up, in the shape of a
BioScope abstract ("These results raise the possibility that ...")."""

import json

import pytest

from analysis import analyze, config
from analysis.cli import main
from analysis.corpus import run_corpus

SCIENCE = ("Trial results\n\nThe researchers studied 400 patients over two years in four hospitals. "
           "These results raise the possibility that the drug protects the heart in older patients. "
           "The team will publish the full data in the spring, the university said on Monday.")  # fmt: skip


def _cue_texts(result):
    return set(result.cues["text"].str.lower())


def test_bio_adds_the_domain_cues_and_news_does_not(nlp):
    news = analyze(SCIENCE, nlp=nlp)
    bio = analyze(SCIENCE, nlp=nlp, hedge_domain="bio")
    assert "raise the possibility" not in _cue_texts(news)
    assert "raise the possibility" in _cue_texts(bio)
    assert (news.meta["hedge_domain"], bio.meta["hedge_domain"]) == ("news", "bio")
    assert bio.sentences.loc[2, "status"] == "hedged"


def test_an_unknown_domain_is_refused(nlp):
    with pytest.raises(ValueError, match="unknown hedge domain 'chem'"):
        analyze(SCIENCE, nlp=nlp, hedge_domain="chem")


def test_the_environment_variable_sets_the_default(nlp, monkeypatch):
    monkeypatch.setenv(config.HEDGE_DOMAIN_ENV_VAR, "bio")
    assert analyze(SCIENCE, nlp=nlp).meta["hedge_domain"] == "bio"


def test_tables_takes_the_option(tmp_path, capsys, nlp):
    article = tmp_path / "trial.txt"
    article.write_text(SCIENCE, encoding="utf-8")
    assert main(["tables", str(article), "--hedge-domain", "bio", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["meta"]["hedge_domain"] == "bio"
    assert "raise the possibility" in {c["text"].lower() for c in data["cues"]}


def test_the_command_line_refuses_an_unknown_domain(capsys, seed_path):
    with pytest.raises(SystemExit) as stopped:
        main(["tables", str(seed_path), "--hedge-domain", "chem"])
    assert stopped.value.code == 2


def test_the_corpus_takes_the_domain(tmp_path, nlp):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "trial.txt").write_text(SCIENCE, encoding="utf-8")
    run_corpus(folder, tmp_path / "news", progress=False)
    run_corpus(folder, tmp_path / "bio", progress=False, hedge_domain="bio")
    import pandas as pd

    news = pd.read_parquet(tmp_path / "news" / "cues.parquet")
    bio = pd.read_parquet(tmp_path / "bio" / "cues.parquet")
    assert "raise the possibility" not in set(news["text"].str.lower())
    assert "raise the possibility" in set(bio["text"].str.lower())


def test_report_hands_the_domain_and_model_to_its_notebooks(tmp_path, monkeypatch, seed_path):
    """As the notebooks' parameters, not through the environment."""
    import os

    from analysis.presenting import report

    seen = {}

    def fake_build_report(article, out, *, model, hedge_domain, timeout):
        seen.update(model=model, domain=hedge_domain, environment=os.environ.get(config.HEDGE_DOMAIN_ENV_VAR))
        return out / "report.html"

    monkeypatch.setattr(report, "build_report", fake_build_report)
    monkeypatch.delenv(config.HEDGE_DOMAIN_ENV_VAR, raising=False)
    assert main(["report", str(seed_path), "--out", str(tmp_path / "r"), "--hedge-domain", "wiki"]) == 0
    assert seen == {"model": None, "domain": "wiki", "environment": None}
