-- The W3C traceparent of the span that wrote the event (null when tracing is off), sent by the
-- relay as the Kafka record's traceparent header so consumers continue the same trace.
alter table outbox_event add column traceparent text;
