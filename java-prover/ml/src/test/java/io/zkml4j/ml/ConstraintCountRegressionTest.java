package io.zkml4j.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.circuit.Circuit;
import io.zkml4j.circuit.CountingBuilder;
import io.zkml4j.ml.compile.CompiledModel;
import io.zkml4j.ml.compile.ModelCompiler;
import io.zkml4j.ml.compile.ModelSettings;
import io.zkml4j.ml.graph.Attributes;
import io.zkml4j.ml.graph.FloatEvaluator.ConvParams;
import io.zkml4j.ml.graph.FloatEvaluator.PoolParams;
import io.zkml4j.ml.layers.ActivationLayer;
import io.zkml4j.ml.layers.ArgmaxLayer;
import io.zkml4j.ml.layers.AvgPoolLayer;
import io.zkml4j.ml.layers.ConvLayer;
import io.zkml4j.ml.layers.GemmLayer;
import io.zkml4j.ml.layers.IndexMapLayer;
import io.zkml4j.ml.layers.Layer;
import io.zkml4j.ml.layers.LayerHarness;
import io.zkml4j.ml.layers.MaxPoolLayer;
import io.zkml4j.ml.layers.ReluLayer;
import io.zkml4j.ml.layers.RescaleLayer;
import io.zkml4j.ml.reference.Activation;
import io.zkml4j.ml.tensor.Interval;
import io.zkml4j.ml.testing.ModelFixtures;
import io.zkml4j.circuit.testing.ConstraintCountSnapshot;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact cost of every ML layer at a fixed small size, and of two whole models, in
 * {@code src/test/resources/constraint-counts.csv} ({@code name,constraints,witnesses}; a layer is
 * measured alone, with its inputs private and its outputs public, so the count includes one
 * constraint per output). Any change fails. After an intended change regenerate with
 * {@code mvn -pl java-prover/ml -am test -Dtest=io.zkml4j.ml.ConstraintCountRegressionTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dzkml.counts.update=true} and commit the diff; the switch is refused when {@code CI=true}.
 */
class ConstraintCountRegressionTest {

    private static final Path CSV = Path.of("src/test/resources/constraint-counts.csv");

    /** Weights with no zero (a zero weight drops a term but never a constraint; kept simple). */
    private static long[] weights(int n) {
        long[] w = new long[n];
        for (int i = 0; i < n; i++) {
            w[i] = (i % 7) - 3 == 0 ? 5 : (i % 7) - 3;
        }
        return w;
    }

    static Map<String, Layer> layers() {
        Map<String, Layer> m = new LinkedHashMap<>();
        Interval in8 = Interval.signedBits(8);
        m.put("gemm_1x16_to_8", new GemmLayer("gemm", new int[] {1, 16}, in8, weights(128), 8, null));
        m.put("conv_1x2x6x6_3f3x3_pad1", new ConvLayer("conv", new int[] {1, 2, 6, 6}, in8, weights(54),
                new int[] {3, 2, 3, 3}, null, ConvParams.of(Attributes.builder().putInts("pads", 1, 1, 1, 1).build(),
                        new int[] {3, 2, 3, 3})));
        m.put("relu_fused_8_B24_k8", new ReluLayer("relu", new int[] {1, 8}, Interval.signedBits(24), 24, 8));
        m.put("relu_plain_8_B12", ReluLayer.plain("relu", new int[] {8}, Interval.signedBits(12)));
        m.put("rescale_4_B24_k8", new RescaleLayer("rescale", new int[] {1, 4}, Interval.signedBits(24), 24, 8));
        PoolParams p2 = PoolParams.of(Attributes.builder().putInts("kernel_shape", 2, 2).putInts("strides", 2, 2).build());
        PoolParams p3 = PoolParams.of(Attributes.builder().putInts("kernel_shape", 3, 3).putInts("strides", 3, 3).build());
        m.put("maxpool_1x2x4x4_k2s2_8bit", new MaxPoolLayer("maxpool", new int[] {1, 2, 4, 4}, in8, p2));
        m.put("avgpool_1x2x4x4_k2s2_8bit", new AvgPoolLayer("avgpool", new int[] {1, 2, 4, 4}, in8, p2));
        m.put("avgpool_1x1x6x6_k3s3_8bit", new AvgPoolLayer("avgpool", new int[] {1, 1, 6, 6}, in8, p3));
        m.put("argmax_10x16bit", new ArgmaxLayer("argmax", new int[] {1, 10}, Interval.signedBits(16)));
        m.put("argmax_binary_16bit", new ArgmaxLayer("label", new int[] {1, 1}, Interval.signedBits(16)));
        m.put("sigmoid_fused_4_B24_k8_s10", new ActivationLayer("sigmoid", new int[] {1, 4}, Interval.signedBits(24), 24,
                8, 10, Activation.SIGMOID));
        m.put("tanh_plain_4_in10_s6", ActivationLayer.plain("tanh", new int[] {4}, Interval.signedBits(10), 6,
                Activation.TANH));
        m.put("pad_1x1x4x4_by1", IndexMapLayer.pad("pad", new int[] {1, 1, 4, 4}, new long[] {0, 0, 1, 1, 0, 0, 1, 1},
                0, in8));
        m.put("flatten_1x2x2x2", IndexMapLayer.reshape("flatten", new int[] {1, 2, 2, 2}, new int[] {1, 8}, in8));
        return m;
    }

    static Map<String, Circuit> circuits() {
        Map<String, Circuit> m = new LinkedHashMap<>();
        layers().forEach((name, layer) -> m.put(name, LayerHarness.circuit(layer, null)));
        // whole models with fixed seeds and worst-case widths (no calibration: independent of sampling)
        CompiledModel mlp = ModelCompiler.compile(ModelFixtures.mlp(rng("mlp"), 16, 8, 4),
                ModelSettings.worstCase(8, 12, 8));
        m.put("model_mlp_16_8_4_worstcase_in12_s8_sw8", mlp.circuitFor(null));
        CompiledModel cnn = ModelCompiler.compile(ModelFixtures.cnn(rng("cnn"), "MaxPool", 4),
                ModelSettings.worstCase(8, 12, 8));
        m.put("model_cnn_6x6_maxpool_worstcase_in12_s8_sw8", cnn.circuitFor(null));
        return m;
    }

    private static java.util.random.RandomGenerator rng(String salt) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(42L ^ salt.hashCode());
    }

    @Test
    void countsMatchTheSnapshot() {
        ConstraintCountSnapshot.assertMatches(CSV, circuits());
    }

    @Test
    void documentedFormulasHold() {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("gemm_1x16_to_8", 0L + 8);
        expected.put("conv_1x2x6x6_3f3x3_pad1", 0L + 3 * 36);
        expected.put("relu_fused_8_B24_k8", 8L * 25 + 8);
        expected.put("relu_plain_8_B12", 8L * 13 + 8);
        expected.put("rescale_4_B24_k8", 4L * 24 + 4);
        // 8 windows of 4 cells, 8-bit inputs: difference width 8 → (4 − 1)(8 + 2)
        expected.put("maxpool_1x2x4x4_k2s2_8bit", 8L * 3 * 10 + 8);
        // d = 4 (power of two): nr = 2, sums in [−512, 508] shifted by 2 + 4·128 → nq = 8: 2 + 8 + 1
        expected.put("avgpool_1x2x4x4_k2s2_8bit", 8L * 11 + 8);
        // d = 9: nr = 4 twice, sums in [−1152, 1143] shifted by 4 + 9·128 → y ≤ 2299, nq = bitlen(255) = 8
        expected.put("avgpool_1x1x6x6_k3s3_8bit", 4L * (4 + 4 + 8 + 1) + 4);
        expected.put("argmax_10x16bit", 9L * 19 - 1 + 1);
        // a single logit: isLess(0, x) of width 16
        expected.put("argmax_binary_16bit", 17L + 1);
        // B 24 + one-hot of 5 bits 26 + d·r 1 + rounding width 16 (126·511 + 256 < 2^16) + clamp (m = 2) 4
        expected.put("sigmoid_fused_4_B24_k8_s10", 4L * (24 + 26 + 1 + 16 + 4) + 4);
        // B 10 + 26 + 1 + rounding width 8 (16·15 + 8 < 2^8) + clamp (m = 1) 2
        expected.put("tanh_plain_4_in10_s6", 4L * (10 + 26 + 1 + 8 + 2) + 4);
        expected.put("pad_1x1x4x4_by1", 36L);
        expected.put("flatten_1x2x2x2", 8L);
        Map<String, Circuit> c = circuits();
        Map<String, Layer> l = layers();
        expected.forEach((name, n) -> {
            assertThat((long) CountingBuilder.count(c.get(name)).constraints()).as(name).isEqualTo(n);
            long outputs = Arrays.stream(l.get(name).outputShape()).asLongStream().reduce(1, (a, b) -> a * b);
            assertThat(l.get(name).constraintCount() + outputs).as(name).isEqualTo(n);
        });
    }
}
