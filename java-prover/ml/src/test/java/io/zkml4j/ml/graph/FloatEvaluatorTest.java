package io.zkml4j.ml.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FloatEvaluatorTest {

    private static ModelGraph single(int[] inShape, Node node, FloatTensor... inits) {
        ModelGraph.Builder b = ModelGraph.builder().input("x", inShape);
        for (int i = 0; i < inits.length; i++) {
            b.initializer("w" + i, inits[i]);
        }
        return b.node(node).output(node.output()).build();
    }

    @Test
    void gemmWithTransBAndBiasMatchesHandComputation() {
        // W is [N=2, K=3] with transB = 1
        FloatTensor w = FloatTensor.of(new int[] {2, 3}, new float[] {1, 2, 3, -1, 0, 1});
        FloatTensor b = FloatTensor.vector(0.5f, -0.5f);
        ModelGraph g = single(new int[] {1, 3}, Node.of("Gemm", List.of("x", "w0", "w1"), "y",
                Attributes.builder().putInt("transB", 1).build()), w, b);
        assertThat(FloatEvaluator.run(g, new float[] {1, 1, 2})).containsExactly(9.5f, 0.5f);
    }

    @Test
    void convMatchesHandComputationWithPaddingAndStride() {
        // 1x1x3x3 input, one 2x2 kernel of ones, pad 1 each side, stride 2 → 2x2 output of window sums
        FloatTensor w = FloatTensor.of(new int[] {1, 1, 2, 2}, new float[] {1, 1, 1, 1});
        ModelGraph g = single(new int[] {1, 1, 3, 3}, Node.of("Conv", List.of("x", "w0"), "y",
                Attributes.builder().putInts("pads", 1, 1, 1, 1).putInts("strides", 2, 2).build()), w);
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        // windows (rows -1..0, cols -1..0) = 1; (rows -1..0, cols 1..2) = 2+3; (rows 1..2, cols -1..0) = 4+7; rest 5+6+8+9
        assertThat(FloatEvaluator.run(g, x)).containsExactly(1, 5, 11, 28);
    }

    @Test
    void poolsPadFlattenReshapeSoftmax() {
        float[] x = {1, -2, 3, 4, 5, 6, -7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
        Attributes k2 = Attributes.builder().putInts("kernel_shape", 2, 2).putInts("strides", 2, 2).build();
        assertThat(FloatEvaluator.run(single(new int[] {1, 1, 4, 4}, Node.of("MaxPool", List.of("x"), "y", k2)), x))
                .containsExactly(6, 8, 14, 16);
        assertThat(FloatEvaluator.run(single(new int[] {1, 1, 4, 4}, Node.of("AveragePool", List.of("x"), "y", k2)),
                x)).containsExactly(2.5f, 2f, 11.5f, 13.5f);
        ModelGraph pad = single(new int[] {1, 2}, Node.of("Pad", List.of("x", "w0"), "y"),
                FloatTensor.ofLongs(new int[] {4}, new long[] {0, 1, 0, 2}));
        assertThat(FloatEvaluator.run(pad, new float[] {3, 4})).containsExactly(0, 3, 4, 0, 0);
        ModelGraph flat = single(new int[] {1, 2, 2, 2}, Node.of("Flatten", List.of("x"), "y"));
        assertThat(FloatEvaluator.runAll(flat, new float[8]).get("y").shape()).containsExactly(1, 8);
        ModelGraph reshape = single(new int[] {1, 2, 2, 2}, Node.of("Reshape", List.of("x", "w0"), "y"),
                FloatTensor.ofLongs(new int[] {2}, new long[] {0, -1}));
        assertThat(FloatEvaluator.runAll(reshape, new float[8]).get("y").shape()).containsExactly(1, 8);
        float[] sm = FloatEvaluator.run(single(new int[] {1, 3}, Node.of("Softmax", List.of("x"), "y")),
                new float[] {0, (float) Math.log(2), (float) Math.log(5)});
        assertThat(sm[0]).isCloseTo(0.125f, within(1e-6f));
        assertThat(sm[2]).isCloseTo(0.625f, within(1e-6f));
    }

    @Test
    void batchNormAddAndActivations() {
        ModelGraph bn = single(new int[] {1, 2, 1, 1}, Node.of("BatchNormalization",
                List.of("x", "w0", "w1", "w2", "w3"), "y", Attributes.builder().putFloat("epsilon", 0f).build()),
                FloatTensor.vector(2, 1), FloatTensor.vector(1, 0), FloatTensor.vector(1, 1), FloatTensor.vector(4, 1));
        assertThat(FloatEvaluator.run(bn, new float[] {3, 5})).containsExactly(3, 4);
        ModelGraph add = single(new int[] {2, 2}, Node.of("Add", List.of("x", "w0"), "y"), FloatTensor.vector(10, 20));
        assertThat(FloatEvaluator.run(add, new float[] {1, 2, 3, 4})).containsExactly(11, 22, 13, 24);
        assertThat(FloatEvaluator.run(single(new int[] {3}, Node.of("Relu", List.of("x"), "y")),
                new float[] {-1, 0, 2})).containsExactly(0, 0, 2);
        assertThat(FloatEvaluator.run(single(new int[] {1}, Node.of("Sigmoid", List.of("x"), "y")),
                new float[] {0})).containsExactly(0.5f);
        assertThat(FloatEvaluator.run(single(new int[] {1}, Node.of("Tanh", List.of("x"), "y")),
                new float[] {0})).containsExactly(0f);
    }

    @Test
    void builderRejectsDanglingInputsAndUnsupportedOps() {
        assertThatThrownBy(() -> ModelGraph.builder().input("x", 1, 2)
                .node(Node.of("Relu", List.of("nope"), "y")).output("y").build())
                .hasMessageContaining("'nope'");
        ModelGraph g = single(new int[] {2}, Node.of("Erf", List.of("x"), "y"));
        assertThatThrownBy(() -> FloatEvaluator.run(g, new float[2])).hasMessageContaining("Unsupported op type Erf");
    }
}
