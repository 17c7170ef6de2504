package io.zkml4j.groth16.ptau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import java.nio.file.Path;
import java.util.Random;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our own ceremonies checked with our own reader (the snarkjs checks are in {@link PowersOfTauIT}). */
class PowersOfTauTest {

    @TempDir
    Path dir;

    @Test
    void contributionsChainHashesAndKeepPowersConsistent() {
        Path p0 = dir.resolve("p0.ptau");
        Path p1 = dir.resolve("p1.ptau");
        Path p2 = dir.resolve("p2.ptau");
        byte[] first = PowersOfTau.newCeremony(3, p0);
        PowersOfTau.ContributionResult r1 = PowersOfTau.contribute(p0, p1, "a", "entropy a", new Random(1));
        PowersOfTau.ContributionResult r2 = PowersOfTau.contribute(p1, p2, "b", "entropy b", new Random(2));
        try (PtauFile f = PtauFile.open(p2)) {
            PtauContribution c1 = f.contributions().get(0);
            PtauContribution c2 = f.contributions().get(1);
            assertThat(c1.responseHash()).isEqualTo(r1.responseHash());
            assertThat(c2.responseHash()).isEqualTo(r2.responseHash());
            assertThat(c1.nextChallenge()).isEqualTo(r1.nextChallengeHash());
            // The response hash starts from the challenge it answered.
            assertThat(c1.responseHash()).isNotEqualTo(first);

            PtauPublicKey k = c2.key();
            G2Affine sp = PowersOfTau.g2sp(0, c1.nextChallenge(), new G1Affine[] {k.tauG1S(), k.tauG1SX()});
            assertThat(PtauFixtures.sameRatio(k.tauG1S(), k.tauG1SX(), sp, k.tauG2SPX())).isTrue();
            // tau·G1 advanced by the second tau.
            assertThat(PtauFixtures.sameRatio(c1.tauG1(), c2.tauG1(), sp, k.tauG2SPX())).isTrue();

            G1Affine[] tau = f.readG1(PtauSection.TAU_G1, 0, 15);
            G2Affine[] tau2 = f.readG2(PtauSection.TAU_G2, 0, 2);
            assertThat(tau[0]).isEqualTo(G1Affine.GENERATOR);
            for (int i = 0; i + 1 < tau.length; i++) {
                assertThat(PtauFixtures.sameRatio(tau[i], tau[i + 1], tau2[0], tau2[1])).as("power %d", i).isTrue();
            }
            G1Affine[] alpha = f.readG1(PtauSection.ALPHA_TAU_G1, 0, 8);
            assertThat(PtauFixtures.sameRatio(alpha[0], alpha[5], tau2[0], f.readG2(PtauSection.TAU_G2, 5, 1)[0]))
                    .isTrue();
        }
    }

    @Test
    void firstChallengeHashIsTheHashOfAFreshFile() {
        Blake2bDigest empty = new Blake2bDigest(512);
        byte[] e = new byte[64];
        empty.doFinal(e, 0);
        Blake2bDigest h = new Blake2bDigest(512);
        h.update(e, 0, 64);
        byte[] g1 = SnarkjsEncoding.uncompressed(G1Affine.GENERATOR);
        byte[] g2 = SnarkjsEncoding.uncompressed(G2Affine.GENERATOR);
        for (int i = 0; i < 3; i++) {
            h.update(g1, 0, 64);
        }
        for (int i = 0; i < 2; i++) {
            h.update(g2, 0, 128);
        }
        for (int i = 0; i < 4; i++) {
            h.update(g1, 0, 64);
        }
        h.update(g2, 0, 128);
        byte[] expected = new byte[64];
        h.doFinal(expected, 0);
        assertThat(PowersOfTau.firstChallengeHash(1)).isEqualTo(expected);
    }

    @Test
    void refusesBadPowersAndTruncatedFiles() {
        assertThatThrownBy(() -> PowersOfTau.newCeremony(0, dir.resolve("x.ptau")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PowersOfTau.newCeremony(29, dir.resolve("x.ptau")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PowersOfTau.contribute(PtauFixtures.prepared(), dir.resolve("y.ptau"), "n", "",
                new Random(1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(dir.resolve("y.ptau")).doesNotExist();
    }
}
