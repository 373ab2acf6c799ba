package dev.wafer.adapter.predicate;

import dev.wafer.adapter.dataset.Derivation;
import dev.wafer.adapter.dataset.PartitionField;
import dev.wafer.adapter.dataset.PartitionTransform;
import dev.wafer.adapter.dataset.TableMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partition keys that are functions of a data column, from a table's metadata: {@code test_date =
 * day(ts)} (a {@link Derivation}) or a {@code ts:day} / {@code device_id:hash(16)} partition field.
 * A file's directory value of such a key bounds the source column inside that file, so a filter
 * on the source prunes directories: {@code ts >= TIMESTAMP '2024-01-04 00:00:00'} drops {@code
 * test_date=2024-01-03}; {@code device_id = 'D7'} keeps one bucket.
 *
 * @param derived (key, source, transform) for each derived key: day, month or hash(N)
 */
public record PartitionHints(List<Derivation> derived) {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionHints.class);
  private static final Pattern HASH = Pattern.compile("hash\\((\\d+)\\)");
  public static final PartitionHints NONE = new PartitionHints(List.of());

  public PartitionHints {
    derived = List.copyOf(derived);
  }

  /** The hints of a table directory; none when it has no readable metadata. */
  public static PartitionHints of(Path tableDir) {
    if (!TableMetadata.exists(tableDir)) {
      return NONE;
    }
    try {
      TableMetadata m = TableMetadata.read(tableDir);
      List<Derivation> out = new ArrayList<>(m.derivations());
      for (PartitionField f : m.spec().fields()) {
        PartitionTransform t = f.transform();
        if (t instanceof PartitionTransform.Day || t instanceof PartitionTransform.Month
            || t instanceof PartitionTransform.Hash) {
          out.add(new Derivation(f.key(), f.column(), t.specText()));
        }
      }
      return new PartitionHints(out);
    } catch (IOException | RuntimeException e) {
      LOG.warn("{}: partition derivations not used for pruning: {}", tableDir, e.getMessage());
      return NONE;
    }
  }

  /**
   * Narrows the range of {@code source} in a file whose directory value of a derived key is
   * {@code keyValue} (raw directory text, null for the default partition).
   *
   * @param timestamp whether the source is a TIMESTAMP (milliseconds) rather than a DATE (days)
   */
  static ColumnRange narrow(ColumnRange range, Derivation d, String keyValue, boolean timestamp) {
    if (keyValue == null) {
      return range; // the default partition may hold anything the writer could not place
    }
    String t = d.transform().toLowerCase(Locale.ROOT).trim();
    try {
      if (t.equals("day")) {
        long day = LocalDate.parse(keyValue).toEpochDay();
        return days(range, day, day + 1, timestamp);
      }
      if (t.equals("month")) {
        LocalDate first = LocalDate.parse(keyValue + "-01");
        return days(range, first.toEpochDay(), first.plusMonths(1).toEpochDay(), timestamp);
      }
      Matcher m = HASH.matcher(t);
      if (m.matches()) {
        return range.inBucket(Integer.parseInt(m.group(1)), Integer.parseInt(keyValue));
      }
    } catch (RuntimeException e) {
      LOG.debug("directory value {}={} not understood as {}; not pruned", d.column(), keyValue, t);
    }
    return range;
  }

  /** Values in days {@code [from, until)}, as days or as milliseconds. */
  private static ColumnRange days(ColumnRange range, long from, long until, boolean timestamp) {
    long ms = 86_400_000L;
    return timestamp ? range.narrow(from * ms, until * ms - 1) : range.narrow(from, until - 1);
  }
}
