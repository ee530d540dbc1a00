"""The JSON API: a round trip through applications, stats, the analyses, and its errors."""

from __future__ import annotations

from collections.abc import Iterator

from nextround.analysis.answer import analyze_answer
from nextround.analysis.feedback import analyze_feedback
from nextround.analysis.skillgaps import match
from tests.web_support import Web, command_line_in

JD = "We need a support engineer with SQL, Zendesk and clear writing. Python is a plus."
CV = "Three years in IT support. Daily SQL queries, Zendesk admin, wrote the help centre."
ANSWER = (
    "At my last job, late orders were hurting our biggest client. I was asked to fix it within a month. "
    "I built a tracking sheet in SQL and called each supplier every Monday. "
    "As a result, late orders fell by 40% in two months."
)


def test_application_round_trip(web: Web) -> None:
    created = web.api(
        "POST",
        "/api/v1/applications",
        json={"company": "Northwind", "role": "Support Engineer", "applied_on": "2024-10-01", "source": "referral",
              "tags": ["SaaS"], "note": "sent via Priya"},
    )  # fmt: skip
    assert created.status_code == 201
    body = created.json()
    app_id = body["id"]
    assert body["stage"] == "applied" and body["source"] == "referral" and body["tags"] == ["saas"]
    assert body["history"][0]["note"] == "sent via Priya"

    patched = web.api("PATCH", f"/api/v1/applications/{app_id}", json={"notes": "call back Friday", "excitement": 4})
    assert patched.status_code == 200
    assert patched.json()["notes"] == "call back Friday" and patched.json()["company"] == "Northwind"

    moved = web.api("POST", f"/api/v1/applications/{app_id}/move", json={"stage": "interview", "round": 2})
    assert moved.json()["stage"] == "interview" and moved.json()["interview_round"] == 2
    web.api("POST", f"/api/v1/applications/{app_id}/move", json={"stage": "final"})
    closed = web.api("POST", f"/api/v1/applications/{app_id}/close", json={"outcome": "rejected", "note": "SQL"})
    assert closed.status_code == 200
    assert closed.json()["rejected_at_stage"] == "final"

    got = web.client.get(f"/api/v1/applications/{app_id}").json()
    assert [h["to"] for h in got["history"]] == ["applied", "interview", "final", "rejected"]
    assert got["history"][-1]["note"] == "SQL"

    listing = web.client.get("/api/v1/applications", params={"status": "closed"}).json()
    assert listing["total"] == 1 and listing["applications"][0]["id"] == app_id
    assert "jd_text" not in listing["applications"][0]
    assert web.client.get("/api/v1/applications", params={"status": "open"}).json()["total"] == 0

    stats = web.client.get("/api/v1/stats").json()
    assert stats["rejections_by_stage"]["final"] == 1
    assert stats["small_sample"] is True


def test_listing_pages_newest_first(web: Web) -> None:
    for n in range(5):
        web.api("POST", "/api/v1/applications", json={"company": f"C{n}", "role": "R"})
    page = web.client.get("/api/v1/applications", params={"limit": 2, "offset": 1}).json()
    assert page["total"] == 5
    assert [a["company"] for a in page["applications"]] == ["C3", "C2"]
    assert web.client.get("/api/v1/applications", params={"company": "c4"}).json()["total"] == 1


def test_errors_are_json_with_the_right_status(web: Web) -> None:
    missing = web.client.get("/api/v1/applications/999")
    assert missing.status_code == 404 and missing.json() == {"error": "no application with id 999"}
    assert web.api("PATCH", "/api/v1/applications/999", json={"notes": "x"}).status_code == 404
    assert web.api("POST", "/api/v1/applications/999/close", json={"outcome": "rejected"}).status_code == 404

    no_role = web.api("POST", "/api/v1/applications", json={"company": "A"})
    assert no_role.status_code == 422
    assert no_role.json() == {"error": "role: Field required", "field": "role"}  # the field, for a form to use
    unknown_field = web.api("POST", "/api/v1/applications", json={"company": "A", "role": "B", "colour": "red"})
    assert unknown_field.status_code == 422 and "colour" in unknown_field.json()["error"]
    bad_stage = web.api("POST", "/api/v1/applications", json={"company": "A", "role": "B", "stage": "heaven"})
    assert bad_stage.status_code == 422 and "unknown stage 'heaven'" in bad_stage.json()["error"]
    bad_json = web.api(
        "POST", "/api/v1/applications", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert bad_json.status_code == 422 and "error" in bad_json.json()
    app_id = web.api("POST", "/api/v1/applications", json={"company": "A", "role": "B"}).json()["id"]
    back = web.api("POST", f"/api/v1/applications/{app_id}/move", json={"stage": "saved"})
    assert back.status_code == 422 and "cannot go back" in back.json()["error"]
    future = web.api("POST", f"/api/v1/applications/{app_id}/move", json={"stage": "final", "at": "in 3 days"})
    assert future.status_code == 422 and "future" in future.json()["error"]
    bad_outcome = web.api("POST", f"/api/v1/applications/{app_id}/close", json={"outcome": "lost"})
    assert bad_outcome.status_code == 422
    assert web.client.get("/api/v1/applications", params={"limit": 0}).status_code == 422
    assert web.client.get("/api/v1/applications/abc").status_code == 422
    for response in (missing, no_role, bad_stage):
        assert "Traceback" not in response.text


def test_analysis_endpoints_return_the_same_json_as_the_analysis_modules(web: Web) -> None:
    question = "Tell me about a time you fixed a process."
    answer = web.api("POST", "/api/v1/analyze/answer", json={"question": question, "answer": ANSWER, "jd": JD})
    assert answer.status_code == 200
    assert answer.json() == analyze_answer(question, ANSWER, JD).to_dict()
    assert answer.json()["star"]["result"] is True

    text = "Strong technical skills, but your answers were long and you lacked examples of leading a team."
    feedback = web.api("POST", "/api/v1/analyze/feedback", json={"text": text})
    assert feedback.json() == analyze_feedback(text).to_dict()

    matched = web.api("POST", "/api/v1/analyze/match", json={"jd": JD, "cv": CV})
    assert matched.json() == match(JD, CV).to_dict()

    assert web.api("POST", "/api/v1/analyze/answer", json={"question": "q"}).status_code == 422
    too_long = web.api("POST", "/api/v1/analyze/feedback", json={"text": "a" * 200_001})
    assert too_long.status_code == 422


def test_session_gives_the_token_to_same_origin_clients(web: Web) -> None:
    assert web.client.get("/api/v1/session").json() == {"csrf_token": web.token}


def test_openapi_describes_the_api_and_its_errors(web: Web) -> None:
    schema = web.client.get("/openapi.json").json()
    paths = schema["paths"]
    one = "/api/v1/applications/{application_id}"
    for path in ("/api/v1/applications", one, f"{one}/move", f"{one}/close", "/api/v1/stats",
                 "/api/v1/analyze/answer", "/api/v1/analyze/feedback", "/api/v1/analyze/match"):  # fmt: skip
        assert path in paths, path
    assert not any(p.startswith(("/applications", "/practice", "/settings")) for p in paths)
    get_one = paths["/api/v1/applications/{application_id}"]["get"]["responses"]
    assert get_one["404"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")
    assert get_one["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")
    assert "patch" in paths["/api/v1/applications/{application_id}"]
    assert schema["components"]["schemas"]["ErrorOut"]["required"] == ["error"]


def test_openapi_describes_json_not_command_lines(web: Web) -> None:
    """The API's description is read like a page: it says what the JSON holds, never which command prints it."""

    def texts(node: object) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("summary", "description") and isinstance(value, str):
                    yield value
                yield from texts(value)
        elif isinstance(node, list):
            for item in node:
                yield from texts(item)

    schema = web.client.get("/openapi.json").json()
    found = [text for text in texts(schema) if command_line_in(text)]
    assert found == []
    answer = schema["paths"]["/api/v1/analyze/answer"]["post"]
    assert answer["summary"] == "Analyse an interview answer" and "STAR" in answer["description"]
