package io.zkml4j.cli;

import static io.zkml4j.cli.CliRun.abs;
import static io.zkml4j.cli.CliRun.fixture;
import static io.zkml4j.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    @Test
    void solidityWritesAVerifierForTheKey() throws IOException {
        Path vk = fixture(dir, "verification_key.json");
        Path sol = dir.resolve("Verifier.sol");

        CliRun.Result r = run("verifier", "solidity", abs(vk), abs(sol));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("verifier Groth16Verifier (3 public inputs) written to " + abs(sol) + "\n");
        String text = Files.readString(sol);
        assertThat(text).contains("pragma solidity ^0.8.20;").contains("contract Groth16Verifier is IZkmlVerifier")
                .contains("import \"contracts/interfaces/IZkmlVerifier.sol\";")
                .contains("function verifyProof(uint256[8] calldata");
        assertThat(CliRun.tempFiles(dir)).isZero();
    }

    @Test
    void solidityTakesNamePragmaAndStandalone() throws IOException {
        Path vk = fixture(dir, "verification_key.json");
        Path sol = dir.resolve("My.sol");

        CliRun.Result r = run("-q", "verifier", "solidity", abs(vk), abs(sol), "--contract-name", "MyVerifier",
                "--pragma", "0.8.28", "--standalone");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        String text = Files.readString(sol);
        assertThat(text).contains("pragma solidity 0.8.28;").contains("contract MyVerifier ")
                .doesNotContain("import ").doesNotContain("Groth16Verifier");
    }

    @Test
    void solidityOfAMissingOrMalformedKeyIsBadInputAndLeavesTheOutputAlone() throws IOException {
        Path sol = dir.resolve("Verifier.sol");
        Files.writeString(sol, "// before\n");

        CliRun.Result missing = run("verifier", "solidity", abs(dir.resolve("nope.json")), abs(sol));
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).isEqualTo("zkml4j verifier solidity: " + abs(dir.resolve("nope.json"))
                + ": no such file (the verification key)\n");

        Path garbage = dir.resolve("garbage.json");
        Files.writeString(garbage, "{\"protocol\": \"groth16\", \"vk_alpha_1\": [1, ");
        CliRun.Result malformed = run("verifier", "solidity", abs(garbage), abs(sol));
        assertThat(malformed.exitCode()).as(malformed.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(malformed.err()).startsWith("zkml4j verifier solidity: ").contains(abs(garbage))
                .doesNotContain("\tat ");
        assertThat(malformed.err().lines().count()).isEqualTo(1);

        assertThat(Files.readString(sol)).isEqualTo("// before\n");
        assertThat(CliRun.tempFiles(dir)).isZero();
        assertThat(missing.out() + malformed.out()).isEmpty();
    }

    @Test
    void solidityRefusesBadFlagsAndAnUncontributedKeyUnlessAllowed() throws IOException {
        Path vk = fixture(dir, "verification_key.json");
        Path sol = dir.resolve("Verifier.sol");

        CliRun.Result keyword = run("verifier", "solidity", abs(vk), abs(sol), "--contract-name", "contract");
        assertThat(keyword.exitCode()).as(keyword.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(keyword.err()).startsWith("zkml4j verifier solidity: --contract-name contract: ");

        CliRun.Result pragma = run("verifier", "solidity", abs(vk), abs(sol), "--pragma", "0.8.28; evil");
        assertThat(pragma.exitCode()).as(pragma.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(pragma.err()).startsWith("zkml4j verifier solidity: --pragma 0.8.28; evil: ");
        assertThat(sol).doesNotExist();

        // delta := gamma, as a phase-2 setup nobody contributed to leaves it
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode key = (ObjectNode) mapper.readTree(vk.toFile());
        assertThat(key.get("vk_delta_2")).isNotEqualTo(key.get("vk_gamma_2"));
        key.set("vk_delta_2", key.get("vk_gamma_2").deepCopy());
        String insecure = mapper.writeValueAsString(key);
        Path insecureVk = dir.resolve("insecure.json");
        Files.writeString(insecureVk, insecure);

        CliRun.Result refused = run("verifier", "solidity", abs(insecureVk), abs(sol));
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains(abs(insecureVk)).contains("gamma");
        assertThat(sol).doesNotExist();

        CliRun.Result allowed = run("verifier", "solidity", abs(insecureVk), abs(sol), "--allow-insecure-key");
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        assertThat(sol).isNotEmptyFile();
    }
}
