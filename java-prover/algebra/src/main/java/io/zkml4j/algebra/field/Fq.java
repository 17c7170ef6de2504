package io.zkml4j.algebra.field;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.internal.MontgomeryKernel;
import java.math.BigInteger;
import java.util.random.RandomGenerator;

/**
 * An element of Fq, the base field of BN254 (coordinates of curve points), modulo {@link Bn254#P}.
 *
 * <p>Immutable; obtain values through the static factories. Hot loops should use {@link #KERNEL} on
 * flat {@code long[]} limbs instead of allocating elements.
 */
public final class Fq extends PrimeFieldElement<Fq> {

    /** Allocation-free arithmetic modulo {@link Bn254#P} on Montgomery-form limbs. */
    public static final MontgomeryKernel KERNEL = MontgomeryKernel.forModulus(Bn254.P);

    /** The modulus. */
    public static final BigInteger MODULUS = Bn254.P;

    public static final Fq ZERO = new Fq(new long[4]);

    public static final Fq ONE = ZERO.fromLongValue(1);

    private Fq(long[] montgomeryLimbs) {
        super(montgomeryLimbs);
    }

    /**
     * The element equal to {@code x}.
     *
     * @throws io.zkml4j.algebra.InvalidEncodingException unless {@code 0 <= x < modulus}
     */
    public static Fq of(BigInteger x) {
        return ZERO.fromCanonical(x);
    }

    /** The element congruent to {@code x} (any sign or size) modulo the modulus. */
    public static Fq reduce(BigInteger x) {
        return ZERO.reduced(x);
    }

    /** The element congruent to {@code v}; negative values map to {@code modulus + v}. */
    public static Fq of(long v) {
        return ZERO.fromLongValue(v);
    }

    /**
     * Decodes a 32-byte big-endian integer (the EVM's layout).
     *
     * @throws io.zkml4j.algebra.InvalidEncodingException on a wrong length or a value {@code >= modulus}
     */
    public static Fq fromBytesBE(byte[] bytes) {
        return ZERO.fromBytes(bytes, true);
    }

    /**
     * Decodes a 32-byte little-endian integer (the iden3 binary formats' layout).
     *
     * @throws io.zkml4j.algebra.InvalidEncodingException on a wrong length or a value {@code >= modulus}
     */
    public static Fq fromBytesLE(byte[] bytes) {
        return ZERO.fromBytes(bytes, false);
    }

    /**
     * Wraps a copy of four Montgomery-form limbs from a flat kernel array.
     *
     * @throws io.zkml4j.algebra.InvalidEncodingException if the limbs are not reduced
     */
    public static Fq fromMontgomeryLimbs(long[] src, int offset) {
        return ZERO.fromMontgomery(src, offset);
    }

    /** A uniformly random element. */
    public static Fq random(RandomGenerator rng) {
        return ZERO.randomElement(rng);
    }

    /**
     * The inverses of all elements with one field inversion (Montgomery's trick). Zero elements map to
     * zero. The input array is not modified.
     */
    public static Fq[] batchInverse(Fq[] elements) {
        return ZERO.inverses(elements, Fq[]::new);
    }

    @Override
    MontgomeryKernel kernel() {
        return KERNEL;
    }

    @Override
    Fq wrap(long[] montgomeryLimbs) {
        return new Fq(montgomeryLimbs);
    }

    @Override
    String fieldName() {
        return "Fq";
    }
}
