package io.vigie.dns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/**
 * Random and mutated zone files and record bodies: every outcome is a result or an {@link
 * InvalidZoneException} naming a field, never another exception; whatever is accepted exports and
 * imports again to the same record sets. Seeds are fixed so a failure replays.
 */
class ZoneFuzzTest {

  private static final ZoneRules RULES = ZoneRules.standard();
  private static final Name ZONE = DnsNames.zone("name", "saint-roch-demo.fr");
  private static final Soa SOA = Soa.of("ns1.hoster-demo.net.", "hostmaster.hoster-demo.net.");
  private static final String ALPHABET =
      "abcdefghijklmnopqrstuvwxyz0123456789.-_*@$();\"\\ \t\n:/=+%é\u0000\u00ff";
  private static final String[] TOKENS = {
    "IN",
    "A",
    "AAAA",
    "MX",
    "TXT",
    "CNAME",
    "SRV",
    "CAA",
    "NS",
    "PTR",
    "SOA",
    "HINFO",
    "CH",
    "$TTL",
    "$ORIGIN",
    "$INCLUDE",
    "$GENERATE",
    "@",
    "*",
    ".",
    "(",
    ")",
    "\"",
    ";",
    "0",
    "65535",
    "4294967296",
    "-1",
    "1.2.3.4",
    "::1",
    "2001:db8::1",
    "issue",
    "iodef",
    "www",
    "x".repeat(70),
    "\\0",
    "\\999",
    "\\."
  };

  @Test
  void mutatedZoneFilesAreAcceptedOrRefusedWithAField() {
    Random random = new Random(20261129L);
    int accepted = 0;
    for (int i = 0; i < 4000; i++) {
      String text = mutate(ZoneFilesTest.SAINT_ROCH, random, 1 + random.nextInt(6));
      if (readOrRefuse(text)) {
        accepted++;
      }
    }
    // the mutations must not all be fatal, or the fuzz would only exercise the tokenizer
    assertThat(accepted).isGreaterThan(100);
  }

  @Test
  void randomZoneFilesAreAcceptedOrRefusedWithAField() {
    Random random = new Random(42L);
    for (int i = 0; i < 3000; i++) {
      StringBuilder text = new StringBuilder();
      int lines = 1 + random.nextInt(8);
      for (int l = 0; l < lines; l++) {
        int tokens = 1 + random.nextInt(7);
        for (int t = 0; t < tokens; t++) {
          text.append(random.nextBoolean() ? pick(TOKENS, random) : word(random)).append(' ');
        }
        text.append('\n');
      }
      readOrRefuse(text.toString());
    }
  }

  @Test
  void randomRecordBodiesAreAcceptedOrRefusedWithAField() {
    Random random = new Random(7L);
    List<String> types = new ArrayList<>(ZoneRules.TYPES);
    types.addAll(List.of("SOA", "HINFO", "a", "", "TYPE65534"));
    for (int i = 0; i < 20000; i++) {
      String type = types.get(random.nextInt(types.size()));
      StringBuilder body = new StringBuilder();
      int tokens = random.nextInt(6);
      for (int t = 0; t < tokens; t++) {
        body.append(random.nextBoolean() ? pick(TOKENS, random) : word(random)).append(' ');
      }
      String name = random.nextInt(4) == 0 ? pick(TOKENS, random) : word(random);
      Long ttl = random.nextInt(5) == 0 ? (long) random.nextInt(Integer.MAX_VALUE) - 10 : null;
      RecordSetInput input = new RecordSetInput(name, type, ttl, List.of(body.toString()));
      try {
        List<RecordSet> sets = RULES.check(ZONE, "recordSets", List.of(input));
        roundTrips(sets);
      } catch (InvalidZoneException e) {
        assertThat(e.toProblem(null).errors()).isNotEmpty().allMatch(f -> !f.field().isBlank());
      } catch (RuntimeException e) {
        throw new AssertionError("unexpected " + e + " for " + input, e);
      }
    }
  }

  private static boolean readOrRefuse(String text) {
    try {
      ZoneFiles.Imported imported = ZoneFiles.read(ZONE, "zoneFile", text, RULES);
      roundTrips(imported.recordSets());
      return true;
    } catch (InvalidZoneException e) {
      assertThat(e.toProblem(null).errors()).isNotEmpty();
      return false;
    } catch (RuntimeException e) {
      throw new AssertionError("unexpected " + e + " for zone file:\n" + text, e);
    }
  }

  private static void roundTrips(List<RecordSet> sets) {
    String exported = ZoneFiles.write(ZONE, SOA.record(ZONE, 2026112900L), sets);
    assertThat(ZoneFiles.read(ZONE, "zoneFile", exported, RULES).recordSets())
        .as("re-import of\n%s", exported)
        .isEqualTo(sets);
  }

  private static String mutate(String text, Random random, int times) {
    StringBuilder out = new StringBuilder(text);
    for (int m = 0; m < times; m++) {
      int at = random.nextInt(out.length());
      switch (random.nextInt(5)) {
        case 0 -> out.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 1 -> out.deleteCharAt(at);
        case 2 -> out.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 3 -> out.insert(at, " " + pick(TOKENS, random) + " ");
        default -> {
          int end = Math.min(out.length(), at + random.nextInt(40));
          out.insert(random.nextInt(out.length()), out.substring(at, end));
        }
      }
    }
    return out.toString();
  }

  private static String word(Random random) {
    int length = 1 + random.nextInt(12);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }

  private static String pick(String[] values, Random random) {
    return values[random.nextInt(values.length)];
  }
}
