"""The verslag as Markdown or HTML, from the evaluator's report (title, meeting lines, sections).

Every word comes from the report, which the evaluator writes from the sentences in
``content/advies/model.yaml``; this module only lays it out.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

__all__ = ["render"]


def render(report: dict[str, Any], fmt: str = "md") -> str:
    """The verslag in ``fmt`` (``md`` or ``html``)."""
    return _html(report) if fmt == "html" else _markdown(report)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def _md(text: str) -> str:
    """Text as Markdown shows it: special characters escaped, new lines as spaces."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _markdown(report: dict[str, Any]) -> str:
    out = [f"# {_md(report['title'])}", ""]
    out += [f"- {_md(line)}" for line in report["meeting"]]
    for section in report["sections"]:
        out += ["", f"## {_md(section['heading'])}", ""]
        lines = section["lines"]
        out += [_md(lines[0])] if len(lines) == 1 else [f"- {_md(line)}" for line in lines]
    return "\n".join(out) + "\n"


def _html(report: dict[str, Any]) -> str:
    out = [
        "<!DOCTYPE html>",
        '<html lang="nl">',
        '<head><meta charset="utf-8">',
        f"<title>{escape(report['title'])}</title>",
        "<style>body{font-family:sans-serif;max-width:48rem;margin:2rem auto;line-height:1.45}h2{margin-top:1.5rem}@page{size:A4;margin:18mm}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(report['title'])}</h1>",
        "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in report["meeting"]) + "</ul>",
    ]
    for section in report["sections"]:
        out.append(f"<h2>{escape(section['heading'])}</h2>")
        lines = section["lines"]
        out.append(f"<p>{escape(lines[0])}</p>" if len(lines) == 1 else "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
