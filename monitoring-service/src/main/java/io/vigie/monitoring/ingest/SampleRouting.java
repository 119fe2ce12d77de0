package io.vigie.monitoring.ingest;

import io.vigie.monitoring.metrics.SeriesLabels;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;

/**
 * Which partition of the samples topic a series goes to: all the series of one target land in one
 * partition, so one replica holds a host's whole picture. The target is named as the rules name it
 * ({@code TargetIndex}): the {@code server_id} (or {@code vigie_server_id}) label the inventory's
 * service discovery sets, else the host part of {@code instance}, else {@code hostname}; a series
 * with none of them goes by its metric name. The partition is Kafka's own murmur2 hash of that key,
 * so the receiver and the rule engine (which maps an alert's labels back to its partition) agree.
 * Plain Java.
 */
public final class SampleRouting {

  private SampleRouting() {}

  /** The target key of a series. */
  public static String targetKey(SeriesLabels labels) {
    String key = labels.get("server_id");
    if (key == null) {
      key = labels.get("vigie_server_id");
    }
    if (key == null) {
      String instance = labels.get("instance");
      key = instance == null ? null : host(instance);
    }
    if (key == null) {
      key = labels.get("hostname");
    }
    return key == null ? "__name__=" + labels.metricName() : key;
  }

  /** The target key of a rule result or an alert, from its labels; null when it names none. */
  public static String targetKey(Map<String, String> labels) {
    String key = labels.get("server_id");
    if (key == null) {
      key = labels.get("vigie_server_id");
    }
    if (key == null) {
      String instance = labels.get("instance");
      key = instance == null ? null : host(instance);
    }
    if (key == null) {
      key = labels.get("hostname");
    }
    return key;
  }

  /** The partition of a key among {@code partitions}, as Kafka's default partitioner puts it. */
  public static int partition(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /** The host part of {@code host:port}, {@code [v6]:port} or a bare host. */
  static String host(String instance) {
    if (instance.startsWith("[")) {
      int close = instance.indexOf(']');
      return close < 0 ? instance : instance.substring(1, close);
    }
    int colon = instance.lastIndexOf(':');
    return colon < 0 || instance.indexOf(':') != colon ? instance : instance.substring(0, colon);
  }
}
