package io.vigie.benchmarks;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A fleet of hosts exposing what node_exporter exposes (per-CPU mode counters, load, memory,
 * filesystems, network devices, disks, sockets, vmstat...), about 300 series per host, as a
 * Prometheus server scraping them would remote-write them.
 *
 * <p>Each series' labels (sorted by name, as remote_write requires) are encoded to protobuf once:
 * building a request then only appends the pre-encoded label block and one sample per series, so
 * the load generator spends its CPU on sending, not on re-encoding the same strings.
 */
final class NodeExporterFleet {

  private static final String[] DATACENTERS = {"PAR-DC2", "PAR-DC3", "LIL-DC5"};
  private static final String[] CPU_MODES = {
    "idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user"
  };
  private static final String[] MEMORY = {
    "MemTotal",
    "MemFree",
    "MemAvailable",
    "Buffers",
    "Cached",
    "SwapCached",
    "Active",
    "Inactive",
    "Active_anon",
    "Inactive_anon",
    "Active_file",
    "Inactive_file",
    "Unevictable",
    "Mlocked",
    "SwapTotal",
    "SwapFree",
    "Dirty",
    "Writeback",
    "AnonPages",
    "Mapped",
    "Shmem",
    "KReclaimable",
    "Slab",
    "SReclaimable",
    "SUnreclaim",
    "KernelStack",
    "PageTables",
    "NFS_Unstable",
    "Bounce",
    "WritebackTmp",
    "CommitLimit",
    "Committed_AS",
    "VmallocTotal",
    "VmallocUsed",
    "VmallocChunk",
    "Percpu",
    "HardwareCorrupted",
    "AnonHugePages",
    "ShmemHugePages",
    "HugePages_Total",
    "HugePages_Free",
    "Hugepagesize",
    "DirectMap4k",
    "DirectMap2M",
    "DirectMap1G"
  };
  private static final String[][] FILESYSTEMS = {
    {"/dev/md0", "ext4", "/"},
    {"/dev/md1", "ext4", "/boot"},
    {"/dev/md2", "xfs", "/var/lib/mysql"},
    {"/dev/md3", "xfs", "/srv"}
  };
  private static final String[] NETWORK_DEVICES = {"eno1", "eno2", "lo"};
  private static final String[] DISKS = {"sda", "sdb", "nvme0n1"};
  private static final String[] MISC = {
    "node_boot_time_seconds",
    "node_time_seconds",
    "node_context_switches_total",
    "node_forks_total",
    "node_intr_total",
    "node_procs_running",
    "node_procs_blocked",
    "node_entropy_available_bits",
    "node_filefd_allocated",
    "node_filefd_maximum",
    "node_sockstat_TCP_inuse",
    "node_sockstat_TCP_tw",
    "node_sockstat_TCP_alloc",
    "node_sockstat_TCP_orphan",
    "node_sockstat_UDP_inuse",
    "node_sockstat_sockets_used",
    "node_netstat_Tcp_ActiveOpens",
    "node_netstat_Tcp_PassiveOpens",
    "node_netstat_Tcp_CurrEstab",
    "node_netstat_Tcp_RetransSegs",
    "node_netstat_Tcp_InSegs",
    "node_netstat_Tcp_OutSegs",
    "node_netstat_TcpExt_ListenDrops",
    "node_netstat_TcpExt_ListenOverflows",
    "node_netstat_Udp_InDatagrams",
    "node_netstat_Udp_OutDatagrams",
    "node_netstat_Udp_InErrors",
    "node_vmstat_pgfault",
    "node_vmstat_pgmajfault",
    "node_vmstat_pswpin",
    "node_vmstat_pswpout",
    "node_vmstat_pgpgin",
    "node_vmstat_pgpgout",
    "node_vmstat_oom_kill",
    "node_timex_offset_seconds",
    "node_timex_sync_status",
    "node_timex_maxerror_seconds",
    "node_textfile_scrape_error",
    "node_pressure_cpu_waiting_seconds_total",
    "node_pressure_io_stalled_seconds_total",
    "node_pressure_io_waiting_seconds_total",
    "node_pressure_memory_stalled_seconds_total",
    "node_pressure_memory_waiting_seconds_total",
    "up",
    "scrape_duration_seconds",
    "scrape_samples_scraped",
    "scrape_series_added"
  };

  /** One series of one host: its encoded labels and how its value moves. */
  record SeriesTemplate(byte[] labels, boolean counter, double start, double step) {}

  private final List<List<SeriesTemplate>> hosts;
  private final int seriesPerHost;

  NodeExporterFleet(int hostCount, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<List<SeriesTemplate>> all = new ArrayList<>(hostCount);
    for (int h = 0; h < hostCount; h++) {
      all.add(host(h, random));
    }
    this.hosts = all;
    this.seriesPerHost = all.isEmpty() ? 0 : all.get(0).size();
  }

  int hostCount() {
    return hosts.size();
  }

  int seriesPerHost() {
    return seriesPerHost;
  }

  int seriesCount() {
    return hosts.stream().mapToInt(List::size).sum();
  }

  List<SeriesTemplate> host(int index) {
    return hosts.get(index);
  }

  private static List<SeriesTemplate> host(int index, SplittableRandom random) {
    String datacenter = DATACENTERS[index % DATACENTERS.length];
    Map<String, String> host = new TreeMap<>();
    host.put("instance", String.format("srv-%04d.%s.example.net:9100", index, datacenter));
    host.put("job", "node");
    host.put("datacenter", datacenter);
    host.put("vigie_server_id", new UUID(0x0195f0c61f537a43L, random.nextLong()).toString());
    List<SeriesTemplate> series = new ArrayList<>();
    for (int cpu = 0; cpu < 8; cpu++) {
      for (String mode : CPU_MODES) {
        double step = mode.equals("idle") ? 0.8 : mode.equals("user") ? 0.12 : 0.01;
        series.add(
            counter(
                host,
                random,
                step,
                "node_cpu_seconds_total",
                "cpu",
                Integer.toString(cpu),
                "mode",
                mode));
      }
      series.add(
          gauge(host, random, 2.4e9, "node_cpu_frequency_hertz", "cpu", Integer.toString(cpu)));
      series.add(
          counter(host, random, 0.2, "node_schedstat_running_seconds_total", "cpu", "" + cpu));
      series.add(
          counter(host, random, 0.05, "node_schedstat_waiting_seconds_total", "cpu", "" + cpu));
    }
    series.add(gauge(host, random, 0.8, "node_load1"));
    series.add(gauge(host, random, 0.7, "node_load5"));
    series.add(gauge(host, random, 0.6, "node_load15"));
    for (String memory : MEMORY) {
      series.add(gauge(host, random, 8.0e9, "node_memory_" + memory + "_bytes"));
    }
    for (String[] fs : FILESYSTEMS) {
      for (String metric :
          new String[] {
            "node_filesystem_avail_bytes", "node_filesystem_free_bytes",
            "node_filesystem_size_bytes", "node_filesystem_files",
            "node_filesystem_files_free", "node_filesystem_readonly",
            "node_filesystem_device_error"
          }) {
        series.add(
            gauge(
                host,
                random,
                1.0e11,
                metric,
                "device",
                fs[0],
                "fstype",
                fs[1],
                "mountpoint",
                fs[2]));
      }
    }
    for (String device : NETWORK_DEVICES) {
      for (String direction : new String[] {"receive", "transmit"}) {
        for (String what : new String[] {"bytes", "packets", "errs", "drop"}) {
          double step = what.equals("bytes") ? 1.0e6 : what.equals("packets") ? 900 : 0.01;
          series.add(
              counter(
                  host,
                  random,
                  step,
                  "node_network_" + direction + "_" + what + "_total",
                  "device",
                  device));
        }
      }
      series.add(gauge(host, random, 1, "node_network_up", "device", device));
      series.add(gauge(host, random, 1500, "node_network_mtu_bytes", "device", device));
      series.add(gauge(host, random, 1.25e9, "node_network_speed_bytes", "device", device));
    }
    for (String disk : DISKS) {
      for (String metric :
          new String[] {
            "reads_completed",
            "writes_completed",
            "read_bytes",
            "written_bytes",
            "read_time_seconds",
            "write_time_seconds",
            "io_time_seconds",
            "io_time_weighted_seconds",
            "reads_merged",
            "writes_merged"
          }) {
        series.add(counter(host, random, 150, "node_disk_" + metric + "_total", "device", disk));
      }
      series.add(gauge(host, random, 1, "node_disk_io_now", "device", disk));
    }
    for (int chip = 0; chip < 2; chip++) {
      for (int sensor = 1; sensor <= 3; sensor++) {
        series.add(
            gauge(
                host,
                random,
                45,
                "node_hwmon_temp_celsius",
                "chip",
                "platform_coretemp_" + chip,
                "sensor",
                "temp" + sensor));
      }
    }
    for (String metric : MISC) {
      series.add(
          metric.endsWith("_total")
              ? counter(host, random, 50, metric)
              : gauge(host, random, 10, metric));
    }
    series.add(
        gauge(
            host,
            random,
            1,
            "node_uname_info",
            "machine",
            "x86_64",
            "release",
            "6.1.0-28-amd64",
            "sysname",
            "Linux"));
    return series;
  }

  private static SeriesTemplate counter(
      Map<String, String> host,
      SplittableRandom random,
      double step,
      String name,
      String... labels) {
    return new SeriesTemplate(
        encode(host, name, labels),
        true,
        random.nextDouble() * 1.0e6,
        step * random.nextDouble(0.5, 1.5));
  }

  private static SeriesTemplate gauge(
      Map<String, String> host,
      SplittableRandom random,
      double level,
      String name,
      String... labels) {
    return new SeriesTemplate(
        encode(host, name, labels), false, level * random.nextDouble(0.2, 1.0), level * 0.01);
  }

  /**
   * The TimeSeries' repeated Label fields (field 1) of series {@code name} with the {@code host}
   * labels and the metric's own {@code pairs} (name, value, name, value...), sorted by label name.
   */
  static byte[] encode(Map<String, String> host, String name, String... pairs) {
    Map<String, String> labels = new TreeMap<>(host);
    labels.put("__name__", name);
    for (int i = 0; i < pairs.length; i += 2) {
      labels.put(pairs[i], pairs[i + 1]);
    }
    int size = 0;
    for (Map.Entry<String, String> label : labels.entrySet()) {
      int inner = labelSize(label);
      size += 1 + CodedOutputStream.computeUInt32SizeNoTag(inner) + inner;
    }
    byte[] out = new byte[size];
    CodedOutputStream stream = CodedOutputStream.newInstance(out);
    try {
      for (Map.Entry<String, String> label : labels.entrySet()) {
        stream.writeTag(1, 2);
        stream.writeUInt32NoTag(labelSize(label));
        stream.writeString(1, label.getKey());
        stream.writeString(2, label.getValue());
      }
      stream.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static int labelSize(Map.Entry<String, String> label) {
    return CodedOutputStream.computeStringSize(1, label.getKey())
        + CodedOutputStream.computeStringSize(2, label.getValue());
  }
}
