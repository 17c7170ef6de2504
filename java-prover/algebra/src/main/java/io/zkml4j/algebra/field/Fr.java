package io.zkml4j.algebra.field;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.internal.MontgomeryKernel;
import java.math.BigInteger;
import java.util.random.RandomGenerator;

/**
 * An element of Fr, the scalar field of BN254 (circuit values, witnesses, exponents), modulo {@link Bn254#R}.
 *
 * <p>Immutable; obtain values through the static factories. Hot loops should use {@link #KERNEL} on
 * flat {@code long[]} limbs instead of allocating elements.
 */
public final class Fr extends PrimeFieldElement<Fr> {

    /** Allocation-free arithmetic modulo {@link Bn254#R} on Montgomery-form limbs. */
    public static final MontgomeryKernel KERNEL = MontgomeryKernel.forModulus(Bn254.R);

    /** The modulus. */
    public static final BigInteger MODULUS = Bn254.R;

    public static final Fr ZERO = new Fr(new long[4]);

    public static final Fr ONE = ZERO.fromLongValue(1);

    private Fr(long[] montgomeryLimbs) {
        super(montgomeryLimbs);
    }

    /**
     * The element equal to {@code x}.
     *
     * @throws io.zkml4j.algebra.InvalidEncodingException unless {@code 0 <= x < modulus}
     */
    public static Fr of(BigInteger x) {
        return ZERO.fromCanonical(x);
    }

    /** The element congruent to {@code x} (any sign or size) modulo the modulus. */
    public static Fr reduce(BigInteger x) {
        return ZERO.reduced(x);
    }

    /** The element congruent to {@code v}; negative values map to {@code modulus + v}. */
    public static Fr of(long v) {
        return ZERO.fromLongValue(v);
    }

    /**
     * Decodes a 32-byte big-endian integer (the EVM's layout).
     *
     * @throws io.zkml4j.algebra.InvalidEncodingException on a wrong length or a value {@code >= modulus}
     */
    public static Fr fromBytesBE(byte[] bytes) {
        return ZERO.fromBytes(bytes, true);
    }

    /**
     * Decodes a 32-byte little-endian integer (the iden3 binary formats' layout).
     *
     * @throws io.zkml4j.algebra.InvalidEncodingException on a wrong length or a value {@code >= modulus}
     */
    public static Fr fromBytesLE(byte[] bytes) {
        return ZERO.fromBytes(bytes, false);
    }

    /**
     * Wraps a copy of four Montgomery-form limbs from a flat kernel array.
     *
     * @throws io.zkml4j.algebra.InvalidEncodingException if the limbs are not reduced
     */
    public static Fr fromMontgomeryLimbs(long[] src, int offset) {
        return ZERO.fromMontgomery(src, offset);
    }

    /** A uniformly random element. */
    public static Fr random(RandomGenerator rng) {
        return ZERO.randomElement(rng);
    }

    /**
     * The inverses of all elements with one field inversion (Montgomery's trick). Zero elements map to
     * zero. The input array is not modified.
     */
    public static Fr[] batchInverse(Fr[] elements) {
        return ZERO.inverses(elements, Fr[]::new);
    }

    @Override
    MontgomeryKernel kernel() {
        return KERNEL;
    }

    @Override
    Fr wrap(long[] montgomeryLimbs) {
        return new Fr(montgomeryLimbs);
    }

    @Override
    String fieldName() {
        return "Fr";
    }
}
