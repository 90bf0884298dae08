"""The description cases of issue 18's "done when", through ``assess --description --json`` (a
separate process, as a user runs it) and through ``Situation(description=...)``.

- "Er zijn nog geen incidenten, maar …" must not give phase ``incidenten``;
- a stone through a mosque window with swastikas on the wall must not give ``rust`` or ``ongemak``.

The description reader is being rewritten; what it should read besides (the phase from what
happened) is marked as an expected failure until that rewrite is merged.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from buurtverbinding.advice import Situation

NOT_YET = "Er zijn nog geen incidenten, maar bewoners maken zich zorgen over groepjes jongeren die 's avonds op het plein hangen."
MOSQUE = "Vannacht is een steen door het raam van de moskee gegooid en er zijn hakenkruizen op de muur gekalkt."


def assess(description: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "buurtverbinding", "assess", "--description", description, "--json"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def not_yet() -> dict:
    return assess(NOT_YET)


@pytest.fixture(scope="module")
def mosque() -> dict:
    return assess(MOSQUE)


def test_no_incidents_yet_is_not_the_incident_phase(not_yet):
    assert not_yet["situation"]["phase"] != "incidenten"
    assert all(i["value"] != "incidenten" for i in not_yet["inferred"])
    assert "basisveiligheid" not in [f["id"] for f in not_yet["first"]]


def test_no_incidents_yet_in_python(cat):
    situation = Situation(description=NOT_YET)
    assert situation.phase != "incidenten"


def test_a_stone_through_a_mosque_window_is_not_calm_or_unease(mosque):
    assert mosque["situation"]["phase"] not in ("rust", "ongemak")
    assert all(i["value"] not in ("rust", "ongemak") for i in mosque["inferred"] if i["field"] == "phase")


def test_a_stone_through_a_mosque_window_in_python(cat):
    assert Situation(description=MOSQUE).phase not in ("rust", "ongemak")


def test_what_was_read_is_shown_with_its_words(not_yet, mosque):
    for result in (not_yet, mosque):
        for inference in result["inferred"]:
            assert inference["words"] and all(isinstance(w, str) and w for w in inference["words"])


def test_a_stone_through_a_mosque_window_is_an_incident(mosque):
    # Issue 18, part 3: the phase is read from what happened (bekogeld, vernield, bedreigd → incidenten).
    assert mosque["situation"]["phase"] == "incidenten"
    assert "basisveiligheid" in [f["id"] for f in mosque["first"]]


def test_single_words_do_not_make_a_facet(not_yet):
    # "zorgen" alone is no cause (today it gives 'internationale-conflicten').
    assert all(i["words"] != ["zorgen"] for i in not_yet["inferred"])
