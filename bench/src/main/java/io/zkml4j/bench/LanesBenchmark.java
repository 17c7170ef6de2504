package io.zkml4j.bench;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.curve.Msm;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.G1Kernel;
import io.zkml4j.algebra.internal.G2Kernel;
import io.zkml4j.algebra.internal.Lanes;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One batch of 2,048 affine G1 (or G2) additions (the MSM's inner loop) through {@link G1Kernel}
 * ({@link G2Kernel}), per addition:
 * on the vector lanes when the fork has the Vector API (the default here) and the lanes are
 * {@link Lanes#ready}, on the scalar kernel when it runs with {@code -Dzkml4j.simd=false}. Compare the
 * two runs:
 * <pre>
 *   java -jar bench/target/benchmarks.jar LanesBenchmark -f 1 -wi 5 -i 5
 *   java -jar bench/target/benchmarks.jar LanesBenchmark -f 1 -wi 5 -i 5 \
 *        -jvmArgsAppend "--add-modules jdk.incubator.vector -Dzkml4j.simd=false"
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class LanesBenchmark {

    private static final int BATCH = 2048;

    private final G1Kernel kernel = new G1Kernel();
    private final G2Kernel kernel2 = new G2Kernel();
    private long[] buckets;
    private long[] points;
    private long[] buckets2;
    private long[] points2;
    private final int[] bucketOffsets2 = new int[BATCH];
    private final int[] pointOffsets2 = new int[BATCH];
    private final int[] bucketOffsets = new int[BATCH];
    private final int[] pointOffsets = new int[BATCH];
    private final boolean[] negate = new boolean[BATCH];

    @Setup
    public void setup() throws InterruptedException {
        SplittableRandom rng = new SplittableRandom(1);
        int aff = G1Kernel.AFFINE_LONGS;
        buckets = new long[BATCH * aff];
        points = new long[BATCH * aff];
        for (int i = 0; i < BATCH; i++) {
            G1Affine.GENERATOR.mul(Fr.random(rng)).writeMontgomery(buckets, i * aff);
            G1Affine.GENERATOR.mul(Fr.random(rng)).writeMontgomery(points, i * aff);
            bucketOffsets[i] = i * aff;
            pointOffsets[i] = (i * 7 % BATCH) * aff;
            negate[i] = (i & 1) == 0;
        }
        int aff2 = G2Kernel.AFFINE_LONGS;
        buckets2 = new long[BATCH * aff2];
        points2 = new long[BATCH * aff2];
        for (int i = 0; i < BATCH; i++) {
            G2Affine.GENERATOR.mul(Fr.random(rng)).writeMontgomery(buckets2, i * aff2);
            G2Affine.GENERATOR.mul(Fr.random(rng)).writeMontgomery(points2, i * aff2);
            bucketOffsets2[i] = i * aff2;
            pointOffsets2[i] = (i * 7 % BATCH) * aff2;
        }
        Msm.warmUp();
        for (int i = 0; i < 600 && Lanes.enabled() && !Lanes.ready(); i++) {
            Thread.sleep(50);
        }
        System.out.println("vector lanes " + (Lanes.ready() ? "in use" : Lanes.enabled() ? "not ready" : "off"));
    }

    /** Each round adds the points to the buckets again (buckets never meet ±P: random points). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long g1BatchAddAffine() {
        kernel.batchAddAffine(buckets, bucketOffsets, points, pointOffsets, negate, BATCH);
        return buckets[0];
    }

    /** The same for G2. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long g2BatchAddAffine() {
        kernel2.batchAddAffine(buckets2, bucketOffsets2, points2, pointOffsets2, negate, BATCH);
        return buckets2[0];
    }
}
