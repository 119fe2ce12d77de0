#!/usr/bin/env bash
# End-to-end check of ./vigie up with the real PostgreSQL, Kafka, Keycloak and services:
#   - the stack comes up within VIGIE_SMOKE_TIMEOUT seconds (default 420) once built;
#   - the "Try it" command the launcher prints works (engineer token, GET /api/v1/servers: 200);
#   - tokens carry the realm roles, and a client's token its tenant claim;
#   - ./vigie down leaves no process and no listening port behind.
# Too heavy for every ./mvnw verify (Keycloak alone is ~450 MB): .ci/run runs it after the tests.
# Exits non-zero on the first failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TIMEOUT="${VIGIE_SMOKE_TIMEOUT:-420}"
BUILD_TIMEOUT=900
TOKEN_URL=http://127.0.0.1:18080/realms/vigie/protocol/openid-connect/token
PORTS="15432 19092 19093 18080 18900 13025 13143 8080 8081 8082 8083 8084 8085 8092"
mkdir -p .vigie
LOG="$ROOT/.vigie/smoke-test.log"
UP_PID=

fail() {
  echo "SMOKE TEST FAILED: $*" >&2
  echo "--- last lines of $LOG:" >&2
  tail -n 40 "$LOG" >&2 || true
  exit 1
}

cleanup() {
  # on any failure path: leave nothing running
  if [ -n "$UP_PID" ] && kill -0 "$UP_PID" 2>/dev/null; then
    ./vigie down >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_for TEXT SECONDS: until the launcher's output contains TEXT; fails if it dies first
wait_for() {
  local deadline=$((SECONDS + $2))
  until grep -q "$1" "$LOG"; do
    kill -0 "$UP_PID" 2>/dev/null || fail "./vigie up exited before printing '$1'"
    [ "$SECONDS" -lt "$deadline" ] || fail "no '$1' after $2 s"
    sleep 1
  done
}

# the payload of a JWT, base64url-decoded
jwt_payload() {
  local payload
  payload="$(printf '%s' "$1" | cut -d. -f2 | tr '_-' '/+')"
  while [ $((${#payload} % 4)) -ne 0 ]; do payload="$payload="; done
  printf '%s' "$payload" | base64 -d
}

password_token() {
  curl -s -d grant_type=password -d client_id=vigie-cli -d username="$1" -d password=vigie "$TOKEN_URL" \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

for port in $PORTS; do
  if listening "$port"; then fail "port $port is already in use: is a stack running? (./vigie down)"; fi
done

echo "smoke test: ./vigie up (output in ${LOG#"$ROOT"/})"
./vigie up >"$LOG" 2>&1 &
UP_PID=$!
wait_for "starting PostgreSQL" "$BUILD_TIMEOUT" # after a build, if one was needed
START=$SECONDS
wait_for "Vigie is up" "$TIMEOUT"
echo "smoke test: up in $((SECONDS - START)) s ($(grep -o 'ready in [0-9.]* s' "$LOG"))"

# The command printed under "Try it:", run as printed, then again for its status code.
TRY_IT="$(grep -A1 'Try it:' "$LOG" | tail -n 1 | sed 's/^ *//')"
case "$TRY_IT" in TOKEN=*/api/v1/servers) ;; *) fail "unexpected Try it command: $TRY_IT" ;; esac
BODY="$(eval "$TRY_IT")" || fail "the printed command failed"
STATUS="$(eval "$TRY_IT -o /dev/null -w '%{http_code}'")"
[ "$STATUS" = 200 ] || fail "GET /api/v1/servers as engineer answered $STATUS: $BODY"
for demo in lb1.par-dc2 web1.par-dc2 hv1.par-dc2 pve1.fsn1; do
  case "$BODY" in *"\"hostname\":\"$demo.vigie-demo.net\""*) ;;
    *) fail "the printed command does not list the demo server $demo: $BODY" ;; esac
done
echo "smoke test: printed command OK (HTTP 200, lists the demo servers)"

# the client lumiere sees the hypervisors its VMs run on, and nothing of saint-roch's
LUMIERE_SERVERS="$(curl -s -H "Authorization: Bearer $(password_token lumiere)" 'http://127.0.0.1:8081/api/v1/servers?total=true')"
case "$LUMIERE_SERVERS" in *'"total":2'*) ;; *) fail "lumiere should see its 2 hypervisors: $LUMIERE_SERVERS" ;; esac
case "$LUMIERE_SERVERS" in *pve1*) fail "lumiere sees saint-roch's Proxmox host" ;; esac
# lumiere-admin (vigie-client-admin, a composite of vigie-client): Keycloak's token carries both
# roles, so the administrator sees exactly what lumiere's other users see
ADMIN_TOKEN="$(password_token lumiere-admin)"
ADMIN_SERVERS="$(curl -s -H "Authorization: Bearer $ADMIN_TOKEN" 'http://127.0.0.1:8081/api/v1/servers?total=true')"
[ "$ADMIN_SERVERS" = "$LUMIERE_SERVERS" ] || fail "lumiere-admin does not see what lumiere sees: $ADMIN_SERVERS"
ROLES="$(python3 -c 'import base64, json, sys
p = sys.argv[1].split(".")[1]
print(" ".join(sorted(json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))["realm_access"]["roles"])))' "$ADMIN_TOKEN")"
case " $ROLES " in *" vigie-client "*) ;; *) fail "lumiere-admin's token lacks vigie-client: $ROLES" ;; esac
case " $ROLES " in *" vigie-client-admin "*) ;; *) fail "lumiere-admin's token lacks vigie-client-admin: $ROLES" ;; esac
echo "smoke test: lumiere-admin is lumiere's administrator (both roles, the same wall)"

# monitoring-service built its targets from inventory.events: the 8 demo servers in production
# (7, and lumière's DRP server drp1 in DC5)
ENGINEER_TOKEN="$(password_token engineer)"
for _ in $(seq 1 60); do
  TARGETS="$(curl -s -H "Authorization: Bearer $ENGINEER_TOKEN" 'http://127.0.0.1:8082/api/v1/targets?monitored=true&total=true')"
  case "$TARGETS" in *'"total":8'*) break ;; esac
  sleep 1
done
case "$TARGETS" in *'"total":8'*) ;; *) fail "monitoring-service does not watch the 8 active demo servers: $TARGETS" ;; esac
echo "smoke test: monitoring-service watches the demo servers (from inventory.events)"

# the default rule pack is installed, and lumiere reads its maintenance window, saint-roch does not
RULES="$(curl -s -H "Authorization: Bearer $ENGINEER_TOKEN" 'http://127.0.0.1:8082/api/v1/alert-rules?kind=METRIC&size=100')"
case "$RULES" in *'"name":"filesystem-space-low"'*) ;; *) fail "the default rule pack is missing: $RULES" ;; esac
WINDOWS="$(curl -s -H "Authorization: Bearer $(password_token lumiere)" 'http://127.0.0.1:8082/api/v1/maintenance-windows?total=true')"
case "$WINDOWS" in *'"total":1'*) ;; *) fail "lumiere should see its weekly maintenance window: $WINDOWS" ;; esac
WINDOWS="$(curl -s -H "Authorization: Bearer $(password_token saint-roch)" 'http://127.0.0.1:8082/api/v1/maintenance-windows?total=true')"
# (the generated Python client's scenario declares windows over saint-roch's web1 on every run)
case "$WINDOWS" in *'agreed with Lumi'*) fail "saint-roch sees lumiere's maintenance window: $WINDOWS" ;; esac
echo "smoke test: monitoring demo data OK (default rule pack, maintenance window behind the tenant wall)"

# ticket-, backup- and dns-service answer behind the same tenant wall: a client lists only its own
for url in http://127.0.0.1:8083/api/v1/tickets http://127.0.0.1:8084/api/v1/policies http://127.0.0.1:8085/api/v1/zones; do
  BODY="$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $ENGINEER_TOKEN" "$url?total=true")"
  case "$BODY" in *'"total":'*$'\n'200) ;; *) fail "$url does not list for an engineer: $BODY" ;; esac
  BODY="$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $(password_token saint-roch)" "$url?total=true")"
  case "$BODY" in *'"total":'*$'\n'200) ;; *) fail "$url does not list for a client: $BODY" ;; esac
  case "$BODY" in *lumiere*) fail "saint-roch sees lumiere's data at $url: $BODY" ;; esac
  CODE="$(curl -s -o /dev/null -w '%{http_code}' "$url")"
  [ "$CODE" = 401 ] || fail "$url without a token answered $CODE"
done
echo "smoke test: ticket-, backup- and dns-service answer behind the tenant wall"

ENGINEER="$(jwt_payload "$ENGINEER_TOKEN")"
case "$ENGINEER" in *'"realm_access":{"roles":['*'"vigie-engineer"'*) ;; *) fail "engineer token without role vigie-engineer: $ENGINEER" ;; esac
LUMIERE="$(jwt_payload "$(password_token lumiere)")"
case "$LUMIERE" in *'"tenant":"lumiere"'*) ;; *) fail "lumiere token without tenant claim: $LUMIERE" ;; esac
case "$LUMIERE" in *'"vigie-client"'*) ;; *) fail "lumiere token without role vigie-client: $LUMIERE" ;; esac
AGENT="$(curl -s -d grant_type=client_credentials -d client_id=vigie-agent -d client_secret=vigie-agent-dev-secret "$TOKEN_URL" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
case "$(jwt_payload "$AGENT")" in *'"vigie-agent"'*) ;; *) fail "vigie-agent service account token without role vigie-agent" ;; esac
echo "smoke test: tokens OK (roles, tenant claim, agent client credentials)"

# backup demo data: saint-roch's three policies behind its wall, web1's agent jobs, last month's
# restore test as the last successful one in this month's report (compact: PostgreSQL writes the
# jsonb parts of a document as "key" : value)
compact() { sed -e 's/" : /":/g' -e 's/, "/,"/g'; }
BODY="$(curl -s -H "Authorization: Bearer $(password_token saint-roch)" 'http://127.0.0.1:8084/api/v1/policies?total=true' | compact)"
case "$BODY" in *'"total":3'*) ;; *) fail "saint-roch does not see its 3 backup policies: $BODY" ;; esac
case "$BODY" in *'"pingPath":"/ping/'*) ;; *) fail "saint-roch's policies show no ping path: $BODY" ;; esac
BODY="$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $AGENT" 'http://127.0.0.1:8084/api/v1/agent/jobs?host=web1.par-dc2.vigie-demo.net' | compact)"
case "$BODY" in *'"host":"web1.par-dc2.vigie-demo.net"'*$'\n'200) ;; *) fail "the agent's jobs for web1: $BODY" ;; esac
BODY="$(curl -s -H "Authorization: Bearer $(password_token saint-roch)" "http://127.0.0.1:8084/api/v1/reports/backups/saint-roch/$(TZ=Europe/Paris date +%Y-%m)" | compact)"
case "$BODY" in *'"lastSucceededSnapshot":"5f3c9a1e"'*) ;; *) fail "saint-roch's backup report of this month shows no restore test: $BODY" ;; esac
echo "smoke test: backup demo data OK (policies, agent jobs, monthly report with last month's restore test)"

# the API contract as an integrator meets it: a Python client generated from docs/api
bash .ci/openapi/python-client.sh || fail "a Python client generated from docs/api failed its scenario"
echo "smoke test: generated Python clients OK (inventory, monitoring, ticket, backup, dns)"

# a person signs in from each service's OpenAPI UI (authorization code flow with PKCE)
bash .ci/openapi/swagger-ui-login.sh || fail "signing in from the OpenAPI UI failed"
echo "smoke test: OpenAPI UI sign-in OK"

# dns-service demo data: lumiere's zone with www and api in the failover group "web", saint-roch's
# zone behind the tenant wall
ZONES="$(curl -s -H "Authorization: Bearer $(password_token lumiere)" 'http://127.0.0.1:8085/api/v1/zones?total=true')"
case "$ZONES" in *'"name":"lumiere-demo.com."'*'"total":1'*) ;; *) fail "lumiere should see its one zone lumiere-demo.com.: $ZONES" ;; esac
ZONE_ID="$(printf '%s' "$ZONES" | sed -n 's/.*"id":"\([0-9a-f-]\{36\}\)".*/\1/p')"
ZONE="$(curl -s -H "Authorization: Bearer $(password_token lumiere)" "http://127.0.0.1:8085/api/v1/zones/$ZONE_ID")"
case "$ZONE" in *'"name":"www.lumiere-demo.com.","type":"A"'*'"failoverGroup":"web"'*) ;; *) fail "lumiere-demo.com. without www in failover group web: $ZONE" ;; esac
ZONES="$(curl -s -H "Authorization: Bearer $(password_token saint-roch)" 'http://127.0.0.1:8085/api/v1/zones')"
case "$ZONES" in *'"name":"saint-roch-demo.fr."'*) ;; *) fail "saint-roch should see saint-roch-demo.fr.: $ZONES" ;; esac
case "$ZONES" in *lumiere*) fail "saint-roch sees lumiere's zone: $ZONES" ;; esac
echo "smoke test: dns demo data OK (clients' zones, failover group, tenant wall)"

# ticket demo data: lumiere lists only its own tickets (its recette request with the 48 h request
# clock), saint-roch reads the public comment of its incident and never the internal note
TICKETS="$(curl -s -H "Authorization: Bearer $(password_token lumiere)" 'http://127.0.0.1:8083/api/v1/tickets?total=true')"
# (documents rendered by PostgreSQL may hold a space around ':')
grep -Eq '"title" ?: ?"New recette environment"' <<<"$TICKETS" || fail "lumiere does not list its recette request: $TICKETS"
grep -Eq '"handleWithin" ?: ?"PT48H"' <<<"$TICKETS" || fail "lumiere's request has no 48 h request clock: $TICKETS"
case "$TICKETS" in *saint-roch*) fail "lumiere lists saint-roch's tickets: $TICKETS" ;; esac
SAINT_ROCH_TOKEN="$(password_token saint-roch)"
INCIDENT="$(curl -s -H "Authorization: Bearer $SAINT_ROCH_TOKEN" 'http://127.0.0.1:8083/api/v1/tickets?type=INCIDENT&assignee=engineer' \
  | grep -oE '"id" ?: ?"[0-9a-f-]{36}"' | head -n 1 | grep -oE '[0-9a-f-]{36}' || true)"
[ -n "$INCIDENT" ] || fail "saint-roch has no demo incident"
TIMELINE="$(curl -s -H "Authorization: Bearer $SAINT_ROCH_TOKEN" "http://127.0.0.1:8083/api/v1/tickets/$INCIDENT/timeline")"
case "$TIMELINE" in *'web2 is out of the load balancer'*) ;; *) fail "saint-roch does not read the public comment: $TIMELINE" ;; esac
case "$TIMELINE" in *max_children*|*INTERNAL*) fail "saint-roch reads an internal note: $TIMELINE" ;; esac
CODE="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $SAINT_ROCH_TOKEN" http://127.0.0.1:8083/api/v1/priority-policy)"
[ "$CODE" = 403 ] || fail "a client reading the priority policy got $CODE"
CODE="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(password_token engineer)" http://127.0.0.1:8083/api/v1/priority-policy)"
[ "$CODE" = 200 ] || fail "an engineer reading the priority policy got $CODE"
echo "smoke test: ticket demo data OK (requests with their clock, tenant wall, internal notes stay internal)"

# ticket demo data: lumiere reads its past incident, resolved, with its published post-incident
# report, and the intervention proposed on its database VM; saint-roch sees neither
LUMIERE_TOKEN="$(password_token lumiere)"
PAST="$(curl -s -H "Authorization: Bearer $LUMIERE_TOKEN" 'http://127.0.0.1:8083/api/v1/tickets?type=INCIDENT&status=RESOLVED' \
  | grep -oE '"id" ?: ?"[0-9a-f-]{36}"' | head -n 1 | grep -oE '[0-9a-f-]{36}' || true)"
[ -n "$PAST" ] || fail "lumiere has no resolved demo incident"
REPORT="$(curl -s -H "Authorization: Bearer $LUMIERE_TOKEN" "http://127.0.0.1:8083/api/v1/tickets/$PAST/report")"
grep -Eq '"status" ?: ?"PUBLISHED"' <<<"$REPORT" || fail "lumiere does not read its incident's published report: $REPORT"
case "$REPORT" in *'ran out of disk space'*) ;; *) fail "lumiere's report has no cause: $REPORT" ;; esac
REPORTS="$(curl -s -H "Authorization: Bearer $LUMIERE_TOKEN" 'http://127.0.0.1:8083/api/v1/incident-reports')"
case "$REPORTS" in *"$PAST"*) ;; *) fail "lumiere's published reports do not list its incident: $REPORTS" ;; esac
INTERVENTIONS="$(curl -s -H "Authorization: Bearer $LUMIERE_TOKEN" 'http://127.0.0.1:8083/api/v1/interventions')"
case "$INTERVENTIONS" in *'MySQL 8.4 upgrade of the order database replica'*) ;; *) fail "lumiere does not see the intervention proposed on lumiere-db-2: $INTERVENTIONS" ;; esac
grep -Eq '"status" ?: ?"(PROPOSED|SCHEDULED)"' <<<"$INTERVENTIONS" || fail "lumiere's intervention is neither proposed nor scheduled: $INTERVENTIONS"
INTERVENTIONS="$(curl -s -H "Authorization: Bearer $SAINT_ROCH_TOKEN" 'http://127.0.0.1:8083/api/v1/interventions')"
case "$INTERVENTIONS" in *'MySQL 8.4 upgrade'*) fail "saint-roch sees lumiere's intervention: $INTERVENTIONS" ;; esac
CODE="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $SAINT_ROCH_TOKEN" "http://127.0.0.1:8083/api/v1/tickets/$PAST/report")"
[ "$CODE" = 404 ] || fail "saint-roch reading lumiere's report got $CODE"
echo "smoke test: ticket demo data OK (a past incident with its published report, a proposed intervention, tenant wall)"
ONCALL="$(curl -s -H "Authorization: Bearer $(password_token engineer)" 'http://127.0.0.1:8083/api/v1/on-call/schedules')"
SCHEDULE="$(grep -oE '"id" ?: ?"[0-9a-f-]{36}"' <<<"$ONCALL" | head -n 1 | grep -oE '[0-9a-f-]{36}' || true)"
[ -n "$SCHEDULE" ] || fail "no demo on-call schedule: $ONCALL"
NOW="$(curl -s -H "Authorization: Bearer $(password_token engineer)" "http://127.0.0.1:8083/api/v1/on-call/schedules/$SCHEDULE/on-call")"
grep -Eq '"subject" ?: ?"(engineer|expert)"' <<<"$NOW" || fail "nobody on call in the demo schedule: $NOW"
CODE="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $SAINT_ROCH_TOKEN" http://127.0.0.1:8083/api/v1/on-call/schedules)"
[ "$CODE" = 403 ] || fail "a client reading on-call schedules got $CODE"
echo "smoke test: on-call demo data OK (schedule, who is on call, staff only)"

# knowledge base (ticket-service knowledge/): staff find the runbooks, saint-roch finds its platform
# documentation, never a runbook or the internal solution; lumiere never sees saint-roch's docs
FOUND="$(curl -s -G -H "Authorization: Bearer $(password_token engineer)" --data-urlencode 'q=filesystem space' 'http://127.0.0.1:8083/api/v1/articles/search')"
grep -Eq '"title" ?: ?"Filesystem space low"' <<<"$FOUND" || fail "an engineer does not find the filesystem runbook: $FOUND"
FOUND="$(curl -s -G -H "Authorization: Bearer $SAINT_ROCH_TOKEN" --data-urlencode 'q=plateforme clinique' --data-urlencode 'total=true' 'http://127.0.0.1:8083/api/v1/articles/search')"
grep -Eq '"title" ?: ?"Plateforme web de la clinique Saint-Roch"' <<<"$FOUND" || fail "saint-roch does not find its platform documentation: $FOUND"
LISTED="$(curl -s -H "Authorization: Bearer $SAINT_ROCH_TOKEN" 'http://127.0.0.1:8083/api/v1/articles?size=500')"
case "$LISTED" in *RUNBOOK*|*max_children*|*INTERNAL*) fail "saint-roch lists an internal article: $LISTED" ;; esac
LISTED="$(curl -s -H "Authorization: Bearer $(password_token lumiere)" 'http://127.0.0.1:8083/api/v1/articles?size=500')"
case "$LISTED" in *Saint-Roch*|*saint-roch*) fail "lumiere lists saint-roch's documentation: $LISTED" ;; esac
echo "smoke test: knowledge demo data OK (runbooks found by staff, a client reads only its own and public articles)"

# the mail catcher (devstack MailCatcher, GreenMail): the demo's paged incident (OnCallDemo, opened
# anew on every start) is paged by email; the page is accepted by its SMTP server and readable over
# IMAP as the recipient, with its acknowledge and resolve links; no notification ends FAILED
PAGED_TITLE='Checkout answers 504 on the shop (on-call demo)'
PAGED_ID="$(curl -s -H "Authorization: Bearer $(password_token engineer)" 'http://127.0.0.1:8083/api/v1/tickets?tenant=lumiere&open=true&type=INCIDENT&size=200' \
  | PAGED_TITLE="$PAGED_TITLE" python3 -c 'import json, os, sys
items = [t for t in json.load(sys.stdin).get("items", []) if t.get("title") == os.environ["PAGED_TITLE"]]
print(items[0]["id"] if items else "")')"
[ -n "$PAGED_ID" ] || fail "the on-call demo's paged incident ($PAGED_TITLE) is not open"
PAGES=""
for _ in $(seq 1 45); do
  PAGES="$(curl -s -H "Authorization: Bearer $(password_token engineer)" "http://127.0.0.1:8083/api/v1/on-call/pages?ticket=$PAGED_ID")"
  grep -Eq '"kind" ?: ?"EMAIL"' <<<"$PAGES" && grep -Eq '"status" ?: ?"SENT"' <<<"$PAGES" && break
  sleep 2
done
grep -q '"notifications"' <<<"$PAGES" || fail "no page was opened for the demo's paged incident: $PAGES"
grep -Eq '"kind" ?: ?"EMAIL"' <<<"$PAGES" || fail "the demo's page has no email step: $PAGES"
grep -Eq '"status" ?: ?"SENT"' <<<"$PAGES" || fail "no demo page email was sent to the mail catcher: $PAGES"
grep -Eq '"status" ?: ?"FAILED"' <<<"$PAGES" && fail "a demo page notification failed: $PAGES"
MAILS="$(PAGED_TITLE="$PAGED_TITLE" python3 - <<'PY'
import email, email.header, imaplib, os
found = 0
for who in ("engineer", "expert"):
    imap = imaplib.IMAP4("127.0.0.1", 13143)
    imap.login(who + "@hoster.example", "any")
    count = int(imap.select("INBOX", readonly=True)[1][0])
    for n in range(1, count + 1):
        message = email.message_from_bytes(imap.fetch(str(n), "(RFC822)")[1][0][1])
        text = "".join(
            part.get_payload(decode=True).decode("utf-8", "replace")
            for part in message.walk()
            if part.get_content_type() == "text/plain")
        if (os.environ["PAGED_TITLE"] in str(email.header.make_header(email.header.decode_header(message["Subject"])))
                and "/on-call/ack/" in text and "/on-call/resolve/" in text):
            found += 1
    imap.logout()
print(found)
PY
)"
[ "${MAILS:-0}" -ge 1 ] || fail "the mail catcher holds no page of the demo's paged incident (with its acknowledge and resolve links) for engineer or expert"
echo "smoke test: the demo's paged incident was mailed to the on-call through the mail catcher ($MAILS message(s) over IMAP)"

# runbooks named by alert rules (issue 16): the default pack's host-down rule names kb:host-down,
# and the demo runbooks carry the slugs the pack uses
RULES_ALL="$(curl -s -H "Authorization: Bearer $ENGINEER_TOKEN" 'http://127.0.0.1:8082/api/v1/alert-rules?kind=CHECK&size=500' | compact)"
grep -q '"runbook":"kb:host-down"' <<<"$RULES_ALL" || fail "the host-down rule names no runbook: $RULES_ALL"
RUNBOOKS="$(curl -s -H "Authorization: Bearer $(password_token engineer)" 'http://127.0.0.1:8083/api/v1/articles?kind=RUNBOOK&size=500' | compact)"
for slug in filesystem-full replication-lag host-down; do
  grep -q "\"slug\":\"$slug\"" <<<"$RUNBOOKS" || fail "no runbook with the slug $slug: $RUNBOOKS"
done
echo "smoke test: runbooks OK (the host-down rule names kb:host-down; the demo runbooks carry their slugs)"

# capacity planning and consumption (monitoring-service capacity/, consumption/): the demo
# hypervisors take a 4 vCPU / 8 GB / 100 GB VM under the overcommit policy; the report is staff
# only; lumière reads its own consumption report (its VMs' allocations), saint-roch gets 404 on it
PLACEMENT="$(curl -s -H "Authorization: Bearer $ENGINEER_TOKEN" 'http://127.0.0.1:8082/api/v1/capacity/placement?vcpus=4&ramGb=8&diskGb=100&datacenter=PAR-DC2')"
grep -q 'hv1.par-dc2.vigie-demo.net' <<<"${PLACEMENT%%refused*}" || fail "hv1 does not take a 4 vCPU VM: $PLACEMENT"
CAPACITY="$(curl -s -H "Authorization: Bearer $ENGINEER_TOKEN" 'http://127.0.0.1:8082/api/v1/capacity')"
grep -q '"datacenterCode" *: *"PAR-DC3"' <<<"$CAPACITY" || fail "the capacity report misses PAR-DC3: $CAPACITY"
CODE="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(password_token lumiere)" http://127.0.0.1:8082/api/v1/capacity)"
[ "$CODE" = 403 ] || fail "a client reading the capacity report got $CODE"
MONTH="$(date -u +%Y-%m)"
CONSUMPTION="$(curl -s -H "Authorization: Bearer $(password_token lumiere)" "http://127.0.0.1:8082/api/v1/consumption/clients/lumiere/$MONTH")"
grep -q 'lumiere-web-1' <<<"$CONSUMPTION" || fail "lumiere's consumption report misses its VMs: $CONSUMPTION"
# the demo's restic runs reach monitoring through backup.events, a moment after backup-service
for _ in $(seq 1 30); do
  grep -Eq '"backups" ?: ?\[ ?\{' <<<"$CONSUMPTION" && break
  sleep 1
  CONSUMPTION="$(curl -s -H "Authorization: Bearer $(password_token lumiere)" "http://127.0.0.1:8082/api/v1/consumption/clients/lumiere/$MONTH")"
done
grep -Eq '"backups" ?: ?\[ ?\{' <<<"$CONSUMPTION" || fail "lumiere's consumption report shows no backup growth: $CONSUMPTION"
CODE="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $SAINT_ROCH_TOKEN" "http://127.0.0.1:8082/api/v1/consumption/clients/lumiere/$MONTH/markdown")"
[ "$CODE" = 404 ] || fail "saint-roch reading lumiere's consumption report got $CODE"
echo "smoke test: capacity and consumption OK (placement on the demo hypervisors, staff-only report, a client reads only its own consumption)"

# console (port 8080): ready, and a page sends the browser to the realm's login page (vigie-console)
CODE="$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/q/health/ready)"
[ "$CODE" = 200 ] || fail "the console is not ready: $CODE"
LOCATION="$(curl -s -o /dev/null -w '%{redirect_url}' http://127.0.0.1:8080/wall)"
case "$LOCATION" in
  http://127.0.0.1:18080/realms/vigie/protocol/openid-connect/auth*client_id=vigie-console*) ;;
  *) fail "the console does not send an anonymous visitor to the Keycloak login page: $LOCATION" ;;
esac
echo "smoke test: console OK (ready, sign-in through Keycloak)"

# two monitoring replicas (issue 14): the second answers on 8092, and both take remote_write
# (the samples go through the monitoring.samples topic, whichever replica receives them)
CODE="$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8092/q/health/ready)"
[ "$CODE" = 200 ] || fail "the second monitoring replica is not ready: $CODE"
for port in 8082 8092; do
  CODE="$(printf '\x00' | curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $AGENT" \
    -H 'Content-Type: application/x-protobuf' -H 'Content-Encoding: snappy' \
    -H 'X-Prometheus-Remote-Write-Version: 0.1.0' --data-binary @- "http://127.0.0.1:$port/api/v1/write")"
  [ "$CODE" = 204 ] || fail "remote_write on monitoring port $port answered $CODE"
done
echo "smoke test: two monitoring replicas OK (both ready, both take remote_write)"

# backup demo data: lumière's DRP plan (use case 3), production and recovery in two distinct
# datacenters, its DNS switch on lumiere-demo.com's failover group; saint-roch does not see it
PLANS="$(curl -s -H "Authorization: Bearer $(password_token lumiere)" 'http://127.0.0.1:8084/api/v1/drp-plans?total=true' | compact)"
case "$PLANS" in *'"name":"PRA boutique et commandes"'*) ;; *) fail "lumiere does not see its DRP plan: $PLANS" ;; esac
SITES="$(grep -oE '"datacenterCode":"[^"]+"' <<<"$PLANS" | sort -u | wc -l)"
[ "$SITES" -ge 2 ] || fail "lumiere's DRP plan does not span two datacenters: $PLANS"
case "$PLANS" in *'"hostname":"hv1.par-dc2.vigie-demo.net","datacenterCode":"PAR-DC2"'*) ;; *) fail "lumiere's DRP plan does not run production on hv1 in PAR-DC2: $PLANS" ;; esac
case "$PLANS" in *'"hostname":"drp1.par-dc5.vigie-demo.net","datacenterCode":"PAR-DC5"'*) ;; *) fail "lumiere's DRP plan does not recover on drp1 in PAR-DC5: $PLANS" ;; esac
case "$PLANS" in *'"failoverAddresses":["51.159.50.40"]'*) ;; *) fail "lumiere's DRP plan does not switch DNS to drp1: $PLANS" ;; esac
PLANS="$(curl -s -H "Authorization: Bearer $(password_token saint-roch)" 'http://127.0.0.1:8084/api/v1/drp-plans' | compact)"
case "$PLANS" in *'PRA boutique'*) fail "saint-roch sees lumiere's DRP plan: $PLANS" ;; esac
echo "smoke test: DRP demo data OK (lumiere's plan, hv1 in PAR-DC2 to drp1 in PAR-DC5, DNS switch, tenant wall)"

# demo usage and storage (issue 17): lumière's VMs show their own use beside their allocation,
# its repositories what they held and their growth; the demo hypervisors' capacity shows use
MONTH="$(date -u +%Y-%m)"
for _ in $(seq 1 30); do
  CONSUMPTION="$(curl -s -H "Authorization: Bearer $(password_token lumiere)" "http://127.0.0.1:8082/api/v1/consumption/clients/lumiere/$MONTH" | compact)"
  grep -q '"repositories":\[{' <<<"$CONSUMPTION" && break
  sleep 1
done
grep -q '"use":{"hoursMeasured":' <<<"$CONSUMPTION" || fail "lumiere's VMs show no use of their own: $CONSUMPTION"
grep -q '"repositories":\[{' <<<"$CONSUMPTION" || fail "lumiere's consumption report shows no repository storage: $CONSUMPTION"
CAPACITY="$(curl -s -H "Authorization: Bearer $ENGINEER_TOKEN" 'http://127.0.0.1:8082/api/v1/capacity?datacenter=PAR-DC2' | compact)"
grep -q '"used":[0-9]' <<<"$CAPACITY" || fail "the demo hypervisors' capacity shows no use: $CAPACITY"
echo "smoke test: demo usage OK (lumiere's VMs' own use, its repositories' storage, the hypervisors' use)"
# growth forecasts (issue 17): each of lumiere's repositories has its trend in the report, and the
# forecast API answers lumiere for its own repository and 404 to saint-roch
grep -q '"forecast":{"at":' <<<"$CONSUMPTION" || fail "lumiere's repositories have no growth forecast: $CONSUMPTION"
LU_REPO="$(grep -o '"repositories":\[{"repositoryId":"[0-9a-f-]*"' <<<"$CONSUMPTION" | grep -o '[0-9a-f-]\{36\}')"
FORECAST="$(curl -s -H "Authorization: Bearer $(password_token lumiere)" "http://127.0.0.1:8082/api/v1/forecasts/repositories/$LU_REPO?window=P60D" | compact)"
grep -q '"trend":{' <<<"$FORECAST" || fail "lumiere's repository forecast: $FORECAST"
CODE="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $SAINT_ROCH_TOKEN" "http://127.0.0.1:8082/api/v1/forecasts/repositories/$LU_REPO")"
[ "$CODE" = 404 ] || fail "saint-roch reading lumiere's repository forecast got $CODE"
echo "smoke test: growth forecasts OK (lumiere's repositories in its report and through the API)"

# console: the public status page needs no sign-in and shows the public announcement, in the
# page and in its Atom feed, and no internal article (the 502s solution, an internal one)
STATUS="$(curl -s -w '\n%{http_code}' http://127.0.0.1:8080/status)"
[ "$(tail -n1 <<<"$STATUS")" = 200 ] || fail "the status page answered $(tail -n1 <<<"$STATUS")"
case "$STATUS" in *'Maintenance réseau planifiée à Paris DC2'*) ;; *) fail "the status page does not show the public announcement" ;; esac
case "$STATUS" in *'max_children'*|*'502s on web2'*) fail "the status page shows an internal article" ;; esac
FEED="$(curl -s http://127.0.0.1:8080/status/feed.atom)"
case "$FEED" in *'<feed xmlns="http://www.w3.org/2005/Atom">'*'Maintenance réseau planifiée à Paris DC2'*) ;; *) fail "the status feed lacks the public announcement: $FEED" ;; esac
case "$FEED" in *'502s on web2'*) fail "the status feed carries an internal article" ;; esac
echo "smoke test: console status page OK (no sign-in, the public announcement only, Atom feed)"
# the status page (no sign-in) shows the incident staff published, in its public words only
case "$STATUS" in *'Some online shops could not take orders'*) ;; *) fail "the status page does not show the published incident" ;; esac
case "$STATUS" in *'order database failover'*|*'lumiere-db-1'*|*'binary logs'*) fail "the status page shows the incident's private text" ;; esac
echo "smoke test: console status page shows the published incident in its public words"

# usage over time for graphs (monitoring-service usage/, issue 13): lumière reads the hours of its
# first VM (the demo's rollups), saint-roch gets 404 on it
VM_ID="$(curl -s -H "Authorization: Bearer $(password_token lumiere)" 'http://127.0.0.1:8081/api/v1/virtual-machines?size=1' | compact | grep -o '"id":"[0-9a-f-]*"' | head -n1 | cut -d'"' -f4)"
[ -n "$VM_ID" ] || fail "lumiere has no VM to read the usage of"
USAGE="$(curl -s -H "Authorization: Bearer $(password_token lumiere)" "http://127.0.0.1:8082/api/v1/usage/guests/$VM_ID" | compact)"
grep -q '"hours":\[{"hourStart":' <<<"$USAGE" || fail "lumiere's VM shows no hour of usage: $USAGE"
CODE="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $SAINT_ROCH_TOKEN" "http://127.0.0.1:8082/api/v1/usage/guests/$VM_ID")"
[ "$CODE" = 404 ] || fail "saint-roch reading lumiere's VM usage got $CODE"
echo "smoke test: usage over time OK (a VM's hours of CPU, RAM and disk; another client gets 404)"

./vigie down
for _ in $(seq 1 60); do kill -0 "$UP_PID" 2>/dev/null || break; sleep 1; done
kill -0 "$UP_PID" 2>/dev/null && fail "the launcher (pid $UP_PID) still runs after ./vigie down"
UP_PID=
for port in $PORTS; do
  if listening "$port"; then fail "port $port still listening after ./vigie down"; fi
done
LEFT="$(ps -eo pid=,args= | grep -F -e "$ROOT/.vigie" -e "$ROOT/devstack/target" -e "quarkus-app/quarkus-run.jar" \
  | grep -F "$ROOT" | grep -v -e grep -e smoke-test || true)"
[ -z "$LEFT" ] || fail "processes left after ./vigie down:
$LEFT"
echo "smoke test: PASSED (nothing left running)"
