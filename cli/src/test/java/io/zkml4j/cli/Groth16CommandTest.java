package io.zkml4j.cli;

import static io.zkml4j.cli.CliRun.abs;
import static io.zkml4j.cli.CliRun.fixture;
import static io.zkml4j.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.groth16.json.SnarkjsJson;
import io.zkml4j.groth16.ptau.SnarkjsEncoding;
import io.zkml4j.r1cs.Witness;
import io.zkml4j.r1cs.WtnsFile;
import io.zkml4j.algebra.field.Fr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Groth16CommandTest {

    /** The circuit hash snarkjs printed when it set up the multiplier fixture. */
    private static final byte[] MULTIPLIER_CIRCUIT_HASH = HexFormat.of().parseHex("af61731035eb6c750a437c6e0ac0d3b9"
            + "3eddc4211ead6b9ca5b3701a285735e70140679f6d47cc2b994d61d05b2ab5bec3fa6f506803d282d8a33878af9040bf");

    @TempDir
    Path dir;

    @Test
    void setupWritesSnarkjsIdenticalKeyAndPrintsCircuitHash() throws IOException {
        Path r1cs = fixture(dir, "multiplier.r1cs");
        Path ptau = fixture(dir, "pot4_prepared.ptau");
        Path expected = fixture(dir, "multiplier_0000.zkey");
        Path zkey = dir.resolve("out.zkey");

        CliRun.Result r = run("groth16", "setup", abs(r1cs), abs(ptau), abs(zkey));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readAllBytes(zkey)).isEqualTo(Files.readAllBytes(expected));
        assertThat(r.out()).isEqualTo(SnarkjsEncoding.formatHash(MULTIPLIER_CIRCUIT_HASH, "Circuit hash: ")
                + System.lineSeparator());
        assertThat(r.err()).contains("proving key written to " + abs(zkey))
                .contains("3 constraints, 8 wires, 3 public signals, domain 2^3")
                .contains("zkey contribute");
    }

    @Test
    void setupRefusesAnUnpreparedOrTooSmallPtau() throws IOException {
        Path r1cs = fixture(dir, "multiplier.r1cs");
        Path unprepared = dir.resolve("pot2.ptau");
        assertThat(run("ptau", "new", "2", abs(unprepared)).exitCode()).isZero();
        Path zkey = dir.resolve("out.zkey");

        CliRun.Result r = run("groth16", "setup", abs(r1cs), abs(unprepared), abs(zkey));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("pot2.ptau").contains("not prepared");
        assertThat(r.out()).isEmpty();
        assertThat(zkey).doesNotExist();
        assertThat(CliRun.tempFiles(dir)).isZero();
    }

    @Test
    void devSetupWarnsAndWritesAKeyThatProvesAndVerifies() throws IOException {
        Path r1cs = fixture(dir, "multiplier.r1cs");
        Path wtns = fixture(dir, "multiplier.wtns");
        Path zkey = dir.resolve("dev.zkey");

        CliRun.Result r = run("groth16", "dev-setup", abs(r1cs), abs(zkey));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Circuit hash: ");
        assertThat(r.err()).startsWith(Groth16Command.DEV_SETUP_WARNING)
                .contains("development proving key written to " + abs(zkey))
                .contains("3 constraints, 8 wires, 3 public signals, domain 2^3");
        Path vk = dir.resolve("vk.json");
        assertThat(run("zkey", "export-vk", abs(zkey), abs(vk)).exitCode()).isZero();
        Path proof = dir.resolve("p.json");
        Path pub = dir.resolve("pub.json");
        CliRun.Result p = run("groth16", "prove", abs(zkey), abs(wtns), abs(proof), abs(pub));
        assertThat(p.exitCode()).as(p.toString()).isZero();
        CliRun.Result v = run("groth16", "verify", abs(vk), abs(pub), abs(proof));
        assertThat(v.out()).isEqualTo("OK!" + System.lineSeparator());
        // Verified against the snarkjs key of the same circuit, the dev proof fails: the keys differ.
        CliRun.Result other = run("groth16", "verify", abs(fixture(dir, "verification_key.json")), abs(pub),
                abs(proof));
        assertThat(other.exitCode()).isEqualTo(ExitCodes.INVALID_PROOF);
        assertThat(CliRun.tempFiles(dir)).isZero();
    }

    @Test
    void devSetupOfACorruptOrMissingR1csExitsTwoWithOneLineNamingTheFile() throws IOException {
        byte[] bytes = Files.readAllBytes(fixture(dir, "multiplier.r1cs"));
        Path corrupt = dir.resolve("corrupt.r1cs");
        Files.write(corrupt, java.util.Arrays.copyOf(bytes, bytes.length - 9));
        Path zkey = dir.resolve("dev.zkey");

        CliRun.Result r = run("groth16", "dev-setup", abs(corrupt), abs(zkey));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("zkml4j groth16 dev-setup: ").contains("corrupt.r1cs").doesNotContain("\tat ");
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(zkey).doesNotExist();

        CliRun.Result missing = run("groth16", "dev-setup", abs(dir.resolve("none.r1cs")), abs(zkey));
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("none.r1cs: no such file (the constraint system)");
        assertThat(missing.err().lines().count()).isEqualTo(1);
        assertThat(CliRun.tempFiles(dir)).isZero();
    }

    @Test
    void proveWithTimingsPrintsEveryStage() {
        Path zkey = fixture(dir, "multiplier.zkey");
        Path wtns = fixture(dir, "multiplier.wtns");

        CliRun.Result r = run("groth16", "prove", "--timings", abs(zkey), abs(wtns), abs(dir.resolve("p.json")),
                abs(dir.resolve("pub.json")));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        String line = r.err().lines().filter(l -> l.startsWith("timings: ")).findFirst().orElseThrow();
        assertThat(line).contains("reading multiplier.zkey ").contains("reading multiplier.wtns ")
                .contains(", fft ").contains(", msm-h ").contains(", msm-a ").contains(", msm-b1 ")
                .contains(", msm-b2 ").contains(", msm-c ").contains(", writing ").contains(", total ");
    }

    @Test
    void proveWritesAProofThatVerifiesAndTheWitnessPublicSignals() throws IOException {
        Path zkey = fixture(dir, "multiplier.zkey");
        Path wtns = fixture(dir, "multiplier.wtns");
        Path vk = fixture(dir, "verification_key.json");
        Path proof = dir.resolve("p.json");
        Path pub = dir.resolve("pub.json");

        CliRun.Result r = run("groth16", "prove", abs(zkey), abs(wtns), abs(proof), abs(pub));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("proof written to " + abs(proof)).contains("prove ");
        Witness w = WtnsFile.read(wtns);
        assertThat(SnarkjsJson.readPublicSignals(pub)).containsExactly(w.get(1), w.get(2), w.get(3));
        // public.json is exactly what snarkjs writes for the same witness
        assertThat(Files.readString(pub)).isEqualTo(Files.readString(fixture(dir, "public.json")));

        CliRun.Result v = run("groth16", "verify", abs(vk), abs(pub), abs(proof));
        assertThat(v.exitCode()).as(v.toString()).isZero();
        assertThat(v.out()).isEqualTo("OK!" + System.lineSeparator());
        assertThat(CliRun.tempFiles(dir)).isZero();
    }

    @Test
    void proveWithACorruptWitnessFailsAndLeavesExistingOutputsUntouched() throws IOException {
        Path zkey = fixture(dir, "multiplier.zkey");
        Path wtns = fixture(dir, "multiplier.wtns");
        Path proof = fixture(dir, "proof.json");
        Path pub = fixture(dir, "public.json");
        byte[] proofBefore = Files.readAllBytes(proof);
        byte[] pubBefore = Files.readAllBytes(pub);
        byte[] bytes = Files.readAllBytes(wtns);
        Path corrupt = dir.resolve("corrupt.wtns");
        Files.write(corrupt, java.util.Arrays.copyOf(bytes, bytes.length - 7));

        CliRun.Result r = run("groth16", "prove", abs(zkey), abs(corrupt), abs(proof), abs(pub));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("corrupt.wtns").doesNotContain("\tat ");
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(Files.readAllBytes(proof)).isEqualTo(proofBefore);
        assertThat(Files.readAllBytes(pub)).isEqualTo(pubBefore);
        assertThat(CliRun.tempFiles(dir)).isZero();
    }

    @Test
    void proveWithAWitnessThatViolatesTheCircuitWritesNothing() {
        Path zkey = fixture(dir, "multiplier.zkey");
        Witness w = WtnsFile.read(fixture(dir, "multiplier.wtns"));
        Path wrong = dir.resolve("wrong.wtns");
        WtnsFile.write(w.with(w.size() - 1, w.get(w.size() - 1).add(Fr.ONE)), wrong);
        Path proof = dir.resolve("p.json");
        Path pub = dir.resolve("pub.json");

        CliRun.Result r = run("groth16", "prove", abs(zkey), abs(wrong), abs(proof), abs(pub));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("wrong.wtns").contains("does not satisfy the circuit");
        assertThat(proof).doesNotExist();
        assertThat(pub).doesNotExist();
        assertThat(CliRun.tempFiles(dir)).isZero();
    }

    @Test
    void proveWithAWitnessOfTheWrongSizeNamesBothFiles() {
        Path zkey = fixture(dir, "multiplier.zkey");
        Witness w = WtnsFile.read(fixture(dir, "multiplier.wtns"));
        Path shortWitness = dir.resolve("short.wtns");
        WtnsFile.write(Witness.of(w.values(0, w.size() - 1)), shortWitness);

        CliRun.Result r = run("groth16", "prove", abs(zkey), abs(shortWitness), abs(dir.resolve("p.json")),
                abs(dir.resolve("pub.json")));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("short.wtns does not fit").contains("multiplier.zkey").contains("7 values");
    }

    @Test
    void proveChecksOutputsBeforeWorking() {
        Path zkey = fixture(dir, "multiplier.zkey");
        Path wtns = fixture(dir, "multiplier.wtns");

        CliRun.Result missingDir = run("groth16", "prove", abs(zkey), abs(wtns), abs(dir.resolve("no/p.json")),
                abs(dir.resolve("pub.json")));
        assertThat(missingDir.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missingDir.err()).contains("no/p.json").contains("does not exist");

        CliRun.Result same = run("groth16", "prove", abs(zkey), abs(wtns), abs(dir.resolve("x.json")),
                abs(dir.resolve("x.json")));
        assertThat(same.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(same.err()).contains("x.json is given for two different outputs");

        CliRun.Result missingKey = run("groth16", "prove", abs(dir.resolve("none.zkey")), abs(wtns),
                abs(dir.resolve("p.json")), abs(dir.resolve("pub.json")));
        assertThat(missingKey.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missingKey.err()).contains("none.zkey: no such file (the proving key)");
        assertThat(dir.resolve("pub.json")).doesNotExist();
    }

    @Test
    void verifyAcceptsSnarkjsProofAndRejectsTamperedPublicSignals() throws IOException {
        Path vk = fixture(dir, "verification_key.json");
        Path proof = fixture(dir, "proof.json");
        Path pub = fixture(dir, "public.json");

        CliRun.Result ok = run("groth16", "verify", abs(vk), abs(pub), abs(proof));
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).startsWith("OK!");

        Path tampered = dir.resolve("tampered.json");
        Files.writeString(tampered, Files.readString(pub).replace("\"5\"", "\"6\""));
        assertThat(Files.readString(tampered)).isNotEqualTo(Files.readString(pub));
        CliRun.Result bad = run("groth16", "verify", abs(vk), abs(tampered), abs(proof));
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(ExitCodes.INVALID_PROOF);
        assertThat(bad.out()).startsWith("Invalid proof");
    }

    @Test
    void verifyOfMalformedFilesExitsTwoNamingTheFile() throws IOException {
        Path vk = fixture(dir, "verification_key.json");
        Path proof = fixture(dir, "proof.json");
        Path pub = fixture(dir, "public.json");
        Path garbage = dir.resolve("garbage.json");
        Files.writeString(garbage, "this is not JSON");

        for (String[] args : new String[][] {
            {abs(garbage), abs(pub), abs(proof)},
            {abs(vk), abs(garbage), abs(proof)},
            {abs(vk), abs(pub), abs(garbage)}}) {
            CliRun.Result r = run("groth16", "verify", args[0], args[1], args[2]);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).startsWith("zkml4j groth16 verify: garbage.json").doesNotContain("\tat ");
            assertThat(r.out()).isEmpty();
        }

        Path fewer = dir.resolve("fewer.json");
        Files.writeString(fewer, "[\"231\"]");
        CliRun.Result count = run("groth16", "verify", abs(vk), abs(fewer), abs(proof));
        assertThat(count.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(count.err()).contains("fewer.json holds 1 public signals").contains("expects 3");
    }
}
