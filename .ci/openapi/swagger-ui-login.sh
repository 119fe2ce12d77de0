#!/usr/bin/env bash
# Signs a person in as each service's OpenAPI UI does when they press "Authorize": the UI serves
# the realm's public client vigie-swagger-ui, the browser runs the authorization code flow with
# PKCE against Keycloak (login form, redirect to the service's /q/swagger-ui/oauth2-redirect.html),
# the UI exchanges the code at the token endpoint from the service's origin (CORS), and the token
# answers the API. curl plays the browser; devstack/smoke-test.sh calls it while ./vigie up runs.
set -euo pipefail
realm="${VIGIE_REALM_URL:-http://127.0.0.1:18080/realms/vigie}"
services="${VIGIE_SWAGGER_SERVICES:-8081:/api/v1/servers 8082:/api/v1/alerts 8083:/api/v1/tickets 8084:/api/v1/policies 8085:/api/v1/zones}"
user="${VIGIE_SWAGGER_USER:-engineer}"
password="${VIGIE_SWAGGER_PASSWORD:-vigie}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { echo "swagger-ui login: $*" >&2; exit 1; }
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }

for entry in $services; do
  port="${entry%%:*}"
  api="${entry#*:}"
  origin="http://127.0.0.1:$port"
  redirect="$origin/q/swagger-ui/oauth2-redirect.html"

  # 1. the UI offers the realm's client, with PKCE
  ui="$(curl -sf "$origin/q/swagger-ui/")" || fail "$origin/q/swagger-ui/ does not answer"
  case "$ui" in *vigie-swagger-ui*) ;; *) fail "$origin/q/swagger-ui/ does not name the client vigie-swagger-ui" ;; esac
  case "$ui" in *usePkceWithAuthorizationCodeGrant*true*) ;; *) fail "$origin/q/swagger-ui/ does not use PKCE" ;; esac
  curl -sf -o /dev/null "$redirect" || fail "$redirect does not answer"

  # 2. the browser goes to Keycloak's login page with a PKCE challenge
  verifier="$(head -c 48 /dev/urandom | b64url)"
  challenge="$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | b64url)"
  state="$(head -c 12 /dev/urandom | b64url)"
  jar="$work/cookies-$port"
  login="$(curl -sf -c "$jar" -b "$jar" -G "$realm/protocol/openid-connect/auth" \
    --data-urlencode client_id=vigie-swagger-ui --data-urlencode response_type=code \
    --data-urlencode scope=openid --data-urlencode "redirect_uri=$redirect" \
    --data-urlencode "state=$state" --data-urlencode "code_challenge=$challenge" \
    --data-urlencode code_challenge_method=S256)" || fail "Keycloak refused the authorization request for $redirect"
  action="$(printf '%s' "$login" | grep -o 'action="[^"]*"' | head -1 | sed 's/^action="//; s/"$//; s/&amp;/\&/g')"
  [ -n "$action" ] || fail "no login form for $redirect"

  # 3. the person signs in; Keycloak sends the browser back to the UI with a code
  location="$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" \
    --data-urlencode "username=$user" --data-urlencode "password=$password" "$action")"
  case "$location" in "$redirect"?*) ;; *) fail "after login Keycloak sent the browser to '$location', not $redirect" ;; esac
  case "$location" in *"state=$state"*) ;; *) fail "the redirect lost the state: $location" ;; esac
  code="$(printf '%s' "$location" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')"
  [ -n "$code" ] || fail "no code in $location"

  # 4. the UI exchanges the code from the service's origin
  headers="$work/token-headers-$port"
  answer="$(curl -s -D "$headers" -H "Origin: $origin" "$realm/protocol/openid-connect/token" \
    --data-urlencode grant_type=authorization_code --data-urlencode client_id=vigie-swagger-ui \
    --data-urlencode "code=$code" --data-urlencode "redirect_uri=$redirect" \
    --data-urlencode "code_verifier=$verifier")"
  token="$(printf '%s' "$answer" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
  [ -n "$token" ] || fail "the code exchange for $origin failed: $answer"
  grep -qi "^access-control-allow-origin: $origin" "$headers" \
    || fail "the token endpoint does not allow the UI's origin $origin (CORS): $(cat "$headers")"

  # 5. the token answers the API, as "Try it out" sends it
  status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$origin$api")"
  [ "$status" = 200 ] || fail "GET $origin$api with the UI's token answered $status"

  echo "swagger-ui login: $origin signs $user in (authorization code + PKCE) and GET $api answers 200"
done
