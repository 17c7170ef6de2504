package io.zkml4j.algebra.curve;

import io.zkml4j.algebra.InvalidEncodingException;
import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.G1Kernel;
import java.math.BigInteger;

/**
 * A point of BN254 G1 in Jacobian coordinates {@code (X, Y, Z)}, representing {@code (X/Z², Y/Z³)};
 * {@code Z = 0} is the point at infinity. Additions need no field inversion, so sums and scalar products
 * stay in this form and convert to {@link G1Affine} once at the end.
 *
 * <p>Invariant: on the curve ({@code Y² = X³ + 3Z⁶}), hence in G1. Immutable; {@code equals} compares
 * group elements, whatever the representatives' {@code Z}.
 */
public final class G1Jacobian implements GroupElement<G1Jacobian> {

    /** The identity. */
    public static final G1Jacobian INFINITY;

    /** The standard generator {@code (1, 2, 1)}. */
    public static final G1Jacobian GENERATOR;

    static {
        long[] inf = new long[G1Kernel.JACOBIAN_LONGS];
        new G1Kernel().setInfinity(inf, 0);
        INFINITY = new G1Jacobian(inf);
        GENERATOR = G1Affine.GENERATOR.toJacobian();
    }

    /** 12 Montgomery limbs X, Y, Z; owned, never exposed. */
    private final long[] limbs;

    private G1Jacobian(long[] limbs) {
        this.limbs = limbs;
    }

    /** Takes ownership of kernel output known to be on the curve. */
    static G1Jacobian wrap(long[] limbs) {
        return new G1Jacobian(limbs);
    }

    /**
     * The point {@code (X, Y, Z)}; any {@code X, Y} with {@code Z = 0} is the point at infinity.
     *
     * @throws InvalidEncodingException if {@code Z ≠ 0} and {@code Y² ≠ X³ + 3Z⁶}
     */
    public static G1Jacobian of(Fq x, Fq y, Fq z) {
        if (z.isZero()) {
            return INFINITY;
        }
        Fq z2 = z.square();
        Fq z6 = z2.square().mul(z2);
        if (!y.square().equals(x.square().mul(x).add(z6.mul(Fq.of(3))))) {
            throw new InvalidEncodingException("Point (X = " + x + ", Y = " + y + ", Z = " + z
                    + ") is not on the BN254 G1 curve Y² = X³ + 3Z⁶");
        }
        long[] l = new long[G1Kernel.JACOBIAN_LONGS];
        x.writeMontgomery(l, 0);
        y.writeMontgomery(l, 4);
        z.writeMontgomery(l, 8);
        return new G1Jacobian(l);
    }

    /**
     * Reads a point from 12 Montgomery limbs (the kernel layout).
     *
     * @throws InvalidEncodingException if a coordinate is not reduced or the point is off the curve
     */
    public static G1Jacobian fromMontgomeryLimbs(long[] src, int offset) {
        return of(Fq.fromMontgomeryLimbs(src, offset), Fq.fromMontgomeryLimbs(src, offset + 4),
                Fq.fromMontgomeryLimbs(src, offset + 8));
    }

    /**
     * Converts many points to affine form with one field inversion in total (Montgomery's trick).
     */
    public static G1Affine[] toAffine(G1Jacobian[] points) {
        int n = points.length;
        long[] jac = new long[G1Kernel.JACOBIAN_LONGS * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(points[i].limbs, 0, jac, G1Kernel.JACOBIAN_LONGS * i, G1Kernel.JACOBIAN_LONGS);
        }
        long[] aff = new long[G1Kernel.AFFINE_LONGS * n];
        new G1Kernel().batchToAffine(jac, 0, aff, 0, n);
        G1Affine[] out = new G1Affine[n];
        for (int i = 0; i < n; i++) {
            out[i] = G1Affine.trusted(aff, G1Kernel.AFFINE_LONGS * i);
        }
        return out;
    }

    @Override
    public G1Jacobian add(G1Jacobian other) {
        long[] r = new long[G1Kernel.JACOBIAN_LONGS];
        new G1Kernel().add(r, 0, limbs, 0, other.limbs, 0);
        return new G1Jacobian(r);
    }

    /** {@code this + a} with the cheaper mixed formula (madd-2007-bl). */
    public G1Jacobian add(G1Affine a) {
        long[] aff = new long[G1Kernel.AFFINE_LONGS];
        a.writeMontgomery(aff, 0);
        long[] r = new long[G1Kernel.JACOBIAN_LONGS];
        new G1Kernel().addMixed(r, 0, limbs, 0, aff, 0);
        return new G1Jacobian(r);
    }

    @Override
    public G1Jacobian neg() {
        long[] r = new long[G1Kernel.JACOBIAN_LONGS];
        new G1Kernel().neg(r, 0, limbs, 0);
        return new G1Jacobian(r);
    }

    @Override
    public G1Jacobian dbl() {
        long[] r = new long[G1Kernel.JACOBIAN_LONGS];
        new G1Kernel().dbl(r, 0, limbs, 0);
        return new G1Jacobian(r);
    }

    @Override
    public G1Jacobian mul(Fr k) {
        return mul(k.toBigInteger());
    }

    @Override
    public G1Jacobian mul(BigInteger k) {
        return new G1Jacobian(ScalarMul.mul(new G1Kernel(), limbs, k));
    }

    @Override
    public boolean isInfinity() {
        return new G1Kernel().isInfinity(limbs, 0);
    }

    /** The affine form (one field inversion). */
    public G1Affine toAffine() {
        long[] a = new long[G1Kernel.AFFINE_LONGS];
        new G1Kernel().toAffine(a, 0, limbs, 0);
        return G1Affine.trusted(a, 0);
    }

    /** Writes {@code X, Y, Z} as 12 Montgomery limbs, the kernel layout. */
    public void writeMontgomery(long[] dst, int offset) {
        System.arraycopy(limbs, 0, dst, offset, G1Kernel.JACOBIAN_LONGS);
    }

    /** Group-element equality: {@code X1·Z2² = X2·Z1²} and {@code Y1·Z2³ = Y2·Z1³}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof G1Jacobian p && new G1Kernel().equal(limbs, 0, p.limbs, 0);
    }

    /** Consistent with {@link #equals}: the hash of the affine form (costs one inversion). */
    @Override
    public int hashCode() {
        return toAffine().hashCode();
    }

    @Override
    public String toString() {
        return "G1Jacobian" + toAffine().toString().substring(2);
    }
}
