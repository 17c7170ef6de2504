package io.zkml4j.circuit.gadgets;

import io.zkml4j.circuit.BoolVar;
import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.SynthesisException;
import io.zkml4j.circuit.Var;
import java.util.List;

/**
 * Maximum and argmax over a vector of bounded values.
 *
 * <p><b>Construction.</b> A running maximum: for {@code i = 1..m-1},
 * {@code cᵢ = isLess(max, xᵢ)} ({@link ComparisonGadget}, strict), {@code max ← cᵢ ? xᵢ : max},
 * {@code index ← cᵢ ? i : index}. Everything is a constrained function of the inputs; no hint is
 * involved beyond the pinned comparison bits, so the index cannot be chosen by the prover.
 * <b>Ties</b> go to the lowest index (the comparison is strict), as numpy's and PyTorch's argmax.
 *
 * <p><b>Precondition:</b> every pairwise difference satisfies {@code |xᵢ - xⱼ| < 2ⁿ}, e.g. all
 * values in {@code [-2^{n-1}, 2^{n-1})}.
 */
public final class ArgmaxGadget {

    private final CircuitApi api;
    private final ComparisonGadget cmp;

    /** @param n the comparison width (see {@link ComparisonGadget}) */
    public ArgmaxGadget(CircuitApi api, int n) {
        this.api = api;
        this.cmp = new ComparisonGadget(api, n);
    }

    /**
     * The index and value of the maximum.
     *
     * @param index the lowest index holding the maximum, in {@code [0, m)}
     * @param max   the maximum
     */
    public record Result(Var index, Var max) {
    }

    /**
     * Argmax and max of {@code xs} ({@code m ≥ 1}). Cost: {@code (m − 1)·(n + 3) − 1} constraints for
     * {@code m ≥ 2} (the first index update, {@code c₁ ? 1 : 0 = c₁}, is free), 0 for {@code m = 1}.
     */
    public Result argmax(List<? extends Var> xs) {
        requireNonEmpty(xs);
        try (var ns = api.namespace("argmax")) {
            Var max = xs.get(0);
            Var index = api.constant(0);
            for (int i = 1; i < xs.size(); i++) {
                try (var step = api.namespace("step" + i)) {
                    BoolVar greater = cmp.isLess(max, xs.get(i));
                    max = api.select(greater, xs.get(i), max);
                    index = api.select(greater, api.constant(i), index);
                }
            }
            return new Result(index, max);
        }
    }

    /** The maximum of {@code xs}. Cost: {@code (m − 1)·(n + 2)} constraints. */
    public Var max(List<? extends Var> xs) {
        requireNonEmpty(xs);
        try (var ns = api.namespace("max")) {
            Var max = xs.get(0);
            for (int i = 1; i < xs.size(); i++) {
                max = cmp.max(max, xs.get(i));
            }
            return max;
        }
    }

    /**
     * The one-hot encoding of {@code index ∈ [0, m)}: {@code hotⱼ = [index == j]}. Cost: {@code 2m}
     * constraints ({@code isEqual} each). If {@code index} is outside {@code [0, m)} every flag is 0,
     * so callers who need exactly one flag set should assert {@code Σ hotⱼ = 1} (1 more constraint).
     */
    public BoolVar[] oneHot(Var index, int m) {
        if (m < 1) {
            throw new SynthesisException("Expected m >= 1 but got " + m);
        }
        try (var ns = api.namespace("oneHot")) {
            BoolVar[] hot = new BoolVar[m];
            for (int j = 0; j < m; j++) {
                hot[j] = api.isEqual(index, api.constant(j));
            }
            return hot;
        }
    }

    private static void requireNonEmpty(List<? extends Var> xs) {
        if (xs.isEmpty()) {
            throw new SynthesisException("Expected at least one value");
        }
    }
}
