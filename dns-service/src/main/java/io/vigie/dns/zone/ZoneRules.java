package io.vigie.dns.zone;

import io.vigie.kit.problem.Problem.FieldError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;

/**
 * The rules a zone's record sets must keep before any provider sees them: owner names inside the
 * zone with well-formed labels, TTLs within bounds, record data that dnsjava parses for the type, a
 * CNAME alone at its name and never at the apex, MX/SRV/NS/CNAME/PTR targets that are names rather
 * than addresses, CAA with a known tag and a well-formed value, TXT texts split into strings of at
 * most 255 bytes. Every error is reported with its field path at once; the SOA is Vigie's own and
 * cannot be written.
 */
public final class ZoneRules {

  /** The types a zone's record sets may hold (the SOA is generated). */
  public static final Set<String> TYPES =
      Set.of("A", "AAAA", "CNAME", "MX", "TXT", "SRV", "CAA", "NS", "PTR");

  private static final Set<String> NAME_TARGETS = Set.of("CNAME", "MX", "SRV", "NS", "PTR");
  private static final Set<String> LOWER_CASE_DATA =
      Set.of("A", "AAAA", "CNAME", "MX", "SRV", "NS", "PTR");
  private static final Set<String> CAA_TAGS = Set.of("issue", "issuewild", "iodef", "issuemail");
  private static final Pattern CAA_ISSUER =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
  private static final Pattern CAA_PARAMETER = Pattern.compile("[A-Za-z0-9]+=[\\x21-\\x7e]*");
  private static final int MAX_RECORDS_PER_SET = 100;
  private static final Pattern FAILOVER_GROUP = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  private static final int MAX_TXT_BYTES = 4000;

  private final long minTtl;
  private final long maxTtl;
  private final long defaultTtl;

  public ZoneRules(long minTtl, long maxTtl, long defaultTtl) {
    if (minTtl < 0 || maxTtl < minTtl || defaultTtl < minTtl || defaultTtl > maxTtl) {
      throw new IllegalArgumentException("TTL bounds must satisfy 0 <= min <= default <= max");
    }
    this.minTtl = minTtl;
    this.maxTtl = maxTtl;
    this.defaultTtl = defaultTtl;
  }

  /** The trade's usual bounds: 1 minute to 1 week, 1 hour by default. */
  public static ZoneRules standard() {
    return new ZoneRules(60, 604_800, 3600);
  }

  public long defaultTtl() {
    return defaultTtl;
  }

  /**
   * The record sets of {@code zone} once normalised, sorted by owner and type; {@code field} is the
   * request path of the list ({@code recordSets}).
   *
   * @throws InvalidZoneException naming every offending field
   */
  public List<RecordSet> check(Name zone, String field, List<RecordSetInput> inputs) {
    List<FieldError> errors = new ArrayList<>();
    Map<RecordSet.Key, RecordSet> sets = new TreeMap<>();
    Map<RecordSet.Key, String> fieldOf = new LinkedHashMap<>();
    if (inputs == null) {
      inputs = List.of();
    }
    for (int i = 0; i < inputs.size(); i++) {
      String path = field + "[" + i + "]";
      RecordSetInput input = inputs.get(i);
      if (input == null) {
        errors.add(new FieldError(path, "is required"));
        continue;
      }
      try {
        RecordSet set = recordSet(zone, path, input);
        if (sets.putIfAbsent(set.key(), set) != null) {
          errors.add(
              new FieldError(path, "repeats " + set.key() + "; give each name and type once"));
        } else {
          fieldOf.put(set.key(), path);
        }
      } catch (InvalidZoneException e) {
        errors.addAll(e.toProblem(null).errors());
      }
    }
    // a CNAME owns its name alone, and never the apex (which holds the SOA and NS)
    String apex = zone.toString();
    for (RecordSet set : sets.values()) {
      if (!set.type().equals("CNAME")) {
        continue;
      }
      String path = fieldOf.get(set.key());
      if (set.name().equals(apex)) {
        errors.add(new FieldError(path + ".name", "a CNAME cannot be at the zone apex"));
      }
      if (set.records().size() > 1) {
        errors.add(new FieldError(path + ".records", "a CNAME has exactly one target"));
      }
      sets.keySet().stream()
          .filter(k -> k.name().equals(set.name()) && !k.type().equals("CNAME"))
          .findFirst()
          .ifPresent(
              other ->
                  errors.add(
                      new FieldError(
                          path + ".name",
                          "a CNAME cannot share its name with other records (" + other + ")")));
    }
    if (!errors.isEmpty()) {
      throw new InvalidZoneException(errors);
    }
    return List.copyOf(sets.values());
  }

  /**
   * The failover group of each tagged record set among {@code inputs}, by key; the inputs must have
   * passed {@link #check} (which validates the groups).
   */
  public Map<RecordSet.Key, String> failoverGroups(Name zone, List<RecordSetInput> inputs) {
    Map<RecordSet.Key, String> groups = new TreeMap<>();
    if (inputs == null) {
      return groups;
    }
    for (RecordSetInput input : inputs) {
      if (input != null && input.failoverGroup() != null) {
        Name owner = DnsNames.owner("name", input.name(), zone);
        groups.put(
            new RecordSet.Key(owner.toString(), input.type().strip().toUpperCase(Locale.ROOT)),
            input.failoverGroup());
      }
    }
    return groups;
  }

  /** One record set, normalised; the same rules as {@link #check} except the cross-set ones. */
  public RecordSet recordSet(Name zone, String path, RecordSetInput input) {
    List<FieldError> errors = new ArrayList<>();
    Name owner = null;
    try {
      owner = DnsNames.owner(path + ".name", input.name(), zone);
    } catch (InvalidZoneException e) {
      errors.addAll(e.toProblem(null).errors());
    }
    String type = input.type() == null ? null : input.type().strip().toUpperCase(Locale.ROOT);
    if (type == null || type.isEmpty()) {
      errors.add(new FieldError(path + ".type", "is required"));
    } else if (type.equals("SOA")) {
      errors.add(new FieldError(path + ".type", "the SOA is kept by Vigie and cannot be written"));
    } else if (!TYPES.contains(type)) {
      errors.add(
          new FieldError(path + ".type", "must be one of " + TYPES.stream().sorted().toList()));
    }
    long ttl = input.ttl() == null ? defaultTtl : input.ttl();
    if (ttl < minTtl || ttl > maxTtl) {
      errors.add(
          new FieldError(path + ".ttl", "must be between " + minTtl + " and " + maxTtl + " s"));
    }
    if (input.failoverGroup() != null) {
      if (!FAILOVER_GROUP.matcher(input.failoverGroup()).matches()) {
        errors.add(
            new FieldError(
                path + ".failoverGroup",
                "must be 1 to 40 lower-case letters, digits or hyphens, starting with a letter or"
                    + " digit"));
      } else if (type != null && !type.equals("A") && !type.equals("AAAA")) {
        errors.add(
            new FieldError(
                path + ".failoverGroup", "only A and AAAA record sets are switched by a DRP"));
      }
    }
    List<String> data = input.records() == null ? List.of() : input.records();
    if (data.isEmpty()) {
      errors.add(new FieldError(path + ".records", "must hold at least one record"));
    } else if (data.size() > MAX_RECORDS_PER_SET) {
      errors.add(
          new FieldError(path + ".records", "at most " + MAX_RECORDS_PER_SET + " records per set"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidZoneException(errors);
    }
    List<String> records = new ArrayList<>();
    for (int j = 0; j < data.size(); j++) {
      String recordPath = path + ".records[" + j + "]";
      try {
        records.add(recordData(zone, owner, type, ttl, recordPath, data.get(j)));
      } catch (InvalidZoneException e) {
        errors.addAll(e.toProblem(null).errors());
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidZoneException(errors);
    }
    return new RecordSet(owner.toString(), type, ttl, records);
  }

  /** One record's data, parsed by dnsjava for its type and printed back in canonical form. */
  String recordData(Name zone, Name owner, String type, long ttl, String path, String text) {
    if (text == null || text.isBlank()) {
      throw InvalidZoneException.of(path, "is required");
    }
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw InvalidZoneException.of(path, "must be on one line");
    }
    if (type.equals("TXT")) {
      text = TxtStrings.quote(path, text.strip(), MAX_TXT_BYTES);
    }
    if (NAME_TARGETS.contains(type)) {
      // an address where a host name belongs would be read as a name below the zone
      String[] tokens = text.strip().split("\\s+");
      String last = tokens[tokens.length - 1];
      if (last.endsWith(".")) {
        last = last.substring(0, last.length() - 1);
      }
      if (Address.isDottedQuad(last) || Address.toByteArray(last, Address.IPv6) != null) {
        throw InvalidZoneException.of(
            path, "the " + type + " target must be a host name, not an address");
      }
    }
    Record record;
    try {
      record = Record.fromString(owner, Type.value(type), DClass.IN, ttl, text.strip(), zone);
    } catch (IOException | RuntimeException e) {
      // dnsjava signals some malformed data with runtime exceptions: all mean unreadable data
      throw InvalidZoneException.of(path, "is not valid " + type + " data: " + reason(e));
    }
    check(path, type, record);
    return canonical(record);
  }

  /**
   * A record as a provider serves it, in the same canonical form as {@link #recordData}, without
   * Vigie's rules (drift must show whatever the server holds).
   */
  public static String canonical(Record record) {
    if (record instanceof AAAARecord aaaa) {
      return Ipv6Text.compact(aaaa.getAddress().getAddress());
    }
    String type = Type.string(record.getType());
    String data = record.rdataToString();
    return LOWER_CASE_DATA.contains(type) ? data.toLowerCase(Locale.ROOT) : data;
  }

  private static void check(String path, String type, Record record) {
    if (NAME_TARGETS.contains(type)) {
      Name target =
          switch (record) {
            case CNAMERecord r -> r.getTarget();
            case MXRecord r -> r.getTarget();
            case SRVRecord r -> r.getTarget();
            case NSRecord r -> r.getTarget();
            case PTRRecord r -> r.getTarget();
            default -> throw new IllegalStateException("no target for " + type);
          };
      if (DnsNames.isAddress(target)) {
        throw InvalidZoneException.of(
            path, "the " + type + " target must be a host name, not an address");
      }
    }
    if (record instanceof CAARecord caa) {
      checkCaa(path, caa);
    }
  }

  private static void checkCaa(String path, CAARecord caa) {
    if (caa.getFlags() != 0 && caa.getFlags() != CAARecord.Flags.IssuerCritical) {
      throw InvalidZoneException.of(path, "CAA flags must be 0 or 128");
    }
    String tag = caa.getTag().toLowerCase(Locale.ROOT);
    if (!CAA_TAGS.contains(tag)) {
      throw InvalidZoneException.of(
          path, "CAA tag must be one of " + CAA_TAGS.stream().sorted().toList());
    }
    String value = caa.getValue();
    if (tag.equals("iodef")) {
      if (!(value.startsWith("mailto:")
          || value.startsWith("https://")
          || value.startsWith("http://"))) {
        throw InvalidZoneException.of(path, "a CAA iodef value is a mailto: or http(s):// URL");
      }
      return;
    }
    // issue, issuewild, issuemail: [issuer-domain] *(";" parameter)
    String[] parts = value.split(";", -1);
    String issuer = parts[0].strip();
    if (!issuer.isEmpty() && !CAA_ISSUER.matcher(issuer.toLowerCase(Locale.ROOT)).matches()) {
      throw InvalidZoneException.of(
          path, "a CAA " + tag + " value starts with the CA's domain (letsencrypt.org) or ;");
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      if (!parameter.isEmpty() && !CAA_PARAMETER.matcher(parameter).matches()) {
        throw InvalidZoneException.of(path, "CAA parameter '" + parameter + "' is not key=value");
      }
    }
  }

  private static String reason(Exception e) {
    String message = e.getMessage() == null ? "unreadable" : e.getMessage();
    // dnsjava prefixes the tokenizer's source name; keep the reason only
    int colon = message.indexOf("': ");
    String out = colon >= 0 ? message.substring(colon + 3) : message;
    return out.length() > 200 ? out.substring(0, 200) : out;
  }

  static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
