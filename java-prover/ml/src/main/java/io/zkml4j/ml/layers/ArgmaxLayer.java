package io.zkml4j.ml.layers;

import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.Var;
import io.zkml4j.circuit.gadgets.ArgmaxGadget;
import io.zkml4j.circuit.gadgets.ComparisonGadget;
import io.zkml4j.ml.reference.ReferenceOps;
import io.zkml4j.ml.tensor.Interval;
import io.zkml4j.ml.tensor.VarTensor;

/**
 * The predicted class ({@link ReferenceOps#decision}): for {@code m ≥ 2} logits the index of the largest
 * (ties → lowest index), with {@link ArgmaxGadget} of width {@code n = } the input interval's
 * {@link Interval#differenceWidth()} (its precondition then holds for every pair of guaranteed inputs);
 * for a single logit (a binary classifier) {@code 1} if it is {@code > 0} and {@code 0} otherwise (a zero
 * logit, σ = 1/2 exactly, gives 0), with {@link ComparisonGadget#isLess isLess(0, x)} of width
 * {@code n = } the difference width of the input interval joined with 0. Stands in for a final Softmax,
 * Sigmoid or Tanh, which are monotone and do not change the decision when it is taken on their inputs.
 * Output shape [1], bound [0, max(m − 1, 1)].
 *
 * <p><b>Cost: (m − 1)(n + 3) − 1 constraints</b> for {@code m ≥ 2}; {@code n + 1} for {@code m = 1}.
 */
public final class ArgmaxLayer extends ShapedLayer {
    private final int m;
    private final int n;

    public ArgmaxLayer(String name, int[] inputShape, Interval inputBound) {
        super(name, inputShape, new int[] {1}, inputBound);
        this.m = (int) io.zkml4j.ml.graph.Shapes.size(inputShape);
        this.n = m == 1 ? inputBound.union(Interval.of(0)).differenceWidth() : inputBound.differenceWidth();
    }

    @Override
    public Interval outputBound() {
        return new Interval(0, Math.max(m - 1, 1));
    }

    @Override
    public long[] evaluate(long[] input) {
        Layer.requireInput(this, input);
        return new long[] {ReferenceOps.decision(input)};
    }

    @Override
    public VarTensor define(CircuitApi api, VarTensor input) {
        Layer.requireInput(this, input);
        try (var ns = api.namespace(name)) {
            Var index = m == 1 ? new ComparisonGadget(api, n).isLess(api.constant(0), input.get(0))
                    : new ArgmaxGadget(api, n).argmax(input.asList()).index();
            return VarTensor.of(new int[] {1}, new Var[] {index}, outputBound());
        }
    }

    @Override
    public long constraintCount() {
        return m == 1 ? n + 1 : (long) (m - 1) * (n + 3) - 1;
    }

    /** {@code [m]}. */
    @Override
    public long[] parameters() {
        return new long[] {m};
    }
}
