"""The weekly review's bar charts: every label read whole, inside the chart, at a phone's and a laptop's width."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Server, open_driver

WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}

LABELS = """() => [...document.querySelectorAll('svg.bar-chart g.bar-row')].map(g => {
  const text = g.querySelector('text');
  const svg = g.ownerSVGElement.getBoundingClientRect();
  const box = text.getBoundingClientRect();
  const bar = g.querySelector('rect').getBoundingClientRect();
  return {label: g.dataset.label, shown: [...text.querySelectorAll('tspan')].map(t => t.textContent).join(' ')
            || text.textContent, inside: box.left >= svg.left - 1 && box.right <= bar.left + 1,
          rows: text.querySelectorAll('tspan').length};
})"""


@pytest.mark.parametrize("width", WIDTHS)
def test_review_bar_labels_are_read_whole(browser: Any, server: Server, width: str) -> None:
    with open_driver(browser, server, WIDTHS[width]) as driver:
        driver.go("/review")
        labels = driver.page.evaluate(LABELS)
        assert labels, "the review draws bar charts"
        assert [item for item in labels if item["shown"] != item["label"] or not item["inside"]] == []
        assert any(item["rows"] > 1 for item in labels)  # some label needed wrapping ("Feedback requested")
        assert driver.axe_violations() == []
        assert driver.problems == []
