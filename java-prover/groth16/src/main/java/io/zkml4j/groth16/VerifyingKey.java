package io.zkml4j.groth16;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.pairing.Bn254Pairing;
import io.zkml4j.algebra.pairing.Gt;
import java.util.List;
import java.util.Objects;

/**
 * A Groth16 verifying key over BN254: {@code alpha1} in G1, {@code beta2, gamma2, delta2} in G2 and
 * {@code nPublic + 1} points {@code IC} in G1 (called {@code gamma_abc_g1} in arkworks). The content of
 * snarkjs's {@code verification_key.json} apart from the derived {@code e(alpha1, beta2)}, which
 * {@link #alphaBeta()} computes once on demand and caches.
 *
 * <p>Invariant: every point is in its prime-order subgroup; {@link #of} checks the G2 points
 * (G1 has cofactor 1, so {@link G1Affine}'s on-curve invariant suffices). Immutable and thread-safe.
 */
public final class VerifyingKey {

    private final G1Affine alpha1;
    private final G2Affine beta2;
    private final G2Affine gamma2;
    private final G2Affine delta2;
    private final List<G1Affine> ic;
    private volatile Gt alphaBeta;

    private VerifyingKey(G1Affine alpha1, G2Affine beta2, G2Affine gamma2, G2Affine delta2, List<G1Affine> ic) {
        this.alpha1 = alpha1;
        this.beta2 = beta2;
        this.gamma2 = gamma2;
        this.delta2 = delta2;
        this.ic = ic;
    }

    /**
     * @throws Groth16Exception if {@code ic} is empty or a G2 point lies outside the order-r subgroup
     */
    public static VerifyingKey of(G1Affine alpha1, G2Affine beta2, G2Affine gamma2, G2Affine delta2,
                                  List<G1Affine> ic) {
        Objects.requireNonNull(alpha1, "alpha1");
        List<G1Affine> icCopy = List.copyOf(ic);
        if (icCopy.isEmpty()) {
            throw new Groth16Exception("A verifying key needs at least one IC point (nPublic + 1 points)");
        }
        requireSubgroup(beta2, "beta2");
        requireSubgroup(gamma2, "gamma2");
        requireSubgroup(delta2, "delta2");
        return new VerifyingKey(alpha1, beta2, gamma2, delta2, icCopy);
    }

    private static void requireSubgroup(G2Affine p, String name) {
        Objects.requireNonNull(p, name);
        if (!p.isInSubgroup()) {
            throw new Groth16Exception("Verifying key point " + name + " is not in the BN254 G2 subgroup");
        }
    }

    public G1Affine alpha1() {
        return alpha1;
    }

    public G2Affine beta2() {
        return beta2;
    }

    public G2Affine gamma2() {
        return gamma2;
    }

    public G2Affine delta2() {
        return delta2;
    }

    /** The {@code nPublic + 1} IC points; {@code IC[0]} is the constant term. Immutable list. */
    public List<G1Affine> ic() {
        return ic;
    }

    /** Number of public inputs the key expects. */
    public int nPublic() {
        return ic.size() - 1;
    }

    /** {@code e(alpha1, beta2)} ({@code vk_alphabeta_12} in snarkjs's JSON); one pairing, cached. */
    public Gt alphaBeta() {
        Gt v = alphaBeta;
        if (v == null) {
            v = Bn254Pairing.pair(alpha1, beta2);
            alphaBeta = v;
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifyingKey k && alpha1.equals(k.alpha1) && beta2.equals(k.beta2)
                && gamma2.equals(k.gamma2) && delta2.equals(k.delta2) && ic.equals(k.ic);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alpha1, beta2, gamma2, delta2, ic);
    }

    @Override
    public String toString() {
        return "VerifyingKey[nPublic=" + nPublic() + ", alpha1=" + alpha1 + "]";
    }
}
