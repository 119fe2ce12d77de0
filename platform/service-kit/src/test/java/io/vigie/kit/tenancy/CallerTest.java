package io.vigie.kit.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.web.Filter;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

  @Test
  void theStatusPagesReaderIsNeitherStaffNorClientSoNoTenantWallOpensToIt() {
    Caller reader = new Caller("service-account-vigie-console", Set.of(Roles.STATUS_READER), null);

    assertThat(reader.isStatusReader()).isTrue();
    assertThat(reader.isStaff()).isFalse();
    assertThat(reader.isClient()).isFalse();
    assertThat(reader.isAdmin()).isFalse();
    assertThat(reader.isAgent()).isFalse();
    assertThat(reader.canOperate()).isFalse();
    assertThat(reader.sees("lumiere")).isFalse();
    assertThat(reader.sees(null)).isFalse();
    assertThat(TenantScope.restrict(Filter.where(), reader, "client.code").query())
        .isEqualTo("(1 = 0)");
    assertThatThrownBy(() -> TenantScope.visibleOr404("x", "lumiere", reader, "Ticket", 1))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(reader::requireOperator).isInstanceOf(ProblemException.class);
  }

  @Test
  void onlyTheRoleMakesAStatusReader() {
    assertThat(new Caller("support", Set.of(Roles.SUPPORT), null).isStatusReader()).isFalse();
    assertThat(new Caller("admin", Set.of(Roles.ADMIN), null).isStatusReader()).isFalse();
    assertThat(new Caller("c", Set.of(Roles.CLIENT), "lumiere").isStatusReader()).isFalse();
  }
}
