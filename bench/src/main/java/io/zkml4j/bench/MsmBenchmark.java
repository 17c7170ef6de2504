package io.zkml4j.bench;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G1Jacobian;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.curve.G2Jacobian;
import io.zkml4j.algebra.curve.Msm;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.G1Kernel;
import io.zkml4j.algebra.internal.G2Kernel;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Multi-scalar multiplication on the flat entry points (what the Groth16 prover calls), with uniformly
 * random scalars (the worst case; witness vectors of small integers are much cheaper). Points are
 * {@code P_i = P_0 + i·Q}, made by repeated mixed addition and one batch normalisation, so setup stays
 * fast at 2^20.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class MsmBenchmark {

    @State(Scope.Benchmark)
    public static class G1Input {
        @Param({"65536", "1048576"})
        public int n;

        long[] points;
        long[] scalars;

        @Setup(Level.Trial)
        public void setup() {
            SplittableRandom rng = new SplittableRandom(42);
            Msm.warmUp(); // the vector lanes, when the fork has the Vector API (see LanesBenchmark)
            points = g1Points(n, rng);
            scalars = randomScalars(n, rng);
        }
    }

    /**
     * A witness-like vector of 2^16 scalars: half zero, a quarter 0/1 bits and small signed integers,
     * the rest uniformly random (intermediate products and hashes).
     */
    @State(Scope.Benchmark)
    public static class WitnessInput {
        final int n = 65536;
        long[] points;
        long[] scalars;

        @Setup(Level.Trial)
        public void setup() {
            SplittableRandom rng = new SplittableRandom(44);
            points = g1Points(n, rng);
            scalars = new long[4 * n];
            for (int i = 0; i < n; i++) {
                int kind = rng.nextInt(8);
                Fr v = kind < 4 ? Fr.ZERO
                        : kind == 4 ? Fr.of(rng.nextInt(2))
                        : kind == 5 ? Fr.of(rng.nextInt(1 << 16) - (1 << 15))
                        : Fr.random(rng);
                v.writeMontgomery(scalars, 4 * i);
            }
        }
    }

    @State(Scope.Benchmark)
    public static class G2Input {
        @Param({"65536"})
        public int n2;

        long[] points;
        long[] scalars;

        @Setup(Level.Trial)
        public void setup() {
            SplittableRandom rng = new SplittableRandom(43);
            points = g2Points(n2, rng);
            scalars = randomScalars(n2, rng);
        }
    }

    static long[] g2Points(int n, SplittableRandom rng) {
        G2Kernel k = new G2Kernel();
        long[] q = new long[G2Kernel.AFFINE_LONGS];
        G2Affine.GENERATOR.mul(Fr.random(rng)).writeMontgomery(q, 0);
        long[] jac = new long[G2Kernel.JACOBIAN_LONGS * n];
        G2Jacobian.GENERATOR.mul(Fr.random(rng)).writeMontgomery(jac, 0);
        for (int i = 1; i < n; i++) {
            k.addMixed(jac, G2Kernel.JACOBIAN_LONGS * i, jac, G2Kernel.JACOBIAN_LONGS * (i - 1), q, 0);
        }
        long[] aff = new long[G2Kernel.AFFINE_LONGS * n];
        k.batchToAffine(jac, 0, aff, 0, n);
        return aff;
    }

    static long[] g1Points(int n, SplittableRandom rng) {
        G1Kernel k = new G1Kernel();
        long[] q = new long[G1Kernel.AFFINE_LONGS];
        G1Affine.GENERATOR.mul(Fr.random(rng)).writeMontgomery(q, 0);
        long[] jac = new long[G1Kernel.JACOBIAN_LONGS * n];
        G1Jacobian.GENERATOR.mul(Fr.random(rng)).writeMontgomery(jac, 0);
        for (int i = 1; i < n; i++) {
            k.addMixed(jac, G1Kernel.JACOBIAN_LONGS * i, jac, G1Kernel.JACOBIAN_LONGS * (i - 1), q, 0);
        }
        long[] aff = new long[G1Kernel.AFFINE_LONGS * n];
        k.batchToAffine(jac, 0, aff, 0, n);
        return aff;
    }

    static long[] randomScalars(int n, SplittableRandom rng) {
        long[] s = new long[4 * n];
        for (int i = 0; i < n; i++) {
            Fr.random(rng).writeMontgomery(s, 4 * i);
        }
        return s;
    }

    @Benchmark
    public G1Jacobian g1(G1Input in) {
        return Msm.g1(in.points, in.scalars, in.n);
    }

    @Benchmark
    public G1Jacobian g1Witness(WitnessInput in) {
        return Msm.g1(in.points, in.scalars, in.n);
    }

    @Benchmark
    public G2Jacobian g2(G2Input in) {
        return Msm.g2(in.points, in.scalars, in.n2);
    }
}
