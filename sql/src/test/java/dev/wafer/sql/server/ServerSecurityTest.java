package dev.wafer.sql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wafer.sql.testing.DifferentialData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authentication, TLS and /metrics. */
class ServerSecurityTest {
  static final String PASSWORD = "correct horse 42";
  @TempDir static Path dir;
  static DifferentialData data;
  static Path users;

  @BeforeAll
  static void setUp() throws Exception {
    data = DifferentialData.create(dir, 5L);
    users = dir.resolve("users");
    // few rounds: the test checks the mechanism, not the cost
    UsersFile.read(users).with("ana", PasswordHash.create(PASSWORD.toCharArray(), 1000)).write();
  }

  @AfterAll
  static void tearDown() throws Exception {
    data.close();
  }

  @Test
  void theUsersFileStoresNoPasswordAndChecksIt() throws Exception {
    String text = java.nio.file.Files.readString(users);
    assertThat(text).contains("ana:pbkdf2-sha256$").doesNotContain(PASSWORD);
    PasswordHash h = UsersFile.read(users).hash("ana").orElseThrow();
    assertThat(h.matches(PASSWORD.toCharArray())).isTrue();
    assertThat(h.matches("wrong".toCharArray())).isFalse();
  }

  @Test
  void aRightPasswordConnectsAndAWrongOneGets401LoggedWithoutThePassword() throws Exception {
    try (WaferServer server = WaferServer.start(ServerFixture.config(data.arrowRoot()).withUsers(users))) {
      try (Connection c = ServerFixture.connect(server, "ana", PASSWORD);
          Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM specs")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(5);
      }
      String base = "http://127.0.0.1:" + server.port() + "/";
      assertThat(status(base, null)).isEqualTo(401);
      PrintStream err = System.err;
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      try {
        assertThat(status(base, "ana:not-the-password")).isEqualTo(401);
        assertThatThrownBy(() -> ServerFixture.connect(server, "ana", "not-the-password").createStatement()
            .executeQuery("SELECT 1")).hasStackTraceContaining("401");
      } finally {
        System.setErr(err);
      }
      String log = captured.toString(StandardCharsets.UTF_8);
      assertThat(log).contains("authentication failed for user 'ana'").doesNotContain("not-the-password");
      assertThat(metrics(base + "metrics", "ana:" + PASSWORD)).contains("wafer_auth_failures_total 2.0")
          .contains("wafer_queries_total{outcome=\"ok\"}").contains("wafer_query_duration_seconds_bucket")
          .contains("wafer_arrow_allocated_bytes").contains("wafer_running_queries");
    }
  }

  @Test
  void bindingBeyondLoopbackWithoutUsersIsRefused() {
    assertThatThrownBy(() -> WaferServer.start(ServerFixture.config(data.arrowRoot()).withAddress("0.0.0.0", 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requires authentication");
  }

  @Test
  void tlsServesHttpsToAClientTrustingTheCertificate() throws Exception {
    Path keystore = dir.resolve("server.p12");
    Path cert = dir.resolve("server.crt");
    Path truststore = dir.resolve("trust.p12");
    keytool("-genkeypair", "-alias", "wafer", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", keystore.toString(),
        "-storetype", "PKCS12", "-storepass", "changeit");
    keytool("-exportcert", "-alias", "wafer", "-keystore", keystore.toString(), "-storepass", "changeit",
        "-rfc", "-file", cert.toString());
    keytool("-importcert", "-noprompt", "-alias", "wafer", "-file", cert.toString(), "-keystore",
        truststore.toString(), "-storetype", "PKCS12", "-storepass", "trustpw");
    ServerConfig config = ServerFixture.config(data.arrowRoot()).withUsers(users)
        .withTls(new ServerConfig.Tls(keystore, "changeit"));
    try (WaferServer server = WaferServer.start(config)) {
      assertThat(server.url()).startsWith("jdbc:avatica:remote:url=https://");
      Properties p = new Properties();
      p.setProperty("authentication", "BASIC");
      p.setProperty("avatica_user", "ana");
      p.setProperty("avatica_password", PASSWORD);
      p.setProperty("truststore", truststore.toString());
      p.setProperty("truststore_password", "trustpw");
      try (Connection c = DriverManager.getConnection(server.url(), p); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(DISTINCT test_name) FROM test_results")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(5);
      }
      // plain HTTP to the TLS port gets no Avatica answer
      assertThatThrownBy(() -> {
        int code = status("http://127.0.0.1:" + server.port() + "/", "ana:" + PASSWORD);
        assertThat(code).isNotEqualTo(200);
        throw new java.io.IOException("status " + code);
      }).isInstanceOf(java.io.IOException.class);
    }
  }

  static void keytool(String... args) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> cmd = new java.util.ArrayList<>(List.of(keytool.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }

  static int status(String url, String userPassword) throws Exception {
    HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    if (userPassword != null) {
      c.setRequestProperty("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8)));
    }
    c.getOutputStream().write(new byte[0]);
    try {
      return c.getResponseCode();
    } finally {
      c.disconnect();
    }
  }

  static String metrics(String url, String userPassword) throws Exception {
    HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
    c.setRequestProperty("Authorization",
        "Basic " + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8)));
    assertThat(c.getResponseCode()).isEqualTo(200);
    try (var in = c.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
