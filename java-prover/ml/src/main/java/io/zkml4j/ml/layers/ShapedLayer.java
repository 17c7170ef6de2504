package io.zkml4j.ml.layers;

import io.zkml4j.ml.tensor.Interval;

/**
 * What every layer keeps the same way: its name, its input and output shapes (copied in, copied out)
 * and its input bound. Each layer states its own output bound.
 */
abstract class ShapedLayer implements Layer {

    final String name;
    final int[] inShape;
    final int[] outShape;
    final Interval inBound;

    /** Copies both shapes. */
    ShapedLayer(String name, int[] inputShape, int[] outputShape, Interval inputBound) {
        this.name = name;
        this.inShape = inputShape.clone();
        this.outShape = outputShape.clone();
        this.inBound = inputBound;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int[] inputShape() {
        return inShape.clone();
    }

    @Override
    public final Interval inputBound() {
        return inBound;
    }

    @Override
    public final int[] outputShape() {
        return outShape.clone();
    }
}
