"""What a source address may not be: a copy on a document-sharing site, or a tag or search page.

A source's ``url`` is the publisher's own page, where a reader can check the facts. Two kinds of
address look like sources but are not:

- a **re-upload** on a document-sharing host (5dok, Scribd, SlideShare, ...): the document may be
  altered, out of date or taken down, and the host is not the publisher. Such an address belongs
  in ``copy_url``, next to the publisher's page in ``url`` (lint code BV113);
- a **listing** (a tag, category or search page): its contents change, so it proves nothing
  later on (BV114). Content pages on a theme (``/onderwerpen/...``, ``/thema/...``) are fine.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit

SHARING_HOSTS: tuple[str, ...] = (
    "5dok.net",
    "adoc.pub",
    "fdocuments.*",
    "vdocuments.*",
    "expydoc.com",
    "slideshare.net",
    "docslib.org",
    "dokumen.tips",
    "studylib.*",
    "docplayer.*",
    "yumpu.com",
    "scribd.com",
    "pdfslide.*",
    "fliphtml5.com",
)
"""Re-upload and document-sharing hosts; ``name.*`` stands for that name under any top-level
domain (``docplayer.nl``, ``docplayer.net``, ``docplayer.com.br``). Sub-domains count too
(``nl.slideshare.net``).
"""

WIKI_COPY_HOSTS: tuple[str, ...] = (
    "wikisage.org",
    "wikiwand.com",
    "wiki2.org",
    "wikizero.com",
    "wikimili.com",
    "wikibrief.org",
    "everybodywiki.com",
    "infogalactic.com",
    "dbpedia.org",
)
"""Sites that copy Wikipedia articles (``nl.wikisage.org``, ...): no publisher stands behind
the text, so it is never a source, not even as ``copy_url`` (BV113). Cite the publication the
article draws on. Written like :data:`SHARING_HOSTS`; sub-domains count too."""

LISTING_SEGMENTS = frozenset({"tag", "tags", "category", "categorie", "label", "zoeken", "search"})
"""Path segments that make an address a tag, category or search page."""

SEARCH_PARAMETERS = frozenset({"s", "q", "zoek"})
"""Query parameters that make an address a search result."""


def _host(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.rstrip(".").lower()


def sharing_host(url: str, hosts: tuple[str, ...] = SHARING_HOSTS) -> str | None:
    """The host of ``hosts`` (by default the document-sharing ones) that ``url`` points to, as
    written in the address, or ``None``."""
    host = _host(url)
    labels = host.split(".")
    for pattern in hosts:
        if pattern.endswith(".*"):
            name = pattern[:-2]
            # the name, then a top-level domain of one or two labels: docplayer.nl, docplayer.com.br
            if any(label == name and 1 <= len(labels) - i - 1 <= 2 for i, label in enumerate(labels)):
                return host
        elif host == pattern or host.endswith("." + pattern):
            return host
    return None


def wiki_copy_host(url: str) -> str | None:
    """The Wikipedia-copy host that ``url`` points to, or ``None``."""
    return sharing_host(url, WIKI_COPY_HOSTS)


def listing_page(url: str) -> str | None:
    """Why ``url`` is a tag, category or search page (the segment or parameter), or ``None``."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    for segment in unquote(parts.path).lower().split("/"):
        if segment in LISTING_SEGMENTS or segment.rsplit(".", 1)[0] in ("zoeken", "search"):
            return f"/{segment}"
    for name, _ in parse_qsl(parts.query, keep_blank_values=True):
        if name.lower() in SEARCH_PARAMETERS:
            return f"{name}="
    return None


def published_by_kis(publisher: str, url: str) -> bool:
    """True when a source is KIS's own: the publisher names KIS, or the page is on kis.nl."""
    if re.search(r"\bKIS\b", publisher) or re.search(r"Kennisplatform (Integratie|Inclusief)", publisher, re.IGNORECASE):
        return True
    host = _host(url)
    return host == "kis.nl" or host.endswith(".kis.nl")
