"""Lexicons are validated data files; established dictionaries load offline."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.errors import ConfigFileError
from framing.extract.frames import match_frames
from framing.config.lexicons import list_lexicons, load_lexicon

BASE = "name: mine\nversion: 0.1\ndescription: d\nsource: s\n"


def write(tmp_path, text, name="lex.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_lexicons_have_metadata_and_required_issue_areas():
    stance = load_lexicon("stance")
    assert stance.label == "stance@2.0.0" and stance.source and stance.citation
    assert "warn" in stance.frames["warning"] and stance.inflect  # one entry covers warns, warned, warning
    assert {"warn", "warns", "warned", "warning"} <= set(stance.forms["warn"])
    assert "mutual respect" in stance.frames["conciliatory"] and "win-win" in stance.frames["conciliatory"]
    issues = load_lexicon("issues")
    assert set(issues.frames) == {"taiwan_sovereignty", "arms_military", "trade_tariffs", "agriculture",
                                  "rare_earths_tech", "ukraine_russia", "iran", "tiktok", "fentanyl", "energy"}
    tidy = issues.to_frame()
    assert tidy.columns.tolist() == ["lexicon", "version", "frame", "term", "kind"]
    assert tidy.query("term == 'rare earths'").kind.item() == "phrase"


def test_general_inquirer_and_moral_foundations_load_offline():
    gi = load_lexicon("general_inquirer")
    assert set(gi.frames) == {"Hostile", "Affil", "Strong", "Weak", "Power"}
    assert "attack" in gi.frames["Hostile"] and "friend" in gi.frames["Affil"]
    mfd = load_lexicon("moral_foundations_2", categories=["care.virtue", "authority.vice"])
    assert "compassion" in mfd.frames["care.virtue"]
    with pytest.raises(ConfigFileError, match="unknown categories \\['Nope'\\]; valid categories are"):
        load_lexicon("general_inquirer", categories=["Nope"])


def test_general_inquirer_matches_on_the_seeds(seed_corpus):
    m = match_frames(seed_corpus.sentences, quotes=seed_corpus.quotes, lexicon="general_inquirer")
    hostile, affil = set(m[m.frame == "Hostile"].term), set(m[m.frame == "Affil"].term)
    assert {"confrontation", "rivalry", "violent", "war"} <= hostile
    assert {"cooperation", "peace", "trust"} <= affil
    assert "condemned" not in hostile  # GI lists base forms only (CONDEMN): inflections do not match
    # an overlapping dictionary gives one row per category for a shared word
    assert (m.groupby(["doc_id", "start"]).frame.nunique() > 1).any()


@pytest.mark.parametrize("body, message", [
    ("colour: red\nframes:\n  a:\n    terms: [x]\n", "unknown keys ['colour']"),
    ("frames:\n  a:\n    terms: [x]\n    weight: 2\n", "frame 'a': unknown keys ['weight']"),
    ("frames:\n  a:\n    terms: [cat, Cat]\n", "frame 'a': duplicate term 'Cat'"),
    ("frames:\n  a:\n    terms: [cat]\n  b:\n    terms: [cat]\n", "term 'cat' is in both 'a' and 'b'"),
    ("frames:\n  a:\n    terms: []\n", "frame 'a' has no terms"),
    ("frames:\n  a:\n    terms: ['c*t']\n", "malformed term 'c*t'"),
    ("frames:\n  a:\n    terms: [yes, no]\n", "term True is not a string; quote YAML words"),
    ("balance: [a, z]\nframes:\n  a:\n    terms: [x]\n", "'balance' must list two of the frames"),
])
def test_lexicon_validation_errors(tmp_path, body, message):
    path = write(tmp_path, BASE + body)
    with pytest.raises(ConfigFileError) as err:
        load_lexicon(path)
    assert message in str(err.value) and str(path) in str(err.value)


def test_missing_metadata_and_unknown_name():
    with pytest.raises(ConfigFileError, match="unknown lexicon 'stnace'; valid names are \\["):
        load_lexicon("stnace")
    assert "stance" in list_lexicons() and "moral_foundations_2" in list_lexicons()


def test_missing_version_is_an_error(tmp_path):
    path = write(tmp_path, "name: x\ndescription: d\nsource: s\nframes:\n  a: [x]\n")
    with pytest.raises(ConfigFileError, match="missing 'version'"):
        load_lexicon(path)


def test_user_yaml_lexicon_with_wildcards_and_phrases(tmp_path):
    path = write(tmp_path, BASE + "frames:\n  coop:\n    terms: ['cooperat*', 'win-win']\n  oil:\n    terms: [oil and gas]\n")
    sents = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "start": [0],
                          "text": ["Cooperative talks on win-win cooperation covered oil and gas, not cooperators."]})
    m = match_frames(sents, quotes=pd.DataFrame(columns=["doc_id", "start", "end"]), lexicon=path)
    assert m[["frame", "match"]].values.tolist() == [
        ["coop", "Cooperative"], ["coop", "win-win"], ["coop", "cooperation"], ["oil", "oil and gas"],
        ["coop", "cooperators"]]
    assert m.negated.tolist() == [False, False, False, False, True]  # "not cooperators"


def test_csv_lexicon_with_metadata_file(tmp_path):
    write(tmp_path, "frame,term\nthreat,warned\nthreat,never allow\ncalm,mutual respect\n", "mine.csv")
    write(tmp_path, BASE, "mine.meta.yaml")
    lex = load_lexicon(tmp_path / "mine.csv")
    assert lex.frames == {"threat": ("warned", "never allow"), "calm": ("mutual respect",)}
    (tmp_path / "orphan.csv").write_text("frame,term\na,b\n", encoding="utf-8")
    with pytest.raises(ConfigFileError, match="needs its metadata in orphan.meta.yaml"):
        load_lexicon(tmp_path / "orphan.csv")
