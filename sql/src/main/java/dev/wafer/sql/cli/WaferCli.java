package dev.wafer.sql.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ./wafer} command line: dispatches to one sub-command per job. */
@Command(
    name = "wafer",
    mixinStandardHelpOptions = true,
    versionProvider = WaferCli.Version.class,
    description = "SQL over partitioned Arrow semiconductor test results.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      GenerateCommand.class,
      IngestCommand.class,
      PartitionsCommand.class,
      QueryCommand.class,
      ExplainCommand.class,
      ShellCommand.class,
      BenchCommand.class,
      ServeCommand.class,
      PasswdCommand.class,
    })
public final class WaferCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** Builds the command line with all sub-commands; tests use it to run commands in-process. */
  public static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new WaferCli());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      // a clean one-line error for the user; the stack trace only with -Dwafer.debug=true
      cmd.getErr().println("wafer " + cmd.getCommandName() + ": " + describe(e));
      if (Boolean.getBoolean("wafer.debug")) {
        e.printStackTrace(cmd.getErr());
      }
      return 1;
    });
    return cli;
  }

  private static String describe(Throwable e) {
    String msg = e.getMessage();
    return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : msg;
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
