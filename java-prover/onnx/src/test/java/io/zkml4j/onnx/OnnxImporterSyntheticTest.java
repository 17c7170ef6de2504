package io.zkml4j.onnx;

import static io.zkml4j.onnx.OnnxBuilder.floatDataTensor;
import static io.zkml4j.onnx.OnnxBuilder.gemmGraph;
import static io.zkml4j.onnx.OnnxBuilder.int64Tensor;
import static io.zkml4j.onnx.OnnxBuilder.intAttr;
import static io.zkml4j.onnx.OnnxBuilder.model;
import static io.zkml4j.onnx.OnnxBuilder.node;
import static io.zkml4j.onnx.OnnxBuilder.rawFloatTensor;
import static io.zkml4j.onnx.OnnxBuilder.tensorAttr;
import static io.zkml4j.onnx.OnnxBuilder.valueInfo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.ml.graph.FloatEvaluator;
import io.zkml4j.ml.graph.ModelGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-built ONNX files (via {@link ProtoWriter}) for the cases the exported fixtures do not reach. */
class OnnxImporterSyntheticTest {
    @TempDir
    Path dir;

    private Path write(ProtoWriter model) throws Exception {
        Path p = dir.resolve("m" + System.nanoTime() + ".onnx");
        Files.write(p, model.toByteArray());
        return p;
    }

    private ModelGraph importModel(ProtoWriter model) throws Exception {
        return OnnxImporter.read(write(model));
    }

    @Test
    void floatDataAndRawDataInitializersGiveTheSameGemm() throws Exception {
        ModelGraph g = importModel(model(13, gemmGraph()));
        assertThat(g.inputName()).isEqualTo("x");
        assertThat(g.inputShape()).containsExactly(1, 3);
        assertThat(g.initializer("W").data()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(g.initializer("b").data()).containsExactly(0.5f, -1f);
        assertThat(g.nodes()).singleElement().satisfies(n -> {
            assertThat(n.opType()).isEqualTo("Gemm");
            assertThat(n.name()).isEqualTo("fc");
            assertThat(n.attributes().getInt("transB", 0)).isEqualTo(1);
        });
        // y = W·x + b for x = [1, -1, 2]: [1-2+6+0.5, 4-5+12-1] = [5.5, 10]
        assertThat(FloatEvaluator.run(g, new float[] {1, -1, 2})).containsExactly(5.5f, 10f);
    }

    @ParameterizedTest
    @ValueSource(ints = {11, 12, 13, 14, 15, 16, 17})
    void acceptsOpsets11To17(int opset) throws Exception {
        assertThat(importModel(model(opset, gemmGraph())).nodes()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 9, 10, 18, 21})
    void rejectsOtherOpsets(int opset) throws Exception {
        Path p = write(model(opset, gemmGraph()));
        assertThatThrownBy(() -> OnnxImporter.read(p)).isInstanceOf(ModelImportException.class)
                .hasMessageContaining(p.toString())
                .hasMessageContaining("ONNX opset " + opset + " is not supported")
                .hasMessageContaining("opsets 11 to 17");
    }

    @Test
    void rejectsAModelWithoutDefaultDomainOpset() throws Exception {
        ProtoWriter m = ProtoWriter.create().varint(1, 8)
                .message(8, ProtoWriter.create().string(1, "ai.onnx.ml").varint(2, 3)).message(7, gemmGraph());
        assertThatThrownBy(() -> importModel(m)).hasMessageContaining("no entry for the default domain");
    }

    @Test
    void rejectsAFileWithoutGraph() throws Exception {
        ProtoWriter m = ProtoWriter.create().varint(1, 8).message(8, ProtoWriter.create().varint(2, 13));
        assertThatThrownBy(() -> importModel(m)).isInstanceOf(ModelImportException.class)
                .hasMessageContaining("ModelProto.graph: missing (field 7)");
    }

    @Test
    void errorsNameTheMessagePath() throws Exception {
        // The second initializer's raw_data is cut short: the path and the problem are both named.
        ProtoWriter g = ProtoWriter.create()
                .message(5, floatDataTensor("W", new long[] {2, 3}, 1, 2, 3, 4, 5, 6))
                .message(5, ProtoWriter.create().string(8, "b").tag(9, 2).rawVarint(100).rawVarint(1));
        Path p = write(model(13, g));
        assertThatThrownBy(() -> OnnxImporter.read(p)).isInstanceOf(ModelImportException.class)
                .hasMessageContaining(p.toString())
                .hasMessageContaining("ModelProto.graph.initializer[1]: raw_data: length 100 exceeds the 1 bytes left");
    }

    @Test
    void rawDataLengthMustMatchDims() throws Exception {
        ProtoWriter g = gemmGraph().message(5, rawFloatTensor("extra", new long[] {3}, 1f, 2f));
        assertThatThrownBy(() -> importModel(model(13, g)))
                .hasMessageContaining("initializer[2] 'extra': raw_data has 8 bytes, dims [3] need 12");
    }

    @Test
    void unsupportedElementTypeAndExternalDataAreRejected() throws Exception {
        ProtoWriter dbl = ProtoWriter.create().packedLongs(1, 1).varint(2, 11).string(8, "d").bytes(9, new byte[8]);
        assertThatThrownBy(() -> importModel(model(13, gemmGraph().message(5, dbl))))
                .hasMessageContaining("'d': element type DOUBLE (11) is not supported");
        ProtoWriter ext = ProtoWriter.create().packedLongs(1, 1).varint(2, 1).string(8, "e").varint(14, 1);
        assertThatThrownBy(() -> importModel(model(13, gemmGraph().message(5, ext))))
                .hasMessageContaining("'e': stores its data in an external file");
    }

    @Test
    void constantNodeBecomesAnInitializerAndFeedsReshape() throws Exception {
        ProtoWriter g = ProtoWriter.create()
                .message(1, node("Constant", "shape", new String[0], new String[] {"s"},
                        tensorAttr("value", int64Tensor("", new long[] {2}, 1, -1))))
                .message(1, node("Reshape", "flat", new String[] {"x", "s"}, new String[] {"y"}))
                .message(11, valueInfo("x", 1, 2, 3))
                .message(12, valueInfo("y", 1, 6));
        ModelGraph m = importModel(model(13, g));
        assertThat(m.initializer("s").asLongs()).containsExactly(1, -1);
        assertThat(m.nodes()).extracting(n -> n.opType()).containsExactly("Reshape");
        assertThat(FloatEvaluator.run(m, new float[] {1, 2, 3, 4, 5, 6})).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void attributeTypeIsInferredWhenTheFileOmitsIt() throws Exception {
        ProtoWriter g = ProtoWriter.create()
                .message(1, node("Flatten", "f", new String[] {"x"}, new String[] {"y"},
                        ProtoWriter.create().string(1, "axis").varint(3, 2)))
                .message(11, valueInfo("x", 1, 2, 3, 4))
                .message(12, valueInfo("y", 2, 12));
        ModelGraph m = importModel(model(13, g));
        assertThat(m.nodes().get(0).attributes().getInt("axis", 1)).isEqualTo(2);
    }

    @Test
    void symbolicBatchDimensionBecomesOne() throws Exception {
        ProtoWriter g = ProtoWriter.create()
                .message(1, node("Relu", "r", new String[] {"x"}, new String[] {"y"}))
                .message(11, valueInfo("x", -1, 4))
                .message(12, valueInfo("y", -1, 4));
        assertThat(importModel(model(13, g)).inputShape()).containsExactly(1, 4);
        ProtoWriter bad = ProtoWriter.create()
                .message(1, node("Relu", "r", new String[] {"x"}, new String[] {"y"}))
                .message(11, valueInfo("x", 1, -1))
                .message(12, valueInfo("y", 1, 4));
        assertThatThrownBy(() -> importModel(model(13, bad))).hasMessageContaining("dimension 1 is symbolic");
    }

    @Test
    void declaredOutputShapeIsChecked() throws Exception {
        ProtoWriter g = ProtoWriter.create()
                .message(1, node("Relu", "r", new String[] {"x"}, new String[] {"y"}))
                .message(11, valueInfo("x", 1, 4))
                .message(12, valueInfo("y", 1, 5));
        assertThatThrownBy(() -> importModel(model(13, g)))
                .hasMessageContaining("GraphProto.output 'y': declared dimension 1 = 5 but the graph computes shape [1, 4]");
    }

    @Test
    void shapeMismatchNamesTheNode() throws Exception {
        ProtoWriter g = ProtoWriter.create()
                .message(1, node("Gemm", "fc1", new String[] {"x", "W"}, new String[] {"y"}, intAttr("transB", 1)))
                .message(5, floatDataTensor("W", new long[] {2, 3}, 1, 2, 3, 4, 5, 6))
                .message(11, valueInfo("x", 1, 4))
                .message(12, valueInfo("y", 1, 2));
        assertThatThrownBy(() -> importModel(model(13, g)))
                .hasMessageContaining("node 'fc1' (Gemm): inner dimensions differ");
    }

    @Test
    void undefinedTensorAndExtraInputsAreRejected() throws Exception {
        ProtoWriter g = ProtoWriter.create()
                .message(1, node("Add", "add", new String[] {"x", "ghost"}, new String[] {"y"}))
                .message(11, valueInfo("x", 1, 4))
                .message(12, valueInfo("y", 1, 4));
        assertThatThrownBy(() -> importModel(model(13, g)))
                .hasMessageContaining("node 'add' (Add): reads 'ghost', which is neither");
        ProtoWriter two = ProtoWriter.create()
                .message(1, node("Add", "add", new String[] {"x", "z"}, new String[] {"y"}))
                .message(11, valueInfo("x", 1, 4))
                .message(11, valueInfo("z", 1, 4))
                .message(12, valueInfo("y", 1, 4));
        assertThatThrownBy(() -> importModel(model(13, two)))
                .hasMessageContaining("expected exactly one non-initializer input, found [x, z]");
    }

    @Test
    void nodeInAnotherDomainIsUnsupported() throws Exception {
        ProtoWriter g = ProtoWriter.create()
                .message(1, node("Relu", "custom", new String[] {"x"}, new String[] {"y"}).string(7, "com.example"))
                .message(11, valueInfo("x", 1, 4))
                .message(12, valueInfo("y", 1, 4));
        assertThatThrownBy(() -> importModel(model(13, g))).isInstanceOf(UnsupportedOperatorException.class)
                .hasMessageContaining("'com.example.Relu' in node 'custom'");
    }

    @Test
    void opset11SoftmaxOverTheLastAxisMapsToAnExplicitAxis() throws Exception {
        ProtoWriter g = ProtoWriter.create()
                .message(1, node("Softmax", "sm", new String[] {"x"}, new String[] {"y"}))
                .message(11, valueInfo("x", 1, 3))
                .message(12, valueInfo("y", 1, 3));
        ModelGraph m = importModel(model(11, g));
        assertThat(m.nodes().get(0).attributes().getInt("axis", -99)).isEqualTo(1);
        float[] y = FloatEvaluator.run(m, new float[] {0, 0, (float) Math.log(2)});
        assertThat(y).containsExactly(0.25f, 0.25f, 0.5f);
        ProtoWriter flattening = ProtoWriter.create()
                .message(1, node("Softmax", "sm", new String[] {"x"}, new String[] {"y"}))
                .message(11, valueInfo("x", 1, 2, 3))
                .message(12, valueInfo("y", 1, 2, 3));
        assertThatThrownBy(() -> importModel(model(11, flattening)))
                .hasMessageContaining("opset-11 Softmax over the flattened axes 1..2");
    }

    @Test
    void missingFileAndEmptyFileAreReported() throws Exception {
        Path missing = dir.resolve("nope.onnx");
        assertThatThrownBy(() -> OnnxImporter.read(missing)).isInstanceOf(ModelImportException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("cannot read");
        Path empty = Files.write(dir.resolve("empty.onnx"), new byte[0]);
        assertThatThrownBy(() -> OnnxImporter.read(empty)).hasMessageContaining("empty file");
    }
}
