package io.zkml4j.algebra.internal;

import static io.zkml4j.algebra.internal.FqLanes.BLOCK;
import static io.zkml4j.algebra.internal.FqLanes.LANES;

import io.zkml4j.algebra.field.Fq;
import java.math.BigInteger;
import jdk.incubator.vector.LongVector;

/**
 * {@link CurveKernel#batchAddAffine} for G1 on 8 lanes at once ({@link FqLanes}): about 4× fewer
 * nanoseconds per field multiplication than the scalar kernel on a CPU with 512-bit vectors
 * (BENCHMARKS.md).
 *
 * <p>Points come and go in the scalar kernel's form (Montgomery with {@code R = 2^256}, four 64-bit
 * limbs); they are split into 29-bit limbs without any conversion, so lane values carry the factor
 * {@code 2^256} ("form 256"). A lane product multiplies the factors and divides by {@code 2^261}: form
 * {@code a} times form {@code b} is form {@code a + b − 261}. The additions choose their operands' forms
 * so that the results come out in form 256 again, at the cost of two extra products per point:
 * <pre>
 *   d = x_P − x_B (256) → ·2^266 → d (261);  prefix products π_k of d (261), per lane
 *   one scalar inversion of the 8 lanes' π (Montgomery's trick) → 1/π (266)
 *   backwards: 1/d = (1/π_k)·π_(k−1) (266);  1/π_(k−1) = (1/π_k)·d_k (266)
 *   λ = (±y_P − y_B)(256) · 1/d (266) → 261;  λ' = λ·2^256 → 256;  λ² = λ·λ' → 256
 *   x = λ² − x_B − x_P (256);  y = λ·(x_B − x)(256) − y_B → 256
 * </pre>
 * Eight lane multiplications per point, against six scalar ones, at about a fifth of the cost each.
 *
 * <p>Not thread-safe (scratch space per instance).
 */
final class G1LanesBatch implements AffineBatchAdder {

    private static final MontgomeryKernel F = Fq.KERNEL;
    private static final BigInteger P = F.modulus();
    private static final int MASK = (1 << FqLanes.LIMB_BITS) - 1;

    /** Blocks of constants: {@code 2^266 mod p}, {@code 2^256 mod p}, 0, p, 2p, 4p in every lane. */
    private static final long[] C266 = broadcast(BigInteger.TWO.pow(266).mod(P));
    private static final long[] ONE256 = broadcast(BigInteger.TWO.pow(256).mod(P));
    private static final long[] K0 = FqLanes.multipleOfP(0);
    private static final long[] K1 = FqLanes.multipleOfP(1);
    private static final long[] K2 = FqLanes.multipleOfP(2);
    private static final long[] K4 = FqLanes.multipleOfP(4);
    /** {@code 2^271 mod p}: a scalar Montgomery product with it multiplies by {@code 2^15}. */
    private static final long[] C271 = MontgomeryKernel.toLimbs(BigInteger.TWO.pow(271).mod(P));

    // Working blocks: one per temporary of the backward pass.
    private static final int DY = 0, L = BLOCK, L256 = 2 * BLOCK, SQ = 3 * BLOCK, SUM = 4 * BLOCK,
            X3 = 5 * BLOCK, T = 6 * BLOCK, Y3 = 7 * BLOCK, INV = 8 * BLOCK, ACC = 9 * BLOCK;

    private long[] x1 = new long[0], y1 = x1, x2 = x1, y2 = x1, d = x1, prefix = x1;
    private final long[] work = new long[10 * BLOCK];
    private final long[] scalar = new long[4 * LANES];
    private final long[] scalarScratch = new long[4 * LANES];
    private final long[] limbs = new long[4];

    /** Whether this CPU runs 8 lanes of 64 bits natively (checked by {@link Lanes}). */
    static boolean supported() {
        return LongVector.SPECIES_PREFERRED.length() >= LANES;
    }

    @Override
    public void batchAddAffine(long[] buckets, int[] bucketOffsets, long[] points, int[] pointOffsets,
                               boolean[] negate, int count) {
        if (count == 0) {
            return;
        }
        int blocks = (count + LANES - 1) / LANES;
        ensureCapacity(blocks * BLOCK);
        for (int i = 0; i < count; i++) {
            int at = i / LANES * BLOCK + i % LANES;
            int b = bucketOffsets[i], p = pointOffsets[i];
            split(buckets, b, x1, at);
            split(buckets, b + 4, y1, at);
            split(points, p, x2, at);
            if (negate[i]) {
                F.neg(limbs, 0, points, p + 4);
                split(limbs, 0, y2, at);
            } else {
                split(points, p + 4, y2, at);
            }
        }
        for (int i = count; i < blocks * LANES; i++) { // padding lanes: d = 1, everything else 0
            int at = i / LANES * BLOCK + i % LANES;
            for (int j = 0; j < FqLanes.LIMBS; j++) {
                x1[at + LANES * j] = 0;
                y1[at + LANES * j] = 0;
                y2[at + LANES * j] = 0;
                x2[at + LANES * j] = ONE256[LANES * j];
            }
        }
        // d = x_P − x_B, in form 261, and the running products per lane.
        for (int k = 0, o = 0; k < blocks; k++, o += BLOCK) {
            FqLanes.sub(d, o, x2, o, x1, o, K1);
            FqLanes.mul(d, o, d, o, C266, 0);
            if (k == 0) {
                System.arraycopy(d, 0, prefix, 0, BLOCK);
            } else {
                FqLanes.mul(prefix, o, prefix, o - BLOCK, d, o);
            }
        }
        invertLanes(prefix, (blocks - 1) * BLOCK, work, ACC);
        long[] w = work;
        for (int k = blocks - 1, o = k * BLOCK; k >= 0; k--, o -= BLOCK) {
            int inv = ACC;
            if (k > 0) {
                FqLanes.mul(w, INV, w, ACC, prefix, o - BLOCK);
                FqLanes.mul(w, ACC, w, ACC, d, o);
                inv = INV;
            }
            FqLanes.sub(w, DY, y2, o, y1, o, K1);      // < 2p, form 256
            FqLanes.mul(w, L, w, DY, w, inv);          // λ, form 261
            FqLanes.mul(w, L256, w, L, ONE256, 0);     // λ, form 256
            FqLanes.mul(w, SQ, w, L, w, L256);         // λ², form 256
            FqLanes.add(w, SUM, x1, o, x2, o, K0);     // < 2p
            FqLanes.sub(w, X3, w, SQ, w, SUM, K2);     // < 4p
            FqLanes.sub(w, T, x1, o, w, X3, K4);       // < 5p
            FqLanes.mul(w, T, w, L, w, T);             // λ(x_B − x), form 256, < 2p
            FqLanes.sub(w, Y3, w, T, y1, o, K1);       // < 3p
            for (int lane = 0, i = k * LANES; lane < LANES && i < count; lane++, i++) {
                int b = bucketOffsets[i];
                join(w, X3 + lane, buckets, b);
                join(w, Y3 + lane, buckets, b + 4);
            }
        }
    }

    /**
     * {@code dst[to..]} (a block) = the inverses of the 8 lane values of the block at {@code src[from..]}
     * (form 261, non-zero), in form 266: one scalar batch inversion. A lane value {@code v = π·2^261}
     * read as a scalar Montgomery element inverts to {@code 2^512/v = π^-1·2^251}; times {@code 2^15}.
     */
    private void invertLanes(long[] src, int from, long[] dst, int to) {
        for (int lane = 0; lane < LANES; lane++) {
            join(src, from + lane, scalar, 4 * lane);
        }
        F.batchInverse(scalar, 0, LANES, scalarScratch);
        for (int lane = 0; lane < LANES; lane++) {
            F.mul(scalar, 4 * lane, scalar, 4 * lane, C271, 0);
            split(scalar, 4 * lane, dst, to + lane);
        }
    }

    /** Limbs {@code 4×64 → 9×29}: the 256-bit integer at {@code a[ao..ao+3]} into the lane at {@code soa[at]}. */
    static void split(long[] a, int ao, long[] soa, int at) {
        long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
        soa[at] = a0 & MASK;
        soa[at + 8] = a0 >>> 29 & MASK;
        soa[at + 16] = (a0 >>> 58 | a1 << 6) & MASK;
        soa[at + 24] = a1 >>> 23 & MASK;
        soa[at + 32] = (a1 >>> 52 | a2 << 12) & MASK;
        soa[at + 40] = a2 >>> 17 & MASK;
        soa[at + 48] = (a2 >>> 46 | a3 << 18) & MASK;
        soa[at + 56] = a3 >>> 11 & MASK;
        soa[at + 64] = a3 >>> 40;
    }

    /**
     * Limbs {@code 9×29 → 4×64}: the lane at {@code soa[at]} (normalised limbs, value below 5p, so below
     * 2^256) reduced modulo p into {@code r[ro..ro+3]}.
     */
    static void join(long[] soa, int at, long[] r, int ro) {
        long l0 = soa[at], l1 = soa[at + 8], l2 = soa[at + 16], l3 = soa[at + 24], l4 = soa[at + 32],
                l5 = soa[at + 40], l6 = soa[at + 48], l7 = soa[at + 56], l8 = soa[at + 64];
        long r0 = l0 | l1 << 29 | l2 << 58;
        long r1 = l2 >>> 6 | l3 << 23 | l4 << 52;
        long r2 = l4 >>> 12 | l5 << 17 | l6 << 46;
        long r3 = l6 >>> 18 | l7 << 11 | l8 << 40;
        while (!below(r0, r1, r2, r3)) {        // at most four rounds
            long b;
            long d0 = r0 - F.p0();
            b = borrow(r0, F.p0(), d0);
            long d1 = r1 - F.p1() - b;
            b = borrow(r1, F.p1(), d1);
            long d2 = r2 - F.p2() - b;
            b = borrow(r2, F.p2(), d2);
            r3 = r3 - F.p3() - b;
            r0 = d0;
            r1 = d1;
            r2 = d2;
        }
        r[ro] = r0;
        r[ro + 1] = r1;
        r[ro + 2] = r2;
        r[ro + 3] = r3;
    }

    /** Whether {@code (r0..r3) < p}. */
    private static boolean below(long r0, long r1, long r2, long r3) {
        if (r3 != F.p3()) {
            return Long.compareUnsigned(r3, F.p3()) < 0;
        }
        if (r2 != F.p2()) {
            return Long.compareUnsigned(r2, F.p2()) < 0;
        }
        if (r1 != F.p1()) {
            return Long.compareUnsigned(r1, F.p1()) < 0;
        }
        return Long.compareUnsigned(r0, F.p0()) < 0;
    }

    /** The borrow out of {@code x − y} given the difference {@code d} (including any borrow in). */
    private static long borrow(long x, long y, long d) {
        return ((~x & y) | (~(x ^ y) & d)) >>> 63;
    }

    /** A block with {@code v} (below p) in every lane. */
    private static long[] broadcast(BigInteger v) {
        long[] one = MontgomeryKernel.toLimbs(v);
        long[] block = new long[BLOCK];
        for (int lane = 0; lane < LANES; lane++) {
            split(one, 0, block, lane);
        }
        return block;
    }

    private void ensureCapacity(int longs) {
        if (x1.length < longs) {
            int size = Math.max(longs, 2 * x1.length);
            x1 = new long[size];
            y1 = new long[size];
            x2 = new long[size];
            y2 = new long[size];
            d = new long[size];
            prefix = new long[size];
        }
    }
}
