package io.zkml4j.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.Map;
import picocli.CommandLine;

/**
 * Entry point of the {@code zkml4j} command line (the launcher {@code ./zkml4j} runs it). Every
 * exception ends as one line on stderr and an exit code ({@link ExitCodes}); {@code --verbose} or
 * {@code ZKML4J_DEBUG=1} adds the stack trace.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /**
     * Runs one command line and returns its exit code; never calls {@link System#exit} and never throws.
     *
     * @param env the environment ({@code ZKML4J_PROGRESS}, {@code ZKML4J_DEBUG}, {@code COLUMNS})
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        Ui ui;
        try {
            ui = Ui.fromEnvironment(out, err, env);
        } catch (RuntimeException e) {
            err.println("zkml4j: " + ErrorReport.of(e).message());
            return ExitCodes.INTERNAL_ERROR;
        }
        return run(args, ui);
    }

    static int run(String[] args, Ui ui) {
        CommandLine commandLine = commandLine(ui);
        Thread cleanup = new Thread(ui.cleanup(), "zkml4j-interrupt-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            return commandLine.execute(args);
        } catch (Throwable t) { // Errors (out of memory, stack overflow) that picocli lets through
            return report(t, "zkml4j", ui);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup); // the command ended: nothing to clean
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping; the hook runs
            }
            ui.out().flush();
            ui.err().flush();
        }
    }

    /** The command tree, writing to {@code ui}'s streams, with our error handling. */
    static CommandLine commandLine(Ui ui) {
        CommandLine cl = new CommandLine(new RootCommand(ui), new Factory(ui));
        cl.setOut(new PrintWriter(new OutputStreamWriter(ui.out(), ui.out().charset()), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(ui.err(), ui.err().charset()), true));
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) ->
                report(ex, cmd.getCommandSpec().qualifiedName(), ui));
        return cl;
    }

    private static int report(Throwable t, String command, Ui ui) {
        ErrorReport r = ErrorReport.of(t);
        ui.err().println(command + ": " + r.message());
        if (ui.verbose()) {
            t.printStackTrace(ui.err());
        } else if (r.internal()) {
            ui.err().println("(run with --verbose or ZKML4J_DEBUG=1 for the stack trace)");
        }
        ui.err().flush();
        return r.exitCode();
    }

    /** Creates commands, passing the run's {@link Ui} to those whose constructor takes one. */
    private record Factory(Ui ui) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                Constructor<K> c = cls.getDeclaredConstructor(Ui.class);
                c.setAccessible(true);
                return c.newInstance(ui);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
