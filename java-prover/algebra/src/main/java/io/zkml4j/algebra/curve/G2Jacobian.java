package io.zkml4j.algebra.curve;

import io.zkml4j.algebra.InvalidEncodingException;
import io.zkml4j.algebra.field.Fq2;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.G2Kernel;
import java.math.BigInteger;

/**
 * A point of the BN254 G2 twist in Jacobian coordinates {@code (X, Y, Z)} over Fq2, representing
 * {@code (X/Z², Y/Z³)}; {@code Z = 0} is the point at infinity. Sums and scalar products stay in this
 * form and convert to {@link G2Affine} once at the end.
 *
 * <p>Invariant: on the twist curve. Points built from G2 points (the public factories check membership)
 * stay in G2; a point made from {@link G2Affine#ofOnCurve} may not be. Immutable; {@code equals}
 * compares group elements, whatever the representatives' {@code Z}.
 */
public final class G2Jacobian implements GroupElement<G2Jacobian> {

    /** The identity. */
    public static final G2Jacobian INFINITY;

    /** The standard generator of G2 with {@code Z = 1}. */
    public static final G2Jacobian GENERATOR;

    static {
        long[] inf = new long[G2Kernel.JACOBIAN_LONGS];
        new G2Kernel().setInfinity(inf, 0);
        INFINITY = new G2Jacobian(inf);
        GENERATOR = G2Affine.GENERATOR.toJacobian();
    }

    /** 12 Montgomery limbs X, Y, Z; owned, never exposed. */
    private final long[] limbs;

    private G2Jacobian(long[] limbs) {
        this.limbs = limbs;
    }

    /** Takes ownership of kernel output known to be on the curve. */
    static G2Jacobian wrap(long[] limbs) {
        return new G2Jacobian(limbs);
    }

    /**
     * The point {@code (X, Y, Z)} of G2; any {@code X, Y} with {@code Z = 0} is the point at infinity.
     *
     * @throws InvalidEncodingException if {@code Z ≠ 0} and {@code (X/Z², Y/Z³)} is off the twist curve
     *     or outside G2
     */
    public static G2Jacobian of(Fq2 x, Fq2 y, Fq2 z) {
        if (z.isZero()) {
            return INFINITY;
        }
        Fq2 zInv = z.inverse();
        Fq2 zInv2 = zInv.square();
        G2Affine.of(x.mul(zInv2), y.mul(zInv2).mul(zInv)); // throws unless on the curve and in G2
        long[] l = new long[G2Kernel.JACOBIAN_LONGS];
        x.writeMontgomery(l, 0);
        y.writeMontgomery(l, 8);
        z.writeMontgomery(l, 16);
        return new G2Jacobian(l);
    }

    /**
     * Reads a point of G2 from 24 Montgomery limbs (the kernel layout).
     *
     * @throws InvalidEncodingException if a coordinate is not reduced, or the point is off the curve or
     *     outside G2
     */
    public static G2Jacobian fromMontgomeryLimbs(long[] src, int offset) {
        return of(Fq2.fromMontgomeryLimbs(src, offset), Fq2.fromMontgomeryLimbs(src, offset + 8),
                Fq2.fromMontgomeryLimbs(src, offset + 16));
    }

    /**
     * Converts many points to affine form with one field inversion in total (Montgomery's trick).
     */
    public static G2Affine[] toAffine(G2Jacobian[] points) {
        int n = points.length;
        long[] jac = new long[G2Kernel.JACOBIAN_LONGS * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(points[i].limbs, 0, jac, G2Kernel.JACOBIAN_LONGS * i, G2Kernel.JACOBIAN_LONGS);
        }
        long[] aff = new long[G2Kernel.AFFINE_LONGS * n];
        new G2Kernel().batchToAffine(jac, 0, aff, 0, n);
        G2Affine[] out = new G2Affine[n];
        for (int i = 0; i < n; i++) {
            out[i] = G2Affine.trusted(aff, G2Kernel.AFFINE_LONGS * i);
        }
        return out;
    }

    @Override
    public G2Jacobian add(G2Jacobian other) {
        long[] r = new long[G2Kernel.JACOBIAN_LONGS];
        new G2Kernel().add(r, 0, limbs, 0, other.limbs, 0);
        return new G2Jacobian(r);
    }

    /** {@code this + a} with the cheaper mixed formula (madd-2007-bl). */
    public G2Jacobian add(G2Affine a) {
        long[] aff = new long[G2Kernel.AFFINE_LONGS];
        a.writeMontgomery(aff, 0);
        long[] r = new long[G2Kernel.JACOBIAN_LONGS];
        new G2Kernel().addMixed(r, 0, limbs, 0, aff, 0);
        return new G2Jacobian(r);
    }

    @Override
    public G2Jacobian neg() {
        long[] r = new long[G2Kernel.JACOBIAN_LONGS];
        new G2Kernel().neg(r, 0, limbs, 0);
        return new G2Jacobian(r);
    }

    @Override
    public G2Jacobian dbl() {
        long[] r = new long[G2Kernel.JACOBIAN_LONGS];
        new G2Kernel().dbl(r, 0, limbs, 0);
        return new G2Jacobian(r);
    }

    @Override
    public G2Jacobian mul(Fr k) {
        return mul(k.toBigInteger());
    }

    @Override
    public G2Jacobian mul(BigInteger k) {
        return new G2Jacobian(ScalarMul.mul(new G2Kernel(), limbs, k));
    }

    /** True when the point is in G2 (see {@link G2Affine#isInSubgroup}); costs one inversion more. */
    public boolean isInSubgroup() {
        return toAffine().isInSubgroup();
    }

    @Override
    public boolean isInfinity() {
        return new G2Kernel().isInfinity(limbs, 0);
    }

    /** The affine form (one field inversion). */
    public G2Affine toAffine() {
        long[] a = new long[G2Kernel.AFFINE_LONGS];
        new G2Kernel().toAffine(a, 0, limbs, 0);
        return G2Affine.trusted(a, 0);
    }

    /** Writes {@code X, Y, Z} as 24 Montgomery limbs (8 per coordinate, {@code c0 || c1}), the kernel layout. */
    public void writeMontgomery(long[] dst, int offset) {
        System.arraycopy(limbs, 0, dst, offset, G2Kernel.JACOBIAN_LONGS);
    }

    /** Group-element equality: {@code X1·Z2² = X2·Z1²} and {@code Y1·Z2³ = Y2·Z1³}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof G2Jacobian p && new G2Kernel().equal(limbs, 0, p.limbs, 0);
    }

    /** Consistent with {@link #equals}: the hash of the affine form (costs one inversion). */
    @Override
    public int hashCode() {
        return toAffine().hashCode();
    }

    @Override
    public String toString() {
        return "G2Jacobian" + toAffine().toString().substring(2);
    }
}
