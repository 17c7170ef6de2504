package io.zkml4j.ml.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.Circuit;
import io.zkml4j.circuit.CountingBuilder;
import io.zkml4j.circuit.R1csBuilder;
import io.zkml4j.circuit.TestEngine;
import io.zkml4j.circuit.testing.Runs;
import io.zkml4j.ml.graph.ModelGraph;
import io.zkml4j.ml.testing.ModelChecks;
import io.zkml4j.ml.testing.ModelFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Input PRIVATE/PUBLIC/HASHED × output PUBLIC/HASHED: the circuit's public signals (R1CS witness, in
 * snarkjs order) are exactly {@link CompiledModel#publicSignals}, named by {@link PublicSignalLayout};
 * commitments are the native {@link Commitments#commit} under the salt; {@link CompiledModel#layerCosts()}
 * sums to the counted circuit, row by row.
 */
class VisibilityTest {

    private static CompiledModel model(String name, Visibility in, Visibility out, boolean label) {
        RandomGenerator rng = Runs.rng("VisibilityTest." + name);
        ModelGraph g = ModelFixtures.mlp(rng, 20, 6, 3);
        return Calibrator.calibrate(g, ModelFixtures.gaussianSamples(rng, 100, 20),
                new Calibrator.Options(12, 10, 2, in, label, out)).model();
    }

    @ParameterizedTest(name = "input {0}, output {1}, label {2}")
    @CsvSource({"PRIVATE,PUBLIC,true", "PUBLIC,PUBLIC,true", "HASHED,PUBLIC,true", "PRIVATE,HASHED,true",
        "PUBLIC,HASHED,false", "HASHED,HASHED,true", "HASHED,HASHED,false"})
    void publicSignalsFollowTheLayout(Visibility in, Visibility out, boolean label) {
        CompiledModel model = model(in + "/" + out, in, out, label);
        RandomGenerator rng = Runs.rng("VisibilityTest.inputs");
        float[] x = ModelFixtures.gaussianSamples(rng, 1, 20).get(0);
        long[] q = model.quantizeInput(x);
        Fr salt = model.settings().needsSalt() ? Commitments.randomSalt(rng) : null;
        Circuit c = model.circuitFor(q, salt);
        R1csBuilder.Result r = R1csBuilder.build(c);
        assertThat(r.r1cs().check(r.witness()).isSatisfied()).isTrue();
        List<Fr> signals = model.publicSignals(q, salt);
        assertThat(r.publicSignals()).isEqualTo(signals);
        assertThat(TestEngine.run(c).outputs()).isEqualTo(signals.subList(0, r.r1cs().numPublicOutputs()));

        PublicSignalLayout layout = model.publicSignalLayout();
        assertThat(layout.size()).isEqualTo(signals.size());
        // the layout names are the circuit's wire names, in order (wire 0 is the constant one)
        assertThat(r.wireNames().subList(1, 1 + layout.size())).isEqualTo(layout.names());
        List<String> expected = new ArrayList<>();
        if (out == Visibility.HASHED) {
            expected.add("outputCommitment");
        } else {
            expected.addAll(List.of("output[0]", "output[1]", "output[2]"));
            if (label) {
                expected.add("label");
            }
        }
        if (in == Visibility.HASHED) {
            expected.add("inputCommitment");
        } else if (in == Visibility.PUBLIC) {
            for (int i = 0; i < 20; i++) {
                expected.add("input[" + i + "]");
            }
        }
        assertThat(layout.names()).isEqualTo(expected);

        CompiledModel.Inference inf = model.infer(q);
        if (in == Visibility.HASHED) {
            Fr ic = signals.get(layout.indexOf(PublicSignalLayout.INPUT_COMMITMENT));
            assertThat(ic).isEqualTo(model.inputCommitment(q, salt))
                    .isEqualTo(Commitments.commit(salt, q, model.settings().inputBits()))
                    .isNotEqualTo(model.inputCommitment(q, salt.add(Fr.ONE)));
        }
        if (out == Visibility.HASHED) {
            long[] committed = label ? java.util.Arrays.copyOf(inf.output(), 4) : inf.output();
            if (label) {
                committed[3] = inf.label();
            }
            assertThat(signals.get(0)).isEqualTo(model.outputCommitment(q, salt))
                    .isEqualTo(Commitments.commit(salt, committed, model.outputCommitmentBits()));
            // the label is inside: another label gives another commitment
            if (label) {
                committed[3] = (inf.label() + 1) % 3;
                assertThat(Commitments.commit(salt, committed, model.outputCommitmentBits())).isNotEqualTo(signals.get(0));
            }
        }

        CountingBuilder.Counts k = CountingBuilder.count(model.circuitFor(null, null));
        assertThat(k.publicInputs()).isEqualTo(in == Visibility.PUBLIC ? 20 : 0);
        assertThat(k.privateInputs()).isEqualTo((in == Visibility.PUBLIC ? 0 : 20) + (model.settings().needsSalt() ? 1 : 0));
        assertThat(k.publicOutputs() + k.publicInputs()).isEqualTo(layout.size());
        ModelChecks.assertLayerCostsMatchTheCircuit(model);
    }

    @Test
    void saltIsRequiredExactlyWhenSomethingIsHashed() {
        CompiledModel hashed = model("salt", Visibility.HASHED, Visibility.PUBLIC, true);
        long[] q = new long[20];
        assertThatThrownBy(() -> hashed.circuitFor(q)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a salt");
        CompiledModel plain = model("nosalt", Visibility.PRIVATE, Visibility.PUBLIC, true);
        assertThatThrownBy(() -> plain.circuitFor(q, Fr.ONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No tensor is hashed");
        assertThatThrownBy(() -> plain.settings().withOutputVisibility(Visibility.PRIVATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PUBLIC or HASHED");
    }
}
