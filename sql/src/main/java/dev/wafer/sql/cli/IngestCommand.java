package dev.wafer.sql.cli;

import dev.wafer.adapter.dataset.FileFormat;
import dev.wafer.adapter.dataset.PartitionSpecException;
import dev.wafer.adapter.dataset.WriteMode;
import dev.wafer.adapter.dataset.WriteOptions;
import dev.wafer.adapter.dataset.WriteResult;
import dev.wafer.adapter.ingest.FileIngester;
import dev.wafer.adapter.ingest.FileOutcome;
import dev.wafer.adapter.ingest.IngestFormat;
import dev.wafer.adapter.ingest.IngestJob;
import dev.wafer.adapter.ingest.IngestReport;
import dev.wafer.adapter.ingest.InputPaths;
import dev.wafer.adapter.ingest.csv.CsvIngester;
import dev.wafer.adapter.ingest.csv.CsvOptions;
import dev.wafer.adapter.ingest.parquet.ParquetIngester;
import dev.wafer.adapter.ingest.stdf.StdfIngester;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wafer ingest}: loads STDF, CSV or Parquet files into a Wafer table, in parallel, with a
 * summary of every file that could not be read. Exit status: 0 all files ingested, 1 some file
 * failed (the good ones are written) or the write failed, 2 bad arguments.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Ingest STDF V4, CSV or Parquet files into a partitioned Wafer table.")
public final class IngestCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--from", required = true, arity = "1..*", paramLabel = "PATH",
      description = "Input files, directories (searched recursively) or globs; .gz/.bz2 read transparently.")
  List<String> from;

  @Option(names = "--out", required = true, description = "Dataset root directory to write.")
  Path out;

  @Option(names = "--table", defaultValue = "test_results",
      description = "Table to write (STDF also writes stdf_parts and stdf_bins). Default: ${DEFAULT-VALUE}.")
  String table;

  @Option(names = "--format", description = "stdf, csv or parquet. Default: told by the file names.")
  String format;

  @Option(names = "--partition-by", defaultValue = "none", description = {
      "Partition spec, e.g. lot_id or test_date or ts:day,wafer_id:hash(4). Default: ${DEFAULT-VALUE}."})
  String partitionBy;

  @Option(names = "--mode", defaultValue = "create",
      description = "create (fail if the table exists), append or overwrite. Default: ${DEFAULT-VALUE}.")
  String mode;

  @Option(names = "--on-error", defaultValue = "fail",
      description = "CSV rows that do not parse: skip (and count) or fail the file. Default: ${DEFAULT-VALUE}.")
  String onError;

  @Option(names = "--schema", description = "CSV column types overriding inference, e.g. 'lot:VARCHAR,x:INTEGER,ts:TIMESTAMP'.")
  String schema;

  @Option(names = "--encoding", defaultValue = "UTF-8", description = "CSV character encoding. Default: ${DEFAULT-VALUE}.")
  String encoding;

  @Option(names = "--delimiter", defaultValue = ",", description = "CSV field delimiter. Default: '${DEFAULT-VALUE}'.")
  char delimiter;

  @Option(names = "--output-format", defaultValue = "arrow", description = "arrow or parquet. Default: ${DEFAULT-VALUE}.")
  String outputFormat;

  @Option(names = "--threads", description = "Files read at once. Default: number of cores.")
  Integer threads;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    IngestFormat inputFormat;
    List<Path> files;
    WriteOptions options;
    FileIngester<?> ingester;
    try {
      inputFormat = format != null ? IngestFormat.parse(format) : detect(from);
      files = InputPaths.expand(from, inputFormat::accepts);
      options = WriteOptions.defaults().withFormat(FileFormat.parse(outputFormat))
          .withMode(WriteMode.parse(mode));
      ingester = ingester(inputFormat);
    } catch (IllegalArgumentException | IOException e) {
      err.println("wafer ingest: " + e.getMessage());
      return 2;
    }
    int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    IngestReport report;
    long start = System.nanoTime();
    try (BufferAllocator allocator = new RootAllocator();
        Progress progress = Progress.start("ingest", 2L * files.size(), " steps", quiet, err)) {
      AtomicLong steps = new AtomicLong();
      IngestJob.Listener listener = new IngestJob.Listener() {
        @Override
        public void scanned(Path file) {
          progress.update(steps.incrementAndGet());
        }

        @Override
        public void written(Path file) {
          progress.update(steps.incrementAndGet());
        }
      };
      report = run(ingester, files, new IngestJob.Target(out, table, partitionBy, options,
          Math.max(1, workers)), allocator, listener);
    } catch (PartitionSpecException e) {
      err.println("wafer ingest: " + e.getMessage());
      return 2;
    }
    printSummary(report, (System.nanoTime() - start) / 1e9, stdout, err);
    return report.failures().isEmpty() ? 0 : 1;
  }

  private static <S extends FileIngester.Scan> IngestReport run(FileIngester<S> ingester,
      List<Path> files, IngestJob.Target target, BufferAllocator allocator,
      IngestJob.Listener listener) throws IOException {
    return IngestJob.run(ingester, files, target, allocator, listener);
  }

  private FileIngester<?> ingester(IngestFormat f) {
    return switch (f) {
      case STDF -> new StdfIngester();
      case CSV -> new CsvIngester(CsvOptions.parse(encoding, schema, onError, delimiter));
      case PARQUET -> new ParquetIngester();
    };
  }

  /** The format told by the first named file, or by the first file inside a named directory. */
  private static IngestFormat detect(List<String> args) throws IOException {
    for (String a : args) {
      Path p = Path.of(a);
      IngestFormat f = IngestFormat.detect(p.getFileName() == null ? a : p.getFileName().toString());
      if (f != null) {
        return f;
      }
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          IngestFormat inside = s.filter(Files::isRegularFile)
              .map(x -> IngestFormat.detect(x.getFileName().toString()))
              .filter(x -> x != null).findFirst().orElse(null);
          if (inside != null) {
            return inside;
          }
        }
      }
    }
    throw new IllegalArgumentException("cannot tell the input format from the file names; use --format stdf|csv|parquet");
  }

  private static void printSummary(IngestReport report, double seconds, PrintWriter out, PrintWriter err) {
    for (Map.Entry<String, WriteResult> t : report.tables().entrySet()) {
      out.printf(Locale.ROOT, "%-14s %,d rows in %d files%n", t.getKey(), t.getValue().rows(),
          t.getValue().files().size());
    }
    long ok = report.files().stream().filter(FileOutcome::ok).count();
    out.printf(Locale.ROOT, "ingested %d of %d input files, %,d rows in %.2f s%n", ok,
        report.files().size(), report.rows(), seconds);
    if (report.skippedRows() > 0) {
      out.printf(Locale.ROOT, "skipped %,d bad rows (--on-error skip)%n", report.skippedRows());
    }
    if (!report.failures().isEmpty()) {
      err.printf(Locale.ROOT, "%d file(s) failed and were not ingested:%n", report.failures().size());
      for (FileOutcome f : report.failures()) {
        err.println("  " + f.error().getMessage());
      }
    }
  }
}
