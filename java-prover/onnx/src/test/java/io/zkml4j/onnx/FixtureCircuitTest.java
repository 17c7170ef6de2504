package io.zkml4j.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.Circuit;
import io.zkml4j.circuit.R1csBuilder;
import io.zkml4j.circuit.testing.ConstraintCountSnapshot;
import io.zkml4j.ml.compile.Calibrator;
import io.zkml4j.ml.compile.CompiledModel;
import io.zkml4j.ml.compile.Commitments;
import io.zkml4j.ml.compile.LayerCost;
import io.zkml4j.ml.compile.ModelCompiler;
import io.zkml4j.ml.compile.PublicSignalLayout;
import io.zkml4j.ml.compile.Visibility;
import io.zkml4j.ml.graph.ModelGraph;
import io.zkml4j.ml.testing.ModelChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The four PyTorch fixtures of {@code examples/models/} go through the whole pipeline: import,
 * calibration on their bundled {@code test_inputs.json} with the default options, quantized labels
 * against PyTorch's and the float evaluator's, R1CS witnesses that satisfy the system with public
 * signals equal to the integer reference, a per-layer constraint report that sums to the counted
 * circuit, and exact constraint counts pinned in {@code src/test/resources/fixture-constraint-counts.csv}
 * (update with {@code -Dzkml.counts.update=true}, refused on CI).
 */
class FixtureCircuitTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CSV = Path.of("src/test/resources/fixture-constraint-counts.csv");
    private static final List<String> FIXTURES = List.of("digits_mlp", "digits_cnn", "digits_bn_maxpool", "logistic");
    /** The targets. */
    private static final Map<String, Long> TARGETS = Map.of("digits_mlp", 5_000L, "digits_cnn", 50_000L);

    record Fixture(ModelGraph graph, List<float[]> inputs, int[] torchLabels, Calibrator.Result calibration) {}

    private static final Map<String, Fixture> CACHE = new ConcurrentHashMap<>();

    static Fixture fixture(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try {
                Path dir = Fixtures.modelsDir().resolve(n);
                ModelGraph g = OnnxImporter.read(dir.resolve("model.onnx"));
                JsonNode tests = JSON.readTree(dir.resolve("test_inputs.json").toFile());
                List<float[]> xs = new ArrayList<>();
                for (JsonNode a : tests.get("inputs")) {
                    float[] f = new float[a.size()];
                    for (int i = 0; i < f.length; i++) {
                        f[i] = (float) a.get(i).asDouble();
                    }
                    xs.add(f);
                }
                int[] labels = new int[tests.get("labels").size()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = tests.get("labels").get(i).asInt();
                }
                return new Fixture(g, xs, labels, Calibrator.calibrate(g, xs));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"digits_mlp", "digits_cnn", "digits_bn_maxpool", "logistic"})
    void quantizedLabelsAgreeWithPyTorchAndTheFloatModel(String name) {
        Fixture f = fixture(name);
        CompiledModel model = f.calibration().model();
        int torch = 0, floats = 0;
        for (int i = 0; i < f.inputs().size(); i++) {
            int label = model.predict(model.quantizeInput(f.inputs().get(i)));
            torch += label == f.torchLabels()[i] ? 1 : 0;
            floats += label == model.floatLabel(f.inputs().get(i)) ? 1 : 0;
        }
        assertThat(f.inputs()).hasSize(50);
        // measured: 50/50 for each fixture
        assertThat(torch).as("%s: labels equal to PyTorch's", name).isGreaterThanOrEqualTo(49);
        assertThat(floats).as("%s: labels equal to the float evaluator's", name).isGreaterThanOrEqualTo(49);
        assertThat(f.calibration().report().labelAgreement()).isEqualTo(floats / 50.0);
        assertThat(f.calibration().report().unsatisfiable()).isZero();
        assertThat(f.calibration().report().warning()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"digits_mlp", "digits_cnn", "digits_bn_maxpool", "logistic"})
    void witnessesSatisfyTheR1csWithTheReferenceOutputs(String name) {
        Fixture f = fixture(name);
        CompiledModel model = f.calibration().model();
        for (int i : new int[] {0, 17, 49}) {
            long[] q = model.quantizeInput(f.inputs().get(i));
            R1csBuilder.Result r = R1csBuilder.build(model.circuitFor(q));
            assertThat(r.r1cs().check(r.witness()).isSatisfied()).as("%s sample %d", name, i).isTrue();
            List<Fr> signals = model.publicSignals(q);
            assertThat(r.publicSignals()).isEqualTo(signals);
            assertThat(signals.get(model.publicSignalLayout().indexOf(PublicSignalLayout.LABEL)))
                    .isEqualTo(Fr.of(f.torchLabels()[i]));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"digits_mlp", "digits_cnn", "digits_bn_maxpool", "logistic"})
    void layerCostsSumToTheCountedCircuitAndMeetTheTargets(String name) {
        CompiledModel model = fixture(name).calibration().model();
        ModelChecks.assertLayerCostsMatchTheCircuit(model);
        if (TARGETS.containsKey(name)) {
            assertThat(model.constraintCount()).as(name).isLessThanOrEqualTo(TARGETS.get(name));
        }
        System.out.println(name + ": " + fixture(name).calibration().report() + "; " + model.settings());
        for (LayerCost c : model.layerCosts()) {
            System.out.println(name + ": " + c);
        }
    }

    @Test
    void logisticWithHashedInputAndOutputCommitsToTheImageAndTheLabel() {
        Fixture f = fixture("logistic");
        CompiledModel model = ModelCompiler.compile(f.graph(), f.calibration().settings()
                .withInputVisibility(Visibility.HASHED).withOutputVisibility(Visibility.HASHED));
        assertThat(model.publicSignalLayout().names()).containsExactly("outputCommitment", "inputCommitment");
        long[] q = model.quantizeInput(f.inputs().get(3));
        Fr salt = Commitments.randomSalt(new java.security.SecureRandom());
        R1csBuilder.Result r = R1csBuilder.build(model.circuitFor(q, salt));
        assertThat(r.r1cs().check(r.witness()).isSatisfied()).isTrue();
        assertThat(r.publicSignals()).containsExactly(model.outputCommitment(q, salt), model.inputCommitment(q, salt));
        assertThat(model.commitment()).isNotEqualTo(f.calibration().model().commitment());
        ModelChecks.assertLayerCostsMatchTheCircuit(model);
    }

    @Test
    void constraintCountsMatchTheSnapshot() {
        Map<String, Circuit> circuits = new LinkedHashMap<>();
        for (String name : FIXTURES) {
            circuits.put(name, fixture(name).calibration().model().circuitFor(null, null));
        }
        Fixture lr = fixture("logistic");
        circuits.put("logistic_hashed_input_and_output", ModelCompiler.compile(lr.graph(), lr.calibration().settings()
                .withInputVisibility(Visibility.HASHED).withOutputVisibility(Visibility.HASHED)).circuitFor(null, null));
        ConstraintCountSnapshot.assertMatches(CSV, circuits);
    }
}
