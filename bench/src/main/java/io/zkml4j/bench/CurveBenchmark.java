package io.zkml4j.bench;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G1Jacobian;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.curve.G2Jacobian;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.G1Kernel;
import io.zkml4j.algebra.internal.G2Kernel;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Point operations through the flat kernels (what the MSM runs). Each benchmark feeds its result back
 * as the next input, so successive operations cannot overlap and the accumulator stays a valid point.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CurveBenchmark {

    private final G1Kernel g1 = new G1Kernel();
    private final long[] g1Acc = new long[G1Kernel.JACOBIAN_LONGS];
    private final long[] g1Other = new long[G1Kernel.JACOBIAN_LONGS];
    private final long[] g1Affine = new long[G1Kernel.AFFINE_LONGS];
    private final G2Kernel g2 = new G2Kernel();
    private final long[] g2Acc = new long[G2Kernel.JACOBIAN_LONGS];
    private final long[] g2Other = new long[G2Kernel.JACOBIAN_LONGS];
    private final long[] g2Affine = new long[G2Kernel.AFFINE_LONGS];

    @Setup
    public void setup() {
        SplittableRandom rng = new SplittableRandom(1);
        G1Jacobian.GENERATOR.mul(Fr.random(rng)).writeMontgomery(g1Acc, 0);
        G1Jacobian.GENERATOR.mul(Fr.random(rng)).writeMontgomery(g1Other, 0);
        G1Affine.GENERATOR.mul(Fr.random(rng)).writeMontgomery(g1Affine, 0);
        G2Jacobian.GENERATOR.mul(Fr.random(rng)).writeMontgomery(g2Acc, 0);
        G2Jacobian.GENERATOR.mul(Fr.random(rng)).writeMontgomery(g2Other, 0);
        G2Affine.GENERATOR.mul(Fr.random(rng)).writeMontgomery(g2Affine, 0);
    }

    /** madd-2007-bl: Jacobian + affine. */
    @Benchmark
    public long g1AddMixed() {
        g1.addMixed(g1Acc, 0, g1Acc, 0, g1Affine, 0);
        return g1Acc[0];
    }

    /** add-2007-bl: Jacobian + Jacobian. */
    @Benchmark
    public long g1Add() {
        g1.add(g1Acc, 0, g1Acc, 0, g1Other, 0);
        return g1Acc[0];
    }

    /** dbl-2009-l. */
    @Benchmark
    public long g1Dbl() {
        g1.dbl(g1Acc, 0, g1Acc, 0);
        return g1Acc[0];
    }

    /** add-2007-bl over Fq2. */
    @Benchmark
    public long g2Add() {
        g2.add(g2Acc, 0, g2Acc, 0, g2Other, 0);
        return g2Acc[0];
    }

    /** madd-2007-bl over Fq2. */
    @Benchmark
    public long g2AddMixed() {
        g2.addMixed(g2Acc, 0, g2Acc, 0, g2Affine, 0);
        return g2Acc[0];
    }

    /** dbl-2009-l over Fq2. */
    @Benchmark
    public long g2Dbl() {
        g2.dbl(g2Acc, 0, g2Acc, 0);
        return g2Acc[0];
    }
}
