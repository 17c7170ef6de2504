package io.zkml4j.prover.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.zkml4j.ml.compile.Visibility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compile → load → infer on the digits MLP, and every way a model directory can stop matching (no proofs). */
class ZkModelTest {

    static final String MLP = "digits_mlp";
    static List<float[]> samples;
    static JsonNode tests;

    @TempDir
    Path dir;

    @BeforeAll
    static void readSamples() {
        tests = ModelFixtures.testInputs(MLP);
        samples = ModelFixtures.samples(MLP);
    }

    private ZkModel.Compiled compile(Path out) {
        return ZkModel.compile(ModelFixtures.onnx(MLP), CompileOptions.defaults(), samples, out);
    }

    @Test
    void compiledDirectoryLoadsAndInfersLikePyTorch() throws IOException {
        ZkModel.Compiled c = compile(dir);
        assertThat(c.report().labelAgreement()).isEqualTo(1.0);
        assertThat(dir.resolve("model.onnx")).hasSameBinaryContentAs(ModelFixtures.onnx(MLP));
        ModelMetadata m = ModelMetadata.read(dir.resolve("model.json"));
        assertThat(m).isEqualTo(c.model().metadata());
        assertThat(m.circuit().constraints()).isEqualTo(2520);
        assertThat(m.circuit().power()).isEqualTo(12);
        assertThat(m.publicSignals()).hasSize(11).endsWith("label");
        assertThat(m.calibration().samples()).isEqualTo(50);
        assertThat(m.layers()).extracting(ModelMetadata.LayerCost::op)
                .containsExactly("RangeCheck(16)", "Gemm", "Relu", "Gemm", "Rescale", "Argmax", "Output");
        assertThat(m.commitment()).isEqualTo(c.model().compiledModel().commitment().toString());

        ZkModel loaded = ZkModel.load(dir);
        assertThat(loaded.metadata()).isEqualTo(m);
        for (int i = 0; i < 5; i++) {
            Inference run = loaded.infer(samples.get(i), "sample " + i);
            assertThat(run.label()).isEqualTo(tests.get("labels").get(i).asInt());
            assertThat(run.publicSignals()).hasSize(11);
            assertThat(run.clipped()).isZero();
        }
        JsonNode expected = StrictJson.MAPPER.readTree(ModelFixtures.dir(MLP).resolve("expected_output.json").toFile());
        Inference first = loaded.infer(samples.get(0), "input.json");
        JsonNode out = StrictJson.MAPPER.readTree(first.outputJson());
        assertThat(out.get("label").asInt()).isEqualTo(expected.get("label").asInt());
        for (int i = 0; i < 10; i++) {
            assertThat(out.get("output").get(i).asDouble()).isCloseTo(expected.get("output").get(i).asDouble(),
                    within(0.02));
        }
    }

    @Test
    void coarseWeightsThatRoundWholeNeuronsToZeroStillGiveAnExactLayerReport() throws IOException {
        // 3-bit weights: some hidden neurons lose every weight, and the circuit folds their activations away
        CompileOptions coarse = CompileOptions.parse("{\"weightBits\": 3}", "settings.json");
        ZkModel.Compiled c = ZkModel.compile(ModelFixtures.onnx(MLP), coarse, samples, dir);
        ModelMetadata m = ModelMetadata.read(dir.resolve("model.json"));
        int r1csConstraints = io.zkml4j.r1cs.R1csFile.read(dir.resolve("circuit.r1cs")).numConstraints();
        assertThat(m.circuit().constraints()).isEqualTo(r1csConstraints).isLessThan(2520);
        assertThat(m.layers().stream().mapToLong(ModelMetadata.LayerCost::constraints).sum())
                .isEqualTo(r1csConstraints);
        assertThat(c.model().compiledModel().constraintCount()).isEqualTo(r1csConstraints);
    }

    @Test
    void refusesADirectoryThatNoLongerMatches() throws IOException {
        compile(dir);
        Path json = dir.resolve("model.json");
        String original = Files.readString(json);

        // settings edited: the rebuilt model differs from the recorded one
        Files.writeString(json, original.replace("\"output\": 31", "\"output\": 30"));
        assertThatThrownBy(() -> ZkModel.load(dir)).isInstanceOf(ModelException.class)
                .hasMessageContaining(json + ": the model commitment of the circuit rebuilt from "
                        + dir.resolve("model.onnx"))
                .hasMessageContaining("recompile");
        // the recorded counts edited (layers too, so that model.json stays consistent)
        Files.writeString(json, original.replace("\"constraints\": 2520", "\"constraints\": 2521")
                .replace("\"constraints\": 11\n", "\"constraints\": 12\n"));
        assertThatThrownBy(() -> ZkModel.load(dir)).hasMessageContaining(json + ": the circuit rebuilt from "
                + dir.resolve("model.onnx") + " has 2520 constraints");
        // an unknown version
        Files.writeString(json, original.replace("\"version\": 1", "\"version\": 7"));
        assertThatThrownBy(() -> ZkModel.load(dir)).hasMessage(json + ": field version: unsupported version 7; this "
                + "zkml4j reads version 1 (recompile the model with this zkml4j)");
        Files.writeString(json, original);

        // the model file changed
        byte[] onnx = Files.readAllBytes(dir.resolve("model.onnx"));
        Files.write(dir.resolve("model.onnx"), Arrays.copyOf(onnx, onnx.length + 1));
        assertThatThrownBy(() -> ZkModel.load(dir)).hasMessageStartingWith(dir.resolve("model.onnx") + ": its SHA-256")
                .hasMessageContaining("differs from source.sha256");
        Files.write(dir.resolve("model.onnx"), onnx);

        // circuit.r1cs replaced by another circuit, with its hash patched into model.json
        Path other = dir.resolve("other");
        ZkModel.compile(ModelFixtures.onnx(MLP), CompileOptions.defaults(), null, other);
        Files.copy(other.resolve("circuit.r1cs"), dir.resolve("circuit.r1cs"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> ZkModel.load(dir)).hasMessageContaining("differs from circuit.r1csSha256");
        String sha = ModelDirectory.sha256(dir.resolve("circuit.r1cs"));
        String recorded = ModelMetadata.read(json).circuit().r1csSha256();
        Files.writeString(json, original.replace(recorded, sha));
        assertThatThrownBy(() -> ZkModel.load(dir)).hasMessage(dir.resolve("circuit.r1cs") + ": differs from the "
                + "circuit rebuilt from " + dir.resolve("model.onnx") + " and " + json + "; recompile the model");

        // not a model directory
        assertThatThrownBy(() -> ZkModel.load(dir.resolve("missing"))).hasMessage(dir.resolve("missing")
                + ": no such directory (expected a model directory made by zkml4j compile)");
        Files.delete(json);
        assertThatThrownBy(() -> ZkModel.load(dir)).hasMessageStartingWith(json + ": no such file; ");
    }

    @Test
    void recompilingRemovesStaleKeys() throws IOException {
        compile(dir);
        Files.writeString(dir.resolve("circuit.zkey"), "old");
        Files.writeString(dir.resolve("verification_key.json"), "{}");
        assertThat(compile(dir).removedKeys()).isTrue();
        assertThat(dir.resolve("circuit.zkey")).doesNotExist();
        assertThat(dir.resolve("verification_key.json")).doesNotExist();
        assertThatThrownBy(() -> ZkModel.load(dir).keys()).isInstanceOf(ModelException.class)
                .hasMessageContaining("no keys");
    }

    @Test
    void anInputBeyondTheCalibratedRangeIsRefusedNotMisproven() {
        ZkModel m = compile(dir).model();
        float[] big = new float[64];
        Arrays.fill(big, 100f);
        assertThatThrownBy(() -> m.infer(big, "big.json")).isInstanceOf(ModelException.class)
                .hasMessageStartingWith("big.json: the circuit cannot be satisfied for this input: ")
                .hasMessageContaining("marginBits");
        assertThatThrownBy(() -> m.infer(new float[3], "short.json"))
                .hasMessage("short.json: expected 64 input values but got 3");
    }

    @Test
    void withoutCalibrationWorstCaseWidthsAcceptEveryInputInRange() {
        ZkModel m = ZkModel.compile(ModelFixtures.onnx(MLP), CompileOptions.defaults(), null, dir).model();
        assertThat(m.metadata().calibration()).isNull();
        assertThat(m.metadata().settings().accumulatorBits()).isEmpty();
        float[] big = new float[64];
        Arrays.fill(big, 100f);
        Inference run = ZkModel.load(dir).infer(big, "big.json");
        assertThat(run.clipped()).isEqualTo(64); // saturated to the 16-bit input range, and said so
        assertThat(ZkModel.load(dir).infer(samples.get(0), "x").label()).isEqualTo(6);
    }

    @Test
    void publicInputsJoinThePublicSignals() {
        CompileOptions o = new CompileOptions(16, 12, 2, null, Visibility.PUBLIC, Visibility.PUBLIC, true);
        ZkModel m = ZkModel.compile(ModelFixtures.onnx(MLP), o, samples, dir).model();
        assertThat(m.metadata().publicSignals()).hasSize(11 + 64).contains("input[63]");
        assertThat(ZkModel.load(dir).infer(samples.get(0), "x").publicSignals()).hasSize(75);
        assertThatThrownBy(() -> ZkModel.compile(ModelFixtures.onnx(MLP),
                new CompileOptions(16, 12, 2, 10, Visibility.PRIVATE, Visibility.PUBLIC, true), samples, dir))
                .isInstanceOf(ModelException.class).hasMessageContaining("inputScale is chosen by calibration");
    }

    @Test
    void hashedInputAndOutputPublishSaltedCommitments() throws IOException {
        CompileOptions o = new CompileOptions(16, 12, 2, null, Visibility.HASHED, Visibility.HASHED, true);
        ZkModel m = ZkModel.compile(ModelFixtures.onnx(MLP), o, samples, dir).model();
        assertThat(m.metadata().publicSignals()).containsExactly("outputCommitment", "inputCommitment");
        Inference a = ZkModel.load(dir).infer(samples.get(0), "x");
        Inference b = ZkModel.load(dir).infer(samples.get(0), "x");
        assertThat(a.label()).isEqualTo(6);
        assertThat(a.salt()).isNotNull().isNotEqualTo(b.salt());
        assertThat(a.publicSignals()).isNotEqualTo(b.publicSignals()); // fresh salt, fresh commitments
        JsonNode out = StrictJson.MAPPER.readTree(a.outputJson());
        assertThat(out.get("salt").asText()).isEqualTo(a.salt().toString());
        assertThat(out.get("outputCommitment").asText()).isEqualTo(a.publicSignals().get(0).toString());
        assertThat(out.get("inputCommitment").asText()).isEqualTo(a.publicSignals().get(1).toString());
        assertThat(out.get("label").asInt()).isEqualTo(6);
    }

    @Test
    void modelsTheCompilerRefusesAreBadInputNamingTheFile() {
        Path gather = ModelFixtures.onnx("unsupported_gather");
        assertThatThrownBy(() -> ZkModel.compile(gather, CompileOptions.defaults(), null, dir))
                .isInstanceOf(ModelException.class).hasMessageContaining("model.onnx").hasMessageContaining("Gather");
    }
}
