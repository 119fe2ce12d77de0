package io.vigie.dns.zone;

import io.vigie.kit.problem.Problem.FieldError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * RFC 1035 zone files, read and written by dnsjava: an import gives the zone's record sets (checked
 * by {@link ZoneRules}, the SOA kept apart for its serial); an export writes the SOA and every
 * record set so that importing it again gives the same record sets.
 */
public final class ZoneFiles {

  /** What a zone file holds: its SOA serial (null without an SOA) and its record sets. */
  public record Imported(Long serial, List<RecordSet> recordSets) {}

  private static final int MAX_BYTES = 4 * 1024 * 1024;
  private static final int MAX_RECORDS = 20_000;

  private ZoneFiles() {}

  /**
   * Reads {@code text} as the zone file of {@code zone}; records of other types than {@link
   * ZoneRules#TYPES} and SOA are refused, as are records outside the zone.
   *
   * @throws InvalidZoneException naming the {@code field} and line
   */
  public static Imported read(Name zone, String field, String text, ZoneRules rules) {
    if (text == null || text.isBlank()) {
      throw InvalidZoneException.of(field, "is empty");
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_BYTES) {
      throw InvalidZoneException.of(field, "is larger than " + MAX_BYTES + " bytes");
    }
    List<Record> records = new ArrayList<>();
    try (Master master = new Master(new ByteArrayInputStream(bytes), zone, rules.defaultTtl())) {
      // a file from a client must not read the service's own files, nor expand into millions
      master.disableIncludes(true);
      master.expandGenerate(false);
      Record record;
      while ((record = master.nextRecord()) != null) {
        records.add(record);
        if (records.size() > MAX_RECORDS) {
          throw InvalidZoneException.of(field, "holds more than " + MAX_RECORDS + " records");
        }
      }
      if (master.generators().hasNext()) {
        throw InvalidZoneException.of(field, "$GENERATE is not supported; list the records");
      }
    } catch (InvalidZoneException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // dnsjava's reader fails on some malformed input with runtime exceptions (e.g. a truncated
      // $GENERATE range): all of them mean the file cannot be read
      throw InvalidZoneException.of(field, "is not a valid zone file: " + message(e));
    }
    return fromRecords(zone, field, records, rules);
  }

  /** Record sets from records read off a zone file or a zone transfer. */
  public static Imported fromRecords(
      Name zone, String field, List<Record> records, ZoneRules rules) {
    Long serial = null;
    Map<RecordSet.Key, List<Record>> sets = new LinkedHashMap<>();
    List<FieldError> errors = new ArrayList<>();
    for (Record record : records) {
      String where = field + " " + record.getName() + " " + Type.string(record.getType());
      if (record.getDClass() != DClass.IN) {
        errors.add(new FieldError(field, where + ": only class IN is served"));
        continue;
      }
      if (record instanceof SOARecord soa) {
        if (soa.getName().equals(zone)) {
          serial = soa.getSerial();
        } else {
          errors.add(new FieldError(field, where + ": an SOA belongs at the zone apex only"));
        }
        continue;
      }
      String type = Type.string(record.getType());
      if (!ZoneRules.TYPES.contains(type)) {
        errors.add(new FieldError(field, where + ": type " + type + " is not managed"));
        continue;
      }
      sets.computeIfAbsent(
              new RecordSet.Key(record.getName().canonicalize().toString(), type),
              k -> new ArrayList<>())
          .add(record);
    }
    List<RecordSetInput> inputs = new ArrayList<>();
    for (var entry : sets.entrySet()) {
      // RFC 2181 5.2: one TTL per RRset; take the smallest when a file disagrees with itself
      long ttl = entry.getValue().stream().mapToLong(Record::getTTL).min().orElseThrow();
      inputs.add(
          new RecordSetInput(
              entry.getKey().name(),
              entry.getKey().type(),
              ttl,
              entry.getValue().stream().map(Record::rdataToString).toList()));
    }
    List<RecordSet> checked = List.of();
    try {
      checked = rules.check(zone, field, inputs);
    } catch (InvalidZoneException e) {
      errors.addAll(e.toProblem(null).errors());
    }
    if (!errors.isEmpty()) {
      throw new InvalidZoneException(errors.stream().limit(50).toList());
    }
    return new Imported(serial, checked);
  }

  /** The zone file of {@code zone}: origin, SOA, then every record set in owner and type order. */
  public static String write(Name zone, SOARecord soa, List<RecordSet> recordSets) {
    StringBuilder out = new StringBuilder();
    out.append("$ORIGIN ").append(zone).append('\n');
    out.append(soa).append('\n');
    recordSets.stream()
        .sorted((a, b) -> a.key().compareTo(b.key()))
        .forEach(
            set -> {
              for (String data : set.records()) {
                out.append(set.name())
                    .append('\t')
                    .append(set.ttl())
                    .append("\tIN\t")
                    .append(set.type())
                    .append('\t')
                    .append(data)
                    .append('\n');
              }
            });
    return out.toString();
  }

  private static String message(Exception e) {
    String message = e.getMessage() == null ? "unreadable" : e.getMessage();
    return message.length() > 300 ? message.substring(0, 300) : message;
  }
}
