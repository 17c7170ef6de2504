package io.zkml4j.groth16.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.curve.PointSource;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.test.SeedExtension;
import io.zkml4j.algebra.test.Seeds;
import io.zkml4j.groth16.Fixtures;
import io.zkml4j.groth16.Groth16;
import io.zkml4j.groth16.ProofWithPublicSignals;
import io.zkml4j.groth16.ProveOptions;
import io.zkml4j.groth16.ProvingKey;
import io.zkml4j.groth16.ptau.PtauFixtures;
import io.zkml4j.groth16.ptau.SnarkjsEncoding;
import io.zkml4j.groth16.zkey.ZkeyFile;
import io.zkml4j.r1cs.Constraint;
import io.zkml4j.r1cs.LinearCombination;
import io.zkml4j.r1cs.R1cs;
import io.zkml4j.r1cs.R1csFile;
import io.zkml4j.r1cs.Witness;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The development setup against the definitions of its points, recomputed here with {@link BigInteger}
 * arithmetic and naive Lagrange interpolation; proofs with dev keys; the zkey round trip.
 */
@ExtendWith(SeedExtension.class)
class DevSetupTest {

    private static final BigInteger R = Bn254.R;

    @TempDir
    Path dir;

    /** Explicit toxic waste for the definition checks. */
    private record Waste(Fr tau, Fr alpha, Fr beta, Fr gamma, Fr delta) {
        static Waste random(SplittableRandom rng) {
            return new Waste(Fr.random(rng), Fr.random(rng), Fr.random(rng), Fr.random(rng), Fr.random(rng));
        }

        Groth16Setup.Result setup(R1cs r1cs) {
            return DevSetup.newZkey(r1cs, tau, alpha, beta, gamma, delta, ProveOptions.ProgressListener.NONE);
        }
    }

    // ---- Points against their definitions ----------------------------------------------------------

    @ParameterizedTest(name = "{0} outputs, {1} public inputs, {2} private inputs, {3} internal wires")
    @CsvSource({"1, 0, 0, 1", "0, 1, 1, 3", "2, 3, 2, 6", "1, 4, 0, 9", "0, 0, 2, 4", "3, 1, 1, 12"})
    void pointsEqualTheirDefinitions(int outputs, int publicInputs, int privateInputs, int internal) {
        SplittableRandom rng = Seeds.rng("dev-setup-definitions-" + outputs + publicInputs + privateInputs + internal);
        R1cs r1cs = RandomCircuit.of(rng, outputs, publicInputs, privateInputs, internal).r1cs();
        Waste x = Waste.random(rng);
        Groth16Setup.Result result = x.setup(r1cs);
        ProvingKey pk = result.key();

        int nVars = r1cs.numWires(), nPublic = r1cs.numPublic(), m = r1cs.numConstraints();
        int n = pk.domainSize();
        assertThat(n).isGreaterThanOrEqualTo(Math.max(2, m + nPublic + 1)).isLessThan(2 * Math.max(2, m + nPublic + 1));
        BigInteger tau = x.tau().toBigInteger(), alpha = x.alpha().toBigInteger(), beta = x.beta().toBigInteger();
        BigInteger gammaInv = x.gamma().toBigInteger().modInverse(R), deltaInv = x.delta().toBigInteger().modInverse(R);
        BigInteger[] lag = naiveLagrange(n, tau);
        BigInteger[] lag2 = naiveLagrange(2 * n, tau);
        BigInteger[] u = new BigInteger[nVars], v = new BigInteger[nVars], w = new BigInteger[nVars];
        Arrays.fill(u, BigInteger.ZERO);
        Arrays.fill(v, BigInteger.ZERO);
        Arrays.fill(w, BigInteger.ZERO);
        for (int c = 0; c < m; c++) {
            Constraint con = r1cs.constraint(c);
            add(u, con.a(), lag[c]);
            add(v, con.b(), lag[c]);
            add(w, con.c(), lag[c]);
        }
        for (int s = 0; s <= nPublic; s++) {
            u[s] = u[s].add(lag[m + s]).mod(R);
        }

        assertThat(pk.nVars()).isEqualTo(nVars);
        assertThat(pk.nPublic()).isEqualTo(nPublic);
        assertThat(pk.alpha1()).isEqualTo(g1(alpha));
        assertThat(pk.beta1()).isEqualTo(g1(beta));
        assertThat(pk.beta2()).isEqualTo(g2(beta));
        assertThat(pk.gamma2()).isEqualTo(g2(x.gamma().toBigInteger()));
        assertThat(pk.delta1()).isEqualTo(g1(x.delta().toBigInteger()));
        assertThat(pk.delta2()).isEqualTo(g2(x.delta().toBigInteger()));
        for (int s = 0; s < nVars; s++) {
            assertThat(point(pk.pointsA(), s)).as("A[%d]", s).isEqualTo(g1(u[s]));
            assertThat(point(pk.pointsB1(), s)).as("B1[%d]", s).isEqualTo(g1(v[s]));
            assertThat(point2(pk.pointsB2(), s)).as("B2[%d]", s).isEqualTo(g2(v[s]));
            BigInteger k = beta.multiply(u[s]).add(alpha.multiply(v[s])).add(w[s]);
            if (s <= nPublic) {
                assertThat(pk.ic().get(s)).as("IC[%d]", s).isEqualTo(g1(k.multiply(gammaInv)));
            } else {
                assertThat(point(pk.pointsC(), s - nPublic - 1)).as("C[%d]", s).isEqualTo(g1(k.multiply(deltaInv)));
            }
        }
        for (int i = 0; i < n; i++) {
            assertThat(point(pk.pointsH(), i)).as("H[%d]", i).isEqualTo(g1(lag2[2 * i + 1].multiply(deltaInv)));
        }

        // Circuit hash: snarkjs's transcript of this key, the H-check points (τ^n − 1)·τ^i·G1 included.
        Blake2bDigest d = new Blake2bDigest(512);
        for (byte[] b : List.of(SnarkjsEncoding.uncompressed(pk.alpha1()), SnarkjsEncoding.uncompressed(pk.beta1()),
                SnarkjsEncoding.uncompressed(pk.beta2()), SnarkjsEncoding.uncompressed(pk.gamma2()),
                SnarkjsEncoding.uncompressed(pk.delta1()), SnarkjsEncoding.uncompressed(pk.delta2()))) {
            d.update(b, 0, b.length);
        }
        u32(d, nPublic + 1);
        pk.ic().forEach(p -> update(d, SnarkjsEncoding.uncompressed(p)));
        u32(d, n - 1);
        BigInteger zn = tau.modPow(BigInteger.valueOf(n), R).subtract(BigInteger.ONE);
        for (int i = 0; i < n - 1; i++) {
            update(d, SnarkjsEncoding.uncompressed(g1(zn.multiply(tau.modPow(BigInteger.valueOf(i), R)))));
        }
        hashG1(d, pk.pointsC());
        hashG1(d, pk.pointsA());
        hashG1(d, pk.pointsB1());
        u32(d, nVars);
        for (int s = 0; s < nVars; s++) {
            update(d, SnarkjsEncoding.uncompressed(point2(pk.pointsB2(), s)));
        }
        byte[] expectedHash = new byte[64];
        d.doFinal(expectedHash, 0);
        assertThat(result.circuitHash()).isEqualTo(expectedHash);
        ZkeyContribution.Transcript t = ZkeyContribution.parse(pk.contributions());
        assertThat(t.circuitHash()).isEqualTo(expectedHash);
        assertThat(t.records()).isEmpty();
    }

    @Test
    void coefficientsAndShapeEqualSnarkjsSetupOfTheSameCircuit() {
        R1cs r1cs = R1csFile.read(Fixtures.circom(Fixtures.MULTIPLIER, "r1cs"));
        ProvingKey dev = DevSetup.newZkey(r1cs).key();
        ProvingKey snarkjs = ZkeyFile.read(PtauFixtures.multiplierZkey());
        assertThat(dev.coefficients()).isEqualTo(snarkjs.coefficients());
        assertThat(dev.nVars()).isEqualTo(snarkjs.nVars());
        assertThat(dev.nPublic()).isEqualTo(snarkjs.nPublic());
        assertThat(dev.domainSize()).isEqualTo(snarkjs.domainSize());
        assertThat(dev.contributionsLength()).isEqualTo(snarkjs.contributionsLength());
    }

    @Test
    void sampledToxicWasteHasDistinctGammaAndDeltaAndFreshKeysDiffer() {
        R1cs r1cs = RandomCircuit.of(Seeds.rng("dev-setup-fresh"), 1, 1, 1, 3).r1cs();
        ProvingKey k1 = DevSetup.newZkey(r1cs).key();
        ProvingKey k2 = DevSetup.newZkey(r1cs).key();
        for (ProvingKey k : List.of(k1, k2)) {
            assertThat(k.gamma2()).isNotEqualTo(k.delta2()).isNotEqualTo(G2Affine.GENERATOR);
            assertThat(k.delta2()).isNotEqualTo(G2Affine.GENERATOR);
        }
        assertThat(k1.alpha1()).isNotEqualTo(k2.alpha1());
        assertThat(k1.pointsA().toArray()).isNotEqualTo(k2.pointsA().toArray());
    }

    @Test
    void rejectsDegenerateToxicWaste() {
        R1cs r1cs = RandomCircuit.of(Seeds.rng("dev-setup-degenerate"), 1, 0, 1, 2).r1cs();
        Fr a = Fr.of(7), b = Fr.of(11);
        assertThatThrownBy(() -> DevSetup.newZkey(r1cs, Fr.ZERO, a, b, a, b, ProveOptions.ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be zero");
        assertThatThrownBy(() -> DevSetup.newZkey(r1cs, b, a, b, a, a, ProveOptions.ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("γ and δ");
        assertThatThrownBy(() -> DevSetup.newZkey(r1cs, b, a, b, Fr.ONE, a, ProveOptions.ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("γ and δ");
        int n = 1 << Groth16Setup.domainLog(r1cs);
        Fr oddCosetPoint = io.zkml4j.algebra.poly.Radix2Domain.of(2 * n).element(3);
        assertThatThrownBy(() -> DevSetup.newZkey(r1cs, oddCosetPoint, a, b, a, b.add(Fr.ONE),
                ProveOptions.ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root of unity");
    }

    @Test
    void reportsItsStagesInOrderEndingAtOne() {
        R1cs r1cs = RandomCircuit.of(Seeds.rng("dev-setup-progress"), 1, 1, 0, 5).r1cs();
        List<String> stages = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        DevSetup.newZkey(r1cs, (s, f) -> {
            stages.add(s);
            fractions.add(f);
        });
        assertThat(stages).startsWith("scalars", "tables").contains("g1", "g2").endsWith("hash", "done");
        assertThat(fractions).isSorted().last().isEqualTo(1.0);
    }

    // ---- Proofs with dev keys ----------------------------------------------------------------------

    @ParameterizedTest(name = "{0} outputs, {1} public inputs, {2} private inputs, {3} internal wires")
    @CsvSource({"1, 1, 1, 5", "3, 2, 0, 20", "0, 5, 3, 40", "2, 0, 4, 70"})
    void proofsVerifyAndTamperedInputsOrWitnessesDoNot(int outputs, int publicInputs, int privateInputs,
                                                        int internal) {
        SplittableRandom rng = Seeds.rng("dev-setup-proofs-" + outputs + publicInputs + privateInputs + internal);
        RandomCircuit circuit = RandomCircuit.of(rng, outputs, publicInputs, privateInputs, internal);
        assertThat(circuit.r1cs().check(circuit.witness()).isSatisfied()).isTrue();
        ProvingKey pk = DevSetup.newZkey(circuit.r1cs()).key();

        ProofWithPublicSignals p = Groth16.prove(pk, circuit.witness(), rng,
                ProveOptions.defaults().checkingAgainst(circuit.r1cs()));
        assertThat(Groth16.verify(pk.verifyingKey(), p.publicSignals(), p.proof())).isTrue();

        if (!p.publicSignals().isEmpty()) {
            List<Fr> tampered = new ArrayList<>(p.publicSignals());
            int i = rng.nextInt(tampered.size());
            tampered.set(i, tampered.get(i).add(Fr.ONE));
            assertThat(Groth16.verify(pk.verifyingKey(), tampered, p.proof())).as("public signal %d changed", i)
                    .isFalse();
        }

        // A witness that violates a constraint (the last internal wire changed), forced through the prover.
        int wire = circuit.witness().size() - 1;
        Witness bad = circuit.witness().with(wire, circuit.witness().get(wire).add(Fr.ONE));
        assertThat(circuit.r1cs().check(bad).isSatisfied()).isFalse();
        ProofWithPublicSignals forced = Groth16.prove(pk, bad, rng);
        assertThat(Groth16.verify(pk.verifyingKey(), forced.publicSignals(), forced.proof())).isFalse();
    }

    @Test
    void keyWrittenAndReadBackIsEqualAndRewritesByteForByte() throws Exception {
        RandomCircuit circuit = RandomCircuit.of(Seeds.rng("dev-setup-zkey"), 2, 2, 1, 15);
        Path zkey = dir.resolve("dev.zkey");
        byte[] hash = DevSetup.newZkey(circuit.r1cs(), zkey, ProveOptions.ProgressListener.NONE);
        ProvingKey read = ZkeyFile.read(zkey);
        assertThat(ZkeyContribution.parse(read.contributions()).circuitHash()).isEqualTo(hash);

        Groth16Setup.Result again = DevSetup.newZkey(circuit.r1cs());
        Path second = dir.resolve("second.zkey");
        ZkeyFile.write(again.key(), second, ZkeyFile.SETUP_ORDER);
        assertEqual(ZkeyFile.read(second), again.key());

        Path rewritten = dir.resolve("rewritten.zkey");
        ZkeyFile.write(read, rewritten, ZkeyFile.SETUP_ORDER);
        assertThat(Files.readAllBytes(rewritten)).isEqualTo(Files.readAllBytes(zkey));
        ProofWithPublicSignals p = Groth16.prove(read, circuit.witness());
        assertThat(Groth16.verify(read.verifyingKey(), p.publicSignals(), p.proof())).isTrue();
    }

    // ---- Helpers -----------------------------------------------------------------------------------

    private static void assertEqual(ProvingKey actual, ProvingKey expected) {
        assertThat(actual.nVars()).isEqualTo(expected.nVars());
        assertThat(actual.nPublic()).isEqualTo(expected.nPublic());
        assertThat(actual.domainSize()).isEqualTo(expected.domainSize());
        assertThat(actual.verifyingKey()).isEqualTo(expected.verifyingKey());
        assertThat(actual.beta1()).isEqualTo(expected.beta1());
        assertThat(actual.delta1()).isEqualTo(expected.delta1());
        assertThat(actual.coefficients()).isEqualTo(expected.coefficients());
        assertThat(actual.pointsA().toArray()).isEqualTo(expected.pointsA().toArray());
        assertThat(actual.pointsB1().toArray()).isEqualTo(expected.pointsB1().toArray());
        assertThat(actual.pointsB2().toArray()).isEqualTo(expected.pointsB2().toArray());
        assertThat(actual.pointsC().toArray()).isEqualTo(expected.pointsC().toArray());
        assertThat(actual.pointsH().toArray()).isEqualTo(expected.pointsH().toArray());
        assertThat(actual.contributions()).isEqualTo(expected.contributions());
    }

    /** {@code L_j(τ) = Π_(k≠j) (τ − ω^k)/(ω^j − ω^k)} over {@code ω = 5^((r−1)/n)}, computed naively. */
    private static BigInteger[] naiveLagrange(int n, BigInteger tau) {
        BigInteger omega = BigInteger.valueOf(5).modPow(R.subtract(BigInteger.ONE).divide(BigInteger.valueOf(n)), R);
        BigInteger[] points = new BigInteger[n];
        for (int j = 0; j < n; j++) {
            points[j] = omega.modPow(BigInteger.valueOf(j), R);
        }
        BigInteger[] l = new BigInteger[n];
        for (int j = 0; j < n; j++) {
            BigInteger num = BigInteger.ONE, den = BigInteger.ONE;
            for (int k = 0; k < n; k++) {
                if (k != j) {
                    num = num.multiply(tau.subtract(points[k])).mod(R);
                    den = den.multiply(points[j].subtract(points[k])).mod(R);
                }
            }
            l[j] = num.multiply(den.modInverse(R)).mod(R);
        }
        return l;
    }

    private static void add(BigInteger[] acc, LinearCombination lc, BigInteger l) {
        for (int i = 0; i < lc.size(); i++) {
            int s = lc.wire(i);
            acc[s] = acc[s].add(lc.coefficient(i).toBigInteger().multiply(l)).mod(R);
        }
    }

    private static G1Affine g1(BigInteger k) {
        return G1Affine.GENERATOR.mul(k.mod(R));
    }

    private static G2Affine g2(BigInteger k) {
        return G2Affine.GENERATOR.mul(k.mod(R));
    }

    private static long[] limbs(PointSource v, int i) {
        long[] l = new long[v.longsPerPoint()];
        try (PointSource.Reader r = v.open()) {
            r.read(i, 1, l, 0);
        }
        return l;
    }

    private static G1Affine point(PointSource v, int i) {
        return G1Affine.fromMontgomeryLimbs(limbs(v, i), 0);
    }

    private static G2Affine point2(PointSource v, int i) {
        return G2Affine.fromMontgomeryLimbs(limbs(v, i), 0);
    }

    private static void hashG1(Blake2bDigest d, PointSource v) {
        u32(d, v.size());
        for (int i = 0; i < v.size(); i++) {
            update(d, SnarkjsEncoding.uncompressed(point(v, i)));
        }
    }

    private static void u32(Blake2bDigest d, int v) {
        update(d, new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }

    private static void update(Blake2bDigest d, byte[] b) {
        d.update(b, 0, b.length);
    }
}
