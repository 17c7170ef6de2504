package io.zkml4j.circuit;

/**
 * The one failure of circuit synthesis: a broken assertion in the {@link TestEngine} (the message
 * names it), an assertion that fails on constants at definition time, a missing hint, a misuse
 * of the API (wrong sizes, unsupported parameters). Unchecked.
 */
public class SynthesisException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SynthesisException(String message) {
        super(message);
    }

    public SynthesisException(String message, Throwable cause) {
        super(message, cause);
    }
}
