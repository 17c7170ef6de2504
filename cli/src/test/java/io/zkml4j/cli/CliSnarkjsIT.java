package io.zkml4j.cli;

import static io.zkml4j.cli.CliRun.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.testchain.Snarkjs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher {@code ./zkml4j} (a separate JVM, stdout and stderr piped) next to snarkjs 0.7.6:
 * every file one tool writes, the other accepts. Paths are given relative to the working directory
 * (a temporary directory far from the repository), as a user in a shell would type them.
 */
@Timeout(120)
class CliSnarkjsIT {

    private static Snarkjs snarkjs;
    private static Path launcher;

    @TempDir
    Path dir;

    @BeforeAll
    static void locate() {
        snarkjs = Snarkjs.locate().withTimeout(Duration.ofMinutes(2));
        launcher = LauncherRun.launcher();
    }

    private LauncherRun zkml4j(String... args) throws IOException, InterruptedException {
        return zkml4j(Map.of(), args);
    }

    private LauncherRun zkml4j(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return LauncherRun.of(launcher, dir, env, args);
    }

    @Test
    void setupAndContributionPassSnarkjsZkeyVerify() throws Exception {
        Path r1cs = fixture(dir, "multiplier.r1cs");
        Path ptau = fixture(dir, "pot4_prepared.ptau");

        LauncherRun setup = zkml4j("groth16", "setup", "multiplier.r1cs", "pot4_prepared.ptau", "m_0000.zkey");
        assertThat(setup.exitCode()).as(setup.toString()).isZero();
        assertThat(setup.out()).startsWith("Circuit hash: \n\t\taf617310 35eb6c75");
        assertThat(snarkjs.zkeyVerify(r1cs, ptau, dir.resolve("m_0000.zkey"))).isTrue();

        LauncherRun contribute = zkml4j("zkey", "contribute", "m_0000.zkey", "m_0001.zkey", "--name=it", "-e=entropy");
        assertThat(contribute.exitCode()).as(contribute.toString()).isZero();
        assertThat(contribute.out()).contains("Contribution Hash: \n\t\t");
        assertThat(snarkjs.zkeyVerify(r1cs, ptau, dir.resolve("m_0001.zkey"))).isTrue();

        // and snarkjs exports the same verification key from it as we do
        snarkjs.zkeyExportVerificationKey(dir.resolve("m_0001.zkey"), dir.resolve("vk_snarkjs.json"));
        LauncherRun export = zkml4j("zkey", "export-vk", "m_0001.zkey", "vk_ours.json");
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(Files.readString(dir.resolve("vk_ours.json")))
                .isEqualTo(Files.readString(dir.resolve("vk_snarkjs.json")));
    }

    @Test
    void ourProofsPassSnarkjsVerify() throws Exception {
        fixture(dir, "multiplier.zkey");
        fixture(dir, "multiplier.wtns");
        Path vk = fixture(dir, "verification_key.json");

        LauncherRun prove = zkml4j("groth16", "prove", "multiplier.zkey", "multiplier.wtns", "proof.json", "public.json");

        assertThat(prove.exitCode()).as(prove.toString()).isZero();
        assertThat(prove.out()).isEmpty();
        assertThat(prove.err()).as("piped stderr: no bar, no escape codes, just the summary")
                .startsWith("proof written to proof.json, public signals to public.json (read ")
                .doesNotContain("\r").doesNotContain("\u001b");
        assertThat(snarkjs.groth16Verify(vk, dir.resolve("public.json"), dir.resolve("proof.json"))).isTrue();
    }

    @Test
    void snarkjsProofsPassOurVerifyAndTamperingIsCaught() throws Exception {
        Path zkey = fixture(dir, "multiplier.zkey");
        Path wtns = fixture(dir, "multiplier.wtns");
        fixture(dir, "verification_key.json");
        snarkjs.groth16Prove(zkey, wtns, dir.resolve("proof.json"), dir.resolve("public.json"));

        LauncherRun ok = zkml4j("groth16", "verify", "verification_key.json", "public.json", "proof.json");
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).isEqualTo("OK!\n");

        String pub = Files.readString(dir.resolve("public.json"));
        Files.writeString(dir.resolve("tampered.json"), pub.replace("\"5\"", "\"6\""));
        LauncherRun invalid = zkml4j("groth16", "verify", "verification_key.json", "tampered.json", "proof.json");
        assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(ExitCodes.INVALID_PROOF);
        assertThat(invalid.out()).isEqualTo("Invalid proof\n");
        assertThat(snarkjs.groth16Verify(dir.resolve("verification_key.json"), dir.resolve("tampered.json"),
                dir.resolve("proof.json"))).as("snarkjs agrees").isFalse();

        Files.writeString(dir.resolve("garbage.json"), "{\"pi_a\": [1, 2");
        LauncherRun garbage = zkml4j("groth16", "verify", "verification_key.json", "public.json", "garbage.json");
        assertThat(garbage.exitCode()).as(garbage.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(garbage.err()).startsWith("zkml4j groth16 verify: garbage.json").doesNotContain("\tat ");
        assertThat(garbage.err().lines().count()).isEqualTo(1);
        assertThat(garbage.out()).isEmpty();

        LauncherRun calldata = zkml4j("verifier", "calldata", "proof.json", "public.json");
        assertThat(calldata.exitCode()).as(calldata.toString()).isZero();
        assertThat(calldata.out()).startsWith("[\"0x").endsWith("]\n");
    }

    @Test
    void anInterruptedRunLeavesNoTemporaryAndNoOutput() throws Exception {
        LauncherRun created = zkml4j("ptau", "new", "11", "pot11.ptau");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        List<String> command = List.of(launcher.toString(), "ptau", "prepare", "pot11.ptau", "pot11_final.ptau");
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        boolean sawTemporary = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!sawTemporary && p.isAlive() && System.nanoTime() < deadline) {
            try (var files = Files.list(dir)) {
                sawTemporary = files.anyMatch(f -> f.getFileName().toString().startsWith(".pot11_final.ptau."));
            }
            Thread.sleep(20);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(sawTemporary && p.isAlive(),
                "ptau prepare finished before it could be interrupted");
        p.destroy(); // SIGTERM, as a Ctrl-C or a CI timeout would
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(143);
        assertThat(dir.resolve("pot11_final.ptau")).doesNotExist();
        assertThat(CliRun.tempFiles(dir)).isZero();
    }

    @Test
    void theLauncherReportsUsageAndVersion() throws Exception {
        LauncherRun version = zkml4j("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("zkml4j ").contains("Java ");
        int major = Integer.parseInt(version.out().lines().toList().get(1).replaceAll("^Java (\\d+).*", "$1"));
        assertThat(major).isGreaterThanOrEqualTo(21);

        LauncherRun usage = zkml4j("groth16", "prove", "only-one.zkey");
        assertThat(usage.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(usage.err()).contains("Missing required parameters").contains("Usage: zkml4j groth16 prove");
        assertThat(usage.out()).isEmpty();

        // A JAVA_HOME that is not a JDK >= 21 is passed over, not fatal.
        LauncherRun badHome = zkml4j(Map.of("JAVA_HOME", dir.toString()), "--version");
        assertThat(badHome.exitCode()).as(badHome.toString()).isZero();
    }

    @Test
    void aModelWitnessAndDevelopmentKeyFromZkml4jProveWithSnarkjs() throws Exception {
        Path model = io.zkml4j.prover.model.ModelFixtures.dir("digits_mlp");
        LauncherRun compile = zkml4j("-q", "compile", model.resolve("model.onnx").toString(), "--calibrate",
                model.resolve("test_inputs.json").toString(), "--out", "m");
        assertThat(compile.exitCode()).as(compile.toString()).isZero();
        LauncherRun witness = zkml4j("-q", "witness", "m", model.resolve("input.json").toString(), "w.wtns");
        assertThat(witness.exitCode()).as(witness.toString()).isZero();
        LauncherRun setup = zkml4j("-q", "setup", "m");
        assertThat(setup.exitCode()).as(setup.toString()).isZero();

        snarkjs.groth16Prove(dir.resolve("m/circuit.zkey"), dir.resolve("w.wtns"), dir.resolve("proof.json"),
                dir.resolve("public.json"));
        LauncherRun verify = zkml4j("groth16", "verify", "m/verification_key.json", "public.json", "proof.json");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(snarkjs.groth16Verify(dir.resolve("m/verification_key.json"), dir.resolve("public.json"),
                dir.resolve("proof.json"))).isTrue();
        // the label PyTorch predicts for input.json is the last public signal
        int label = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(model.resolve("expected_output.json").toFile()).get("label").asInt();
        assertThat(Files.readString(dir.resolve("public.json"))).contains("\"" + label + "\"\n]");
    }
}

