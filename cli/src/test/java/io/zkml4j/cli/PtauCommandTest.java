package io.zkml4j.cli;

import static io.zkml4j.cli.CliRun.abs;
import static io.zkml4j.cli.CliRun.fixture;
import static io.zkml4j.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.groth16.ptau.PowersOfTau;
import io.zkml4j.groth16.ptau.PtauFile;
import io.zkml4j.groth16.ptau.SnarkjsEncoding;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PtauCommandTest {

    @TempDir
    Path dir;

    @Test
    void aLocalCeremonyFeedsSetupProveAndVerify() {
        String nl = System.lineSeparator();
        Path p0 = dir.resolve("pot3_0000.ptau");
        CliRun.Result created = run("ptau", "new", "3", abs(p0));
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out()).isEqualTo(
                SnarkjsEncoding.formatHash(PowersOfTau.firstChallengeHash(3), "First Contribution Hash:") + nl);
        assertThat(created.err()).contains("WARNING: this is a LOCAL powers-of-tau ceremony")
                .contains("no substitute for a public multi-party ceremony");

        Path p1 = dir.resolve("pot3_0001.ptau");
        CliRun.Result contributed = run("ptau", "contribute", abs(p0), abs(p1), "--name", "first", "--entropy", "e");
        assertThat(contributed.exitCode()).as(contributed.toString()).isZero();
        assertThat(contributed.out()).startsWith("Contribution Response Hash imported: " + nl + "\t\t")
                .contains(nl + "Next Challenge Hash: " + nl + "\t\t");
        assertThat(contributed.err()).contains("WARNING");
        try (PtauFile f = PtauFile.open(p1)) {
            assertThat(f.contributions()).hasSize(1);
            assertThat(f.contributions().get(0).name()).contains("first");
            assertThat(f.isPrepared()).isFalse();
        }

        Path prepared = dir.resolve("pot3_final.ptau");
        CliRun.Result prep = run("ptau", "prepare", abs(p1), abs(prepared));
        assertThat(prep.exitCode()).as(prep.toString()).isZero();
        assertThat(prep.out()).isEmpty();
        assertThat(prep.err()).contains("WARNING").contains("prepared powers of tau written to");
        try (PtauFile f = PtauFile.open(prepared)) {
            assertThat(f.isPrepared()).isTrue();
        }

        Path zkey = dir.resolve("m.zkey");
        Path proof = dir.resolve("proof.json");
        Path pub = dir.resolve("public.json");
        Path vk = dir.resolve("vk.json");
        assertThat(run("groth16", "setup", abs(fixture(dir, "multiplier.r1cs")), abs(prepared), abs(zkey))
                .exitCode()).isZero();
        assertThat(run("zkey", "contribute", abs(zkey), abs(zkey)).exitCode()).isZero(); // in place
        assertThat(run("zkey", "export-vk", abs(zkey), abs(vk)).exitCode()).isZero();
        assertThat(run("groth16", "prove", abs(zkey), abs(fixture(dir, "multiplier.wtns")), abs(proof), abs(pub))
                .exitCode()).isZero();
        assertThat(run("groth16", "verify", abs(vk), abs(pub), abs(proof)).exitCode()).isZero();
        assertThat(CliRun.tempFiles(dir)).isZero();
    }

    @Test
    void newRejectsPowersOutOfRangeBeforeWriting() {
        Path out = dir.resolve("x.ptau");
        for (String power : new String[] {"0", "29", "-1"}) {
            CliRun.Result r = run("ptau", "new", power, abs(out));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains("<power> must be between 1 and 28");
        }
        CliRun.Result notNumber = run("ptau", "new", "ten", abs(out));
        assertThat(notNumber.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notNumber.err()).contains("'ten'").contains("Usage:");
        assertThat(out).doesNotExist();
    }

    @Test
    void contributeAndPrepareNameABadInput() throws java.io.IOException {
        Path notPtau = fixture(dir, "multiplier.r1cs");
        Path out = dir.resolve("out.ptau");
        for (String cmd : new String[] {"contribute", "prepare"}) {
            CliRun.Result r = run("ptau", cmd, abs(notPtau), abs(out));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains("zkml4j ptau " + cmd + ": multiplier.r1cs");
            assertThat(out).doesNotExist();
        }
        assertThat(CliRun.tempFiles(dir)).isZero();
    }
}
