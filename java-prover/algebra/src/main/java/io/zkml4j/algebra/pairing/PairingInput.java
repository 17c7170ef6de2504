package io.zkml4j.algebra.pairing;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fq2;
import java.util.Objects;

/**
 * One {@code (P, Q)} argument of a pairing, by affine coordinates: {@code P = (px, py)} in G1 (on
 * {@code y² = x³ + 3} over Fq) and {@code Q = (qx, qy)} in G2 (on the twist {@code y² = x³ + 3/(9 + u)}
 * over Fq2).
 *
 * <p>The point at infinity is written {@code (0, 0)}, as EIP-197 encodes it (no finite point of either
 * curve has both coordinates zero, since {@code b ≠ 0}). A pair with either point at infinity is
 * {@linkplain #isTrivial() trivial}: its pairing is 1.
 *
 * <p>No validation happens here: the pairing functions assume each point is on its curve and in the
 * order-r subgroup. That check belongs to the point decoders (for G2 the subgroup check is essential:
 * the twist has a large cofactor). Feeding unchecked points gives meaningless results, not exceptions.
 *
 * @param px x of the G1 point
 * @param py y of the G1 point
 * @param qx x of the G2 point ({@code x.c0 + x.c1·u}; EIP-197 serializes {@code c1} first)
 * @param qy y of the G2 point
 */
public record PairingInput(Fq px, Fq py, Fq2 qx, Fq2 qy) {

    public PairingInput {
        Objects.requireNonNull(px, "px");
        Objects.requireNonNull(py, "py");
        Objects.requireNonNull(qx, "qx");
        Objects.requireNonNull(qy, "qy");
    }

    /** The pair {@code ((px, py), (qx, qy))}; {@code (0, 0)} stands for the point at infinity. */
    public static PairingInput of(Fq px, Fq py, Fq2 qx, Fq2 qy) {
        return new PairingInput(px, py, qx, qy);
    }

    /**
     * The pair {@code (P, Q)} of typed points, the point at infinity becoming {@code (0, 0)}. Points made
     * by {@link G1Affine}'s factories are always valid (G1 has cofactor 1), and so are those of
     * {@link G2Affine#of} and {@link G2Affine#fromEvmBytes}; a point from {@link G2Affine#ofOnCurve} may
     * lie outside G2, and then the pairing's value is meaningless.
     */
    public static PairingInput of(G1Affine p, G2Affine q) {
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(q, "q");
        return new PairingInput(p.isInfinity() ? Fq.ZERO : p.x(), p.isInfinity() ? Fq.ZERO : p.y(),
                q.isInfinity() ? Fq2.ZERO : q.x(), q.isInfinity() ? Fq2.ZERO : q.y());
    }

    /** True when P is the point at infinity. */
    public boolean pIsInfinity() {
        return px.isZero() && py.isZero();
    }

    /** True when Q is the point at infinity. */
    public boolean qIsInfinity() {
        return qx.isZero() && qy.isZero();
    }

    /** True when either point is at infinity, so the pair contributes 1 to any product of pairings. */
    public boolean isTrivial() {
        return pIsInfinity() || qIsInfinity();
    }
}
