package io.zkml4j.groth16.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.groth16.Fixtures;
import io.zkml4j.groth16.Groth16;
import io.zkml4j.groth16.ProofWithPublicSignals;
import io.zkml4j.groth16.ProveOptions;
import io.zkml4j.groth16.ProvingKey;
import io.zkml4j.groth16.VerifyingKey;
import io.zkml4j.groth16.json.SnarkjsJson;
import io.zkml4j.groth16.zkey.ZkeyFile;
import io.zkml4j.r1cs.R1cs;
import io.zkml4j.r1cs.R1csFile;
import io.zkml4j.r1cs.WtnsFile;
import io.zkml4j.testchain.Circom;
import io.zkml4j.testchain.Snarkjs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Development keys against snarkjs 0.7.6: a circom circuit compiled here (Poseidon, five public
 * signals) and the lessthan fixture get a {@link DevSetup} key; snarkjs exports the same verification
 * key from it, snarkjs's proofs pass our verifier, ours pass {@code snarkjs groth16 verify}, a changed
 * public signal fails there, and a phase-2 contribution on top of a dev key keeps both tools proving.
 */
class DevSetupIT {

    @TempDir
    Path dir;

    private final Snarkjs snarkjs = Snarkjs.locate();

    private void interop(Path r1csFile, Path wtns, int nPublic) throws Exception {
        R1cs r1cs = R1csFile.read(r1csFile);
        Path zkey = dir.resolve("dev.zkey");
        DevSetup.newZkey(r1cs, zkey, ProveOptions.ProgressListener.NONE);
        ProvingKey pk = ZkeyFile.read(zkey);
        assertThat(pk.nPublic()).isEqualTo(nPublic);

        // snarkjs reads the key: its verification key is ours, byte for byte.
        Path vk = dir.resolve("verification_key.json");
        snarkjs.zkeyExportVerificationKey(zkey, vk);
        assertThat(Files.readString(vk)).isEqualTo(SnarkjsJson.verificationKeyJson(pk.verifyingKey()));
        VerifyingKey parsed = SnarkjsJson.readVerificationKey(vk);

        // snarkjs proves with the dev key; we verify.
        Path theirProof = dir.resolve("proof.json"), theirPublic = dir.resolve("public.json");
        snarkjs.groth16Prove(zkey, wtns, theirProof, theirPublic);
        assertThat(Groth16.verify(parsed, SnarkjsJson.readPublicSignals(theirPublic),
                SnarkjsJson.readProof(theirProof))).as("we verify snarkjs's proof").isTrue();

        // We prove; snarkjs verifies, and rejects a changed public signal.
        ProofWithPublicSignals ours = Groth16.prove(pk, WtnsFile.read(wtns), new SecureRandom(),
                ProveOptions.defaults().checkingAgainst(r1cs));
        Path ourProof = dir.resolve("our_proof.json"), ourPublic = dir.resolve("our_public.json");
        SnarkjsJson.writeProof(ours.proof(), ourProof);
        SnarkjsJson.writePublicSignals(ours.publicSignals(), ourPublic);
        assertThat(snarkjs.groth16Verify(vk, ourPublic, ourProof)).as("snarkjs verifies our proof").isTrue();
        assertThat(Files.readString(ourPublic)).isEqualTo(Files.readString(theirPublic));
        List<Fr> changed = new ArrayList<>(ours.publicSignals());
        changed.set(nPublic - 1, changed.get(nPublic - 1).add(Fr.ONE));
        Path changedPublic = dir.resolve("changed_public.json");
        SnarkjsJson.writePublicSignals(changed, changedPublic);
        assertThat(snarkjs.groth16Verify(vk, changedPublic, ourProof)).as("snarkjs, changed input").isFalse();

        // A phase-2 contribution on a dev key: snarkjs still proves, we still verify.
        Path contributed = dir.resolve("contributed.zkey");
        ZkeyContribution.contribute(zkey, contributed, "it", "dev setup IT entropy");
        Path vk2 = dir.resolve("vk2.json");
        snarkjs.zkeyExportVerificationKey(contributed, vk2);
        Path p2 = dir.resolve("proof2.json"), pub2 = dir.resolve("public2.json");
        snarkjs.groth16Prove(contributed, wtns, p2, pub2);
        assertThat(Groth16.verify(SnarkjsJson.readVerificationKey(vk2), SnarkjsJson.readPublicSignals(pub2),
                SnarkjsJson.readProof(p2))).as("contributed dev key").isTrue();
    }

    @Test
    @Timeout(300)
    void compiledPoseidonCircuitWithFivePublicSignals() throws Exception {
        Path src = Path.of(DevSetupIT.class.getResource("/circuits/multipub.circom").toURI());
        Path input = Path.of(DevSetupIT.class.getResource("/circuits/multipub.input.json").toURI());
        Circom.CompiledCircuit c = Circom.using(snarkjs.tools()).compile(src, dir.resolve("build"));
        Path wtns = dir.resolve("multipub.wtns");
        snarkjs.wtnsCalculate(c.wasm(), input, wtns);
        interop(c.r1cs(), wtns, 5);
    }

    @Test
    @Timeout(120)
    void lessThanFixture() throws Exception {
        interop(Fixtures.circom(Fixtures.LESSTHAN, "r1cs"), Fixtures.circom(Fixtures.LESSTHAN, "wtns"),
                R1csFile.read(Fixtures.circom(Fixtures.LESSTHAN, "r1cs")).numPublic());
    }
}
