package io.zkml4j.cli;

import static io.zkml4j.cli.CliRun.abs;
import static io.zkml4j.cli.CliRun.fixture;
import static io.zkml4j.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.groth16.ProvingKey;
import io.zkml4j.groth16.ptau.SnarkjsEncoding;
import io.zkml4j.groth16.setup.ZkeyContribution;
import io.zkml4j.groth16.zkey.ZkeyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZkeyCommandTest {

    @TempDir
    Path dir;

    @Test
    void contributeAddsARecordAndPrintsItsHashAsSnarkjsDoes() {
        Path in = fixture(dir, "multiplier.zkey"); // already holds one snarkjs contribution
        Path out = dir.resolve("next.zkey");

        CliRun.Result r = run("zkey", "contribute", abs(in), abs(out), "--name", "cli test", "-e", "some entropy");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        ProvingKey before = ZkeyFile.read(in);
        ProvingKey after = ZkeyFile.read(out);
        ZkeyContribution.Transcript t = ZkeyContribution.parse(after.contributions());
        assertThat(t.records()).hasSize(2);
        ZkeyContribution.Record mine = t.records().get(1);
        assertThat(mine.name()).contains("cli test");
        assertThat(after.delta1()).isNotEqualTo(before.delta1()).isEqualTo(mine.deltaAfter());
        String nl = System.lineSeparator();
        assertThat(r.out()).isEqualTo(SnarkjsEncoding.formatHash(t.circuitHash(), "Circuit Hash: ") + nl
                + SnarkjsEncoding.formatHash(mine.contributionHash(), "Contribution Hash: ") + nl);
        assertThat(r.err()).contains("contribution #2 (cli test) written to " + abs(out));
        // the proving key still proves
        Path proof = dir.resolve("p.json");
        Path pub = dir.resolve("pub.json");
        Path vk = dir.resolve("vk.json");
        assertThat(run("groth16", "prove", abs(out), abs(fixture(dir, "multiplier.wtns")), abs(proof), abs(pub))
                .exitCode()).isZero();
        assertThat(run("zkey", "export-vk", abs(out), abs(vk)).exitCode()).isZero();
        assertThat(run("groth16", "verify", abs(vk), abs(pub), abs(proof)).exitCode()).isZero();
    }

    @Test
    void contributeWithoutEntropyUsesRandomBytesAndTwoRunsDiffer() {
        Path in = fixture(dir, "multiplier.zkey");
        Path a = dir.resolve("a.zkey");
        Path b = dir.resolve("b.zkey");
        assertThat(run("zkey", "contribute", abs(in), abs(a)).exitCode()).isZero();
        assertThat(run("zkey", "contribute", abs(in), abs(b)).exitCode()).isZero();
        assertThat(ZkeyFile.read(a).delta1()).isNotEqualTo(ZkeyFile.read(b).delta1());
    }

    @Test
    void contributeAcceptsSnarkjsStyleOptionSyntax() {
        Path in = fixture(dir, "multiplier.zkey");
        Path out = dir.resolve("next.zkey");
        CliRun.Result r = run("zkey", "contribute", abs(in), abs(out), "--name=alice", "-e=xyz");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(ZkeyContribution.parse(ZkeyFile.read(out).contributions()).records().get(1).name())
                .contains("alice");
    }

    @Test
    void contributeRejectsEmptyEntropyAndGarbageKeys() throws IOException {
        Path in = fixture(dir, "multiplier.zkey");
        Path out = dir.resolve("next.zkey");
        CliRun.Result empty = run("zkey", "contribute", abs(in), abs(out), "--entropy", "");
        assertThat(empty.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(empty.err()).contains("--entropy must not be empty");

        Path garbage = dir.resolve("garbage.zkey");
        Files.write(garbage, "zkey but not really".getBytes());
        CliRun.Result bad = run("zkey", "contribute", abs(garbage), abs(out));
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).startsWith("zkml4j zkey contribute: garbage.zkey");
        assertThat(out).doesNotExist();
        assertThat(CliRun.tempFiles(dir)).isZero();
    }

    @Test
    void exportVkWritesWhatSnarkjsWrites() throws IOException {
        Path zkey = fixture(dir, "multiplier.zkey");
        Path expected = fixture(dir, "verification_key.json");
        Path vk = dir.resolve("vk.json");

        CliRun.Result r = run("zkey", "export-vk", abs(zkey), abs(vk));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(vk)).isEqualTo(Files.readString(expected));
        assertThat(r.err()).contains("verification key written to " + abs(vk));
    }

    @Test
    void exportVkReplacesAnExistingFileOnlyOnSuccess() throws IOException {
        Path vk = dir.resolve("vk.json");
        Files.writeString(vk, "old");
        Path truncated = dir.resolve("truncated.zkey");
        byte[] full = Files.readAllBytes(fixture(dir, "multiplier.zkey"));
        Files.write(truncated, java.util.Arrays.copyOf(full, full.length / 2));

        CliRun.Result r = run("zkey", "export-vk", abs(truncated), abs(vk));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("truncated.zkey");
        assertThat(Files.readString(vk)).isEqualTo("old");
        assertThat(List.of(dir.toFile().list())).doesNotContain(".vk.json.tmp");
        assertThat(CliRun.tempFiles(dir)).isZero();
    }
}
