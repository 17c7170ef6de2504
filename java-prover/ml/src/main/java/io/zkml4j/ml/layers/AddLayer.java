package io.zkml4j.ml.layers;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.Var;
import io.zkml4j.ml.graph.FloatEvaluator;
import io.zkml4j.ml.reference.ReferenceOps;
import io.zkml4j.ml.tensor.Interval;
import io.zkml4j.ml.tensor.VarTensor;

/**
 * Adds a constant tensor (ONNX Add with an initializer, numpy broadcasting onto the input's shape;
 * the constant is quantized at the activation scale). <b>Cost: 0 constraints.</b>
 */
public final class AddLayer extends ElementwiseLayer {
    private final long[] constant;
    private final int[] index;
    private final int[] constantShape;

    /** @param constantShape must broadcast onto {@code shape} without growing it */
    public AddLayer(String name, int[] shape, Interval inputBound, long[] constant, int[] constantShape) {
        super(name, shape, inputBound, outputBound(name, shape, inputBound, constant, constantShape));
        this.constant = constant.clone();
        this.index = FloatEvaluator.broadcastIndex(constantShape, shape);
        this.constantShape = constantShape.clone();
    }

    private static Interval outputBound(String name, int[] shape, Interval inputBound, long[] constant,
                                        int[] constantShape) {
        int[] b = FloatEvaluator.broadcastShape(shape, constantShape);
        if (!java.util.Arrays.equals(b, shape)) {
            throw new IllegalArgumentException(name + ": the constant would broadcast the input to "
                    + java.util.Arrays.toString(b));
        }
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        for (long c : constant) {
            lo = Math.min(lo, c);
            hi = Math.max(hi, c);
        }
        return inputBound.plus(new Interval(lo, hi));
    }

    @Override
    public long[] evaluate(long[] input) {
        Layer.requireInput(this, input);
        return ReferenceOps.addConstant(input, constant, index);
    }

    @Override
    public VarTensor define(CircuitApi api, VarTensor input) {
        Layer.requireInput(this, input);
        Var[] out = new Var[input.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = api.addConst(input.get(i), Fr.of(constant[index[i]]));
        }
        return VarTensor.of(shape, out, outBound);
    }

    @Override
    public long constraintCount() {
        return 0;
    }

    /** {@code [shape rank, shape…, constant rank, constant shape…, constant…]}. */
    @Override
    public long[] parameters() {
        return Layer.words(Layer.shapeWords(shape), Layer.shapeWords(constantShape), constant);
    }
}
