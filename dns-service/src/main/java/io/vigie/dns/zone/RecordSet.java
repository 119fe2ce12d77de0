package io.vigie.dns.zone;

import java.util.List;

/**
 * One RRset as Vigie holds it and as providers serve it: the absolute owner name (lower case, with
 * the trailing dot), the type mnemonic, the TTL and the records' data in canonical presentation
 * form, sorted. Two RRsets with equal fields serve the same answers.
 */
public record RecordSet(String name, String type, long ttl, List<String> records) {

  public RecordSet {
    records = records.stream().sorted().distinct().toList();
  }

  public Key key() {
    return new Key(name, type);
  }

  /** An RRset's identity in a zone: owner name and type. */
  public record Key(String name, String type) implements Comparable<Key> {

    @Override
    public int compareTo(Key other) {
      int byName = name.compareTo(other.name);
      return byName != 0 ? byName : type.compareTo(other.type);
    }

    @Override
    public String toString() {
      return name + " " + type;
    }
  }
}
