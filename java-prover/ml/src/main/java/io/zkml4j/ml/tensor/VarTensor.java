package io.zkml4j.ml.tensor;

import io.zkml4j.circuit.Var;
import io.zkml4j.ml.graph.Shapes;
import java.util.Arrays;
import java.util.List;

/**
 * A shaped array of circuit variables (row-major) with the interval every element is guaranteed
 * to lie in. Immutable; index maps (reshape, flatten, pad, slicing) are free: they rearrange
 * {@link Var}s and emit no constraint.
 */
public final class VarTensor {
    private final int[] shape;
    private final Var[] values;
    private final Interval bound;

    private VarTensor(int[] shape, Var[] values, Interval bound) {
        this.shape = shape;
        this.values = values;
        this.bound = bound;
    }

    /**
     * @param bound an interval the caller guarantees (by constraints already emitted) for every element
     */
    public static VarTensor of(int[] shape, Var[] values, Interval bound) {
        long n = Shapes.size(shape);
        if (n != values.length) {
            throw new IllegalArgumentException("Expected " + n + " variables for shape " + Arrays.toString(shape)
                    + " but got " + values.length);
        }
        return new VarTensor(shape.clone(), values.clone(), bound);
    }

    public int[] shape() {
        return shape.clone();
    }

    public int size() {
        return values.length;
    }

    public Var get(int i) {
        return values[i];
    }

    public List<Var> asList() {
        return List.of(values);
    }

    public Interval bound() {
        return bound;
    }

    /** The same variables under another shape of equal size. Free. */
    public VarTensor reshape(int[] newShape) {
        return of(newShape, values, bound);
    }

    /** Output element {@code i} is input element {@code index[i]}, or {@code fill} where the index is −1. Free. */
    public VarTensor gather(int[] newShape, int[] index, Var fill, Interval fillBound) {
        Var[] out = new Var[index.length];
        boolean filled = false;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0) {
                out[i] = fill;
                filled = true;
            } else {
                out[i] = values[index[i]];
            }
        }
        return of(newShape, out, filled ? bound.union(fillBound) : bound);
    }
}
