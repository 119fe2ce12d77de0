package io.vigie.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.tenancy.TenantScope;
import io.vigie.kit.web.Filter;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilterTest {

  @Test
  void skipsAbsentFiltersAndParenthesisesEachCondition() {
    Filter filter =
        Filter.where()
            .and("status = :status", "status", null)
            .and("a = :a or b = :a", "a", 1)
            .and("c = 2");
    assertThat(filter.query()).isEqualTo("(a = :a or b = :a) and (c = 2)");
    assertThat(filter.parameterMap()).containsOnlyKeys("a");
    assertThat(Filter.where().query()).isEqualTo("1 = 1");
  }

  @Test
  void tenantScopeRestrictsClientsOnlyAndShutsOutEveryoneElse() {
    Caller staff = new Caller("eng", Set.of(Roles.ENGINEER), null);
    Caller client = new Caller("c", Set.of(Roles.CLIENT), "lumiere");
    Caller agent = new Caller("prom", Set.of(Roles.AGENT), null);

    assertThat(TenantScope.restrict(Filter.where(), staff, "client.code").query())
        .isEqualTo("1 = 1");
    Filter scoped = TenantScope.restrict(Filter.where(), client, "client.code");
    assertThat(scoped.query()).isEqualTo("(client.code = :tenant)");
    assertThat(scoped.parameterMap()).containsEntry("tenant", "lumiere");
    assertThat(TenantScope.restrict(Filter.where(), agent, "client.code").query())
        .isEqualTo("(1 = 0)");
  }

  @Test
  void staffRolesWinOverTheClientRole() {
    Caller both = new Caller("x", Set.of(Roles.CLIENT, Roles.SUPPORT), "lumiere");
    assertThat(both.isClient()).isFalse();
    assertThat(both.sees("saint-roch")).isTrue();
    assertThat(new Caller("c", Set.of(Roles.CLIENT), "lumiere").sees("saint-roch")).isFalse();
    assertThat(new Caller("c", Set.of(Roles.CLIENT), "lumiere").canOperate()).isFalse();
  }
}
