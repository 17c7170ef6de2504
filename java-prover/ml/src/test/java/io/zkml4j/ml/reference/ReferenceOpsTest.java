package io.zkml4j.ml.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.circuit.testing.Runs;
import io.zkml4j.ml.graph.Attributes;
import io.zkml4j.ml.graph.FloatEvaluator;
import io.zkml4j.ml.graph.FloatEvaluator.ConvParams;
import io.zkml4j.ml.graph.FloatEvaluator.PoolParams;
import io.zkml4j.ml.graph.FloatTensor;
import io.zkml4j.ml.graph.ModelGraph;
import io.zkml4j.ml.graph.Node;
import io.zkml4j.ml.tensor.QuantizedTensor;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The integer reference against the float evaluator, within the stated quantization error, and
 * the rounding rules on edge values.
 */
class ReferenceOpsTest {

    private static final int S = 8;   // activation scale
    private static final int SW = 9;  // weight scale

    private static float[] uniform(RandomGenerator rng, int n, float amp) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextDouble(-amp, amp);
        }
        return v;
    }

    private static long[] q(float[] v, int s) {
        return QuantizedTensor.quantize(new int[] {v.length}, v, s).values();
    }

    private static float[] run(Node node, int[] inShape, float[] x, FloatTensor... inits) {
        ModelGraph.Builder b = ModelGraph.builder().input("x", inShape);
        for (int i = 0; i < inits.length; i++) {
            b.initializer("w" + i, inits[i]);
        }
        return FloatEvaluator.run(b.node(node).output(node.output()).build(), x);
    }

    /**
     * Error of a rescaled dot product: inputs off by ≤ 2^−(S+1), weights by ≤ 2^−(SW+1), bias by
     * ≤ 2^−(S+SW+1), and the final round-half-up by ≤ 2^−(S+1).
     */
    private static double dotErrorBound(float[] x, float[] w, int from, int k) {
        double ex = Math.scalb(1.0, -(S + 1)), ew = Math.scalb(1.0, -(SW + 1));
        double e = Math.scalb(1.0, -(S + SW + 1)) + Math.scalb(1.0, -(S + 1));
        for (int t = 0; t < k; t++) {
            e += Math.abs(w[from + t]) * ex + (Math.abs(x[t % x.length]) + ex) * ew;
        }
        return e + 1e-6;
    }

    @Test
    void gemmThenRescaleIsWithinTheQuantizationError() {
        RandomGenerator rng = Runs.rng("ReferenceOpsTest.gemm");
        int k = 12, n = 5;
        for (int trial = 0; trial < 50; trial++) {
            float[] x = uniform(rng, k, 2), w = uniform(rng, n * k, 1), b = uniform(rng, n, 1);
            float[] expected = run(Node.of("Gemm", List.of("x", "w0", "w1"), "y",
                    Attributes.builder().putInt("transB", 1).build()), new int[] {1, k}, x,
                    FloatTensor.of(new int[] {n, k}, w), FloatTensor.vector(b));
            long[] bq = q(b, S + SW);
            for (int j = 0; j < n; j++) {
                bq[j] += ReferenceOps.roundingOffset(SW);
            }
            long[] acc = ReferenceOps.gemm(q(x, S), 1, k, q(w, SW), n, bq);
            for (int j = 0; j < n; j++) {
                double got = QuantizedTensor.dequantize(ReferenceOps.floorDivPow2(acc[j], SW), S);
                assertThat(Math.abs(got - expected[j])).isLessThanOrEqualTo(dotErrorBound(x, w, j * k, k));
                double relu = QuantizedTensor.dequantize(ReferenceOps.reluRescale(acc[j], SW), S);
                assertThat(Math.abs(relu - Math.max(expected[j], 0))).isLessThanOrEqualTo(dotErrorBound(x, w, j * k, k));
            }
        }
    }

    @Test
    void convIsWithinTheQuantizationError() {
        RandomGenerator rng = Runs.rng("ReferenceOpsTest.conv");
        int[] xs = {1, 2, 5, 5};
        int[] ws = {3, 2, 3, 3};
        Attributes a = Attributes.builder().putInts("pads", 1, 1, 1, 1).putInts("strides", 2, 1).build();
        ConvParams p = ConvParams.of(a, ws);
        for (int trial = 0; trial < 20; trial++) {
            float[] x = uniform(rng, 50, 1), w = uniform(rng, 54, 1), b = uniform(rng, 3, 1);
            float[] expected = run(Node.of("Conv", List.of("x", "w0", "w1"), "y", a), xs, x,
                    FloatTensor.of(ws, w), FloatTensor.vector(b));
            long[] bq = q(b, S + SW);
            for (int j = 0; j < 3; j++) {
                bq[j] += ReferenceOps.roundingOffset(SW);
            }
            long[] acc = ReferenceOps.conv2d(q(x, S), xs, q(w, SW), ws, bq, p);
            assertThat(acc).hasSize(expected.length);
            // each output reads at most 18 inputs, all |x| ≤ 1: a uniform bound over the kernel
            float[] ones = new float[18];
            java.util.Arrays.fill(ones, 1f);
            for (int i = 0; i < acc.length; i++) {
                int oc = i / (acc.length / 3);
                double got = QuantizedTensor.dequantize(ReferenceOps.floorDivPow2(acc[i], SW), S);
                assertThat(Math.abs(got - expected[i])).isLessThanOrEqualTo(dotErrorBound(ones, w, oc * 18, 18));
            }
        }
    }

    @Test
    void poolingMatchesTheFloatModel() {
        RandomGenerator rng = Runs.rng("ReferenceOpsTest.pool");
        int[] shape = {1, 2, 5, 4};
        Attributes a = Attributes.builder().putInts("kernel_shape", 3, 2).putInts("pads", 1, 0, 1, 1)
                .putInts("strides", 2, 2).build();
        PoolParams p = PoolParams.of(a);
        for (int trial = 0; trial < 30; trial++) {
            float[] x = uniform(rng, 40, 3);
            long[] xq = q(x, S);
            // quantization is monotone, so max pooling commutes with it exactly
            assertThat(ReferenceOps.maxPool(xq, shape, p))
                    .containsExactly(q(run(Node.of("MaxPool", List.of("x"), "y", a), shape, x), S));
            float[] avg = run(Node.of("AveragePool", List.of("x"), "y", a), shape, x);
            long[] avgQ = ReferenceOps.avgPool(xq, shape, p);
            for (int i = 0; i < avg.length; i++) {
                // input error ≤ 2^−(S+1) averaged, plus rounding ≤ 2^−(S+1)
                assertThat(Math.abs(QuantizedTensor.dequantize(avgQ[i], S) - avg[i]))
                        .isLessThanOrEqualTo(Math.scalb(1.0, -S) + 1e-6);
            }
        }
    }

    @Test
    void roundingRulesOnEdges() {
        assertThat(ReferenceOps.floorDivPow2(-1, 3)).isEqualTo(-1);
        assertThat(ReferenceOps.floorDivPow2(-8, 3)).isEqualTo(-1);
        assertThat(ReferenceOps.floorDivPow2(-9, 3)).isEqualTo(-2);
        assertThat(ReferenceOps.floorDivPow2(7, 3)).isEqualTo(0);
        assertThat(ReferenceOps.reluRescale(-1, 0)).isEqualTo(0);
        assertThat(ReferenceOps.reluRescale(15, 2)).isEqualTo(3);
        // round half up
        assertThat(ReferenceOps.divRound(5, 2)).isEqualTo(3);
        assertThat(ReferenceOps.divRound(-5, 2)).isEqualTo(-2);
        assertThat(ReferenceOps.divRound(5, 9)).isEqualTo(1);
        assertThat(ReferenceOps.divRound(4, 9)).isEqualTo(0);
        assertThat(ReferenceOps.divRound(-4, 9)).isEqualTo(0);
        assertThat(ReferenceOps.divRound(-5, 9)).isEqualTo(-1);
        assertThat(ReferenceOps.floorDivPow2(3 + ReferenceOps.roundingOffset(1), 1)).isEqualTo(2); // 1.5 → 2
        assertThat(ReferenceOps.floorDivPow2(-3 + ReferenceOps.roundingOffset(1), 1)).isEqualTo(-1); // −1.5 → −1
        assertThat(QuantizedTensor.quantize(0.5 / 256, 8)).isEqualTo(1);
        assertThat(QuantizedTensor.quantize(-0.5 / 256, 8)).isEqualTo(0);
        assertThat(QuantizedTensor.quantize(-1.5 / 256, 8)).isEqualTo(-1);
        assertThat(ReferenceOps.argmax(new long[] {4, 9, 9, -1})).isEqualTo(1);
        assertThat(ReferenceOps.pad(new long[] {1, 2}, new int[] {2}, new long[] {1, 2}, 7)).containsExactly(7, 1, 2, 7, 7);
    }
}
