package io.zkml4j.ml.layers;

/**
 * A value left a range that a layer's circuit enforces: the circuit is unsatisfiable for this
 * input (it never proves a wrong result). Raised by the integer reference, so a prover learns it
 * before synthesis; the fix is a wider accumulator width (re-calibrate with a larger margin or
 * use the worst-case bound).
 */
public final class BoundExceededException extends RuntimeException {
    public BoundExceededException(String layer, long value, int width) {
        super(layer + ": value " + value + " is outside the enforced signed " + width + "-bit range ["
                + -(1L << (width - 1)) + ", " + ((1L << (width - 1)) - 1) + "]; the circuit is unsatisfiable here");
    }
}
