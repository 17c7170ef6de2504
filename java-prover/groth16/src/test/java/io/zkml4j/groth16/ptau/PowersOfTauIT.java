package io.zkml4j.groth16.ptau;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.testchain.ProcessResult;
import io.zkml4j.testchain.Snarkjs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Our powers-of-tau files against snarkjs 0.7.6: byte equality where deterministic, its verifier elsewhere. */
class PowersOfTauIT {

    private static Snarkjs snarkjs;
    private static SnarkjsCli cli;

    @TempDir
    Path dir;

    @BeforeAll
    static void locate() {
        snarkjs = Snarkjs.locate();
        cli = SnarkjsCli.of(snarkjs);
    }

    @Test
    @Timeout(60)
    void newCeremonyIsByteIdenticalToSnarkjs() throws Exception {
        Path ours = dir.resolve("ours.ptau");
        Path theirs = dir.resolve("theirs.ptau");
        byte[] first = PowersOfTau.newCeremony(4, ours);
        snarkjs.powersOfTauNew(4, theirs);
        assertThat(Files.readAllBytes(ours)).isEqualTo(Files.readAllBytes(theirs));
        assertThat(first).isEqualTo(PowersOfTau.firstChallengeHash(4));
    }

    @Test
    @Timeout(120)
    void contributionsChainAcrossBothToolsAndSnarkjsVerifiesThem() throws Exception {
        Path p0 = dir.resolve("p0.ptau");
        Path p1 = dir.resolve("p1.ptau");
        Path p2 = dir.resolve("p2.ptau");
        Path p3 = dir.resolve("p3.ptau");
        snarkjs.powersOfTauNew(4, p0);
        PowersOfTau.ContributionResult r1 = PowersOfTau.contribute(p0, p1, "zkml4j first", "entropy one",
                new Random(1));
        ProcessResult v1 = cli.powersOfTauVerify(p1);
        assertThat(v1.exitCode()).as(v1.output()).isZero();
        assertThat(v1.stdout()).contains("Powers of Tau Ok!")
                .contains(SnarkjsEncoding.formatHash(r1.responseHash(), "Response Hash:"));

        snarkjs.powersOfTauContribute(p1, p2, "snarkjs second", "entropy two");
        PowersOfTau.contribute(p2, p3, "zkml4j third", "entropy three", new Random(3));
        ProcessResult v3 = cli.powersOfTauVerify(p3);
        assertThat(v3.exitCode()).as(v3.output()).isZero();
        assertThat(v3.stdout()).contains("Powers of Tau Ok!");

        try (PtauFile f = PtauFile.open(p3)) {
            assertThat(f.contributions()).hasSize(3);
            assertThat(f.contributions().get(1).name()).contains("snarkjs second");
            assertThat(f.contributions().get(0).responseHash()).isEqualTo(r1.responseHash());
        }
    }

    @Test
    @Timeout(120)
    void preparePhase2IsByteIdenticalToSnarkjs() throws Exception {
        Path p0 = dir.resolve("p0.ptau");
        Path p1 = dir.resolve("p1.ptau");
        snarkjs.powersOfTauNew(4, p0);
        snarkjs.powersOfTauContribute(p0, p1, "c", "entropy");
        Path ours = dir.resolve("ours.ptau");
        Path theirs = dir.resolve("theirs.ptau");
        PowersOfTau.preparePhase2(p1, ours);
        snarkjs.powersOfTauPreparePhase2(p1, theirs);
        assertThat(Files.readAllBytes(ours)).isEqualTo(Files.readAllBytes(theirs));
        ProcessResult v = cli.powersOfTauVerify(ours);
        assertThat(v.exitCode()).as(v.output()).isZero();
    }
}
