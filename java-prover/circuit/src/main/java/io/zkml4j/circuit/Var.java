package io.zkml4j.circuit;

import io.zkml4j.algebra.field.Fr;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A value in a circuit: a linear combination {@code constant + Σ cᵢ·vᵢ} of variables allocated by
 * one {@link CircuitApi}. Immutable. A {@code Var} with no terms is a constant, and operations
 * on constants fold (no constraint, no variable). Additions, subtractions and multiplication by a
 * constant only rearrange the combination: they are free in constraints. Only a {@code Var}
 * obtained from the API that uses it is meaningful; ids are that API's internal numbering.
 */
public class Var {

    private static final int[] NO_IDS = new int[0];
    private static final Fr[] NO_COEFFS = new Fr[0];

    /** Variable ids (ascending, all {@code >= 1}). */
    final int[] ids;
    /** Non-zero coefficients, one per id. */
    final Fr[] coeffs;
    final Fr constant;
    /** The API whose variables the terms refer to; null for a constant. */
    final Object owner;

    Var(int[] ids, Fr[] coeffs, Fr constant, Object owner) {
        this.ids = ids;
        this.coeffs = coeffs;
        this.constant = constant;
        this.owner = ids.length == 0 ? null : owner;
    }

    /** Copy constructor for {@link BoolVar}. */
    Var(Var v) {
        this(v.ids, v.coeffs, v.constant, v.owner);
    }

    static Var ofConstant(Fr value) {
        return new Var(NO_IDS, NO_COEFFS, value, null);
    }

    static Var ofVariable(int id, Object owner) {
        return new Var(new int[] {id}, new Fr[] {Fr.ONE}, Fr.ZERO, owner);
    }

    /** Whether this is a constant (no variable terms). */
    public boolean isConstant() {
        return ids.length == 0;
    }

    /** The constant value, when {@link #isConstant()}. */
    public Optional<Fr> constantValue() {
        return isConstant() ? Optional.of(constant) : Optional.empty();
    }

    /** Number of variable terms. */
    public int terms() {
        return ids.length;
    }

    /** {@code this + k·other}, canonical (merged ids, zero coefficients dropped). */
    Var plus(Var other, Fr k) {
        if (owner != null && other.owner != null && owner != other.owner) {
            throw new SynthesisException("Cannot combine values of two different circuits (" + this + ", " + other + ")");
        }
        Object o2 = owner != null ? owner : other.owner;
        int n = ids.length;
        int m = other.ids.length;
        int[] outIds = new int[n + m];
        Fr[] outCoeffs = new Fr[n + m];
        int i = 0;
        int j = 0;
        int o = 0;
        while (i < n || j < m) {
            if (j >= m || (i < n && ids[i] < other.ids[j])) {
                outIds[o] = ids[i];
                outCoeffs[o++] = coeffs[i++];
            } else if (i >= n || other.ids[j] < ids[i]) {
                Fr c = other.coeffs[j].mul(k);
                if (!c.isZero()) {
                    outIds[o] = other.ids[j];
                    outCoeffs[o++] = c;
                }
                j++;
            } else {
                Fr c = coeffs[i].add(other.coeffs[j].mul(k));
                if (!c.isZero()) {
                    outIds[o] = ids[i];
                    outCoeffs[o++] = c;
                }
                i++;
                j++;
            }
        }
        return new Var(o == outIds.length ? outIds : Arrays.copyOf(outIds, o),
                o == outCoeffs.length ? outCoeffs : Arrays.copyOf(outCoeffs, o), constant.add(other.constant.mul(k)), o2);
    }

    /**
     * {@code Σ factors[i]·vars[i]} in {@code O(T log T)} for {@code T} terms in total (repeated
     * {@link #plus} would be quadratic in the number of summands).
     */
    static Var combine(List<? extends Var> vars, List<Fr> factors) {
        int total = 0;
        Object owner = null;
        for (Var v : vars) {
            total += v.ids.length;
            if (v.owner != null) {
                if (owner != null && owner != v.owner) {
                    throw new SynthesisException("Cannot combine values of two different circuits");
                }
                owner = v.owner;
            }
        }
        long[] keys = new long[total];
        Fr[] scaled = new Fr[total];
        Fr constant = Fr.ZERO;
        int t = 0;
        for (int k = 0; k < vars.size(); k++) {
            Var v = vars.get(k);
            Fr f = factors == null ? Fr.ONE : factors.get(k);
            constant = constant.add(v.constant.mul(f));
            for (int i = 0; i < v.ids.length; i++) {
                keys[t] = ((long) v.ids[i] << 32) | t;
                scaled[t] = factors == null ? v.coeffs[i] : v.coeffs[i].mul(f);
                t++;
            }
        }
        Arrays.sort(keys);
        int[] outIds = new int[total];
        Fr[] outCoeffs = new Fr[total];
        int o = 0;
        for (int i = 0; i < total; ) {
            int id = (int) (keys[i] >>> 32);
            Fr c = scaled[(int) keys[i]];
            i++;
            while (i < total && (int) (keys[i] >>> 32) == id) {
                c = c.add(scaled[(int) keys[i]]);
                i++;
            }
            if (!c.isZero()) {
                outIds[o] = id;
                outCoeffs[o++] = c;
            }
        }
        return new Var(Arrays.copyOf(outIds, o), Arrays.copyOf(outCoeffs, o), constant, owner);
    }

    /** {@code k·this}. */
    Var scale(Fr k) {
        if (k.isZero()) {
            return ofConstant(Fr.ZERO);
        }
        Fr[] c = new Fr[coeffs.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = coeffs[i].mul(k);
        }
        return new Var(ids, c, constant.mul(k), owner);
    }

    /** {@code this + c}. */
    Var plusConstant(Fr c) {
        return new Var(ids, coeffs, constant.add(c), owner);
    }

    /** Readable form, e.g. {@code 3 + 2·v1 - v4}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (!constant.isZero() || ids.length == 0) {
            sb.append(constant.toSignedBigInteger());
        }
        for (int i = 0; i < ids.length; i++) {
            var c = coeffs[i].toSignedBigInteger();
            boolean neg = c.signum() < 0;
            sb.append(sb.isEmpty() ? (neg ? "-" : "") : (neg ? " - " : " + "));
            if (!c.abs().equals(java.math.BigInteger.ONE)) {
                sb.append(c.abs()).append('·');
            }
            sb.append('v').append(ids[i]);
        }
        return sb.toString();
    }
}
