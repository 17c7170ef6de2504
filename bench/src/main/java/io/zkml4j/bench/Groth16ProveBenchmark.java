package io.zkml4j.bench;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.groth16.Groth16;
import io.zkml4j.groth16.ProofWithPublicSignals;
import io.zkml4j.groth16.ProveOptions;
import io.zkml4j.groth16.ProvingKey;
import io.zkml4j.groth16.QapCoefficients;
import io.zkml4j.r1cs.Witness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Groth16#prove} on a synthetic circuit of {@code 2^log} constraints (domain {@code 2^log}),
 * {@code nVars = 2^log} signals and 4 public signals: constraint {@code i} is {@code w[a_i]·w[b_i] = …}
 * with one A and one B term (plus snarkjs's public-input rows), so the QAP has {@code ~2·2^log} entries.
 * The proving key has the right shapes but random points (timing does not depend on the points being a
 * real setup's); the witness is either uniformly random field elements ({@code random}, the MSM worst
 * case) or integers below 2^16 ({@code small}, closer to quantized ML circuits). The witness does not
 * satisfy the constraints: the prover does not need it to for timing.
 *
 * <p>After each trial the mean time of each prover stage (from the progress callback) is printed:
 * qap (A, B evaluation and C = A∘B), fft (three coset transforms and h), and the five MSMs.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 4)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class Groth16ProveBenchmark {

    @Param({"12", "16"})
    public int log;

    @Param({"random", "small"})
    public String witnessKind;

    private ProvingKey pk;
    private Witness witness;
    private SplittableRandom rng;
    private final Map<String, Long> stageNanos = new LinkedHashMap<>();
    private int runs;
    private String lastStage;
    private long lastStart;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom r = new SplittableRandom(42);
        pk = syntheticKey(log, r);
        int nVars = pk.nVars();
        List<Fr> values = new ArrayList<>(nVars);
        values.add(Fr.ONE);
        for (int i = 1; i < nVars; i++) {
            values.add("small".equals(witnessKind) ? Fr.of(r.nextInt(1 << 16)) : Fr.random(r));
        }
        witness = Witness.of(values);
        rng = new SplittableRandom(7);
    }

    /** The synthetic key (see the class Javadoc); public so other tools can reuse it. */
    public static ProvingKey syntheticKey(int log, SplittableRandom r) {
        int n = 1 << log;
        int nPublic = 4;
        int nVars = n;
        int nConstraints = n - nPublic - 1;
        QapCoefficients.Builder q = QapCoefficients.builder();
        for (int i = 0; i < nConstraints; i++) {
            q.add(QapCoefficients.A, i, r.nextInt(nVars), Fr.ONE);
            q.add(QapCoefficients.B, i, r.nextInt(nVars), Fr.of(r.nextInt(1000) + 1));
        }
        for (int i = 0; i <= nPublic; i++) {
            q.add(QapCoefficients.A, nConstraints + i, i, Fr.ONE);
        }
        List<G1Affine> ic = new ArrayList<>();
        for (int i = 0; i <= nPublic; i++) {
            ic.add(G1Affine.GENERATOR.mul(Fr.random(r)));
        }
        return ProvingKey.builder().nVars(nVars).nPublic(nPublic).domainSize(n)
                .alpha1(G1Affine.GENERATOR.mul(Fr.random(r))).beta1(G1Affine.GENERATOR.mul(Fr.random(r)))
                .delta1(G1Affine.GENERATOR.mul(Fr.random(r)))
                .beta2(G2Affine.GENERATOR.mul(Fr.random(r))).gamma2(G2Affine.GENERATOR.mul(Fr.random(r)))
                .delta2(G2Affine.GENERATOR.mul(Fr.random(r)))
                .ic(ic).coefficients(q.build())
                .pointsA(MsmBenchmark.g1Points(nVars, r)).pointsB1(MsmBenchmark.g1Points(nVars, r))
                .pointsB2(MsmBenchmark.g2Points(nVars, r)).pointsC(MsmBenchmark.g1Points(nVars - nPublic - 1, r))
                .pointsH(MsmBenchmark.g1Points(n, r))
                .build();
    }

    @Benchmark
    public ProofWithPublicSignals prove() {
        runs++;
        lastStage = null;
        return Groth16.prove(pk, witness, rng, ProveOptions.defaults().withProgress(this::onStage));
    }

    private void onStage(String stage, double fraction) {
        long now = System.nanoTime();
        if (lastStage != null) {
            stageNanos.merge(lastStage, now - lastStart, Long::sum);
        }
        lastStage = stage;
        lastStart = now;
    }

    @TearDown(Level.Trial)
    public void report() {
        StringBuilder sb = new StringBuilder("\nStage means over " + runs + " runs (2^" + log + ", " + witnessKind
                + " witness):");
        stageNanos.forEach((k, v) -> sb.append(String.format(" %s %.1f ms;", k, v / 1e6 / runs)));
        System.out.println(sb);
    }
}
