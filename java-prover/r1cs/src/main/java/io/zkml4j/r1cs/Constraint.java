package io.zkml4j.r1cs;

import java.util.Objects;

/**
 * One rank-1 constraint {@code A·B = C} over the wires.
 *
 * @param a the left factor
 * @param b the right factor
 * @param c the product
 */
public record Constraint(LinearCombination a, LinearCombination b, LinearCombination c) {

    public Constraint {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(c, "c");
    }

    /** {@code a·b = c}. */
    public static Constraint of(LinearCombination a, LinearCombination b, LinearCombination c) {
        return new Constraint(a, b, c);
    }

    /** The largest wire index used, or -1 if none. */
    public int maxWire() {
        return Math.max(a.maxWire(), Math.max(b.maxWire(), c.maxWire()));
    }

    @Override
    public String toString() {
        return "(" + a + ") · (" + b + ") = " + c;
    }
}
