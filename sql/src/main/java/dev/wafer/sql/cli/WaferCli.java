package dev.wafer.sql.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ./wafer} command line: dispatches to one sub-command per job. */
@Command(
    name = "wafer",
    mixinStandardHelpOptions = true,
    versionProvider = WaferCli.Version.class,
    description = "SQL over partitioned Arrow semiconductor test results.",
    subcommands = {CommandLine.HelpCommand.class, QueryCommand.class, ExplainCommand.class,
        ShellCommand.class})
public final class WaferCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** Builds the command line with all sub-commands; tests use it to run commands in-process. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new WaferCli());
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reports the version baked into the jar manifest, or "dev" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = WaferCli.class.getPackage().getImplementationVersion();
      return new String[] {"wafer " + (v == null ? "dev" : v)};
    }
  }
}
