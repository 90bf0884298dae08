"""Reading content files: bytes → text → YAML (with line numbers) and Markdown sections.

YAML is read with PyYAML's safe loader only; Markdown is tokenised with markdown-it-py.
Nothing here raises on bad input: every problem goes to the reporter, and the caller gets
``None`` for a file that cannot be read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt

from ._problems import Reporter

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LOADER(_BASE):  # type: ignore[misc,valid-type]
    """The safe loader, except that a value its constructors cannot build is a YAML error at its
    own line (``!!bool misschien`` raised KeyError), and an impossible date (2026-02-31) stays
    text, for the model to reject at its line."""


def _guarded(construct: Any) -> Any:
    def guarded(loader: Any, node: yaml.Node) -> Any:
        try:
            return construct(loader, node)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
            kind = str(node.tag).rsplit(":", 1)[-1]
            raise yaml.constructor.ConstructorError(None, None, f"'{node.value}' cannot be read as {kind} ({exc})", node.start_mark) from None

    return guarded


def _timestamp(loader: Any, node: yaml.Node) -> object:
    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, TypeError, AttributeError):  # 2026-02-31, or !!timestamp on text
        return loader.construct_scalar(node)


for _tag, _construct in list(_BASE.yaml_constructors.items()):
    _LOADER.add_constructor(_tag, _guarded(_construct))
_LOADER.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


@dataclass
class Document:
    """A parsed YAML document (or front matter) and where its parts stand in the file."""

    path: Path
    data: dict[str, Any]
    node: yaml.Node
    line_offset: int = 0  # lines before the YAML starts (the front matter's opening ``---``)
    text: str = ""  # the YAML text, to count its lines as an editor does

    def line(self, loc: tuple[int | str, ...]) -> int:
        """The 1-based line of the deepest part of ``loc`` that exists in the document."""
        node = self.node
        mark = node.start_mark
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if key.value == str(part) or str(_key(key)) == str(part):
                        mark = key.start_mark
                        node = value
                        break
                else:
                    break
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
                mark = node.start_mark
            else:
                break
        return _line(self.text, mark) + self.line_offset


def _line(text: str, mark: yaml.Mark) -> int:
    """The 1-based line of ``mark``, counting only line feeds: PyYAML also ends lines at U+2028,
    U+2029 and U+0085, which editors show inside a line."""
    return text.count("\n", 0, mark.index) + 1


def _key(node: yaml.Node) -> object:
    """What YAML makes of a key written as ``~``, ``yes`` or ``2026`` (None, True, 2026)."""
    if not isinstance(node, yaml.ScalarNode):
        return None
    try:
        return yaml.constructor.SafeConstructor().construct_object(node)
    except (yaml.YAMLError, ValueError, TypeError, KeyError, AttributeError):
        return node.value


def read_text(path: Path, report: Reporter) -> str | None:
    """The file's text, or ``None`` (reported) when it is a folder, empty or not UTF-8."""
    if path.is_dir():
        report.add(path, 1, "BV003", "this is a folder, but a content file is expected here; move its files out or rename it")
        return None
    try:
        raw = path.read_bytes()
    except OSError as exc:
        report.add(path, 1, "BV003", f"cannot be read ({exc.strerror or exc})")
        return None
    if not raw.strip():
        report.add(path, 1, "BV002", "the file is empty; write the record or remove the file")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        report.add(path, line, "BV001", f"byte {exc.start} is not UTF-8; save the file as UTF-8")
        return None
    if "\x00" in text:
        report.add(path, text[: text.index("\x00")].count("\n") + 1, "BV001", "the file holds a NUL byte; is it a binary file?")
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")  # one line ending on every OS


def parse_yaml(path: Path, text: str, report: Reporter, line_offset: int = 0) -> Document | None:
    """Parse one YAML mapping with the safe loader; report syntax errors and duplicate keys."""
    try:
        loader = _LOADER(text)
        try:
            node = loader.get_single_node()
            if node is not None and not _check_nodes(path, text, node, report, line_offset):
                return None
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = (_line(text, mark) if mark else 1) + line_offset
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        report.add(path, line, "BV010", f"YAML cannot be read: {reason}")
        return None
    except Exception as exc:
        report.add(path, 1 + line_offset, "BV010", f"YAML cannot be read: {type(exc).__name__}: {exc}")
        return None
    if node is None or not isinstance(data, dict):
        kind = "nothing" if node is None else type(data).__name__
        report.add(path, 1 + line_offset, "BV012", f"expected a mapping of field: value, found {kind}")
        return None
    return Document(path, data, node, line_offset, text)


def _check_nodes(path: Path, text: str, node: yaml.Node, report: Reporter, line_offset: int) -> bool:
    """Report keys given twice; refuse anchors and aliases (``&a`` / ``*a``).

    Content never needs aliases, and a few nested ones can stand for billions of values (the
    "billion laughs" attack), so a document that uses one is rejected before it is validated.
    """
    seen: set[int] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            report.add(
                path, _line(text, current.start_mark) + line_offset, "BV010", "YAML anchors and aliases (&name, *name) are not allowed; write the value out"
            )
            return False
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):  # a list or mapping as key is refused when constructed
                    if key.value in keys:
                        report.add(path, _line(text, key.start_mark) + line_offset, "BV013", f"'{key.value}' is given twice; keep one")
                    keys.add(key.value)
                stack.append(key)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return True


def split_front_matter(path: Path, text: str, report: Reporter) -> tuple[Document, str, int] | None:
    """Split a Markdown file into its front matter and body; returns (document, body, body's first line)."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        report.add(path, 1, "BV011", "the file must start with a '---' line, then YAML front matter, then '---'")
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            break
    else:
        report.add(path, 1, "BV011", "the front matter is not closed: add a '---' line after the YAML")
        return None
    document = parse_yaml(path, "\n".join(lines[1:index]) + "\n", report, line_offset=1)
    if document is None:
        return None
    return document, "\n".join(lines[index + 1 :]), min(index + 2, len(lines))


class _EveryLink(MarkdownIt):
    """markdown-it drops javascript:, file: and data: links silently; keep them, so BV106 can report them."""

    def validateLink(self, url: str) -> bool:  # noqa: N802 (markdown-it's name)
        return True


_MD = _EveryLink("commonmark")


def check_markdown(path: Path, text: str, first_line: int, report: Reporter) -> list[Any]:
    """Tokenise Markdown; report raw HTML and links that are not http(s). Returns the tokens."""
    tokens = _MD.parse(text)
    for token in tokens:
        line = first_line + (token.map[0] if token.map else 0)
        if token.type == "html_block":
            report.add(path, line, "BV112", "raw HTML is not allowed; write Markdown instead")
        for child in token.children or ():
            if child.type == "html_inline":
                report.add(path, line, "BV112", f"raw HTML {child.content!r} is not allowed; write Markdown instead")
            elif child.type in ("link_open", "image"):
                href = str(child.attrs.get("href") or child.attrs.get("src") or "")
                if not href.startswith(("http://", "https://")):
                    report.add(path, line, "BV106", f"link '{href}' is not an http(s) address")
    return tokens


@dataclass
class Section:
    heading: str
    text: str
    line: int


def split_sections(path: Path, body: str, first_line: int, report: Reporter) -> list[Section]:
    """Split a Markdown body at its ``##`` headings. Text before the first heading is reported."""
    tokens = check_markdown(path, body, first_line, report)
    lines = body.split("\n")  # markdown-it's lines: U+2028 and form feeds do not end a line
    starts: list[tuple[int, int, str]] = []  # (heading line, first content line, heading text)
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or not token.map:
            continue
        title = tokens[index + 1].content.strip()
        if token.tag == "h1":
            report.add(path, first_line + token.map[0], "BV111", f"'# {title}': the title comes from the front matter; use '## ' for sections")
        elif token.tag == "h2":
            starts.append((token.map[0], token.map[1], title))
    first_heading = starts[0][0] if starts else len(lines)
    stray = [number for number, line in enumerate(lines[:first_heading]) if line.strip()]
    if stray:
        report.add(path, first_line + stray[0], "BV111", "text before the first '## ' section heading; move it into a section")
    sections: list[Section] = []
    for number, (start, content_start, title) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        text = "\n".join(lines[content_start:end]).strip()
        sections.append(Section(title, text, first_line + start))
    return sections
