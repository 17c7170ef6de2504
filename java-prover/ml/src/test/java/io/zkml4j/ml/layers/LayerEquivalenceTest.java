package io.zkml4j.ml.layers;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.circuit.CountingBuilder;
import io.zkml4j.circuit.testing.Runs;
import io.zkml4j.ml.graph.Attributes;
import io.zkml4j.ml.graph.FloatEvaluator.ConvParams;
import io.zkml4j.ml.graph.FloatEvaluator.PoolParams;
import io.zkml4j.ml.tensor.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layer: the integer reference ({@link Layer#evaluate}) equals the circuit's outputs on the
 * test engine and the R1CS witness (which must satisfy the system), on seeded random inputs that
 * include the bound's endpoints; and the constraint count equals the documented {@link Layer#constraintCount()}.
 */
class LayerEquivalenceTest {

    static long[] randomWeights(RandomGenerator rng, int n, int bits) {
        long[] w = new long[n];
        for (int i = 0; i < n; i++) {
            w[i] = rng.nextInt(10) == 0 ? 0 : rng.nextLong(-(1L << (bits - 1)), 1L << (bits - 1));
        }
        return w;
    }

    static Stream<Layer> layers() {
        RandomGenerator rng = Runs.rng("LayerEquivalenceTest");
        List<Layer> l = new ArrayList<>();
        Interval in8 = Interval.signedBits(8);
        l.add(new GemmLayer("gemm", new int[] {1, 6}, in8, randomWeights(rng, 4 * 6, 8), 4, randomWeights(rng, 4, 12)));
        l.add(new GemmLayer("gemm_m2", new int[] {2, 3}, new Interval(0, 100), randomWeights(rng, 15, 6), 5, null));
        ConvParams cp = ConvParams.of(Attributes.builder().putInts("pads", 1, 0, 0, 1).putInts("strides", 1, 2)
                .build(), new int[] {3, 2, 3, 2});
        l.add(new ConvLayer("conv", new int[] {1, 2, 4, 5}, in8, randomWeights(rng, 3 * 2 * 3 * 2, 6),
                new int[] {3, 2, 3, 2}, randomWeights(rng, 3, 10), cp));
        ConvParams dil = ConvParams.of(Attributes.builder().putInts("dilations", 2, 2).build(), new int[] {2, 1, 2, 2});
        l.add(new ConvLayer("conv_dilated", new int[] {1, 1, 5, 5}, new Interval(-3, 20),
                randomWeights(rng, 8, 5), new int[] {2, 1, 2, 2}, null, dil));
        l.add(new RescaleLayer("rescale", new int[] {2, 5}, Interval.signedBits(20), 20, 7));
        l.add(new RescaleLayer("rescale_calibrated", new int[] {6}, new Interval(-1000, 1000), 11, 3));
        l.add(new ReluLayer("relu_fused", new int[] {1, 8}, Interval.signedBits(18), 18, 6));
        l.add(ReluLayer.plain("relu_plain", new int[] {7}, new Interval(-50, 70)));
        l.add(ReluLayer.plain("relu_identity", new int[] {3}, new Interval(0, 70)));
        PoolParams p2 = PoolParams.of(Attributes.builder().putInts("kernel_shape", 2, 2).putInts("strides", 2, 2).build());
        PoolParams p3 = PoolParams.of(Attributes.builder().putInts("kernel_shape", 3, 3).putInts("pads", 1, 1, 1, 1)
                .build());
        PoolParams p3inc = PoolParams.of(Attributes.builder().putInts("kernel_shape", 3, 2).putInts("pads", 1, 0, 1, 1)
                .putInts("strides", 2, 1).putInt("count_include_pad", 1).build());
        l.add(new MaxPoolLayer("maxpool", new int[] {1, 2, 4, 4}, in8, p2));
        l.add(new MaxPoolLayer("maxpool_padded", new int[] {1, 1, 3, 4}, new Interval(-5, 300), p3));
        l.add(new AvgPoolLayer("avgpool", new int[] {1, 2, 4, 4}, in8, p2));
        l.add(new AvgPoolLayer("avgpool_padded", new int[] {1, 1, 3, 4}, new Interval(-500, 300), p3));
        l.add(new AvgPoolLayer("avgpool_include_pad", new int[] {1, 1, 4, 3}, in8, p3inc));
        l.add(new ArgmaxLayer("argmax", new int[] {1, 10}, Interval.signedBits(12)));
        l.add(new ArgmaxLayer("argmax_small_range", new int[] {4}, new Interval(0, 3)));
        l.add(new ArgmaxLayer("argmax_binary", new int[] {1, 1}, new Interval(-50, 70)));
        l.add(new ArgmaxLayer("argmax_binary_positive", new int[] {1}, new Interval(3, 9)));
        l.addAll(ActivationLayerTest.layers());
        l.add(new ActivationLayer("sigmoid_vector", new int[] {2, 3}, new Interval(-300_000, 900_000), 21, 6, 10,
                io.zkml4j.ml.reference.Activation.SIGMOID));
        l.add(IndexMapLayer.pad("pad", new int[] {1, 1, 2, 3}, new long[] {0, 0, 1, 0, 0, 0, 2, 1}, -7, in8));
        l.add(IndexMapLayer.reshape("flatten", new int[] {1, 2, 2, 2}, new int[] {1, 8}, in8));
        l.add(new AddLayer("add", new int[] {2, 3}, in8, new long[] {5, -9, 100}, new int[] {3}));
        return l.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void referenceEqualsCircuitOnRandomInputs(Layer layer) {
        RandomGenerator rng = Runs.rng("equivalence/" + layer.name());
        for (int trial = 0; trial < 12; trial++) {
            long[] x = LayerHarness.randomInput(layer, rng);
            long[] expected = layer.evaluate(x);
            for (long v : expected) {
                assertThat(layer.outputBound().contains(v)).as("output %d within %s", v, layer.outputBound()).isTrue();
            }
            assertThat(Runs.outputs(LayerHarness.circuit(layer, x))).as(layer.name() + " trial " + trial)
                    .isEqualTo(LayerHarness.asFr(expected));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void constraintCountIsTheDocumentedOne(Layer layer) {
        CountingBuilder.Counts c = CountingBuilder.count(LayerHarness.circuit(layer, null));
        long outputs = io.zkml4j.ml.graph.Shapes.size(layer.outputShape());
        assertThat(c.constraints()).isEqualTo(layer.constraintCount() + outputs);
    }
}
