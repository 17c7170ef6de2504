package io.zkml4j.circuit.gadgets;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.BoolVar;
import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.SynthesisException;
import io.zkml4j.circuit.Var;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Signed floor division by {@code 2^k} with a range-checked remainder: for
 * {@code x ∈ [-2^{B-1}, 2^{B-1})}, the unique {@code q, rem} with {@code x = 2^k·q + rem},
 * {@code 0 ≤ rem < 2^k}, i.e. {@code q = ⌊x / 2^k⌋} (rounding toward −∞, as Python's {@code >>}).
 *
 * <p><b>Construction.</b> {@code s = x + 2^{B-1} ∈ [0, 2^B)} is decomposed into {@code B} bits
 * with {@link BitsGadget#toBits}; the remainder is the low {@code k} bits and
 * {@code q = Σ_{i≥k} 2^{i-k}·bᵢ − 2^{B-1-k}}. Both are linear in bits that the decomposition pins,
 * so a prover cannot choose a different quotient or remainder: no unconstrained hint.
 * <b>Cost: B constraints, B − 1 witnesses.</b>
 *
 * <p><b>Precondition:</b> {@code x ∈ [-2^{B-1}, 2^{B-1})} (from calibration or a previous layer's
 * range); a value outside it makes the system unsatisfiable (never a wrong quotient).
 */
public final class FloorDivGadget {

    private final CircuitApi api;
    private final BitsGadget bits;
    private final int width;
    private final int k;

    /**
     * @param width {@code B}, the signed width of the dividend, {@code 2 ≤ B ≤ 253}
     * @param k     the shift, {@code 0 ≤ k < B}
     */
    public FloorDivGadget(CircuitApi api, int width, int k) {
        BitsGadget.requireWidth(width);
        if (width < 2 || k < 0 || k >= width) {
            throw new SynthesisException("Expected 2 <= B <= 253 and 0 <= k < B but got B = " + width + ", k = " + k);
        }
        this.api = api;
        this.bits = new BitsGadget(api);
        this.width = width;
        this.k = k;
    }

    /**
     * Quotient and remainder.
     *
     * @param quotient  {@code ⌊x / 2^k⌋ ∈ [-2^{B-1-k}, 2^{B-1-k})}
     * @param remainder {@code x − 2^k·q ∈ [0, 2^k)}
     */
    public record Result(Var quotient, Var remainder) {
    }

    /** {@code ⌊x / 2^k⌋} and the remainder. Cost: {@code B} constraints, {@code B − 1} witnesses. */
    public Result divide(Var x) {
        try (var ns = api.namespace("floorDiv")) {
            BoolVar[] b = bits.toBits(api.addConst(x, Fr.of(BigInteger.ONE.shiftLeft(width - 1))), width);
            Var rem = bits.fromBits(Arrays.asList(b).subList(0, k));
            Var q = api.addConst(bits.fromBits(Arrays.asList(b).subList(k, width)),
                    Fr.of(BigInteger.ONE.shiftLeft(width - 1 - k)).neg());
            return new Result(q, rem);
        }
    }

    /**
     * {@code ⌊(x + 2^{k-1}) / 2^k⌋}: division rounding half up (for {@code k = 0}, {@code x} itself).
     * Precondition: {@code x + 2^{k-1} ∈ [-2^{B-1}, 2^{B-1})}. Cost: {@code B} constraints.
     */
    public Var divideRounded(Var x) {
        Var shifted = k == 0 ? x : api.addConst(x, Fr.of(BigInteger.ONE.shiftLeft(k - 1)));
        return divide(shifted).quotient();
    }
}
