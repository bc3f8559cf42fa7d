"""Documents and corpora.

A :class:`Document` keeps its text exactly as given (after decoding); every
offset the library reports indexes into that string. A :class:`Corpus` is an
ordered collection of documents with unique ids, plus the list of input
records that could not become documents (:class:`Skipped`), so that no input
is ever dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from framing.errors import CorpusError

__all__ = ["Document", "Skipped", "Corpus"]


def _frozen_mapping(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(value or {}))


@dataclass(frozen=True)
class Document:
    """One news article.

    Parameters
    ----------
    id
        Identifier, unique within a corpus.
    text
        The article text, kept byte-for-byte as given after decoding.
    outlet, event, published, title, url, byline
        Metadata; empty string when unknown.
    meta
        Any further metadata (for example extra manifest columns).
    source
        Where the document was read from (``file`` or ``file:line``), used in
        error messages and skip reports.
    """

    id: str
    text: str
    outlet: str = ""
    event: str = ""
    published: str = ""
    title: str = ""
    url: str = ""
    byline: str = ""
    meta: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)
    source: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise CorpusError(f"{self.source or '<document>'}: document id must be a non-empty string, got {self.id!r}")
        if not isinstance(self.text, str):
            raise CorpusError(
                f"{self.source or self.id}: document {self.id!r} text must be str, got {type(self.text).__name__}"
            )
        object.__setattr__(self, "meta", _frozen_mapping(self.meta))

    def __reduce__(self) -> tuple[Any, ...]:
        # The read-only meta view cannot be pickled; rebuild from a plain dict
        # (worker processes receive documents this way).
        return (Document, (self.id, self.text, self.outlet, self.event, self.published, self.title,
                           self.url, self.byline, dict(self.meta), self.source))

    def to_dict(self) -> dict[str, Any]:
        """Return the document as a plain dict (metadata flattened under ``meta``)."""
        return {
            "id": self.id,
            "text": self.text,
            "outlet": self.outlet,
            "event": self.event,
            "published": self.published,
            "title": self.title,
            "url": self.url,
            "byline": self.byline,
            "meta": dict(self.meta),
        }


@dataclass(frozen=True)
class Skipped:
    """An input record that was not analysed, and why.

    ``id`` is the document id when it is known, else a description of the
    record (``file:line``). ``source`` says where the record came from.
    """

    id: str
    reason: str
    source: str = ""
    outlet: str = ""
    event: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "reason": self.reason, "source": self.source,
                "outlet": self.outlet, "event": self.event}


class Corpus:
    """An ordered collection of documents with unique ids.

    Parameters
    ----------
    documents
        The documents, in order. Duplicate ids raise :class:`CorpusError`.
    skipped
        Records that could not become documents (unreadable file, bad
        encoding, ...), each with its reason.
    name
        A label for the corpus (usually the path it was read from).
    """

    def __init__(self, documents: Iterable[Document] = (), *, skipped: Iterable[Skipped] = (),
                 name: str = "") -> None:
        self.name = name
        self._documents: list[Document] = []
        self._index: dict[str, int] = {}
        self.skipped: list[Skipped] = list(skipped)
        for doc in documents:
            self._add(doc)

    def _add(self, doc: Document) -> None:
        if not isinstance(doc, Document):
            raise TypeError(f"Corpus holds Document objects, got {type(doc).__name__}")
        if doc.id in self._index:
            first = self._documents[self._index[doc.id]]
            raise CorpusError(
                f"{doc.source or self.name}: duplicate document id {doc.id!r} "
                f"(first seen at {first.source or 'position ' + str(self._index[doc.id])})"
            )
        self._index[doc.id] = len(self._documents)
        self._documents.append(doc)

    def __len__(self) -> int:
        return len(self._documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self._documents)

    def __getitem__(self, key: int | str) -> Document:
        if isinstance(key, str):
            return self._documents[self._index[key]]
        return self._documents[key]

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._index

    def __repr__(self) -> str:
        return f"Corpus({self.name!r}, {len(self)} documents, {len(self.skipped)} skipped)"

    @property
    def ids(self) -> list[str]:
        return [d.id for d in self._documents]

    @property
    def outlets(self) -> list[str]:
        """Distinct outlets in order of first appearance."""
        return list(dict.fromkeys(d.outlet for d in self._documents))

    @property
    def events(self) -> list[str]:
        """Distinct events in order of first appearance."""
        return list(dict.fromkeys(d.event for d in self._documents))

    def filter(self, *, outlets: Iterable[str] | None = None, events: Iterable[str] | None = None) -> Corpus:
        """Return a corpus with only the documents of the given outlets and events."""
        outlet_set = set(outlets) if outlets is not None else None
        event_set = set(events) if events is not None else None
        keep = [d for d in self._documents
                if (outlet_set is None or d.outlet in outlet_set) and (event_set is None or d.event in event_set)]
        return Corpus(keep, skipped=self.skipped, name=self.name)

    def to_frame(self):  # -> pandas.DataFrame
        """Return one row per document (``id, text, outlet, event, ...``)."""
        import pandas as pd

        return pd.DataFrame([d.to_dict() for d in self._documents],
                            columns=["id", "text", "outlet", "event", "published", "title", "url",
                                     "byline", "meta"])
