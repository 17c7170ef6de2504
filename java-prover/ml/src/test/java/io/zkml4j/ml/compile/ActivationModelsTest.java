package io.zkml4j.ml.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.CountingBuilder;
import io.zkml4j.circuit.testing.Runs;
import io.zkml4j.ml.graph.FloatEvaluator;
import io.zkml4j.ml.graph.ModelGraph;
import io.zkml4j.ml.layers.ActivationLayer;
import io.zkml4j.ml.layers.GemmLayer;
import io.zkml4j.ml.reference.Activation;
import io.zkml4j.ml.testing.ModelFixtures;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Models with Sigmoid and Tanh: fused after a Gemm, inside a network, as the last op of a classifier
 * (whose label is taken on the pre-activation logits, exactly), and as a binary classifier.
 */
class ActivationModelsTest {

    @Test
    void oneVsRestLogisticRegressionDecidesOnTheLogitsAndOutputsTheSigmoids() {
        RandomGenerator rng = Runs.rng("ActivationModelsTest.logistic");
        ModelGraph g = ModelFixtures.logistic(rng, 16, 5, "Sigmoid", 1.5);
        Calibrator.Result cal = Calibrator.calibrate(g, ModelFixtures.gaussianSamples(rng, 300, 16));
        CompiledModel model = cal.model();
        assertThat(model.layers()).hasSize(2);
        ActivationLayer act = (ActivationLayer) model.layers().get(1);
        assertThat(act.function()).isEqualTo(Activation.SIGMOID);
        assertThat(act.shift()).isEqualTo(cal.settings().weightScaleOf("logits"));
        assertThat(model.floatOutputName()).isEqualTo("output");
        assertThat(model.floatDecisionName()).isEqualTo("logits");
        List<float[]> fresh = ModelFixtures.gaussianSamples(rng, 1000, 16);
        Calibrator.Report report = Calibrator.evaluate(model, fresh);
        assertThat(report.labelAgreement()).isGreaterThanOrEqualTo(0.99);
        assertThat(report.warning()).isEmpty();
        // outputs within the stated bound of the exact sigmoid of the quantized logits, plus the logits' own error
        assertThat(report.maxAbsError()).isLessThan(act.table().errorBound() + 0.01);
        for (float[] x : fresh.subList(0, 6)) {
            long[] q = model.quantizeInput(x);
            CompiledModel.Inference r = model.infer(q);
            assertThat(r.logits()).isEqualTo(act.preActivation(((GemmLayer) model.layers().get(0)).evaluate(q)));
            assertThat(r.label()).isEqualTo(io.zkml4j.ml.reference.ReferenceOps.argmax(r.logits()));
            assertThat(Runs.outputs(model.circuit(x))).isEqualTo(model.publicSignals(q));
            assertThat(model.floatLabel(x)).isEqualTo(FloatEvaluator.argmax(FloatEvaluator.run(g, x)));
        }
        assertThat(CountingBuilder.count(model.circuitFor(null)).constraints()).isEqualTo(model.constraintCount());
    }

    @Test
    void saturatedSigmoidsTieButTheLabelFollowsTheLogits() {
        RandomGenerator rng = Runs.rng("ActivationModelsTest.saturated");
        ModelGraph g = ModelFixtures.logistic(rng, 4, 3, "Sigmoid", 1);
        CompiledModel model = ModelCompiler.compile(g, ModelSettings.worstCase(8, 14, 8));
        // huge inputs: every logit beyond 8, so all three sigmoids are the clamp value y_N
        long[] q = null;
        CompiledModel.Inference r = null;
        for (int t = 0; t < 200; t++) {
            long[] c = new long[4];
            for (int i = 0; i < 4; i++) {
                c[i] = rng.nextLong(-(1L << 13), 1L << 13);
            }
            r = model.infer(c);
            if (java.util.Arrays.stream(r.logits()).allMatch(v -> v >= 8 << 8) && r.logits()[0] != r.logits()[1]) {
                q = c;
                break;
            }
        }
        assertThat(q).as("some input saturates every output").isNotNull();
        assertThat(r.output()).containsOnly(r.output()[0]);
        int byLogits = io.zkml4j.ml.reference.ReferenceOps.argmax(r.logits());
        assertThat(r.label()).isEqualTo(byLogits);
        List<Fr> signals = Runs.outputs(model.circuitFor(q));
        assertThat(signals.get(3)).isEqualTo(Fr.of(byLogits));
    }

    @Test
    void aSingleSigmoidIsABinaryClassifierOnTheSignOfTheLogit() {
        RandomGenerator rng = Runs.rng("ActivationModelsTest.binary");
        ModelGraph g = ModelFixtures.logistic(rng, 8, 1, "Sigmoid", 1);
        Calibrator.Result cal = Calibrator.calibrate(g, ModelFixtures.gaussianSamples(rng, 300, 8));
        CompiledModel model = cal.model();
        List<float[]> fresh = ModelFixtures.gaussianSamples(rng, 500, 8);
        assertThat(Calibrator.evaluate(model, fresh).labelAgreement()).isGreaterThanOrEqualTo(0.99);
        int ones = 0;
        for (float[] x : fresh.subList(0, 20)) {
            long[] q = model.quantizeInput(x);
            CompiledModel.Inference r = model.infer(q);
            assertThat(r.label()).isEqualTo(r.logits()[0] > 0 ? 1 : 0);
            assertThat(model.floatLabel(x)).isEqualTo(FloatEvaluator.run(g, x)[0] > 0.5f ? 1 : 0);
            ones += r.label();
            assertThat(Runs.outputs(model.circuit(x))).isEqualTo(model.publicSignals(q)).hasSize(2);
        }
        assertThat(ones).isBetween(1, 19);
    }

    @Test
    void tanhInsideAnMlpAgreesWithTheFloatModel() {
        RandomGenerator rng = Runs.rng("ActivationModelsTest.tanh");
        ModelGraph g = ModelFixtures.tanhMlp(rng, 12, 8, 4);
        Calibrator.Result cal = Calibrator.calibrate(g, ModelFixtures.gaussianSamples(rng, 300, 12));
        CompiledModel model = cal.model();
        assertThat(model.layers().get(1)).isInstanceOf(ActivationLayer.class);
        assertThat(cal.settings().accumulatorBits()).containsOnlyKeys("h", "logits");
        Calibrator.Report report = Calibrator.evaluate(model, ModelFixtures.gaussianSamples(rng, 1000, 12));
        assertThat(report.labelAgreement()).isGreaterThanOrEqualTo(0.98);
        assertThat(report.unsatisfiable()).isZero();
        float[] x = ModelFixtures.gaussianSamples(rng, 1, 12).get(0);
        assertThat(Runs.outputs(model.circuit(x))).isEqualTo(model.publicSignals(model.quantizeInput(x)));
    }
}
