"""Practice: a question from the bank, an answer, and the analysis at once (nothing is stored yet)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from nextround.domain.questions import CATEGORIES, Question, load_bank
from nextround.errors import UserError
from nextround.web.deps import is_htmx
from nextround.web.forms import form_text
from nextround.web.presenters import marked_answer
from nextround.web.rendering import render

router = APIRouter(include_in_schema=False)

MAX_ANSWER_CHARS = 20_000


class PracticeError(UserError, ValueError):
    """An answer that cannot be analysed as given."""


def _pick(bank: tuple[Question, ...], question_id: str | None, category: str | None) -> tuple[Question, Question]:
    """The asked question (by id, else the first of the category) and the one after it, for 'another question'."""
    pool = [q for q in bank if category is None or q.category == category] or list(bank)
    current = next((q for q in bank if q.id == question_id), pool[0])
    following = pool[(pool.index(current) + 1) % len(pool)] if current in pool else pool[0]
    return current, following


def _page(request: Request, question_id: str | None, category: str | None, extra: dict[str, Any]) -> dict[str, Any]:
    bank = load_bank()
    category = category if category in CATEGORIES else None
    question, following = _pick(bank, question_id, category)
    return {
        "question": question,
        "next_question": following,
        "category": category,
        "categories": CATEGORIES,
        "answer": "",
        "jd": "",
        "analysis": None,
        "marked": [],
        **extra,
    }


@router.get("/practice", response_class=HTMLResponse)
def practice(request: Request) -> HTMLResponse:
    params = request.query_params
    return render(request, "practice.html", _page(request, params.get("question"), params.get("category"), {}))


@router.post("/practice", response_class=HTMLResponse)
async def analyse(request: Request) -> HTMLResponse:
    form = await request.form()
    answer = form_text(form, "answer")
    jd = form_text(form, "jd")
    context = _page(request, form_text(form, "question_id") or None, form_text(form, "category") or None, {})
    question: Question = context["question"]
    if not answer.strip():
        error = "Write an answer first; the analysis needs something to read."
    elif len(answer) > MAX_ANSWER_CHARS:
        error = f"The answer is longer than {MAX_ANSWER_CHARS} characters."
    else:
        error = None
    from nextround.analysis.answer import analyze_answer

    analysis = None if error else analyze_answer(question.text, answer, jd or None).to_dict()
    context.update(
        answer=answer,
        jd=jd,
        analysis=analysis,
        marked=marked_answer(analysis) if analysis else [],
        error=error,
    )
    status = 422 if error else 200
    if is_htmx(request):
        return render(request, "_analysis.html", context, status=status)
    return render(request, "practice.html", context, status=status)
