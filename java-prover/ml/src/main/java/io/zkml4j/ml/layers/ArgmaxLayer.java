package io.zkml4j.ml.layers;

import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.Var;
import io.zkml4j.circuit.gadgets.ArgmaxGadget;
import io.zkml4j.ml.reference.ReferenceOps;
import io.zkml4j.ml.tensor.Interval;
import io.zkml4j.ml.tensor.VarTensor;

/**
 * The predicted class: the index of the largest of {@code m} logits (ties → lowest index), with
 * {@link ArgmaxGadget} of width {@code n = } the input interval's {@link Interval#differenceWidth()}
 * (its precondition then holds for every pair of guaranteed inputs). Stands in for a final
 * Softmax, which is monotone and does not change the argmax. Output shape [1], bound [0, m − 1].
 *
 * <p><b>Cost: (m − 1)(n + 3) − 1 constraints</b> ({@code m ≥ 2}).
 */
public final class ArgmaxLayer implements Layer {
    private final String name;
    private final int[] inShape;
    private final int m;
    private final Interval inBound;
    private final int n;

    public ArgmaxLayer(String name, int[] inputShape, Interval inputBound) {
        this.name = name;
        this.inShape = inputShape.clone();
        this.m = (int) io.zkml4j.ml.graph.Shapes.size(inputShape);
        this.inBound = inputBound;
        this.n = inputBound.differenceWidth();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] inputShape() {
        return inShape.clone();
    }

    @Override
    public Interval inputBound() {
        return inBound;
    }

    @Override
    public int[] outputShape() {
        return new int[] {1};
    }

    @Override
    public Interval outputBound() {
        return new Interval(0, m - 1);
    }

    @Override
    public long[] evaluate(long[] input) {
        Layer.requireInput(this, input);
        return new long[] {ReferenceOps.argmax(input)};
    }

    @Override
    public VarTensor define(CircuitApi api, VarTensor input) {
        Layer.requireInput(this, input);
        try (var ns = api.namespace(name)) {
            Var index = new ArgmaxGadget(api, n).argmax(input.asList()).index();
            return VarTensor.of(new int[] {1}, new Var[] {index}, outputBound());
        }
    }

    @Override
    public long constraintCount() {
        return m < 2 ? 0 : (long) (m - 1) * (n + 3) - 1;
    }
}
