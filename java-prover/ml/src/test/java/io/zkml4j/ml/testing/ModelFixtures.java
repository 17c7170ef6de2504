package io.zkml4j.ml.testing;

import io.zkml4j.ml.graph.Attributes;
import io.zkml4j.ml.graph.FloatTensor;
import io.zkml4j.ml.graph.ModelGraph;
import io.zkml4j.ml.graph.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Seeded random models built in Java, as an exporter would lay them out. */
public final class ModelFixtures {
    private ModelFixtures() {}

    static float[] uniform(RandomGenerator rng, int n, double amp) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextDouble(-amp, amp);
        }
        return v;
    }

    /**
     * A 2-layer MLP {@code in → hidden (ReLU) → out} then Softmax, PyTorch-style: Gemm with
     * transB = 1, weights uniform in ±1/√fan_in (PyTorch's default init range), input [1, in].
     */
    public static ModelGraph mlp(RandomGenerator rng, int in, int hidden, int out) {
        double a1 = 1 / Math.sqrt(in), a2 = 1 / Math.sqrt(hidden);
        Attributes tb = Attributes.builder().putInt("transB", 1).build();
        return ModelGraph.builder().input("input", 1, in)
                .initializer("fc1.weight", FloatTensor.of(new int[] {hidden, in}, uniform(rng, hidden * in, a1)))
                .initializer("fc1.bias", FloatTensor.vector(uniform(rng, hidden, a1)))
                .initializer("fc2.weight", FloatTensor.of(new int[] {out, hidden}, uniform(rng, out * hidden, a2)))
                .initializer("fc2.bias", FloatTensor.vector(uniform(rng, out, a2)))
                .node(new Node("fc1", "Gemm", List.of("input", "fc1.weight", "fc1.bias"), List.of("h"), tb))
                .node(new Node("relu1", "Relu", List.of("h"), List.of("h_relu"), Attributes.empty()))
                .node(new Node("fc2", "Gemm", List.of("h_relu", "fc2.weight", "fc2.bias"), List.of("logits"), tb))
                .node(new Node("softmax", "Softmax", List.of("logits"), List.of("probs"), Attributes.empty()))
                .output("probs")
                .build();
    }

    /**
     * A small CNN on [1, 1, 6, 6]: Conv(3 filters 3×3, pad 1) → BatchNorm → Relu → {@code pool} 2×2
     * → Flatten → MatMul(27 → classes) → Add (bias). Exercises every float-level fold.
     */
    public static ModelGraph cnn(RandomGenerator rng, String pool, int classes) {
        return ModelGraph.builder().input("image", 1, 1, 6, 6)
                .initializer("conv.w", FloatTensor.of(new int[] {3, 1, 3, 3}, uniform(rng, 27, 1 / 3.0)))
                .initializer("conv.b", FloatTensor.vector(uniform(rng, 3, 0.3)))
                .initializer("bn.gamma", FloatTensor.vector(1.2f, 0.8f, 1.0f))
                .initializer("bn.beta", FloatTensor.vector(0.1f, -0.2f, 0.05f))
                .initializer("bn.mean", FloatTensor.vector(0.05f, -0.1f, 0.0f))
                .initializer("bn.var", FloatTensor.vector(0.5f, 1.5f, 0.9f))
                .initializer("fc.w", FloatTensor.of(new int[] {27, classes}, uniform(rng, 27 * classes, 1 / Math.sqrt(27))))
                .initializer("fc.b", FloatTensor.vector(uniform(rng, classes, 0.2)))
                .node(new Node("conv", "Conv", List.of("image", "conv.w", "conv.b"), List.of("c"),
                        Attributes.builder().putInts("kernel_shape", 3, 3).putInts("pads", 1, 1, 1, 1).build()))
                .node(new Node("bn", "BatchNormalization", List.of("c", "bn.gamma", "bn.beta", "bn.mean", "bn.var"),
                        List.of("c_bn"), Attributes.builder().putFloat("epsilon", 1e-5f).build()))
                .node(new Node("relu", "Relu", List.of("c_bn"), List.of("c_relu"), Attributes.empty()))
                .node(new Node("pool", pool, List.of("c_relu"), List.of("p"),
                        Attributes.builder().putInts("kernel_shape", 2, 2).putInts("strides", 2, 2).build()))
                .node(new Node("flatten", "Flatten", List.of("p"), List.of("f"), Attributes.empty()))
                .node(new Node("fc", "MatMul", List.of("f", "fc.w"), List.of("mm"), Attributes.empty()))
                .node(new Node("fc_bias", "Add", List.of("mm", "fc.b"), List.of("logits"), Attributes.empty()))
                .output("logits")
                .build();
    }

    /** {@code n} samples with standard normal entries. */
    public static List<float[]> gaussianSamples(RandomGenerator rng, int n, int size) {
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] x = new float[size];
            for (int j = 0; j < size; j++) {
                x[j] = (float) rng.nextGaussian();
            }
            out.add(x);
        }
        return out;
    }

    /**
     * Logistic regression {@code in → out} then {@code activation} (Sigmoid: one-vs-rest, or a binary
     * classifier for {@code out = 1}; Tanh), as scikit-learn weights exported through PyTorch: Gemm with
     * transB = 1, weights uniform in ±{@code amp}.
     */
    public static ModelGraph logistic(RandomGenerator rng, int in, int out, String activation, double amp) {
        Attributes tb = Attributes.builder().putInt("transB", 1).build();
        return ModelGraph.builder().input("input", 1, in)
                .initializer("w", FloatTensor.of(new int[] {out, in}, uniform(rng, out * in, amp)))
                .initializer("b", FloatTensor.vector(uniform(rng, out, amp)))
                .node(new Node("linear", "Gemm", List.of("input", "w", "b"), List.of("logits"), tb))
                .node(new Node("act", activation, List.of("logits"), List.of("output"), Attributes.empty()))
                .output("output")
                .build();
    }

    /** {@code in → hidden (Tanh) → out}: a Tanh inside the network. */
    public static ModelGraph tanhMlp(RandomGenerator rng, int in, int hidden, int out) {
        double a1 = 1 / Math.sqrt(in), a2 = 1 / Math.sqrt(hidden);
        Attributes tb = Attributes.builder().putInt("transB", 1).build();
        return ModelGraph.builder().input("input", 1, in)
                .initializer("fc1.weight", FloatTensor.of(new int[] {hidden, in}, uniform(rng, hidden * in, a1)))
                .initializer("fc1.bias", FloatTensor.vector(uniform(rng, hidden, a1)))
                .initializer("fc2.weight", FloatTensor.of(new int[] {out, hidden}, uniform(rng, out * hidden, 3 * a2)))
                .initializer("fc2.bias", FloatTensor.vector(uniform(rng, out, a2)))
                .node(new Node("fc1", "Gemm", List.of("input", "fc1.weight", "fc1.bias"), List.of("h"), tb))
                .node(new Node("tanh1", "Tanh", List.of("h"), List.of("h_tanh"), Attributes.empty()))
                .node(new Node("fc2", "Gemm", List.of("h_tanh", "fc2.weight", "fc2.bias"), List.of("logits"), tb))
                .output("logits")
                .build();
    }
}
