package io.zkml4j.codegen;

/**
 * Code generation or Solidity compilation failed: a verifying key that cannot become a verifier,
 * an output file that cannot be written, Node.js missing, or solc rejecting a source (its
 * formatted messages are in the exception message). Unchecked, like every zkml4j layer exception.
 */
public final class CodegenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CodegenException(String message) {
        super(message);
    }

    public CodegenException(String message, Throwable cause) {
        super(message, cause);
    }
}
