package io.zkml4j.bench;

import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fr;
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
 * Prime-field arithmetic: the flat Montgomery kernels (what hot loops use) and the immutable API.
 * The kernel benchmarks chain each result into the next operand so the multiplications cannot overlap.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FieldBenchmark {

    private final long[] q = new long[8];
    private final long[] r = new long[8];
    private Fq fqA;
    private Fq fqB;
    private Fr[] frBatch;
    private final long[] fqVector = new long[4 * 1024];
    private final long[] fqOut = new long[4 * 1024];

    @Setup
    public void setup() {
        SplittableRandom rng = new SplittableRandom(1);
        Fq.random(rng).writeMontgomery(q, 0);
        Fq.random(rng).writeMontgomery(q, 4);
        Fr.random(rng).writeMontgomery(r, 0);
        Fr.random(rng).writeMontgomery(r, 4);
        fqA = Fq.random(rng);
        fqB = Fq.random(rng);
        for (int i = 0; i < 1024; i++) {
            Fq.random(rng).writeMontgomery(fqVector, 4 * i);
        }
        frBatch = new Fr[1024];
        for (int i = 0; i < frBatch.length; i++) {
            frBatch[i] = Fr.random(rng);
        }
    }

    @Benchmark
    public long fqMulKernel() {
        Fq.KERNEL.mul(q, 0, q, 0, q, 4);
        return q[0];
    }

    /**
     * Throughput: 1023 independent products {@code v[i]·v[i+1]}, as in FFT butterflies and batch
     * affine additions, where the CPU can overlap consecutive multiplications.
     */
    @Benchmark
    @OperationsPerInvocation(1023)
    public long fqMulKernelThroughput() {
        for (int i = 0; i < 1023; i++) {
            Fq.KERNEL.mul(fqOut, 4 * i, fqVector, 4 * i, fqVector, 4 * i + 4);
        }
        return fqOut[0];
    }

    @Benchmark
    public long fqSquareKernel() {
        Fq.KERNEL.square(q, 0, q, 0);
        return q[0];
    }

    @Benchmark
    public long fqAddKernel() {
        Fq.KERNEL.add(q, 0, q, 0, q, 4);
        return q[0];
    }

    @Benchmark
    public long frMulKernel() {
        Fr.KERNEL.mul(r, 0, r, 0, r, 4);
        return r[0];
    }

    @Benchmark
    public Fq fqMulImmutable() {
        return fqA.mul(fqB);
    }

    @Benchmark
    public Fq fqInverse() {
        return fqA.inverse();
    }

    /** 1024 inversions with Montgomery's trick; divide by 1024 for the cost of one. */
    @Benchmark
    public Fr[] frBatchInverse1024() {
        return Fr.batchInverse(frBatch);
    }
}
