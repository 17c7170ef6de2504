package io.zkml4j.ml.layers;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.Var;
import io.zkml4j.ml.tensor.Interval;
import java.util.ArrayList;
import java.util.List;

/** Shared pieces of the fixed-weight linear layers (Gemm, Conv). */
final class Linear {
    private Linear() {}

    /** {@code Σ wᵢ·xᵢ + bias} as one free linear combination (zero weights are skipped). */
    static Var dot(CircuitApi api, List<Var> xs, long[] ws, long bias) {
        List<Var> terms = new ArrayList<>();
        List<Fr> factors = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            if (ws[i] != 0) {
                terms.add(xs.get(i));
                factors.add(Fr.of(ws[i]));
            }
        }
        Var acc = terms.isEmpty() ? api.constant(0) : api.linearCombination(terms, factors);
        return bias == 0 ? acc : api.addConst(acc, Fr.of(bias));
    }

    /** The interval of {@code Σ wᵢ·xᵢ + bias} for every {@code xᵢ ∈ in}. */
    static Interval dotBound(Interval in, long[] ws, int from, int count, long bias) {
        Interval acc = Interval.of(bias);
        for (int i = from; i < from + count; i++) {
            acc = acc.plus(in.times(ws[i]));
        }
        return acc;
    }
}
