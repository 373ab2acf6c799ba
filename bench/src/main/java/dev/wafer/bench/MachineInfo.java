package dev.wafer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Facts about the machine and this JVM's memory, for the benchmark report. */
final class MachineInfo {
  private MachineInfo() {}

  static String cpu() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  static String memory() {
    return procLine("/proc/meminfo", "MemTotal:");
  }

  /** Peak resident set size of this process (Java heap, Arrow buffers, DuckDB's native memory). */
  static String peakRss() {
    return procLine("/proc/self/status", "VmHWM:");
  }

  /** Sum of the peak usage of the heap's memory pools, in MB. */
  static double peakHeapMb() {
    List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
    return pools.stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1e6;
  }

  private static String procLine(String file, String key) {
    try {
      return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key)).findFirst()
          .map(l -> l.substring(key.length()).trim()).orElse("n/a");
    } catch (IOException e) {
      return "n/a";
    }
  }
}
