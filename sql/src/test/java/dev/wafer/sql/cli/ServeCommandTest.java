package dev.wafer.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.sql.server.UsersFile;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void passwdAddsAndChangesAUserWithoutStoringThePassword() throws Exception {
    Path users = dir.resolve("users.txt");
    GenerateCommandTest.Run added = withStdin("first-password\n",
        () -> GenerateCommandTest.run("passwd", "--users", users.toString(), "--password-stdin", "--iterations", "1000", "ana"));
    assertThat(added.exit()).as(added.err()).isZero();
    assertThat(added.out()).contains("added user ana");
    GenerateCommandTest.Run changed = withStdin("second-password\n",
        () -> GenerateCommandTest.run("passwd", "--users", users.toString(), "--password-stdin", "--iterations", "1000", "ana"));
    assertThat(changed.out()).contains("changed password of ana");
    assertThat(Files.readString(users)).doesNotContain("first-password").doesNotContain("second-password");
    var hash = UsersFile.read(users).hash("ana").orElseThrow();
    assertThat(hash.matches("second-password".toCharArray())).isTrue();
    assertThat(hash.matches("first-password".toCharArray())).isFalse();
    GenerateCommandTest.Run tooShort = withStdin("short\n",
        () -> GenerateCommandTest.run("passwd", "--users", users.toString(), "--password-stdin", "bob"));
    assertThat(tooShort.exit()).isEqualTo(2);
    assertThat(tooShort.err()).contains("at least 8");
  }

  @Test
  void serveRefusesAMissingDatasetAndAPublicAddressWithoutUsers() {
    GenerateCommandTest.Run missing = GenerateCommandTest.run("serve", "--data", dir.resolve("nope").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("not a directory");
    GenerateCommandTest.Run open = GenerateCommandTest.run("serve", "--data", dir.toString(), "--bind", "0.0.0.0", "--port", "0");
    assertThat(open.exit()).isEqualTo(1);
    assertThat(open.err()).contains("requires authentication").contains("wafer passwd");
  }

  private static GenerateCommandTest.Run withStdin(String text, java.util.function.Supplier<GenerateCommandTest.Run> run) {
    InputStream in = System.in;
    System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    try {
      return run.get();
    } finally {
      System.setIn(in);
    }
  }
}
