package io.zkml4j.prover.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.groth16.ProofWithPublicSignals;
import io.zkml4j.groth16.ProveOptions;
import io.zkml4j.prover.Prover;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End to end on the example models: calibrate on their 50 test images and compile, development
 * setup, prove a few test images, verify, and check that the proven label is PyTorch's.
 */
@Tag("prover")
class ModelProofTest {

    /** How many test images each model proves. */
    static final int PROOFS = 3;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"digits_mlp", "digits_cnn", "digits_bn_maxpool", "logistic"})
    void provenLabelsAreThoseOfPyTorch(String name) {
        JsonNode tests = ModelFixtures.testInputs(name);
        List<float[]> samples = ModelFixtures.samples(name);
        ZkModel.compile(ModelFixtures.onnx(name), CompileOptions.defaults(), samples, dir);
        ZkModel model = ZkModel.load(dir);
        Prover.Keys keys = model.setupDev(ProveOptions.ProgressListener.NONE);
        assertThat(ZkModel.load(dir).keys().verifyingKey()).isEqualTo(keys.verifyingKey());
        List<String> signals = model.metadata().publicSignals();
        int labelAt = signals.indexOf("label");
        for (int i = 0; i < PROOFS; i++) {
            Inference run = model.infer(samples.get(i), name + " test image " + i);
            ProofWithPublicSignals proof = model.prove(keys, run, ProveOptions.ProgressListener.NONE);
            assertThat(Prover.verify(keys.verifyingKey(), proof.publicSignals(), proof.proof())).isTrue();
            int pytorch = tests.get("labels").get(i).asInt();
            assertThat(proof.publicSignals().get(labelAt)).as("%s image %d", name, i).isEqualTo(Fr.of(pytorch));
            assertThat(run.label()).isEqualTo(pytorch);
            List<Fr> other = new ArrayList<>(proof.publicSignals());
            other.set(labelAt, Fr.of((pytorch + 1) % 10));
            assertThat(Prover.verify(keys.verifyingKey(), other, proof.proof())).as("a different label").isFalse();
        }
    }

    @org.junit.jupiter.api.Test
    void hashedInputAndOutputAreProvenAsSaltedCommitmentsOnly() {
        String name = "logistic";
        List<float[]> samples = ModelFixtures.samples(name);
        CompileOptions hashed = CompileOptions.parse(
                "{\"inputVisibility\": \"hashed\", \"outputVisibility\": \"hashed\"}", "settings.json");
        ZkModel.compile(ModelFixtures.onnx(name), hashed, samples, dir);
        ZkModel model = ZkModel.load(dir);
        assertThat(model.metadata().publicSignals()).containsExactly("outputCommitment", "inputCommitment");
        Prover.Keys keys = model.setupDev(ProveOptions.ProgressListener.NONE);

        Inference run = model.infer(samples.get(0), "test image 0");
        ProofWithPublicSignals proof = model.prove(keys, run, ProveOptions.ProgressListener.NONE);
        assertThat(Prover.verify(keys.verifyingKey(), proof.publicSignals(), proof.proof())).isTrue();
        var compiled = model.compiledModel();
        assertThat(proof.publicSignals()).containsExactly(
                compiled.outputCommitment(run.quantizedInput(), run.salt()),
                compiled.inputCommitment(run.quantizedInput(), run.salt()));
        assertThat(run.label()).isEqualTo(ModelFixtures.testInputs(name).get("labels").get(0).asInt());

        // the same image again: a fresh salt, so unlinkable commitments (and the label stays hidden)
        Inference again = model.infer(samples.get(0), "test image 0");
        assertThat(again.salt()).isNotEqualTo(run.salt());
        assertThat(again.publicSignals()).doesNotContainAnyElementsOf(proof.publicSignals());
        // the proof does not open to the commitments of another salt
        assertThat(Prover.verify(keys.verifyingKey(), again.publicSignals(), proof.proof())).isFalse();
    }
}
