package io.zkml4j.ml.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.Circuit;
import io.zkml4j.circuit.Var;
import io.zkml4j.circuit.testing.Runs;
import io.zkml4j.ml.reference.Activation;
import io.zkml4j.ml.reference.PiecewiseLinear;
import io.zkml4j.ml.tensor.Interval;
import io.zkml4j.ml.tensor.VarTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sigmoid and Tanh: the stated error bound holds on every input of a dense grid, the circuit equals
 * the integer reference on the edges (clamp endpoints, segment boundaries, extremes of the enforced
 * width) and on random inputs, the pre-activations are exact, and the output bounds hold.
 */
class ActivationLayerTest {

    /** Every x in [−T − 4H, T + 4H) at scale s (a stride keeps it under ~70k points): |PL(x) − f(x)| ≤ bound. */
    @ParameterizedTest(name = "{0} s={1}")
    @CsvSource({"SIGMOID,4", "SIGMOID,8", "SIGMOID,12", "SIGMOID,16", "TANH,2", "TANH,8", "TANH,13", "TANH,16"})
    void errorIsWithinTheStatedBoundOnADenseGrid(Activation f, int s) {
        PiecewiseLinear pl = PiecewiseLinear.of(f, s);
        long t = 1L << pl.clampBits();
        long h = 1L << pl.remainderBits();
        long step = Math.max(1, (2 * t) >> 16);
        double worst = 0;
        for (long x = -t - 4 * h; x < t + 4 * h; x += step) {
            double err = Math.abs(Math.scalb((double) pl.evaluate(x), -s) - f.apply(Math.scalb((double) x, -s)));
            worst = Math.max(worst, err);
            assertThat(err).as("%s at x = %d (2^-%d)", f, x, s).isLessThanOrEqualTo(pl.errorBound());
        }
        // the bound is not vacuous: at fine scales the interpolation term dominates and is nearly reached
        if (s >= 12) {
            assertThat(worst).isGreaterThan(0.5 * pl.errorBound());
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void statedConstantsAndBounds(Activation f) {
        PiecewiseLinear pl = PiecewiseLinear.of(f, 14);
        assertThat(pl.segments()).isEqualTo(32);
        if (f == Activation.SIGMOID) {
            assertThat(f.interpolationError()).isCloseTo(0.0962 / 32, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(f.tailError()).isCloseTo(3.35e-4, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(pl.value(0)).isGreaterThanOrEqualTo(0);
        } else {
            assertThat(f.interpolationError()).isCloseTo(0.770 / 128, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(f.tailError()).isCloseTo(6.71e-4, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(pl.value(0)).isGreaterThanOrEqualTo(-(1L << 14));
        }
        assertThat(pl.value(32)).isLessThanOrEqualTo(1L << 14);
        // non-decreasing, so [y_0, y_N] bounds every output
        long prev = Long.MIN_VALUE;
        for (long x = -(1L << 18); x < (1L << 18); x += 37) {
            long y = pl.evaluate(x);
            assertThat(y).isGreaterThanOrEqualTo(prev).isBetween(pl.value(0), pl.value(32));
            prev = y;
        }
    }

    /** The edges of a fused layer: accumulators around the clamp ends, segment boundaries and the width's ends. */
    static long[] edges(ActivationLayer layer, RandomGenerator rng) {
        PiecewiseLinear pl = layer.table();
        int k = layer.shift();
        long t = 1L << pl.clampBits();
        long h = 1L << pl.remainderBits();
        List<Long> xs = new ArrayList<>(List.of(-t - 1, -t, -t + 1, t - 1, t, t + 1, 0L, -1L, 1L));
        for (long b = -t + h; b < t; b += h) {
            xs.add(b - 1);
            xs.add(b);
        }
        Interval in = layer.inputBound().intersect(Interval.signedBits(layer.width()));
        List<Long> acc = new ArrayList<>(List.of(in.lo(), in.hi(), in.lo() + 1, in.hi() - 1));
        for (long x : xs) {
            long a = x * (1L << k) + (k == 0 ? 0 : rng.nextLong(1L << k));
            if (in.contains(a)) {
                acc.add(a);
            }
        }
        return acc.stream().mapToLong(Long::longValue).toArray();
    }

    static List<ActivationLayer> layers() {
        return List.of(
                // m ≥ 2 middle bits (clamp through isZero)
                new ActivationLayer("sigmoid_fused", new int[] {1}, Interval.signedBits(24), 24, 8, 10,
                        Activation.SIGMOID),
                new ActivationLayer("tanh_fused", new int[] {1}, new Interval(-500_000, 400_000), 20, 6, 9,
                        Activation.TANH),
                // m = 1 and m = 0
                ActivationLayer.plain("tanh_plain", new int[] {1}, new Interval(-512, 511), 6, Activation.TANH),
                ActivationLayer.plain("sigmoid_unclamped", new int[] {1}, new Interval(-100, 300), 8,
                        Activation.SIGMOID),
                // no remainder: each segment one unit wide
                ActivationLayer.plain("tanh_coarse", new int[] {1}, new Interval(-40, 40), 2, Activation.TANH));
    }

    @Test
    void circuitEqualsReferenceOnEdgesAndReturnsExactPreActivations() {
        RandomGenerator rng = Runs.rng("ActivationLayerTest.edges");
        for (ActivationLayer one : layers()) {
            long[] acc = edges(one, rng);
            ActivationLayer layer = new ActivationLayer(one.name(), new int[] {acc.length}, one.inputBound(),
                    one.width(), one.shift(), one.table().scale(), one.function());
            long[] want = layer.evaluate(acc);
            long[] pre = layer.preActivation(acc);
            Circuit c = api -> {
                Var[] in = new Var[acc.length];
                for (int i = 0; i < acc.length; i++) {
                    in[i] = api.privateInput("x" + i, Fr.of(acc[i]));
                }
                ActivationLayer.Outputs o = layer.defineWithPreActivation(api,
                        VarTensor.of(new int[] {acc.length}, in, layer.inputBound()));
                for (int i = 0; i < acc.length; i++) {
                    api.publicOutput("y" + i, o.output().get(i));
                    api.publicOutput("pre" + i, o.preActivation().get(i));
                }
            };
            List<Fr> expected = new ArrayList<>();
            for (int i = 0; i < acc.length; i++) {
                assertThat(pre[i]).isEqualTo(Math.floorDiv(acc[i], 1L << layer.shift()));
                assertThat(layer.outputBound().contains(want[i])).isTrue();
                assertThat(layer.preActivationBound().contains(pre[i])).isTrue();
                expected.add(Fr.of(want[i]));
                expected.add(Fr.of(pre[i]));
            }
            assertThat(Runs.outputs(c)).as(layer.name()).isEqualTo(expected);
        }
    }

    @Test
    void outputBoundsAreWithinTheFunctionsRangeAndFollowTheInput() {
        ActivationLayer s = new ActivationLayer("s", new int[] {2}, Interval.signedBits(30), 30, 10, 12,
                Activation.SIGMOID);
        assertThat(s.outputBound().lo()).isGreaterThanOrEqualTo(0);
        assertThat(s.outputBound().hi()).isLessThanOrEqualTo(1 << 12);
        ActivationLayer t = ActivationLayer.plain("t", new int[] {2}, Interval.signedBits(20), 12, Activation.TANH);
        assertThat(t.outputBound().lo()).isGreaterThanOrEqualTo(-(1 << 12));
        assertThat(t.outputBound().hi()).isLessThanOrEqualTo(1 << 12);
        // a non-negative input gives at least σ(0) = 1/2
        ActivationLayer half = ActivationLayer.plain("h", new int[] {2}, new Interval(0, 5000), 12, Activation.SIGMOID);
        assertThat(half.outputBound().lo()).isEqualTo(1 << 11);
    }

    @Test
    void aScaleFinerThanTheSegmentsIsRequiredAndTheErrorNamesTheNode() {
        assertThatThrownBy(() -> ActivationLayer.plain("/act/Tanh", new int[] {1}, new Interval(-4, 4), 1,
                Activation.TANH)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("/act/Tanh: Tanh needs an activation scale s with 2 <= s");
    }

    @Test
    void anAccumulatorBeyondTheWidthIsUnsatisfiableNeverWrong() {
        ActivationLayer layer = new ActivationLayer("/fc/sigmoid", new int[] {1}, Interval.signedBits(30), 24, 8, 10,
                Activation.SIGMOID);
        long[] x = {1L << 23};
        assertThatThrownBy(() -> layer.evaluate(x)).isInstanceOf(BoundExceededException.class)
                .hasMessageContaining("8388608");
        assertThat(Runs.failure(LayerHarness.circuit(layer, x))).hasValue("/fc/sigmoid/sigmoid[0]/toBits24/bit[23]");
    }
}
