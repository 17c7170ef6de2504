package io.zkml4j.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zkml4j.ml.graph.FloatEvaluator;
import io.zkml4j.ml.graph.ModelGraph;
import io.zkml4j.ml.graph.Node;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PyTorch-exported fixtures of {@code examples/models/} import, and the float evaluation of the
 * imported graph reproduces PyTorch: outputs within 1e-4 on {@code input.json}, identical labels on
 * all of {@code test_inputs.json}.
 */
class OnnxFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Arguments> fixtures() {
        return List.of(
                Arguments.of("digits_mlp", new int[] {1, 64}, List.of("Gemm", "Relu", "Gemm")),
                Arguments.of("digits_cnn", new int[] {1, 1, 8, 8},
                        List.of("Conv", "Relu", "Pad", "AveragePool", "Flatten", "Gemm")),
                Arguments.of("digits_bn_maxpool", new int[] {1, 1, 8, 8},
                        List.of("Conv", "Relu", "MaxPool", "BatchNormalization", "Reshape", "Gemm")),
                Arguments.of("logistic", new int[] {1, 64}, List.of("Gemm", "Sigmoid")));
    }

    private static float[] floats(JsonNode array) {
        float[] f = new float[array.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) array.get(i).asDouble();
        }
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void importsWithTheExportedStructure(String name, int[] inputShape, List<String> ops) throws Exception {
        ModelGraph g = OnnxImporter.read(Fixtures.model(name));
        assertThat(g.inputName()).isEqualTo("input");
        assertThat(g.inputShape()).containsExactly(inputShape);
        assertThat(g.outputNames()).containsExactly("output");
        assertThat(g.nodes()).extracting(Node::opType).containsExactlyElementsOf(ops);
        assertThat(g.initializers()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void floatOutputsMatchPyTorch(String name, int[] inputShape, List<String> ops) throws Exception {
        Path dir = Fixtures.modelsDir().resolve(name);
        ModelGraph g = OnnxImporter.read(dir.resolve("model.onnx"));
        float[] input = floats(JSON.readTree(dir.resolve("input.json").toFile()).get("input"));
        JsonNode expected = JSON.readTree(dir.resolve("expected_output.json").toFile());
        float[] want = floats(expected.get("output"));
        float[] got = FloatEvaluator.run(g, input);
        assertThat(got).hasSameSizeAs(want);
        for (int i = 0; i < want.length; i++) {
            assertThat(got[i]).as("%s output %d", name, i).isCloseTo(want[i], org.assertj.core.data.Offset.offset(1e-4f));
        }
        assertThat(FloatEvaluator.argmax(got)).isEqualTo(expected.get("label").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void labelsAgreeWithPyTorchOnHeldOutSamples(String name, int[] inputShape, List<String> ops) throws Exception {
        Path dir = Fixtures.modelsDir().resolve(name);
        ModelGraph g = OnnxImporter.read(dir.resolve("model.onnx"));
        JsonNode tests = JSON.readTree(dir.resolve("test_inputs.json").toFile());
        JsonNode inputs = tests.get("inputs");
        JsonNode labels = tests.get("labels");
        assertThat(inputs.size()).isEqualTo(50).isEqualTo(labels.size());
        for (int i = 0; i < inputs.size(); i++) {
            float[] out = FloatEvaluator.run(g, floats(inputs.get(i)));
            assertThat(FloatEvaluator.argmax(out)).as("%s sample %d", name, i).isEqualTo(labels.get(i).asInt());
        }
    }

    @Test
    void gatherModelFailsNamingTheOpTheNodeAndTheSupportedOps() {
        Path p = Fixtures.model("unsupported_gather");
        assertThatThrownBy(() -> OnnxImporter.read(p))
                .isInstanceOfSatisfying(UnsupportedOperatorException.class, e -> {
                    assertThat(e.opType()).isEqualTo("Gather");
                    assertThat(e.nodeName()).isEqualTo("/Gather");
                    assertThat(e.supportedOps()).contains("Gemm", "Conv", "BatchNormalization", "Softmax")
                            .doesNotContain("Gather");
                })
                .hasMessageContaining(p.toString())
                .hasMessageContaining("unsupported ONNX operator 'Gather' in node '/Gather'")
                .hasMessageContaining("AveragePool, BatchNormalization, Constant, Conv, Flatten, Gemm, Identity,"
                        + " MatMul, MaxPool, Pad, Relu, Reshape, Sigmoid, Softmax, Tanh");
    }

    @Test
    void decoderReportsOpsetAndProducer() throws Exception {
        OnnxProto.Model m = OnnxDecoder.decode(Fixtures.model("digits_mlp"));
        assertThat(m.opsets()).containsEntry("", 13L);
        assertThat(m.producerName()).isEqualTo("pytorch");
        assertThat(m.irVersion()).isEqualTo(7);
        assertThat(m.graph().initializers()).extracting(OnnxProto.Tensor::name)
                .containsExactly("fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias");
    }
}
