package io.vigie.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realm export that Keycloak imports for {@code ./vigie up} and tests. Checked statically here
 * because starting Keycloak is too slow for every build; {@code devstack/smoke-test.sh} checks the
 * tokens it really issues.
 */
class RealmExportTest {

  private static final Path REALM = Path.of("..", "deploy", "keycloak", "vigie-realm.json");

  private static JsonObject realm;

  @BeforeAll
  static void parse() throws IOException {
    realm = read(Files.readString(REALM));
  }

  @Test
  void isTheVigieRealmWithHalfHourAccessTokens() {
    assertThat(realm.getString("realm")).isEqualTo("vigie");
    assertThat(realm.getBoolean("enabled")).isTrue();
    assertThat(realm.getInt("accessTokenLifespan")).isEqualTo(1800);
  }

  @Test
  void declaresTheEightRealmRoles() {
    List<String> roles = names(realm.getJsonObject("roles").getJsonArray("realm"), "name");
    assertThat(roles)
        .containsExactlyInAnyOrder(
            "vigie-client",
            "vigie-support",
            "vigie-engineer",
            "vigie-expert",
            "vigie-admin",
            "vigie-agent",
            "vigie-client-admin",
            "vigie-status-reader");
  }

  @Test
  void aClientAdminIsAClientToo() {
    // Keycloak expands the composite into realm_access.roles: every wall for vigie-client holds
    JsonObject clientAdmin =
        realm.getJsonObject("roles").getJsonArray("realm").getValuesAs(JsonObject.class).stream()
            .filter(role -> role.getString("name").equals("vigie-client-admin"))
            .findFirst()
            .orElseThrow();
    assertThat(clientAdmin.getBoolean("composite")).isTrue();
    assertThat(strings(clientAdmin.getJsonObject("composites").getJsonArray("realm")))
        .containsExactly("vigie-client");
  }

  @Test
  void demoUsersMatchTheLauncherTableAndCanLogInWithoutProfileActions() {
    for (DemoUser expected : DemoUser.ALL) {
      JsonObject user = user(expected.username()).orElseThrow();
      assertThat(strings(user.getJsonArray("realmRoles"))).containsExactly(expected.role());
      assertThat(tenant(user)).isEqualTo(Optional.ofNullable(expected.tenant()));
      // Keycloak 26 refuses the password grant ("Account is not fully set up") otherwise
      assertThat(user.getBoolean("enabled")).isTrue();
      assertThat(user.getBoolean("emailVerified")).isTrue();
      assertThat(user.getString("email")).isEqualTo(expected.username() + "@demo.vigie.io");
      assertThat(user.getString("firstName")).isNotBlank();
      assertThat(user.getString("lastName")).isNotBlank();
      assertThat(user.getJsonArray("requiredActions")).isEmpty();
      JsonObject password = user.getJsonArray("credentials").getJsonObject(0);
      assertThat(password.getString("type")).isEqualTo("password");
      assertThat(password.getString("value")).isEqualTo(DemoUser.PASSWORD);
      assertThat(password.getBoolean("temporary")).isFalse();
    }
    List<String> humans =
        realm.getJsonArray("users").getValuesAs(JsonObject.class).stream()
            .filter(user -> !user.containsKey("serviceAccountClientId"))
            .map(user -> user.getString("username"))
            .toList();
    assertThat(humans)
        .containsExactlyInAnyOrderElementsOf(
            DemoUser.ALL.stream().map(DemoUser::username).toList());
  }

  @Test
  void cliClientIsPublicWithPasswordGrantAndMapsTheTenantClaim() {
    JsonObject cli = client("vigie-cli");
    assertThat(cli.getBoolean("publicClient")).isTrue();
    assertThat(cli.getBoolean("directAccessGrantsEnabled")).isTrue();
    assertThat(cli.getBoolean("fullScopeAllowed")).isTrue(); // realm roles in realm_access
    JsonObject tenantMapper =
        cli.getJsonArray("protocolMappers").getValuesAs(JsonObject.class).stream()
            .filter(mapper -> mapper.getString("name").equals("tenant"))
            .findFirst()
            .orElseThrow();
    assertThat(tenantMapper.getString("protocolMapper"))
        .isEqualTo("oidc-usermodel-attribute-mapper");
    JsonObject config = tenantMapper.getJsonObject("config");
    assertThat(config.getString("user.attribute")).isEqualTo("tenant");
    assertThat(config.getString("claim.name")).isEqualTo("tenant"); // top level, not nested
    assertThat(config.getString("jsonType.label")).isEqualTo("String");
    assertThat(config.getString("access.token.claim")).isEqualTo("true");
  }

  @Test
  void consoleClientSignsPeopleInWithTheCodeFlowAndPutsTheTenantInTheirTokens() {
    JsonObject console = client("vigie-console");
    assertThat(console.getBoolean("publicClient")).isFalse();
    assertThat(console.getBoolean("standardFlowEnabled")).isTrue();
    assertThat(console.getBoolean("directAccessGrantsEnabled")).isFalse();
    assertThat(console.getBoolean("fullScopeAllowed")).isTrue(); // realm roles in realm_access
    assertThat(strings(console.getJsonArray("redirectUris")))
        .containsExactly("http://127.0.0.1:8080/*", "http://localhost:8080/*");
    assertThat(console.getJsonObject("attributes").getString("pkce.code.challenge.method"))
        .isEqualTo("S256");
    JsonObject tenantMapper =
        console.getJsonArray("protocolMappers").getValuesAs(JsonObject.class).stream()
            .filter(mapper -> mapper.getString("name").equals("tenant"))
            .findFirst()
            .orElseThrow();
    assertThat(tenantMapper.getJsonObject("config").getString("claim.name")).isEqualTo("tenant");
    assertThat(tenantMapper.getJsonObject("config").getString("access.token.claim"))
        .isEqualTo("true");
    assertThat(tenantMapper.getJsonObject("config").getString("id.token.claim")).isEqualTo("true");
  }

  @Test
  void theConsolesServiceAccountOnlyReadsForTheStatusPage() {
    // its secret sits in the console's configuration: it must not carry support's write powers
    assertThat(client("vigie-console").getBoolean("serviceAccountsEnabled")).isTrue();
    JsonObject serviceAccount =
        realm.getJsonArray("users").getValuesAs(JsonObject.class).stream()
            .filter(user -> user.getString("serviceAccountClientId", "").equals("vigie-console"))
            .findFirst()
            .orElseThrow();
    assertThat(strings(serviceAccount.getJsonArray("realmRoles")))
        .containsExactly("vigie-status-reader");
    assertThat(serviceAccount.containsKey("clientRoles")).isFalse();
    assertThat(serviceAccount.containsKey("groups")).isFalse();
  }

  @Test
  void agentClientIsConfidentialWithAServiceAccountInRoleAgent() {
    JsonObject agent = client("vigie-agent");
    assertThat(agent.getBoolean("publicClient")).isFalse();
    assertThat(agent.getBoolean("serviceAccountsEnabled")).isTrue();
    assertThat(agent.getBoolean("directAccessGrantsEnabled")).isFalse();
    assertThat(agent.getString("secret")).isEqualTo(Keycloak.AGENT_SECRET);
    JsonObject serviceAccount =
        realm.getJsonArray("users").getValuesAs(JsonObject.class).stream()
            .filter(user -> user.getString("serviceAccountClientId", "").equals("vigie-agent"))
            .findFirst()
            .orElseThrow();
    assertThat(strings(serviceAccount.getJsonArray("realmRoles"))).containsExactly("vigie-agent");
  }

  @Test
  void userProfileDeclaresTenantEditableByAdminsOnly() {
    // Keycloak 26 drops attributes its user profile does not declare; and a tenant users could
    // edit themselves (account console) would let a client read another client's data.
    JsonObject provider =
        realm
            .getJsonObject("components")
            .getJsonArray("org.keycloak.userprofile.UserProfileProvider")
            .getJsonObject(0);
    JsonObject profile =
        read(provider.getJsonObject("config").getJsonArray("kc.user.profile.config").getString(0));
    Map<String, JsonObject> attributes =
        profile.getJsonArray("attributes").getValuesAs(JsonObject.class).stream()
            .collect(Collectors.toMap(attribute -> attribute.getString("name"), a -> a));
    assertThat(attributes).containsKeys("username", "email", "firstName", "lastName", "tenant");
    JsonObject permissions = attributes.get("tenant").getJsonObject("permissions");
    assertThat(strings(permissions.getJsonArray("edit"))).containsExactly("admin");
    assertThat(profile.containsKey("unmanagedAttributePolicy")).isFalse();
  }

  private static JsonObject client(String clientId) {
    return realm.getJsonArray("clients").getValuesAs(JsonObject.class).stream()
        .filter(client -> client.getString("clientId").equals(clientId))
        .findFirst()
        .orElseThrow();
  }

  private static Optional<JsonObject> user(String username) {
    return realm.getJsonArray("users").getValuesAs(JsonObject.class).stream()
        .filter(user -> user.getString("username").equals(username))
        .findFirst();
  }

  private static Optional<String> tenant(JsonObject user) {
    JsonObject attributes = user.getJsonObject("attributes");
    if (attributes == null || !attributes.containsKey("tenant")) {
      return Optional.empty();
    }
    List<String> values = strings(attributes.getJsonArray("tenant"));
    assertThat(values).hasSize(1);
    return Optional.of(values.get(0));
  }

  private static List<String> names(JsonArray objects, String key) {
    return objects.getValuesAs(JsonObject.class).stream().map(o -> o.getString(key)).toList();
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(JsonValue.class).stream()
        .map(value -> ((JsonString) value).getString())
        .toList();
  }

  private static JsonObject read(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
