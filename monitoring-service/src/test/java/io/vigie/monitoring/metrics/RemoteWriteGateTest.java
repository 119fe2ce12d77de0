package io.vigie.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RemoteWriteGateTest {

  @Test
  void letsInAtMostItsCapacityAndNeverWaits() {
    RemoteWriteGate gate = new RemoteWriteGate(2);
    RemoteWriteGate.Permit first = gate.tryEnter();
    RemoteWriteGate.Permit second = gate.tryEnter();

    assertThat(first).isNotNull();
    assertThat(second).isNotNull();
    assertThat(gate.tryEnter()).isNull();
    assertThat(gate.inFlight()).isEqualTo(2);

    first.close();
    first.close(); // a second close gives nothing back twice
    assertThat(gate.inFlight()).isEqualTo(1);
    RemoteWriteGate.Permit third = gate.tryEnter();
    assertThat(third).isNotNull();
    assertThat(gate.tryEnter()).isNull();

    second.close();
    third.close();
    assertThat(gate.inFlight()).isZero();
  }

  @Test
  void aWaitingRequestGetsTheSlotFreedMeanwhileOrNothing() throws Exception {
    RemoteWriteGate gate = new RemoteWriteGate(1);
    RemoteWriteGate.Permit held = gate.tryEnter();
    assertThat(gate.tryEnter(Duration.ofMillis(20))).isNull();

    var waiting =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> gate.tryEnter(Duration.ofMinutes(1)));
    held.close();
    RemoteWriteGate.Permit next = waiting.get(1, TimeUnit.MINUTES);
    assertThat(next).isNotNull();
    assertThat(gate.inFlight()).isEqualTo(1);
    next.close();
  }

  @Test
  void needsRoomForOneRequest() {
    assertThatThrownBy(() -> new RemoteWriteGate(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void speaksOnlyRemoteWrite1() {
    RemoteWriteResource.checkProtocol("application/x-protobuf", "snappy", null);
    RemoteWriteResource.checkProtocol("application/x-protobuf", "SNAPPY", "0.1.0");
    RemoteWriteResource.checkProtocol(
        "application/x-protobuf; proto=prometheus.WriteRequest", "snappy", "0.1.1");
    assertStatus415(() -> RemoteWriteResource.checkProtocol(null, "snappy", null));
    assertStatus415(
        () ->
            RemoteWriteResource.checkProtocol(
                "application/x-protobuf;proto=io.prometheus.write.v2.Request", "snappy", "2.0.0"));
    assertStatus415(() -> RemoteWriteResource.checkProtocol("application/x-protobuf", null, null));
    assertStatus415(
        () -> RemoteWriteResource.checkProtocol("application/x-protobuf", "zstd", "0.1.0"));
    assertStatus415(
        () -> RemoteWriteResource.checkProtocol("application/x-protobuf", "snappy", "1.0"));
    assertStatus415(() -> RemoteWriteResource.checkProtocol("text/plain", "snappy", null));
  }

  private static void assertStatus415(Runnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            io.vigie.kit.problem.ProblemException.class,
            e -> assertThat(e.status()).isEqualTo(415));
  }
}
