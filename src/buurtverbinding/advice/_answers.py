"""Reading an answers file, and the error that lists every problem with a set of answers.

The answers themselves are checked by the evaluator (``read_document``), the
same way the page checks them, with the Dutch messages of ``content/advies/model.yaml``. This
module only turns a file into data: ``.json`` as JSON, ``.yaml``/``.yml`` as YAML. A file is a
mapping of question id to answer, or a saved Buurtanalyse document (``format``, ``version``,
``meeting`` and ``answers``).
"""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["ANSWER_SUFFIXES", "AnswerError", "read_answers_file"]

ANSWER_SUFFIXES = {".json": "json", ".yaml": "yaml", ".yml": "yaml"}


class AnswerError(ValueError):
    """One or more answers do not fit their questions (or the file cannot be read).

    ``problems`` lists every one of them, in Dutch; ``source`` is the answers file, if any.
    """

    __module__ = "buurtverbinding.advice"  # public (and documented) as buurtverbinding.advice.AnswerError

    def __init__(self, problems: list[str] | tuple[str, ...], source: str | None = None) -> None:
        self.problems = tuple(problems)
        self.source = source
        where = f" in '{source}'" if source else ""
        if len(self.problems) == 1:
            message = f"Fout{where}: {self.problems[0]}"
        else:
            message = f"{len(self.problems)} fouten{where}:\n" + "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(message)


def read_answers_file(path: str | Path) -> object:
    """The parsed content of an answers file.

    Raises :class:`AnswerError` (Dutch) when the file is missing, unreadable, of another type,
    or not valid JSON/YAML (with the line and column), or when PyYAML is needed but missing.
    """
    path = Path(path)
    kind = ANSWER_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise AnswerError([f"onbekend bestandstype '{path.suffix or '(geen)'}'; gebruik een antwoordbestand .json, .yaml of .yml"], str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AnswerError(["het bestand bestaat niet"], str(path)) from None
    except IsADirectoryError:
        raise AnswerError(["dit is een map, geen antwoordbestand"], str(path)) from None
    except UnicodeDecodeError:
        raise AnswerError(["het bestand is geen tekst (UTF-8)"], str(path)) from None
    except OSError as exc:
        raise AnswerError([f"het bestand kan niet worden gelezen ({exc.strerror or exc})"], str(path)) from None
    if kind == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise AnswerError([f"geen geldige JSON (regel {exc.lineno}, kolom {exc.colno})"], str(path)) from None
    else:
        data = _load_yaml(text, path)
    if data is None:
        raise AnswerError(["het bestand is leeg; schrijf per antwoord één regel 'vraag-id: antwoord'"], str(path))
    return data


def _load_yaml(text: str, path: Path) -> object:
    try:
        import yaml
    except ImportError:
        raise AnswerError(
            ["YAML lezen vraagt PyYAML, dat niet is geïnstalleerd: pip install 'buurtverbinding[lint]', of sla de antwoorden op als JSON"],
            str(path),
        ) from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (regel {mark.line + 1}, kolom {mark.column + 1})" if mark is not None else ""
        raise AnswerError([f"geen geldige YAML{where}"], str(path)) from None
