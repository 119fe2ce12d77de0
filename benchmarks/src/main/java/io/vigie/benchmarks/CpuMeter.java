package io.vigie.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where the machine's CPU time went during a measured run: this JVM (load generator and Kafka
 * broker), its child processes (the service, or pgbench), the PostgreSQL server with its backends,
 * and everything else. A shared build machine shows up in {@link Usage#others()}.
 *
 * <p>The kernel may charge interrupt work (here mostly loopback networking) both to the machine's
 * irq and softirq time and to the process it interrupted, so the parts can add up to a few points
 * more than the total; {@code others} is what remains, never below zero.
 */
final class CpuMeter {

  private final long postmaster;

  private CpuMeter(long postmaster) {
    this.postmaster = postmaster;
  }

  /** Finds the PostgreSQL postmaster listening on {@code port} (it is not a child of this JVM). */
  static CpuMeter forPostgresOnPort(int port) throws IOException {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      long pid =
          procs
              .filter(p -> p.getFileName().toString().matches("\\d+"))
              .filter(p -> isPostmaster(p, port))
              .mapToLong(p -> Long.parseLong(p.getFileName().toString()))
              .min()
              .orElse(-1);
      return new CpuMeter(pid);
    }
  }

  private static boolean isPostmaster(Path proc, int port) {
    try {
      List<String> args =
          Arrays.asList(
              new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                  .split("\0"));
      int flag = args.indexOf("-p");
      return !args.isEmpty()
          && args.get(0).endsWith("/postgres")
          && flag >= 0
          && flag + 1 < args.size()
          && args.get(flag + 1).equals(Integer.toString(port));
    } catch (IOException | RuntimeException e) {
      return false; // gone, or not readable
    }
  }

  /**
   * A point in time, in clock ticks; two of them make a {@link Usage}. {@code tracked} is one
   * child's tree (the service under load), counted inside {@code children} as well.
   */
  record Sample(
      long machineBusy, long machineTotal, long jvm, long children, long postgres, long tracked) {}

  /**
   * CPU use between two samples, each as a share of all the machine's CPUs (1.0 = every CPU busy
   * all the time): {@code busy} in all, then this JVM's children, PostgreSQL, this JVM and others;
   * {@code tracked} is the tracked child's share (inside {@code children}), and the ticks fields
   * the raw CPU time of the tracked child and of PostgreSQL, in clock ticks.
   */
  record Usage(
      double busy,
      double children,
      double postgres,
      double jvm,
      double others,
      double tracked,
      long trackedTicks,
      long postgresTicks) {

    /** The children other than the tracked one: the load generator beside the service. */
    double untrackedChildren() {
      return Math.max(0, children - tracked);
    }

    /** {@code "busy: children + postgres + jvm + others"}, in % of the machine. */
    String summary() {
      return String.format(
          Locale.ROOT,
          "%.0f: %.0f + %.0f + %.0f + %.0f",
          busy * 100,
          children * 100,
          postgres * 100,
          jvm * 100,
          others * 100);
    }
  }

  Sample sample() {
    return sample(-1);
  }

  /** A sample that also reads the CPU time of process {@code trackedPid} and its descendants. */
  Sample sample(long trackedPid) {
    long[] machine = machineTicks();
    ProcessHandle self = ProcessHandle.current();
    long[] own = ticks(self.pid());
    // reaped children (a finished pgbench, a stopped service) are in this JVM's cutime + cstime
    long children = own[1] + self.children().mapToLong(CpuMeter::treeTicks).sum();
    long postgres =
        postmaster > 0 ? ProcessHandle.of(postmaster).map(CpuMeter::treeTicks).orElse(0L) : 0;
    long tracked =
        trackedPid > 0 ? ProcessHandle.of(trackedPid).map(CpuMeter::treeTicks).orElse(0L) : 0;
    return new Sample(machine[0], machine[1], own[0], children, postgres, tracked);
  }

  static Usage between(Sample start, Sample end) {
    double total = Math.max(1, end.machineTotal() - start.machineTotal());
    long busy = end.machineBusy() - start.machineBusy();
    long jvm = end.jvm() - start.jvm();
    long children = end.children() - start.children();
    long postgres = end.postgres() - start.postgres();
    long tracked = end.tracked() - start.tracked();
    return new Usage(
        busy / total,
        children / total,
        postgres / total,
        jvm / total,
        Math.max(0, busy - children - postgres - jvm) / total,
        tracked / total,
        tracked,
        postgres);
  }

  /** Clock ticks per second of the {@code /proc} times ({@code getconf CLK_TCK}, usually 100). */
  static long ticksPerSecond() {
    return Machine.exec(List.of("getconf", "CLK_TCK")).map(Long::parseLong).orElse(100L);
  }

  /** Busy and total ticks of all CPUs, from the first line of /proc/stat. */
  private static long[] machineTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal (guest time is inside user)
      long busy =
          Long.parseLong(f[1])
              + Long.parseLong(f[2])
              + Long.parseLong(f[3])
              + Long.parseLong(f[6])
              + Long.parseLong(f[7])
              + Long.parseLong(f[8]);
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {busy, busy + idle};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  /**
   * CPU ticks of a process, of its live descendants and of the children each has reaped, so a
   * child's time counts once whether it still runs or has exited.
   */
  private static long treeTicks(ProcessHandle process) {
    long[] own = ticks(process.pid());
    long descendants =
        process
            .descendants()
            .mapToLong(
                p -> {
                  long[] t = ticks(p.pid());
                  return t[0] + t[1];
                })
            .sum();
    return own[0] + own[1] + descendants;
  }

  /** {utime + stime, cutime + cstime} from /proc/PID/stat; zeros once the process is gone. */
  private static long[] ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // the command name may hold spaces: fields are counted after its closing parenthesis
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return new long[] {
        Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[13]) + Long.parseLong(f[14])
      };
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }
}
