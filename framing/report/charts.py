"""Charts of a comparison as inline SVG (matplotlib, no pyplot, no files).

Each function takes rows of a comparison table and returns the ``<svg>``
element as a string, ready to embed in an HTML page, or ``""`` when there is
nothing to draw. Text in the charts (outlet and target names) is escaped by
matplotlib's SVG writer; :func:`_clean_svg` then parses the result and refuses
anything that could run in a browser (scripts, event handlers, external
references), so an SVG can never carry a payload from the data.
"""

from __future__ import annotations

import io
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from framing.report.common import signed

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = ["loaded_density", "naming_shares", "stance_heatmap"]

#: Settings for every chart: text stays text (small files, selectable), and
#: output is the same from run to run.
_RC: dict[str, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "framing",
    "font.family": ["DejaVu Sans", "sans-serif"],
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
_VOICE_COLOURS = {"authorial": "#1f5f8b", "quoted": "#8c6d1f", "reported": "#6b4c9a",
                  "scare_quoted": "#b5432f"}
_FORBIDDEN_TAGS = {"script", "foreignObject", "iframe", "object", "embed", "a", "animate",
                   "set", "handler"}
#: The only reference allowed besides in-document ones (``#id``): matplotlib
#: embeds rasterized parts (a colour bar's gradient) as inline PNG images.
_INLINE_PNG = "data:image/png;base64,"
#: What matplotlib's <style> element may hold (``*{stroke-linejoin: round; ...}``).
_PLAIN_CSS = re.compile(r"[\s\w*{}:;.#-]*")


#: Variants drawn per naming family; the rarer ones are summed as OTHER.
MAX_VARIANTS = 9
OTHER = "(other variants)"


def _short(text: str, width: int = 28) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def _render(draw: Any, size: tuple[float, float], prefix: str) -> str:
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]  # keys are rcParams names
        fig = Figure(figsize=size, layout="constrained")
        draw(fig)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return _clean_svg(buffer.getvalue(), prefix)


def _clean_svg(svg: str, prefix: str) -> str:
    """The ``<svg>`` element alone, ids prefixed, scaled by CSS, checked to hold nothing active.

    Raises
    ------
    ValueError
        If the SVG holds a script, an event handler or an external reference
        (which matplotlib never writes; the check guards the page anyway).
    """
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.DOTALL)  # RDF, not needed
    root = ET.fromstring(svg)  # well-formed: no text can have broken out of its element
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in _FORBIDDEN_TAGS:
            raise ValueError(f"chart SVG holds a <{tag}> element")
        if tag == "style" and not _PLAIN_CSS.fullmatch(element.text or ""):
            raise ValueError("chart SVG holds a <style> element with more than plain rules")
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            external = local == "href" and not (
                value.startswith("#") or (tag == "image" and value.startswith(_INLINE_PNG)))
            if local.startswith("on") or external:
                raise ValueError(f"chart SVG holds an active attribute {local}={value!r:.40}")
    # Ids unique in the page (several charts share matplotlib's names), references with them.
    # Only inside tags: text content (which may hold anything from the data) is left alone.
    def prefixed(tag: re.Match[str]) -> str:
        out = re.sub(r'(\sid=")([^"]+)"', rf'\1{prefix}-\2"', tag.group(0))
        out = re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\1)", out)
        return re.sub(r'(href=")#([^"]+)"', rf'\1#{prefix}-\2"', out)

    svg = re.sub(r"<[^<>]+>", prefixed, svg)
    # Let CSS size the chart: drop the fixed width and height of the root element.
    head, rest = svg.split(">", 1)
    head = re.sub(r'\s(width|height)="[^"]*"', "", head)
    return f'{head} class="chart" role="img">{rest}'


# ---------------------------------------------------------------------------


def stance_heatmap(rows: pd.DataFrame, by: str, groups: Sequence[str],
                   max_targets: int = 14) -> str:
    """Heatmap of authorial stance: one row per group, one column per target.

    Targets are those with the most evidence. Cells show the score; a dagger
    marks a low-evidence or small-group value; empty cells had no evidence.
    """
    import numpy as np

    rows = rows[(rows["voice"] == "authorial") & (rows["n_evidence"] > 0)]
    if rows.empty:
        return ""
    evidence = rows.groupby("target")["n_evidence"].sum().sort_values(ascending=False)
    targets = list(evidence.index[:max_targets])
    groups = [g for g in groups if g in set(rows[by])]
    grid = np.full((len(groups), len(targets)), np.nan)
    flagged = np.zeros(grid.shape, dtype=bool)
    for r in rows.itertuples(index=False):
        row = r._asdict()
        if row[by] in groups and row["target"] in targets:
            i, j = groups.index(row[by]), targets.index(row["target"])
            grid[i, j] = row["score"]
            flagged[i, j] = bool(row["low_evidence"] or row["small_group"])

    def draw(fig: Figure) -> None:
        import matplotlib as mpl

        ax = fig.add_subplot()
        cmap = mpl.colormaps["RdBu"].with_extremes(bad="#eeeeee")
        image = ax.pcolormesh(np.ma.masked_invalid(grid), cmap=cmap, vmin=-1, vmax=1,
                              edgecolors="white", linewidth=1)
        ax.set_xticks([j + 0.5 for j in range(len(targets))], [_short(t, 18) for t in targets],
                      rotation=40, ha="right")
        ax.set_yticks([i + 0.5 for i in range(len(groups))], [_short(g) for g in groups])
        ax.invert_yaxis()
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        for i in range(len(groups)):
            for j in range(len(targets)):
                if math.isfinite(grid[i, j]):
                    text = signed(grid[i, j]) + ("†" if flagged[i, j] else "")
                    colour = "white" if abs(grid[i, j]) > 0.55 else "#222222"
                    ax.text(j + 0.5, i + 0.5, text, ha="center", va="center", fontsize=7.5, color=colour)
        bar = fig.colorbar(image, ax=ax, shrink=0.8, pad=0.01)
        bar.set_label("stance: −1 against, +1 for")

    return _render(draw, (max(6.0, 1.2 + 0.62 * len(targets)), 1.4 + 0.42 * len(groups)),
                   "stance")


def loaded_density(rows: pd.DataFrame, by: str, groups: Sequence[str]) -> str:
    """Loaded terms per 1,000 tokens, one panel per voice, with bootstrap intervals."""
    voices = [v for v in _VOICE_COLOURS if v in set(rows["voice"])]
    if not voices:
        return ""
    groups = [g for g in groups if g in set(rows[by])]

    def draw(fig: Figure) -> None:
        axes = fig.subplots(1, len(voices), sharey=True, squeeze=False)[0]
        for ax, voice in zip(axes, voices):
            part = rows[rows["voice"] == voice].set_index(by)
            for i, group in enumerate(groups):
                if group not in part.index:
                    continue
                r = part.loc[group]
                est, low, high = float(r["per_1k"]), float(r["ci_low"]), float(r["ci_high"])
                weak = bool(r["low_evidence"] or r["small_group"])
                colour = _VOICE_COLOURS[voice]
                if math.isfinite(low) and math.isfinite(high):
                    ax.plot([low, high], [i, i], color=colour, linewidth=2,
                            alpha=0.35 if weak else 0.8)
                ax.plot([est], [i], marker="o", markersize=6, color=colour,
                        markerfacecolor="white" if weak else colour)
            ax.set_title(voice.replace("_", "-"), fontsize=9)
            values = [float(x) for x in (*part["per_1k"], *part["ci_high"]) if math.isfinite(x)]
            ax.set_xlim(0, 1.08 * max(values) if values and max(values) > 0 else 1)
            ax.set_xlabel("per 1,000 tokens")
            ax.grid(axis="x", color="#dddddd", linewidth=0.6)
            ax.set_axisbelow(True)
        axes[0].set_yticks(range(len(groups)), [_short(g) for g in groups])
        axes[0].set_ylim(len(groups) - 0.5, -0.5)

    return _render(draw, (2.0 + 2.2 * len(voices), 0.9 + 0.38 * len(groups)), "loaded")


def naming_shares(rows: pd.DataFrame, by: str, groups: Sequence[str],
                  families: Sequence[str]) -> str:
    """For each family, stacked bars of each group's authorial variant shares."""
    import matplotlib as mpl

    families = [f for f in families if f in set(rows["family"])]
    if not families:
        return ""
    # tab10 without its grey (kept for OTHER): nine distinct hues.
    tab10 = mpl.colormaps["tab10"]
    palette = [mpl.colors.to_hex(tab10(i)) for i in range(10) if i != 7]
    heights = []
    panels = []
    for family in families:
        part = rows[(rows["family"] == family) & (rows["authorial"] > 0)]
        ranked = part.groupby("variant")["authorial"].sum().sort_values(ascending=False,
                                                                          kind="stable")
        if len(ranked) > MAX_VARIANTS:  # the rest as one "other" segment
            rest = set(ranked.index[MAX_VARIANTS - 1:])
            part = part.assign(variant=[OTHER if v in rest else v for v in part["variant"]])
            part = part.groupby([by, "variant"], as_index=False)[["authorial_share"]].sum()
            ranked = ranked.iloc[:MAX_VARIANTS - 1]
            variants = [*ranked.index, OTHER]
        else:
            variants = list(ranked.index)
        present = [g for g in groups if g in set(part[by])]
        panels.append((family, part, variants, present))
        heights.append(0.8 + max(0.3 * len(present), 0.16 * len(variants)))

    def draw(fig: Figure) -> None:
        axes = fig.subplots(len(panels), 1, squeeze=False,
                            gridspec_kw={"height_ratios": heights})[:, 0]
        for ax, (family, part, variants, present) in zip(axes, panels):
            lefts = [0.0] * len(present)
            for k, variant in enumerate(variants):
                widths = []
                for group in present:
                    match = part[(part[by] == group) & (part["variant"] == variant)]
                    widths.append(float(match["authorial_share"].sum()) if len(match) else 0.0)
                colour = "#c7c7c7" if variant == OTHER else palette[k % len(palette)]
                ax.barh(range(len(present)), widths, left=lefts, color=colour,
                        label=_short(variant, 30), edgecolor="white", linewidth=0.5)
                lefts = [a + b for a, b in zip(lefts, widths)]
            ax.set_yticks(range(len(present)), [_short(g) for g in present])
            ax.set_ylim(len(present) - 0.5, -0.5)
            ax.set_xlim(0, 1)
            ax.xaxis.set_major_formatter(mpl.ticker.PercentFormatter(1.0))
            ax.set_title(f"{family}: share of the outlet's own mentions", loc="left",
                         fontsize=9)
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7.5,
                      frameon=False)

    return _render(draw, (9.0, sum(heights)), "naming")
