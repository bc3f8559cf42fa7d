"""The founding example: `framing compare ../shared/seeds` puts the two outlets side by side.

Reads the seed articles from ../shared/seeds (skipped with a message where absent).
"""

from __future__ import annotations

import json
import math
import re

import pytest

import framing
from framing.cli import main

WAR = "war-name"  # the family of names for the war in seeds/ukraine-war.toml


@pytest.fixture(scope="module")
def seeds_comparison(seeds_dir):
    return framing.compare(framing.read_corpus(seeds_dir))


@pytest.fixture(scope="module")
def cli_reports(seeds_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds")
    for name in ("out.html", "out.json"):
        assert main(["compare", str(seeds_dir), "-o", str(out / name), "-q"]) == 0
    return out


def test_war_naming_shows_proxy_war_for_outlet_a_and_smo_for_outlet_b(seeds_comparison):
    naming = seeds_comparison.tables["naming"]
    war = naming[naming.family == WAR]
    variants = {outlet: set(rows.variant) for outlet, rows in war.groupby("outlet")}
    assert "proxy war" in variants["outlet-a"]
    assert "SMO" in variants["outlet-b"]
    assert "SMO" not in variants["outlet-a"] and "proxy war" not in variants["outlet-b"]
    smo = war[(war.outlet == "outlet-b") & (war.variant == "SMO")].iloc[0]
    assert smo["authorial"] >= 1 and smo["perspective"] == "kremlin"
    example = smo["examples"][0]
    offset = example["start"] - example["sentence_start"]
    assert example["text"] == "SMO" == example["sentence"][offset:offset + 3]


def test_the_html_naming_table_for_the_war_family_shows_both_variants(cli_reports):
    html = (cli_reports / "out.html").read_text(encoding="utf-8")
    naming = html[html.index('<section id="naming"'):html.index('<section id="loaded"')]
    start = naming.index(f"<h4>{WAR} ")
    table = naming[start:naming.index("</table>", start)]
    header = re.findall(r'<th scope="col">([^<]+)<br>', table)
    assert header == ["outlet-a", "outlet-b"]
    rows = {re.sub(r"<[^>]+>", "", m.group(1)).split(" ")[0]: m.group(0)
            for m in re.finditer(r'<tr><th scope="row">(.*?)</tr>', table)}
    proxy = next(row for name, row in rows.items() if name == "proxy")
    smo = rows["SMO"]

    def cells(row: str) -> list[str]:
        return re.findall(r"<td[^>]*>(.*?)</td>", row)

    assert cells(proxy)[0] != "–" and cells(proxy)[1] == "–"  # outlet-a uses it, outlet-b not
    assert cells(smo)[0] == "–" and cells(smo)[1] != "–"


def test_the_json_report_carries_the_numbers_of_the_dataframes(cli_reports,
                                                               seeds_comparison):
    report = json.loads((cli_reports / "out.json").read_text(encoding="utf-8"))
    assert set(report["tables"]) == set(seeds_comparison.tables)
    for name, frame in seeds_comparison.tables.items():
        rows = report["tables"][name]
        assert len(rows) == len(frame), name
        for got, expected in zip(rows, frame.to_dict(orient="records")):
            for column, value in expected.items():
                if isinstance(value, float) and math.isnan(value):
                    assert got[column] is None, (name, column)
                elif isinstance(value, (int, float, str, bool)):
                    assert got[column] == value, (name, column)
    war = [r for r in report["tables"]["naming"] if r["family"] == WAR]
    assert {(r["outlet"], r["variant"]) for r in war} >= {("outlet-a", "proxy war"),
                                                         ("outlet-b", "SMO")}
