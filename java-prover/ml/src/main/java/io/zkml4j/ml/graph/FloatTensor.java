package io.zkml4j.ml.graph;

import java.util.Arrays;

/**
 * An immutable float tensor: a shape and its values in row-major (C) order.
 *
 * <p>Integer tensors of a model (ONNX {@code int64} initializers such as a Reshape target shape
 * or Pad amounts) are stored here as floats too; that is exact for every |v| &lt; 2<sup>24</sup>,
 * which {@link #asLongs()} checks. Arrays are copied in and out.
 */
public final class FloatTensor {
    private final int[] shape;
    private final float[] data;

    private FloatTensor(int[] shape, float[] data) {
        this.shape = shape;
        this.data = data;
    }

    /** A tensor of {@code shape} holding {@code data} (copied); the lengths must agree. */
    public static FloatTensor of(int[] shape, float[] data) {
        int[] s = shape.clone();
        long n = Shapes.size(s);
        if (n != data.length) {
            throw new IllegalArgumentException("Expected " + n + " values for shape "
                    + Arrays.toString(s) + " but got " + data.length);
        }
        return new FloatTensor(s, data.clone());
    }

    /** A rank-1 tensor of the given values. */
    public static FloatTensor vector(float... data) {
        return of(new int[] {data.length}, data);
    }

    /** A tensor of integers (ONNX int64 data), stored exactly as floats. */
    public static FloatTensor ofLongs(int[] shape, long[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            if (Math.abs(values[i]) >= (1L << 24)) {
                throw new IllegalArgumentException("Integer " + values[i] + " is not exact as a float");
            }
            f[i] = values[i];
        }
        return of(shape, f);
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public int size() {
        return data.length;
    }

    /** A copy of the values, row-major. */
    public float[] data() {
        return data.clone();
    }

    public float get(int flatIndex) {
        return data[flatIndex];
    }

    /** The values as integers; throws if one is not an integer. */
    public long[] asLongs() {
        long[] out = new long[data.length];
        for (int i = 0; i < data.length; i++) {
            if (data[i] != Math.rint(data[i])) {
                throw new IllegalArgumentException("Value " + data[i] + " at " + i + " is not an integer");
            }
            out[i] = (long) data[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatTensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "FloatTensor" + Arrays.toString(shape);
    }
}
