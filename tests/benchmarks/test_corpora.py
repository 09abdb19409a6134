"""Readers for the benchmark corpora and the domain-lexicon learner, on tiny samples
written here (the real corpora are research-only and never in the repository)."""

from benchmarks.lib.corpora import ptb_to_text, read_bioscope, read_weasel
from benchmarks.lib.cue_learning import learn_domain_lexicon, select_domain_lexicon, sentence_features

BIOSCOPE = """<?xml version="1.0" encoding="UTF-8"?>
<Annotation><DocumentSet><Document><DocumentPart>
<sentence id="S1.1">These results <xcope id="X1"><cue ref="X1" type="speculation">suggest</cue> that NF-KB is required</xcope>.</sentence>
<sentence id="S1.2">The protein was purified.</sentence>
<sentence id="S1.3">It is <cue ref="X2" type="speculation">unknown whether</cue> this binds.</sentence>
</DocumentPart></Document></DocumentSet></Annotation>
"""


def test_bioscope_sentences_labels_and_cue_offsets(tmp_path):
    path = tmp_path / "bio.xml"
    path.write_text(BIOSCOPE, encoding="utf-8")
    sentences = read_bioscope(path)
    assert [s.uncertain for s in sentences] == [True, False, True]
    first = sentences[0]
    assert first.text == "These results suggest that NF-KB is required."
    start, end = first.cues[0]
    assert first.text[start:end] == "suggest"
    third = sentences[2]
    assert [third.text[s:e] for s, e in third.cues] == ["unknown whether"]


def test_weasel_csv_and_ptb_escapes(tmp_path):
    path = tmp_path / "weasel.csv"
    path.write_text('text,label\n"Some say -LRB- often -RRB- `` this \'\' .\n",1\n"It was built in 1958.",0\n', encoding="utf-8")
    sentences = read_weasel(path)
    assert [s.uncertain for s in sentences] == [True, False]
    assert sentences[0].text == 'Some say ( often ) " this " .'
    assert ptb_to_text("-LRB-x-RRB-") == "(x)"


def test_learner_adds_precise_cues_and_suppresses_noisy_ones(nlp):
    texts = [f"Critics say the plan number {i} is flawed." for i in range(6)]
    texts += [f"The likelihood of damage to sample {i} was computed." for i in range(6)]
    texts += [f"The sample {i} was stored at room temperature." for i in range(6)]
    labels = [True] * 6 + [False] * 12
    features = [sentence_features(doc) for doc in nlp.pipe(texts)]
    rows = learn_domain_lexicon(features, labels, domain="test", corpus="synthetic", min_count=5, min_precision=0.9)
    added = set(rows.loc[rows.kind == "hedge", "cue"])
    assert "critic" in added
    assert "sample" not in added and "the" not in added
    assert set(rows.loc[rows.kind == "suppress", "cue"]) == {"likelihood"}
    assert rows["provenance"].str.contains("synthetic").all()


def test_greedy_selection_keeps_only_cues_that_add_uncertain_sentences(nlp):
    # "critics" marks every uncertain sentence; "plan" is in them too but adds nothing once
    # "critics" is chosen, and "sample" is in certain sentences only.
    texts = [f"Critics say the plan number {i} is flawed." for i in range(6)]
    texts += [f"The likelihood of damage to sample {i} was computed." for i in range(6)]
    texts += [f"The sample {i} was stored at room temperature." for i in range(6)]
    labels = [True] * 6 + [False] * 12
    features = [sentence_features(doc) for doc in nlp.pipe(texts)]
    rows = select_domain_lexicon(features, labels, domain="test", corpus="synthetic", min_count=5)
    added = list(rows.loc[rows.kind == "hedge", "cue"])
    assert len(added) == 1 and added[0] in {"critic", "critic say", "say", "flawed", "be flawed", "plan", "number"}
    assert set(rows.loc[rows.kind == "suppress", "cue"]) == {"likelihood"}
    assert rows["provenance"].str.contains("raised training F1").all()


def test_likelihood_the_statistic_is_no_hedge(nlp):
    from analysis.rules.cues import find_cues

    assert [c.text for c in find_cues(nlp("Trees were built by maximum likelihood."))] == []
    assert [c.text for c in find_cues(nlp("The log-likelihood ratio was 3.2."))] == []
    assert [c.text for c in find_cues(nlp("The likelihood of a deal is small."))] == ["likelihood"]
