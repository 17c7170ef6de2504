package io.zkml4j.groth16.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.groth16.Fixtures;
import io.zkml4j.groth16.Groth16;
import io.zkml4j.groth16.Groth16Exception;
import io.zkml4j.groth16.Proof;
import io.zkml4j.groth16.ProofWithPublicSignals;
import io.zkml4j.groth16.ProvingKey;
import io.zkml4j.groth16.VerifyingKey;
import io.zkml4j.groth16.zkey.ZkeyFile;
import io.zkml4j.r1cs.WtnsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnarkjsJsonTest {

    private static final Path VK = Fixtures.multiplier("verification_key.json");
    private static final Path PROOF = Fixtures.multiplier("proof.json");
    private static final Path PUBLIC = Fixtures.multiplier("public.json");

    @TempDir
    Path tmp;

    @Test
    void exportsTheVerificationKeyOfAZkeyExactlyAsSnarkjs() throws IOException {
        ProvingKey pk = ZkeyFile.read(Fixtures.multiplier("multiplier.zkey"));
        assertThat(SnarkjsJson.verificationKeyJson(pk.verifyingKey())).isEqualTo(Files.readString(VK));
    }

    @Test
    void rewritesSnarkjsFilesByteForByte() throws IOException {
        Path vk = tmp.resolve("vk.json"), proof = tmp.resolve("proof.json"), pub = tmp.resolve("public.json");
        SnarkjsJson.writeVerificationKey(SnarkjsJson.readVerificationKey(VK), vk);
        SnarkjsJson.writeProof(SnarkjsJson.readProof(PROOF), proof);
        SnarkjsJson.writePublicSignals(SnarkjsJson.readPublicSignals(PUBLIC), pub);
        assertThat(Files.readString(vk)).isEqualTo(Files.readString(VK));
        assertThat(Files.readString(proof)).isEqualTo(Files.readString(PROOF));
        assertThat(Files.readString(pub)).isEqualTo(Files.readString(PUBLIC));
        try (var files = Files.list(tmp)) {
            assertThat(files).hasSize(3); // no temporary files left behind
        }
    }

    @Test
    void ourVerifierAcceptsTheSnarkjsProof() {
        VerifyingKey vk = SnarkjsJson.readVerificationKey(VK);
        List<Fr> pub = SnarkjsJson.readPublicSignals(PUBLIC);
        Proof proof = SnarkjsJson.readProof(PROOF);
        assertThat(pub).containsExactly(Fr.of(231), Fr.of(1155), Fr.of(5));
        assertThat(Groth16.verify(vk, pub, proof)).isTrue();
        assertThat(Groth16.verify(vk, List.of(Fr.of(231), Fr.of(1155), Fr.of(6)), proof)).isFalse();
    }

    @Test
    void ourProofHasTheShapeOfASnarkjsProof() throws IOException {
        ProvingKey pk = ZkeyFile.read(Fixtures.multiplier("multiplier.zkey"));
        ProofWithPublicSignals p = Groth16.prove(pk,
                WtnsFile.read(Fixtures.circom(Fixtures.MULTIPLIER, "wtns")), new SplittableRandom(7));
        String ours = SnarkjsJson.proofJson(p.proof());
        String theirs = Files.readString(PROOF);
        assertThat(ours.replaceAll("\"[0-9]{10,}\"", "\"N\"")).isEqualTo(theirs.replaceAll("\"[0-9]{10,}\"", "\"N\""));
        assertThat(SnarkjsJson.publicSignalsJson(p.publicSignals())).isEqualTo(Files.readString(PUBLIC));
    }

    @Test
    void emptyPublicSignalsLookLikeBfjOutput() {
        assertThat(SnarkjsJson.publicSignalsJson(List.of())).isEqualTo("[\n]");
        assertThat(SnarkjsJson.parsePublicSignals("[\n]", "public.json")).isEmpty();
    }

    @Test
    void rejectsANonCanonicalCoordinate() throws IOException {
        String json = Files.readString(PROOF);
        Proof proof = SnarkjsJson.readProof(PROOF);
        String x = proof.a().x().toBigInteger().toString();
        String shifted = proof.a().x().toBigInteger().add(Fq.MODULUS).toString();
        String bad = json.replace("\"" + x + "\"", "\"" + shifted + "\"");
        assertThatThrownBy(() -> SnarkjsJson.parseProof(bad, "proof.json"))
                .isInstanceOf(Groth16Exception.class)
                .hasMessageContaining("proof.json: field pi_a[0]").hasMessageContaining("not below q");
    }

    @Test
    void rejectsPublicSignalsOutsideTheField() {
        assertThatThrownBy(() -> SnarkjsJson.parsePublicSignals("[\"1\", \"" + Fr.MODULUS + "\"]", "public.json"))
                .isInstanceOf(Groth16Exception.class).hasMessageContaining("field [1]")
                .hasMessageContaining("not below r");
        assertThatThrownBy(() -> SnarkjsJson.parsePublicSignals("[\"-1\"]", "public.json"))
                .isInstanceOf(Groth16Exception.class).hasMessageContaining("decimal string");
        assertThatThrownBy(() -> SnarkjsJson.parsePublicSignals("[1]", "public.json"))
                .isInstanceOf(Groth16Exception.class).hasMessageContaining("expected a decimal string but got 1");
    }

    @Test
    void rejectsMalformedOrIncompleteJson() throws IOException {
        String json = Files.readString(PROOF);
        assertThatThrownBy(() -> SnarkjsJson.parseProof(json.substring(0, json.length() - 2), "proof.json"))
                .isInstanceOf(Groth16Exception.class).hasMessageContaining("proof.json: malformed JSON");
        assertThatThrownBy(() -> SnarkjsJson.parseProof(json.replace("\"pi_c\"", "\"pi_x\""), "proof.json"))
                .isInstanceOf(Groth16Exception.class).hasMessageContaining("field pi_x: unexpected key");
        assertThatThrownBy(() -> SnarkjsJson.parseProof(json.replace("groth16", "plonk"), "proof.json"))
                .isInstanceOf(Groth16Exception.class).hasMessageContaining("field protocol: expected \"groth16\"");
        assertThatThrownBy(() -> SnarkjsJson.parseProof("{\"pi_a\": [\"1\", \"2\", \"1\"]}", "proof.json"))
                .isInstanceOf(Groth16Exception.class).hasMessageContaining("is missing");
    }

    @Test
    void rejectsPointsOffTheCurveAndWrongZ() {
        String offCurve = "{\"pi_a\": [\"1\", \"3\", \"1\"], \"pi_b\": [[\"0\",\"0\"],[\"1\",\"0\"],[\"0\",\"0\"]],"
                + " \"pi_c\": [\"1\", \"2\", \"1\"]}";
        assertThatThrownBy(() -> SnarkjsJson.parseProof(offCurve, "proof.json"))
                .isInstanceOf(Groth16Exception.class).hasMessageContaining("field pi_a: the point is not on");
        String zTwo = offCurve.replace("[\"1\", \"3\", \"1\"]", "[\"1\", \"2\", \"2\"]");
        assertThatThrownBy(() -> SnarkjsJson.parseProof(zTwo, "proof.json"))
                .isInstanceOf(Groth16Exception.class).hasMessageContaining("field pi_a[2]: expected \"1\"");
    }

    @Test
    void rejectsAVerificationKeyWithAWrongAlphaBeta() throws IOException {
        String json = Files.readString(VK);
        VerifyingKey vk = SnarkjsJson.readVerificationKey(VK);
        String first = vk.alphaBeta().pow(SnarkjsJson.SNARKJS_GT_EXPONENT).value().c0().c0().c0().toBigInteger()
                .toString();
        assertThat(json).contains(first);
        String bad = json.replace("\"" + first + "\"", "\"" + first.substring(0, first.length() - 1) + "\"");
        assertThatThrownBy(() -> SnarkjsJson.parseVerificationKey(bad, "vk.json"))
                .isInstanceOf(Groth16Exception.class).hasMessageContaining("vk_alphabeta_12");
        String wrongCount = json.replace("\"nPublic\": 3", "\"nPublic\": 2");
        assertThatThrownBy(() -> SnarkjsJson.parseVerificationKey(wrongCount, "vk.json"))
                .isInstanceOf(Groth16Exception.class).hasMessageContaining("field IC: has 4 points but nPublic = 2");
    }
}
