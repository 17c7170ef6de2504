package io.zkml4j.ml.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.Circuit;
import io.zkml4j.circuit.CountingBuilder;
import io.zkml4j.circuit.R1csBuilder;
import io.zkml4j.circuit.SynthesisException;
import io.zkml4j.circuit.TestEngine;
import io.zkml4j.circuit.testing.Runs;
import io.zkml4j.ml.graph.FloatEvaluator;
import io.zkml4j.ml.graph.ModelGraph;
import io.zkml4j.ml.layers.BoundExceededException;
import io.zkml4j.ml.layers.GemmLayer;
import io.zkml4j.ml.layers.Layer;
import io.zkml4j.ml.testing.ModelFixtures;
import io.zkml4j.r1cs.CheckResult;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Java-built models → calibration → circuit: the quantized labels agree with the float model's,
 * the circuit's public outputs equal the integer reference and its R1CS witness satisfies the
 * system, and an input beyond the calibrated range is refused rather than mis-proven.
 */
class EndToEndTest {

    @Test
    void mlp16x8x4AgreesWithTheFloatModelAndItsCircuitIsSatisfied() {
        RandomGenerator rng = Runs.rng("EndToEndTest.mlp");
        ModelGraph g = ModelFixtures.mlp(rng, 16, 8, 4);
        Calibrator.Result cal = Calibrator.calibrate(g, ModelFixtures.gaussianSamples(rng, 300, 16));
        CompiledModel model = cal.model();
        assertThat(cal.report().labelAgreement()).isGreaterThanOrEqualTo(0.99);
        assertThat(cal.settings().accumulatorBits()).containsOnlyKeys("h", "logits");

        List<float[]> fresh = ModelFixtures.gaussianSamples(rng, 1000, 16);
        Calibrator.Report report = Calibrator.evaluate(model, fresh);
        assertThat(report.labelAgreement()).isGreaterThanOrEqualTo(0.99);
        assertThat(report.unsatisfiable()).isZero();
        assertThat(report.maxAbsError()).isLessThan(0.01);

        for (float[] x : fresh.subList(0, 8)) {
            long[] q = model.quantizeInput(x);
            Circuit c = model.circuit(x);
            List<Fr> outputs = Runs.outputs(c); // engine = R1CS witness, R1CS satisfied
            assertThat(outputs).isEqualTo(model.publicSignals(q));
            long[] logits = model.evaluate(q);
            assertThat(outputs.get(4)).isEqualTo(Fr.of(model.label(logits)));
        }
        assertThat(CountingBuilder.count(model.circuitFor(null)).constraints()).isEqualTo(model.constraintCount());
    }

    @Test
    void publicInputVariantExposesTheInputAfterTheOutputs() {
        RandomGenerator rng = Runs.rng("EndToEndTest.public");
        ModelGraph g = ModelFixtures.mlp(rng, 6, 4, 3);
        Calibrator.Result cal = Calibrator.calibrate(g, ModelFixtures.gaussianSamples(rng, 100, 6),
                new Calibrator.Options(12, 10, 2, Visibility.PUBLIC, false));
        CompiledModel model = cal.model();
        float[] x = ModelFixtures.gaussianSamples(rng, 1, 6).get(0);
        long[] q = model.quantizeInput(x);
        R1csBuilder.Result r = R1csBuilder.build(model.circuit(x));
        assertThat(r.r1cs().check(r.witness()).isSatisfied()).isTrue();
        assertThat(r.publicSignals()).isEqualTo(model.publicSignals(q)).hasSize(3 + 6);
        CountingBuilder.Counts k = CountingBuilder.count(model.circuitFor(null));
        assertThat(k.publicInputs()).isEqualTo(6);
        assertThat(k.privateInputs()).isZero();
    }

    @Test
    void anInputBeyondTheCalibratedRangeIsUnsatisfiableNotMisproven() {
        RandomGenerator rng = Runs.rng("EndToEndTest.overflow");
        ModelGraph g = ModelFixtures.mlp(rng, 16, 8, 4);
        // no margin: the calibrated width is the observed one, below the worst case
        CompiledModel model = Calibrator.calibrate(g, ModelFixtures.gaussianSamples(rng, 200, 16),
                new Calibrator.Options(16, 12, 0, Visibility.PRIVATE, true)).model();
        GemmLayer fc1 = (GemmLayer) model.layers().get(0);
        Layer relu = model.layers().get(1);
        assertThat(model.settings().accumulatorBits().get("h")).isLessThan(fc1.outputBound().signedWidth());
        // a worst-case input for some neuron j: every input at the range end matching the sign of
        // its weight (or the opposite), so its accumulator leaves the calibrated range
        float[] w = g.initializer("fc1.weight").data();
        long[] q = null;
        int neuron = -1;
        for (int j = 0; j < 8 && q == null; j++) {
            for (int sign : new int[] {1, -1}) {
                float[] x = new float[16];
                for (int i = 0; i < 16; i++) {
                    x[i] = sign * (w[j * 16 + i] >= 0 ? 1e6f : -1e6f);
                }
                long[] candidate = model.quantizeInput(x);
                try {
                    model.evaluate(candidate);
                } catch (BoundExceededException e) {
                    assertThat(e).hasMessageStartingWith(relu.name() + ": value");
                    q = candidate;
                    neuron = j;
                    break;
                }
            }
        }
        assertThat(q).as("some worst-case input exceeds the calibrated width").isNotNull();
        long[] bad = q;
        assertThatThrownBy(() -> TestEngine.run(model.circuitFor(bad))).isInstanceOf(SynthesisException.class)
                .hasMessageStartingWith("Assertion failed: relu1/relu[" + neuron + "]/reluRescale/toBits");
        R1csBuilder.Result r = R1csBuilder.build(model.circuitFor(q));
        CheckResult check = r.r1cs().check(r.witness());
        assertThat(check.isSatisfied()).isFalse();
        // the same input under worst-case widths is fine: completeness for every in-range input
        CompiledModel worst = ModelCompiler.compile(g, model.settings().withAccumulatorBits(java.util.Map.of()));
        assertThat(Runs.outputs(worst.circuitFor(q))).isEqualTo(worst.publicSignals(q));
    }

    @Test
    void anInputOutsideTheInputWidthIsRefusedByTheInputRangeCheck() {
        RandomGenerator rng = Runs.rng("EndToEndTest.inputRange");
        ModelGraph g = ModelFixtures.mlp(rng, 4, 3, 2);
        CompiledModel model = ModelCompiler.compile(g, ModelSettings.worstCase(6, 10, 8));
        long[] q = {1 << 9, 0, 0, 0};
        assertThatThrownBy(() -> model.evaluate(q)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestEngine.run(model.circuitFor(q))).isInstanceOf(SynthesisException.class)
                .hasMessageStartingWith("Assertion failed: input/[0]/signedRange/toBits10/bit[9]");
    }

    @Test
    void cnnWithMaxAndAveragePoolingAgreeWithTheFloatModel() {
        for (String pool : List.of("MaxPool", "AveragePool")) {
            RandomGenerator rng = Runs.rng("EndToEndTest.cnn." + pool);
            ModelGraph g = ModelFixtures.cnn(rng, pool, 4);
            Calibrator.Result cal = Calibrator.calibrate(g, ModelFixtures.gaussianSamples(rng, 200, 36));
            CompiledModel model = cal.model();
            Calibrator.Report report = Calibrator.evaluate(model, ModelFixtures.gaussianSamples(rng, 500, 36));
            assertThat(report.labelAgreement()).as(pool).isGreaterThanOrEqualTo(0.99);
            assertThat(report.unsatisfiable()).isZero();
            float[] x = ModelFixtures.gaussianSamples(rng, 1, 36).get(0);
            long[] q = model.quantizeInput(x);
            assertThat(Runs.outputs(model.circuit(x))).isEqualTo(model.publicSignals(q));
            assertThat(model.floatLogits(x)).hasSize(4).isEqualTo(FloatEvaluator.run(g, x));
        }
    }

    @Test
    void unsupportedOpsAreRejectedNamingTheNode() {
        RandomGenerator rng = Runs.rng("EndToEndTest.unsupported");
        ModelGraph g = ModelFixtures.mlp(rng, 4, 3, 2);
        ModelGraph withErf = ModelGraph.builder().input("input", 1, 4)
                .node(io.zkml4j.ml.graph.Node.of("Erf", List.of("input"), "s")).output("s").build();
        assertThatThrownBy(() -> ModelCompiler.compile(withErf, ModelSettings.worstCase(6, 10, 8)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("Node Erf:s: op type Erf is not supported by the circuit compiler");
        assertThat(ModelCompiler.compile(g, ModelSettings.worstCase(6, 10, 8)).layers()).hasSize(4);
    }

    @Test
    void theReportWarnsBelow99PercentAgreementWithTheSettingToChange() {
        RandomGenerator rng = Runs.rng("EndToEndTest.warning");
        ModelGraph g = ModelFixtures.mlp(rng, 16, 8, 10);
        List<float[]> samples = ModelFixtures.gaussianSamples(rng, 200, 16);
        Calibrator.Report coarse = Calibrator.calibrate(g, samples,
                new Calibrator.Options(16, 3, 2, Visibility.PRIVATE, true)).report();
        assertThat(coarse.labelAgreement()).isLessThan(0.99);
        assertThat(coarse.warning()).hasValueSatisfying(w -> assertThat(w)
                .startsWith("the quantized labels agree with the float model on only ")
                .contains("of the 200 calibration samples (below 99%): calibrate with weightBits 7 instead of 3"));
        assertThat(Calibrator.calibrate(g, samples).report().warning()).isEmpty();
        // a model evaluated on inputs beyond its calibrated widths: the unsatisfiable ones are named
        CompiledModel tight = Calibrator.calibrate(g, samples, new Calibrator.Options(16, 12, 0, Visibility.PRIVATE,
                true)).model();
        List<float[]> wide = new java.util.ArrayList<>();
        for (float[] x : ModelFixtures.gaussianSamples(rng, 50, 16)) {
            float[] y = x.clone();
            for (int i = 0; i < y.length; i++) {
                y[i] *= 8;
            }
            wide.add(y);
        }
        Calibrator.Report r = Calibrator.evaluate(tight, wide);
        assertThat(r.unsatisfiable()).isPositive();
        assertThat(r.warning()).hasValueSatisfying(w -> assertThat(w)
                .contains(r.unsatisfiable() + " of the 50 samples exceed a calibrated accumulator width")
                .contains("more margin bits"));
    }
}
