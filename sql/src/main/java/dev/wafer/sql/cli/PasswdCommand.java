package dev.wafer.sql.cli;

import dev.wafer.sql.server.PasswordHash;
import dev.wafer.sql.server.UsersFile;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wafer passwd --users FILE NAME}: adds a user to the server's users file or changes its
 * password. The password is read from the terminal (twice) or, with {@code --password-stdin}, from
 * the first line of standard input; only its PBKDF2 hash is written.
 */
@Command(name = "passwd", mixinStandardHelpOptions = true,
    description = "Add a server user or change a password in a users file (stores a PBKDF2 hash).")
public final class PasswdCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--users", required = true, paramLabel = "FILE", description = "Users file (created if missing).")
  Path users;

  @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
  boolean fromStdin;

  @Option(names = "--iterations", defaultValue = "" + PasswordHash.DEFAULT_ITERATIONS, paramLabel = "N",
      description = "PBKDF2 rounds (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Parameters(index = "0", paramLabel = "NAME", description = "User name.")
  String name;

  @Override
  public Integer call() throws Exception {
    try {
      UsersFile.checkName(name);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 2;
    }
    char[] password = fromStdin ? readStdin() : readConsole();
    if (password == null) {
      return 2;
    }
    if (password.length < 8) {
      spec.commandLine().getErr().println("error: the password must have at least 8 characters");
      return 2;
    }
    UsersFile file = UsersFile.read(users);
    boolean existed = file.hash(name).isPresent();
    file.with(name, PasswordHash.create(password, iterations)).write();
    Arrays.fill(password, '\0');
    spec.commandLine().getOut().println((existed ? "changed password of " : "added user ") + name + " in " + users);
    return 0;
  }

  private char[] readStdin() throws java.io.IOException {
    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (line == null) {
      spec.commandLine().getErr().println("error: no password on standard input");
      return null;
    }
    return line.toCharArray();
  }

  private char[] readConsole() {
    Console console = System.console();
    if (console == null) {
      spec.commandLine().getErr().println("error: no terminal; use --password-stdin");
      return null;
    }
    char[] first = console.readPassword("password for %s: ", name);
    char[] second = console.readPassword("again: ");
    if (first == null || !Arrays.equals(first, second)) {
      spec.commandLine().getErr().println("error: the passwords differ");
      return null;
    }
    Arrays.fill(second, '\0');
    return first;
  }
}
