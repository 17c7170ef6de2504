package io.zkml4j.bench;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.poly.Radix2Domain;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Radix-2 FFTs over Fr on flat Montgomery vectors, as the Groth16 prover runs them: plain FFT, inverse
 * FFT, the coset FFT on snarkjs's shift, and the fused domain-to-coset step (two transforms). Each
 * operation transforms the same array in place (a transform of a random vector is again a random vector,
 * so the work is the same every time). The domain's twiddle table is built in {@code setup}, outside the
 * measurement. Parallel over the common pool; record the core count and machine load with the result.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FftBenchmark {

    @Param({"16", "20"})
    public int logSize;

    private Radix2Domain domain;
    private Fr shift;
    private long[] v;

    @Setup
    public void setup() {
        domain = Radix2Domain.ofLog(logSize);
        shift = domain.snarkjsCosetShift();
        SplittableRandom rng = new SplittableRandom(1);
        v = new long[4 * domain.size()];
        for (int i = 0; i < domain.size(); i++) {
            Fr.random(rng).writeMontgomery(v, 4 * i);
        }
        domain.fft(v); // builds the twiddle table
    }

    @Benchmark
    public long fft() {
        domain.fft(v);
        return v[0];
    }

    @Benchmark
    public long ifft() {
        domain.ifft(v);
        return v[0];
    }

    @Benchmark
    public long cosetFft() {
        domain.cosetFft(v, shift);
        return v[0];
    }

    /** The Groth16 prover's step per QAP polynomial: evaluations on H to evaluations on snarkjs's coset. */
    @Benchmark
    public long evaluationsOnCoset() {
        domain.evaluationsOnCoset(v, shift);
        return v[0];
    }
}
