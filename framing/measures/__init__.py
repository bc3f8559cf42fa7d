"""The measures: functions from a segmented, matched document to a result.

Every measure has the same shape: ``measure(ctx: DocumentContext) -> result``,
where the result has

- ``spans() -> list[dict]``: the evidence spans it contributes to the
  ``framing analyze`` JSONL (each with ``kind``, ``start``, ``end``, ``text``);
- ``to_json() -> object | None``: the value stored under the measure's name in
  the JSONL object (``None``: nothing stored);
- ``tables() -> dict[str, list[dict]]``: rows of its tidy tables, keyed by table
  name (the analysis adds the document's id, outlet and event to each row).

Measures are registered by name in :data:`MEASURES`; a measure that needs
another one's result asks the context (``ctx.result("attribution")``), which
computes each result once.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any, Protocol


class MeasureResult(Protocol):
    """What every measure returns."""

    def spans(self) -> list[dict[str, Any]]: ...

    def to_json(self) -> Any: ...

    def tables(self) -> dict[str, list[dict[str, Any]]]: ...


#: Registered measures: name -> "module:function". Imported on first use so
#: that ``import framing`` stays cheap.
MEASURES: dict[str, str] = {
    "attribution": "framing.measures.attribution:measure",
    "naming": "framing.measures.naming:measure",
    "loaded": "framing.measures.loaded:measure",
    "stance": "framing.measures.stance:measure",
    "style": "framing.measures.style:measure",
}


def get_measure(name: str) -> Callable[..., MeasureResult]:
    """Return the measure function registered under ``name``."""
    try:
        target = MEASURES[name]
    except KeyError:
        raise ValueError(f"unknown measure {name!r}; available: {', '.join(MEASURES) or 'none'}") from None
    module, _, func = target.partition(":")
    return getattr(import_module(module), func)
