package io.zkml4j.algebra.curve;

import io.zkml4j.algebra.field.Fr;
import java.math.BigInteger;

/**
 * An element of one of the BN254 curve groups, as an immutable value written additively. Implemented
 * by {@link G1Affine}, {@link G1Jacobian}, {@link G2Affine} and {@link G2Jacobian}.
 *
 * <p>Every operation returns a new value; {@code equals} is equality of group elements (for Jacobian
 * points regardless of the chosen {@code Z}).
 *
 * @param <G> the concrete type
 */
public interface GroupElement<G extends GroupElement<G>> {

    G add(G other);

    /** {@code this − other}. */
    default G sub(G other) {
        return add(other.neg());
    }

    G neg();

    /** {@code 2·this}. */
    G dbl();

    /** {@code [k]·this} for the canonical integer of {@code k} (in {@code [0, r)}). */
    G mul(Fr k);

    /**
     * {@code [k]·this} for any integer {@code k} (negative: the negation of {@code [−k]·this}). The
     * scalar is not reduced modulo r, so on a point outside the prime-order subgroup the full integer
     * acts.
     */
    G mul(BigInteger k);

    /** True for the identity, the point at infinity. */
    boolean isInfinity();
}
