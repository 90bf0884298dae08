"""Fuzzing the answers: whatever a file or document holds, the result is answers or an AnswerError
whose every problem is one of the Dutch sentences of the advice model or of the file reader."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from buurtverbinding.advice import AnswerError, Assessment
from buurtverbinding.advice._table import advice_table

from .conftest import examples

SETTINGS = settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10, 10), st.floats(allow_nan=True), st.text(max_size=20))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=3)), max_leaves=8)

# What the file reader (advice/_answers.py) says, besides the model's sentences.
FILE_PROBLEMS = [
    r"onbekend bestandstype '.*'; gebruik een antwoordbestand \.json, \.yaml of \.yml",
    r"het bestand bestaat niet",
    r"het bestand is geen tekst \(UTF-8\)",
    r"geen geldige JSON \(regel \d+, kolom \d+\)",
    r"geen geldige YAML( \(regel \d+, kolom \d+\))?",
    r"het bestand is leeg; .*",
]


@pytest.fixture(scope="module")
def dutch(cat) -> re.Pattern[str]:
    """Every problem an answers check may report: the model's templates (placeholders as wildcards) and the file reader's."""
    texts = advice_table(cat)["texts"]
    templates = [v for k, v in texts.items() if k.startswith("problem_") and k != "problem_hint"]
    patterns = ["(?s:.*)".join(re.escape(part) for part in re.split(r"\{\w+\}", t)) for t in templates]
    return re.compile("|".join(f"(?:{p})" for p in patterns + FILE_PROBLEMS))


def item_ids(cat) -> list[str]:
    return [item["id"] for item in advice_table(cat)["items"]]


def option_ids(cat) -> list[str]:
    return sorted({value.id for vocabulary in cat.vocabularies for value in vocabulary.values})


def answers(cat):
    keys = st.one_of(st.sampled_from(item_ids(cat)), st.text(max_size=12))
    answer = st.one_of(
        values,
        st.sampled_from(option_ids(cat)),
        st.lists(st.sampled_from(option_ids(cat)), max_size=4),
        st.sampled_from(["ja", "nee", "yes", "no", "weet niet", "Weet-niet"]),
    )
    return st.dictionaries(keys, answer, max_size=8)


def documents(cat):
    meeting = st.one_of(values, st.dictionaries(st.sampled_from(["datum", "buurt", "aanwezigen", "anders"]), values, max_size=4))
    version = st.one_of(st.just(2), st.just(1), values)
    saved = st.fixed_dictionaries(
        {"format": st.one_of(st.just("buurtanalyse"), values), "version": version, "meeting": meeting, "answers": st.one_of(answers(cat), values)}
    )
    return st.one_of(answers(cat), saved, values)


def check(assessment_or_error, dutch) -> None:
    if isinstance(assessment_or_error, AnswerError):
        exc = assessment_or_error
        assert str(exc).strip() and exc.problems, "an AnswerError must say what is wrong"
        for problem in exc.problems:
            assert dutch.fullmatch(problem), f"not one of the Dutch messages: {problem!r}"
        return
    assessment = assessment_or_error
    assessment.to_situation()  # accepted answers always make a valid situation
    result = assessment.evaluate()
    assert result["problems"] == [] and len(result["summary"].split()) <= 120
    assert Assessment.from_document(assessment.document(), assessment.catalog) == assessment  # the saved document reads back


def load_file(path: Path, cat):
    try:
        return Assessment.from_file(path, cat)
    except AnswerError as exc:
        return exc


WRITERS = {
    ".json": lambda data: json.dumps(data, allow_nan=True),
    ".yaml": lambda data: yaml.safe_dump(data, allow_unicode=True),
}


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_random_documents_in_files(cat, tmp_path, suffix, dutch):
    @SETTINGS
    @given(data=documents(cat))
    def run(data):
        path = tmp_path / f"antwoorden{suffix}"
        path.write_text(WRITERS[suffix](data), encoding="utf-8")
        check(load_file(path, cat), dutch)

    run()


def test_random_documents_in_memory(cat, dutch):
    @SETTINGS
    @given(data=documents(cat))
    def run(data):
        try:
            result = Assessment.from_document(data, cat)
        except AnswerError as exc:
            result = exc
        check(result, dutch)

    run()


def test_random_text_and_bytes(cat, tmp_path, dutch):
    @SETTINGS
    @given(raw=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda t: t.encode("utf-8"))), suffix=st.sampled_from([".yaml", ".yml", ".json"]))
    def run(raw, suffix):
        path = tmp_path / f"antwoorden{suffix}"
        path.write_bytes(raw)
        check(load_file(path, cat), dutch)

    run()


def test_the_pattern_knows_the_messages(cat, dutch):
    # The check above is only as good as its pattern: a message in English does not pass.
    assert not dutch.fullmatch("unknown checklist item 'x'")
    assert not dutch.fullmatch("Question 'fase-nu': 'x' is not a valid answer")
    with pytest.raises(AnswerError) as info:
        Assessment(answers={"fase-nuu": "x", "fase-nu": "x"})
    assert all(dutch.fullmatch(p) for p in info.value.problems)
