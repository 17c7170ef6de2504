package io.zkml4j.ml.layers;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.ml.graph.FloatEvaluator;
import io.zkml4j.ml.graph.Shapes;
import io.zkml4j.ml.reference.ReferenceOps;
import io.zkml4j.ml.tensor.Interval;
import io.zkml4j.ml.tensor.VarTensor;
import java.util.Arrays;

/**
 * Ops that only move values: Flatten and Reshape (row-major order unchanged) and constant Pad
 * (padding cells are the quantized constant). <b>Cost: 0 constraints.</b> Output bound: the input
 * bound, joined with the pad value when there is padding.
 */
public final class IndexMapLayer extends ShapedLayer {
    private final long[] pads;
    private final long padValue;

    private IndexMapLayer(String name, int[] inShape, int[] outShape, Interval inBound, long[] pads, long padValue) {
        super(name, inShape, outShape, inBound);
        this.pads = pads;
        this.padValue = padValue;
    }

    /** Flatten or Reshape to {@code outShape} (same element count). */
    public static IndexMapLayer reshape(String name, int[] inShape, int[] outShape, Interval inBound) {
        if (Shapes.size(inShape) != Shapes.size(outShape)) {
            throw new IllegalArgumentException(name + ": cannot reshape " + Arrays.toString(inShape) + " to "
                    + Arrays.toString(outShape));
        }
        return new IndexMapLayer(name, inShape, outShape, inBound, null, 0);
    }

    /** Constant padding (ONNX pads order), cells filled with the already-quantized {@code value}. */
    public static IndexMapLayer pad(String name, int[] inShape, long[] pads, long value, Interval inBound) {
        if (pads.length != 2 * inShape.length) {
            throw new IllegalArgumentException(name + ": expected " + 2 * inShape.length + " pads");
        }
        int[] out = new int[inShape.length];
        for (int i = 0; i < inShape.length; i++) {
            if (pads[i] < 0 || pads[i + inShape.length] < 0) {
                throw new IllegalArgumentException(name + ": negative pads are not supported");
            }
            out[i] = (int) (inShape[i] + pads[i] + pads[i + inShape.length]);
        }
        return new IndexMapLayer(name, inShape, out, inBound, pads.clone(), value);
    }

    private boolean padded() {
        return pads != null && Shapes.size(inShape) != Shapes.size(outShape);
    }

    @Override
    public Interval outputBound() {
        return padded() ? inBound.union(Interval.of(padValue)) : inBound;
    }

    @Override
    public long[] evaluate(long[] input) {
        Layer.requireInput(this, input);
        return pads == null ? input.clone() : ReferenceOps.pad(input, inShape, pads, padValue);
    }

    @Override
    public VarTensor define(CircuitApi api, VarTensor input) {
        Layer.requireInput(this, input);
        if (pads == null) {
            return input.reshape(outShape);
        }
        return input.gather(outShape, FloatEvaluator.padIndex(inShape, pads), api.constant(Fr.of(padValue)),
                Interval.of(padValue)).reshape(outShape);
    }

    @Override
    public long constraintCount() {
        return 0;
    }

    /** {@code [input rank, input shape…, output rank, output shape…, 0]} or, for a Pad, {@code […, 1, pads…, value]}. */
    @Override
    public long[] parameters() {
        long[] tail = pads == null ? new long[] {0} : Layer.words(new long[] {1}, pads, new long[] {padValue});
        return Layer.words(Layer.shapeWords(inShape), Layer.shapeWords(outShape), tail);
    }
}
