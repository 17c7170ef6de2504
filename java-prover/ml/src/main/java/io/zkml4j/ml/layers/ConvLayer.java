package io.zkml4j.ml.layers;

import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.Var;
import io.zkml4j.ml.graph.FloatEvaluator.ConvParams;
import io.zkml4j.ml.reference.ReferenceOps;
import io.zkml4j.ml.tensor.Interval;
import io.zkml4j.ml.tensor.VarTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A 2-D convolution with fixed integer weights (NCHW input, weights [M, C, kh, kw], group 1;
 * strides, zero padding, dilations as ONNX Conv). Outputs are accumulators, not yet rescaled.
 *
 * <p><b>Cost: 0 constraints</b> (each output is a linear combination of at most C·kh·kw inputs).
 * The output bound is the worst case over the input interval, per output channel, padded cells
 * contributing 0 — computed over the full kernel, which bounds every window.
 */
public final class ConvLayer extends ShapedLayer {
    private final int[] wShape;
    private final long[] weights;
    private final long[] bias;
    private final ConvParams params;
    /** The input bound joined with 0, the value of a padded cell. */
    private final Interval cellBound;
    private final Interval outBound;

    public ConvLayer(String name, int[] inputShape, Interval inputBound, long[] weights, int[] weightShape,
            long[] bias, ConvParams params) {
        super(name, inputShape, outputShape(name, inputShape, weights, weightShape, bias, params), inputBound);
        this.wShape = weightShape.clone();
        this.weights = weights.clone();
        this.bias = bias == null ? new long[weightShape[0]] : bias.clone();
        this.params = params;
        this.cellBound = inputBound.union(Interval.of(0));
        int per = weightShape[1] * weightShape[2] * weightShape[3];
        Interval out = null;
        for (int oc = 0; oc < weightShape[0]; oc++) {
            // every window reads at most the full kernel; a padded cell contributes 0 ∈ cellBound
            Interval r = Linear.dotBound(cellBound, this.weights, oc * per, per, this.bias[oc]);
            out = out == null ? r : out.union(r);
        }
        this.outBound = out;
    }

    /** Checks the shapes (before anything is built from them) and gives the output shape. */
    private static int[] outputShape(String name, int[] inputShape, long[] weights, int[] weightShape, long[] bias,
                                     ConvParams params) {
        if (params.group() != 1) {
            throw new IllegalArgumentException(name + ": Conv with group " + params.group() + " is not supported");
        }
        if (inputShape.length != 4 || weightShape.length != 4 || weightShape[1] != inputShape[1]
                || weights.length != weightShape[0] * weightShape[1] * weightShape[2] * weightShape[3]
                || (bias != null && bias.length != weightShape[0])) {
            throw new IllegalArgumentException(name + ": inconsistent Conv shapes: input " + Arrays.toString(inputShape)
                    + ", weights " + Arrays.toString(weightShape));
        }
        return new int[] {inputShape[0], weightShape[0], params.outH(inputShape[2]), params.outW(inputShape[3])};
    }

    @Override
    public Interval outputBound() {
        return outBound;
    }

    @Override
    public long[] evaluate(long[] input) {
        Layer.requireInput(this, input);
        return ReferenceOps.conv2d(input, inShape, weights, wShape, bias, params);
    }

    @Override
    public VarTensor define(CircuitApi api, VarTensor input) {
        Layer.requireInput(this, input);
        int c = inShape[1], h = inShape[2], w = inShape[3];
        int mOut = wShape[0], kh = wShape[2], kw = wShape[3];
        int oh = outShape[2], ow = outShape[3];
        Var[] out = new Var[outShape[0] * mOut * oh * ow];
        for (int b = 0; b < inShape[0]; b++) {
            for (int oc = 0; oc < mOut; oc++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        List<Var> xs = new ArrayList<>();
                        List<Long> ws = new ArrayList<>();
                        for (int ic = 0; ic < c; ic++) {
                            for (int ky = 0; ky < kh; ky++) {
                                int iy = oy * params.sh() - params.padTop() + ky * params.dh();
                                for (int kx = 0; kx < kw; kx++) {
                                    int ix = ox * params.sw() - params.padLeft() + kx * params.dw();
                                    if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
                                        continue;
                                    }
                                    xs.add(input.get(((b * c + ic) * h + iy) * w + ix));
                                    ws.add(weights[((oc * c + ic) * kh + ky) * kw + kx]);
                                }
                            }
                        }
                        long[] wa = ws.stream().mapToLong(Long::longValue).toArray();
                        out[((b * mOut + oc) * oh + oy) * ow + ox] = Linear.dot(api, xs, wa, bias[oc]);
                    }
                }
            }
        }
        return VarTensor.of(outShape, out, outBound);
    }

    @Override
    public long constraintCount() {
        return 0;
    }

    /**
     * {@code [input shape (4), weight shape (4), kh, kw, sh, sw, padTop, padLeft, padBottom, padRight, dh, dw,
     * group, W (row-major), b]}.
     */
    @Override
    public long[] parameters() {
        ConvParams p = params;
        return Layer.words(java.util.Arrays.stream(inShape).asLongStream().toArray(),
                java.util.Arrays.stream(wShape).asLongStream().toArray(),
                new long[] {p.kh(), p.kw(), p.sh(), p.sw(), p.padTop(), p.padLeft(), p.padBottom(), p.padRight(),
                    p.dh(), p.dw(), p.group()}, weights, bias);
    }
}
