package io.vigie.events;

/**
 * An event one service publishes for the others. Records implementing it are the JSON data of a
 * CloudEvent; the type, topic and key travel in the envelope, not in the data.
 */
public interface DomainEvent {

  /** CloudEvents type, {@code io.vigie.<domain>.<event>.v<N>}. */
  String eventType();

  /** Kafka topic, {@code <domain>.events}. */
  String topic();

  /** Id of the aggregate the event is about: the Kafka key, so one aggregate stays ordered. */
  String aggregateId();

  /** Tenant (client code) the event concerns, or null for hoster-wide data. */
  String tenant();
}
