package dev.ipcgen.cli;

import dev.ipcgen.codegen.GeneratorVersion;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code ipcgen} command line. Exit codes: 0 success (warnings alone included), 1 errors in the
 * input, 2 usage errors, 3 an internal error (a bug: set {@code IPCGEN_DEBUG} for its stack trace).
 */
@Command(name = "ipcgen", mixinStandardHelpOptions = true, versionProvider = IpcgenCommand.Version.class,
        description = "Generates Java records, codecs, handlers and senders from .ipc files.",
        subcommands = {GenerateCommand.class, CheckCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (warnings are printed to stderr)",
            "1:errors in the input, or output that cannot be written",
            "2:usage error",
            "3:internal error (set IPCGEN_DEBUG=1 for a stack trace)"})
public final class IpcgenCommand implements Callable<Integer> {

    /** Exit code of errors in the input. */
    public static final int INPUT_ERROR = 1;
    /** Exit code of an unexpected exception. */
    public static final int INTERNAL_ERROR = 3;

    @Spec
    CommandSpec spec;

    /** Without a subcommand: the usage, as a usage error. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("ipcgen: a command is required");
        spec.commandLine().usage(err);
        return CommandLine.ExitCode.USAGE;
    }

    /** The command line with ipcgen's handling of internal errors; tests set its streams. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new IpcgenCommand());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage().lines().findFirst().orElse("");
            err.println("internal error: " + message);
            if (System.getenv("IPCGEN_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return INTERNAL_ERROR;
        });
        return cl;
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** {@code ipcgen <version>}, from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ipcgen " + GeneratorVersion.get()};
        }
    }
}
