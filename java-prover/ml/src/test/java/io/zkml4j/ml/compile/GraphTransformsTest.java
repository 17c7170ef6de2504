package io.zkml4j.ml.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.zkml4j.circuit.testing.Runs;
import io.zkml4j.ml.graph.Attributes;
import io.zkml4j.ml.graph.FloatEvaluator;
import io.zkml4j.ml.graph.FloatTensor;
import io.zkml4j.ml.graph.ModelGraph;
import io.zkml4j.ml.graph.Node;
import io.zkml4j.ml.testing.ModelFixtures;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class GraphTransformsTest {

    private static void assertSameFloatOutputs(ModelGraph a, ModelGraph b, String output, RandomGenerator rng) {
        for (float[] x : ModelFixtures.gaussianSamples(rng, 20, a.inputSize())) {
            float[] ya = FloatEvaluator.runAll(a, x).get(output).data();
            float[] yb = FloatEvaluator.runAll(b, x).get(output).data();
            for (int i = 0; i < ya.length; i++) {
                assertThat(yb[i]).isCloseTo(ya[i], within(1e-4f * (1 + Math.abs(ya[i]))));
            }
        }
    }

    @Test
    void cnnFoldsBatchNormAndBiasAddKeepingTheFloatOutputs() {
        RandomGenerator rng = Runs.rng("GraphTransformsTest.cnn");
        ModelGraph g = ModelFixtures.cnn(rng, "MaxPool", 4);
        ModelGraph c = GraphTransforms.canonicalize(g);
        assertThat(c.nodes()).extracting(Node::opType)
                .containsExactly("Conv", "Relu", "MaxPool", "Flatten", "Gemm");
        assertThat(c.nodes().get(0).output()).isEqualTo("c_bn");
        assertThat(c.nodes().get(4).output()).isEqualTo("logits");
        assertSameFloatOutputs(g, c, "logits", rng);
    }

    @Test
    void gemmAlphaBetaTransposeIdentityAndBatchNormFold() {
        RandomGenerator rng = Runs.rng("GraphTransformsTest.gemm");
        float[] w = new float[15];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) rng.nextGaussian();
        }
        ModelGraph g = ModelGraph.builder().input("x", 1, 5)
                .initializer("W", FloatTensor.of(new int[] {5, 3}, w)) // [K, N], transB = 0
                .initializer("C", FloatTensor.of(new int[] {1, 3}, new float[] {0.5f, -1f, 2f}))
                .initializer("g", FloatTensor.vector(1.5f, 0.5f, 2f))
                .initializer("b", FloatTensor.vector(0.1f, 0.2f, 0.3f))
                .initializer("m", FloatTensor.vector(-0.3f, 0.2f, 0f))
                .initializer("v", FloatTensor.vector(0.7f, 1.1f, 2f))
                .node(Node.of("Identity", List.of("x"), "x2"))
                .node(Node.of("Gemm", List.of("x2", "W", "C"), "y",
                        Attributes.builder().putFloat("alpha", 0.5f).putFloat("beta", 2f).build()))
                .node(Node.of("BatchNormalization", List.of("y", "g", "b", "m", "v"), "z"))
                .node(Node.of("Relu", List.of("z"), "out"))
                .output("out")
                .build();
        ModelGraph c = GraphTransforms.canonicalize(g);
        assertThat(c.nodes()).extracting(Node::opType).containsExactly("Gemm", "Relu");
        assertThat(c.nodes().get(0).attributes().getInt("transB", 0)).isEqualTo(1);
        assertSameFloatOutputs(g, c, "out", rng);
    }

    @Test
    void addUsedTwiceIsNotFolded() {
        ModelGraph g = ModelGraph.builder().input("x", 1, 2)
                .initializer("W", FloatTensor.of(new int[] {2, 2}, new float[] {1, 2, 3, 4}))
                .initializer("c", FloatTensor.vector(1, 1))
                .node(Node.of("MatMul", List.of("x", "W"), "y"))
                .node(Node.of("Add", List.of("y", "c"), "z"))
                .output("z").output("y")
                .build();
        assertThat(GraphTransforms.canonicalize(g).nodes()).extracting(Node::opType).containsExactly("Gemm", "Add");
    }

    /** Conv → Relu → MaxPool → BatchNorm → Reshape → MatMul + Add, as digits_bn_maxpool is exported. */
    static ModelGraph batchNormAfterPool(RandomGenerator rng, String afterBn) {
        float[] w = new float[2 * 9];
        float[] fc = new float[3 * 8];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) rng.nextGaussian() / 3;
        }
        for (int i = 0; i < fc.length; i++) {
            fc[i] = (float) rng.nextGaussian() / 3;
        }
        ModelGraph.Builder b = ModelGraph.builder().input("x", 1, 1, 4, 4)
                .initializer("w", FloatTensor.of(new int[] {2, 1, 3, 3}, w))
                .initializer("g", FloatTensor.vector(1.5f, 0.7f))
                .initializer("b", FloatTensor.vector(0.1f, -0.2f))
                .initializer("m", FloatTensor.vector(0.3f, 0.05f))
                .initializer("v", FloatTensor.vector(0.04f, 1e-30f)) // a dead channel, as in the fixture
                .initializer("shape", FloatTensor.of(new int[] {2}, new float[] {-1, 8}))
                .initializer("fc", FloatTensor.of(new int[] {8, 3}, fc))
                .initializer("fcb", FloatTensor.vector(0.2f, -0.1f, 0f))
                .node(new Node("conv", "Conv", List.of("x", "w"), List.of("c"),
                        Attributes.builder().putInts("pads", 1, 1, 1, 1).build()))
                .node(Node.of("Relu", List.of("c"), "r"))
                .node(Node.of("MaxPool", List.of("r"), "p",
                        Attributes.builder().putInts("kernel_shape", 2, 2).putInts("strides", 2, 2).build()))
                .node(new Node("bn", "BatchNormalization", List.of("p", "g", "b", "m", "v"), List.of("n"),
                        Attributes.empty()));
        if (afterBn.equals("Relu")) {
            b.node(Node.of("Relu", List.of("n"), "n2")).node(Node.of("Reshape", List.of("n2", "shape"), "f"));
        } else {
            b.node(Node.of("Reshape", List.of("n", "shape"), "f"));
        }
        return b.node(Node.of("MatMul", List.of("f", "fc"), "mm")).node(Node.of("Add", List.of("mm", "fcb"), "out"))
                .output("out").build();
    }

    @Test
    void batchNormAfterPoolingFoldsForwardIntoTheNextGemm() {
        RandomGenerator rng = Runs.rng("GraphTransformsTest.forward");
        ModelGraph g = batchNormAfterPool(rng, "Reshape");
        ModelGraph c = GraphTransforms.canonicalize(g);
        assertThat(c.nodes()).extracting(Node::opType).containsExactly("Conv", "Relu", "MaxPool", "Reshape", "Gemm");
        assertThat(c.nodes().get(3).input(0)).isEqualTo("p");
        assertSameFloatOutputs(g, c, "out", rng);
        // a Relu between them blocks the fold (it does not commute with the affine map)
        ModelGraph blocked = GraphTransforms.canonicalize(batchNormAfterPool(rng, "Relu"));
        assertThat(blocked.nodes()).extracting(Node::opType).contains("BatchNormalization");
    }
}
