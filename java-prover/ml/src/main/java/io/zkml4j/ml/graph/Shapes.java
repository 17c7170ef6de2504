package io.zkml4j.ml.graph;

import java.util.Arrays;

/** Shape arithmetic shared by the float evaluator, the integer reference and the layers. */
public final class Shapes {
    private Shapes() {}

    /** The number of elements of {@code shape}; every dimension must be positive. */
    public static long size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("Dimensions must be positive: " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Row-major strides of {@code shape}. */
    public static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /** Output length of a pooled/convolved axis: floor((in + padBegin + padEnd − kernel) / stride) + 1. */
    public static int windowOutput(int in, int kernel, int stride, int padBegin, int padEnd) {
        int span = in + padBegin + padEnd - kernel;
        if (span < 0 || stride <= 0) {
            throw new IllegalArgumentException("Kernel " + kernel + " does not fit input " + in
                    + " with pads " + padBegin + "/" + padEnd + " and stride " + stride);
        }
        return span / stride + 1;
    }

    /**
     * ONNX Reshape semantics: {@code 0} copies the input dimension at that position, one {@code −1}
     * is inferred; the element count must be preserved.
     */
    public static int[] reshape(int[] in, long[] target) {
        int[] out = new int[target.length];
        int infer = -1;
        long known = 1;
        for (int i = 0; i < target.length; i++) {
            long t = target[i];
            if (t == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("Reshape: more than one -1 in " + Arrays.toString(target));
                }
                infer = i;
                continue;
            }
            if (t == 0) {
                if (i >= in.length) {
                    throw new IllegalArgumentException("Reshape: 0 at axis " + i + " beyond input rank");
                }
                t = in[i];
            }
            if (t <= 0) {
                throw new IllegalArgumentException("Reshape: invalid dimension " + t);
            }
            out[i] = (int) t;
            known *= t;
        }
        long total = size(in);
        if (infer >= 0) {
            if (total % known != 0) {
                throw new IllegalArgumentException("Reshape: cannot infer -1 for " + Arrays.toString(in)
                        + " → " + Arrays.toString(target));
            }
            out[infer] = (int) (total / known);
        } else if (known != total) {
            throw new IllegalArgumentException("Reshape: " + Arrays.toString(in) + " has " + total
                    + " elements, target " + Arrays.toString(target) + " has " + known);
        }
        return out;
    }

    /** ONNX Flatten: [prod(in[0..axis)), prod(in[axis..))]; a negative axis counts from the end. */
    public static int[] flatten(int[] in, int axis) {
        int a = axis < 0 ? axis + in.length : axis;
        if (a < 0 || a > in.length) {
            throw new IllegalArgumentException("Flatten: axis " + axis + " out of range for rank " + in.length);
        }
        int outer = 1;
        int inner = 1;
        for (int i = 0; i < in.length; i++) {
            if (i < a) {
                outer *= in[i];
            } else {
                inner *= in[i];
            }
        }
        return new int[] {outer, inner};
    }
}
