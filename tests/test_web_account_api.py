"""The JSON API of a shared server for access tokens, sharing with coaches and the caseload (on PostgreSQL)."""

from __future__ import annotations

from typing import Any

from nextround.domain.stages import Outcome
from nextround.services.applications import ApplicationFields, ApplicationService
from nextround.services.feedback import record_feedback

from .multiuser_support import Server


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_tokens_are_listed_made_once_and_revoked(server: Server) -> None:
    ada, bob = server.person("ada@example.org"), server.person("bob@example.org")
    made = ada.api("POST", "/api/v1/tokens", json={"name": "my script"})
    assert made.status_code == 201
    token = made.json()["token"]
    assert token.startswith("nrt_") and made.json()["name"] == "my script"
    scripted = server.client()  # no cookies: only the token
    listed = scripted.get("/api/v1/tokens", headers=_bearer(token))
    assert listed.status_code == 200
    assert [(t["name"], t["revoked"]) for t in listed.json()["tokens"]] == [("my script", False)]
    assert token not in listed.text  # shown once, when made
    assert ada.client.post("/api/v1/tokens", json={"name": "x"}).status_code == 403  # a cookie needs the CSRF token
    assert ada.api("POST", "/api/v1/tokens", json={"name": "  "}).json()["field"] == "name"

    token_id = made.json()["id"]
    assert bob.api("DELETE", f"/api/v1/tokens/{token_id}").status_code == 404
    assert scripted.get("/api/v1/tokens", headers=_bearer(token)).status_code == 200  # Bob changed nothing
    revoked = scripted.delete(f"/api/v1/tokens/{token_id}", headers=_bearer(token))
    assert revoked.status_code == 200 and revoked.json()["revoked"] is True
    assert scripted.get("/api/v1/tokens", headers=_bearer(token)).status_code == 401


def test_sharing_through_the_api_and_the_caseload_of_the_coach(server: Server) -> None:
    ada, coach, bob = server.person("ada@example.org"), server.person("c@uni.example"), server.person("bob@example.org")
    ws = server.workspace(ada)
    app = ApplicationService(ws).add(ApplicationFields(company="Crumb", role="Baker"))
    ApplicationService(ws).close(app.id, Outcome.REJECTED)
    record_feedback(ws, app.id, "Your answers lacked concrete examples and the panel wanted more structure.")

    assert ada.api("POST", "/api/v1/coaches", json={"email": coach.email, "shares": []}).json()["field"] == "shares"
    invited = ada.api("POST", "/api/v1/coaches", json={"email": coach.email, "shares": ["applications"]})
    assert invited.status_code == 201, invited.text
    body = invited.json()
    assert body["coach"]["coach_email"] == coach.email and body["coach"]["accepted"] is False
    path = body["invitation_url"].removeprefix("http://127.0.0.1:8765")
    assert coach.post_form(path).status_code == 303
    link_id = body["coach"]["id"]
    assert ada.api("GET", "/api/v1/coaches").json()["coaches"][0]["accepted"] is True

    caseload = coach.api("GET", "/api/v1/caseload").json()["caseload"]
    assert [(e["link_id"], e["seeker_email"], e["rejections_this_week"]) for e in caseload] == [(link_id, ada.email, 1)]
    view: dict[str, Any] = coach.api("GET", f"/api/v1/caseload/{link_id}").json()
    assert [a["company"] for a in view["applications"]] == ["Crumb"]
    assert view["feedback"] is None and view["themes"] is None and view["journal"] is None

    assert bob.api("PATCH", f"/api/v1/coaches/{link_id}", json={"shares": ["journal"]}).status_code == 404
    changed = ada.api("PATCH", f"/api/v1/coaches/{link_id}", json={"shares": ["applications", "feedback"]})
    assert changed.status_code == 200 and changed.json()["shares"] == ["applications", "feedback"]
    view = coach.api("GET", f"/api/v1/caseload/{link_id}").json()
    assert view["themes"] and {"theme", "label", "count", "trend"} <= set(view["themes"][0])
    assert "concrete examples" in view["feedback"][0]["text"]

    comment = {"text": "Ask what tipped it.", "application_id": app.id}
    assert coach.api("POST", f"/api/v1/caseload/{link_id}/comments", json=comment).status_code == 201
    assert bob.api("POST", f"/api/v1/caseload/{link_id}/comments", json=comment).status_code == 404
    mine = ada.api("GET", "/api/v1/coach-comments").json()["comments"]
    assert [(c["text"], c["application_id"], c["coach_email"]) for c in mine] == [
        ("Ask what tipped it.", app.id, coach.email)
    ]
    reads = {r["what"] for r in ada.api("GET", "/api/v1/coaches/reads").json()["reads"]}
    assert {"caseload summary", "shared view: applications", "shared view: applications, feedback"} <= reads

    assert bob.api("DELETE", f"/api/v1/coaches/{link_id}").status_code == 404
    assert coach.api("GET", f"/api/v1/caseload/{link_id}").status_code == 200
    assert ada.api("DELETE", f"/api/v1/coaches/{link_id}").json()["withdrawn"] is True
    assert coach.api("GET", f"/api/v1/caseload/{link_id}").status_code == 404
    assert coach.api("GET", "/api/v1/caseload").json()["caseload"] == []


def test_the_api_is_only_on_a_shared_server(web: Any) -> None:
    assert web.client.get("/api/v1/tokens").status_code == 404
    assert web.client.get("/api/v1/caseload").status_code == 404
