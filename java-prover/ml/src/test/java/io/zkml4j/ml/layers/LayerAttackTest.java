package io.zkml4j.ml.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.Circuit;
import io.zkml4j.circuit.HintOverrides;
import io.zkml4j.circuit.R1csBuilder;
import io.zkml4j.circuit.SynthesisException;
import io.zkml4j.circuit.TestEngine;
import io.zkml4j.circuit.gadgets.BitsGadget;
import io.zkml4j.circuit.testing.Runs;
import io.zkml4j.ml.graph.Attributes;
import io.zkml4j.ml.graph.FloatEvaluator.PoolParams;
import io.zkml4j.ml.tensor.Interval;
import io.zkml4j.r1cs.CheckResult;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Dishonest provers against the layers: each replaces hint outputs (or feeds an out-of-bound
 * value) and must be refused by the test engine and by the R1CS check, both naming the same
 * constraint, which the test pins. Each honest run is checked first, so an attack that "fails"
 * only because the circuit is broken would be noticed.
 */
class LayerAttackTest {

    private static final String BITS = BitsGadget.HINT;

    /** Asserts the engine and the R1CS both reject, naming {@code expected}; returns nothing. */
    static void assertRejected(Circuit c, HintOverrides o, String expected) {
        assertThatThrownBy(() -> TestEngine.run(c, o)).isInstanceOf(SynthesisException.class)
                .hasMessageStartingWith("Assertion failed: " + expected + ": ");
        R1csBuilder.Result r = R1csBuilder.build(c, o);
        CheckResult check = r.r1cs().check(r.witness());
        assertThat(check).isInstanceOf(CheckResult.ConstraintViolated.class);
        assertThat(((CheckResult.ConstraintViolated) check).name()).contains(expected);
        assertThat(r.r1cs()).isEqualTo(R1csBuilder.compile(c));
    }

    static HintOverrides override(String id, int call, UnaryOperator<Fr[]> f) {
        return HintOverrides.of(id, call, f);
    }

    private static Fr[] fill(Fr[] v, Fr x) {
        Arrays.fill(v, x);
        return v;
    }

    @Test
    void forcedReluOutputIsRefused() {
        ReluLayer relu = new ReluLayer("dense1/relu", new int[] {2}, Interval.signedBits(16), 16, 4);
        long[] x = {5000, -300};
        Circuit c = LayerHarness.circuit(relu, x);
        assertThat(Runs.outputs(c)).isEqualTo(LayerHarness.asFr(relu.evaluate(x)));
        // a positive accumulator claimed negative (all decomposition bits 0 → ReLU output 0)
        assertRejected(c, override(BITS, 0, v -> fill(v, Fr.ZERO)), "dense1/relu/relu[0]/reluRescale/toBits16/bit[15]");
        // a negative accumulator passed as positive
        assertRejected(c, override(BITS, 1, v -> fill(v, Fr.ONE)), "dense1/relu/relu[1]/reluRescale/toBits16/bit[15]");
    }

    @Test
    void wrongRescaleRemainderIsRefused() {
        RescaleLayer rescale = new RescaleLayer("dense2/rescale", new int[] {1}, Interval.signedBits(12), 12, 5);
        long[] x = {-1234};
        Circuit c = LayerHarness.circuit(rescale, x);
        assertThat(Runs.outputs(c)).containsExactly(Fr.of(Math.floorDiv(-1234, 32)));
        // claim the quotient one higher by moving 32 out of the remainder bits: flip bit 5
        assertRejected(c, override(BITS, 0, v -> {
            v[5] = v[5].isZero() ? Fr.ONE : Fr.ZERO;
            return v;
        }), "dense2/rescale/rescale[0]/floorDiv/toBits12/bit[11]");
        // a remainder bit that is not a bit
        assertRejected(c, override(BITS, 0, v -> {
            v[0] = Fr.of(2);
            return v;
        }), "dense2/rescale/rescale[0]/floorDiv/toBits12/bit[0]");
    }

    @Test
    void accumulatorBeyondTheEnforcedWidthIsUnsatisfiableNeverWrong() {
        // a calibrated width of 10 bits for accumulators that could reach 2^11
        ReluLayer relu = new ReluLayer("dense1/relu", new int[] {1}, Interval.signedBits(12), 10, 2);
        long[] x = {600};
        assertThatThrownBy(() -> relu.evaluate(x)).isInstanceOf(BoundExceededException.class)
                .hasMessageContaining("600");
        assertRejected(LayerHarness.circuit(relu, x), HintOverrides.none(),
                "dense1/relu/relu[0]/reluRescale/toBits10/bit[9]");
        RescaleLayer rescale = new RescaleLayer("out/rescale", new int[] {1}, Interval.signedBits(12), 10, 2);
        long[] y = {-513};
        assertThatThrownBy(() -> rescale.evaluate(y)).isInstanceOf(BoundExceededException.class);
        assertRejected(LayerHarness.circuit(rescale, y), HintOverrides.none(),
                "out/rescale/rescale[0]/floorDiv/toBits10/bit[9]");
    }

    @Test
    void wrongArgmaxIsRefused() {
        ArgmaxLayer argmax = new ArgmaxLayer("head", new int[] {4}, Interval.signedBits(8));
        long[] x = {3, 9, 9, -7};
        Circuit c = LayerHarness.circuit(argmax, x);
        assertThat(Runs.outputs(c)).containsExactly(Fr.ONE);
        // claim x[2] > running max 9 (the tie to index 2)
        assertRejected(c, override(BITS, 1, v -> fill(v, Fr.ONE)), "head/argmax/step2/isLess/toBits9/bit[8]");
        // claim x[1] is not larger than x[0]
        assertRejected(c, override(BITS, 0, v -> fill(v, Fr.ZERO)), "head/argmax/step1/isLess/toBits9/bit[8]");
    }

    @Test
    void wrongMaxPoolIsRefused() {
        PoolParams p = PoolParams.of(Attributes.builder().putInts("kernel_shape", 2, 1).build());
        MaxPoolLayer pool = new MaxPoolLayer("pool", new int[] {1, 1, 2, 1}, Interval.signedBits(8), p);
        long[] x = {-20, 17};
        Circuit c = LayerHarness.circuit(pool, x);
        assertThat(Runs.outputs(c)).containsExactly(Fr.of(17));
        assertRejected(c, override(BITS, 0, v -> fill(v, Fr.ZERO)), "pool/window[0]/max/max/isLess/toBits9/bit[8]");
    }

    @Test
    void wrongAveragePoolQuotientIsRefused() {
        PoolParams p = PoolParams.of(Attributes.builder().putInts("kernel_shape", 3, 3).build());
        AvgPoolLayer pool = new AvgPoolLayer("avg", new int[] {1, 1, 3, 3}, Interval.signedBits(8), p);
        long[] x = {10, 20, 30, -40, 50, 60, 70, 80, 87};
        long sum = Arrays.stream(x).sum(); // 367 → round(367 / 9) = 41; remainder of the shifted sum: 2
        Circuit c = LayerHarness.circuit(pool, x);
        assertThat(Runs.outputs(c)).containsExactly(Fr.of(41)).containsExactly(Fr.of(Math.floorDiv(sum + 4, 9)));
        String div = "avg/window[0]/divRound9/";
        // quotient one higher, remainder 9 lower (negative): the remainder range check
        assertRejected(c, override(DivRoundGadget.HINT, 0, v -> new Fr[] {v[0].add(Fr.ONE), v[1].sub(Fr.of(9))}),
                div + "remainder/range/toBits4/bit[3]");
        // quotient one lower, remainder 9 higher (≥ d but < 16): the remainder < d check
        assertRejected(c, override(DivRoundGadget.HINT, 0, v -> new Fr[] {v[0].sub(Fr.ONE), v[1].add(Fr.of(9))}),
                div + "remainderBelowDivisor/range/toBits4/bit[3]");
        // quotient one higher, remainder unchanged: recomposition
        assertRejected(c, override(DivRoundGadget.HINT, 0, v -> new Fr[] {v[0].add(Fr.ONE), v[1]}), div + "recompose");
    }

    private static Fr[] flip(Fr[] v, int i) {
        v[i] = v[i].isZero() ? Fr.ONE : Fr.ZERO;
        return v;
    }

    /** A fused sigmoid: B = 24, k = 8, s = 10 (remainder 9 bits, index bits 17..21 and the top bit 23). */
    private static ActivationLayer sigmoid() {
        return new ActivationLayer("out/sigmoid", new int[] {1}, Interval.signedBits(24), 24, 8, 10,
                io.zkml4j.ml.reference.Activation.SIGMOID);
    }

    @Test
    void wrongSegmentRemainderOrRoundingIsRefused() {
        ActivationLayer act = sigmoid();
        long[] x = {300_000}; // pre-activation 1171 ≈ 1.14: inside [−8, 8)
        Circuit c = LayerHarness.circuit(act, x);
        assertThat(Runs.outputs(c)).isEqualTo(LayerHarness.asFr(act.evaluate(x)));
        String el = "out/sigmoid/sigmoid[0]/";
        // another segment (the index's lowest bit) or another remainder: the decomposition no longer recomposes
        assertRejected(c, override(BITS, 0, v -> flip(v, 8 + 9)), el + "toBits24/bit[23]");
        assertRejected(c, override(BITS, 0, v -> flip(v, 8)), el + "toBits24/bit[23]");
        assertRejected(c, override(BITS, 0, v -> {
            v[9] = Fr.of(2);
            return v;
        }), el + "toBits24/bit[9]");
        // a rounded quotient one higher (bit 9 of d·r + 2^8 flipped)
        long max = act.table().maxSlope() * ((1L << 9) - 1) + (1L << 8);
        int w = 64 - Long.numberOfLeadingZeros(max);
        assertRejected(c, override(BITS, 1, v -> flip(v, 9)), el + "interpolate/toBits" + w + "/bit[" + (w - 1) + "]");
        // the input claimed outside [−8, 8) (saturated output)
        assertRejected(c, override("api.isZero.v1", 0, v -> new Fr[] {Fr.ZERO, Fr.ZERO}), el + "clamp/isZero.inverse");
    }

    @Test
    void anOutOfRangeInputCannotBeInterpolated() {
        ActivationLayer act = sigmoid();
        long[] x = {5_000_000}; // pre-activation 19531 ≈ 19.1: clamped to σ(8)
        Circuit c = LayerHarness.circuit(act, x);
        assertThat(Runs.outputs(c)).containsExactly(Fr.of(act.table().value(32)));
        String el = "out/sigmoid/sigmoid[0]/clamp/";
        assertRejected(c, override("api.isZero.v1", 0, v -> new Fr[] {v[0], Fr.ONE}), el + "isZero.inverse");
        assertRejected(c, override("api.isZero.v1", 0, v -> new Fr[] {Fr.ZERO, Fr.ONE}), el + "isZero.zero");
    }

    @Test
    void aTamperedOneHotEntryIsRefusedByItsProduct() {
        ActivationLayer act = sigmoid();
        Circuit c = LayerHarness.circuit(act, new long[] {-123_456});
        R1csBuilder.Result r = R1csBuilder.build(c);
        assertThat(r.r1cs().check(r.witness()).isSatisfied()).isTrue();
        int wire = -1;
        for (int i = 0; i < r.wireNames().size(); i++) {
            if (r.wireNames().get(i).endsWith("/segment/mul")) {
                wire = i; // the last decoder product (the one-hot's top half)
            }
        }
        assertThat(wire).isPositive();
        Fr v = r.witness().get(wire);
        CheckResult check = r.r1cs().check(r.witness().with(wire, v.isZero() ? Fr.ONE : Fr.ZERO));
        assertThat(check).isInstanceOf(CheckResult.ConstraintViolated.class);
        assertThat(((CheckResult.ConstraintViolated) check).name()).hasValue("out/sigmoid/sigmoid[0]/segment/mul");
    }

    @Test
    void aWrongBinaryDecisionIsRefused() {
        ArgmaxLayer binary = new ArgmaxLayer("label", new int[] {1, 1}, new Interval(-100, 100));
        Circuit c = LayerHarness.circuit(binary, new long[] {0});
        assertThat(Runs.outputs(c)).containsExactly(Fr.ZERO); // a zero logit (σ = 1/2) gives 0
        // claim 0 < 0 (bit n of 0 − 0 + 2^n cleared): the low bits would have to be all ones
        assertRejected(c, override(BITS, 0, v -> fill(v, Fr.ONE)), "label/isLess/toBits9/bit[8]");
    }
}
