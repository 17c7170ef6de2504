package io.zkml4j.testchain;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
  * A Node.js process (snarkjs, circom2, Hardhat, a script) failed, timed out, or could not start.
  *
  * <p>The message always names the exact command line, so it can be pasted into a shell to
  * reproduce the failure, and carries the tail of the process's output.
  */
public final class NodeProcessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How much of each stream a message quotes; the full text stays on {@link #result()}. */
    private static final int MAX_QUOTED_CHARS = 8_000;

    private final transient ProcessResult result;

    NodeProcessException(String message, ProcessResult result, Throwable cause) {
        super(message, cause);
        this.result = result;
    }

    static NodeProcessException failed(ProcessResult result) {
        return new NodeProcessException(
                "Command exited with status "
                        + result.exitCode()
                        + " after "
                        + seconds(result.elapsed())
                        + ": "
                        + commandLine(result.command())
                        + streams(result),
                result,
                null);
    }

    static NodeProcessException timedOut(ProcessResult partial, Duration timeout) {
        return new NodeProcessException(
                "Command timed out after "
                        + seconds(timeout)
                        + " and was killed: "
                        + commandLine(partial.command())
                        + streams(partial),
                partial,
                null);
    }

    static NodeProcessException unexpected(ProcessResult result, String what) {
        return new NodeProcessException(
                what + ": " + commandLine(result.command()) + streams(result), result, null);
    }

    /** The finished (or killed) process's command and full output. */
    public ProcessResult result() {
        return result;
    }

    /** A shell-pasteable rendering of {@code command}, quoting arguments that need it. */
    static String commandLine(List<String> command) {
        return command.stream().map(NodeProcessException::shellQuote).collect(Collectors.joining(" "));
    }

    private static String shellQuote(String arg) {
        boolean plain =
                !arg.isEmpty()
                        && arg.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:@,+%".indexOf(c) >= 0);
        if (plain) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    private static String streams(ProcessResult result) {
        return "\n--- stderr ---\n" + tail(result.stderr()) + "\n--- stdout ---\n" + tail(result.stdout());
    }

    private static String tail(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return "(empty)";
        }
        if (trimmed.length() <= MAX_QUOTED_CHARS) {
            return trimmed;
        }
        return "[... " + (trimmed.length() - MAX_QUOTED_CHARS) + " characters cut ...]\n"
                + trimmed.substring(trimmed.length() - MAX_QUOTED_CHARS);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
