package io.zkml4j.algebra.field;

import io.zkml4j.algebra.InvalidEncodingException;
import io.zkml4j.algebra.internal.MontgomeryKernel;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * Shared implementation of the two BN254 prime fields, {@link Fq} and {@link Fr}: an immutable element
 * stored as four Montgomery-form limbs, always reduced ({@code < modulus}).
 *
 * <p>Encodings are strict: {@code fromBigInteger} and the 32-byte decoders reject any value
 * {@code >= modulus} (and wrong lengths) with an {@link InvalidEncodingException}; use
 * {@code reduce} to map an arbitrary integer into the field.
 *
 * @param <F> the concrete field
 */
public abstract sealed class PrimeFieldElement<F extends PrimeFieldElement<F>> implements Field<F>
        permits Fq, Fr {

    /** Montgomery-form limbs, little-endian, reduced. Never exposed without a copy. */
    final long[] limbs;

    PrimeFieldElement(long[] limbs) {
        this.limbs = limbs;
    }

    /** The kernel of this field (a {@code static final} constant in the subclass, so calls inline). */
    abstract MontgomeryKernel kernel();

    /** Wraps freshly computed limbs, taking ownership of the array. */
    abstract F wrap(long[] montgomeryLimbs);

    /** A short name of the field for messages ("Fq", "Fr"). */
    abstract String fieldName();

    // ---- Arithmetic --------------------------------------------------------------------------

    @Override
    public final F add(F other) {
        long[] r = new long[4];
        kernel().add(r, 0, limbs, 0, other.limbs, 0);
        return wrap(r);
    }

    @Override
    public final F sub(F other) {
        long[] r = new long[4];
        kernel().sub(r, 0, limbs, 0, other.limbs, 0);
        return wrap(r);
    }

    @Override
    public final F neg() {
        long[] r = new long[4];
        kernel().neg(r, 0, limbs, 0);
        return wrap(r);
    }

    @Override
    public final F dbl() {
        long[] r = new long[4];
        kernel().dbl(r, 0, limbs, 0);
        return wrap(r);
    }

    @Override
    public final F mul(F other) {
        long[] r = new long[4];
        kernel().mul(r, 0, limbs, 0, other.limbs, 0);
        return wrap(r);
    }

    @Override
    public final F square() {
        long[] r = new long[4];
        kernel().square(r, 0, limbs, 0);
        return wrap(r);
    }

    @Override
    public final F inverse() {
        if (isZero()) {
            throw new ArithmeticException("Inverse of zero in " + fieldName());
        }
        long[] r = new long[4];
        kernel().inverse(r, 0, limbs, 0);
        return wrap(r);
    }

    /** {@code this^e} for {@code e >= 0}. */
    public final F pow(BigInteger e) {
        if (e.signum() < 0) {
            throw new IllegalArgumentException("Expected a non-negative exponent but got " + e);
        }
        long[] exp = new long[(e.bitLength() + 63) / 64];
        for (int i = 0; i < exp.length; i++) {
            exp[i] = e.shiftRight(64 * i).longValue();
        }
        long[] r = new long[4];
        kernel().pow(r, 0, limbs, 0, exp);
        return wrap(r);
    }

    /** {@code this^e} for {@code e >= 0}. */
    public final F pow(long e) {
        return pow(BigInteger.valueOf(e));
    }

    /**
     * The Legendre symbol: 0 for zero, 1 for a non-zero square, −1 for a non-square.
     */
    public final int legendre() {
        if (isZero()) {
            return 0;
        }
        F t = pow(kernel().modulus().shiftRight(1));
        return t.isOne() ? 1 : -1;
    }

    /**
     * A square root, if one exists (Tonelli–Shanks; for {@code p ≡ 3 mod 4} a single exponentiation).
     * Which of the two roots is returned is unspecified.
     */
    public final Optional<F> sqrt() {
        if (isZero()) {
            return Optional.of(self());
        }
        if (legendre() != 1) {
            return Optional.empty();
        }
        BigInteger p = kernel().modulus();
        if (p.testBit(1)) { // p ≡ 3 mod 4
            return Optional.of(pow(p.add(BigInteger.ONE).shiftRight(2)));
        }
        BigInteger pm1 = p.subtract(BigInteger.ONE);
        int s = pm1.getLowestSetBit();
        BigInteger q = pm1.shiftRight(s);
        F z = smallestNonResidue();
        int m = s;
        F c = z.pow(q);
        F t = pow(q);
        F root = pow(q.add(BigInteger.ONE).shiftRight(1));
        while (!t.isOne()) {
            int i = 0;
            F t2 = t;
            while (!t2.isOne()) {
                t2 = t2.square();
                i++;
            }
            F b = c;
            for (int j = 0; j < m - i - 1; j++) {
                b = b.square();
            }
            m = i;
            c = b.square();
            t = t.mul(c);
            root = root.mul(b);
        }
        return Optional.of(root);
    }

    private F smallestNonResidue() {
        for (long k = 2; ; k++) {
            F z = fromCanonical(BigInteger.valueOf(k));
            if (z.legendre() == -1) {
                return z;
            }
        }
    }

    // ---- Predicates and conversions ----------------------------------------------------------

    @Override
    public final boolean isZero() {
        return MontgomeryKernel.isZero(limbs, 0);
    }

    @Override
    public final boolean isOne() {
        return kernel().isOne(limbs, 0);
    }

    /** The canonical integer in {@code [0, modulus)}. */
    public final BigInteger toBigInteger() {
        long[] plain = new long[4];
        kernel().fromMontgomery(plain, 0, limbs, 0);
        return MontgomeryKernel.fromLimbs(plain, 0);
    }

    /**
     * The canonical integer as a signed value in {@code (-modulus/2, modulus/2]}: the natural reading of a
     * fixed-point or two's-complement-like quantity embedded in the field.
     */
    public final BigInteger toSignedBigInteger() {
        BigInteger v = toBigInteger();
        BigInteger p = kernel().modulus();
        return v.compareTo(p.shiftRight(1)) > 0 ? v.subtract(p) : v;
    }

    /** The 32-byte big-endian encoding of the canonical integer (the EVM's {@code uint256} layout). */
    public final byte[] toBytesBE() {
        long[] plain = new long[4];
        kernel().fromMontgomery(plain, 0, limbs, 0);
        byte[] out = new byte[32];
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 8; k++) {
                out[31 - 8 * i - k] = (byte) (plain[i] >>> (8 * k));
            }
        }
        return out;
    }

    /** The 32-byte little-endian encoding of the canonical integer (the iden3 file formats' layout). */
    public final byte[] toBytesLE() {
        byte[] be = toBytesBE();
        byte[] le = new byte[32];
        for (int i = 0; i < 32; i++) {
            le[i] = be[31 - i];
        }
        return le;
    }

    /** Copies the Montgomery-form limbs into {@code dst} at {@code offset} (for the flat kernels). */
    public final void writeMontgomery(long[] dst, int offset) {
        System.arraycopy(limbs, 0, dst, offset, 4);
    }

    /** A copy of the Montgomery-form limbs. */
    public final long[] montgomeryLimbs() {
        return limbs.clone();
    }

    // ---- Factories shared by the subclasses --------------------------------------------------

    /** The element for an integer already known to be in {@code [0, modulus)}, else an exception. */
    final F fromCanonical(BigInteger x) {
        BigInteger p = kernel().modulus();
        if (x.signum() < 0 || x.compareTo(p) >= 0) {
            throw new InvalidEncodingException("Expected a " + fieldName() + " element in [0, " + p
                    + ") but got " + x);
        }
        long[] r = new long[4];
        kernel().toMontgomery(r, 0, MontgomeryKernel.toLimbs(x), 0);
        return wrap(r);
    }

    final F reduced(BigInteger x) {
        return fromCanonical(x.mod(kernel().modulus()));
    }

    final F fromLongValue(long v) {
        return v >= 0 ? fromCanonical(BigInteger.valueOf(v)) : fromCanonical(BigInteger.valueOf(v).negate()).neg();
    }

    final F fromBytes(byte[] bytes, boolean bigEndian) {
        if (bytes == null || bytes.length != 32) {
            throw new InvalidEncodingException("Expected 32 bytes for a " + fieldName() + " element but got "
                    + (bytes == null ? "null" : bytes.length));
        }
        byte[] be = bytes;
        if (!bigEndian) {
            be = new byte[32];
            for (int i = 0; i < 32; i++) {
                be[i] = bytes[31 - i];
            }
        }
        return fromCanonical(new BigInteger(1, be));
    }

    final F fromMontgomery(long[] src, int offset) {
        long[] r = Arrays.copyOfRange(src, offset, offset + 4);
        if (!kernel().isCanonical(r, 0)) {
            throw new InvalidEncodingException("Expected reduced Montgomery limbs for " + fieldName()
                    + " but got a value >= the modulus");
        }
        return wrap(r);
    }

    final F randomElement(RandomGenerator rng) {
        while (true) { // rejection sampling: uniform in [0, modulus)
            long[] l = {rng.nextLong(), rng.nextLong(), rng.nextLong(), rng.nextLong() >>> 2};
            if (kernel().isCanonical(l, 0)) {
                long[] r = new long[4];
                kernel().toMontgomery(r, 0, l, 0);
                return wrap(r);
            }
        }
    }

    /**
     * The inverses of {@code elements} with one field inversion (Montgomery's trick), zero mapping to
     * zero, in a new array made by {@code newArray}; the input is not modified.
     */
    final F[] inverses(F[] elements, IntFunction<F[]> newArray) {
        long[] flat = new long[4 * elements.length];
        for (int i = 0; i < elements.length; i++) {
            elements[i].writeMontgomery(flat, 4 * i);
        }
        kernel().batchInverse(flat, 0, elements.length, new long[flat.length]);
        F[] out = newArray.apply(elements.length);
        for (int i = 0; i < out.length; i++) {
            out[i] = fromMontgomery(flat, 4 * i);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private F self() {
        return (F) this;
    }

    // ---- Object ------------------------------------------------------------------------------

    @Override
    public final boolean equals(Object o) {
        return o instanceof PrimeFieldElement<?> other && other.getClass() == getClass()
                && Arrays.equals(limbs, other.limbs);
    }

    @Override
    public final int hashCode() {
        return Arrays.hashCode(limbs);
    }

    /** The canonical integer in decimal. */
    @Override
    public final String toString() {
        return toBigInteger().toString();
    }
}
