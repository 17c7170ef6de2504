package io.zkml4j.cli;

import io.zkml4j.codegen.CodegenException;
import io.zkml4j.deployer.DeploymentException;
import io.zkml4j.groth16.Groth16Exception;
import io.zkml4j.prover.model.ModelException;
import io.zkml4j.r1cs.R1csException;
import io.zkml4j.testchain.NodeProcessException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns an exception escaping a command into one stderr line and an exit code. Our layers' exceptions
 * already name the file and the problem; they (including the codegen layer's: a bad key, solc's errors;
 * the deployer's: an unreachable node, a wrong chain id, a missing key, a revert; and a Node.js
 * process that failed: no Node, a port in use; the model pipeline's: a bad model.json or input.json), {@link CliException}, I/O errors and argument errors
 * ({@link IllegalArgumentException}, {@link UnsupportedOperationException}: the libraries use them for
 * inputs they refuse, e.g. an unprepared ptau) are bad input, exit {@link ExitCodes#BAD_INPUT}. Anything
 * else is a bug (or out of memory), exit {@link ExitCodes#INTERNAL_ERROR}.
 *
 * @param message  the line to print (without the {@code zkml4j: } prefix)
 * @param exitCode the exit code
 * @param internal whether this is an internal error (the stack trace helps)
 */
record ErrorReport(String message, int exitCode, boolean internal) {

    static ErrorReport of(Throwable t) {
        if (t instanceof CliException || t instanceof Groth16Exception || t instanceof R1csException
                || t instanceof CodegenException || t instanceof DeploymentException
                || t instanceof NodeProcessException || t instanceof ModelException) {
            return bad(t.getMessage());
        }
        if (t instanceof UncheckedIOException u) {
            return bad(CliFiles.describe(u.getCause()));
        }
        if (t instanceof IOException io) {
            return bad(CliFiles.describe(io));
        }
        if (t instanceof IllegalArgumentException || t instanceof UnsupportedOperationException) {
            return bad(t.getMessage() == null ? t.toString() : t.getMessage());
        }
        if (t instanceof OutOfMemoryError) {
            long maxMb = Runtime.getRuntime().maxMemory() >> 20;
            return new ErrorReport("out of memory (maximum heap " + maxMb + " MB); give the JVM more, e.g. "
                    + "ZKML4J_JAVA_OPTS=-Xmx8g", ExitCodes.INTERNAL_ERROR, false);
        }
        return new ErrorReport("internal error: " + t + " (this is a bug in zkml4j; rerun with --verbose and "
                + "report the stack trace)", ExitCodes.INTERNAL_ERROR, true);
    }

    private static ErrorReport bad(String message) {
        return new ErrorReport(message == null || message.isBlank() ? "invalid input" : message,
                ExitCodes.BAD_INPUT, false);
    }
}
