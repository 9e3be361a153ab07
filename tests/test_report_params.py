"""The report's parameter handling: which notebook gets which parameter, and what a bad request says."""

import pytest

from framing.errors import UsageError
from framing.report.params import (
    RUNNER_PARAMETERS,
    list_notebooks,
    notebook_parameters,
    notebook_path,
    split_parameters,
)

ALL = ["01-corpus-overview", "02-conciliatory-vs-warning", "03-source-attribution", "04-sentiment-and-terms"]


def test_the_report_notebooks_in_running_order():
    names = list_notebooks()
    assert names[:4] == ALL
    assert names == sorted(names)


def test_a_notebook_is_found_with_or_without_its_suffix():
    assert notebook_path("03-source-attribution") == notebook_path("03-source-attribution.ipynb")
    assert notebook_path("03-source-attribution").is_file()
    assert notebook_path("03-source-attribution").name == "03-source-attribution.ipynb"


@pytest.mark.parametrize("name", ["04", "source-attribution", "03-source-attribution.ipynb.ipynb", ""])
def test_an_unknown_notebook_is_an_error_listing_the_valid_ones(name):
    with pytest.raises(UsageError) as err:
        notebook_path(name)
    message = str(err.value)
    assert repr(name) in message
    assert all(n in message for n in ALL)


def test_declared_parameters_are_read_from_the_tagged_cell_with_their_written_defaults():
    params = notebook_parameters("02-conciliatory-vs-warning")
    assert params["group_by"] == '"outlet"'
    assert params["lexicon"] == '"stance"'
    assert params["dpi"] == "300"
    assert params["outlets"] == "[]"
    assert "focus_speaker" not in params
    assert notebook_parameters("03-source-attribution")["focus_speaker"] == "None"
    assert set(RUNNER_PARAMETERS) - {"lexicon_file"} <= set(params)
    assert notebook_parameters("05-validation")["lexicon_file"] == "None"  # set by the runner to the lexicon's file


def test_each_notebook_gets_only_what_it_declares():
    split = split_parameters({"group_by": "event", "focus_speaker": "Xi Jinping", "dpi": 150}, ALL)
    assert split == {
        "01-corpus-overview": {"dpi": 150},
        "02-conciliatory-vs-warning": {"group_by": "event", "dpi": 150},
        "03-source-attribution": {"focus_speaker": "Xi Jinping", "dpi": 150},
        "04-sentiment-and-terms": {"group_by": "event", "dpi": 150},
    }
    assert split_parameters({}, ALL[:1]) == {"01-corpus-overview": {}}


def test_a_parameter_no_selected_notebook_declares_is_an_error_listing_the_valid_ones():
    with pytest.raises(UsageError) as err:
        split_parameters({"focus_speaker": "Xi"}, ["02-conciliatory-vs-warning"])
    message = str(err.value)
    assert "'focus_speaker'" in message and "group_by" in message and "lexicon" in message
    assert "tables_dir" not in message.split("valid parameters are")[1]
    with pytest.raises(UsageError, match="'grup_by'"):
        split_parameters({"grup_by": "outlet"}, ALL)


@pytest.mark.parametrize("key", RUNNER_PARAMETERS)
def test_the_runner_parameters_cannot_be_set(key):
    with pytest.raises(UsageError, match=f"'{key}' is set by the report itself"):
        split_parameters({key: "x"}, ALL)


@pytest.mark.parametrize("key, value", [("dpi", "300"), ("dpi", 2.5), ("dpi", True), ("group_by", 3),
                                        ("outlets", "BBC"), ("figure_formats", "png"), ("group_by", ["outlet"])])
def test_a_value_of_the_wrong_type_is_an_error_naming_the_default(key, value):
    with pytest.raises(UsageError) as err:
        split_parameters({key: value}, ["02-conciliatory-vs-warning"])
    message = str(err.value)
    assert f"'{key}'" in message and "02-conciliatory-vs-warning" in message and repr(value) in message
    assert notebook_parameters("02-conciliatory-vs-warning")[key] in message


@pytest.mark.parametrize("key, value", [("dpi", 150), ("group_by", "leaning"), ("outlets", ["BBC", "CNN"]),
                                        ("outlets", ("BBC",)), ("figure_formats", ["png"]), ("metadata", "m.csv"),
                                        ("metadata", None), ("group_by", None), ("focus_speaker", "Xi")])
def test_a_value_of_the_default_type_or_none_is_accepted(key, value):
    split = split_parameters({key: value}, ALL)
    assert any(params.get(key, "absent") == value for params in split.values())


def test_a_float_default_takes_an_int():
    from framing.report import params as module

    module._check_type("ratio", 2, "0.5", "nb")
    module._check_type("ratio", 2.5, "0.5", "nb")
    with pytest.raises(UsageError):
        module._check_type("ratio", True, "0.5", "nb")
    with pytest.raises(UsageError):
        module._check_type("flag", 1, "False", "nb")
    module._check_type("flag", False, "True", "nb")
    module._check_type("anything", 3, "some_name", "nb")  # not a literal: not checked
    module._check_type("anything", 3, "{'a': 1}", "nb")  # a dict default: no rule, accepted
