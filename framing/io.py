"""Read and write corpora: JSONL, CSV, JSON, a folder of texts, a DataFrame.

Four on-disk layouts are read, chosen by what the path is:

- a **folder** holding ``manifest.csv`` (columns ``id,file,outlet,byline,
  published,event,...``; ``file`` is relative to the folder) and one text
  file per document;
- a **.jsonl** file: one JSON object per line;
- a **.csv** file: a header row, then one row per document;
- a **.json** file: a list of JSON objects.

A record carries ``id`` and ``text`` (names set by ``id_column`` and
``text_column``) and optionally ``outlet``, ``event``, ``published``,
``title``, ``url`` and ``byline``. Any other field goes into
:attr:`Document.meta`; a field named ``meta`` holding an object is merged into
it, so that :meth:`Document.to_dict` output reads back unchanged.

What raises and what is skipped
-------------------------------
The rule is: **a problem with the corpus file itself raises; a problem that
stops one record from becoming a text skips that record.**

:class:`~framing.errors.CorpusError` is raised (naming file, line and the
document id when known, and what was expected) for

- a path that does not exist, a suffix that is not read, a folder without
  ``manifest.csv``;
- a corpus file (``.jsonl``, ``.csv``, ``.json``, ``manifest.csv``) that is
  not valid in its encoding (UTF-8 unless ``encoding=`` is given);
- malformed JSON, a JSON line or item that is not an object, a ``.json``
  file that is not a list;
- a CSV header without the id or text column (or a manifest without ``id``
  or ``file``), a row with the wrong number of fields, broken CSV quoting;
- a record without an id, with an empty id, without a text field, or with a
  text or metadata field of the wrong type (a number or list where a string
  is expected);
- a duplicate id (the message names both places).

A :class:`~framing.document.Skipped` record, with the document id and the
reason, is produced for a document whose text cannot be had:

- ``file not found: ...`` or ``cannot read file: ...`` (folder corpora);
- ``not valid UTF-8: ...`` (a text file of a folder corpus that does not
  decode; in a ``.jsonl``/``.csv``/``.json`` file the same problem raises,
  since it is the corpus file that is broken);
- ``binary content: ...`` (NUL bytes or NUL characters in the text);
- ``text is missing (null)`` (a JSON ``null`` or a DataFrame NaN as text);
- ``too large: ...`` (more than ``max_bytes`` bytes: the file size for
  folder corpora, the UTF-8 size of the text for records).

Every text that decodes is kept as a :class:`~framing.document.Document`,
byte-for-byte (after stripping a UTF-8 byte-order mark), **even when it is
empty or only whitespace**: judging whether a text is worth analysing is the
Analyzer's job, which skips empty documents with a reason. So every input
record ends as a Document or a Skipped; none is dropped silently.

Writers (:func:`write_jsonl`, :func:`write_csv`, :func:`write_json`,
:func:`write_corpus`) write UTF-8, create parent folders and accept ``"-"``
or an open text file (such as ``sys.stdout``) instead of a path.
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import io
import json
import math
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from framing.document import Corpus, Document, Skipped
from framing.errors import CorpusError

__all__ = [
    "METADATA_FIELDS",
    "from_dataframe",
    "iter_corpus",
    "iter_jsonl",
    "read_corpora",
    "read_corpus",
    "write_corpus",
    "write_csv",
    "write_json",
    "write_jsonl",
]

PathLike = str | os.PathLike[str]
Record = Document | Skipped

#: Document fields read from a record besides the id and the text.
METADATA_FIELDS: tuple[str, ...] = ("outlet", "event", "published", "title", "url", "byline")

_MANIFEST = "manifest.csv"
_BOM = codecs.BOM_UTF8
_JSON_WS = re.compile(r"[ \t\n\r]*")
# The csv module refuses fields longer than 131,072 characters by default;
# news texts may be far longer. Raised per row and restored at once, so no
# global setting is left changed.
_CSV_FIELD_LIMIT = 2**31 - 1


# --------------------------------------------------------------------------
# Reading: public API
# --------------------------------------------------------------------------


def read_corpus(
    path: PathLike | Sequence[PathLike],
    *,
    encoding: str | None = None,
    text_column: str = "text",
    id_column: str = "id",
    max_bytes: int | None = None,
) -> Corpus:
    """Read a corpus from a folder, a ``.jsonl``, ``.csv`` or ``.json`` file.

    Parameters
    ----------
    path
        A folder with ``manifest.csv``, or a ``.jsonl``, ``.csv`` or ``.json``
        file. A list of paths is read with :func:`read_corpora`.
    encoding
        Encoding of the corpus file and, for a folder, of the manifest and
        every text file. ``None`` reads UTF-8 (with or without byte-order
        mark).
    text_column, id_column
        Names of the fields that hold the text and the document id (not used
        for folder corpora, whose manifest has ``id`` and ``file``).
    max_bytes
        Skip documents larger than this many bytes (``None``: no limit).

    Returns
    -------
    Corpus
        The documents in input order, and in ``corpus.skipped`` the records
        that could not become documents, each with its reason.

    Raises
    ------
    CorpusError
        When the corpus file itself is malformed (see the module docstring
        for the full rule); the message names the file, the line and the
        document id when known.

    See Also
    --------
    iter_corpus : the same records, streamed one at a time.

    Examples
    --------
    >>> corpus = read_corpus("corpora/demo")                # doctest: +SKIP
    >>> corpus = read_corpus("articles.jsonl", max_bytes=5_000_000)  # doctest: +SKIP
    """
    if not isinstance(path, (str, os.PathLike)):
        return read_corpora(path, encoding=encoding, text_column=text_column,
                            id_column=id_column, max_bytes=max_bytes)
    records = iter_corpus(path, encoding=encoding, text_column=text_column,
                          id_column=id_column, max_bytes=max_bytes)
    return _collect(records, name=str(path))


def read_corpora(
    paths: Iterable[PathLike],
    *,
    encoding: str | None = None,
    text_column: str = "text",
    id_column: str = "id",
    max_bytes: int | None = None,
) -> Corpus:
    """Read several corpora into one, in the order given.

    Parameters are those of :func:`read_corpus`, applied to every path. A
    document id that occurs in two files raises :class:`CorpusError` naming
    both places.

    Returns
    -------
    Corpus
        All documents, file after file, with the skipped records of all files.
    """
    paths = [p for p in paths]
    if not paths:
        raise CorpusError("read_corpora: expected at least one path, got none")
    records = iter_corpus(paths, encoding=encoding, text_column=text_column,
                          id_column=id_column, max_bytes=max_bytes)
    return _collect(records, name=" + ".join(str(p) for p in paths))


def iter_corpus(
    path: PathLike | Sequence[PathLike],
    *,
    encoding: str | None = None,
    text_column: str = "text",
    id_column: str = "id",
    max_bytes: int | None = None,
) -> Iterator[Record]:
    """Stream the records of one or more corpora as Documents and Skipped.

    Folder, ``.jsonl`` and ``.csv`` corpora are read one record at a time,
    so memory stays flat whatever the corpus size (only the ids seen so far
    are kept, to detect duplicates). A ``.json`` file is one JSON value and
    is read whole.

    Parameters are those of :func:`read_corpus`. Errors are raised when the
    faulty record is reached, after the records before it have been yielded.

    Yields
    ------
    Document or Skipped
        One per input record, in input order.
    """
    paths = [path] if isinstance(path, (str, os.PathLike)) else list(path)
    options = _Options.make(encoding, text_column, id_column, max_bytes)
    seen: dict[str, str] = {}
    for one in paths:
        yield from _unique(_dispatch(Path(one), str(one), options), seen)


def iter_jsonl(
    path: PathLike,
    *,
    encoding: str | None = None,
    text_column: str = "text",
    id_column: str = "id",
    max_bytes: int | None = None,
) -> Iterator[Record]:
    """Stream a JSON Lines file as Documents and Skipped, one line at a time.

    The file is never read whole: each line is decoded and parsed when the
    consumer asks for the next record. Blank lines are allowed and ignored.

    Parameters are those of :func:`read_corpus`.

    Yields
    ------
    Document or Skipped
        One per non-blank line, in order; ``source`` is ``file:line``.

    Raises
    ------
    CorpusError
        On reaching a line that is not valid in the encoding, not valid JSON,
        not an object, or that lacks an id or text, or repeats an id.
    """
    options = _Options.make(encoding, text_column, id_column, max_bytes)
    yield from _unique(_read_jsonl(Path(path), str(path), options), {})


def from_dataframe(
    df: Any,
    *,
    text_column: str = "text",
    id_column: str = "id",
    max_bytes: int | None = None,
    name: str = "DataFrame",
) -> Corpus:
    """Build a corpus from a pandas DataFrame, one row per document.

    The inverse of :meth:`Corpus.to_frame`: columns ``id``, ``text``,
    ``outlet``, ``event``, ``published``, ``title``, ``url``, ``byline``;
    a ``meta`` column of dicts and any other column go into ``meta``.
    Missing values (NaN, None) in metadata become ``""``; a missing text
    becomes a Skipped record.

    Parameters
    ----------
    df
        The DataFrame.
    text_column, id_column, max_bytes
        As for :func:`read_corpus`.
    name
        How rows are named in errors and in ``Document.source``
        (``"<name> row <index>"``).

    Returns
    -------
    Corpus
    """
    options = _Options.make(None, text_column, id_column, max_bytes)
    columns = [str(c) for c in df.columns]
    for needed in (id_column, text_column):
        if needed not in columns:
            raise CorpusError(
                f"{name}: no {needed!r} column (expected the document "
                f"{'id' if needed == id_column else 'text'}); found columns: {', '.join(columns)}"
            )

    def rows() -> Iterator[tuple[str, Record]]:
        for index, row in zip(df.index, df.to_dict(orient="records")):
            where = f"{name} row {index}"
            record = {str(k): v for k, v in row.items()}
            item = _record_to_item(record, where, options)
            yield where, item

    return _collect(_unique(rows(), {}), name=name)


# --------------------------------------------------------------------------
# Reading: internals
# --------------------------------------------------------------------------


class _Options:
    """Validated reader options, passed to every format reader."""

    __slots__ = ("codec", "encoding", "id_column", "max_bytes", "text_column")

    def __init__(self, encoding: str | None, codec: str, text_column: str, id_column: str,
                 max_bytes: int | None) -> None:
        self.encoding = encoding
        self.codec = codec
        self.text_column = text_column
        self.id_column = id_column
        self.max_bytes = max_bytes

    @classmethod
    def make(cls, encoding: str | None, text_column: str, id_column: str,
             max_bytes: int | None) -> _Options:
        if encoding is None:
            codec = "utf-8"
        else:
            try:
                codec = codecs.lookup(encoding).name
            except LookupError:
                raise CorpusError(f"unknown encoding {encoding!r} (expected a Python codec name "
                                  f"such as 'utf-8', 'cp1251' or 'latin-1')") from None
            if codec == "utf-8-sig":
                codec = "utf-8"
        if max_bytes is not None and (isinstance(max_bytes, bool) or not isinstance(max_bytes, int)
                                      or max_bytes < 0):
            raise CorpusError(
                f"max_bytes must be a non-negative integer or None, got {max_bytes!r}")
        if text_column == id_column:
            raise CorpusError(f"text_column and id_column must differ, both are {text_column!r}")
        return cls(encoding, codec, text_column, id_column, max_bytes)

    @property
    def label(self) -> str:
        """How the encoding is named in messages."""
        return "UTF-8" if self.encoding is None else self.encoding

    @property
    def ascii_compatible(self) -> bool:
        """True when a NUL or newline byte means that character in this encoding."""
        return "\n\x00".encode(self.codec, errors="replace") == b"\n\x00"

    @property
    def strips_bom(self) -> bool:
        return self.codec == "utf-8"


def _collect(records: Iterable[Record], *, name: str) -> Corpus:
    documents: list[Document] = []
    skipped: list[Skipped] = []
    for item in records:
        if isinstance(item, Document):
            documents.append(item)
        else:
            skipped.append(item)
    return Corpus(documents, skipped=skipped, name=name)


def _unique(located: Iterable[tuple[str, Record]], seen: dict[str, str]) -> Iterator[Record]:
    """Yield the records, raising on an id already seen (in ``seen``, updated)."""
    for where, item in located:
        first = seen.get(item.id)
        if first is not None:
            raise CorpusError(f"{where}: duplicate document id {item.id!r} "
                              f"(first seen at {first}); ids must be unique within a corpus")
        seen[item.id] = where
        yield item


def _dispatch(path: Path, name: str, options: _Options) -> Iterator[tuple[str, Record]]:
    if path.is_dir():
        return _read_folder(path, name, options)
    if not path.exists():
        raise CorpusError(f"{name}: no such file or folder (expected a folder with {_MANIFEST}, "
                          f"or a {', '.join(sorted(_READERS))} file)")
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise CorpusError(f"{name}: cannot read a {path.suffix or 'suffix-less'} file as a corpus "
                          f"(expected a folder with {_MANIFEST}, or a "
                          f"{', '.join(sorted(_READERS))} file)")
    return reader(path, name, options)


def _decode_problem(data: bytes, error: UnicodeDecodeError, options: _Options, *,
                    line: int | None = None, line_offset: int = 0) -> tuple[int, str]:
    """Locate a decoding error: ``(line, "(byte 0x.. at column .., file offset ..); hint")``.

    ``data`` is either the whole file (``line`` None: the line is counted) or
    one line, numbered ``line``, starting at byte ``line_offset`` of the file.
    """
    position = error.start
    if line is None:
        line = data.count(b"\n", 0, position) + 1
        line_start = data.rfind(b"\n", 0, position) + 1
    else:
        line_start = 0
    hint = ("pass encoding=... to read another encoding" if options.encoding is None
            else "check the encoding= argument")
    return line, (f"(byte 0x{data[position]:02x} at column {position - line_start + 1}, "
                  f"file offset {line_offset + position}); {hint}")


def _decode_error(name: str, data: bytes, error: UnicodeDecodeError, options: _Options, *,
                  line: int | None = None, line_offset: int = 0) -> CorpusError:
    line, detail = _decode_problem(data, error, options, line=line, line_offset=line_offset)
    return CorpusError(f"{name}:{line}: not valid {options.label} {detail}")


def _decoded_lines(path: Path, name: str, options: _Options) -> Iterator[tuple[int, str]]:
    """Yield ``(line number, line)`` of a text file, decoding one line at a time.

    Line endings are kept. A UTF-8 byte-order mark at the start is dropped.
    Raises CorpusError naming the line when a line does not decode.
    """
    with _open_binary(path, name) as stream:
        if not options.ascii_compatible:
            # UTF-16 and the like: a b"\n" byte is not a line end, so let the
            # codec split lines. Errors can then only name the line.
            text = io.TextIOWrapper(stream, encoding=options.codec, newline="")
            lineno = 0
            try:
                for lineno, line in enumerate(text, 1):
                    yield lineno, line
            except UnicodeDecodeError as error:
                raise CorpusError(f"{name}:{lineno + 1}: not valid {options.label} "
                                  f"({error.reason}); check the encoding= argument") from None
            return
        offset = 0
        for lineno, raw in enumerate(stream, 1):
            start = offset
            offset += len(raw)
            if lineno == 1 and options.strips_bom and raw.startswith(_BOM):
                raw = raw[len(_BOM):]
                start += len(_BOM)
            try:
                line = raw.decode(options.codec)
            except UnicodeDecodeError as error:
                raise _decode_error(name, raw, error, options, line=lineno,
                                    line_offset=start) from None
            yield lineno, line


@contextmanager
def _open_binary(path: Path, name: str) -> Iterator[IO[bytes]]:
    try:
        stream = open(path, "rb")  # noqa: SIM115 -- closed by the with below; open errors reworded
    except OSError as error:
        raise CorpusError(f"{name}: cannot open ({error.strerror or error})") from None
    with stream:
        yield stream


def _read_jsonl(path: Path, name: str, options: _Options) -> Iterator[tuple[str, Record]]:
    for lineno, line in _decoded_lines(path, name, options):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise CorpusError(f"{where}: malformed JSON at column {error.colno}: {error.msg} "
                              f"(expected one JSON object per line)") from None
        if not isinstance(value, dict):
            raise CorpusError(f"{where}: expected a JSON object, found {_json_kind(value)}")
        yield where, _record_to_item(value, where, options)


def _read_json(path: Path, name: str, options: _Options) -> Iterator[tuple[str, Record]]:
    text = _read_whole_text(path, name, options)
    for lineno, value in _iter_json_array(text, name):
        where = f"{name}:{lineno}"
        if not isinstance(value, dict):
            raise CorpusError(
                f"{where}: expected a JSON object in the list, found {_json_kind(value)}")
        yield where, _record_to_item(value, where, options)


def _read_whole_text(path: Path, name: str, options: _Options) -> str:
    with _open_binary(path, name) as stream:
        data = stream.read()
    if options.strips_bom and data.startswith(_BOM):
        data = data[len(_BOM):]
    try:
        return data.decode(options.codec)
    except UnicodeDecodeError as error:
        raise _decode_error(name, data, error, options) from None


def _iter_json_array(text: str, name: str) -> Iterator[tuple[int, Any]]:
    """Yield ``(line, item)`` for each item of a JSON list, with the line it starts on."""
    decoder = json.JSONDecoder()
    line, counted = 1, 0

    def line_at(index: int) -> int:
        nonlocal line, counted
        line += text.count("\n", counted, index)
        counted = index
        return line

    def fail(index: int, message: str) -> CorpusError:
        return CorpusError(f"{name}:{line_at(index)}: {message}")

    def decode(index: int) -> tuple[Any, int]:
        try:
            return decoder.raw_decode(text, index)
        except json.JSONDecodeError as error:
            raise CorpusError(f"{name}:{error.lineno}: malformed JSON at column {error.colno}: "
                              f"{error.msg}") from None

    index = _JSON_WS.match(text).end()  # type: ignore[union-attr]
    if text[index:index + 1] != "[":
        if index == len(text):
            raise CorpusError(f"{name}:1: empty file (expected a JSON list of document objects)")
        value, _ = decode(index)
        raise fail(index, f"expected a JSON list of document objects, found {_json_kind(value)}")
    index = _JSON_WS.match(text, index + 1).end()  # type: ignore[union-attr]
    if text[index:index + 1] == "]":
        index += 1
    else:
        while True:
            start = index
            value, index = decode(index)
            yield line_at(start), value
            index = _JSON_WS.match(text, index).end()  # type: ignore[union-attr]
            following = text[index:index + 1]
            if following == ",":
                index = _JSON_WS.match(text, index + 1).end()  # type: ignore[union-attr]
            elif following == "]":
                index += 1
                break
            else:
                raise fail(index, f"malformed JSON: expected ',' or ']' after a list item, "
                                  f"found {following or 'end of file'!r}")
    index = _JSON_WS.match(text, index).end()  # type: ignore[union-attr]
    if index != len(text):
        raise fail(index, "malformed JSON: extra data after the closing ']'")


def _json_kind(value: Any) -> str:
    kinds = {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return kinds.get(type(value), type(value).__name__)


def _csv_table(path: Path, name: str,
               options: _Options) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """Read the header of a CSV file; return it and an iterator over the data rows.

    The rows come as ``(physical line where the row starts, row dict)``. The
    header must name every column once; every row must have as many fields.
    """
    lines = (line for _, line in _decoded_lines(path, name, options))
    reader = csv.reader(lines, strict=True)
    header = _next_csv_row(reader, name)
    if header is None:
        raise CorpusError(f"{name}:1: empty file (expected a header row naming the columns)")
    for position, column in enumerate(header, 1):
        if not column.strip():
            raise CorpusError(f"{name}:1: column {position} of the header has no name")
    repeated = sorted({c for c in header if header.count(c) > 1})
    if repeated:
        raise CorpusError(f"{name}:1: repeated column name(s) in the header: {', '.join(repeated)}")

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        while True:
            start = reader.line_num + 1
            row = _next_csv_row(reader, name)
            if row is None:
                return
            if not row:  # a blank line between rows
                continue
            if len(row) != len(header):
                raise CorpusError(f"{name}:{start}: row has {len(row)} fields, expected "
                                  f"{len(header)} as in the header ({', '.join(header)})")
            yield start, dict(zip(header, row))

    return header, rows()


def _next_csv_row(reader: Any, name: str) -> list[str] | None:
    previous = csv.field_size_limit(_CSV_FIELD_LIMIT)
    try:
        row: list[str] = next(reader)
        return row
    except StopIteration:
        return None
    except csv.Error as error:
        raise CorpusError(f"{name}:{reader.line_num}: malformed CSV: {error}") from None
    finally:
        csv.field_size_limit(previous)


def _require_columns(name: str, header: Iterable[str], needed: dict[str, str],
                     hint: str = "") -> None:
    header = list(header)
    for column, meaning in needed.items():
        if column not in header:
            raise CorpusError(f"{name}:1: no {column!r} column (expected {meaning}); "
                              f"found columns: {', '.join(header)}{hint}")


def _read_csv(path: Path, name: str, options: _Options) -> Iterator[tuple[str, Record]]:
    header, rows = _csv_table(path, name, options)
    hint = ""
    if "file" in header and options.text_column not in header:
        hint = f" (a manifest? pass the folder that holds {_MANIFEST} instead)"
    _require_columns(name, header, {options.id_column: "the document id",
                                    options.text_column: "the document text"}, hint)
    for lineno, row in rows:
        where = f"{name}:{lineno}"
        yield where, _record_to_item(row, where, options)


def _read_folder(folder: Path, name: str, options: _Options) -> Iterator[tuple[str, Record]]:
    manifest = folder / _MANIFEST
    manifest_name = os.path.join(name, _MANIFEST)
    if not manifest.is_file():
        raise CorpusError(f"{name}: folder has no {_MANIFEST} (expected a manifest with columns "
                          f"id,file,outlet,byline,published,event and one text file per row)")
    header, rows = _csv_table(manifest, manifest_name, options)
    _require_columns(manifest_name, header, {
        "id": "the document id",
        "file": "the text file of each document, relative to the folder",
    })
    for lineno, row in rows:
        where = f"{manifest_name}:{lineno}"
        doc_id = row["id"]
        if not doc_id:
            raise CorpusError(f"{where}: empty id (expected a non-empty document id)")
        if not row["file"]:
            raise CorpusError(f"{where}: document {doc_id!r} has an empty 'file' "
                              f"(expected the path of its text file, relative to {name})")
        fields = {f: row.get(f, "") for f in METADATA_FIELDS}
        meta = {k: v for k, v in row.items() if k not in ("id", "file", *METADATA_FIELDS)}
        file_name = os.path.join(name, row["file"])
        try:
            text = _read_text_file(folder / row["file"], file_name, options)
        except _Unreadable as problem:
            yield where, Skipped(doc_id, str(problem), source=file_name,
                                 outlet=fields["outlet"], event=fields["event"])
        else:
            yield where, Document(doc_id, text, meta=meta, source=file_name, **fields)


class _Unreadable(Exception):
    """A text file that cannot become a document; the message is the reason to report."""


def _read_text_file(path: Path, name: str, options: _Options) -> str:
    """Read and decode one text file of a folder corpus, or raise _Unreadable with the reason."""
    try:
        size = path.stat().st_size
        if options.max_bytes is not None and size > options.max_bytes:
            raise _Unreadable(f"too large: {name} is {size} bytes, "
                              f"more than max_bytes={options.max_bytes}")
        data = path.read_bytes()
    except FileNotFoundError:
        raise _Unreadable(f"file not found: {name}") from None
    except OSError as error:
        raise _Unreadable(f"cannot read file: {name} ({error.strerror or error})") from None
    if options.ascii_compatible and b"\x00" in data:
        raise _Unreadable(f"binary content: {name} contains NUL bytes "
                          f"(first at byte {data.index(0)})")
    if options.strips_bom and data.startswith(_BOM):
        data = data[len(_BOM):]
    try:
        text = data.decode(options.codec)
    except UnicodeDecodeError as error:
        line, detail = _decode_problem(data, error, options)
        raise _Unreadable(f"not valid {options.label}: {name}:{line} {detail}") from None
    if "\x00" in text:
        raise _Unreadable(f"binary content: {name} contains NUL characters")
    return text


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NAType", "NaTType")


def _as_str(value: Any, field: str, where: str, doc_id: str | None) -> str:
    """A metadata value as a string: missing -> "", numbers and dates -> their text."""
    if _is_missing(value):
        return ""
    if isinstance(value, str):
        return value
    if hasattr(value, "item") and not hasattr(value, "__len__"):  # numpy scalar
        value = value.item()
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    who = f"document {doc_id!r}" if doc_id else "record"
    raise CorpusError(f"{where}: {who} field {field!r} is {_json_kind(value)} "
                      f"(expected a string)")


def _plain(value: Any) -> Any:
    """A metadata value for ``meta``: numpy scalars as Python, missing as None."""
    if _is_missing(value):
        return None
    if hasattr(value, "item") and not hasattr(value, "__len__"):
        return value.item()
    return value


def _record_to_item(record: Mapping[str, Any], where: str, options: _Options) -> Record:
    """Turn one record (JSON object, CSV row, DataFrame row) into a Document or Skipped."""
    id_column, text_column = options.id_column, options.text_column
    if id_column not in record:
        raise CorpusError(f"{where}: record has no {id_column!r} field (expected the document id); "
                          f"found fields: {', '.join(record) or 'none'}")
    raw_id = record[id_column]
    if _is_missing(raw_id) or isinstance(raw_id, bool) or (isinstance(raw_id, str) and not raw_id):
        raise CorpusError(f"{where}: empty {id_column!r} (expected a non-empty document id, "
                          f"found {raw_id!r})")
    doc_id = _as_str(raw_id, id_column, where, None)
    if text_column not in record:
        raise CorpusError(f"{where}: document {doc_id!r} has no {text_column!r} field (expected "
                          f"the document text); found fields: {', '.join(record)}")
    fields = {f: _as_str(record.get(f), f, where, doc_id) for f in METADATA_FIELDS}
    meta: dict[str, Any] = {}
    nested = record.get("meta")
    if isinstance(nested, Mapping):
        meta.update(nested)
    for key, value in record.items():
        if key in (id_column, text_column, *METADATA_FIELDS):
            continue
        if key == "meta" and (isinstance(value, Mapping) or _is_missing(value)):
            continue  # merged above, or an empty meta cell of a DataFrame
        meta[key] = _plain(value)

    def skip(reason: str) -> Skipped:
        return Skipped(doc_id, reason, source=where, outlet=fields["outlet"], event=fields["event"])

    text = record[text_column]
    if _is_missing(text):
        return skip("text is missing (null)")
    if not isinstance(text, str):
        raise CorpusError(f"{where}: document {doc_id!r} field {text_column!r} is "
                          f"{_json_kind(text)} (expected a string)")
    if "\x00" in text:
        return skip(f"binary content: text contains NUL characters "
                    f"(first at offset {text.index(chr(0))})")
    # n characters take at most 4n UTF-8 bytes: encode only texts that may be too large.
    if options.max_bytes is not None and len(text) * 4 > options.max_bytes:
        size = len(text.encode("utf-8", errors="surrogatepass"))
        if size > options.max_bytes:
            return skip(f"too large: text is {size} bytes, more than max_bytes={options.max_bytes}")
    return Document(doc_id, text, meta=meta, source=where, **fields)


_READERS: dict[str, Callable[[Path, str, _Options], Iterator[tuple[str, Record]]]] = {
    ".jsonl": _read_jsonl,
    ".csv": _read_csv,
    ".json": _read_json,
}


# --------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------

Target = str | os.PathLike[str] | IO[str]


@contextmanager
def _open_for_writing(target: Target) -> Iterator[IO[str]]:
    """Open ``target`` for writing UTF-8 text: ``"-"`` is stdout, a file object is used as is."""
    if isinstance(target, str) and target == "-":
        yield sys.stdout
        return
    if not isinstance(target, (str, os.PathLike)):
        yield target
        return
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as stream:
        yield stream


def _jsonable(value: Any) -> Any:
    """Convert records, numpy and pandas values, paths and dates to JSON values.

    NaN and infinities become ``null`` (JSON has no such numbers).
    """
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_jsonable(v) for v in value), key=repr)
    if _is_missing(value):
        return None
    if hasattr(value, "to_dict") and callable(value.to_dict):
        if type(value).__name__ == "DataFrame":
            return _jsonable(value.to_dict(orient="records"))
        return _jsonable(value.to_dict())
    if hasattr(value, "tolist"):  # numpy arrays and scalars
        return _jsonable(value.tolist())
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    raise TypeError(f"cannot write {type(value).__name__} value as JSON: {value!r:.80}")


def write_jsonl(records: Iterable[Any], path_or_file: Target) -> int:
    """Write one JSON object per line (UTF-8, non-ASCII kept as is).

    Parameters
    ----------
    records
        Dicts, or objects with ``to_dict()`` (Document, Skipped, analyses).
        Consumed lazily, so a generator is written in constant memory.
    path_or_file
        A path (parent folders are created), ``"-"`` for stdout, or an open
        text file.

    Returns
    -------
    int
        The number of records written.
    """
    count = 0
    with _open_for_writing(path_or_file) as stream:
        for record in records:
            stream.write(json.dumps(_jsonable(record), ensure_ascii=False))
            stream.write("\n")
            count += 1
    return count


def write_json(obj: Any, path_or_file: Target) -> None:
    """Write one JSON value, indented, UTF-8, with a final newline.

    Records with ``to_dict()``, DataFrames (as a list of row objects), numpy
    values, paths and dates are converted; NaN becomes ``null``.
    """
    with _open_for_writing(path_or_file) as stream:
        json.dump(_jsonable(obj), stream, ensure_ascii=False, indent=2)
        stream.write("\n")


def _csv_cell(value: Any) -> str:
    if _is_missing(value):
        return ""
    if isinstance(value, str):
        return value
    value = _jsonable(value)
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def write_csv(frame_or_rows: Any, path_or_file: Target, *,
              columns: Sequence[str] | None = None) -> int:
    """Write a table as CSV (UTF-8, header row, RFC 4180 ``\\r\\n`` line ends).

    Parameters
    ----------
    frame_or_rows
        A pandas DataFrame (its index is not written), or an iterable of
        dicts or of objects with ``to_dict()``.
    path_or_file
        A path (parent folders are created), ``"-"`` for stdout, or an open
        text file.
    columns
        Column order. By default the DataFrame's columns, or the keys of the
        rows in order of first appearance.

    Returns
    -------
    int
        The number of rows written.

    Notes
    -----
    Missing values are written as empty cells; dict and list values as JSON.
    Texts are quoted where needed, so any line breaks inside them (lone
    ``\\r`` too) survive a round trip through :func:`read_corpus`.
    """
    if hasattr(frame_or_rows, "columns") and hasattr(frame_or_rows, "to_dict"):
        names = [str(c) for c in frame_or_rows.columns]
        rows = [{str(k): v for k, v in r.items()} for r in frame_or_rows.to_dict(orient="records")]
    else:
        rows = [_jsonable(r) if not isinstance(r, Mapping) else dict(r) for r in frame_or_rows]
        names = list(dict.fromkeys(key for row in rows for key in row))
    if columns is not None:
        names = list(columns)
    with _open_for_writing(path_or_file) as stream:
        # "\r\n" (RFC 4180), not "\n": the csv module quotes only fields holding
        # a character of the line terminator, so with "\n" a lone "\r" inside a
        # text would be written bare and could not be read back.
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow([_csv_cell(row.get(name)) for name in names])
    return len(rows)


def _corpus_rows(corpus: Iterable[Document]) -> Iterator[dict[str, Any]]:
    """Flat records: document fields, then meta keys (those not clashing with a field)."""
    for doc in corpus:
        row = doc.to_dict()
        meta = row.pop("meta")
        for key, value in meta.items():
            if key in row:
                raise CorpusError(f"{doc.source or doc.id}: document {doc.id!r} has meta key "
                                  f"{key!r}, which clashes with a document field; "
                                  f"rename it before writing")
            row[key] = value
        yield row


def write_corpus(corpus: Iterable[Document], path: PathLike) -> None:
    """Write documents as ``.jsonl``, ``.csv`` or ``.json`` (by suffix) for :func:`read_corpus`.

    ``meta`` entries become top-level fields (columns for CSV), so reading
    the file back gives the same documents with the same metadata (CSV
    metadata reads back as strings).
    """
    suffix = Path(path).suffix.lower()
    writers: dict[str, Callable[[], Any]] = {
        ".jsonl": lambda: write_jsonl(_corpus_rows(corpus), path),
        ".csv": lambda: write_csv(list(_corpus_rows(corpus)), path),
        ".json": lambda: write_json(list(_corpus_rows(corpus)), path),
    }
    if suffix not in writers:
        raise CorpusError(f"{path}: cannot write a corpus as {suffix or 'a suffix-less file'} "
                          f"(expected {', '.join(sorted(writers))})")
    writers[suffix]()
