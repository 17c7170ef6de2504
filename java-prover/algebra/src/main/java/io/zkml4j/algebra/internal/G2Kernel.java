package io.zkml4j.algebra.internal;

import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fq2;

/**
 * The group law of the BN254 G2 twist ({@code y² = x³ + 3/(9 + u)} over Fq2) on flat Montgomery limbs:
 * Jacobian points in 24 longs ({@code X, Y, Z}, 8 each as {@code c0 || c1}), affine points in 16 longs
 * ({@code x, y}, all zero for infinity).
 *
 * <p>Same formulas as {@link G1Kernel} (the twist also has {@code a = 0}): dbl-2009-l, add-2007-bl and
 * madd-2007-bl, over Fq2. Nothing here checks subgroup membership: the twist has a large cofactor, so
 * untrusted points must be checked before they get here. Not constant time.
 *
 * <p>Not thread-safe (scratch space per instance); see {@link CurveKernel}.
 */
public final class G2Kernel implements CurveKernel {

    /** Longs per Jacobian point. */
    public static final int JACOBIAN_LONGS = 24;

    /** Longs per affine point. */
    public static final int AFFINE_LONGS = 16;

    /** {@code b' = 3/(9 + u)}, the twist's constant, as Montgomery limbs {@code c0 || c1}. */
    private static final long[] B_TWIST = new long[8];

    static {
        Fq2.of(Fq.of(3), Fq.ZERO).mul(Fq2.NON_RESIDUE.inverse()).writeMontgomery(B_TWIST, 0);
    }

    // Scratch slots of 8 longs each.
    private static final int S0 = 0, S1 = 8, S2 = 16, S3 = 24, S4 = 32, S5 = 40, S6 = 48, S7 = 56,
            S8 = 64, S9 = 72, S10 = 80, S11 = 88;

    private static final MontgomeryKernel FQ = Fq.KERNEL;

    private final Fq2Kernel e = new Fq2Kernel(FQ);
    private final long[] t = new long[96];
    private final long[] negated = new long[AFFINE_LONGS];
    private final LaneBatches lanes;

    /** A kernel that runs its large batch additions on vector lanes once {@link Lanes#ready()}. */
    public G2Kernel() {
        this(true);
    }

    /** @param useLanes whether batch additions may use the vector kernel (tests compare both) */
    G2Kernel(boolean useLanes) {
        this.lanes = new LaneBatches(useLanes, Lanes::g2BatchAdder, 1.9);
    }

    @Override
    public int jacobianLongs() {
        return JACOBIAN_LONGS;
    }

    @Override
    public int affineLongs() {
        return AFFINE_LONGS;
    }

    /** The Fq2 kernel this instance uses (same thread-safety rules). */
    public Fq2Kernel fq2() {
        return e;
    }

    @Override
    public void setInfinity(long[] r, int ro) {
        e.setOne(r, ro);
        e.setOne(r, ro + 8);
        java.util.Arrays.fill(r, ro + 16, ro + 24, 0L);
    }

    @Override
    public boolean isInfinity(long[] p, int po) {
        return Fq2Kernel.isZero(p, po + 16);
    }

    @Override
    public boolean isAffineInfinity(long[] a, int ao) {
        return Fq2Kernel.isZero(a, ao) && Fq2Kernel.isZero(a, ao + 8);
    }

    @Override
    public void dbl(long[] r, int ro, long[] p, int po) {
        if (isInfinity(p, po)) {
            setInfinity(r, ro);
            return;
        }
        final long[] t = this.t;
        final Fq2Kernel e = this.e;
        final int x = po, y = po + 8, z = po + 16;
        e.square(t, S0, p, x);            // A = X²
        e.square(t, S1, p, y);            // B = Y²
        e.square(t, S2, t, S1);           // C = B²
        e.add(t, S3, p, x, t, S1);        // D = 2((X + B)² − A − C)
        e.square(t, S3, t, S3);
        e.sub(t, S3, t, S3, t, S0);
        e.sub(t, S3, t, S3, t, S2);
        e.dbl(t, S3, t, S3);
        e.dbl(t, S4, t, S0);              // E = 3A
        e.add(t, S4, t, S4, t, S0);
        e.square(t, S5, t, S4);           // F = E²
        e.mul(t, S6, p, y, p, z);         // Z3 = 2YZ
        e.dbl(t, S6, t, S6);
        e.dbl(t, S7, t, S3);              // X3 = F − 2D
        e.sub(t, S7, t, S5, t, S7);
        e.sub(t, S8, t, S3, t, S7);       // Y3 = E(D − X3) − 8C
        e.mul(t, S8, t, S4, t, S8);
        e.dbl(t, S2, t, S2);
        e.dbl(t, S2, t, S2);
        e.dbl(t, S2, t, S2);
        e.sub(t, S8, t, S8, t, S2);
        System.arraycopy(t, S7, r, ro, 8);
        System.arraycopy(t, S8, r, ro + 8, 8);
        System.arraycopy(t, S6, r, ro + 16, 8);
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
        final Fq2Kernel e = this.e;
        final int x1 = po, y1 = po + 8, z1 = po + 16, x2 = qo, y2 = qo + 8, z2 = qo + 16;
        e.square(t, S0, p, z1);           // Z1Z1
        e.square(t, S1, q, z2);           // Z2Z2
        e.mul(t, S2, p, x1, t, S1);       // U1 = X1·Z2Z2
        e.mul(t, S3, q, x2, t, S0);       // U2 = X2·Z1Z1
        e.mul(t, S4, p, y1, q, z2);       // S1 = Y1·Z2·Z2Z2
        e.mul(t, S4, t, S4, t, S1);
        e.mul(t, S5, q, y2, p, z1);       // S2 = Y2·Z1·Z1Z1
        e.mul(t, S5, t, S5, t, S0);
        e.sub(t, S3, t, S3, t, S2);       // H = U2 − U1
        e.sub(t, S5, t, S5, t, S4);       // S2 − S1
        if (Fq2Kernel.isZero(t, S3)) {
            if (Fq2Kernel.isZero(t, S5)) {
                dbl(r, ro, p, po);
            } else {
                setInfinity(r, ro);
            }
            return;
        }
        e.dbl(t, S5, t, S5);              // rr = 2(S2 − S1)
        e.dbl(t, S6, t, S3);              // I = (2H)²
        e.square(t, S6, t, S6);
        e.mul(t, S7, t, S3, t, S6);       // J = H·I
        e.mul(t, S8, t, S2, t, S6);       // V = U1·I
        e.add(t, S9, p, z1, q, z2);       // Z3 = ((Z1 + Z2)² − Z1Z1 − Z2Z2)·H
        e.square(t, S9, t, S9);
        e.sub(t, S9, t, S9, t, S0);
        e.sub(t, S9, t, S9, t, S1);
        e.mul(t, S9, t, S9, t, S3);
        e.square(t, S10, t, S5);          // X3 = rr² − J − 2V
        e.sub(t, S10, t, S10, t, S7);
        e.dbl(t, S11, t, S8);
        e.sub(t, S10, t, S10, t, S11);
        e.sub(t, S8, t, S8, t, S10);      // Y3 = rr(V − X3) − 2·S1·J
        e.mul(t, S8, t, S5, t, S8);
        e.mul(t, S4, t, S4, t, S7);
        e.dbl(t, S4, t, S4);
        e.sub(t, S8, t, S8, t, S4);
        System.arraycopy(t, S10, r, ro, 8);
        System.arraycopy(t, S8, r, ro + 8, 8);
        System.arraycopy(t, S9, r, ro + 16, 8);
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
        final Fq2Kernel e = this.e;
        final int x1 = po, y1 = po + 8, z1 = po + 16, x2 = ao, y2 = ao + 8;
        e.square(t, S0, p, z1);           // Z1Z1
        e.mul(t, S1, a, x2, t, S0);       // U2 = X2·Z1Z1
        e.mul(t, S2, a, y2, p, z1);       // S2 = Y2·Z1·Z1Z1
        e.mul(t, S2, t, S2, t, S0);
        e.sub(t, S1, t, S1, p, x1);       // H = U2 − X1
        e.sub(t, S2, t, S2, p, y1);       // S2 − Y1
        if (Fq2Kernel.isZero(t, S1)) {
            if (Fq2Kernel.isZero(t, S2)) {
                dbl(r, ro, p, po);
            } else {
                setInfinity(r, ro);
            }
            return;
        }
        e.square(t, S3, t, S1);           // HH = H²
        e.dbl(t, S4, t, S3);              // I = 4HH
        e.dbl(t, S4, t, S4);
        e.mul(t, S5, t, S1, t, S4);       // J = H·I
        e.dbl(t, S2, t, S2);              // rr = 2(S2 − Y1)
        e.mul(t, S6, p, x1, t, S4);       // V = X1·I
        e.add(t, S7, p, z1, t, S1);       // Z3 = (Z1 + H)² − Z1Z1 − HH
        e.square(t, S7, t, S7);
        e.sub(t, S7, t, S7, t, S0);
        e.sub(t, S7, t, S7, t, S3);
        e.square(t, S8, t, S2);           // X3 = rr² − J − 2V
        e.sub(t, S8, t, S8, t, S5);
        e.dbl(t, S9, t, S6);
        e.sub(t, S8, t, S8, t, S9);
        e.sub(t, S6, t, S6, t, S8);       // Y3 = rr(V − X3) − 2·Y1·J
        e.mul(t, S6, t, S2, t, S6);
        e.mul(t, S5, p, y1, t, S5);
        e.dbl(t, S5, t, S5);
        e.sub(t, S6, t, S6, t, S5);
        System.arraycopy(t, S8, r, ro, 8);
        System.arraycopy(t, S6, r, ro + 8, 8);
        System.arraycopy(t, S7, r, ro + 16, 8);
    }

    @Override
    public void subMixed(long[] r, int ro, long[] p, int po, long[] a, int ao) {
        System.arraycopy(a, ao, negated, 0, 8);
        e.neg(negated, 8, a, ao + 8);
        addMixed(r, ro, p, po, negated, 0);
    }

    @Override
    public void negateAffine(long[] a, int ao) {
        e.neg(a, ao + 8, a, ao + 8);
    }

    @Override
    public void neg(long[] r, int ro, long[] p, int po) {
        System.arraycopy(p, po, r, ro, 8);
        e.neg(r, ro + 8, p, po + 8);
        System.arraycopy(p, po + 16, r, ro + 16, 8);
    }

    @Override
    public void fromAffine(long[] r, int ro, long[] a, int ao) {
        if (isAffineInfinity(a, ao)) {
            setInfinity(r, ro);
            return;
        }
        System.arraycopy(a, ao, r, ro, 16);
        e.setOne(r, ro + 16);
    }

    @Override
    public void toAffine(long[] r, int ro, long[] p, int po) {
        if (isInfinity(p, po)) {
            java.util.Arrays.fill(r, ro, ro + AFFINE_LONGS, 0L);
            return;
        }
        final long[] t = this.t;
        e.inverse(t, S0, p, po + 16);     // 1/Z
        e.square(t, S1, t, S0);           // 1/Z²
        e.mul(t, S0, t, S0, t, S1);       // 1/Z³
        e.mul(r, ro, p, po, t, S1);
        e.mul(r, ro + 8, p, po + 8, t, S0);
    }

    @Override
    public void batchToAffine(long[] jacobian, int jo, long[] affine, int ao, int n) {
        // Montgomery's trick over Fq2: prefix products, one inversion, then back-substitution.
        long[] prefix = new long[8 * (n + 1)];
        e.setOne(prefix, 0);
        for (int i = 0; i < n; i++) {
            int z = jo + JACOBIAN_LONGS * i + 16;
            if (Fq2Kernel.isZero(jacobian, z)) {
                System.arraycopy(prefix, 8 * i, prefix, 8 * (i + 1), 8);
            } else {
                e.mul(prefix, 8 * (i + 1), prefix, 8 * i, jacobian, z);
            }
        }
        final long[] t = this.t;
        e.inverse(t, S2, prefix, 8 * n);  // running inverse of the product of Z_0..Z_i
        for (int i = n - 1; i >= 0; i--) {
            int p = jo + JACOBIAN_LONGS * i, r = ao + AFFINE_LONGS * i;
            if (Fq2Kernel.isZero(jacobian, p + 16)) {
                java.util.Arrays.fill(affine, r, r + AFFINE_LONGS, 0L);
                continue;
            }
            e.mul(t, S0, t, S2, prefix, 8 * i);   // 1/Z_i
            e.mul(t, S2, t, S2, jacobian, p + 16);
            e.square(t, S1, t, S0);
            e.mul(t, S0, t, S0, t, S1);
            e.mul(affine, r, jacobian, p, t, S1);
            e.mul(affine, r + 8, jacobian, p + 8, t, S0);
        }
    }

    @Override
    public boolean equal(long[] p, int po, long[] q, int qo) {
        boolean pInf = isInfinity(p, po), qInf = isInfinity(q, qo);
        if (pInf || qInf) {
            return pInf && qInf;
        }
        final long[] t = this.t;
        e.square(t, S0, p, po + 16);
        e.square(t, S1, q, qo + 16);
        e.mul(t, S2, p, po, t, S1);
        e.mul(t, S3, q, qo, t, S0);
        if (!Fq2Kernel.equal(t, S2, t, S3)) {
            return false;
        }
        e.mul(t, S1, t, S1, q, qo + 16);
        e.mul(t, S0, t, S0, p, po + 16);
        e.mul(t, S2, p, po + 8, t, S1);
        e.mul(t, S3, q, qo + 8, t, S0);
        return Fq2Kernel.equal(t, S2, t, S3);
    }

    /** True when the affine point (Montgomery limbs, not infinity) satisfies {@code y² = x³ + 3/(9 + u)}. */
    public boolean isOnCurve(long[] a, int ao) {
        final long[] t = this.t;
        e.square(t, S0, a, ao + 8);
        e.square(t, S1, a, ao);
        e.mul(t, S1, t, S1, a, ao);
        e.add(t, S1, t, S1, B_TWIST, 0);
        return Fq2Kernel.equal(t, S0, t, S1);
    }

    private long[] inv = new long[0];
    private long[] invScratch = new long[0];

    @Override
    public boolean sameX(long[] a, int ao, long[] b, int bo) {
        return Fq2Kernel.equal(a, ao, b, bo);
    }

    /** On the lanes: 351 ns per addition against 1,116 ns on the scalar kernel (LanesBenchmark, BENCHMARKS.md). */
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
        if (inv.length < 8 * count) {
            inv = new long[8 * count];
            invScratch = new long[8 * (count + 1)];
        }
        // 1/d = conj(d) / N(d) with the norm N(d) = d0² + d1² in Fq, non-zero for d ≠ 0 (−1 is not a
        // square mod q): Montgomery's trick runs over the norms, 7 Fq products per element against
        // 9 (and 15 fewer additions) over Fq2 elements. invScratch holds the prefix products of the
        // norms in its first 4·(count + 1) longs and the norms after them.
        final long[] t = this.t;
        final int norms = 4 * (count + 1);
        FQ.setOne(invScratch, 0);
        for (int i = 0; i < count; i++) {       // d_i = x_P − x_bucket, non-zero by precondition
            int d = 8 * i, n = norms + 4 * i;
            e.sub(inv, d, points, pointOffsets[i], buckets, bucketOffsets[i]);
            e.norm(invScratch, n, inv, d);
            FQ.mul(invScratch, 4 * (i + 1), invScratch, 4 * i, invScratch, n);
        }
        FQ.inverse(t, S3, invScratch, 4 * count);   // 1 / (N_0 ⋯ N_{count−1})
        for (int j = 1; j <= count; j++) {          // i = count − j: a loop counting down took a JIT trap
            int i = count - j, d = 8 * i;           // (loop_limit_check) in every fresh 2^16 prove
            FQ.mul(t, S4, t, S3, invScratch, 4 * i);              // 1/N_i
            FQ.mul(t, S3, t, S3, invScratch, norms + 4 * i);
            e.mulByFq(inv, d, inv, d, t, S4);                     // 1/d_i = (d0, −d1) / N_i
            FQ.neg(inv, d + 4, inv, d + 4);
        }
        for (int i = 0; i < count; i++) {
            int b = bucketOffsets[i], p = pointOffsets[i];
            if (negate[i]) {                     // λ = (±y_P − y_b) / d_i
                e.add(t, S0, points, p + 8, buckets, b + 8);
                e.neg(t, S0, t, S0);
            } else {
                e.sub(t, S0, points, p + 8, buckets, b + 8);
            }
            e.mul(t, S0, t, S0, inv, 8 * i);
            e.square(t, S1, t, S0);             // x3 = λ² − x_b − x_P
            e.sub(t, S1, t, S1, buckets, b);
            e.sub(t, S1, t, S1, points, p);
            e.sub(t, S2, buckets, b, t, S1);    // y3 = λ(x_b − x3) − y_b
            e.mul(t, S2, t, S0, t, S2);
            e.sub(buckets, b + 8, t, S2, buckets, b + 8);
            System.arraycopy(t, S1, buckets, b, 8);
        }
    }
}
