package io.zkml4j.algebra.curve;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.CurveKernel;
import io.zkml4j.algebra.internal.MontgomeryKernel;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The bucket method for multi-scalar multiplication (Pippenger; as in Bernstein et al. and the
 * zkSNARK provers), generic over the group through {@link CurveKernel}, on flat affine points.
 *
 * <p>Steps: (1) scalars leave Montgomery form; a scalar above {@code (r − 1)/2} is replaced by its
 * negation {@code r − s} with the point negated, so every scalar has at most 253 bits and witness
 * values such as −1 become small; zero scalars (and points at infinity) are dropped; the rest, with
 * copies of their points, are packed by decreasing bit length, so windows read points sequentially
 * (even when most scalars are zero) and skip the scalars too short to reach them. (2) Each scalar is
 * cut into signed {@code c}-bit digits in {@code [−2^(c−1), 2^(c−1)]} (the carry into a window is the
 * top bit of the window below, so digits are computed independently per window, without a stored
 * recoding). (3) Per window, each point is added to or subtracted from the bucket of its digit's
 * magnitude (2^(c−1) buckets); buckets are combined by the running-sum trick, starting
 * from the highest bucket actually used, and windows above the largest scalar's length are never
 * visited, so vectors of small integers cost one short window. (4) Window sums are joined by
 * {@code c} doublings each.
 *
 * <p>Bucket accumulation: with at least {@value #BATCH_AFFINE_MIN_BUCKETS} buckets, buckets are affine
 * and updated in batches that share one field inversion (about 6 multiplications per point instead of
 * 11 for a mixed Jacobian addition); a point whose bucket is already queued waits for the next batch,
 * and exceptional points (equal or opposite to the bucket) go to a Jacobian overflow bucket. With
 * fewer buckets (small inputs, small scalars) buckets are Jacobian and take mixed additions.
 *
 * <p>Parallelism: windows are independent, so they are spread over the common ForkJoin pool and the
 * calling thread (groups of consecutive windows, up to four tasks per core for balance, one bucket
 * array and one kernel per task). When there are fewer than two windows per core (small scalars) the
 * points are split into one chunk per core instead, each running every window, and the partial sums
 * are added; that duplicates the bucket reduction, which is why it is not the default.
 */
final class Pippenger {

    private Pippenger() {
    }

    /**
     * {@code Σ [s_i] P_i} as a Jacobian point (a fresh array of {@code kernel.jacobianLongs()} longs).
     *
     * @param points {@code n} affine points, {@code affineLongs()} longs each, starting at index 0
     * @param scalars {@code n} elements of Fr as Montgomery limbs (4 longs each), starting at index 0
     * @param parallel whether to use the common ForkJoin pool
     */
    static long[] msm(Supplier<CurveKernel> kernels, long[] points, long[] scalars, int n, boolean parallel) {
        return msm(kernels, points, scalars, n, parallel, null);
    }

    /** How the work is split across cores. */
    enum Split { WINDOWS, POINTS }

    /** As {@link #msm(Supplier, long[], long[], int, boolean)} with the split forced ({@code null}: automatic). */
    static long[] msm(Supplier<CurveKernel> kernels, long[] points, long[] scalars, int n, boolean parallel,
                      Split split) {
        CurveKernel k0 = kernels.get();
        int aff = k0.affineLongs();
        if (points.length < (long) n * aff || scalars.length < 4L * n) {
            throw new IllegalArgumentException("Expected " + n + " points (" + (long) n * aff + " longs) and "
                    + n + " scalars (" + 4L * n + " longs) but got " + points.length + " and "
                    + scalars.length + " longs");
        }
        Prepared prep = prepare(k0, points, scalars, n, parallel);
        long[] result = new long[k0.jacobianLongs()];
        k0.setInfinity(result, 0);
        if (prep.count == 0) {
            return result;
        }
        int c = windowBits(prep.atLeast, prep.maxBits);
        int windows = prep.maxBits / c + 1;
        // A parallel stream runs on the pool and on the calling thread: count both.
        int workers = parallel ? Math.max(Runtime.getRuntime().availableProcessors(), ForkJoinPool.getCommonPoolParallelism() + 1) : 1;
        if (workers <= 1 || prep.count < 64) {
            accumulate(k0, prep, 0, prep.count, c, windows, result);
        } else if (split == Split.WINDOWS || split == null && windows >= 2 * workers) {
            // Windows are independent: no duplicated bucket reduction.
            long[] sums = new long[windows * k0.jacobianLongs()];
            int tasks = Math.min(windows, 4 * workers);
            IntStream.range(0, tasks).parallel().forEach(t -> {
                CurveKernel k = kernels.get();
                int from = windows * t / tasks, to = windows * (t + 1) / tasks;
                windowSums(k, prep, 0, prep.count, c, from, to, sums);
            });
            combine(k0, sums, c, windows, result);
        } else { // few windows (small scalars): split the points instead
            int chunks = workers;
            long[] partial = new long[chunks * k0.jacobianLongs()];
            IntStream.range(0, chunks).parallel().forEach(t -> {
                CurveKernel k = kernels.get();
                int from = (int) ((long) prep.count * t / chunks), to = (int) ((long) prep.count * (t + 1) / chunks);
                long[] r = new long[k.jacobianLongs()];
                accumulate(k, prep, from, to, c, windows, r);
                System.arraycopy(r, 0, partial, t * k.jacobianLongs(), k.jacobianLongs());
            });
            for (int t = 0; t < chunks; t++) {
                k0.add(result, 0, result, 0, partial, t * k0.jacobianLongs());
            }
        }
        return result;
    }

    /** Buckets per window from which affine batch accumulation pays off (below, Jacobian buckets). */
    static final int BATCH_AFFINE_MIN_BUCKETS = 256;

    /**
     * The window size minimising the estimated cost in field multiplications of all windows: per
     * window, the scalars long enough to reach it ({@code atLeast[c·w]}) times 11 (mixed Jacobian
     * addition) or about 7.5 (batch affine, conflicts and inversion included), plus its buckets times
     * 32 (two Jacobian additions) or 27 (one mixed, one full addition) for the reduction. Windows
     * reached by few scalars (vectors of mostly small values) are thereby cheap, and chosen for.
     */
    static int windowBits(int[] atLeast, int maxBits) {
        int best = 1;
        double bestCost = Double.MAX_VALUE;
        for (int c = 1; c <= 20; c++) {
            int windows = maxBits / c + 1;
            int buckets = 1 << (c - 1);
            boolean affine = buckets >= BATCH_AFFINE_MIN_BUCKETS;
            double cost = 0;
            for (int w = 0; w < windows; w++) {
                int bitsLeft = maxBits - c * w;       // the top window's digits are at most 2^bitsLeft
                double used = bitsLeft >= c ? buckets : Math.min(buckets, (1 << Math.max(bitsLeft, 0)) + 1);
                // Affine batches need many buckets; with few (a short top window) points mostly overflow.
                boolean batched = affine && used >= BATCH_AFFINE_MIN_BUCKETS;
                cost += atLeast[Math.min(c * w, 256)] * (batched ? 7.5 : 11) + used * (affine ? 27 : 32);
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = c;
            }
        }
        return best;
    }

    /** {@link #windowBits(int[], int)} for {@code count} scalars of {@code maxBits} bits each. */
    static int windowBits(int count, int maxBits) {
        int[] atLeast = new int[258];
        java.util.Arrays.fill(atLeast, 0, maxBits + 1, count);
        return windowBits(atLeast, maxBits);
    }

    /** The batch size for affine accumulation: balances the shared inversion against bucket conflicts. */
    static int batchSize(int buckets) {
        int b = (int) Math.sqrt(152.0 * buckets);
        return Math.max(64, Math.min(4096, b));
    }

    /**
     * Non-zero scalars in canonical limbs with copies of their points (negated along with a large
     * scalar), packed in the same order so that every window reads the points sequentially, sorted by
     * decreasing bit length (stable); {@code atLeast[b]} counts the scalars of at least {@code b}
     * bits, so window {@code w} only visits the prefix {@code [0, atLeast[c·w])}: a scalar below
     * {@code 2^(c·w − 1)} has a zero digit there (no bits, no carry).
     */
    record Prepared(long[] scalars, long[] points, int count, int maxBits, int[] atLeast) {

        /** End of the scalars with a possibly non-zero digit in window {@code w}, within {@code [from, to)}. */
        int end(int to, int w, int c) {
            return Math.min(to, atLeast[Math.min(c * w, 256)]);
        }
    }

    private static final long[] R = MontgomeryKernel.toLimbs(Fr.MODULUS);
    private static final long[] HALF_R = MontgomeryKernel.toLimbs(Fr.MODULUS.shiftRight(1));

    static Prepared prepare(CurveKernel k, long[] points, long[] scalars, int n, boolean parallel) {
        long[] canon = new long[4 * n];
        boolean[] negate = new boolean[n];
        int aff = k.affineLongs();
        IntStream range = IntStream.range(0, (n + 4095) / 4096);
        (parallel ? range.parallel() : range).forEach(chunk -> {
            for (int i = chunk * 4096, end = Math.min(n, i + 4096); i < end; i++) {
                int o = 4 * i;
                if (!Fr.KERNEL.isCanonical(scalars, o)) {
                    throw new IllegalArgumentException("Expected reduced Montgomery limbs (< r) for scalar "
                            + i + " but got a value >= r");
                }
                if (MontgomeryKernel.isZero(scalars, o) || k.isAffineInfinity(points, aff * i)) {
                    continue; // canon stays zero
                }
                Fr.KERNEL.fromMontgomery(canon, o, scalars, o);
                if (greaterThan(canon, o, HALF_R)) {
                    subtractFromR(canon, o);
                    negate[i] = true;
                }
            }
        });
        int[] bits = new int[n];
        int[] atLeast = new int[258];
        int count = 0, maxBits = 0;
        for (int i = 0; i < n; i++) {
            int b = bitLength(canon, 4 * i);
            bits[i] = b;
            if (b > 0) {
                count++;
                atLeast[b]++;
                maxBits = Math.max(maxBits, b);
            }
        }
        for (int b = 255; b >= 0; b--) {
            atLeast[b] += atLeast[b + 1];
        }
        // Counting sort by decreasing bit length: a scalar of b bits goes after all longer ones.
        int[] next = new int[257];
        for (int b = 1; b <= 256; b++) {
            next[b] = atLeast[b + 1];
        }
        long[] packed = new long[4 * count];
        long[] packedPoints = new long[count * aff];
        for (int i = 0; i < n; i++) {
            int b = bits[i];
            if (b > 0) {
                int j = next[b]++;
                System.arraycopy(canon, 4 * i, packed, 4 * j, 4);
                System.arraycopy(points, aff * i, packedPoints, aff * j, aff);
                if (negate[i]) {
                    k.negateAffine(packedPoints, aff * j);
                }
            }
        }
        return new Prepared(packed, packedPoints, count, maxBits, atLeast);
    }

    /** {@code result = Σ_{j in [from, to)} [s_j] P_j} using windows {@code [0, windows)}. */
    static void accumulate(CurveKernel k, Prepared prep, int from, int to, int c,
                           int windows, long[] result) {
        long[] sums = new long[windows * k.jacobianLongs()];
        windowSums(k, prep, from, to, c, 0, windows, sums);
        combine(k, sums, c, windows, result);
    }

    /** Horner over windows: {@code result = Σ_w 2^(c·w) · sums[w]}. */
    static void combine(CurveKernel k, long[] sums, int c, int windows, long[] result) {
        int jl = k.jacobianLongs();
        k.setInfinity(result, 0);
        for (int w = windows - 1; w >= 0; w--) {
            if (w != windows - 1) {
                for (int i = 0; i < c; i++) {
                    k.dbl(result, 0, result, 0);
                }
            }
            k.add(result, 0, result, 0, sums, w * jl);
        }
    }

    /** Fills {@code sums[w]} for {@code w in [wFrom, wTo)} with {@code Σ_j digit_w(s_j) · P_j}. */
    static void windowSums(CurveKernel k, Prepared prep, int from, int to, int c,
                           int wFrom, int wTo, long[] sums) {
        if ((1 << (c - 1)) >= BATCH_AFFINE_MIN_BUCKETS) {
            windowSumsBatchAffine(k, prep, from, to, c, wFrom, wTo, sums);
        } else {
            windowSumsJacobian(k, prep, from, to, c, wFrom, wTo, sums);
        }
    }

    /**
     * {@link #windowSums} with affine buckets updated in batches sharing one inversion; see
     * {@link AffineBuckets} for how conflicts and exceptional points are handled.
     */
    static void windowSumsBatchAffine(CurveKernel k, Prepared prep, int from, int to, int c,
                                      int wFrom, int wTo, long[] sums) {
        int jl = k.jacobianLongs();
        int aff = k.affineLongs();
        int nb = 1 << (c - 1);
        AffineBuckets buckets = new AffineBuckets(k, prep.points, nb, batchSize(nb));
        int[] stampAffine = new int[nb];
        long[] running = new long[jl];
        long[] total = new long[jl];
        long[] s = prep.scalars;
        for (int w = wFrom; w < wTo; w++) {
            int mark = w + 1;
            buckets.startWindow(mark);
            int maxBucket = -1;
            for (int j = from, end = prep.end(to, w, c); j < end; j++) {
                int d = digit(s, 4 * j, w, c);
                if (d == 0) {
                    continue;
                }
                boolean sub = d < 0;
                int b = (d < 0 ? -d : d) - 1;
                int po = j * aff;
                if (stampAffine[b] != mark) {             // empty bucket: take the point as it is
                    stampAffine[b] = mark;
                    buckets.set(b, po, sub);
                    if (b > maxBucket) {
                        maxBucket = b;
                    }
                } else {
                    buckets.add(b, po, sub);
                }
            }
            buckets.finishWindow();
            k.setInfinity(running, 0);
            k.setInfinity(total, 0);
            for (int b = maxBucket; b >= 0; b--) {
                if (stampAffine[b] == mark) {
                    k.addMixed(running, 0, running, 0, buckets.affine, b * aff);
                }
                if (buckets.hasOverflow(b)) {
                    k.add(running, 0, running, 0, buckets.overflow, b * jl);
                }
                k.add(total, 0, total, 0, running, 0);
            }
            System.arraycopy(total, 0, sums, w * jl, jl);
        }
    }

    /**
     * The buckets of one window in affine form, updated in batches of additions that share one field
     * inversion ({@link CurveKernel#batchAddAffine}). A batch may touch each bucket once: a point whose
     * bucket is already queued waits in a pending list (as long as the batch) and joins the next batch;
     * when the list is full, or at the end of the window if it would conflict again, it goes to the
     * bucket's Jacobian overflow accumulator instead, as do points with the bucket's x (equal or opposite
     * points, which the affine formula cannot add). A bucket's value is its affine part plus its overflow.
     */
    private static final class AffineBuckets {
        final CurveKernel k;
        final long[] points;
        final long[] affine;
        final long[] overflow;
        private final int aff;
        private final int jl;
        private final int batch;
        private final int[] stampOverflow;
        private final int[] queued;
        private final int[] queueBucket;
        private final int[] queuePoint;
        private final boolean[] queueNegate;
        private final int[] pendingBucket;
        private final int[] pendingPoint;
        private final boolean[] pendingNegate;
        private int queueCount;
        private int pendingCount;
        private int batchId = 1;
        private int mark;

        AffineBuckets(CurveKernel k, long[] points, int buckets, int batch) {
            this.k = k;
            this.points = points;
            this.aff = k.affineLongs();
            this.jl = k.jacobianLongs();
            this.batch = batch;
            this.affine = new long[buckets * aff];
            this.overflow = new long[buckets * jl];
            this.stampOverflow = new int[buckets];
            this.queued = new int[buckets];
            this.queueBucket = new int[batch];
            this.queuePoint = new int[batch];
            this.queueNegate = new boolean[batch];
            this.pendingBucket = new int[batch];
            this.pendingPoint = new int[batch];
            this.pendingNegate = new boolean[batch];
        }

        void startWindow(int windowMark) {
            this.mark = windowMark;
        }

        /** Bucket {@code b} (empty) becomes {@code ±P}. */
        void set(int b, int po, boolean sub) {
            int ao = b * aff;
            System.arraycopy(points, po, affine, ao, aff);
            if (sub) {
                k.negateAffine(affine, ao);
            }
        }

        /** Bucket {@code b} (not empty) gets {@code ±P} added, now or in a later batch. */
        void add(int b, int po, boolean sub) {
            if (queued[b] == batchId) {
                if (pendingCount < batch) {
                    pendingBucket[pendingCount] = b;
                    pendingPoint[pendingCount] = po;
                    pendingNegate[pendingCount] = sub;
                    pendingCount++;
                } else {
                    addToOverflow(b, po, sub);
                }
                return;
            }
            enqueue(b, po, sub);
            while (queueCount == batch) {
                runBatch();
                drainPending(false);
            }
        }

        /** Runs everything still queued or pending; afterwards every bucket holds its full value. */
        void finishWindow() {
            runBatch();
            drainPending(true);
            runBatch();
        }

        boolean hasOverflow(int b) {
            return stampOverflow[b] == mark;
        }

        private void enqueue(int b, int po, boolean sub) {
            if (k.sameX(affine, b * aff, points, po)) {
                addToOverflow(b, po, sub);
                return;
            }
            queued[b] = batchId;
            queueBucket[queueCount] = b * aff;
            queuePoint[queueCount] = po;
            queueNegate[queueCount] = sub;
            queueCount++;
        }

        private void runBatch() {
            k.batchAddAffine(affine, queueBucket, points, queuePoint, queueNegate, queueCount);
            queueCount = 0;
            batchId++;
        }

        /** Moves pending points into the (empty) batch; those that conflict again stay, or overflow. */
        private void drainPending(boolean last) {
            int n = pendingCount;
            pendingCount = 0;
            for (int i = 0; i < n; i++) {
                int b = pendingBucket[i], po = pendingPoint[i];
                boolean sub = pendingNegate[i];
                if (queued[b] != batchId) {
                    enqueue(b, po, sub);
                } else if (last) {
                    addToOverflow(b, po, sub);
                } else {
                    pendingBucket[pendingCount] = b;
                    pendingPoint[pendingCount] = po;
                    pendingNegate[pendingCount] = sub;
                    pendingCount++;
                }
            }
        }

        private void addToOverflow(int b, int po, boolean sub) {
            int oo = b * jl;
            if (stampOverflow[b] != mark) {
                stampOverflow[b] = mark;
                k.setInfinity(overflow, oo);
            }
            if (sub) {
                k.subMixed(overflow, oo, overflow, oo, points, po);
            } else {
                k.addMixed(overflow, oo, overflow, oo, points, po);
            }
        }
    }

    /** {@link #windowSums} with Jacobian buckets and mixed additions (small windows). */
    static void windowSumsJacobian(CurveKernel k, Prepared prep, int from, int to, int c,
                                   int wFrom, int wTo, long[] sums) {
        int jl = k.jacobianLongs();
        int aff = k.affineLongs();
        int nb = 1 << (c - 1);
        long[] buckets = new long[nb * jl];
        int[] stamp = new int[nb];
        long[] running = new long[jl];
        long[] total = new long[jl];
        long[] s = prep.scalars;
        long[] points = prep.points;
        for (int w = wFrom; w < wTo; w++) {
            int mark = w + 1;
            int maxBucket = -1;
            for (int j = from, end = prep.end(to, w, c); j < end; j++) {
                int d = digit(s, 4 * j, w, c);
                if (d == 0) {
                    continue;
                }
                boolean sub = d < 0;
                int b = (d < 0 ? -d : d) - 1;
                int bo = b * jl;
                int po = j * aff;
                if (stamp[b] != mark) {
                    stamp[b] = mark;
                    k.fromAffine(buckets, bo, points, po);
                    if (sub) {
                        k.neg(buckets, bo, buckets, bo);
                    }
                    if (b > maxBucket) {
                        maxBucket = b;
                    }
                } else if (sub) {
                    k.subMixed(buckets, bo, buckets, bo, points, po);
                } else {
                    k.addMixed(buckets, bo, buckets, bo, points, po);
                }
            }
            k.setInfinity(running, 0);
            k.setInfinity(total, 0);
            for (int b = maxBucket; b >= 0; b--) {
                if (stamp[b] == mark) {
                    k.add(running, 0, running, 0, buckets, b * jl);
                }
                k.add(total, 0, total, 0, running, 0);
            }
            System.arraycopy(total, 0, sums, w * jl, jl);
        }
    }

    /**
     * The signed digit of window {@code w}: the raw {@code c} bits plus the carry (the top bit of the
     * window below), minus {@code 2^c} when this window's top bit is set (which carries into the next).
     */
    static int digit(long[] s, int o, int w, int c) {
        int bit = w * c;
        int raw = (int) (bits(s, o, bit, c));
        int carry = bit == 0 ? 0 : (int) bits(s, o, bit - 1, 1);
        int d = raw + carry;
        if ((raw >>> (c - 1)) != 0) {
            d -= 1 << c;
        }
        return d;
    }

    /** {@code len} bits (≤ 32) of the 256-bit integer at {@code s[o..o+3]} from bit {@code bit}; zero past 256. */
    private static long bits(long[] s, int o, int bit, int len) {
        int limb = bit >>> 6;
        if (limb >= 4) {
            return 0;
        }
        int sh = bit & 63;
        long v = s[o + limb] >>> sh;
        if (sh + len > 64 && limb < 3) {
            v |= s[o + limb + 1] << (64 - sh);
        }
        return v & ((1L << len) - 1);
    }

    private static int bitLength(long[] s, int o) {
        for (int i = 3; i >= 0; i--) {
            if (s[o + i] != 0) {
                return 64 * i + 64 - Long.numberOfLeadingZeros(s[o + i]);
            }
        }
        return 0;
    }

    private static boolean greaterThan(long[] s, int o, long[] bound) {
        for (int i = 3; i >= 0; i--) {
            if (s[o + i] != bound[i]) {
                return Long.compareUnsigned(s[o + i], bound[i]) > 0;
            }
        }
        return false;
    }

    /** {@code s = r − s} for {@code 0 < s < r}. */
    private static void subtractFromR(long[] s, int o) {
        long borrow = 0;
        for (int i = 0; i < 4; i++) {
            long x = R[i], y = s[o + i];
            long d = x - y - borrow;
            borrow = ((~x & y) | (~(x ^ y) & d)) >>> 63;
            s[o + i] = d;
        }
    }
}
