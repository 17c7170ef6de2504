package io.zkml4j.testchain;

import java.time.Duration;
import java.util.List;

/**
  * What a finished external process left behind.
  *
  * <p>{@code stdout} and {@code stderr} are decoded as UTF-8 with ANSI colour escapes removed
  * (snarkjs and circom colour their logs even when writing to a file).
  *
  * @param command the full command line, executable first
  * @param exitCode the process's exit status
  * @param stdout everything the process wrote to standard output
  * @param stderr everything the process wrote to standard error
  * @param elapsed wall-clock time from start to exit
  */
public record ProcessResult(
        List<String> command, int exitCode, String stdout, String stderr, Duration elapsed) {

    public ProcessResult {
        command = List.copyOf(command);
    }

    /** The command as one line that can be pasted into a shell. */
    public String commandLine() {
        return NodeProcessException.commandLine(command);
    }

        /** Whether the process exited with status 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Standard output followed by standard error, for tools that log to either. */
    public String output() {
        if (stderr.isEmpty()) {
            return stdout;
        }
        if (stdout.isEmpty()) {
            return stderr;
        }
        return stdout + (stdout.endsWith("\n") ? "" : "\n") + stderr;
    }

    /**
      * Returns this result when the exit code is 0.
      *
      * @throws NodeProcessException otherwise, with the command, exit code and output in its message
      */
    public ProcessResult requireSuccess() {
        if (!succeeded()) {
            throw NodeProcessException.failed(this);
        }
        return this;
    }
}
