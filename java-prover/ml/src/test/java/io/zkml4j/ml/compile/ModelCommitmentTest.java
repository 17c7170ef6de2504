package io.zkml4j.ml.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.testing.Runs;
import io.zkml4j.ml.graph.FloatTensor;
import io.zkml4j.ml.graph.ModelGraph;
import io.zkml4j.ml.testing.ModelFixtures;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link CompiledModel#commitment()}: deterministic, and changed by any weight or any setting that changes the circuit. */
class ModelCommitmentTest {

    private static ModelGraph withWeight(ModelGraph g, String name, int index, float delta) {
        ModelGraph.Builder b = ModelGraph.builder().input(g.inputName(), g.inputShape());
        g.initializers().forEach((k, v) -> {
            if (k.equals(name)) {
                float[] d = v.data();
                d[index] += delta;
                v = FloatTensor.of(v.shape(), d);
            }
            b.initializer(k, v);
        });
        g.nodes().forEach(b::node);
        g.outputNames().forEach(b::output);
        return b.build();
    }

    @Test
    void oneWeightOrOneSettingChangesTheCommitment() {
        ModelGraph g = ModelFixtures.cnn(Runs.rng("ModelCommitmentTest"), "AveragePool", 4);
        ModelSettings s = ModelSettings.worstCase(8, 12, 8).withAccumulatorBits(Map.of("c_bn", 16, "logits", 18));
        CompiledModel m0 = ModelCompiler.compile(g, s);
        // the widths are below the worst case, so they are what the circuit enforces
        assertThat(((io.zkml4j.ml.layers.ReluLayer) m0.layers().get(1)).width()).isEqualTo(16);
        Fr base = m0.commitment();
        assertThat(ModelCompiler.compile(g, s).commitment()).isEqualTo(base);
        List<CompiledModel> variants = List.of(
                ModelCompiler.compile(withWeight(g, "fc.w", 17, 0.05f), s), // one quantized weight moves
                ModelCompiler.compile(withWeight(g, "conv.b", 2, 0.05f), s),
                ModelCompiler.compile(g, s.withAccumulatorBits(Map.of("c_bn", 17, "logits", 18))),
                ModelCompiler.compile(g, s.withInputVisibility(Visibility.PUBLIC)),
                ModelCompiler.compile(g, s.withInputVisibility(Visibility.HASHED)),
                ModelCompiler.compile(g, s.withOutputVisibility(Visibility.HASHED)),
                ModelCompiler.compile(g, s.withOutputLabel(false)),
                ModelCompiler.compile(g, new ModelSettings(9, 12, 8, s.accumulatorBits(), Visibility.PRIVATE, true)),
                ModelCompiler.compile(g, new ModelSettings(8, 13, 8, s.accumulatorBits(), Visibility.PRIVATE, true)),
                ModelCompiler.compile(g, new ModelSettings(8, 12, 7, s.accumulatorBits(), Visibility.PRIVATE, true)));
        Set<Fr> seen = new HashSet<>(List.of(base));
        for (CompiledModel m : variants) {
            assertThat(seen.add(m.commitment())).as(m.settings().toString()).isTrue();
        }
        // a Sigmoid head and a Tanh head over the same weights differ (the approximation is committed)
        ModelGraph sig = ModelFixtures.logistic(Runs.rng("ModelCommitmentTest.act"), 6, 3, "Sigmoid", 1);
        ModelGraph tanh = ModelFixtures.logistic(Runs.rng("ModelCommitmentTest.act"), 6, 3, "Tanh", 1);
        ModelSettings as = ModelSettings.worstCase(8, 12, 8);
        assertThat(ModelCompiler.compile(sig, as).commitment()).isNotEqualTo(ModelCompiler.compile(tanh, as).commitment());
    }
}
