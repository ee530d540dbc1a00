"""The CV line quoted beside a requirement is whole and is the one that shows it."""

from __future__ import annotations

from nextround.analysis.skillgaps.matcher import match

CV = """Experience
Sales Assistant, Westgate Energy (2022 – present)
- Served customers on the shop floor and handled deliveries
Stock Assistant, Harbour Foods (Jan 2019 - Mar 2022)
- Counted stock weekly and reordered from suppliers
Skills: Microsoft Word, Google Sheets, cash handling"""


def _quotes(jd: str) -> dict[str, str]:
    return {item["jd_text"]: item["cv_text"] for item in match(jd, CV, reference_year=2026).to_dict()["matched"]}


def test_a_date_range_does_not_cut_the_quoted_line() -> None:
    quoted = " ".join(_quotes("Requirements:\n- Experience at Westgate Energy\n- Experience at Harbour Foods").values())
    assert "(2022 – present)" in quoted or "Jan 2019 - Mar 2022" in quoted
    assert not quoted.rstrip().endswith("(2022")


def test_a_skill_shown_through_the_taxonomy_quotes_the_line_that_names_it() -> None:
    quotes = _quotes("What you will need:\n- Advanced Microsoft Excel, including pivot tables")
    assert "pivot tables" in quotes, "pivot tables are shown by the spreadsheet the CV names"
    assert "Google Sheets" in quotes["pivot tables"]
