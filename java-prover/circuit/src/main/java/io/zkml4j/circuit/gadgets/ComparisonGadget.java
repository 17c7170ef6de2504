package io.zkml4j.circuit.gadgets;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.BoolVar;
import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.SynthesisException;
import io.zkml4j.circuit.Var;
import java.math.BigInteger;

/**
 * Comparisons of bounded values (gnark's {@code BoundedComparator}).
 *
 * <p><b>Precondition for every method:</b> {@code |a - b| < 2ⁿ} as integers, e.g. both operands
 * known (range-checked, or bounded by construction) to lie in {@code [0, 2ⁿ)}, or both in
 * {@code [-2^{n-1}, 2^{n-1})}. The gadget does not check it; with operands outside such a window the
 * results are meaningless (but never satisfiable for two different answers: every output is
 * pinned). {@code n ≤ 252}.
 *
 * <p><b>Construction.</b> {@code d = a - b + 2ⁿ} lies in {@code [1, 2^{n+1})} under the precondition,
 * and {@code a ≥ b} exactly when bit {@code n} of {@code d} is set; {@link BitsGadget#toBits} with
 * {@code n + 1} bits pins every bit.
 */
public final class ComparisonGadget {

    private final CircuitApi api;
    private final BitsGadget bits;
    private final int n;

    /**
     * @param api the circuit
     * @param n   the bound on the operands' difference: {@code |a - b| < 2ⁿ}, {@code 1 ≤ n ≤ 252}
     */
    public ComparisonGadget(CircuitApi api, int n) {
        if (n < 1 || n > BitsGadget.MAX_BITS - 1) {
            throw new SynthesisException("Expected a comparison width in [1, " + (BitsGadget.MAX_BITS - 1)
                    + "] but got " + n);
        }
        this.api = api;
        this.bits = new BitsGadget(api);
        this.n = n;
    }

    /** The width {@code n}. */
    public int bits() {
        return n;
    }

    /** {@code a < b}. Cost: {@code n + 1} constraints, {@code n} witnesses. */
    public BoolVar isLess(Var a, Var b) {
        try (var ns = api.namespace("isLess")) {
            Var d = api.addConst(api.sub(a, b), Fr.of(BigInteger.ONE.shiftLeft(n)));
            BoolVar[] bs = bits.toBits(d, n + 1);
            return api.not(bs[n]);
        }
    }

    /** {@code a ≤ b}, as {@code ¬(b < a)}. Cost: {@code n + 1} constraints, {@code n} witnesses. */
    public BoolVar isLessOrEqual(Var a, Var b) {
        try (var ns = api.namespace("isLessOrEqual")) {
            return api.not(isLess(b, a));
        }
    }

    /** Asserts {@code a < b} by range checking {@code b - a - 1 ∈ [0, 2ⁿ)}. Cost: {@code n} constraints. */
    public void assertLess(Var a, Var b) {
        try (var ns = api.namespace("assertLess")) {
            bits.toBits(api.addConst(api.sub(b, a), Fr.ONE.neg()), n);
        }
    }

    /** Asserts {@code a ≤ b} by range checking {@code b - a ∈ [0, 2ⁿ)}. Cost: {@code n} constraints. */
    public void assertLessOrEqual(Var a, Var b) {
        try (var ns = api.namespace("assertLessOrEqual")) {
            bits.toBits(api.sub(b, a), n);
        }
    }

    /** {@code max(a, b)} ({@code b} when {@code a < b}). Cost: {@code n + 2} constraints. */
    public Var max(Var a, Var b) {
        try (var ns = api.namespace("max")) {
            return api.select(isLess(a, b), b, a);
        }
    }

    /** {@code min(a, b)}. Cost: {@code n + 2} constraints. */
    public Var min(Var a, Var b) {
        try (var ns = api.namespace("min")) {
            return api.select(isLess(a, b), a, b);
        }
    }
}
