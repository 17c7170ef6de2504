package io.zkml4j.ml.layers;

import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.Var;
import io.zkml4j.ml.reference.ReferenceOps;
import io.zkml4j.ml.tensor.Interval;
import io.zkml4j.ml.tensor.VarTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A dense layer with fixed integer weights: {@code acc[i][j] = Σ_t x[i][t]·W[j][t] + b[j]} for an
 * input of shape [m, k] and weights [n, k] (ONNX Gemm, transB = 1, after the compiler has folded
 * alpha, beta and transposition). The outputs are accumulators, not yet rescaled.
 *
 * <p><b>Cost: 0 constraints</b> — the weights are constants, so each output is a linear combination
 * of inputs. The output bound is the exact worst case over the input interval:
 * {@code [min_j (b_j + Σ_t min(W·lo, W·hi)), max_j (…)]}.
 */
public final class GemmLayer extends ShapedLayer {
    private final int m;
    private final int k;
    private final int n;
    private final long[] weights;
    private final long[] bias;
    private final Interval outBound;

    /**
     * @param inputShape [m, k]
     * @param weights    row-major [n, k]
     * @param bias       length n (at the accumulator's scale, including any rounding offset), or null
     */
    public GemmLayer(String name, int[] inputShape, Interval inputBound, long[] weights, int n, long[] bias) {
        super(name, inputShape, outputShape(name, inputShape, weights, n, bias), inputBound);
        this.m = inputShape[0];
        this.k = inputShape[1];
        this.n = n;
        this.weights = weights.clone();
        this.bias = bias == null ? new long[n] : bias.clone();
        Interval out = null;
        for (int j = 0; j < n; j++) {
            Interval r = Linear.dotBound(inputBound, this.weights, j * k, k, this.bias[j]);
            out = out == null ? r : out.union(r);
        }
        this.outBound = out;
    }

    /** Checks the shapes (before anything is built from them) and gives the output shape {@code [m, n]}. */
    private static int[] outputShape(String name, int[] inputShape, long[] weights, int n, long[] bias) {
        if (inputShape.length != 2 || weights.length != (long) n * inputShape[1]
                || (bias != null && bias.length != n)) {
            throw new IllegalArgumentException(name + ": inconsistent Gemm shapes: input "
                    + Arrays.toString(inputShape) + ", " + weights.length + " weights, n = " + n);
        }
        return new int[] {inputShape[0], n};
    }

    @Override
    public Interval outputBound() {
        return outBound;
    }

    @Override
    public long[] evaluate(long[] input) {
        Layer.requireInput(this, input);
        return ReferenceOps.gemm(input, m, k, weights, n, bias);
    }

    @Override
    public VarTensor define(CircuitApi api, VarTensor input) {
        Layer.requireInput(this, input);
        Var[] out = new Var[m * n];
        List<Var> xs = input.asList();
        for (int i = 0; i < m; i++) {
            List<Var> row = new ArrayList<>(xs.subList(i * k, (i + 1) * k));
            for (int j = 0; j < n; j++) {
                out[i * n + j] = Linear.dot(api, row, Arrays.copyOfRange(weights, j * k, (j + 1) * k), bias[j]);
            }
        }
        return VarTensor.of(outputShape(), out, outBound);
    }

    @Override
    public long constraintCount() {
        return 0;
    }

    /** {@code [m, k, n, W (n·k, row-major), b (n)]}. */
    @Override
    public long[] parameters() {
        return Layer.words(new long[] {m, k, n}, weights, bias);
    }
}
