package io.zkml4j.circuit;

import io.zkml4j.algebra.field.Fr;

/**
 * A {@link Var} known to be 0 or 1: either a constant 0/1, or a value the API has constrained to be
 * boolean (by {@link CircuitApi#assertBool}, or as the result of a boolean operation whose inputs
 * are boolean). Only the API creates them, so holding a {@code BoolVar} is a guarantee.
 */
public final class BoolVar extends Var {

    private BoolVar(Var v) {
        super(v);
    }

    /** Wraps a value the caller has already constrained to {0, 1} (or a constant 0/1). */
    static BoolVar trusted(Var v) {
        return v instanceof BoolVar b ? b : new BoolVar(v);
    }

    static BoolVar ofConstant(boolean value) {
        return new BoolVar(Var.ofConstant(value ? Fr.ONE : Fr.ZERO));
    }
}
