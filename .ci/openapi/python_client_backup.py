"""The integrator's scenario with a Python client generated from docs/api/backup-service.yaml,
against a running backup-service (./vigie up) with real Keycloak tokens: the client lists its
repositories and policies, the engineer registers a repository for it with Idempotency-Key (the
retry is replayed, the password reference never comes back), replaces it under If-Match, a stale
If-Match and a bad request come back as Problems, and another client meets the tenant wall (404).

Usage: python_client_backup.py BACKUP_URL ENGINEER_TOKEN CLIENT_TOKEN OTHER_CLIENT_TOKEN
"""

import sys
import uuid
import warnings

import vigie_backup as vb
from scenario_support import expect_error, fields, header
import scenario_support as support


def problem(error):
    return support.problem(vb, error)


def client_of(url, token):
    return vb.ApiClient(vb.Configuration(host=url, access_token=token))


def main(url, engineer_token, client_token, other_client_token):
    engineer = vb.RepositoriesApi(client_of(url, engineer_token))
    client = client_of(url, client_token)
    mine = vb.RepositoriesApi(client).list_repositories(total=True)
    assert mine.items, "the demo client has backup repositories"
    tenant = mine.items[0].tenant
    assert all(r.tenant == tenant for r in mine.items), "a client sees only its own repositories"
    policies = vb.BackupPoliciesApi(client).list_policies()
    assert policies.items and all(p.tenant == tenant for p in policies.items), policies.items
    first = vb.BackupPoliciesApi(client).get_policy(policies.items[0].id)
    assert isinstance(first, vb.PolicyView) and first.id == policies.items[0].id, first
    print(f"python client: {tenant} lists {len(mine.items)} repositories, getPolicy -> {first.name}")

    request = vb.RepositoryRequest(
        name=f"py-{uuid.uuid4().hex[:8]}",
        kind=vb.RepositoryKind.RESTIC_REST,
        location="rest:https://backup.par-dc5.vigie-demo.net:8000/py",
        datacenter_id=mine.items[0].datacenter_id,
        tenant=tenant,
        password_ref="vault:backup/py",
    )
    key = str(uuid.uuid4())
    created = engineer.create_repository_with_http_info(request, idempotency_key=key)
    assert created.status_code == 201, created.status_code
    repository = created.data
    assert header(created, "Location").endswith(f"/api/v1/repositories/{repository.id}")
    assert repository.password_configured is True and "password_ref" not in repository.to_dict()
    retried = engineer.create_repository_with_http_info(request, idempotency_key=key)
    assert retried.data.id == repository.id and header(retried, "Idempotent-Replayed") == "true"
    print(f"python client: createRepository with Idempotency-Key -> {repository.id}, retry replayed")

    read = engineer.get_repository_with_http_info(repository.id)
    etag = header(read, "ETag")
    request.location = "rest:https://backup.par-dc5.vigie-demo.net:8000/py-moved"
    replaced = engineer.replace_repository_with_http_info(repository.id, request, if_match=etag)
    assert replaced.data.location == request.location and header(replaced, "ETag") != etag
    stale = problem(
        expect_error(lambda: engineer.replace_repository(repository.id, request, if_match=etag))
    )
    assert stale.status == 412 and stale.type.endswith("/stale-version"), stale
    print(f"python client: replaceRepository with If-Match {etag} -> 200, again -> 412")

    warnings.filterwarnings("ignore", message="Pydantic serializer warnings")
    bad = vb.RepositoryRequest.model_construct(**(dict(request) | {"name": "x" * 101}))
    invalid = problem(expect_error(lambda: engineer.create_repository(bad)))
    assert invalid.status == 400 and fields(invalid) == ["name"], invalid

    other = vb.RepositoriesApi(client_of(url, other_client_token))
    hidden = problem(expect_error(lambda: other.get_repository(repository.id)))
    assert hidden.status == 404, hidden
    print("python client: errors read as Problems (400 naming name, 404 behind the tenant wall)")


if __name__ == "__main__":
    main(*sys.argv[1:5])
    print("python client: backup scenario PASSED")
