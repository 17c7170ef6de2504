package io.zkml4j.groth16;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.groth16.json.SnarkjsJson;
import io.zkml4j.groth16.zkey.ZkeyFile;
import io.zkml4j.r1cs.R1cs;
import io.zkml4j.r1cs.R1csFile;
import io.zkml4j.r1cs.Witness;
import io.zkml4j.r1cs.WtnsFile;
import io.zkml4j.testchain.Circom;
import io.zkml4j.testchain.Snarkjs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our prover, verifier and file formats against the real snarkjs 0.7.6 on three circom circuits:
 * snarkjs makes the keys ({@code groth16 setup} + {@code zkey contribute}); then our proofs must pass
 * {@code snarkjs groth16 verify}, snarkjs's proofs must pass ours, our exported verifying key and
 * rewritten zkey must equal snarkjs's byte for byte, and tampered witnesses and proofs must be refused.
 * About 10 s per circuit on 2 cores (the power-10 ptau is made once and cached).
 */
class Groth16SnarkjsIT {

    private static final int PTAU_POWER = 10;

    @TempDir
    Path dir;

    private final Snarkjs snarkjs = Snarkjs.locate();

    private record Setup(Path r1csFile, R1cs r1cs, Path wtnsFile, Witness witness, Path zkey, Path vk, ProvingKey pk) {
    }

    private Setup setup(Path r1csFile, Path wtnsFile) throws Exception {
        Path ptau = snarkjs.cachedPreparedPtau(PTAU_POWER);
        Path zkey0 = dir.resolve("c_0000.zkey");
        Path zkey1 = dir.resolve("c_0001.zkey");
        snarkjs.groth16Setup(r1csFile, ptau, zkey0);
        snarkjs.zkeyContribute(zkey0, zkey1, "it", "groth16 IT entropy");
        Path vk = dir.resolve("verification_key.json");
        snarkjs.zkeyExportVerificationKey(zkey1, vk);
        return new Setup(r1csFile, R1csFile.read(r1csFile), wtnsFile, WtnsFile.read(wtnsFile), zkey1, vk,
                ZkeyFile.read(zkey1));
    }

    /** The checks every circuit goes through. */
    private void interop(Setup s) throws Exception {
        // Our VK export and zkey rewrite equal snarkjs's bytes.
        assertThat(SnarkjsJson.verificationKeyJson(s.pk().verifyingKey())).isEqualTo(Files.readString(s.vk()));
        Path rewritten = dir.resolve("rewritten.zkey");
        ZkeyFile.write(s.pk(), rewritten);
        assertThat(Files.readAllBytes(rewritten)).isEqualTo(Files.readAllBytes(s.zkey()));

        // Our proof (with the R1CS check on) passes snarkjs.
        ProofWithPublicSignals ours = Groth16.prove(s.pk(), s.witness(), new SecureRandom(),
                ProveOptions.defaults().checkingAgainst(s.r1cs()));
        Path ourProof = dir.resolve("our_proof.json"), ourPublic = dir.resolve("our_public.json");
        SnarkjsJson.writeProof(ours.proof(), ourProof);
        SnarkjsJson.writePublicSignals(ours.publicSignals(), ourPublic);
        assertThat(snarkjs.groth16Verify(s.vk(), ourPublic, ourProof)).as("snarkjs verifies our proof").isTrue();

        // snarkjs's proof passes ours; the files have the same shape.
        Path theirProof = dir.resolve("proof.json"), theirPublic = dir.resolve("public.json");
        snarkjs.groth16Prove(s.zkey(), s.wtnsFile(), theirProof, theirPublic);
        VerifyingKey vk = SnarkjsJson.readVerificationKey(s.vk());
        Proof theirs = SnarkjsJson.readProof(theirProof);
        List<Fr> pub = SnarkjsJson.readPublicSignals(theirPublic);
        assertThat(Groth16.verify(vk, pub, theirs)).as("we verify snarkjs's proof").isTrue();
        assertThat(Files.readString(ourPublic)).isEqualTo(Files.readString(theirPublic));
        assertThat(mask(Files.readString(ourProof))).isEqualTo(mask(Files.readString(theirProof)));
    }

    private static String mask(String json) {
        return json.replaceAll("\"[0-9]{2,}\"", "\"N\"");
    }

    @Test
    void multiplier() throws Exception {
        Setup s = setup(Fixtures.circom(Fixtures.MULTIPLIER, "r1cs"), Fixtures.circom(Fixtures.MULTIPLIER, "wtns"));
        interop(s);
    }

    @Test
    void lessThanWithSoundnessChecks() throws Exception {
        Setup s = setup(Fixtures.circom(Fixtures.LESSTHAN, "r1cs"), Fixtures.circom(Fixtures.LESSTHAN, "wtns"));
        interop(s);

        // A witness with one internal value changed: refused with the R1CS check, named constraint.
        int wire = s.witness().size() - 1;
        Witness bad = s.witness().with(wire, s.witness().get(wire).add(Fr.ONE));
        assertThatThrownBy(() -> Groth16.prove(s.pk(), bad, new SecureRandom(),
                ProveOptions.defaults().checkingAgainst(s.r1cs())))
                .isInstanceOf(Groth16Exception.class).hasMessageMatching("(?s).*constraint \\d+.*");
        // Forced: a proof that snarkjs rejects.
        ProofWithPublicSignals forced = Groth16.prove(s.pk(), bad, new SecureRandom());
        Path fp = dir.resolve("forced_proof.json"), fpub = dir.resolve("forced_public.json");
        SnarkjsJson.writeProof(forced.proof(), fp);
        SnarkjsJson.writePublicSignals(forced.publicSignals(), fpub);
        assertThat(snarkjs.groth16Verify(s.vk(), fpub, fp)).as("snarkjs rejects a forced proof").isFalse();

        // Tampered proofs are rejected by our verifier.
        VerifyingKey vk = SnarkjsJson.readVerificationKey(s.vk());
        ProofWithPublicSignals good = Groth16.prove(s.pk(), s.witness(), new SecureRandom());
        List<Fr> changed = new ArrayList<>(good.publicSignals());
        changed.set(0, changed.get(0).add(Fr.ONE));
        assertThat(Groth16.verify(vk, changed, good.proof())).isFalse();
        Proof swapped = Proof.of(good.proof().c(), good.proof().b(), good.proof().a());
        assertThat(Groth16.verify(vk, good.publicSignals(), swapped)).isFalse();
        String json = SnarkjsJson.proofJson(good.proof());
        String x = good.proof().a().x().toBigInteger().toString();
        String nonCanonical = json.replace("\"" + x + "\"", "\"" + good.proof().a().x().toBigInteger().add(Fq.MODULUS)
                + "\"");
        assertThatThrownBy(() -> SnarkjsJson.parseProof(nonCanonical, "proof.json"))
                .isInstanceOf(Groth16Exception.class).hasMessageContaining("field pi_a[0]")
                .hasMessageContaining("not below q");
    }

    @Test
    void poseidonCircuitWithFivePublicSignals() throws Exception {
        Path src = Path.of(Groth16SnarkjsIT.class.getResource("/circuits/multipub.circom").toURI());
        Path input = Path.of(Groth16SnarkjsIT.class.getResource("/circuits/multipub.input.json").toURI());
        Circom.CompiledCircuit c = Circom.using(snarkjs.tools()).compile(src, dir.resolve("build"));
        Path wtns = dir.resolve("multipub.wtns");
        snarkjs.wtnsCalculate(c.wasm(), input, wtns);
        Setup s = setup(c.r1cs(), wtns);
        assertThat(s.pk().nPublic()).isEqualTo(5);
        interop(s);
    }
}
