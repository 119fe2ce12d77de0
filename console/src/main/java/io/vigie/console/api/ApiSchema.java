package io.vigie.console.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema of a service's OpenAPI document ({@code docs/api/<service>.yaml}) that a view record
 * reads: {@code ApiRecordsTest} fails when a component of the record is not a property of that
 * schema, or not of its type, so a record cannot drift from the API it reads.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ApiSchema {

  /** The service's module name, e.g. {@code ticket-service}. */
  String service();

  /** The schema's name under {@code components.schemas}. */
  String schema();
}
