package io.zkml4j.groth16.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.groth16.Fixtures;
import io.zkml4j.groth16.Groth16;
import io.zkml4j.groth16.ProofWithPublicSignals;
import io.zkml4j.groth16.ProvingKey;
import io.zkml4j.groth16.ptau.PtauFixtures;
import io.zkml4j.groth16.ptau.SnarkjsRng;
import io.zkml4j.groth16.zkey.ZkeyFile;
import io.zkml4j.r1cs.WtnsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZkeyContributionTest {

    @TempDir
    Path dir;

    private static G1Affine g1(ProvingKey k, io.zkml4j.algebra.curve.PointSource v, int i) {
        long[] l = new long[8];
        try (io.zkml4j.algebra.curve.PointSource.Reader r = v.open()) {
            r.read(i, 1, l, 0);
        }
        return G1Affine.fromMontgomeryLimbs(l, 0);
    }

    @Test
    void contributionScalesDeltaCAndHConsistentlyAndProvesKnowledge() {
        ProvingKey before = ZkeyFile.read(PtauFixtures.multiplierZkey());
        ZkeyContribution.Result r = ZkeyContribution.contribute(before, "me", "some entropy", new Random(1));
        ProvingKey after = r.key();
        ZkeyContribution.Record rec = ZkeyContribution.parse(after.contributions()).records().get(0);

        assertThat(rec.deltaAfter()).isEqualTo(after.delta1());
        assertThat(after.delta1()).isNotEqualTo(before.delta1());
        assertThat(PtauFixtures.sameRatio(G1Affine.GENERATOR, after.delta1(), G2Affine.GENERATOR, after.delta2()))
                .isTrue();
        // Knowledge of d: e(s, sp·d) = e(s·d, sp), sp hashed from the transcript.
        G2Affine sp = SnarkjsRng.hashToG2(rec.transcript());
        assertThat(PtauFixtures.sameRatio(rec.g1S(), rec.g1SX(), sp, rec.g2SPX())).isTrue();
        assertThat(PtauFixtures.sameRatio(before.delta1(), after.delta1(), sp, rec.g2SPX())).isTrue();
        // C and H divided by d: e(C', delta2') = e(C, delta2).
        for (int i = 0; i < after.pointsC().size(); i++) {
            assertThat(PtauFixtures.sameRatio(g1(after, after.pointsC(), i), g1(before, before.pointsC(), i),
                    before.delta2(), after.delta2())).isTrue();
        }
        for (int i = 0; i < after.domainSize(); i++) {
            assertThat(PtauFixtures.sameRatio(g1(after, after.pointsH(), i), g1(before, before.pointsH(), i),
                    before.delta2(), after.delta2())).isTrue();
        }
        assertThat(rec.name()).contains("me");
        assertThat(rec.contributionHash()).isEqualTo(r.contributionHash());
    }

    @Test
    void chainedContributionsProveAndVerify() throws Exception {
        Path z1 = dir.resolve("z1.zkey");
        Path z2 = dir.resolve("z2.zkey");
        ZkeyContribution.contribute(PtauFixtures.multiplierZkey(), z1, "one", "e1", new Random(2));
        ZkeyContribution.contribute(z1, z2, null, "e2", new Random(3));
        ProvingKey key = ZkeyFile.read(z2);
        ZkeyContribution.Transcript t = ZkeyContribution.parse(key.contributions());
        assertThat(t.circuitHash()).isEqualTo(PtauFixtures.MULTIPLIER_CIRCUIT_HASH);
        assertThat(t.records()).hasSize(2);
        assertThat(t.records().get(1).name()).isEmpty();
        assertThat(t.records().get(0).transcript()).isNotEqualTo(t.records().get(1).transcript());

        ProofWithPublicSignals p = Groth16.prove(key, WtnsFile.read(Fixtures.circom(Fixtures.MULTIPLIER, "wtns")),
                new Random(4));
        assertThat(Groth16.verify(key.verifyingKey(), p.publicSignals(), p.proof())).isTrue();
        // The original key's verifying key (delta = 1) must reject it: delta really changed.
        assertThat(Groth16.verify(ZkeyFile.read(PtauFixtures.multiplierZkey()).verifyingKey(), p.publicSignals(),
                p.proof())).isFalse();
    }

    @Test
    void sameRandomnessGivesTheSameKeyAndEmptyEntropyIsRefused() throws Exception {
        Path a = dir.resolve("a.zkey");
        Path b = dir.resolve("b.zkey");
        ZkeyContribution.contribute(PtauFixtures.multiplierZkey(), a, "x", "e", new Random(9));
        ZkeyContribution.contribute(PtauFixtures.multiplierZkey(), b, "x", "e", new Random(9));
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThatThrownBy(() -> ZkeyContribution.contribute(PtauFixtures.multiplierZkey(), dir.resolve("c.zkey"),
                "x", "", new Random(9))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entropy");
    }
}
