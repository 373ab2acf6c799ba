package dev.wafer.adapter.dataset;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A table's partitioning: zero or more {@link PartitionField}s, outermost directory first.
 *
 * <p>Text form (the {@code --partition-by} option), comma-separated fields:
 *
 * <pre>
 *   test_date                      list: one directory per value
 *   ts:day | ts:month              range of a DATE/TIMESTAMP column by calendar day or month
 *   test_value:range(90,110)       numeric ranges split at ascending bounds
 *   device_id:hash(16)             16 hash buckets (see {@link BucketHash})
 *   test_date,wafer_id:hash(4)     combined: days, then 4 buckets inside each day
 * </pre>
 */
public record PartitionSpec(List<PartitionField> fields) {
  private static final Pattern FIELD =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?::\\s*([a-z]+)\\s*(?:\\(([^)]*)\\))?)?\\s*");
  private static final String CHOICES =
      "valid forms: COLUMN, COLUMN:day, COLUMN:month, COLUMN:range(b1,b2,...), COLUMN:hash(N)";

  public static final PartitionSpec UNPARTITIONED = new PartitionSpec(List.of());

  public PartitionSpec {
    fields = List.copyOf(requireNonNull(fields, "fields"));
    Set<String> keys = new HashSet<>();
    for (PartitionField f : fields) {
      if (!keys.add(f.key())) {
        throw new PartitionSpecException("partition key '" + f.key() + "' appears twice");
      }
    }
  }

  public boolean isPartitioned() {
    return !fields.isEmpty();
  }

  /**
   * Parses and validates the text form against the columns of the data to be written.
   *
   * @throws PartitionSpecException naming the problem and the valid choices
   */
  public static PartitionSpec parse(String text, Schema schema) {
    requireNonNull(schema, "schema");
    if (text == null || text.isBlank() || text.equalsIgnoreCase("none")) {
      return UNPARTITIONED;
    }
    List<PartitionField> fields = new ArrayList<>();
    for (String part : splitTopLevel(text)) {
      Matcher m = FIELD.matcher(part);
      if (!m.matches()) {
        throw new PartitionSpecException("malformed partition field '" + part.trim() + "'; " + CHOICES);
      }
      String column = m.group(1);
      Field field = schema.getFields().stream()
          .filter(f -> f.getName().equals(column)).findFirst()
          .orElseThrow(() -> new PartitionSpecException("unknown partition column '" + column
              + "'; columns are: " + schema.getFields().stream().map(Field::getName)
                  .collect(Collectors.joining(", "))));
      fields.add(new PartitionField(column, transform(m.group(2), m.group(3), field, part.trim())));
    }
    return new PartitionSpec(fields);
  }

  private static PartitionTransform transform(String name, String args, Field field, String text) {
    ArrowType.ArrowTypeID type = field.getDictionary() != null
        ? ArrowType.ArrowTypeID.Utf8 : field.getType().getTypeID();
    if (name == null) {
      if (args != null) {
        throw new PartitionSpecException("malformed partition field '" + text + "'; " + CHOICES);
      }
      switch (type) {
        case Utf8: case Int: case Date: case Bool:
          return new PartitionTransform.Identity();
        default:
          throw new PartitionSpecException("cannot list-partition column '" + field.getName()
              + "' of type " + field.getType() + "; use " + field.getName() + ":day, :month, "
              + ":range(...) or :hash(N)");
      }
    }
    switch (name) {
      case "day":
      case "month":
        noArgs(name, args, text);
        if (type != ArrowType.ArrowTypeID.Date && type != ArrowType.ArrowTypeID.Timestamp) {
          throw new PartitionSpecException("'" + text + "': " + name
              + " needs a DATE or TIMESTAMP column, '" + field.getName() + "' is " + field.getType());
        }
        return name.equals("day") ? new PartitionTransform.Day() : new PartitionTransform.Month();
      case "range":
        if (type != ArrowType.ArrowTypeID.Int && type != ArrowType.ArrowTypeID.FloatingPoint) {
          throw new PartitionSpecException("'" + text + "': range needs a numeric column, '"
              + field.getName() + "' is " + field.getType());
        }
        try {
          String[] parts = requireArgs(name, args, text).split(",");
          double[] bounds = new double[parts.length];
          for (int i = 0; i < parts.length; i++) {
            bounds[i] = Double.parseDouble(parts[i].trim());
          }
          return new PartitionTransform.Range(bounds);
        } catch (NumberFormatException e) {
          throw new PartitionSpecException("'" + text + "': range bounds must be numbers");
        } catch (IllegalArgumentException e) {
          throw new PartitionSpecException("'" + text + "': " + e.getMessage());
        }
      case "hash":
        switch (type) {
          case Utf8: case Int: case Date: case Timestamp:
            break;
          default:
            throw new PartitionSpecException("'" + text + "': hash needs a string, integer, date "
                + "or timestamp column, '" + field.getName() + "' is " + field.getType());
        }
        try {
          return new PartitionTransform.Hash(Integer.parseInt(requireArgs(name, args, text).trim()));
        } catch (NumberFormatException e) {
          throw new PartitionSpecException("'" + text + "': hash(N) needs an integer N");
        } catch (IllegalArgumentException e) {
          throw new PartitionSpecException("'" + text + "': " + e.getMessage());
        }
      default:
        throw new PartitionSpecException("unknown partition transform '" + name + "' in '"
            + text + "'; " + CHOICES);
    }
  }

  private static void noArgs(String name, String args, String text) {
    if (args != null) {
      throw new PartitionSpecException("'" + text + "': " + name + " takes no arguments");
    }
  }

  private static String requireArgs(String name, String args, String text) {
    if (args == null || args.isBlank()) {
      throw new PartitionSpecException("'" + text + "': " + name + " needs arguments, e.g. "
          + (name.equals("hash") ? "hash(16)" : "range(90,110)"));
    }
    return args;
  }

  /** Splits on commas that are not inside parentheses. */
  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  @Override
  public String toString() {
    return fields.isEmpty() ? "none"
        : fields.stream().map(PartitionField::toString).collect(Collectors.joining(","));
  }
}
