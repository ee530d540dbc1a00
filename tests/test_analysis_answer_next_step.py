"""A "result" that is only the next step is no outcome for the score (session 20, score_plans.result_is_next_step)."""

from nextround.analysis.answer import analyze_answer
from nextround.analysis.answer.score_plans import is_next_step

QUESTION = "Tell me about a time you paid down technical debt. How did you justify the time?"
STORY = (
    "In my last job at a fintech in Accra, we had a lot of duplicated code in the payments module. "
    "I told my lead that it was slowing us down and we should clean it."
)


def test_a_next_step_with_its_time_is_not_an_outcome() -> None:
    assert is_next_step("He agreed to put it in the next sprint.")
    assert is_next_step("My test is in two weeks.")
    assert is_next_step("The ward manager said she'd take it to the senior nurses' meeting next month.")
    assert not is_next_step("He agreed to try it.")
    assert not is_next_step("Bookings went from thirty-one to forty the next year on the same budget.")
    assert not is_next_step("In the next month we got sixty-one sign-ups.")


def test_a_story_that_stops_at_its_next_step_scores_as_one_without_outcome() -> None:
    pending = analyze_answer(QUESTION, STORY + " He agreed to put it in the next sprint.")
    done = analyze_answer(
        QUESTION, STORY + " He agreed, and after the sprint a change to the module took a day, not a week."
    )
    result = {item.measure: item for item in pending.score_breakdown}
    assert result["result"].points == 0
    assert "next step" in result["result"].why
    assert "under a third" in result["action"].why
    assert pending.score < done.score - 15
    assert "is the next step, not the result" in pending.suggestions[0]
