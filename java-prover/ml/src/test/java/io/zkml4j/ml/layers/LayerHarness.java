package io.zkml4j.ml.layers;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.Circuit;
import io.zkml4j.circuit.Var;
import io.zkml4j.ml.graph.Shapes;
import io.zkml4j.ml.tensor.VarTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Wraps one layer in a circuit: private inputs (values or none), the layer, public outputs. */
public final class LayerHarness {
    private LayerHarness() {}

    /** @param input the input values, or null to compile/count without values */
    public static Circuit circuit(Layer layer, long[] input) {
        return api -> {
            int n = (int) Shapes.size(layer.inputShape());
            Var[] in = new Var[n];
            for (int i = 0; i < n; i++) {
                in[i] = api.privateInput("x" + i, input == null ? null : Fr.of(input[i]));
            }
            VarTensor out = layer.define(api, VarTensor.of(layer.inputShape(), in, layer.inputBound()));
            for (int i = 0; i < out.size(); i++) {
                api.publicOutput("y" + i, out.get(i));
            }
        };
    }

    public static List<Fr> asFr(long[] v) {
        List<Fr> out = new ArrayList<>();
        for (long x : v) {
            out.add(Fr.of(x));
        }
        return out;
    }

    /** Uniform values of the layer's input bound, with its endpoints mixed in. */
    public static long[] randomInput(Layer layer, RandomGenerator rng) {
        int n = (int) Shapes.size(layer.inputShape());
        long lo = layer.inputBound().lo(), hi = layer.inputBound().hi();
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            int pick = rng.nextInt(10);
            v[i] = pick == 0 ? lo : pick == 1 ? hi : pick == 2 ? 0 : rng.nextLong(lo, hi + 1);
        }
        return v;
    }
}
