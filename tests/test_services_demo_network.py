"""The network pillar's demo data: contacts linked to the demo applications, a watch that never goes online."""

from __future__ import annotations

from nextround.services import demo_network
from nextround.services.agenda import agenda
from nextround.services.demo import fill_demo
from nextround.services.network import NetworkService
from nextround.services.watch import list_watches, new_openings
from nextround.services.workspace import Workspace


def test_demo_network_fills_contacts_interactions_watch_and_openings(workspace: Workspace) -> None:
    fill_demo(workspace)  # the whole demo, which includes the network's part
    service = NetworkService(workspace)
    contacts = service.contacts()
    assert len(contacts) == len(demo_network.CONTACTS)
    assert any(c.contact.fields.cadence_days == 21 for c in contacts)
    linked = [service.contact_details(c.contact.id).applications for c in contacts]
    assert sum(1 for apps in linked if apps) == 4
    assert sum(len(service.contact_details(c.contact.id).interactions) for c in contacts) == len(
        demo_network.INTERACTIONS
    )
    (watch,) = list_watches(workspace)
    assert watch.board == "" and watch.reapply_after is not None and watch.seen == 2
    assert len(new_openings(workspace)) == 2
    kinds = {item.kind for item in agenda(workspace)}
    assert {"keep_in_touch", "reapply", "new_posting"} <= kinds


def test_demo_network_works_without_the_applications(workspace: Workspace) -> None:
    demo_network.fill(workspace)
    assert len(NetworkService(workspace).contacts()) == len(demo_network.CONTACTS)
