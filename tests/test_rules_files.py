"""Loading the negation and boilerplate rule files: what a user's file may say, and every error message."""

from __future__ import annotations

import pytest

from framing.config.rules import load_boilerplate_rules, load_negation_rule
from framing.errors import ConfigFileError


def write(tmp_path, text, name="rule.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_users_negation_rule_is_read_whole(tmp_path):
    rule = load_negation_rule(write(tmp_path, "name: negation\nversion: 2.0.0\nwindow: 5\nnegators: ['NOT', 'no']\n"
                                              "negator_suffixes: [\"N'T\"]\nclause_breaks: ';'\n"
                                              "double_negation: ['Rule Out']\n"))
    assert (rule.version, rule.window) == ("2.0.0", 5)
    assert rule.negators == frozenset({"not", "no"}) and rule.suffixes == ("n't",)
    assert rule.double_negation == (("rule", "out"),)
    assert rule.clause_break.split("a, b; c") == ["a, b", " c"]  # only ';' ends a clause now


def test_negation_rule_defaults():
    rule = load_negation_rule(None)
    assert rule.version == "1.0.0" and rule.window == 3 and "never" in rule.negators


def test_negation_defaults_for_keys_left_out(tmp_path):
    rule = load_negation_rule(write(tmp_path, "negators: ['not']\n"))
    assert (rule.version, rule.window, rule.suffixes, rule.double_negation) == ("unversioned", 3, (), ())
    assert rule.clause_break.split("a, b; c: d") == ["a", " b", " c", " d"]


@pytest.mark.parametrize("text, message", [
    ("negators: []\n", "'negators' is empty"),
    ("negators: ['not']\nwindows: 3\n", "unknown keys ['windows']"),
    ("negators: [no]\n", "negators entry False is not a string; quote YAML words such as 'no', 'yes', 'on' and "
                         "'off', which YAML reads as true/false"),
    ("negators: ['not']\nnegator_suffixes: [yes]\n", "negator_suffixes entry True is not a string"),
    ("negators: ['not']\ndouble_negation: [on]\n", "double_negation entry True is not a string"),
])
def test_negation_rule_errors_name_the_file_and_the_reason(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(ConfigFileError) as err:
        load_negation_rule(path)
    assert str(path) in str(err.value) and message in str(err.value)


@pytest.mark.parametrize("text, message", [
    ("- a list\n", "expected a mapping with keys"),
    ("name: b\nrules: []\n", "no rules"),
    ("name: b\nrules: [just text]\n", "rule 1: expected a mapping"),
    ("name: b\nrules: [{id: x, category: ad, action: drop}]\n", "rule 1: missing 'pattern'"),
    ("name: b\nrules: [{id: x, category: ad, action: explode, pattern: a}]\n",
     "action 'explode' is not one of ['drop', 'truncate', 'metadata']"),
    ("name: b\nrules: [{id: x, category: ad, action: metadata, pattern: a}]\n", "a metadata rule needs 'field'"),
    ("name: b\nrules: [{id: x, category: ad, action: drop, pattern: '('}]\n", "invalid pattern '('"),
    ("name: b\nrules: [{id: x, category: ad, action: drop, pattern: a}, {id: x, category: ad, action: drop, "
     "pattern: b}]\n", "rule 2: duplicate rule id 'x'"),
    ("name: b\nrules: [{id: x, category: ad, action: drop, pattern: a, colour: red}]\n", "unknown keys ['colour']"),
])
def test_boilerplate_rule_errors_name_the_file_rule_and_reason(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(ConfigFileError) as err:
        load_boilerplate_rules(path)
    assert str(path) in str(err.value) and message in str(err.value)


def test_a_users_boilerplate_rules_keep_their_order_case_and_fields(tmp_path):
    rules = load_boilerplate_rules(write(tmp_path, "name: mine\nversion: 3\nrules:\n"
                                         "  - {id: a, category: ad, action: drop, pattern: 'AD', case_sensitive: true}\n"
                                         "  - {id: b, category: credit, action: metadata, field: credit, "
                                         "pattern: 'via (?P<value>.+)'}\n"))
    assert (rules.name, rules.version, [r.id for r in rules.rules]) == ("mine", "3", ["a", "b"])
    assert rules.rules[0].pattern.fullmatch("AD") and not rules.rules[0].pattern.fullmatch("ad")
    assert rules.rules[1].pattern.fullmatch("VIA Reuters") and rules.rules[1].field == "credit"
    assert load_boilerplate_rules(write(tmp_path, "rules: [{id: a, category: ad, action: drop, pattern: x}]\n",
                                        "r2.yaml")).version == "unversioned"
