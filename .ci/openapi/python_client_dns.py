"""The integrator's scenario with a Python client generated from docs/api/dns-service.yaml,
against a running dns-service (./vigie up) with real Keycloak tokens: the client lists its zones,
plans a new zone and creates it with Idempotency-Key (the retry is replayed), plans and changes a
record set under If-Match, a stale If-Match and a bad request come back as Problems, and another
client meets the tenant wall (404).

Usage: python_client_dns.py DNS_URL ENGINEER_TOKEN CLIENT_TOKEN OTHER_CLIENT_TOKEN
"""

import sys
import uuid

import vigie_dns as vd
from scenario_support import expect_error, fields, header
import scenario_support as support


def problem(error):
    return support.problem(vd, error)


def zones_of(url, token):
    return vd.ZonesApi(vd.ApiClient(vd.Configuration(host=url, access_token=token)))


def main(url, engineer_token, client_token, other_client_token):
    client = zones_of(url, client_token)
    mine = client.list_zones(total=True)
    assert mine.items, "the demo client has DNS zones"
    tenant = mine.items[0].tenant
    assert all(z.tenant == tenant for z in mine.items), "a client sees only its own zones"

    name = f"py-{uuid.uuid4().hex[:8]}.{tenant}-demo.fr"
    www = vd.RecordSetInput(name="www", type="A", ttl=300, records=["51.159.10.21"])
    request = vd.NewZone(name=name, providers=[], record_sets=[www], reason="python client")
    plan = client.plan_zone(request)
    assert isinstance(plan, vd.ZonePlan) and plan.changes, plan
    key = str(uuid.uuid4())
    created = client.create_zone_with_http_info(request, idempotency_key=key)
    assert created.status_code == 201, created.status_code
    zone = created.data
    assert isinstance(zone, vd.ZoneView) and zone.name.rstrip(".") == name, zone
    assert header(created, "Location").endswith(f"/api/v1/zones/{zone.id}")
    retried = client.create_zone_with_http_info(request, idempotency_key=key)
    assert retried.data.id == zone.id and header(retried, "Idempotent-Replayed") == "true"
    print(f"python client: planZone then createZone {name} with Idempotency-Key, retry replayed")

    read = client.get_zone_with_http_info(zone.id)
    etag = header(read, "ETag")
    moved = vd.RecordSetBody(ttl=300, records=["51.159.10.22"], reason="python client")
    planned = client.plan_zone_record_set(zone.id, "www", "A", moved)
    assert isinstance(planned, vd.ZonePlan) and planned.changes, planned
    changed = client.put_zone_record_set_with_http_info(zone.id, "www", "A", moved, if_match=etag)
    assert isinstance(changed.data, vd.ZoneView) and header(changed, "ETag") != etag
    assert changed.data.serial > zone.serial, (changed.data.serial, zone.serial)
    stale = problem(
        expect_error(
            lambda: client.put_zone_record_set(zone.id, "www", "A", moved, if_match=etag)
        )
    )
    assert stale.status == 412 and stale.type.endswith("/stale-version"), stale
    print(f"python client: putZoneRecordSet www A under If-Match {etag} -> serial {changed.data.serial}, again -> 412")

    bad = vd.RecordSetBody(ttl=300, records=["not an address"])
    invalid = problem(expect_error(lambda: client.put_zone_record_set(
        zone.id, "www", "A", bad, if_match=header(changed, "ETag"))))
    assert invalid.status == 400 and invalid.errors, invalid
    other = zones_of(url, other_client_token)
    hidden = problem(expect_error(lambda: other.get_zone(zone.id)))
    assert hidden.status == 404, hidden
    print(f"python client: errors read as Problems (400 naming {fields(invalid)}, 404 behind the tenant wall)")

    current = client.get_zone_with_http_info(zone.id)
    client.delete_zone(zone.id, if_match=header(current, "ETag"), reason="python client")


if __name__ == "__main__":
    main(*sys.argv[1:5])
    print("python client: dns scenario PASSED")
