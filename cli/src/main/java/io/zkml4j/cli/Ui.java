package io.zkml4j.cli;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where a command's text goes, and how: stdout for machine-readable results, stderr for progress,
 * summaries, warnings and errors. One instance per run, shared by all commands of the run.
 *
 * <p>Progress mode: {@code ZKML4J_PROGRESS} (or {@code -Dzkml4j.progress}) = {@code bar}, {@code plain},
 * {@code off} or {@code auto} (the default). {@code auto} shows a bar when stderr is a terminal and plain
 * periodic lines otherwise; the launcher tells the JVM whether stderr is a terminal
 * ({@code -Dzkml4j.stderr.tty}) and how wide it is ({@code -Dzkml4j.columns}), because Java itself
 * cannot test stderr. Without those properties (e.g. {@code java -jar}) a console on stdin/stdout is
 * taken as a terminal.
 */
final class Ui {

    /** How progress is shown. */
    enum ProgressMode {
        /** A redrawn progress bar (terminal). */
        BAR,
        /** A plain line every few seconds (logs, CI). */
        PLAIN,
        /** Nothing. */
        OFF
    }

    static final String PROGRESS_ENV = "ZKML4J_PROGRESS";
    static final String DEBUG_ENV = "ZKML4J_DEBUG";

    private final PrintStream out;
    private final PrintStream err;
    private final ProgressMode progressMode;
    private final int columns;
    private final boolean unicode;
    private final Duration progressDelay;
    private final Duration progressInterval;
    private final InterruptCleanup cleanup = new InterruptCleanup();
    private Map<String, String> env = Map.of();
    private boolean verbose;
    private boolean quiet;

    Ui(PrintStream out, PrintStream err, ProgressMode progressMode, int columns, boolean unicode, boolean verbose,
       Duration progressDelay, Duration progressInterval) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.progressMode = Objects.requireNonNull(progressMode, "progressMode");
        this.columns = columns;
        this.unicode = unicode;
        this.verbose = verbose;
        this.progressDelay = progressDelay;
        this.progressInterval = progressInterval;
    }

    /** The settings of a real run, from the environment and system properties. */
    static Ui fromEnvironment(PrintStream out, PrintStream err, Map<String, String> env) {
        String mode = System.getProperty("zkml4j.progress", env.getOrDefault(PROGRESS_ENV, "auto"));
        ProgressMode m = switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "bar" -> ProgressMode.BAR;
            case "plain" -> ProgressMode.PLAIN;
            case "off", "none", "0" -> ProgressMode.OFF;
            default -> stderrIsTerminal() ? ProgressMode.BAR : ProgressMode.PLAIN;
        };
        int columns = parseColumns(System.getProperty("zkml4j.columns", env.get("COLUMNS")));
        Charset charset = err.charset();
        boolean unicode = charset.equals(StandardCharsets.UTF_8);
        String debug = env.getOrDefault(DEBUG_ENV, "");
        boolean verbose = !debug.isEmpty() && !debug.equals("0") && !debug.equalsIgnoreCase("false");
        Ui ui = new Ui(out, err, m, columns, unicode, verbose, Progress.DEFAULT_DELAY, Progress.DEFAULT_INTERVAL);
        ui.env = Map.copyOf(env);
        return ui;
    }

    private static int parseColumns(String value) {
        if (value != null) {
            try {
                int c = Integer.parseInt(value.trim());
                if (c >= 20 && c <= 1000) {
                    return c;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the default width
            }
        }
        return 100;
    }

    private static boolean stderrIsTerminal() {
        String told = System.getProperty("zkml4j.stderr.tty");
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try { // Java 22+: a Console may exist without a terminal
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console means stdin and stdout are terminals
        }
    }

    /**
     * The environment variable {@code name} of this run (the map given to {@link Main#run}: the process
     * environment in real runs), or null. Commands read secrets ({@code --key-env}) through this.
     */
    String env(String name) {
        return env.get(name);
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    boolean verbose() {
        return verbose;
    }

    void setVerbose() {
        verbose = true;
    }

    boolean quiet() {
        return quiet;
    }

    void setQuiet() {
        quiet = true;
    }

    ProgressMode progressMode() {
        return quiet ? ProgressMode.OFF : progressMode;
    }

    int columns() {
        return columns;
    }

    boolean unicode() {
        return unicode;
    }

    /**
     * {@link CliFiles#checkOutput}, and watches the output's temporaries so that an interrupted run
     * removes them ({@link InterruptCleanup}). Every command checks its outputs through this.
     */
    void checkOutput(Path path, String what) {
        CliFiles.checkOutput(path, what);
        cleanup.watch(path);
    }

    InterruptCleanup cleanup() {
        return cleanup;
    }

    /** Starts showing a long step named {@code task} (nothing appears for the first couple of seconds). */
    Progress progress(String task) {
        return new Progress(task, progressMode(), err, columns, unicode, progressDelay, progressInterval);
    }

    /** A result line for scripts, on stdout. */
    void result(String text) {
        out.println(text);
        out.flush();
    }

    /** A human-readable summary line on stderr (suppressed by {@code --quiet}). */
    void summary(String text) {
        if (!quiet) {
            err.println(text);
            err.flush();
        }
    }

    /** A warning on stderr; printed even with {@code --quiet}. */
    void warn(String text) {
        err.println(text);
        err.flush();
    }

    /** {@code 1.23 s}, {@code 45 ms} or {@code 2 min 05 s}. */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 120_000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
        }
        return String.format(Locale.ROOT, "%d min %02d s", ms / 60_000, (ms / 1000) % 60);
    }
}
