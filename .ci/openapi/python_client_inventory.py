"""The integrator's scenario with a Python client generated from docs/api/inventory-service.yaml,
against a running inventory-service (./vigie up) with real Keycloak tokens: list, get (getServer
returns the server), create with Idempotency-Key (the retry is replayed), update with If-Match,
a stale If-Match and a bad request read as Problems.

Usage: python_client_inventory.py INVENTORY_URL ENGINEER_TOKEN CLIENT_TOKEN [OTHER_CLIENT_TOKEN]
"""

import sys
import uuid
import warnings

import vigie_inventory as vi
from scenario_support import expect_error, header
import scenario_support as support


def problem(error):
    return support.problem(vi, error)


def main(url, engineer_token, client_token, _other_client_token=None):
    engineer = vi.ApiClient(vi.Configuration(host=url, access_token=engineer_token))
    servers = vi.ServersApi(engineer)

    listed = servers.list_servers(datacenter="PAR-DC2", role=vi.ServerRole.WEB)
    assert listed.items, "the demo data has web servers in PAR-DC2"
    first = listed.items[0]

    server = servers.get_server(first.id)
    assert isinstance(server, vi.ServerSnapshot), type(server)
    assert server.id == first.id and server.hostname == first.hostname, server
    print(f"python client: getServer({server.id}) -> {server.hostname} ({server.status.value})")

    hostname = f"py-{uuid.uuid4().hex[:8]}.par-dc2.vigie-demo.net"
    request = vi.ServerRequest(
        hostname=hostname,
        datacenter_id=server.datacenter_id,
        roles=[vi.ServerRole.WEB],
        hardware=vi.HardwareSpec(
            cpu=vi.Cpu(model="AMD EPYC 4344P", sockets=1, cores=8, threads=16, ghz=3.8),
            memory=vi.Memory(size_gb=64, type="DDR5", ecc=True),
        ),
        vendor="Dell",
    )
    key = str(uuid.uuid4())
    created = servers.register_server_with_http_info(request, idempotency_key=key)
    assert created.status_code == 201, created.status_code
    assert header(created, "Location").endswith(f"/api/v1/servers/{created.data.id}")
    retried = servers.register_server_with_http_info(request, idempotency_key=key)
    assert retried.status_code == 201 and retried.data.id == created.data.id
    assert header(retried, "Idempotent-Replayed") == "true"
    print(f"python client: registerServer with Idempotency-Key -> {created.data.id}, retry replayed")

    read = servers.get_server_with_http_info(created.data.id)
    etag = header(read, "ETag")
    request.vendor = "Supermicro"
    updated = servers.update_server_with_http_info(created.data.id, request, if_match=etag)
    assert updated.data.vendor == "Supermicro" and header(updated, "ETag") != etag

    stale = problem(
        expect_error(lambda: servers.update_server(created.data.id, request, if_match=etag))
    )
    assert stale.status == 412 and stale.type.endswith("/stale-version"), stale
    print(f"python client: updateServer with If-Match {etag} -> 200, again -> 412 {stale.title}")

    # the contract carries the host name pattern: the generated client refuses it already ...
    try:
        vi.ServerRequest.from_dict(request.to_dict() | {"hostname": "Not A Host"})
        raise AssertionError("the generated model accepted an invalid host name")
    except ValueError:
        pass
    # ... and the service answers a Problem naming the field when a client sends it anyway
    warnings.filterwarnings("ignore", message="Pydantic serializer warnings")
    bad = vi.ServerRequest.model_construct(**(dict(request) | {"hostname": "Not A Host"}))
    invalid = problem(expect_error(lambda: servers.register_server(bad)))
    assert invalid.status == 400, invalid
    # the generated model names the property var_field (field would shadow pydantic's Field)
    assert [e.to_dict()["field"] for e in invalid.errors] == ["hostname"], invalid.errors

    tenant = vi.ServersApi(vi.ApiClient(vi.Configuration(host=url, access_token=client_token)))
    hidden = problem(expect_error(lambda: tenant.get_server(created.data.id)))
    assert hidden.status == 404, hidden
    print("python client: errors read as Problems (400 naming hostname, 404 behind the tenant wall)")


if __name__ == "__main__":
    main(*sys.argv[1:5])
    print("python client: scenario PASSED")
