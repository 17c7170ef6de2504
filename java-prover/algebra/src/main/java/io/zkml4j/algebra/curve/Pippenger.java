package io.zkml4j.algebra.curve;

import io.zkml4j.algebra.internal.CurveKernel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The bucket method for multi-scalar multiplication (Pippenger; as in Bernstein et al. and the
 * zkSNARK provers), generic over the group through {@link CurveKernel}, on flat affine points read in
 * chunks from a {@link PointSource}.
 *
 * <p>Steps: (1) the scalars come prepared ({@link MsmScalars}: magnitudes of at most 253 bits with a
 * "negate the point" flag, so witness values such as −1 are small); their bit lengths give the window
 * size and, per chunk of {@value #CHUNK} points, the highest window any of its scalars reaches.
 * (2) Each scalar is cut into signed {@code c}-bit digits in {@code [−2^(c−1), 2^(c−1)]} (the carry into
 * a window is the top bit of the window below, so digits are computed independently per window,
 * without a stored recoding). (3) Per window, the chunks are read in order (a chunk none of whose
 * scalars reaches the window is skipped unread), and each point is added to or subtracted from the
 * bucket of its digit's magnitude (2^(c−1) buckets); zero digits and points at infinity are skipped.
 * Buckets are combined by the running-sum trick, starting from the highest bucket actually used, and
 * windows above the largest scalar's length are never visited, so vectors of small integers cost one
 * short window. (4) Window sums are joined by {@code c} doublings each.
 *
 * <p>Bucket accumulation: with at least {@value #BATCH_AFFINE_MIN_BUCKETS} buckets, buckets are affine
 * and updated in batches that share one field inversion (about 6 multiplications per point instead of
 * 11 for a mixed Jacobian addition); points whose bucket is already queued are summed among themselves
 * in pending slots that later batches add (a bucket hit by many points in a row is summed as a tree),
 * and exceptional points (equal or opposite to the sum they would join) go to a Jacobian overflow
 * bucket. With fewer buckets (small inputs, small scalars) buckets are Jacobian and take mixed additions.
 * The G1 and G2 kernels run large batches on 8 vector lanes once they are compiled and measured faster
 * ({@link io.zkml4j.algebra.internal.Lanes}, when the JVM has the Vector API); the window size follows
 * the kernel's cost per batched addition.
 *
 * <p>Memory: the points are never all in memory — each task holds one chunk (plus the copies of the
 * points queued past their chunk and the pending sums), its buckets, and one reader of the source; the
 * scalars are read where they are. So an MSM over a key file costs the file's pages in the OS cache,
 * not in the heap.
 *
 * <p>Parallelism: windows are independent, so they are spread over the common ForkJoin pool and the
 * calling thread (groups of consecutive windows, up to four tasks per core for balance, one reader per
 * task; a thread's tasks share one {@link Workspace}: kernel, stage and buckets). When there are fewer
 * than two windows per core (small scalars) the points are split into one range per core instead, each
 * running every window, and the partial sums are added; that duplicates the bucket reduction, which is
 * why it is not the default. A failing task fails the MSM once every other task has ended
 * ({@link #runTasks}), so no reader outlives the call.
 */
final class Pippenger {

    /** Points read at a time, and the granularity at which windows skip points with short scalars. */
    static final int CHUNK = PointSource.CHUNK;

    private Pippenger() {
    }

    /** How the work is split across cores. */
    enum Split { WINDOWS, POINTS }

    /**
     * {@code Σ [s_i] P_i} as a Jacobian point (a fresh array of {@code kernel.jacobianLongs()} longs).
     *
     * @param parallel whether to use the common ForkJoin pool
     * @param split how to split the work across cores ({@code null}: automatic)
     */
    static long[] msm(Supplier<CurveKernel> kernels, PointSource points, MsmScalars scalars, boolean parallel,
                      Split split) {
        CurveKernel k0 = kernels.get();
        if (points.longsPerPoint() != k0.affineLongs()) {
            throw new IllegalArgumentException("Expected points of " + k0.affineLongs() + " longs but the source has "
                    + points.longsPerPoint());
        }
        if (points.size() != scalars.size()) {
            throw new IllegalArgumentException("Expected as many scalars as points but got " + points.size()
                    + " points and " + scalars.size() + " scalars");
        }
        Msm.warmUpFor(points.size()); // later large MSMs get the vector kernels once they are compiled
        Profile prof = Profile.of(scalars, presentPoints(k0, points, parallel));
        long[] result = new long[k0.jacobianLongs()];
        k0.setInfinity(result, 0);
        if (prof.count == 0) {
            return result;
        }
        int c = windowBits(prof.atLeast, prof.maxBits, k0.batchAddAffineCost());
        int windows = prof.maxBits / c + 1;
        int n = scalars.size();
        // A parallel stream runs on the pool and on the calling thread: count both.
        int workers = parallel ? Math.max(Runtime.getRuntime().availableProcessors(), ForkJoinPool.getCommonPoolParallelism() + 1) : 1;
        if (workers <= 1 || prof.count < 64) {
            accumulate(k0, points, scalars, prof, 0, n, c, windows, result);
        } else if (split == Split.WINDOWS || split == null && windows >= 2 * workers) {
            // Windows are independent: no duplicated bucket reduction.
            long[] sums = new long[windows * k0.jacobianLongs()];
            int tasks = Math.min(windows, 4 * workers);
            Queue<Workspace> spare = new ConcurrentLinkedQueue<>(); // one per thread, not one per task
            runTasks(tasks, true, t -> {
                Workspace ws = spare.poll();
                if (ws == null) {
                    ws = new Workspace(kernels.get(), c);
                }
                int from = windows * t / tasks, to = windows * (t + 1) / tasks;
                try (PointSource.Reader reader = points.open()) {
                    windowSums(ws, reader, scalars, prof, 0, n, from, to, sums);
                }
                spare.add(ws);
            });
            combine(k0, sums, c, windows, result);
        } else { // few windows (small scalars): split the points instead, at chunk boundaries
            int chunks = workers;
            int nChunks = (n + CHUNK - 1) / CHUNK;
            long[] partial = new long[chunks * k0.jacobianLongs()];
            runTasks(chunks, true, t -> {
                CurveKernel k = kernels.get();
                int from = Math.min(n, nChunks * t / chunks * CHUNK);
                int to = Math.min(n, nChunks * (t + 1) / chunks * CHUNK);
                long[] r = new long[k.jacobianLongs()];
                accumulate(k, points, scalars, prof, from, to, c, windows, r);
                System.arraycopy(r, 0, partial, t * k.jacobianLongs(), k.jacobianLongs());
            });
            for (int t = 0; t < chunks; t++) {
                k0.add(result, 0, result, 0, partial, t * k0.jacobianLongs());
            }
        }
        return result;
    }

    /**
     * Runs {@code body} for tasks {@code 0..tasks−1} (on the common pool and the calling thread when
     * {@code parallel}) and returns when every task has ended, also when one fails: then the first
     * failure is thrown, the others suppressed in it. (A parallel stream rethrows the first failure at
     * once, while other tasks may still hold a reader of the point source open.)
     */
    static void runTasks(int tasks, boolean parallel, IntConsumer body) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        IntStream range = IntStream.range(0, tasks);
        (parallel ? range.parallel() : range).forEach(t -> {
            if (failure.get() != null) {
                return;                                   // fail fast: tasks not yet started are skipped
            }
            try {
                body.accept(t);
            } catch (RuntimeException | Error e) {
                if (!failure.compareAndSet(null, e) && failure.get() != e) {
                    failure.get().addSuppressed(e);
                }
            }
        });
        Throwable e = failure.get();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e != null) {
            throw (Error) e;
        }
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
        return windowBits(atLeast, maxBits, 7.5);
    }

    /** {@link #windowBits(int[], int)} with a batched affine addition costing {@code batched} multiplications. */
    static int windowBits(int[] atLeast, int maxBits, double batched) {
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
                boolean batchedWindow = affine && used >= BATCH_AFFINE_MIN_BUCKETS;
                cost += atLeast[Math.min(c * w, 256)] * (batchedWindow ? batched : 11) + used * (affine ? 27 : 32);
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
     * What the window choice and the chunk skipping need to know of the scalars: how many are non-zero,
     * the longest bit length, {@code atLeast[b]} = the number of scalars of at least {@code b} bits, and
     * per chunk of {@value #CHUNK} points the longest bit length in it. A scalar of fewer than
     * {@code c·w} bits has a zero digit in window {@code w ≥ 1} (no bits there, no carry into it).
     */
    record Profile(int count, int maxBits, int[] atLeast, int[] chunkBits, long[] present) {

        /**
         * @param present bit {@code i} set when point {@code i} is not the point at infinity (such points
         *     are left out like zero scalars: they matter to the window size, as in a zkey's A and B
         *     vectors, where most points are infinity)
         */
        static Profile of(MsmScalars scalars, long[] present) {
            long[] s = scalars.limbs();
            int base = scalars.offset(), n = scalars.size();
            int[] atLeast = new int[258];
            int[] chunkBits = new int[(n + CHUNK - 1) / CHUNK];
            int count = 0, maxBits = 0;
            for (int i = 0; i < n; i++) {
                int b = isPresent(present, i) ? bitLength(s, 4 * (base + i)) : 0;
                if (b > 0) {
                    count++;
                    atLeast[b]++;
                    maxBits = Math.max(maxBits, b);
                    chunkBits[i / CHUNK] = Math.max(chunkBits[i / CHUNK], b);
                }
            }
            for (int b = 255; b >= 0; b--) {
                atLeast[b] += atLeast[b + 1];
            }
            return new Profile(count, maxBits, atLeast, chunkBits, present);
        }

        /** Whether point {@code i} is to be added at all (not infinity). */
        boolean present(int i) {
            return isPresent(present, i);
        }

        /** Whether chunk {@code chunk} may hold a non-zero digit of window {@code w}. */
        boolean reaches(int chunk, int w, int c) {
            return chunkBits[chunk] >= Math.max(1, c * w);
        }
    }

    private static boolean isPresent(long[] present, int i) {
        return (present[i >>> 6] >>> i & 1) != 0;
    }

    /**
     * One pass over the points (in parallel over chunks, one reader per task) marking those that are not
     * infinity; it is also each point's first read, where a file-backed source validates it.
     */
    static long[] presentPoints(CurveKernel k, PointSource points, boolean parallel) {
        int n = points.size(), aff = k.affineLongs();
        long[] present = new long[(n + 63) >>> 6];
        int chunks = (n + CHUNK - 1) / CHUNK;
        int tasks = parallel ? Math.min(chunks, 2 * Runtime.getRuntime().availableProcessors()) : Math.min(chunks, 1);
        runTasks(tasks, parallel, t -> {
            long[] stage = new long[CHUNK * aff];
            try (PointSource.Reader reader = points.open()) {
                for (int chunk = chunks * t / tasks, end = chunks * (t + 1) / tasks; chunk < end; chunk++) {
                    int from = chunk * CHUNK, count = Math.min(CHUNK, n - from);
                    reader.read(from, count, stage, 0);
                    for (int i = 0; i < count; i += 64) { // one 64-bit word per 64 points: no sharing across tasks
                        long word = 0;
                        for (int b = 0; b < 64 && i + b < count; b++) {
                            if (!k.isAffineInfinity(stage, (i + b) * aff)) {
                                word |= 1L << b;
                            }
                        }
                        present[(from + i) >>> 6] = word;
                    }
                }
            }
        });
        return present;
    }

    /** {@code result = Σ_{j in [from, to)} [s_j] P_j} using windows {@code [0, windows)}. */
    static void accumulate(CurveKernel k, PointSource points, MsmScalars scalars, Profile prof, int from, int to,
                           int c, int windows, long[] result) {
        long[] sums = new long[windows * k.jacobianLongs()];
        try (PointSource.Reader reader = points.open()) {
            windowSums(new Workspace(k, c), reader, scalars, prof, from, to, 0, windows, sums);
        }
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

    /**
     * Fills {@code sums[w]} for {@code w in [wFrom, wTo)} with {@code Σ_{j in [from, to)} digit_w(s_j) · P_j},
     * windows of {@code ws.c} bits.
     */
    static void windowSums(Workspace ws, PointSource.Reader reader, MsmScalars scalars, Profile prof, int from,
                           int to, int wFrom, int wTo, long[] sums) {
        if (ws.buckets != null) {
            windowSumsBatchAffine(ws, reader, scalars, prof, from, to, wFrom, wTo, sums);
        } else {
            windowSumsJacobian(ws, reader, scalars, prof, from, to, wFrom, wTo, sums);
        }
    }

    /** Windows a task accumulates in one pass over the points (each chunk is read once per pass). */
    static final int WINDOWS_PER_PASS = 2;

    /**
     * What one thread needs to accumulate windows of {@code c} bits: a kernel, a stage (a chunk of points;
     * for batch-affine windows then per window of a pass its queue slots) and either
     * {@value #WINDOWS_PER_PASS} sets of affine buckets or, for small windows, one set of Jacobian buckets.
     * The tasks of one MSM pass it on (a few MB at large windows: allocated per task, they made the young
     * generation grow during the MSMs); windows are marked by number, so buckets left from another window
     * of the same MSM count as empty.
     */
    static final class Workspace {
        final CurveKernel k;
        final int c;
        final long[] stage;
        final AffineBuckets[] buckets;   // null for small windows: the Jacobian buckets below instead
        final long[] jacobianBuckets;    // small windows only; bucket b holds a sum iff stamps[b] == epoch
        final int[] stamps;
        int epoch;                       // one per window accumulated in jacobianBuckets
        final long[] running;
        final long[] total;

        Workspace(CurveKernel k, int c) {
            this.k = k;
            this.c = c;
            int nb = 1 << (c - 1);
            int aff = k.affineLongs();
            this.running = new long[k.jacobianLongs()];
            this.total = new long[k.jacobianLongs()];
            if (nb < BATCH_AFFINE_MIN_BUCKETS) {
                this.stage = new long[CHUNK * aff];
                this.buckets = null;
                this.jacobianBuckets = new long[nb * k.jacobianLongs()];
                this.stamps = new int[nb];
                return;
            }
            this.jacobianBuckets = null;
            this.stamps = null;
            int batch = batchSize(nb);
            this.stage = new long[(CHUNK + WINDOWS_PER_PASS * batch) * aff];
            this.buckets = new AffineBuckets[WINDOWS_PER_PASS];
            for (int g = 0; g < WINDOWS_PER_PASS; g++) {
                buckets[g] = new AffineBuckets(k, stage, (CHUNK + g * batch) * aff, nb, batch);
            }
        }
    }

    /**
     * {@link #windowSums} with affine buckets updated in batches sharing one inversion (see
     * {@link AffineBuckets} for how conflicts and exceptional points are handled), up to
     * {@value #WINDOWS_PER_PASS} windows per pass over the points.
     */
    static void windowSumsBatchAffine(Workspace ws, PointSource.Reader reader, MsmScalars scalars, Profile prof,
                                      int from, int to, int wFrom, int wTo, long[] sums) {
        int jl = ws.k.jacobianLongs();
        int c = ws.c;
        int group = Math.min(WINDOWS_PER_PASS, wTo - wFrom);
        long[] stage = ws.stage;
        AffineBuckets[] buckets = ws.buckets;
        long[] running = ws.running;
        long[] total = ws.total;
        for (int w0 = wFrom; w0 < wTo; w0 += group) {
            int w1 = Math.min(wTo, w0 + group);
            for (int w = w0; w < w1; w++) {
                buckets[w - w0].startWindow(w + 1);
            }
            for (int cs = from, ce; cs < to; cs = ce) {
                int chunk = cs / CHUNK;
                ce = Math.min(to, (chunk + 1) * CHUNK);
                if (prof.reaches(chunk, w0, c)) {      // the lowest window of the pass reaches the most
                    reader.read(cs, ce - cs, stage, 0);
                    accumulateChunk(buckets, scalars, prof, cs, ce, c, w0, w1);
                }
            }
            for (int w = w0; w < w1; w++) {
                buckets[w - w0].finishWindow();
                buckets[w - w0].sum(running, total);
                System.arraycopy(total, 0, sums, w * jl, jl);
            }
        }
    }

    /*
     * The per-chunk and per-window steps are methods of their own, not loop bodies: a task's pass runs
     * for a long time, and the JIT replaces a method's code at its next call, but a running loop only
     * through on-stack replacement, which came up to half a second later in a fresh JVM (the first MSM
     * then ran in unoptimised code for that long).
     */

    /** Adds the points of the chunk {@code [cs, ce)} (in the stage) to the buckets of windows {@code [w0, w1)}. */
    private static void accumulateChunk(AffineBuckets[] buckets, MsmScalars scalars, Profile prof, int cs, int ce,
                                        int c, int w0, int w1) {
        long[] s = scalars.limbs();
        int base = scalars.offset();
        for (int w = w0; w < w1; w++) {
            if (!prof.reaches(cs / CHUNK, w, c)) {
                continue;
            }
            AffineBuckets bw = buckets[w - w0];
            int aff = bw.aff;
            for (int j = cs; j < ce; j++) {
                int d = signedDigit(s, 4 * (base + j), w, c);
                if (d != 0 && prof.present(j)) {
                    bw.accept((d < 0 ? -d : d) - 1, d < 0, (j - cs) * aff);
                }
            }
            bw.finishChunk();
        }
    }

    /**
     * The buckets of one window in affine form, updated in batches of additions that share one field
     * inversion ({@link CurveKernel#batchAddAffine}). A batch may touch each bucket once. A point whose
     * bucket is already queued goes to a pending list (as long as the batch) of partial sums for that
     * bucket: into a pending entry of the same bucket that this batch does not touch yet (an addition in
     * the same batch), else into a new entry. After each batch, each bucket takes one of its entries and
     * its other entries are added into each other, so a bucket that many points share in a row (equal
     * scalars, small witness values) is summed as a tree in a few batches, not one point per batch. Points
     * with the x of the sum they would join (equal or opposite, which the affine formula cannot add), and
     * points that find the pending list full, go to the bucket's Jacobian overflow accumulator. A
     * bucket's value is its affine part plus its overflow.
     *
     * <p>Points come from the shared {@code stage} array: the current chunk at offset 0, and this
     * window's queue slots for the points that outlive their chunk or come from the pending list
     * ({@link #finishChunk} runs the batch that refers to the chunk). Pending entries live in
     * {@link #affine} after the buckets, so a batch can add to them. Overflow accumulators are allocated on
     * demand (they are rare), not one per bucket.
     */
    private static final class AffineBuckets {
        final CurveKernel k;
        final long[] stage;
        final long[] affine;             // the buckets, then the pending entries' slots
        long[] overflow;
        int maxBucket;
        private final int aff;
        private final int jl;
        private final int batch;
        private final int queueSlots;
        private final int pendingBase;
        private final int[] stampAffine;
        private final int[] stampOverflow;
        private final int[] overflowSlot;
        private int overflowCount;
        private final int[] queued;
        private final int[] queueTarget;
        private final int[] queuePoint;
        private final boolean[] queueNegate;
        private final int[] pendingBucket;
        private final int[] pendingTargeted;  // batch id in which the entry is a target
        private final int[] pendingOf;        // a pending entry of the bucket, if valid (see #pendingEntry)
        private int queueCount;
        private int pendingCount;
        private int batchId = 1;
        private int mark;

        AffineBuckets(CurveKernel k, long[] stage, int queueSlots, int buckets, int batch) {
            this.k = k;
            this.stage = stage;
            this.aff = k.affineLongs();
            this.jl = k.jacobianLongs();
            this.batch = batch;
            this.queueSlots = queueSlots;
            this.pendingBase = buckets * aff;
            this.affine = new long[(buckets + batch) * aff];
            this.overflow = new long[64 * jl];
            this.stampAffine = new int[buckets];
            this.stampOverflow = new int[buckets];
            this.overflowSlot = new int[buckets];
            this.queued = new int[buckets];
            this.queueTarget = new int[batch];
            this.queuePoint = new int[batch];
            this.queueNegate = new boolean[batch];
            this.pendingBucket = new int[batch];
            this.pendingTargeted = new int[batch];
            this.pendingOf = new int[buckets];
        }

        /** Empties every bucket for the window whose (non-zero, distinct) mark is given. */
        void startWindow(int windowMark) {
            this.mark = windowMark;
            this.overflowCount = 0;
            this.maxBucket = -1;
        }

        /** Whether bucket {@code b} has an affine part in this window. */
        boolean isSet(int b) {
            return stampAffine[b] == mark;
        }

        /** Bucket {@code b} gets {@code ±P}, P at {@code stage[po]}: taken as it is if the bucket is empty. */
        void accept(int b, boolean sub, int po) {
            if (stampAffine[b] != mark) {
                stampAffine[b] = mark;
                int ao = b * aff;
                System.arraycopy(stage, po, affine, ao, aff);
                if (sub) {
                    k.negateAffine(affine, ao);
                }
                if (b > maxBucket) {
                    maxBucket = b;
                }
            } else {
                add(b, po, sub);
            }
        }

        /** Bucket {@code b} (not empty) gets {@code ±P} added, now or in a later batch. */
        private void add(int b, int po, boolean sub) {
            if (queued[b] != batchId) {
                queued[b] = batchId;
                enqueue(b, b * aff, stage, po, sub, false);
            } else {
                int e = pendingEntry(b, pendingCount);
                if (e >= 0) {
                    pendingTargeted[e] = batchId;
                    enqueue(b, pendingBase + e * aff, stage, po, sub, false);
                } else if (pendingCount < batch) {
                    e = pendingCount++;
                    int slot = pendingBase + e * aff;
                    System.arraycopy(stage, po, affine, slot, aff);
                    if (sub) {
                        k.negateAffine(affine, slot);
                    }
                    pendingBucket[e] = b;
                    pendingTargeted[e] = 0;
                    pendingOf[b] = e;
                } else {
                    addToOverflow(b, stage, po, sub);
                }
            }
            while (queueCount == batch) {
                runBatch();
                drainPending();
            }
        }

        /** A pending entry of bucket {@code b} among the first {@code count} that this batch does not add to yet, or −1. */
        private int pendingEntry(int b, int count) {
            int e = pendingOf[b];
            return e < count && pendingBucket[e] == b && pendingTargeted[e] != batchId ? e : -1;
        }

        /** Before the chunk area is overwritten: runs the batch that may refer to it. */
        void finishChunk() {
            runBatch();
            drainPending();
        }

        /** Runs everything still queued or pending; afterwards every bucket holds its full value. */
        void finishWindow() {
            while (queueCount > 0 || pendingCount > 0) {
                runBatch();
                drainPending();
            }
        }

        /**
         * {@code total = Σ_b (b + 1) · bucket_b} by the running-sum trick, from the highest bucket used;
         * {@code running} is scratch.
         */
        void sum(long[] running, long[] total) {
            k.setInfinity(running, 0);
            k.setInfinity(total, 0);
            for (int b = maxBucket; b >= 0; b--) {
                if (isSet(b)) {
                    k.addMixed(running, 0, running, 0, affine, b * aff);
                }
                if (hasOverflow(b)) {
                    k.add(running, 0, running, 0, overflow, overflowOffset(b));
                }
                k.add(total, 0, total, 0, running, 0);
            }
        }

        boolean hasOverflow(int b) {
            return stampOverflow[b] == mark;
        }

        /** Offset in {@link #overflow} of bucket {@code b}'s accumulator (valid when {@link #hasOverflow}). */
        int overflowOffset(int b) {
            return overflowSlot[b] * jl;
        }

        /**
         * Queues the addition of {@code ±P} ({@code P} at {@code src[po]}, copied to a queue slot if
         * {@code copy}) to the affine sum at {@code target} (bucket {@code b} or one of its pending
         * entries), or adds it to the bucket's overflow when both have the same x.
         */
        private void enqueue(int b, int target, long[] src, int po, boolean sub, boolean copy) {
            if (k.sameX(affine, target, src, po)) {
                addToOverflow(b, src, po, sub);
                return;
            }
            if (copy) {
                int slot = queueSlots + queueCount * aff;
                System.arraycopy(src, po, stage, slot, aff);
                po = slot;
            }
            queueTarget[queueCount] = target;
            queuePoint[queueCount] = po;
            queueNegate[queueCount] = sub;
            queueCount++;
        }

        /** Runs the queued additions and starts a new batch (also when none were queued). */
        private void runBatch() {
            if (queueCount > 0) { // an empty batch is never passed on: the kernel's hot code keeps no untested branch
                k.batchAddAffine(affine, queueTarget, stage, queuePoint, queueNegate, queueCount);
                queueCount = 0;
            }
            batchId++;
        }

        /**
         * After a batch: each bucket with pending entries takes one into the (empty) batch; its other
         * entries are added into each other where they can be, the rest stay (the list is compacted).
         */
        private void drainPending() {
            int n = pendingCount;
            pendingCount = 0;
            for (int i = 0; i < n; i++) {
                int b = pendingBucket[i];
                int slot = pendingBase + i * aff;
                if (queued[b] != batchId) {
                    queued[b] = batchId;
                    enqueue(b, b * aff, affine, slot, false, true);
                    continue;
                }
                int e = pendingEntry(b, pendingCount);
                if (e >= 0) {
                    pendingTargeted[e] = batchId;
                    enqueue(b, pendingBase + e * aff, affine, slot, false, true);
                    continue;
                }
                e = pendingCount++;
                if (e != i) {
                    System.arraycopy(affine, slot, affine, pendingBase + e * aff, aff);
                }
                pendingBucket[e] = b;
                pendingTargeted[e] = 0;
                pendingOf[b] = e;
            }
        }

        private void addToOverflow(int b, long[] src, int po, boolean sub) {
            if (stampOverflow[b] != mark) {
                stampOverflow[b] = mark;
                if ((overflowCount + 1) * jl > overflow.length) {
                    overflow = java.util.Arrays.copyOf(overflow, 2 * overflow.length);
                }
                overflowSlot[b] = overflowCount++;
                k.setInfinity(overflow, overflowOffset(b));
            }
            int oo = overflowOffset(b);
            if (sub) {
                k.subMixed(overflow, oo, overflow, oo, src, po);
            } else {
                k.addMixed(overflow, oo, overflow, oo, src, po);
            }
        }
    }

    /** {@link #windowSums} with Jacobian buckets and mixed additions (small windows). */
    static void windowSumsJacobian(Workspace ws, PointSource.Reader reader, MsmScalars scalars, Profile prof,
                                   int from, int to, int wFrom, int wTo, long[] sums) {
        CurveKernel k = ws.k;
        int c = ws.c;
        int jl = k.jacobianLongs();
        int aff = k.affineLongs();
        long[] buckets = ws.jacobianBuckets;
        int[] stamp = ws.stamps;
        long[] running = ws.running;
        long[] total = ws.total;
        long[] stage = ws.stage;
        long[] s = scalars.limbs();
        int base = scalars.offset();
        for (int w = wFrom; w < wTo; w++) {
            int mark = ++ws.epoch;
            int maxBucket = -1;
            for (int cs = from, ce; cs < to; cs = ce) {
                int chunk = cs / CHUNK;
                ce = Math.min(to, (chunk + 1) * CHUNK);
                if (!prof.reaches(chunk, w, c)) {
                    continue;
                }
                reader.read(cs, ce - cs, stage, 0);
                for (int j = cs; j < ce; j++) {
                    int d = signedDigit(s, 4 * (base + j), w, c);
                    if (d == 0 || !prof.present(j)) {
                        continue;
                    }
                    int po = (j - cs) * aff;
                    boolean sub = d < 0;
                    int b = (d < 0 ? -d : d) - 1;
                    int bo = b * jl;
                    if (stamp[b] != mark) {
                        stamp[b] = mark;
                        k.fromAffine(buckets, bo, stage, po);
                        if (sub) {
                            k.neg(buckets, bo, buckets, bo);
                        }
                        if (b > maxBucket) {
                            maxBucket = b;
                        }
                    } else if (sub) {
                        k.subMixed(buckets, bo, buckets, bo, stage, po);
                    } else {
                        k.addMixed(buckets, bo, buckets, bo, stage, po);
                    }
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

    /** {@link #digit}, negated when the prepared scalar carries the "negate the point" flag (bit 63 of limb 3). */
    static int signedDigit(long[] s, int o, int w, int c) {
        int d = digit(s, o, w, c);
        return s[o + 3] < 0 ? -d : d;
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

    /**
     * {@code len} bits (≤ 32) of the 256-bit integer at {@code s[o..o+3]} from bit {@code bit}; zero past 256.
     * Branch-free below bit 256: which limbs a window straddles depends on the window size, and a branch
     * that the JIT's recorded profile never saw taken (the start-up cache is recorded on a smaller
     * circuit, with another window size) would send the hot loop back to the interpreter.
     */
    private static long bits(long[] s, int o, int bit, int len) {
        int limb = bit >>> 6;
        if (limb >= 4) {
            return 0;
        }
        int sh = bit & 63;
        long lo = limb(s, o, limb) >>> sh;
        long hi = limb(s, o, Math.min(limb + 1, 3)) & ((limb - 3L) >> 63); // zero above the top limb
        return (lo | hi << 1 << (63 - sh)) & ((1L << len) - 1);          // << 64 − sh in two steps: 0 when sh = 0
    }

    /** Limb {@code i} of a prepared scalar, without the sign flag (which only limb 3 carries). */
    private static long limb(long[] s, int o, int i) {
        return s[o + i] & ~(MsmScalars.NEGATE & ((2L - i) >> 63));
    }

    private static int bitLength(long[] s, int o) {
        for (int i = 3; i >= 0; i--) {
            long v = limb(s, o, i);
            if (v != 0) {
                return 64 * i + 64 - Long.numberOfLeadingZeros(v);
            }
        }
        return 0;
    }
}
