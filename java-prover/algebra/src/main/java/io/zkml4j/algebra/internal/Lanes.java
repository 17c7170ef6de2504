package io.zkml4j.algebra.internal;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the vector kernels ({@link FqLanes}, {@link G1LanesBatch}, {@link G2LanesBatch}) run: only
 * when the JDK's incubating Vector API is in the boot layer ({@code --add-modules jdk.incubator.vector}), the CPU has 512-bit
 * vectors (8 lanes of 64 bits; emulated narrower vectors would be slower than the scalar kernels), and
 * the system property {@code zkml4j.simd} is not {@code false}. Otherwise the scalar kernels do all the
 * work, with the same results.
 *
 * <p>This class names no Vector API type, so it loads on every JDK; the vector classes are reached
 * through reflection only after the check. Its warm-up takes the generators from the curve package.
 */
public final class Lanes {

    /** The system property that turns the vector kernels off when {@code false}. */
    public static final String PROPERTY = "zkml4j.simd";

    private static final String G1_BATCH = "io.zkml4j.algebra.internal.G1LanesBatch";
    private static final String G2_BATCH = "io.zkml4j.algebra.internal.G2LanesBatch";
    private static final boolean ENABLED = probe();
    private static final AtomicBoolean WARMING = new AtomicBoolean();
    private static final CountDownLatch WARM_UP = new CountDownLatch(1);
    /** Additions per warm-up round, and how long the warm-up may try. */
    private static final int WARM_UP_BATCH = 256, WARM_UP_MILLIS = 5_000, WARM_UP_G2_ROUNDS = 200;
    private static volatile boolean ready;

    private Lanes() {
    }

    /** Whether the vector kernels can run in this JVM (they are used once {@link #ready}). */
    public static boolean enabled() {
        return ENABLED;
    }

    /** A new vector batch adder for G1 (scratch space per instance), or {@code null} when not {@link #enabled}. */
    static AffineBatchAdder g1BatchAdder() {
        return ENABLED ? instantiate(G1_BATCH) : null;
    }

    /** A new vector batch adder for G2 (scratch space per instance), or {@code null} when not {@link #enabled}. */
    static AffineBatchAdder g2BatchAdder() {
        return ENABLED ? instantiate(G2_BATCH) : null;
    }

    /**
     * Starts, once per JVM and only when {@link #enabled}, a daemon thread that gets the vector kernels
     * compiled and then declares them {@link #ready}. Vector code that is interpreted, or compiled by the
     * JIT's first tier, boxes every vector and runs about 100× slower than compiled code; so the thread
     * times the same batch of additions on the scalar and on the vector kernel, round after round, and
     * declares the lanes ready when the vector kernel has taken under 3/4 of the scalar time three rounds
     * in a row and left the same buckets. Until then (or if that never happens within
     * {@value #WARM_UP_MILLIS} ms) the scalar kernel does the work. The warm-up takes about 0.8 s and
     * 1.3 core-seconds on an idle machine (BENCHMARKS.md). Returns at once.
     */
    public static void warmUp() {
        if (!ENABLED || !WARMING.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                ready = exercise();
                if (ready) {
                    exerciseG2(); // the G2 batch code is compiled by the time the G2 MSM runs
                }
            } finally {
                WARM_UP.countDown();
            }
        }, "zkml4j-lanes-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Whether the vector kernels are enabled, warmed up and measured faster than the scalar ones. */
    public static boolean ready() {
        return ready;
    }

    /** Starts the warm-up if needed and waits for it to end (tests); returns {@link #ready}. */
    static boolean awaitWarmUp(long millis) throws InterruptedException {
        warmUp();
        return ENABLED && WARM_UP.await(millis, TimeUnit.MILLISECONDS) && ready;
    }

    /**
     * Adds G to {@value #WARM_UP_BATCH} buckets holding 2G, 3G, …, alternately with the scalar and the
     * vector kernel (no bucket ever meets ±G, the adders' precondition); true once the vector rounds are
     * clearly faster and both kernels left the same buckets.
     */
    private static boolean exercise() {
        G1Kernel k = new G1Kernel(false);
        long[] g = new long[G1Kernel.AFFINE_LONGS];
        G1Affine.GENERATOR.writeMontgomery(g, 0);
        long[] viaScalar = multiplesOf(k, g);
        long[] viaLanes = viaScalar.clone();
        int[] bucketOffsets = offsets(G1Kernel.AFFINE_LONGS);
        int[] pointOffsets = new int[WARM_UP_BATCH];
        boolean[] negate = new boolean[WARM_UP_BATCH];
        AffineBatchAdder lanes = instantiate(G1_BATCH);
        long bestScalar = Long.MAX_VALUE;
        long deadline = System.nanoTime() + WARM_UP_MILLIS * 1_000_000L;
        for (int round = 0, faster = 0; System.nanoTime() < deadline; round++) {
            long t0 = System.nanoTime();
            k.batchAddAffine(viaScalar, bucketOffsets, g, pointOffsets, negate, WARM_UP_BATCH);
            long t1 = System.nanoTime();
            lanes.batchAddAffine(viaLanes, bucketOffsets, g, pointOffsets, negate, WARM_UP_BATCH);
            long t2 = System.nanoTime();
            bestScalar = Math.min(bestScalar, t1 - t0);
            faster = 4 * (t2 - t1) < 3 * bestScalar ? faster + 1 : 0; // 145 against 408 ns once compiled
            if (faster >= 3 && round >= 20) {
                return Arrays.equals(viaScalar, viaLanes);
            }
        }
        return false;
    }

    /**
     * Runs the G2 lane batch on {@value #WARM_UP_G2_ROUNDS} batches of {@value #WARM_UP_BATCH} additions
     * (buckets 2G, 3G, … on the twist, each plus G), so that its own loops get compiled too; its field
     * arithmetic is the G1 batch's, already compiled. Results are not used.
     */
    private static void exerciseG2() {
        long[] g = new long[G2Kernel.AFFINE_LONGS];
        G2Affine.GENERATOR.writeMontgomery(g, 0);
        long[] buckets = multiplesOf(new G2Kernel(false), g);
        int[] bucketOffsets = offsets(G2Kernel.AFFINE_LONGS);
        int[] pointOffsets = new int[WARM_UP_BATCH];
        boolean[] negate = new boolean[WARM_UP_BATCH];
        AffineBatchAdder lanes = instantiate(G2_BATCH);
        for (int round = 0; round < WARM_UP_G2_ROUNDS; round++) {
            lanes.batchAddAffine(buckets, bucketOffsets, g, pointOffsets, negate, WARM_UP_BATCH);
        }
    }

    /** {@value #WARM_UP_BATCH} affine points 2G, 3G, … of the kernel's group, G at {@code g}. */
    private static long[] multiplesOf(CurveKernel k, long[] g) {
        int aff = k.affineLongs();
        long[] jac = new long[k.jacobianLongs()];
        k.fromAffine(jac, 0, g, 0);
        long[] points = new long[WARM_UP_BATCH * aff];
        for (int i = 0; i < WARM_UP_BATCH; i++) {
            k.addMixed(jac, 0, jac, 0, g, 0);
            k.toAffine(points, i * aff, jac, 0);
        }
        return points;
    }

    /** The offsets of {@value #WARM_UP_BATCH} consecutive points of {@code affineLongs} longs. */
    private static int[] offsets(int affineLongs) {
        int[] offsets = new int[WARM_UP_BATCH];
        for (int i = 0; i < WARM_UP_BATCH; i++) {
            offsets[i] = i * affineLongs;
        }
        return offsets;
    }

    private static boolean probe() {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return (boolean) Class.forName(G1_BATCH).getDeclaredMethod("supported").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }

    private static AffineBatchAdder instantiate(String className) {
        try {
            return (AffineBatchAdder) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The vector kernel " + className + " passed its check but cannot be made", e);
        }
    }
}
