"""The practice page and the presenters that shape analysis and stats for the pages."""

from __future__ import annotations

from typing import Any

from nextround.analysis.answer import analyze_answer
from nextround.domain.questions import load_bank
from nextround.web.presenters import bar_chart, funnel_chart, marked_answer, rejection_chart
from tests.web_support import Web, web_fixture  # noqa: F401  (fixture)

ANSWER = (
    "Um, so basically at my last job I think we had a problem with late orders. I was asked to fix it. "
    "I built a tracking sheet and talked to each supplier. As a result late orders fell by 40% in two months."
)


def test_practice_page_shows_a_question_from_the_bank(web: Web) -> None:
    bank = load_bank()
    html = web.client.get("/practice").text
    assert bank[0].text.replace("'", "&#39;") in html
    chosen = bank[5]
    assert chosen.text.replace("'", "&#39;") in web.client.get(f"/practice?question={chosen.id}").text
    motivation = next(q for q in bank if q.category == "motivation")
    assert motivation.text.replace("'", "&#39;") in web.client.get("/practice?category=motivation").text
    assert "data-timer hidden" in html  # the timer appears only with JavaScript


def test_an_answer_is_analysed_at_once_with_marks(web: Web) -> None:
    question = load_bank()[0]
    response = web.post_form("/practice", {"question_id": question.id, "answer": ANSWER})
    assert response.status_code == 200
    html = response.text
    expected = analyze_answer(question.text, ANSWER).to_dict()
    assert f'<span id="score">{expected["score"]}</span>' in html
    assert '<mark class="filler" title="filler">Um</mark>' in html
    assert '<mark class="hedge" title="hedge">I think</mark>' in html
    assert '<span class="part-tag part-result">Result</span>' in html
    assert expected["suggestions"][0].replace("'", "&#39;").replace('"', "&#34;") in html


def test_htmx_gets_only_the_analysis_fragment(web: Web) -> None:
    response = web.post_form(
        "/practice", {"answer": ANSWER, "jd": "Logistics analyst, SQL, suppliers"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="analysis"')
    assert "Job terms used" in response.text


def test_an_empty_answer_is_a_validation_message(web: Web) -> None:
    response = web.post_form("/practice", {"answer": "   "}, headers={"HX-Request": "true"})
    assert response.status_code == 422
    assert "Write an answer first" in response.text


def test_answer_text_is_escaped(web: Web) -> None:
    html = web.post_form("/practice", {"answer": "I fixed <script>alert(1)</script> it. Sales rose 10%."}).text
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_marked_answer_splits_sentences_into_marked_pieces() -> None:
    analysis = analyze_answer("Tell me about a problem you solved.", ANSWER).to_dict()
    marked = marked_answer(analysis)
    assert len(marked) == len(analysis["sentences"])
    first = marked[0]
    assert "".join(text for text, _ in first.pieces) == analysis["sentences"][0]
    assert ("Um", "filler") in first.pieces and ("I think", "hedge") in first.pieces
    assert marked[-1].parts == ("result",)


def test_marked_answer_without_fillers_keeps_sentences_whole() -> None:
    analysis: dict[str, Any] = {
        "sentences": ["I led it.", "Costs fell."],
        "star_sentences": {"situation": [], "task": [], "action": [0], "result": [1]},
        "fillers": {"found": {}},
        "hedges": [],
    }
    marked = marked_answer(analysis)
    assert [m.pieces for m in marked] == [(("I led it.", None),), (("Costs fell.", None),)]
    assert [m.parts for m in marked] == [("action",), ("result",)]


def test_bar_chart_scales_to_the_largest_value() -> None:
    chart = bar_chart([("a", 2), ("b", 4), ("c", 0)], unit="things")
    widths = [bar.width for bar in chart.bars]
    assert widths[1] == chart.plot_width and widths[0] == chart.plot_width // 2 and widths[2] == 0
    assert chart.summary == "6 things in all. a: 2, b: 4, c: 0."
    empty = bar_chart([("a", 0)], unit="things")
    assert empty.total == 0 and empty.bars[0].width == 0


def test_charts_from_stats() -> None:
    stats = {
        "rejections_by_stage": {"application": 3, "screening": 1, "final": 2},
        "funnel": [{"stage": "applied", "reached": 10, "conversion": None},
                   {"stage": "screening", "reached": 4, "conversion": 0.4}],
    }  # fmt: skip
    rejections = rejection_chart(stats)
    assert [b.label for b in rejections.bars] == [
        "application",
        "screening",
        "assessment",
        "interview",
        "final",
        "offer",
    ]
    assert [b.value for b in rejections.bars] == [3, 1, 0, 0, 2, 0]
    funnel = funnel_chart(stats)
    assert [b.text for b in funnel.bars] == ["10", "4 (40%)"]


def test_overview_commands_link_to_their_pages() -> None:
    from nextround.web.presenters import step_link

    assert step_link("nextround app show 18") == "/applications/18"
    assert step_link("nextround app ghosted 7") == "/applications/7"
    assert step_link('nextround app add --company "…" --role "…"') == "/applications/new"
    assert step_link("nextround stats") is None
