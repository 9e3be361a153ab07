"""The signal cache: same input → hit; any change of text, lexicon or code version → miss."""

from __future__ import annotations

import shutil

import pandas as pd

import framing.io.cache as cache
from framing.config import data_path, load_resources
from framing.io.cache import load_cached, signals_key, store

LEXICON = "name: mine\nversion: 1.0.0\ndescription: d\nsource: s\nframes:\n  a:\n    terms: [{terms}]\n"


def test_key_changes_with_text_lexicon_and_code(tmp_path, seeds_dir, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    lex = tmp_path / "mine.yaml"
    lex.write_text(LEXICON.format(terms="warned"), encoding="utf-8")
    base = signals_key(corpus, resources=load_resources(lexicons=[str(lex)]))
    assert base == signals_key(corpus, resources=load_resources(lexicons=[str(lex)]))
    # text
    doc = corpus / "002_7aa7fbe0e816b3d0.txt"
    doc.write_bytes(doc.read_bytes() + b"One more sentence.\n")
    changed_text = signals_key(corpus, resources=load_resources(lexicons=[str(lex)]))
    assert changed_text != base
    # lexicon: same name and version, different terms
    lex.write_text(LEXICON.format(terms="warned, urged"), encoding="utf-8")
    changed_lexicon = signals_key(corpus, resources=load_resources(lexicons=[str(lex)]))
    assert changed_lexicon != changed_text
    # code version
    monkeypatch.setattr(cache, "code_version", lambda: "9.9.9+other")
    assert signals_key(corpus, resources=load_resources(lexicons=[str(lex)])) != changed_lexicon
    # parameters
    monkeypatch.undo()
    assert signals_key(corpus, resources=load_resources(lexicons=[str(lex)]), parameters={"n_resamples": 10}) != changed_lexicon


def test_key_covers_every_resource_file(tmp_path, seeds_dir):
    """The whole bundle is hashed: an edited actors, verbs, negation, rules or channels file is a miss."""
    shipped = {"actors": ("actors", "actors.yaml"), "verbs": ("rules", "reporting_verbs.yaml"),
               "negation": ("rules", "negation.yaml"), "rules": ("rules", "boilerplate.yaml"),
               "channels": ("rules", "channels.yaml")}
    base = signals_key(seeds_dir, resources=load_resources())
    for kind, parts in shipped.items():
        copy = tmp_path / f"{kind}.yaml"
        copy.write_text(data_path(*parts).read_text(encoding="utf-8"), encoding="utf-8")
        same = signals_key(seeds_dir, resources=load_resources(**{kind: copy}))
        assert same == base, kind  # the same content is the same key, wherever the file lives
        copy.write_text(copy.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        assert signals_key(seeds_dir, resources=load_resources(**{kind: copy})) != base, kind


def test_store_and_load_round_trip():
    tables = {"t": pd.DataFrame({"a": [1, 2], "b": ["x", None]})}
    key = "f" * 64
    assert load_cached(key) is None
    store(key, tables, description={"why": "test"})
    pd.testing.assert_frame_equal(load_cached(key)["t"], tables["t"])
