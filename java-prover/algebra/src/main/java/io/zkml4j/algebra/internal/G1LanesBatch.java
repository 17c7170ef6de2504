package io.zkml4j.algebra.internal;

import static io.zkml4j.algebra.internal.FqLanes.BLOCK;
import static io.zkml4j.algebra.internal.FqLanes.LANES;
import static io.zkml4j.algebra.internal.LaneLimbs.C266;
import static io.zkml4j.algebra.internal.LaneLimbs.K0;
import static io.zkml4j.algebra.internal.LaneLimbs.K1;
import static io.zkml4j.algebra.internal.LaneLimbs.K2;
import static io.zkml4j.algebra.internal.LaneLimbs.K4;
import static io.zkml4j.algebra.internal.LaneLimbs.ONE256;

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

    // Working blocks: one per temporary of the backward pass.
    private static final int DY = 0, L = BLOCK, L256 = 2 * BLOCK, SQ = 3 * BLOCK, SUM = 4 * BLOCK,
            X3 = 5 * BLOCK, T = 6 * BLOCK, Y3 = 7 * BLOCK, INV = 8 * BLOCK, ACC = 9 * BLOCK;

    private long[] x1 = new long[0], y1 = x1, x2 = x1, y2 = x1, d = x1, prefix = x1;
    private final long[] work = new long[10 * BLOCK];
    private final LaneLimbs lanes = new LaneLimbs();

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
            LaneLimbs.split(buckets, b, x1, at);
            LaneLimbs.split(buckets, b + 4, y1, at);
            LaneLimbs.split(points, p, x2, at);
            lanes.splitSigned(points, p + 4, negate[i], y2, at);
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
        lanes.invert(prefix, (blocks - 1) * BLOCK, work, ACC);
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
                LaneLimbs.join(w, X3 + lane, buckets, b);
                LaneLimbs.join(w, Y3 + lane, buckets, b + 4);
            }
        }
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
