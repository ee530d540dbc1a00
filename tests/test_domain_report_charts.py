"""Inline SVG charts: well-formed, accessible, escaped, self-contained."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import nextround
from nextround.domain.report_charts import bar_chart, sparkline


def _parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == "svg"
    assert root.get("role") == "img"
    assert root.find("title") is not None
    return root


def test_bar_chart_is_well_formed_with_one_bar_per_item() -> None:
    svg = bar_chart([("Applications", 3), ("Practice", 1.5), ("Contacts", 0)], title="This week", width=400)
    root = _parse(svg)
    assert root.findtext("title") == "This week"
    rects = root.findall(".//rect")
    assert len(rects) == 3
    widths = [float(r.get("width") or "0") for r in rects]
    assert widths[0] > widths[1] > widths[2] == 0
    texts = [t.text for t in root.iter("text")]
    assert "Applications" in texts
    assert "1.5" in texts
    assert "3" in texts
    assert root.get("width") == "400"


def test_labels_and_title_are_escaped() -> None:
    nasty = '<script>alert("x")</script> & Co'
    svg = bar_chart([(nasty, 2)], title='Q&A "week" <1>')
    assert "<script>" not in svg
    root = _parse(svg)
    assert root.findtext("title") == 'Q&A "week" <1>'
    group_title = root.find("g/title")
    assert group_title is not None and group_title.text == f"{nasty}: 2"


def _label_lines(root: ET.Element) -> list[list[str]]:
    """Each bar's label as shown, line by line (the first text of its group)."""
    found = []
    for group in root.iter("g"):
        text = group.find("text")
        assert text is not None
        spans = text.findall("tspan")
        found.append([s.text or "" for s in spans] if spans else [text.text or ""])
    return found


def test_long_labels_wrap_whole_words_instead_of_being_cut() -> None:
    # The weekly review's effort chart showed "Feedback request…": at the 256-unit width drawn for phones and
    # desktops alike, a label now wraps at spaces and every word is read.
    items = [("Feedback requests sent", 2), ("Applications", 3), ("Practice answers analysed", 4)]
    root = _parse(bar_chart(items, title="What you did this period"))
    lines = _label_lines(root)
    assert [" ".join(shown) for shown in lines] == [label for label, _ in items]
    assert lines[1] == ["Applications"]  # a short label stays one line
    assert all(len(line) * 7 + 8 <= 128 for shown in lines for line in shown)  # each line fits its column
    assert not any("…" in line for shown in lines for line in shown)
    # Rows grow for wrapped labels: bars and lines do not overlap.
    ys = [float(r.get("y") or "0") for r in root.iter("rect")]
    assert ys[1] - ys[0] >= 2 * 14 and float(root.get("height") or "0") > 3 * 24


def test_labels_too_long_for_three_lines_are_shortened_but_kept_whole_in_the_tooltip() -> None:
    label = "A very long company name that goes on and on and on and further still"
    root = _parse(bar_chart([(label, 1)], title="t"))
    [shown] = _label_lines(root)
    assert len(shown) == 3 and shown[-1].endswith("…")
    assert label.startswith(" ".join(shown)[:-1])
    assert root.findtext("g/title") == f"{label}: 1"


def test_negative_and_all_zero_values_draw_no_negative_widths() -> None:
    root = _parse(bar_chart([("down", -2), ("zero", 0)], title="t"))
    assert all(float(r.get("width") or "0") >= 0 for r in root.iter("rect"))
    assert "-2" in [t.text for t in root.iter("text")]


def test_empty_charts_say_so() -> None:
    for svg in (bar_chart([], title="Nothing"), sparkline([], title="Nothing")):
        root = _parse(svg)
        assert "No data yet" in [t.text for t in root.iter("text")]


def test_sparkline_points_follow_the_values() -> None:
    root = _parse(sparkline([1, 3, 2], title="Scores", width=100, height=20))
    line = root.find("polyline")
    assert line is not None
    points = [tuple(map(float, p.split(","))) for p in (line.get("points") or "").split()]
    assert len(points) == 3
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    assert xs == sorted(xs)
    assert ys[1] < ys[2] < ys[0]  # SVG y grows downwards: the highest value is nearest the top
    assert root.find("circle") is not None


def test_flat_and_single_value_sparklines() -> None:
    flat = _parse(sparkline([2, 2, 2], title="flat", height=20)).find("polyline")
    assert flat is not None
    assert {p.split(",")[1] for p in (flat.get("points") or "").split()} == {"10"}
    _parse(sparkline([5], title="one"))


def test_no_external_resources_or_scripts() -> None:
    svg = bar_chart([("a", 1)], title="t") + sparkline([1, 2], title="s")
    for forbidden in ("http://", "https://", "<script", "href=", "<image", "@import"):
        assert forbidden not in svg


def test_every_chart_has_a_text_alternative_with_its_values() -> None:
    bars = _parse(bar_chart([("screening", 3), ("final", 1)], title="Where", notes=["", " (25%)"]))
    assert bars.findtext("desc") == "screening: 3; final: 1 (25%)."
    assert [(g.get("data-label"), g.get("data-value")) for g in bars.iter("g")] == [("screening", "3"), ("final", "1")]
    assert "1 (25%)" in [t.text for t in bars.iter("text")]
    line = _parse(sparkline([40, 55.5, 70], title="Scores"))
    assert line.findtext("desc") == "3 values, from 40 to 70; lowest 40, highest 70."


def test_one_chart_builder_draws_every_chart() -> None:
    """Pages, the printable review and the dashboard all call report_charts; nothing else writes SVG shapes."""
    package = Path(nextround.__file__).parent
    drawing = ("<svg", "<rect", "<polyline", "<path")
    found = [
        path.relative_to(package).as_posix()
        for path in sorted(package.rglob("*"))
        if path.suffix in {".py", ".html", ".j2"} and path.name != "report_charts.py"
        if any(tag in path.read_text(encoding="utf-8") for tag in drawing)
    ]
    assert found == []
