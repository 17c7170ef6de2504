package io.zkml4j.ml.tensor;

import io.zkml4j.ml.graph.Shapes;
import java.util.Arrays;

/**
 * An immutable fixed-point tensor: integer values, a shape, and a power-of-two scale exponent
 * {@code s}; element {@code q} stands for the real number {@code q / 2^s}. Arrays are copied.
 *
 * <p>Quantization rounds to nearest with halves rounded up ({@code ⌊x·2^s + 1/2⌋}); dequantization
 * is exact ({@code q·2^(−s)} in double).
 */
public final class QuantizedTensor {
    private final int[] shape;
    private final long[] values;
    private final int scale;

    private QuantizedTensor(int[] shape, long[] values, int scale) {
        this.shape = shape;
        this.values = values;
        this.scale = scale;
    }

    public static QuantizedTensor of(int[] shape, long[] values, int scale) {
        long n = Shapes.size(shape);
        if (n != values.length) {
            throw new IllegalArgumentException("Expected " + n + " values for shape " + Arrays.toString(shape)
                    + " but got " + values.length);
        }
        return new QuantizedTensor(shape.clone(), values.clone(), scale);
    }

    /** {@code ⌊x·2^s + 1/2⌋}: round to nearest, halves up. Throws if the result does not fit a long. */
    public static long quantize(double x, int scale) {
        double v = Math.floor(Math.scalb(x, scale) + 0.5);
        if (!(Math.abs(v) < 0x1p62)) {
            throw new ArithmeticException("Cannot quantize " + x + " at scale 2^" + scale);
        }
        return (long) v;
    }

    public static double dequantize(long q, int scale) {
        return Math.scalb((double) q, -scale);
    }

    /** Quantizes each value at scale {@code s}. */
    public static QuantizedTensor quantize(int[] shape, float[] values, int scale) {
        long[] q = new long[values.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = quantize(values[i], scale);
        }
        return of(shape, q, scale);
    }

    public int[] shape() {
        return shape.clone();
    }

    public long[] values() {
        return values.clone();
    }

    public long get(int i) {
        return values[i];
    }

    public int size() {
        return values.length;
    }

    public int scale() {
        return scale;
    }

    public float[] dequantize() {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) dequantize(values[i], scale);
        }
        return f;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuantizedTensor t && scale == t.scale && Arrays.equals(shape, t.shape)
                && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(shape) + Arrays.hashCode(values)) + scale;
    }

    @Override
    public String toString() {
        return "QuantizedTensor" + Arrays.toString(shape) + "@2^-" + scale;
    }
}
