package io.zkml4j.ml.layers;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.HintRegistry;
import io.zkml4j.circuit.SynthesisException;
import io.zkml4j.circuit.Var;
import io.zkml4j.circuit.gadgets.BitsGadget;
import io.zkml4j.ml.tensor.Interval;
import java.math.BigInteger;

/**
 * Division by a constant {@code d ≥ 1}, rounding to nearest (halves up):
 * {@code q = ⌊(x + ⌊d/2⌋) / d⌋} for an {@code x} guaranteed (by the caller's constraints) to lie in
 * a known interval {@code [lo, hi]}. Used by average pooling, whose divisor need not be a power of two.
 *
 * <p><b>Construction.</b> Shift to a non-negative value: {@code y = x + ⌊d/2⌋ + d·M} with
 * {@code M = ⌈max(0, −(lo + ⌊d/2⌋)) / d⌉}, so {@code y ∈ [0, Y]}. The hint {@value #HINT} supplies
 * {@code q' = ⌊y/d⌋} and {@code r = y mod d}; the constraints are
 * {@code r ∈ [0, 2^{nr})} and (unless {@code d} is a power of two) {@code d − 1 − r ∈ [0, 2^{nr})}
 * with {@code nr = bitlen(d − 1)}, so {@code 0 ≤ r < d}; {@code q' ∈ [0, 2^{nq})} with
 * {@code nq = bitlen(⌊Y/d⌋)}; and {@code y = d·q' + r} (1 constraint). All terms are far below the
 * field modulus, so the field equation is an integer one and the pair {@code (q', r)} is unique:
 * the prover cannot choose it. The result is {@code q = q' − M}.
 *
 * <p><b>Cost:</b> {@code nr + nq + 1} constraints for a power-of-two {@code d}, {@code 2·nr + nq + 1}
 * otherwise; 0 for {@code d = 1}. <b>Precondition:</b> {@code x ∈ [lo, hi]} (guaranteed upstream);
 * for an {@code x} outside it the system is unsatisfiable or still yields the correct quotient,
 * never a wrong one.
 */
public final class DivRoundGadget {

    /** Hint id: inputs {@code (y, d)}, outputs {@code (⌊y/d⌋, y mod d)} of the canonical values. */
    public static final String HINT = "ml.divRound.v1";

    static {
        HintRegistry.register(HINT, (in, n) -> {
            BigInteger[] qr = in[0].toBigInteger().divideAndRemainder(in[1].toBigInteger());
            return new Fr[] {Fr.of(qr[0]), Fr.of(qr[1])};
        });
    }

    private final long d;
    private final long shift;
    private final int nr;
    private final int nq;
    private final Interval out;

    /**
     * @param d  the divisor, {@code 1 ≤ d < 2^31}
     * @param in the interval the dividend is guaranteed to lie in
     */
    public DivRoundGadget(long d, Interval in) {
        if (d < 1 || d >= (1L << 31)) {
            throw new IllegalArgumentException("Expected 1 <= d < 2^31 but got " + d);
        }
        this.d = d;
        long lo = Math.addExact(in.lo(), d / 2);
        long m = lo >= 0 ? 0 : Math.ceilDiv(-lo, d);
        this.shift = Math.addExact(d / 2, Math.multiplyExact(d, m));
        long yMax = Math.addExact(in.hi(), shift);
        this.nr = d == 1 ? 0 : 64 - Long.numberOfLeadingZeros(d - 1);
        this.nq = Math.max(1, 64 - Long.numberOfLeadingZeros(yMax / d));
        if (nq + nr > 200) {
            throw new IllegalArgumentException("DivRound: dividend range " + in + " too wide");
        }
        this.out = new Interval(Math.floorDiv(Math.addExact(in.lo(), d / 2), d),
                Math.floorDiv(Math.addExact(in.hi(), d / 2), d));
    }

    /** The interval of the quotient. */
    public Interval outputBound() {
        return out;
    }

    public long constraintCount() {
        if (d == 1) {
            return 0;
        }
        boolean pow2 = (d & (d - 1)) == 0;
        return (pow2 ? nr : 2L * nr) + nq + 1;
    }

    /** {@code ⌊(x + ⌊d/2⌋) / d⌋}. */
    public Var divide(CircuitApi api, Var x) {
        if (d == 1) {
            return x;
        }
        try (var ns = api.namespace("divRound" + d)) {
            BitsGadget bits = new BitsGadget(api);
            Var y = api.addConst(x, Fr.of(shift));
            Var[] qr = api.hint(HINT, 2, y, api.constant(d));
            Var q = qr[0];
            Var r = qr[1];
            try (var a = api.namespace("remainder")) {
                bits.assertInRange(r, nr);
            }
            if ((d & (d - 1)) != 0) {
                try (var a = api.namespace("remainderBelowDivisor")) {
                    bits.assertInRange(api.sub(api.constant(d - 1), r), nr);
                }
            }
            try (var a = api.namespace("quotient")) {
                bits.assertInRange(q, nq);
            }
            api.assertEqual(y, api.add(api.mulConst(q, Fr.of(d)), r), "recompose");
            return api.addConst(q, Fr.of(-(shift - d / 2) / d));
        }
    }

    static void checkWidth(int b) {
        if (b < 2 || b > 62) {
            throw new SynthesisException("Expected a width in [2, 62] but got " + b);
        }
    }
}
