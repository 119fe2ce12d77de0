package io.vigie.backup.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.backup.retention.ResticDuration;
import io.vigie.backup.schedule.CronSchedule;
import io.vigie.events.backup.BackupKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PolicyDefaultsTest {

  private static final Promise PKG_DATA = new Promise(1, 10, 7, 2, 2, null);
  private static final Promise COGNIX = new Promise(2, 10, 7, 2, 2, Duration.ofHours(2));

  @Test
  void hourlyDumpsKeptTenDaysAndNightlyFilesKeptSeven() {
    assertThat(PolicyDefaults.schedule(PKG_DATA, BackupKind.DATABASE)).isEqualTo("0 * * * *");
    assertThat(PolicyDefaults.schedule(COGNIX, BackupKind.DATABASE)).isEqualTo("0 */2 * * *");
    assertThat(PolicyDefaults.schedule(PKG_DATA, BackupKind.FILES)).isEqualTo("0 1 * * *");
    assertThat(PolicyDefaults.retention(PKG_DATA, BackupKind.DATABASE).within())
        .isEqualTo(ResticDuration.parse("10d"));
    assertThat(PolicyDefaults.retention(PKG_DATA, BackupKind.FILES).within())
        .isEqualTo(ResticDuration.parse("7d"));
  }

  @Test
  void theRpoIsTheDrpsWhenThereIsOne() {
    assertThat(PolicyDefaults.rpo(COGNIX, BackupKind.FILES)).isEqualTo(Duration.ofHours(2));
    assertThat(PolicyDefaults.rpo(PKG_DATA, BackupKind.DATABASE)).isEqualTo(Duration.ofHours(2));
    assertThat(PolicyDefaults.rpo(PKG_DATA, BackupKind.FILES)).isEqualTo(Duration.ofHours(25));
  }

  @Test
  void anEvenDaysCopyMayWaitThreeDaysAcrossTheThirtyFirst() {
    CronSchedule even = CronSchedule.parse("0 1 2-30/2 * *", ZoneId.of("Europe/Paris"));
    assertThat(
            PolicyDefaults.copyMaxAge(
                even, Duration.ofMinutes(30), Instant.parse("2026-01-01T00:00:00Z")))
        .isEqualTo(Duration.ofDays(3).plusMinutes(30));
  }
}
