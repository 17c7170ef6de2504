package io.zkml4j.r1cs;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.MontgomeryKernel;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * A sparse linear combination {@code Σ cᵢ·w[idᵢ]} of wires with {@link Fr} coefficients.
 *
 * <p>Canonical and immutable: wire indices are strictly ascending and no coefficient is zero, so two
 * combinations are {@linkplain #equals equal} exactly when they are the same linear form. Wire 0 is
 * the constant 1, so a term on wire 0 is a constant. Coefficients are stored as flat Montgomery limbs
 * (four per term) for allocation-free evaluation.
 */
public final class LinearCombination {

    private static final LinearCombination ZERO = new LinearCombination(new int[0], new long[0]);
    private static final MontgomeryKernel K = Fr.KERNEL;

    private final int[] wires;
    /** Montgomery limbs of the coefficients, four per term. */
    private final long[] coeffs;

    /** Takes ownership of canonical arrays (ascending wires, non-zero reduced coefficients). */
    LinearCombination(int[] wires, long[] coeffs) {
        this.wires = wires;
        this.coeffs = coeffs;
    }

    /** The empty combination (value 0). */
    public static LinearCombination zero() {
        return ZERO;
    }

    /** {@code coefficient · w[wire]} (the empty combination when the coefficient is zero). */
    public static LinearCombination of(int wire, Fr coefficient) {
        return builder().add(wire, coefficient).build();
    }

    /** The constant {@code value}, a term on wire 0. */
    public static LinearCombination constant(Fr value) {
        return of(0, value);
    }

    /** A builder that sums repeated wires and drops zero coefficients. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of terms (non-zero coefficients). */
    public int size() {
        return wires.length;
    }

    /** Whether this is the empty combination. */
    public boolean isZero() {
        return wires.length == 0;
    }

    /** The wire of term {@code i}; terms are ordered by ascending wire. */
    public int wire(int i) {
        return wires[i];
    }

    /** The coefficient of term {@code i}. */
    public Fr coefficient(int i) {
        Objects.checkIndex(i, wires.length);
        return Fr.fromMontgomeryLimbs(coeffs, 4 * i);
    }

    /** The coefficient of {@code wire} (zero when absent). */
    public Fr coefficientOf(int wire) {
        int i = Arrays.binarySearch(wires, wire);
        return i < 0 ? Fr.ZERO : Fr.fromMontgomeryLimbs(coeffs, 4 * i);
    }

    /** The largest wire index, or -1 for the empty combination. */
    public int maxWire() {
        return wires.length == 0 ? -1 : wires[wires.length - 1];
    }

    /**
     * The value on a witness.
     *
     * @throws R1csException if a wire is beyond the witness
     */
    public Fr evaluate(Witness witness) {
        if (maxWire() >= witness.size()) {
            throw new R1csException("Wire " + maxWire() + " is beyond the witness of " + witness.size() + " values");
        }
        long[] out = new long[4];
        evaluate(witness.limbs(), out, 0, new long[4]);
        return Fr.fromMontgomeryLimbs(out, 0);
    }

    /**
     * {@code out[outOff..+4) = Σ cᵢ·w[idᵢ]} over flat Montgomery witness limbs; {@code tmp} is four
     * longs of scratch. The caller guarantees the wires are in range.
     */
    void evaluate(long[] witnessLimbs, long[] out, int outOff, long[] tmp) {
        Arrays.fill(out, outOff, outOff + 4, 0L);
        for (int i = 0; i < wires.length; i++) {
            K.mul(tmp, 0, coeffs, 4 * i, witnessLimbs, 4 * wires[i]);
            K.add(out, outOff, out, outOff, tmp, 0);
        }
    }

    /** Copies the Montgomery limbs of coefficient {@code i} into {@code dst}. */
    void coefficientLimbs(int i, long[] dst, int off) {
        System.arraycopy(coeffs, 4 * i, dst, off, 4);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearCombination other && Arrays.equals(wires, other.wires)
                && Arrays.equals(coeffs, other.coeffs);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(wires) + Arrays.hashCode(coeffs);
    }

    /**
     * Readable form, e.g. {@code 3 + 2·w1 - w4}: coefficients as signed integers
     * (in {@code (-r/2, r/2]}), wire 0 as a bare constant, {@code 0} when empty.
     */
    @Override
    public String toString() {
        if (wires.length == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < wires.length; i++) {
            BigInteger c = coefficient(i).toSignedBigInteger();
            boolean negative = c.signum() < 0;
            if (i == 0) {
                sb.append(negative ? "-" : "");
            } else {
                sb.append(negative ? " - " : " + ");
            }
            BigInteger abs = c.abs();
            if (wires[i] == 0) {
                sb.append(abs);
            } else {
                if (!abs.equals(BigInteger.ONE)) {
                    sb.append(abs).append('·');
                }
                sb.append('w').append(wires[i]);
            }
        }
        return sb.toString();
    }

    /**
     * Accumulates terms; {@link #build()} sorts them, sums coefficients of repeated wires and drops
     * zeros. Reusable: building does not reset it.
     */
    public static final class Builder {
        private int[] wires = new int[4];
        private long[] coeffs = new long[16];
        private int n;

        private Builder() {
        }

        /**
         * Adds {@code coefficient · w[wire]}.
         *
         * @throws IllegalArgumentException if {@code wire < 0}
         */
        public Builder add(int wire, Fr coefficient) {
            Objects.requireNonNull(coefficient, "coefficient");
            if (wire < 0) {
                throw new IllegalArgumentException("Expected a wire index >= 0 but got " + wire);
            }
            if (n == wires.length) {
                wires = Arrays.copyOf(wires, 2 * n);
                coeffs = Arrays.copyOf(coeffs, 8 * n);
            }
            wires[n] = wire;
            coefficient.writeMontgomery(coeffs, 4 * n);
            n++;
            return this;
        }

        /** Adds {@code coefficient · w[wire]}. */
        public Builder add(int wire, long coefficient) {
            return add(wire, Fr.of(coefficient));
        }

        /** Adds a constant (a term on wire 0). */
        public Builder addConstant(Fr value) {
            return add(0, value);
        }

        /** Adds every term of {@code lc} times {@code factor}. */
        public Builder addScaled(LinearCombination lc, Fr factor) {
            for (int i = 0; i < lc.size(); i++) {
                add(lc.wire(i), lc.coefficient(i).mul(factor));
            }
            return this;
        }

        /** The canonical combination of the terms added so far. */
        public LinearCombination build() {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = ((long) wires[i] << 32) | i;
            }
            Arrays.sort(keys);
            int[] outWires = new int[n];
            long[] outCoeffs = new long[4 * n];
            int m = 0;
            for (int k = 0; k < n; ) {
                int wire = (int) (keys[k] >>> 32);
                int slot = 4 * m;
                System.arraycopy(coeffs, 4 * (int) keys[k], outCoeffs, slot, 4);
                k++;
                while (k < n && (int) (keys[k] >>> 32) == wire) {
                    K.add(outCoeffs, slot, outCoeffs, slot, coeffs, 4 * (int) keys[k]);
                    k++;
                }
                if (!MontgomeryKernel.isZero(outCoeffs, slot)) {
                    outWires[m++] = wire;
                }
            }
            if (m == 0) {
                return ZERO;
            }
            return new LinearCombination(Arrays.copyOf(outWires, m), Arrays.copyOf(outCoeffs, 4 * m));
        }
    }
}
