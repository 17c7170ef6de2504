package io.zkml4j.cli;

import static io.zkml4j.cli.CliRun.abs;
import static io.zkml4j.cli.CliRun.fixture;
import static io.zkml4j.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierCommandTest {

    @TempDir
    Path dir;

    @Test
    void calldataIsWhatSnarkjsPrints() throws IOException {
        Path proof = fixture(dir, "proof.json");
        Path pub = fixture(dir, "public.json");

        CliRun.Result r = run("verifier", "calldata", abs(proof), abs(pub));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(fixture(dir, "calldata.txt")));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void calldataOfAnOutOfFieldSignalIsBadInput() throws IOException {
        Path proof = fixture(dir, "proof.json");
        Path pub = dir.resolve("big.json");
        // r itself: not a canonical field element
        Files.writeString(pub, "[\"21888242871839275222246405745257275088548364400416034343698204186575808495617\"]");

        CliRun.Result r = run("verifier", "calldata", abs(proof), abs(pub));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("zkml4j verifier calldata: big.json");
        assertThat(r.out()).isEmpty();
    }
}
