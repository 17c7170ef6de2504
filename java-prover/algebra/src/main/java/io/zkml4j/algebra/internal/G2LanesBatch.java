package io.zkml4j.algebra.internal;

import static io.zkml4j.algebra.internal.FqLanes.BLOCK;
import static io.zkml4j.algebra.internal.FqLanes.LANES;
import static io.zkml4j.algebra.internal.FqLanes.LIMBS;
import static io.zkml4j.algebra.internal.LaneLimbs.C266;
import static io.zkml4j.algebra.internal.LaneLimbs.K0;
import static io.zkml4j.algebra.internal.LaneLimbs.K1;
import static io.zkml4j.algebra.internal.LaneLimbs.K2;
import static io.zkml4j.algebra.internal.LaneLimbs.K4;
import static io.zkml4j.algebra.internal.LaneLimbs.ONE256;


/**
 * {@link CurveKernel#batchAddAffine} for G2 (over {@code Fq2 = Fq[u]/(u² + 1)}) on 8 lanes at once,
 * with the factor bookkeeping of {@link G1LanesBatch} ("form k": a lane value carries {@code 2^k}; a lane
 * product of forms {@code a} and {@code b} has form {@code a + b − 261}). An Fq2 inverse is the conjugate
 * over the norm, so the batch inverts the norms in Fq:
 * <pre>
 *   d = x_P − x_B → ·2^266 → d (261);  N = d0² + d1² (261);  prefix products of N per lane
 *   1/N (266) from one scalar inversion of the 8 lanes' products;  1/d = (d0, −d1)·1/N (266)
 *   λ = (±y_P − y_B)(256) · 1/d (266) → 261 (Karatsuba);  λ' = λ·2^256 → 256
 *   λ² = (λ0 + λ1)(λ0' − λ1') + 2λ0λ1' u → 256;  x = λ² − x_B − x_P
 *   y = λ·(x_B − x)(256) − y_B → 256 (four products, so every result stays below 5p)
 * </pre>
 * Twenty lane products per addition. Not thread-safe (scratch space per instance).
 */
final class G2LanesBatch implements AffineBatchAdder {

    private static final long[] ZERO_BLOCK = new long[BLOCK];

    // Per-point blocks (x1, y1 from the bucket; x2, y2 from the point), two Fq components each.
    private static final int X1 = 0, Y1 = 2, X2 = 4, Y2 = 6, D = 8, NORM = 10, PREFIX = 11, ARRAYS = 12;
    // Working blocks of the backward pass.
    private static final int INV = 0, ACC = 1, I0 = 2, I1 = 3, DY0 = 4, DY1 = 5, A = 6, B = 7, S1 = 8, S2 = 9,
            L0 = 10, L1 = 11, L0P = 12, L1P = 13, SQ0 = 14, SQ1 = 15, SUM = 16, X30 = 17, X31 = 18, T0 = 19,
            T1 = 20, Y30 = 21, Y31 = 22, WORK = 23;

    private final long[][] v = new long[ARRAYS][0];
    private final long[] w = new long[WORK * BLOCK];
    private final LaneLimbs lanes = new LaneLimbs();

    @Override
    public void batchAddAffine(long[] buckets, int[] bucketOffsets, long[] points, int[] pointOffsets,
                               boolean[] negate, int count) {
        if (count == 0) {
            return;
        }
        int blocks = (count + LANES - 1) / LANES;
        ensureCapacity(blocks * BLOCK);
        long[][] v = this.v;
        for (int i = 0; i < count; i++) {
            int at = i / LANES * BLOCK + i % LANES;
            int b = bucketOffsets[i], p = pointOffsets[i];
            for (int c = 0; c < 2; c++) {
                LaneLimbs.split(buckets, b + 4 * c, v[X1 + c], at);
                LaneLimbs.split(buckets, b + 8 + 4 * c, v[Y1 + c], at);
                LaneLimbs.split(points, p + 4 * c, v[X2 + c], at);
                lanes.splitSigned(points, p + 8 + 4 * c, negate[i], v[Y2 + c], at);
            }
        }
        for (int i = count; i < blocks * LANES; i++) { // padding lanes: d = 1, everything else 0
            int at = i / LANES * BLOCK + i % LANES;
            for (int j = 0; j < LIMBS; j++) {
                for (int a = X1; a <= Y2 + 1; a++) {
                    v[a][at + LANES * j] = 0;
                }
                v[X2][at + LANES * j] = ONE256[LANES * j];
            }
        }
        long[] d0 = v[D], d1 = v[D + 1], norm = v[NORM], prefix = v[PREFIX];
        for (int k = 0, o = 0; k < blocks; k++, o += BLOCK) {
            FqLanes.sub(d0, o, v[X2], o, v[X1], o, K1);
            FqLanes.mul(d0, o, d0, o, C266, 0);                 // form 261
            FqLanes.sub(d1, o, v[X2 + 1], o, v[X1 + 1], o, K1);
            FqLanes.mul(d1, o, d1, o, C266, 0);
            FqLanes.mul(w, A * BLOCK, d0, o, d0, o);
            FqLanes.mul(w, B * BLOCK, d1, o, d1, o);
            FqLanes.add(norm, o, w, A * BLOCK, w, B * BLOCK, K0); // d0² + d1², form 261, < 4p
            if (k == 0) {
                System.arraycopy(norm, 0, prefix, 0, BLOCK);
            } else {
                FqLanes.mul(prefix, o, prefix, o - BLOCK, norm, o);
            }
        }
        lanes.invert(prefix, (blocks - 1) * BLOCK, w, ACC * BLOCK);
        for (int k = blocks - 1, o = k * BLOCK; k >= 0; k--, o -= BLOCK) {
            int inv = ACC * BLOCK;
            if (k > 0) {
                FqLanes.mul(w, INV * BLOCK, w, ACC * BLOCK, prefix, o - BLOCK);   // 1/N_k, form 266
                FqLanes.mul(w, ACC * BLOCK, w, ACC * BLOCK, norm, o);
                inv = INV * BLOCK;
            }
            addPoints(o, inv);
            for (int lane = 0, i = k * LANES; lane < LANES && i < count; lane++, i++) {
                int b = bucketOffsets[i];
                LaneLimbs.join(w, X30 * BLOCK + lane, buckets, b);
                LaneLimbs.join(w, X31 * BLOCK + lane, buckets, b + 4);
                LaneLimbs.join(w, Y30 * BLOCK + lane, buckets, b + 8);
                LaneLimbs.join(w, Y31 * BLOCK + lane, buckets, b + 12);
            }
        }
    }

    /** The sums of the block at {@code o}, given {@code 1/N} (form 266) at {@code w[inv]}, into X30..Y31. */
    private void addPoints(int o, int inv) {
        long[][] v = this.v;
        long[] w = this.w;
        final int bl = BLOCK;
        FqLanes.mul(w, I0 * bl, v[D], o, w, inv);                      // 1/d = (d0, −d1)/N, form 266
        FqLanes.mul(w, A * bl, v[D + 1], o, w, inv);
        FqLanes.sub(w, I1 * bl, ZERO_BLOCK, 0, w, A * bl, K2);
        FqLanes.sub(w, DY0 * bl, v[Y2], o, v[Y1], o, K1);              // form 256, < 2p
        FqLanes.sub(w, DY1 * bl, v[Y2 + 1], o, v[Y1 + 1], o, K1);
        FqLanes.mul(w, A * bl, w, DY0 * bl, w, I0 * bl);               // λ = dy/d, Karatsuba, form 261
        FqLanes.mul(w, B * bl, w, DY1 * bl, w, I1 * bl);
        FqLanes.add(w, S1 * bl, w, DY0 * bl, w, DY1 * bl, K0);
        FqLanes.add(w, S2 * bl, w, I0 * bl, w, I1 * bl, K0);
        FqLanes.mul(w, S1 * bl, w, S1 * bl, w, S2 * bl);
        FqLanes.sub(w, L0 * bl, w, A * bl, w, B * bl, K2);             // < 4p
        FqLanes.sub(w, L1 * bl, w, S1 * bl, w, A * bl, K2);
        FqLanes.sub(w, L1 * bl, w, L1 * bl, w, B * bl, K2);            // < 8p
        FqLanes.mul(w, L0P * bl, w, L0 * bl, ONE256, 0);               // λ', form 256
        FqLanes.mul(w, L1P * bl, w, L1 * bl, ONE256, 0);
        FqLanes.add(w, S1 * bl, w, L0 * bl, w, L1 * bl, K0);           // λ² = (λ0+λ1)(λ0'−λ1') + 2λ0λ1' u
        FqLanes.sub(w, S2 * bl, w, L0P * bl, w, L1P * bl, K2);
        FqLanes.mul(w, SQ0 * bl, w, S1 * bl, w, S2 * bl);
        FqLanes.add(w, S1 * bl, w, L0 * bl, w, L0 * bl, K0);
        FqLanes.mul(w, SQ1 * bl, w, S1 * bl, w, L1P * bl);
        FqLanes.add(w, SUM * bl, v[X1], o, v[X2], o, K0);              // x = λ² − x_B − x_P, < 4p
        FqLanes.sub(w, X30 * bl, w, SQ0 * bl, w, SUM * bl, K2);
        FqLanes.add(w, SUM * bl, v[X1 + 1], o, v[X2 + 1], o, K0);
        FqLanes.sub(w, X31 * bl, w, SQ1 * bl, w, SUM * bl, K2);
        FqLanes.sub(w, T0 * bl, v[X1], o, w, X30 * bl, K4);            // x_B − x, < 5p
        FqLanes.sub(w, T1 * bl, v[X1 + 1], o, w, X31 * bl, K4);
        FqLanes.mul(w, A * bl, w, L0 * bl, w, T0 * bl);                // y = λ(x_B − x) − y_B, < 5p
        FqLanes.mul(w, B * bl, w, L1 * bl, w, T1 * bl);
        FqLanes.sub(w, Y30 * bl, w, A * bl, w, B * bl, K2);
        FqLanes.sub(w, Y30 * bl, w, Y30 * bl, v[Y1], o, K1);
        FqLanes.mul(w, A * bl, w, L0 * bl, w, T1 * bl);
        FqLanes.mul(w, B * bl, w, L1 * bl, w, T0 * bl);
        FqLanes.add(w, Y31 * bl, w, A * bl, w, B * bl, K0);
        FqLanes.sub(w, Y31 * bl, w, Y31 * bl, v[Y1 + 1], o, K1);
    }

    private void ensureCapacity(int longs) {
        if (v[0].length < longs) {
            int size = Math.max(longs, 2 * v[0].length);
            for (int a = 0; a < ARRAYS; a++) {
                v[a] = new long[size];
            }
        }
    }
}
