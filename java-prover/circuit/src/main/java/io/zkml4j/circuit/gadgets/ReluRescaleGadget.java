package io.zkml4j.circuit.gadgets;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.BoolVar;
import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.SynthesisException;
import io.zkml4j.circuit.Var;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A fused ReLU and rescale for fixed-point neurons: {@code y = acc ≥ 0 ? ⌊acc / 2^k⌋ : 0}.
 *
 * <p><b>Construction.</b> The accumulator is shifted, {@code s = acc + 2^{B-1} ∈ [0, 2^B)}, and
 * decomposed with {@link BitsGadget#toBits} into {@code B} bits (B from calibration, not 254).
 * Bit {@code B-1} is the sign: it is 1 exactly when {@code acc ≥ 0}, and then
 * {@code acc = Σ_{i<B-1} 2ⁱ·bᵢ}. Bits {@code 0..k-1} are the dropped remainder; bits
 * {@code k..B-2} are the output's bits {@code q = Σ_{k≤i<B-1} 2^{i-k}·bᵢ = ⌊acc / 2^k⌋}. The output is
 * the product {@code y = b_{B-1}·q}. Every bit, hence the sign and the output, is pinned by the
 * decomposition: a prover can neither force the ReLU to 0 on a positive accumulator nor choose
 * the remainder. <b>Cost: B + 1 constraints, B witnesses</b> ({@code B - 1} bits and the product).
 *
 * <p><b>Precondition:</b> {@code acc ∈ [-2^{B-1}, 2^{B-1})}; outside it the system is
 * unsatisfiable. The output lies in {@code [0, 2^{B-1-k})}: the next layer may rely on that range
 * without checking it again.
 */
public final class ReluRescaleGadget {

    private final CircuitApi api;
    private final BitsGadget bits;
    private final int width;
    private final int k;

    /**
     * @param width {@code B}, the signed width of the accumulator, {@code 2 ≤ B ≤ 253}
     * @param k     the rescale shift, {@code 0 ≤ k ≤ B − 1}
     */
    public ReluRescaleGadget(CircuitApi api, int width, int k) {
        BitsGadget.requireWidth(width);
        if (width < 2 || k < 0 || k > width - 1) {
            throw new SynthesisException("Expected 2 <= B <= 253 and 0 <= k <= B - 1 but got B = " + width + ", k = "
                    + k);
        }
        this.api = api;
        this.bits = new BitsGadget(api);
        this.width = width;
        this.k = k;
    }

    /** The bit width of outputs: they lie in {@code [0, 2^{B-1-k})}. */
    public int outputBits() {
        return width - 1 - k;
    }

    /**
     * {@code max(acc, 0) >> k}. Cost: {@code B + 1} constraints, {@code B} witnesses (for the
     * degenerate {@code k = B − 1}, whose output is always 0, the product folds: {@code B} and
     * {@code B − 1}).
     */
    public Var apply(Var acc) {
        try (var ns = api.namespace("reluRescale")) {
            BoolVar[] b = bits.toBits(api.addConst(acc, Fr.of(BigInteger.ONE.shiftLeft(width - 1))), width);
            BoolVar nonNegative = b[width - 1];
            Var q = bits.fromBits(Arrays.asList(b).subList(k, width - 1));
            return api.mul(nonNegative, q);
        }
    }
}
