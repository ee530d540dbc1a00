"""A job description's key terms are kept between calls; each caller still gets a list of its own."""

from __future__ import annotations

from nextround.analysis.answer import analyze_answer, extract_job_terms

JD = """Warehouse team leader
- Forklift licence (counterbalance)
- Stock control and cycle counts
Lead a team of eight on the night shift, plan the rota and keep stock control accurate."""


def test_kept_terms_are_the_same_and_a_caller_cannot_change_them() -> None:
    first = extract_job_terms(JD)
    assert first and "stock control" in first
    first.append("not a term")
    first[0] = "changed"
    again = extract_job_terms(JD)
    assert "not a term" not in again and "changed" not in again
    assert again == extract_job_terms(JD, limit=12)
    assert len(extract_job_terms(JD, limit=2)) == 2  # kept apart from the default limit's terms


def test_an_answer_reads_the_kept_terms_as_it_reads_terms_given() -> None:
    answer = "I ran stock control on the night shift and planned the rota for a team of eight."
    with_jd = analyze_answer("Tell me about a time you led a team.", answer, jd=JD)
    given = analyze_answer("Tell me about a time you led a team.", answer, job_terms=extract_job_terms(JD))
    assert with_jd.job_terms is not None and with_jd.job_terms.used
    assert with_jd.to_dict() == given.to_dict()
