package dev.wafer.functions.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.functions.FunctionRegistry;
import dev.wafer.functions.docs.FunctionDocs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/functions.md must be exactly what the metadata renders. Run with
 * {@code -Dwafer.docs.write=true} to rewrite it after changing a function's metadata.
 */
class FunctionDocsTest {
  private static final Path DOC = Path.of(System.getProperty("basedir", ".")).resolve("../docs/functions.md").normalize();

  @Test
  void docsAreInSyncWithTheMetadata() throws Exception {
    String rendered = FunctionDocs.render(FunctionRegistry.classpath());
    if (Boolean.getBoolean("wafer.docs.write")) {
      Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
    }
    assertThat(DOC).as("docs/functions.md exists (regenerate with -Dwafer.docs.write=true)").exists();
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/functions.md is stale: rerun with -Dwafer.docs.write=true").isEqualTo(rendered);
  }

  @Test
  void everyFunctionIsDocumentedWithSignatureDefinitionConventionAndExample() {
    String rendered = FunctionDocs.render(FunctionRegistry.classpath());
    for (var f : FunctionRegistry.classpath().functions()) {
      assertThat(rendered).contains("### " + f.name() + "\n");
      assertThat(f.definition()).as(f.name() + " definition").isNotBlank();
      assertThat(f.conventions()).as(f.name() + " conventions").isNotBlank();
      assertThat(f.description()).as(f.name() + " description").isNotBlank();
    }
  }
}
