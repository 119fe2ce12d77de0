package io.vigie.dns.provider;

import io.vigie.dns.zone.Plan;
import io.vigie.dns.zone.RecordSet;
import io.vigie.dns.zone.ZoneFiles;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * RFC 1035 zone files for a server that loads them (NSD, a hidden primary): one file per zone,
 * {@code <directory>/<zone>zone} (e.g. {@code lumiere-demo.com.zone}), written atomically (a
 * temporary file renamed over the old one) with Vigie's serial, then the reload command is run
 * ({@code {zone}} and {@code {file}} replaced). When the server's DNS address is known, the apply
 * waits until it answers the new serial. A reload that fails puts the previous file back, so the
 * file never holds a change the server refused. The file is the provider's copy: a change made to
 * it behind Vigie's back is read as drift.
 */
public final class ZoneFileProvider implements DnsProvider {

  private final String name;
  private final Path directory;
  private final List<String> reloadCommand;
  private final InetSocketAddress server;
  private final Duration timeout;

  /**
   * @param reloadCommand the command and its arguments; {@code {zone}} and {@code {file}} are
   *     replaced
   * @param server where the server answers DNS, to wait for the serial; null not to wait
   */
  public ZoneFileProvider(
      String name,
      Path directory,
      List<String> reloadCommand,
      InetSocketAddress server,
      Duration timeout) {
    this.name = name;
    this.directory = directory;
    this.reloadCommand = List.copyOf(reloadCommand);
    this.server = server;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return name;
  }

  /** The zone's file. Zone names hold only letters, digits, hyphens and underscores per label. */
  public Path file(Name zone) {
    return directory.resolve(zone.toString().toLowerCase(java.util.Locale.ROOT) + "zone");
  }

  @Override
  public ServedZone read(Name zone) throws ProviderException {
    Path file = file(zone);
    if (!Files.exists(file)) {
      return null;
    }
    List<Record> records = new ArrayList<>();
    Long serial = null;
    try (Master master = new Master(file.toString(), zone)) {
      Record record;
      while ((record = master.nextRecord()) != null) {
        if (record instanceof SOARecord soa) {
          serial = soa.getSerial();
        }
        records.add(record);
      }
    } catch (IOException | RuntimeException e) {
      throw new ProviderException(name + " cannot read " + file + ": " + e.getMessage(), e);
    }
    if (serial == null) {
      throw new ProviderException(name + ": " + file + " has no SOA");
    }
    return new ServedZone(serial, RecordSets.of(records));
  }

  @Override
  public Plan apply(Name zone, SOARecord soa, List<RecordSet> desired) throws ProviderException {
    ServedZone written = read(zone);
    Plan plan = Plan.between(desired, written == null ? List.of() : written.recordSets());
    boolean current = written != null && plan.isEmpty() && written.serial() == soa.getSerial();
    if (current && (server == null || servedSerial(zone) == soa.getSerial())) {
      return plan;
    }
    publish(zone, soa, desired, current);
    return plan;
  }

  @Override
  public Plan remove(Name zone, SOARecord soa) throws ProviderException {
    ServedZone written = read(zone);
    if (written == null) {
      return new Plan(List.of());
    }
    // the zone stays configured on the server: it keeps its SOA and apex NS, nothing else
    List<RecordSet> apexNs =
        written.recordSets().stream()
            .filter(s -> s.type().equals("NS") && s.name().equals(zone.toString()))
            .toList();
    return apply(zone, soa, apexNs);
  }

  /** Writes the file (unless it is already current) and has the server load it. */
  private void publish(Name zone, SOARecord soa, List<RecordSet> desired, boolean current)
      throws ProviderException {
    Path file = file(zone);
    Path previous = file.resolveSibling(file.getFileName() + ".previous");
    boolean replaced = false;
    try {
      if (!current) {
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        Files.writeString(temporary, ZoneFiles.write(zone, soa, desired), StandardCharsets.UTF_8);
        if (Files.exists(file)) {
          Files.copy(file, previous, StandardCopyOption.REPLACE_EXISTING);
          replaced = true;
        }
        move(temporary, file);
      }
      reload(zone, file);
      awaitSerial(zone, soa.getSerial());
      Files.deleteIfExists(previous);
    } catch (IOException | ProviderException e) {
      if (replaced) {
        try {
          move(previous, file);
        } catch (IOException restore) {
          e.addSuppressed(restore);
        }
      }
      throw e instanceof ProviderException p
          ? p
          : new ProviderException(name + " cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void reload(Name zone, Path file) throws ProviderException {
    if (reloadCommand.isEmpty()) {
      return;
    }
    List<String> command =
        reloadCommand.stream()
            .map(a -> a.replace("{zone}", zone.toString()).replace("{file}", file.toString()))
            .toList();
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new ProviderException(
            name + ": the reload command did not finish within " + timeout + ": " + command);
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new ProviderException(
            name
                + ": the reload command failed (exit "
                + process.exitValue()
                + "): "
                + output.strip());
      }
    } catch (IOException e) {
      throw new ProviderException(name + ": the reload command cannot run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(name + ": interrupted", e);
    }
  }

  /** Waits (bounded by the timeout) until the server answers {@code serial}. */
  private void awaitSerial(Name zone, long serial) throws ProviderException {
    if (server == null) {
      return;
    }
    Instant deadline = Instant.now().plus(timeout);
    long served = servedSerial(zone);
    while (served != serial) {
      if (Instant.now().isAfter(deadline)) {
        throw new ProviderException(
            name + " still answers serial " + served + " for " + zone + ", not " + serial);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProviderException(name + ": interrupted", e);
      }
      served = servedSerial(zone);
    }
  }

  /** The serial the server answers, -1 when it answers none. */
  private long servedSerial(Name zone) {
    try {
      SimpleResolver resolver =
          new SimpleResolver(new InetSocketAddress(server.getHostString(), server.getPort()));
      resolver.setTimeout(Duration.ofMillis(Math.min(timeout.toMillis(), 2000)));
      Message response =
          resolver.send(Message.newQuery(Record.newRecord(zone, Type.SOA, DClass.IN)));
      return response.getSection(Section.ANSWER).stream()
          .filter(SOARecord.class::isInstance)
          .mapToLong(r -> ((SOARecord) r).getSerial())
          .findFirst()
          .orElse(-1);
    } catch (IOException e) {
      return -1;
    }
  }
}
