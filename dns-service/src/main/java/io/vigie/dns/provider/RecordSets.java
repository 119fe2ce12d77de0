package io.vigie.dns.provider;

import io.vigie.dns.zone.RecordSet;
import io.vigie.dns.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** Groups records read off a server into record sets, in the form Vigie holds them. */
final class RecordSets {

  private RecordSets() {}

  /** Record sets of {@code records} other than the SOA; an RRset's TTL is its smallest one. */
  static List<RecordSet> of(List<Record> records) {
    Map<RecordSet.Key, List<Record>> sets = new LinkedHashMap<>();
    for (Record record : records) {
      if (record.getType() == Type.SOA) {
        continue;
      }
      RecordSet.Key key =
          new RecordSet.Key(
              record.getName().canonicalize().toString(), Type.string(record.getType()));
      sets.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
    }
    List<RecordSet> out = new ArrayList<>();
    sets.forEach(
        (key, members) ->
            out.add(
                new RecordSet(
                    key.name(),
                    key.type(),
                    members.stream().mapToLong(Record::getTTL).min().orElseThrow(),
                    members.stream().map(ZoneRules::canonical).toList())));
    return out;
  }
}
