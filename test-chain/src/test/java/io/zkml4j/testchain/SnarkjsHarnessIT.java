package io.zkml4j.testchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
  * The harness end to end with the real circom2 and snarkjs only: compile, witness, a fresh powers
  * of tau, Groth16 setup with one phase-2 contribution, prove, verify, and the negative answers.
  * About 15 s on 2 cores.
  */
class SnarkjsHarnessIT {

    @TempDir Path dir;

    private final Snarkjs snarkjs = Snarkjs.locate();
    private final Circom circom = Circom.using(snarkjs.tools());

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SnarkjsHarnessIT.class.getResource(name).toURI());
    }

    @Test
    void compileSetupProveAndVerifyAMultiplier() throws Exception {
        // Circuit: c = a * b with b != 0 (circomlib IsZero); public a, private b, output c.
        Circom.CompiledCircuit circuit =
                circom.compile(resource("/circuits/multiplier.circom"), dir.resolve("build"));
        assertThat(circuit.r1cs()).isRegularFile();
        assertThat(circuit.wasm()).isRegularFile();
        assertThat(circuit.sym()).isRegularFile();

        Snarkjs.R1csInfo info = snarkjs.r1csInfo(circuit.r1cs());
        assertThat(info.curve()).isEqualTo("bn-128");
        // IsZero's out = 1 - b*inv and b*out = 0; with out forced to 0, circom's simplification
        // leaves b*inv = 1. Plus c = a*b.
        assertThat(info.constraints()).isEqualTo(2);
        assertThat(info.publicInputs()).isEqualTo(1);
        assertThat(info.privateInputs()).isEqualTo(1);
        assertThat(info.outputs()).isEqualTo(1);

        // Witness: [1, c, a, b, ...IsZero internals]; outputs come before inputs.
        Path input = Files.writeString(dir.resolve("input.json"), "{\"a\": \"3\", \"b\": \"11\"}");
        Path witness = dir.resolve("witness.wtns");
        snarkjs.wtnsCalculate(circuit.wasm(), input, witness);
        Path witnessJson = dir.resolve("witness.json");
        snarkjs.wtnsExportJson(witness, witnessJson);
        assertThat(compact(witnessJson)).startsWith("[\"1\",\"33\",\"3\",\"11\",");

        // Phase 1: a fresh 2^4 ceremony with one contribution.
        Path pot0 = dir.resolve("pot4_0000.ptau");
        Path pot1 = dir.resolve("pot4_0001.ptau");
        Path ptau = dir.resolve("pot4_final.ptau");
        snarkjs.powersOfTauNew(4, pot0);
        snarkjs.powersOfTauContribute(pot0, pot1, "first contributor", "harness entropy one");
        snarkjs.powersOfTauPreparePhase2(pot1, ptau);

        // Phase 2.
        Path zkey0 = dir.resolve("circuit_0000.zkey");
        Path zkey1 = dir.resolve("circuit_0001.zkey");
        snarkjs.groth16Setup(circuit.r1cs(), ptau, zkey0);
        snarkjs.zkeyContribute(zkey0, zkey1, "phase two contributor", "harness entropy two");
        assertThat(snarkjs.zkeyVerify(circuit.r1cs(), ptau, zkey1)).isTrue();

        Path vk = dir.resolve("verification_key.json");
        snarkjs.zkeyExportVerificationKey(zkey1, vk);
        assertThat(Files.readString(vk)).contains("\"protocol\": \"groth16\"").contains("\"nPublic\": 2");

        Path proof = dir.resolve("proof.json");
        Path publicJson = dir.resolve("public.json");
        snarkjs.groth16Prove(zkey1, witness, proof, publicJson);
        assertThat(compact(publicJson)).isEqualTo("[\"33\",\"3\"]");
        assertThat(Files.readString(proof)).contains("\"pi_a\"").contains("\"pi_b\"").contains("\"pi_c\"");

        assertThat(snarkjs.groth16Verify(vk, publicJson, proof)).isTrue();

        // A claim the proof does not support: 34 = 3 * b.
        Path tampered = Files.writeString(dir.resolve("tampered_public.json"), "[\"34\", \"3\"]");
        assertThat(snarkjs.groth16Verify(vk, tampered, proof)).isFalse();

        // The Solidity reference verifier exports (it is compiled and deployed elsewhere).
        Path verifier = dir.resolve("Groth16Verifier.sol");
        snarkjs.zkeyExportSolidityVerifier(zkey1, verifier);
        assertThat(Files.readString(verifier)).contains("pragma solidity").contains("function verifyProof(");
    }

    @Test
    void zkeyVerifyRejectsAKeyFromAnotherCeremonyAndErrorsAreNotVerdicts() throws Exception {
        Circom.CompiledCircuit circuit =
                circom.compile(resource("/circuits/multiplier.circom"), dir.resolve("build"));
        Path cachedPtau = snarkjs.cachedPreparedPtau(4);
        assertThat(snarkjs.cachedPreparedPtau(4)).isEqualTo(cachedPtau);

        Path zkey = dir.resolve("circuit.zkey");
        snarkjs.groth16Setup(circuit.r1cs(), cachedPtau, zkey);
        assertThat(snarkjs.zkeyVerify(circuit.r1cs(), cachedPtau, zkey)).isTrue();

        Path otherPtau = preparedPtau("other");
        assertThat(snarkjs.zkeyVerify(circuit.r1cs(), otherPtau, zkey)).isFalse();

        // A missing file is an error, not a negative answer.
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> snarkjs.groth16Verify(missing, missing, missing))
                .isInstanceOf(NodeProcessException.class)
                .hasMessageContaining("groth16 verify")
                .hasMessageContaining("ENOENT");
    }

    @Test
    void contributionsRequireEntropyBecauseSnarkjsWouldPrompt() {
        Path any = dir.resolve("x.ptau");

        assertThatThrownBy(() -> snarkjs.powersOfTauContribute(any, any, "name", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entropy");
    }

    @Test
    void compileErrorsCarryCircomsReport() throws Exception {
        Path broken = Files.writeString(
                dir.resolve("broken.circom"),
                "pragma circom 2.1.6;\ninclude \"circomlib/circuits/no_such_file.circom\";\n");

        assertThatThrownBy(() -> circom.compile(broken, dir.resolve("out")))
                .isInstanceOf(NodeProcessException.class)
                .hasMessageContaining("no_such_file.circom");
    }

    private Path preparedPtau(String label) {
        Path p0 = dir.resolve(label + "_0000.ptau");
        Path p1 = dir.resolve(label + "_0001.ptau");
        Path prepared = dir.resolve(label + "_final.ptau");
        snarkjs.powersOfTauNew(4, p0);
        snarkjs.powersOfTauContribute(p0, p1, label, "entropy for " + label);
        snarkjs.powersOfTauPreparePhase2(p1, prepared);
        return prepared;
    }

    private static String compact(Path json) throws java.io.IOException {
        return Files.readString(json).replaceAll("\\s", "");
    }
}
