package io.zkml4j.cli;

/** The exit codes of {@code zkml4j} (a stable contract: scripts depend on them). */
public final class ExitCodes {

    /** Success; for {@code verify}, a valid proof. */
    public static final int OK = 0;
    /** {@code verify}: the proof is well formed but does not verify. */
    public static final int INVALID_PROOF = 1;
    /** Bad usage (unknown option, missing argument) or bad input (a file missing, unreadable or invalid). */
    public static final int BAD_INPUT = 2;
    /** A bug in zkml4j or an exhausted resource (out of memory); the message says which. */
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
    }
}
