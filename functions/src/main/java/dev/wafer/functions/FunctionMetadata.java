package dev.wafer.functions;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Machine-readable description of one SQL function, kept beside its implementation so that the
 * registry, the planner and {@code docs/functions.md} all read the same facts.
 *
 * @param name the canonical SQL name, upper case
 * @param aliases other SQL names for the same function, upper case
 * @param kind scalar, aggregate or running
 * @param signatures the accepted call shapes (one per arity)
 * @param description one sentence on what it is for
 * @param definition the formula
 * @param conventions the choices a user must know: σ convention, quantile type, NULL and edge cases
 * @param nullHandling how NULL in the first argument is treated
 * @param examples worked examples, checked by a test
 */
public record FunctionMetadata(
    String name,
    List<String> aliases,
    FunctionKind kind,
    List<Signature> signatures,
    String description,
    String definition,
    String conventions,
    NullHandling nullHandling,
    List<Example> examples) {

  public FunctionMetadata {
    name = upper(requireNonNull(name, "name is null"));
    aliases = requireNonNull(aliases, "aliases is null").stream().map(FunctionMetadata::upper).toList();
    requireNonNull(kind, "kind is null");
    signatures = List.copyOf(requireNonNull(signatures, "signatures is null"));
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException("function " + name + " has no signature");
    }
    requireNonNull(description, "description is null");
    requireNonNull(definition, "definition is null");
    requireNonNull(conventions, "conventions is null");
    requireNonNull(nullHandling, "nullHandling is null");
    examples = List.copyOf(requireNonNull(examples, "examples is null"));
  }

  /** Starts a metadata builder for the function called {@code name}. */
  public static Builder builder(String name, FunctionKind kind) {
    return new Builder(name, kind);
  }

  /** The canonical name followed by the aliases. */
  public List<String> allNames() {
    return Stream.concat(Stream.of(name), aliases.stream()).toList();
  }

  /** The signature with {@code arity} parameters, or null when the function has none. */
  public Signature signatureWithArity(int arity) {
    for (Signature s : signatures) {
      if (s.arity() == arity) {
        return s;
      }
    }
    return null;
  }

  private static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  /** Collects the fields of a {@link FunctionMetadata}; providers use it instead of the long constructor. */
  public static final class Builder {
    private final String name;
    private final FunctionKind kind;
    private List<String> aliases = List.of();
    private final ArrayList<Signature> signatures = new ArrayList<>();
    private String description = "";
    private String definition = "";
    private String conventions = "";
    private NullHandling nullHandling = NullHandling.IGNORE_NULLS;
    private final ArrayList<Example> examples = new ArrayList<>();

    private Builder(String name, FunctionKind kind) {
      this.name = requireNonNull(name, "name is null");
      this.kind = requireNonNull(kind, "kind is null");
    }

    public Builder aliases(String... aliases) {
      this.aliases = List.of(aliases);
      return this;
    }

    public Builder signature(Signature signature) {
      signatures.add(requireNonNull(signature, "signature is null"));
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder definition(String definition) {
      this.definition = definition;
      return this;
    }

    public Builder conventions(String conventions) {
      this.conventions = conventions;
      return this;
    }

    public Builder nullHandling(NullHandling nullHandling) {
      this.nullHandling = nullHandling;
      return this;
    }

    public Builder example(Example example) {
      examples.add(requireNonNull(example, "example is null"));
      return this;
    }

    public FunctionMetadata build() {
      return new FunctionMetadata(name, aliases, kind, signatures, description, definition,
          conventions, nullHandling, examples);
    }
  }
}
