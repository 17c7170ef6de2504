package io.zkml4j.groth16.ptau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G1Jacobian;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.curve.Msm;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.poly.Radix2Domain;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a snarkjs-made power-4 ptau, and checking its hashes and keys with our transcript code. */
class PtauFileTest {

    @TempDir
    Path dir;

    @Test
    void readsHeaderAndTheContributionSnarkjsWrote() {
        try (PtauFile f = PtauFile.open(PtauFixtures.prepared())) {
            assertThat(f.power()).isEqualTo(4);
            assertThat(f.ceremonyPower()).isEqualTo(4);
            assertThat(f.isPrepared()).isTrue();
            assertThat(f.contributions()).hasSize(1);
            PtauContribution c = f.contributions().get(0);
            assertThat(c.name()).contains("zkml4j fixture");
            assertThat(c.type()).isEqualTo(PtauContribution.TYPE_CONTRIBUTION);
            assertThat(c.responseHash()).isEqualTo(PtauFixtures.RESPONSE_HASH);
            assertThat(c.nextChallenge()).isEqualTo(PtauFixtures.NEXT_CHALLENGE);
            assertThat(f.readG1(PtauSection.TAU_G1, 1, 1)[0]).isEqualTo(c.tauG1());
            assertThat(f.readG2(PtauSection.TAU_G2, 1, 1)[0]).isEqualTo(c.tauG2());
        }
    }

    @Test
    void nextChallengeIsTheHashOfTheResponseAndEveryPointUncompressed() {
        try (PtauFile f = PtauFile.open(PtauFixtures.prepared())) {
            Blake2bDigest h = new Blake2bDigest(512);
            h.update(PtauFixtures.RESPONSE_HASH, 0, 64);
            for (PtauSection s : new PtauSection[] {PtauSection.TAU_G1, PtauSection.TAU_G2, PtauSection.ALPHA_TAU_G1,
                PtauSection.BETA_TAU_G1, PtauSection.BETA_G2}) {
                int n = (int) s.pointCount(4);
                if (s.group() == PtauSection.Group.G1) {
                    for (G1Affine p : f.readG1(s, 0, n)) {
                        byte[] b = SnarkjsEncoding.uncompressed(p);
                        h.update(b, 0, b.length);
                    }
                } else {
                    for (G2Affine p : f.readG2(s, 0, n)) {
                        byte[] b = SnarkjsEncoding.uncompressed(p);
                        h.update(b, 0, b.length);
                    }
                }
            }
            byte[] out = new byte[64];
            h.doFinal(out, 0);
            assertThat(out).isEqualTo(PtauFixtures.NEXT_CHALLENGE);
        }
    }

    @Test
    void contributionKeysProveKnowledgeUnderOurHashToG2() {
        try (PtauFile f = PtauFile.open(PtauFixtures.prepared())) {
            PtauPublicKey k = f.contributions().get(0).key();
            byte[] challenge = PowersOfTau.firstChallengeHash(4);
            G2Affine spTau = PowersOfTau.g2sp(0, challenge, new G1Affine[] {k.tauG1S(), k.tauG1SX()});
            G2Affine spAlpha = PowersOfTau.g2sp(1, challenge, new G1Affine[] {k.alphaG1S(), k.alphaG1SX()});
            G2Affine spBeta = PowersOfTau.g2sp(2, challenge, new G1Affine[] {k.betaG1S(), k.betaG1SX()});
            assertThat(PtauFixtures.sameRatio(k.tauG1S(), k.tauG1SX(), spTau, k.tauG2SPX())).isTrue();
            assertThat(PtauFixtures.sameRatio(k.alphaG1S(), k.alphaG1SX(), spAlpha, k.alphaG2SPX())).isTrue();
            assertThat(PtauFixtures.sameRatio(k.betaG1S(), k.betaG1SX(), spBeta, k.betaG2SPX())).isTrue();
            // A different personalization gives a different base, so the check is not vacuous.
            assertThat(PtauFixtures.sameRatio(k.tauG1S(), k.tauG1SX(), spAlpha, k.tauG2SPX())).isFalse();
        }
    }

    @Test
    void lagrangeLevelsRecombineIntoThePowers() {
        try (PtauFile f = PtauFile.open(PtauFixtures.prepared())) {
            G1Affine[] powers = f.readG1(PtauSection.TAU_G1, 0, 16);
            for (int k = 0; k <= 4; k++) {
                G1Affine[] basis = f.lagrangeG1(PtauSection.LAGRANGE_TAU_G1, k);
                Radix2Domain d = Radix2Domain.ofLog(k);
                for (int j : new int[] {0, Math.min(1, (1 << k) - 1), (1 << k) - 1}) {
                    Fr[] w = new Fr[basis.length];
                    for (int i = 0; i < basis.length; i++) {
                        w[i] = d.generator().pow((long) i * j);
                    }
                    G1Jacobian sum = Msm.g1(basis, w);
                    assertThat(sum.toAffine()).as("level %d, power %d", k, j).isEqualTo(powers[j]);
                }
            }
        }
    }

    @Test
    void ourPrepareReproducesSnarkjsPreparedFileByteForByte() throws Exception {
        Path out = dir.resolve("again.ptau");
        PowersOfTau.preparePhase2(PtauFixtures.prepared(), out);
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(PtauFixtures.prepared()));
    }

    @Test
    void rejectsRangesAndLevelsOutsideTheFile() {
        try (PtauFile f = PtauFile.open(PtauFixtures.prepared())) {
            assertThatThrownBy(() -> f.readG1(PtauSection.TAU_G1, 30, 2))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("section 2 (tauG1)");
            assertThatThrownBy(() -> f.readG1(PtauSection.TAU_G2, 0, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not hold G1");
            assertThatThrownBy(() -> f.lagrangeG1(PtauSection.LAGRANGE_ALPHA_TAU_G1, 5))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("levels 0 to 4");
            assertThat(f.lagrangeG1(PtauSection.LAGRANGE_TAU_G1, 5)).hasSize(32);
        }
    }

    @Test
    void unpreparedFilesSaySo() {
        Path p = dir.resolve("fresh.ptau");
        PowersOfTau.newCeremony(2, p);
        try (PtauFile f = PtauFile.open(p)) {
            assertThat(f.isPrepared()).isFalse();
            assertThat(f.contributions()).isEmpty();
            assertThatThrownBy(() -> f.lagrangeG1(PtauSection.LAGRANGE_TAU_G1, 1))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not prepared");
        }
    }
}
