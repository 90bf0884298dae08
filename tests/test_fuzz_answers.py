"""Fuzzing the answers-file loader: whatever a file holds, the result is answers or an AnswerError."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from buurtverbinding.advice import AnswerError, Assessment

from .conftest import examples

SETTINGS = settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10, 10), st.floats(allow_nan=True), st.text(max_size=20))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=3)), max_leaves=8)


def item_ids(cat) -> list[str]:
    return [item.id for checklist in cat.checklists for item in checklist.items]


def option_ids(cat) -> list[str]:
    return sorted({value.id for vocabulary in cat.vocabularies for value in vocabulary.values})


def answers(cat):
    keys = st.one_of(st.sampled_from(item_ids(cat)), st.text(max_size=12))
    answer = st.one_of(
        values, st.sampled_from(option_ids(cat)), st.lists(st.sampled_from(option_ids(cat)), max_size=4), st.sampled_from(["ja", "nee", "yes", "no"])
    )
    return st.dictionaries(keys, answer, max_size=8)


def load(path: Path, cat) -> None:
    try:
        assessment = Assessment.from_file(path, cat)
    except AnswerError as exc:
        assert str(exc).strip() and exc.problems, "an AnswerError must say what is wrong"
        return
    assessment.to_situation()  # accepted answers always make a valid situation


WRITERS = {
    ".json": lambda data: json.dumps(data, allow_nan=True),
    ".yaml": lambda data: yaml.safe_dump(data, allow_unicode=True),
}


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_random_mappings(cat, tmp_path, suffix):
    @SETTINGS
    @given(data=answers(cat))
    def check(data):
        path = tmp_path / f"antwoorden{suffix}"
        path.write_text(WRITERS[suffix](data), encoding="utf-8")
        load(path, cat)

    check()


def test_random_text_and_bytes(cat, tmp_path):
    @SETTINGS
    @given(raw=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda t: t.encode("utf-8"))), suffix=st.sampled_from([".yaml", ".yml", ".json"]))
    def check(raw, suffix):
        path = tmp_path / f"antwoorden{suffix}"
        path.write_bytes(raw)
        load(path, cat)

    check()
