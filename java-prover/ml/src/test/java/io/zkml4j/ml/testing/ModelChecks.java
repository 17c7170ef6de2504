package io.zkml4j.ml.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.circuit.CountingBuilder;
import io.zkml4j.ml.compile.CompiledModel;
import io.zkml4j.ml.compile.LayerCost;
import io.zkml4j.ml.graph.Shapes;
import io.zkml4j.ml.layers.Layer;
import io.zkml4j.ml.layers.LayerHarness;
import java.util.List;

/** Checks shared by the ml and onnx tests of compiled models. */
public final class ModelChecks {
    private ModelChecks() {}

    /**
     * {@link CompiledModel#layerCosts()} sums to the counted circuit ({@link CountingBuilder}) and to
     * {@link CompiledModel#constraintCount()}, and each layer's row is what that layer costs alone.
     */
    public static void assertLayerCostsMatchTheCircuit(CompiledModel model) {
        List<LayerCost> rows = model.layerCosts();
        assertThat(rows.stream().mapToLong(LayerCost::constraints).sum())
                .isEqualTo(model.constraintCount())
                .isEqualTo(CountingBuilder.count(model.circuitFor(null, null)).constraints());
        for (Layer l : model.layers()) {
            LayerCost row = rows.stream().filter(c -> c.name().equals(l.name())).findFirst().orElseThrow();
            long outputs = Shapes.size(l.outputShape());
            assertThat(row.constraints()).as(l.name())
                    .isEqualTo(CountingBuilder.count(LayerHarness.circuit(l, null)).constraints() - outputs);
            assertThat(row.outputShape()).isEqualTo(l.outputShape());
        }
        assertThat(rows.get(0).name()).isEqualTo("input");
        assertThat(rows.get(rows.size() - 1).name()).isEqualTo("publicOutputs");
    }
}
