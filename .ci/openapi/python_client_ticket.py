"""The integrator's scenario with a Python client generated from docs/api/ticket-service.yaml,
against a running ticket-service (./vigie up) with real Keycloak tokens: a client opens a request
with Idempotency-Key (the retry is replayed) and reads it back, the engineer finds it in the list
and acknowledges it under If-Match, a stale If-Match and a bad request come back as Problems, and
another client's token meets the tenant wall (404).

Usage: python_client_ticket.py TICKET_URL ENGINEER_TOKEN CLIENT_TOKEN OTHER_CLIENT_TOKEN
"""

import sys
import uuid
import warnings

import vigie_ticket as vt
from scenario_support import expect_error, fields, header
import scenario_support as support


def problem(error):
    return support.problem(vt, error)


def api(url, token):
    return vt.TicketsApi(vt.ApiClient(vt.Configuration(host=url, access_token=token)))


def main(url, engineer_token, client_token, other_client_token):
    engineer, client, other = (api(url, t) for t in (engineer_token, client_token, other_client_token))

    request = vt.OpenTicket(
        type=vt.TicketType.REQUEST,
        title=f"Staging environment for the shop ({uuid.uuid4().hex[:6]})",
        description="A copy of the production shop on a new VM, same PHP version.",
        impact=vt.Impact.LOW,
        urgency=vt.Urgency.MEDIUM,
    )
    key = str(uuid.uuid4())
    opened = client.open_ticket_with_http_info(request, idempotency_key=key)
    assert opened.status_code == 201, opened.status_code
    ticket = opened.data
    assert isinstance(ticket, vt.TicketView), type(ticket)
    assert header(opened, "Location").endswith(f"/api/v1/tickets/{ticket.id}")
    retried = client.open_ticket_with_http_info(request, idempotency_key=key)
    assert retried.status_code == 201 and retried.data.id == ticket.id
    assert header(retried, "Idempotent-Replayed") == "true"
    print(f"python client: openTicket with Idempotency-Key -> {ticket.reference}, retry replayed")

    read = client.get_ticket(ticket.id)
    assert read.id == ticket.id and read.title == request.title and read.tenant == ticket.tenant
    assert read.priority is not None, "the matrix gives every ticket a priority"

    listed = engineer.list_tickets(tenant=ticket.tenant, reference=ticket.reference)
    assert [t.id for t in listed.items] == [ticket.id], listed.items

    current = engineer.get_ticket_with_http_info(ticket.id)
    etag = header(current, "ETag")
    change = vt.TicketChange(status=vt.TicketStatus.ACKNOWLEDGED)
    changed = engineer.change_ticket_with_http_info(ticket.id, change, if_match=etag)
    assert changed.data.status == vt.TicketStatus.ACKNOWLEDGED, changed.data.status
    assert header(changed, "ETag") != etag
    stale = problem(
        expect_error(
            lambda: engineer.change_ticket(
                ticket.id, vt.TicketChange(status=vt.TicketStatus.IN_PROGRESS), if_match=etag
            )
        )
    )
    assert stale.status == 412 and stale.type.endswith("/stale-version"), stale
    print(f"python client: changeTicket with If-Match {etag} -> ACKNOWLEDGED, again -> 412")

    warnings.filterwarnings("ignore", message="Pydantic serializer warnings")
    too_long = vt.OpenTicket.model_construct(**(dict(request) | {"title": "x" * 201}))
    invalid = problem(expect_error(lambda: client.open_ticket(too_long)))
    assert invalid.status == 400 and fields(invalid) == ["title"], invalid

    hidden = problem(expect_error(lambda: other.get_ticket(ticket.id)))
    assert hidden.status == 404, hidden
    print("python client: errors read as Problems (400 naming title, 404 behind the tenant wall)")


if __name__ == "__main__":
    main(*sys.argv[1:5])
    print("python client: ticket scenario PASSED")
