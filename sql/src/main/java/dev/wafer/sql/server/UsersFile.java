package dev.wafer.sql.server;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server's users file: one {@code name:pbkdf2-sha256$…} line per user; blank lines and lines
 * starting with {@code #} are ignored. Passwords are never stored, only {@link PasswordHash}es.
 * Written by {@code wafer passwd}, read by {@code wafer serve --users FILE}.
 *
 * @param path where the file lives
 * @param users hashes by user name, in file order
 */
public record UsersFile(Path path, Map<String, PasswordHash> users) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

  public UsersFile {
    requireNonNull(path, "path");
    users = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(users));
  }

  /**
   * Reads a users file; a missing file is an empty one.
   *
   * @throws IOException naming the file and line of a malformed entry
   */
  public static UsersFile read(Path path) throws IOException {
    Map<String, PasswordHash> users = new LinkedHashMap<>();
    if (Files.exists(path)) {
      List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int colon = line.indexOf(':');
        String name = colon < 0 ? "" : line.substring(0, colon);
        if (!NAME.matcher(name).matches()) {
          throw new IOException(path + ":" + (i + 1) + ": expected user:" + PasswordHash.SCHEME + "$…");
        }
        try {
          users.put(name, PasswordHash.parse(line.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
          throw new IOException(path + ":" + (i + 1) + ": user " + name + ": " + e.getMessage(), e);
        }
      }
    }
    return new UsersFile(path, users);
  }

  /** Validates a user name: letters, digits, {@code _ . @ -}, at most 64. */
  public static String checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid user name '" + name + "': use letters, digits, _ . @ - (at most 64)");
    }
    return name;
  }

  /** The hash of a user, if present. */
  public Optional<PasswordHash> hash(String user) {
    return Optional.ofNullable(users.get(user));
  }

  /** A copy with {@code user} added or its hash replaced. */
  public UsersFile with(String user, PasswordHash hash) {
    Map<String, PasswordHash> copy = new LinkedHashMap<>(users);
    copy.put(checkName(user), requireNonNull(hash, "hash"));
    return new UsersFile(path, copy);
  }

  /** Writes the file atomically (temporary file, then rename), readable by the owner only where supported. */
  public void write() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# Wafer server users: name:" + PasswordHash.SCHEME + "$iterations$salt$hash (edit with wafer passwd)");
    users.forEach((u, h) -> lines.add(u + ":" + h.encode()));
    Path dir = path.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".users", ".tmp");
    try {
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: keep the default permissions
      }
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
