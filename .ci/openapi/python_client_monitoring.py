"""The integrator's scenario with a Python client generated from docs/api/monitoring-service.yaml,
against a running monitoring-service (./vigie up) with real Keycloak tokens: the engineer writes an
alert rule and replaces it under If-Match (a stale If-Match and a bad rule name come back as
Problems), declares a maintenance window over a client's server with Idempotency-Key (the retry is
replayed); that client reads the window, another client meets the tenant wall (404).

Usage: python_client_monitoring.py MONITORING_URL ENGINEER_TOKEN CLIENT_TOKEN OTHER_CLIENT_TOKEN
"""

import datetime
import sys
import uuid
import warnings

import vigie_monitoring as vm
from scenario_support import expect_error, fields, header
import scenario_support as support


def problem(error):
    return support.problem(vm, error)


def client_of(url, token):
    return vm.ApiClient(vm.Configuration(host=url, access_token=token))


def main(url, engineer_token, client_token, other_client_token, client_host):
    engineer = client_of(url, engineer_token)
    rules = vm.AlertRulesApi(engineer)

    rule = vm.RuleDefinition(
        name=f"py-load-{uuid.uuid4().hex[:8]}",
        kind=vm.Kind.METRIC,
        expr=vm.Expr(selector=vm.Selector(metric="node_load1")),
        comparison=vm.Comparison.GREATER_THAN,
        threshold=40.0,
        severity=vm.Severity.WARNING,
        enabled=False,
    )
    created = rules.create_alert_rule_with_http_info(rule)
    assert created.status_code == 201, created.status_code
    assert header(created, "Location").endswith(f"/api/v1/alert-rules/{created.data.id}")
    read = rules.get_alert_rule_with_http_info(created.data.id)
    assert read.data.rule.name == rule.name, read.data
    etag = header(read, "ETag")
    rule.threshold = 60.0
    replaced = rules.replace_alert_rule_with_http_info(created.data.id, rule, if_match=etag)
    assert replaced.data.rule.threshold == 60.0 and header(replaced, "ETag") != etag
    stale = problem(
        expect_error(lambda: rules.replace_alert_rule(created.data.id, rule, if_match=etag))
    )
    assert stale.status == 412 and stale.type.endswith("/stale-version"), stale
    warnings.filterwarnings("ignore", message="Pydantic serializer warnings")
    bad = vm.RuleDefinition.model_construct(**(dict(rule) | {"name": "Load On Web"}))
    invalid = problem(expect_error(lambda: rules.create_alert_rule(bad)))
    assert invalid.status == 400 and fields(invalid) == ["name"], invalid
    print(f"python client: alert rule {rule.name}: replaced under If-Match, again -> 412; bad name -> 400")

    targets = vm.TargetsApi(engineer).list_targets(size=500)
    server = next(t for t in targets.items if t.hostname == client_host)
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    window = vm.MaintenanceWindowRequest(
        server_ids=[server.id],
        starts_at=now + datetime.timedelta(days=30),
        ends_at=now + datetime.timedelta(days=30, hours=2),
        reason="Kernel update (python client scenario)",
    )
    key = str(uuid.uuid4())
    windows = vm.MaintenanceWindowsApi(engineer)
    declared = windows.declare_maintenance_window_with_http_info(window, idempotency_key=key)
    assert declared.status_code == 201, declared.status_code
    retried = windows.declare_maintenance_window_with_http_info(window, idempotency_key=key)
    assert retried.data.id == declared.data.id and header(retried, "Idempotent-Replayed") == "true"
    seen = vm.MaintenanceWindowsApi(client_of(url, client_token)).get_maintenance_window(
        declared.data.id
    )
    assert seen.id == declared.data.id and [str(i) for i in seen.server_ids] == [str(server.id)], seen
    other = vm.MaintenanceWindowsApi(client_of(url, other_client_token))
    hidden = problem(expect_error(lambda: other.get_maintenance_window(declared.data.id)))
    assert hidden.status == 404, hidden
    windows.cancel_maintenance_window(declared.data.id)
    print(f"python client: window on {client_host} declared (retry replayed), its client reads it, another -> 404")


if __name__ == "__main__":
    main(*sys.argv[1:6])
    print("python client: monitoring scenario PASSED")
