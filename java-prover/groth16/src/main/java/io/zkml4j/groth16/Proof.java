package io.zkml4j.groth16;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import java.util.Objects;

/**
 * A Groth16 proof {@code (A, B, C)}: {@code A, C} in G1, {@code B} in G2 (snarkjs's {@code pi_a},
 * {@code pi_b}, {@code pi_c}). Invariant: {@code B} is in the order-r subgroup ({@link #of} checks;
 * the check matters for soundness of verification, since the twist has a large cofactor). Immutable.
 */
public final class Proof {

    private final G1Affine a;
    private final G2Affine b;
    private final G1Affine c;

    private Proof(G1Affine a, G2Affine b, G1Affine c) {
        this.a = a;
        this.b = b;
        this.c = c;
    }

    /**
     * @throws Groth16Exception if {@code b} is outside the G2 subgroup
     */
    public static Proof of(G1Affine a, G2Affine b, G1Affine c) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(c, "c");
        if (!b.isInSubgroup()) {
            throw new Groth16Exception("Proof point B is on the twist but not in the BN254 G2 subgroup");
        }
        return new Proof(a, b, c);
    }

    public G1Affine a() {
        return a;
    }

    public G2Affine b() {
        return b;
    }

    public G1Affine c() {
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Proof p && a.equals(p.a) && b.equals(p.b) && c.equals(p.c);
    }

    @Override
    public int hashCode() {
        return Objects.hash(a, b, c);
    }

    @Override
    public String toString() {
        return "Proof[a=" + a + ", b=" + b + ", c=" + c + "]";
    }
}
