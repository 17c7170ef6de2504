package io.zkml4j.r1cs;

import io.zkml4j.algebra.field.Fr;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Values for all wires of a constraint system, in circom's wire order (wire 0 is the constant 1).
 *
 * <p>Immutable. Stored as one flat {@code long[]} of Montgomery limbs, four per wire, which provers
 * can read without allocation via {@link #writeMontgomery}; {@link #get} wraps one value as an
 * {@link Fr}.
 */
public final class Witness {

    private final long[] limbs;

    private Witness(long[] limbs) {
        this.limbs = limbs;
    }

    /** A witness holding {@code values} in order. */
    public static Witness of(List<Fr> values) {
        long[] l = new long[4 * values.size()];
        int i = 0;
        for (Fr v : values) {
            Objects.requireNonNull(v, "value").writeMontgomery(l, 4 * i++);
        }
        return new Witness(l);
    }

    /** A witness holding {@code values} in order. */
    public static Witness of(Fr... values) {
        return of(Arrays.asList(values));
    }

    /**
     * A witness from flat Montgomery limbs, four per wire; the array is copied.
     *
     * @throws IllegalArgumentException if the length is not a multiple of 4 or a value is not reduced
     */
    public static Witness fromMontgomeryLimbs(long[] limbs) {
        if (limbs.length % 4 != 0) {
            throw new IllegalArgumentException("Expected four limbs per value but got " + limbs.length + " limbs");
        }
        long[] copy = limbs.clone();
        for (int i = 0; i < copy.length; i += 4) {
            Fr.fromMontgomeryLimbs(copy, i); // rejects non-reduced limbs
        }
        return new Witness(copy);
    }

    /** Takes ownership of reduced Montgomery limbs (package-private: readers validate first). */
    static Witness wrap(long[] limbs) {
        return new Witness(limbs);
    }

    /** Number of values. */
    public int size() {
        return limbs.length / 4;
    }

    /** The value of {@code wire}. */
    public Fr get(int wire) {
        Objects.checkIndex(wire, size());
        return Fr.fromMontgomeryLimbs(limbs, 4 * wire);
    }

    /** A copy with the value of {@code wire} replaced. */
    public Witness with(int wire, Fr value) {
        Objects.checkIndex(wire, size());
        long[] copy = limbs.clone();
        value.writeMontgomery(copy, 4 * wire);
        return new Witness(copy);
    }

    /** Copies the Montgomery limbs of {@code wire} into {@code dst} at {@code offset}. */
    public void writeMontgomery(int wire, long[] dst, int offset) {
        Objects.checkIndex(wire, size());
        System.arraycopy(limbs, 4 * wire, dst, offset, 4);
    }

    /** A copy of all Montgomery limbs, four per wire. */
    public long[] montgomeryLimbs() {
        return limbs.clone();
    }

    /** The values of wires {@code from} (inclusive) to {@code to} (exclusive), e.g. the public signals. */
    public List<Fr> values(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        Fr[] out = new Fr[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = get(i);
        }
        return List.of(out);
    }

    /** The backing array, not copied: package-private for the satisfiability check. */
    long[] limbs() {
        return limbs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Witness other && Arrays.equals(limbs, other.limbs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(limbs);
    }

    @Override
    public String toString() {
        int shown = Math.min(size(), 8);
        StringBuilder sb = new StringBuilder("Witness[").append(size()).append(" values: ");
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(get(i));
        }
        return sb.append(size() > shown ? ", ...]" : "]").toString();
    }
}
