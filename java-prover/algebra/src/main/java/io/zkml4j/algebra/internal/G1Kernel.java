package io.zkml4j.algebra.internal;

import io.zkml4j.algebra.field.Fq;

/**
 * The group law of BN254 G1 ({@code y² = x³ + 3} over Fq) on flat Montgomery limbs: Jacobian points in
 * 12 longs ({@code X, Y, Z}), affine points in 8 longs ({@code x, y}, all zero for infinity).
 *
 * <p>Formulas are the {@code a = 0} Jacobian ones from the Explicit-Formulas Database (Bernstein–Lange):
 * dbl-2009-l, add-2007-bl and madd-2007-bl, with the exceptional cases (equal inputs, opposite inputs,
 * infinity) branched out explicitly. Not constant time: for public data only (proving keys, proofs).
 *
 * <p>Not thread-safe (scratch space per instance); see {@link CurveKernel}.
 */
public final class G1Kernel implements CurveKernel {

    /** Longs per Jacobian point. */
    public static final int JACOBIAN_LONGS = 12;

    /** Longs per affine point. */
    public static final int AFFINE_LONGS = 8;

    private static final MontgomeryKernel F = Fq.KERNEL;

    // Scratch slots of 4 longs each.
    private static final int S0 = 0, S1 = 4, S2 = 8, S3 = 12, S4 = 16, S5 = 20, S6 = 24, S7 = 28,
            S8 = 32, S9 = 36, S10 = 40, S11 = 44;

    private final long[] t = new long[48];
    private final long[] negated = new long[AFFINE_LONGS];
    private final LaneBatches lanes;

    /** A kernel that runs its large batch additions on vector lanes once {@link Lanes#ready()}. */
    public G1Kernel() {
        this(true);
    }

    /** @param useLanes whether batch additions may use the vector kernel (tests compare both) */
    G1Kernel(boolean useLanes) {
        this.lanes = new LaneBatches(useLanes, Lanes::g1BatchAdder, 2.7);
    }

    @Override
    public int jacobianLongs() {
        return JACOBIAN_LONGS;
    }

    @Override
    public int affineLongs() {
        return AFFINE_LONGS;
    }

    @Override
    public void setInfinity(long[] r, int ro) {
        F.setOne(r, ro);
        F.setOne(r, ro + 4);
        r[ro + 8] = 0; r[ro + 9] = 0; r[ro + 10] = 0; r[ro + 11] = 0;
    }

    @Override
    public boolean isInfinity(long[] p, int po) {
        return MontgomeryKernel.isZero(p, po + 8);
    }

    @Override
    public boolean isAffineInfinity(long[] a, int ao) {
        return MontgomeryKernel.isZero(a, ao) && MontgomeryKernel.isZero(a, ao + 4);
    }

    @Override
    public void dbl(long[] r, int ro, long[] p, int po) {
        if (isInfinity(p, po)) {
            setInfinity(r, ro);
            return;
        }
        final long[] t = this.t;
        final int x = po, y = po + 4, z = po + 8;
        F.square(t, S0, p, x);            // A = X²
        F.square(t, S1, p, y);            // B = Y²
        F.square(t, S2, t, S1);           // C = B²
        F.add(t, S3, p, x, t, S1);        // D = 2((X + B)² − A − C)
        F.square(t, S3, t, S3);
        F.sub(t, S3, t, S3, t, S0);
        F.sub(t, S3, t, S3, t, S2);
        F.dbl(t, S3, t, S3);
        F.dbl(t, S4, t, S0);              // E = 3A
        F.add(t, S4, t, S4, t, S0);
        F.square(t, S5, t, S4);           // F = E²
        F.mul(t, S6, p, y, p, z);         // Z3 = 2YZ
        F.dbl(t, S6, t, S6);
        F.dbl(t, S7, t, S3);              // X3 = F − 2D
        F.sub(t, S7, t, S5, t, S7);
        F.sub(t, S8, t, S3, t, S7);       // Y3 = E(D − X3) − 8C
        F.mul(t, S8, t, S4, t, S8);
        F.dbl(t, S2, t, S2);
        F.dbl(t, S2, t, S2);
        F.dbl(t, S2, t, S2);
        F.sub(t, S8, t, S8, t, S2);
        System.arraycopy(t, S7, r, ro, 4);
        System.arraycopy(t, S8, r, ro + 4, 4);
        System.arraycopy(t, S6, r, ro + 8, 4);
    }

    @Override
    public void add(long[] r, int ro, long[] p, int po, long[] q, int qo) {
        if (isInfinity(p, po)) {
            System.arraycopy(q, qo, r, ro, JACOBIAN_LONGS);
            return;
        }
        if (isInfinity(q, qo)) {
            System.arraycopy(p, po, r, ro, JACOBIAN_LONGS);
            return;
        }
        final long[] t = this.t;
        final int x1 = po, y1 = po + 4, z1 = po + 8, x2 = qo, y2 = qo + 4, z2 = qo + 8;
        F.square(t, S0, p, z1);           // Z1Z1
        F.square(t, S1, q, z2);           // Z2Z2
        F.mul(t, S2, p, x1, t, S1);       // U1 = X1·Z2Z2
        F.mul(t, S3, q, x2, t, S0);       // U2 = X2·Z1Z1
        F.mul(t, S4, p, y1, q, z2);       // S1 = Y1·Z2·Z2Z2
        F.mul(t, S4, t, S4, t, S1);
        F.mul(t, S5, q, y2, p, z1);       // S2 = Y2·Z1·Z1Z1
        F.mul(t, S5, t, S5, t, S0);
        F.sub(t, S3, t, S3, t, S2);       // H = U2 − U1
        F.sub(t, S5, t, S5, t, S4);       // S2 − S1
        if (MontgomeryKernel.isZero(t, S3)) {
            if (MontgomeryKernel.isZero(t, S5)) {
                dbl(r, ro, p, po);
            } else {
                setInfinity(r, ro);
            }
            return;
        }
        F.dbl(t, S5, t, S5);              // rr = 2(S2 − S1)
        F.dbl(t, S6, t, S3);              // I = (2H)²
        F.square(t, S6, t, S6);
        F.mul(t, S7, t, S3, t, S6);       // J = H·I
        F.mul(t, S8, t, S2, t, S6);       // V = U1·I
        F.add(t, S9, p, z1, q, z2);       // Z3 = ((Z1 + Z2)² − Z1Z1 − Z2Z2)·H
        F.square(t, S9, t, S9);
        F.sub(t, S9, t, S9, t, S0);
        F.sub(t, S9, t, S9, t, S1);
        F.mul(t, S9, t, S9, t, S3);
        F.square(t, S10, t, S5);          // X3 = rr² − J − 2V
        F.sub(t, S10, t, S10, t, S7);
        F.dbl(t, S11, t, S8);
        F.sub(t, S10, t, S10, t, S11);
        F.sub(t, S8, t, S8, t, S10);      // Y3 = rr(V − X3) − 2·S1·J
        F.mul(t, S8, t, S5, t, S8);
        F.mul(t, S4, t, S4, t, S7);
        F.dbl(t, S4, t, S4);
        F.sub(t, S8, t, S8, t, S4);
        System.arraycopy(t, S10, r, ro, 4);
        System.arraycopy(t, S8, r, ro + 4, 4);
        System.arraycopy(t, S9, r, ro + 8, 4);
    }

    @Override
    public void addMixed(long[] r, int ro, long[] p, int po, long[] a, int ao) {
        if (isAffineInfinity(a, ao)) {
            if (r != p || ro != po) {
                System.arraycopy(p, po, r, ro, JACOBIAN_LONGS);
            }
            return;
        }
        if (isInfinity(p, po)) {
            fromAffine(r, ro, a, ao);
            return;
        }
        final long[] t = this.t;
        final int x1 = po, y1 = po + 4, z1 = po + 8, x2 = ao, y2 = ao + 4;
        F.square(t, S0, p, z1);           // Z1Z1
        F.mul(t, S1, a, x2, t, S0);       // U2 = X2·Z1Z1
        F.mul(t, S2, a, y2, p, z1);       // S2 = Y2·Z1·Z1Z1
        F.mul(t, S2, t, S2, t, S0);
        F.sub(t, S1, t, S1, p, x1);       // H = U2 − X1
        F.sub(t, S2, t, S2, p, y1);       // S2 − Y1
        if (MontgomeryKernel.isZero(t, S1)) {
            if (MontgomeryKernel.isZero(t, S2)) {
                dbl(r, ro, p, po);
            } else {
                setInfinity(r, ro);
            }
            return;
        }
        F.square(t, S3, t, S1);           // HH = H²
        F.dbl(t, S4, t, S3);              // I = 4HH
        F.dbl(t, S4, t, S4);
        F.mul(t, S5, t, S1, t, S4);       // J = H·I
        F.dbl(t, S2, t, S2);              // rr = 2(S2 − Y1)
        F.mul(t, S6, p, x1, t, S4);       // V = X1·I
        F.add(t, S7, p, z1, t, S1);       // Z3 = (Z1 + H)² − Z1Z1 − HH
        F.square(t, S7, t, S7);
        F.sub(t, S7, t, S7, t, S0);
        F.sub(t, S7, t, S7, t, S3);
        F.square(t, S8, t, S2);           // X3 = rr² − J − 2V
        F.sub(t, S8, t, S8, t, S5);
        F.dbl(t, S9, t, S6);
        F.sub(t, S8, t, S8, t, S9);
        F.sub(t, S6, t, S6, t, S8);       // Y3 = rr(V − X3) − 2·Y1·J
        F.mul(t, S6, t, S2, t, S6);
        F.mul(t, S5, p, y1, t, S5);
        F.dbl(t, S5, t, S5);
        F.sub(t, S6, t, S6, t, S5);
        System.arraycopy(t, S8, r, ro, 4);
        System.arraycopy(t, S6, r, ro + 4, 4);
        System.arraycopy(t, S7, r, ro + 8, 4);
    }

    @Override
    public void subMixed(long[] r, int ro, long[] p, int po, long[] a, int ao) {
        System.arraycopy(a, ao, negated, 0, 4);
        F.neg(negated, 4, a, ao + 4);
        addMixed(r, ro, p, po, negated, 0);
    }

    @Override
    public void negateAffine(long[] a, int ao) {
        F.neg(a, ao + 4, a, ao + 4);
    }

    @Override
    public void neg(long[] r, int ro, long[] p, int po) {
        System.arraycopy(p, po, r, ro, 4);
        F.neg(r, ro + 4, p, po + 4);
        System.arraycopy(p, po + 8, r, ro + 8, 4);
    }

    @Override
    public void fromAffine(long[] r, int ro, long[] a, int ao) {
        if (isAffineInfinity(a, ao)) {
            setInfinity(r, ro);
            return;
        }
        System.arraycopy(a, ao, r, ro, 8);
        F.setOne(r, ro + 8);
    }

    @Override
    public void toAffine(long[] r, int ro, long[] p, int po) {
        if (isInfinity(p, po)) {
            java.util.Arrays.fill(r, ro, ro + AFFINE_LONGS, 0L);
            return;
        }
        final long[] t = this.t;
        F.inverse(t, S0, p, po + 8);      // 1/Z
        F.square(t, S1, t, S0);           // 1/Z²
        F.mul(t, S0, t, S0, t, S1);       // 1/Z³
        F.mul(r, ro, p, po, t, S1);
        F.mul(r, ro + 4, p, po + 4, t, S0);
    }

    @Override
    public void batchToAffine(long[] jacobian, int jo, long[] affine, int ao, int n) {
        long[] zs = new long[4 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(jacobian, jo + JACOBIAN_LONGS * i + 8, zs, 4 * i, 4);
        }
        F.batchInverse(zs, 0, n, new long[4 * n]);
        final long[] t = this.t;
        for (int i = 0; i < n; i++) {
            int p = jo + JACOBIAN_LONGS * i, r = ao + AFFINE_LONGS * i;
            if (MontgomeryKernel.isZero(zs, 4 * i)) {
                java.util.Arrays.fill(affine, r, r + AFFINE_LONGS, 0L);
                continue;
            }
            F.square(t, S1, zs, 4 * i);
            F.mul(t, S0, zs, 4 * i, t, S1);
            F.mul(affine, r, jacobian, p, t, S1);
            F.mul(affine, r + 4, jacobian, p + 4, t, S0);
        }
    }

    @Override
    public boolean equal(long[] p, int po, long[] q, int qo) {
        boolean pInf = isInfinity(p, po), qInf = isInfinity(q, qo);
        if (pInf || qInf) {
            return pInf && qInf;
        }
        final long[] t = this.t;
        F.square(t, S0, p, po + 8);       // Z1²
        F.square(t, S1, q, qo + 8);       // Z2²
        F.mul(t, S2, p, po, t, S1);       // X1·Z2²
        F.mul(t, S3, q, qo, t, S0);       // X2·Z1²
        if (!MontgomeryKernel.equal(t, S2, t, S3)) {
            return false;
        }
        F.mul(t, S1, t, S1, q, qo + 8);   // Z2³
        F.mul(t, S0, t, S0, p, po + 8);   // Z1³
        F.mul(t, S2, p, po + 4, t, S1);   // Y1·Z2³
        F.mul(t, S3, q, qo + 4, t, S0);   // Y2·Z1³
        return MontgomeryKernel.equal(t, S2, t, S3);
    }

    /** True when the affine point (Montgomery limbs, not infinity) satisfies {@code y² = x³ + 3}. */
    public boolean isOnCurve(long[] a, int ao) {
        final long[] t = this.t;
        F.square(t, S0, a, ao + 4);       // y²
        F.square(t, S1, a, ao);           // x³ + 3
        F.mul(t, S1, t, S1, a, ao);
        F.setOne(t, S2);
        F.dbl(t, S3, t, S2);
        F.add(t, S3, t, S3, t, S2);
        F.add(t, S1, t, S1, t, S3);
        return MontgomeryKernel.equal(t, S0, t, S1);
    }

    private long[] inv = new long[0];
    private long[] invScratch = new long[0];

    @Override
    public boolean sameX(long[] a, int ao, long[] b, int bo) {
        return MontgomeryKernel.equal(a, ao, b, bo);
    }

    /** On the lanes: 148–150 ns per addition against 406–416 ns on the scalar kernel (LanesBenchmark, BENCHMARKS.md). */
    @Override
    public double batchAddAffineCost() {
        return lanes.cost(CurveKernel.super.batchAddAffineCost());
    }

    @Override
    public void batchAddAffine(long[] buckets, int[] bucketOffsets, long[] points, int[] pointOffsets,
                               boolean[] negate, int count) {
        if (count == 0) {
            return;
        }
        if (lanes.batchAddAffine(buckets, bucketOffsets, points, pointOffsets, negate, count)) {
            return;
        }
        if (inv.length < 4 * count) {
            inv = new long[4 * count];
            invScratch = new long[4 * (count + 1)];
        }
        final long[] t = this.t;
        for (int i = 0; i < count; i++) {       // d_i = x_P − x_bucket, non-zero by precondition
            F.sub(inv, 4 * i, points, pointOffsets[i], buckets, bucketOffsets[i]);
        }
        F.batchInverse(inv, 0, count, invScratch);
        for (int i = 0; i < count; i++) {
            int b = bucketOffsets[i], p = pointOffsets[i];
            if (negate[i]) {                     // λ = (±y_P − y_b) / d_i
                F.add(t, S0, points, p + 4, buckets, b + 4);
                F.neg(t, S0, t, S0);
            } else {
                F.sub(t, S0, points, p + 4, buckets, b + 4);
            }
            F.mul(t, S0, t, S0, inv, 4 * i);
            F.square(t, S1, t, S0);             // x3 = λ² − x_b − x_P
            F.sub(t, S1, t, S1, buckets, b);
            F.sub(t, S1, t, S1, points, p);
            F.sub(t, S2, buckets, b, t, S1);    // y3 = λ(x_b − x3) − y_b
            F.mul(t, S2, t, S0, t, S2);
            F.sub(buckets, b + 4, t, S2, buckets, b + 4);
            System.arraycopy(t, S1, buckets, b, 4);
        }
    }
}
