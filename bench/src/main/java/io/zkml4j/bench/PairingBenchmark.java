package io.zkml4j.bench;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.field.Fq12;
import io.zkml4j.algebra.pairing.Bn254Pairing;
import io.zkml4j.algebra.pairing.Gt;
import io.zkml4j.algebra.pairing.PairingInput;
import java.util.List;
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
 * The BN254 optimal ate pairing: one Miller loop, one final exponentiation, one full pairing, and the
 * 4-pair EIP-197 check a Groth16 verification performs ({@code e(A,B)·e(−α,β)·e(−L,γ)·e(−C,δ) = 1};
 * here with the generators, which cost the same as any valid points).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PairingBenchmark {

    private PairingInput g;
    private List<PairingInput> four;
    private Fq12 millerValue;

    @Setup
    public void setup() {
        g = PairingInput.of(G1Affine.GENERATOR, G2Affine.GENERATOR);
        PairingInput minusG = PairingInput.of(G1Affine.GENERATOR.neg(), G2Affine.GENERATOR);
        four = List.of(g, minusG, g, minusG);
        millerValue = Bn254Pairing.millerLoop(List.of(g));
        if (!Bn254Pairing.pairingCheck(four)) {
            throw new IllegalStateException("e(G1,G2)·e(−G1,G2) twice should be 1");
        }
    }

    @Benchmark
    public Fq12 millerLoop() {
        return Bn254Pairing.millerLoop(List.of(g));
    }

    @Benchmark
    public Gt finalExp() {
        return Bn254Pairing.finalExponentiation(millerValue);
    }

    @Benchmark
    public Gt pair() {
        return Bn254Pairing.pair(g);
    }

    @Benchmark
    public boolean pairingCheck4() {
        return Bn254Pairing.pairingCheck(four);
    }
}
