package io.zkml4j.groth16;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.groth16.zkey.ZkeyFile;
import io.zkml4j.r1cs.R1cs;
import io.zkml4j.r1cs.R1csFile;
import io.zkml4j.r1cs.Witness;
import io.zkml4j.r1cs.WtnsFile;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Groth16Test {

    private static final long SEED = Long.getLong("zkml.test.seed", 20240611L);

    private static final ProvingKey PK = ZkeyFile.read(Fixtures.multiplier("multiplier.zkey"));
    private static final Witness W = WtnsFile.read(Fixtures.circom(Fixtures.MULTIPLIER, "wtns"));

    @Test
    void proofOfTheRightWitnessVerifies() {
        ProofWithPublicSignals p = Groth16.prove(PK, W, new SplittableRandom(SEED));
        assertThat(p.publicSignals()).containsExactly(Fr.of(231), Fr.of(1155), Fr.of(5));
        assertThat(Groth16.verify(PK.verifyingKey(), p.publicSignals(), p.proof())).as("seed %d", SEED).isTrue();
    }

    @Test
    void proofsAreRandomizedButAllVerify() {
        ProofWithPublicSignals p1 = Groth16.prove(PK, W);
        ProofWithPublicSignals p2 = Groth16.prove(PK, W);
        assertThat(p1.proof()).isNotEqualTo(p2.proof());
        assertThat(Groth16.verify(PK.verifyingKey(), p2.publicSignals(), p2.proof())).isTrue();
    }

    @Test
    void standardFormWitnessGivesTheSameProofForTheSameRandomness() {
        long[] std = new long[4 * W.size()];
        for (int i = 0; i < W.size(); i++) {
            long[] l = io.zkml4j.algebra.internal.MontgomeryKernel.toLimbs(W.get(i).toBigInteger());
            System.arraycopy(l, 0, std, 4 * i, 4);
        }
        ProofWithPublicSignals p1 = Groth16.prove(PK, W, new SplittableRandom(SEED));
        long[] before = std.clone();
        ProofWithPublicSignals p2 = Groth16.proveStandardForm(PK, std, new SplittableRandom(SEED),
                ProveOptions.defaults());
        assertThat(p2).isEqualTo(p1);
        assertThat(std).as("not modified").isEqualTo(before);
        // In place: the same proof, the witness file's layout read once (the array is taken over).
        long[] read = io.zkml4j.r1cs.WtnsFile.readStandardLimbs(Fixtures.circom(Fixtures.MULTIPLIER, "wtns"));
        assertThat(read).isEqualTo(before);
        ProofWithPublicSignals p3 = Groth16.proveStandardFormInPlace(PK, read, new SplittableRandom(SEED),
                ProveOptions.defaults());
        assertThat(p3).isEqualTo(p1);
        assertThatThrownBy(() -> Groth16.proveStandardFormInPlace(PK, new long[4 * 7], new SplittableRandom(SEED),
                ProveOptions.defaults())).isInstanceOf(Groth16Exception.class)
                .hasMessageContaining("The witness has 7 values but the proving key expects 8 (nVars)");
    }

    @Test
    void verifierRejectsAChangedPublicInput() {
        ProofWithPublicSignals p = Groth16.prove(PK, W, new SplittableRandom(SEED));
        List<Fr> inputs = new ArrayList<>(p.publicSignals());
        inputs.set(2, inputs.get(2).add(Fr.ONE));
        assertThat(Groth16.verify(PK.verifyingKey(), inputs, p.proof())).isFalse();
    }

    @Test
    void verifierRejectsSwappedPoints() {
        Proof proof = Groth16.prove(PK, W, new SplittableRandom(SEED)).proof();
        Proof swapped = Proof.of(proof.c(), proof.b(), proof.a());
        assertThat(Groth16.verify(PK.verifyingKey(), W.values(1, 4), swapped)).isFalse();
        Proof negated = Proof.of(proof.a().neg(), proof.b(), proof.c());
        assertThat(Groth16.verify(PK.verifyingKey(), W.values(1, 4), negated)).isFalse();
    }

    @Test
    void verifierRejectsTheWrongNumberOfInputs() {
        Proof proof = Groth16.prove(PK, W, new SplittableRandom(SEED)).proof();
        assertThatThrownBy(() -> Groth16.verify(PK.verifyingKey(), W.values(1, 3), proof))
                .isInstanceOf(Groth16Exception.class).hasMessageContaining("expects 3 public inputs but 2");
    }

    @Test
    void proverNamesTheViolatedConstraintWhenCheckingTheR1cs() {
        R1cs r1cs = R1csFile.read(Fixtures.circom(Fixtures.MULTIPLIER, "r1cs"));
        Witness bad = W.with(7, W.get(7).add(Fr.ONE)); // ab = a·b
        assertThatThrownBy(() -> Groth16.prove(PK, bad, new SplittableRandom(SEED),
                ProveOptions.defaults().checkingAgainst(r1cs)))
                .isInstanceOf(Groth16Exception.class).hasMessageContaining("constraint 0");
    }

    @Test
    void forcedProofOfAWrongWitnessDoesNotVerify() {
        Witness bad = W.with(7, W.get(7).add(Fr.ONE));
        ProofWithPublicSignals p = Groth16.prove(PK, bad, new SplittableRandom(SEED));
        assertThat(Groth16.verify(PK.verifyingKey(), p.publicSignals(), p.proof())).isFalse();
    }

    @Test
    void rejectsAWitnessOfTheWrongLengthOrWithoutTheConstantOne() {
        assertThatThrownBy(() -> Groth16.prove(PK, Witness.of(Fr.ONE, Fr.ONE)))
                .isInstanceOf(Groth16Exception.class).hasMessageContaining("expects 8");
        assertThatThrownBy(() -> Groth16.prove(PK, W.with(0, Fr.of(2))))
                .isInstanceOf(Groth16Exception.class).hasMessageContaining("constant wire");
    }

    @Test
    void reportsProgressInOrder() {
        List<String> stages = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        Groth16.prove(PK, W, new SplittableRandom(SEED), ProveOptions.defaults().withProgress((s, f) -> {
            stages.add(s);
            fractions.add(f);
        }));
        assertThat(stages).containsExactly("qap", "fft", "msm-h", "msm-a", "msm-b1", "msm-b2", "msm-c", "finish",
                "done");
        assertThat(fractions).isSorted().last().isEqualTo(1.0);
    }

    @Test
    void publicInputsMustBeInTheField() {
        assertThat(Groth16.publicInputs(List.of(BigInteger.TEN))).containsExactly(Fr.of(10));
        assertThatThrownBy(() -> Groth16.publicInputs(List.of(BigInteger.ONE, Fr.MODULUS)))
                .isInstanceOf(Groth16Exception.class).hasMessageContaining("Public input 1");
        assertThatThrownBy(() -> Groth16.publicInputs(List.of(BigInteger.ONE.negate())))
                .isInstanceOf(Groth16Exception.class);
    }

    @Test
    void verifyingKeyFromTheZkeyMatchesItsHeader() {
        VerifyingKey vk = PK.verifyingKey();
        assertThat(vk.nPublic()).isEqualTo(3);
        assertThat(vk.ic()).hasSize(4).doesNotContain(G1Affine.INFINITY);
    }
}
