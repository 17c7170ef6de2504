package io.zkml4j.prover.model;

/**
 * Bad input to the model pipeline: a malformed {@code model.json}, {@code input.json},
 * {@code settings.json} or calibration file, a model the circuit compiler refuses, a compiled
 * directory that no longer matches its model. The message names the file (and field or index) and
 * what was expected.
 */
public final class ModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
