package io.vigie.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real Kafka broker (KRaft, in the test JVM), started once per JVM. {@link #stopBroker()} and
 * {@link #restartBroker()} simulate an outage on the same address, so producers reconnect.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

  private static EmbeddedKafkaBroker broker;
  private static int port;

  public static synchronized String bootstrapServers() {
    if (broker == null) {
      port = freePort();
      broker = newBroker();
      Runtime.getRuntime()
          .addShutdownHook(new Thread(KafkaResource::stopBroker, "embedded-kafka-stop"));
    }
    return "127.0.0.1:" + port;
  }

  public static KafkaCompanion companion() {
    return new KafkaCompanion(bootstrapServers());
  }

  /** Stops the broker, as in an outage; data already on it is lost with it. */
  public static void stopBroker() {
    KafkaEvents.closeProducer(); // outside this class's lock: publishing takes it inside its own
    synchronized (KafkaResource.class) {
      if (broker != null) {
        broker.close();
        broker = null;
      }
    }
  }

  /** Starts a new broker on the same port after {@link #stopBroker()}. */
  public static synchronized void restartBroker() {
    if (broker == null) {
      broker = newBroker();
    }
  }

  private static EmbeddedKafkaBroker newBroker() {
    EmbeddedKafkaBroker kafka =
        new EmbeddedKafkaBroker()
            .withNodeId(0)
            .withKafkaHost("127.0.0.1")
            .withKafkaPort(port)
            .withDeleteLogDirsOnClose(true)
            .withAdditionalProperties(
                props -> {
                  props.put("group.initial.rebalance.delay.ms", "0");
                  // lets a test's consumers use a session timeout under the broker default's 6 s
                  // minimum, so a killed replica's partitions move in seconds; clients that set
                  // none keep theirs (45 s)
                  props.put("group.min.session.timeout.ms", "1000");
                  props.put("offsets.topic.num.partitions", "4");
                  props.put("num.partitions", "3");
                  props.put("auto.create.topics.enable", "true");
                });
    kafka.start();
    return kafka;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port for Kafka", e);
    }
  }

  @Override
  public Map<String, String> start() {
    return Map.of("kafka.bootstrap.servers", bootstrapServers());
  }

  @Override
  public void stop() {
    // shared by every test class of the JVM; the shutdown hook stops it
  }
}
