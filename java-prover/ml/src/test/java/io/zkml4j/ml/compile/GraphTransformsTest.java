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
}
