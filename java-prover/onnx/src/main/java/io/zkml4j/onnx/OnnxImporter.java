package io.zkml4j.onnx;

import io.zkml4j.ml.graph.AttributeValue;
import io.zkml4j.ml.graph.Attributes;
import io.zkml4j.ml.graph.FloatEvaluator;
import io.zkml4j.ml.graph.FloatTensor;
import io.zkml4j.ml.graph.ModelGraph;
import io.zkml4j.ml.graph.Node;
import io.zkml4j.ml.graph.Shapes;
import io.zkml4j.onnx.OnnxProto.Dim;
import io.zkml4j.onnx.OnnxProto.Model;
import io.zkml4j.onnx.OnnxProto.Tensor;
import io.zkml4j.onnx.OnnxProto.ValueInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Imports an ONNX model into a {@link ModelGraph}.
 *
 * <ul>
 *   <li>Operator set: the default domain ({@code ""} / {@code ai.onnx}) at version
 *       {@value #MIN_OPSET}–{@value #MAX_OPSET}; other versions are refused with a message saying so.</li>
 *   <li>Initializers: float32 ({@code raw_data} little-endian or {@code float_data}) and int64
 *       ({@code raw_data} or {@code int64_data}, e.g. Reshape shapes and Pad amounts, stored exactly as
 *       floats). {@code Constant} nodes become initializers.</li>
 *   <li>One graph input of element type float; a symbolic batch dimension (axis 0) becomes 1, any
 *       other symbolic dimension is refused.</li>
 *   <li>Nodes: the op types in {@link #SUPPORTED_OPS}; each is checked by a {@code mapXxx} method
 *       that validates its attributes and inputs and infers its output shape, and the shapes of the
 *       graph outputs are compared with the ones the file declares.</li>
 * </ul>
 * Every failure is a {@link ModelImportException} (an unsupported operator: an
 * {@link UnsupportedOperatorException}) naming the file, the node or field, and the problem.
 */
public final class OnnxImporter {
    public static final int MIN_OPSET = 11;
    public static final int MAX_OPSET = 17;

    /** Op types accepted: what {@link FloatEvaluator} runs, plus {@code Constant} (folded into initializers). */
    public static final List<String> SUPPORTED_OPS;

    static {
        Set<String> ops = new TreeSet<>(FloatEvaluator.SUPPORTED_OPS);
        ops.add("Constant");
        SUPPORTED_OPS = List.copyOf(ops);
    }

    private final String source;
    private final long opset;
    private final Map<String, int[]> shapes = new HashMap<>();
    private final Map<String, FloatTensor> constants = new HashMap<>();
    private final ModelGraph.Builder builder = ModelGraph.builder();

    private OnnxImporter(String source, long opset) {
        this.source = source;
        this.opset = opset;
    }

    /** Reads {@code file} and maps it onto a {@link ModelGraph}. */
    public static ModelGraph read(Path file) throws ModelImportException {
        return fromModel(OnnxDecoder.decode(file), file.toString());
    }

    /** Maps an already decoded ONNX model; {@code source} names it in error messages. */
    public static ModelGraph fromModel(Model model, String source) throws ModelImportException {
        if (model.irVersion() < 3) {
            throw new ModelImportException(source + ": ModelProto.ir_version " + model.irVersion()
                    + " predates operator-set imports (IR version 3); re-export the model with a current exporter");
        }
        Long opset = model.opsets().get("");
        if (opset == null) {
            throw new ModelImportException(source + ": ModelProto.opset_import has no entry for the default domain"
                    + " (ai.onnx); imported: " + model.opsets());
        }
        if (opset < MIN_OPSET || opset > MAX_OPSET) {
            throw new ModelImportException(source + ": ONNX opset " + opset + " is not supported; zkml4j imports"
                    + " opsets " + MIN_OPSET + " to " + MAX_OPSET + " (re-export with e.g. opset_version=13)");
        }
        OnnxImporter importer = new OnnxImporter(source, opset);
        try {
            return importer.map(model.graph());
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException
                | ArithmeticException e) {
            throw new ModelImportException(source + ": " + e.getMessage(), e);
        }
    }

    private ModelImportException fail(String what, String problem) {
        return new ModelImportException(source + ": " + what + ": " + problem);
    }

    private ModelGraph map(OnnxProto.Graph g) throws ModelImportException {
        for (int i = 0; i < g.initializers().size(); i++) {
            Tensor t = g.initializers().get(i);
            String what = "GraphProto.initializer[" + i + "] '" + t.name() + "'";
            if (t.name().isEmpty()) {
                throw fail(what, "has no name");
            }
            defineConstant(what, t.name(), toFloatTensor(what, t));
        }
        List<ValueInfo> realInputs = new ArrayList<>();
        for (ValueInfo v : g.inputs()) {
            if (!constants.containsKey(v.name())) {
                realInputs.add(v);
            }
        }
        if (realInputs.size() != 1) {
            throw fail("GraphProto.input", "expected exactly one non-initializer input, found "
                    + realInputs.stream().map(ValueInfo::name).toList());
        }
        ValueInfo input = realInputs.get(0);
        int[] inputShape = inputShape(input);
        builder.input(input.name(), inputShape);
        shapes.put(input.name(), inputShape);

        for (int k = 0; k < g.nodes().size(); k++) {
            mapNode(k, g.nodes().get(k));
        }

        if (g.outputs().isEmpty()) {
            throw fail("GraphProto.output", "the graph declares no output");
        }
        for (ValueInfo out : g.outputs()) {
            int[] inferred = shapes.get(out.name());
            if (inferred == null) {
                throw fail("GraphProto.output '" + out.name() + "'", "is not produced by any node");
            }
            if (constants.containsKey(out.name())) {
                throw fail("GraphProto.output '" + out.name() + "'", "is a constant, not computed from the input");
            }
            checkDeclaredShape(out, inferred);
            builder.output(out.name());
        }
        return builder.build();
    }

    private void defineConstant(String what, String name, FloatTensor t) throws ModelImportException {
        if (constants.put(name, t) != null || shapes.containsKey(name)) {
            throw fail(what, "tensor '" + name + "' is defined twice");
        }
        shapes.put(name, t.shape());
        builder.initializer(name, t);
    }

    private int[] inputShape(ValueInfo v) throws ModelImportException {
        String what = "GraphProto.input '" + v.name() + "'";
        if (v.elemType() != Tensor.FLOAT) {
            throw fail(what, "element type " + dataTypeName(v.elemType()) + "; only float (1) inputs are supported");
        }
        if (v.shape() == null) {
            throw fail(what, "has no shape; zkml4j needs the input shape (export with a concrete example input)");
        }
        int[] shape = new int[v.shape().size()];
        for (int i = 0; i < shape.length; i++) {
            Dim d = v.shape().get(i);
            if (!d.isConcrete()) {
                if (i != 0) {
                    throw fail(what, "dimension " + i + " is symbolic ('" + d.param() + "'); only the batch"
                            + " dimension (axis 0) may be, and it becomes 1");
                }
                shape[i] = 1;
            } else if (d.value() == 0 || d.value() > Integer.MAX_VALUE) {
                throw fail(what, "dimension " + i + " is " + d.value());
            } else {
                shape[i] = (int) d.value();
            }
        }
        Shapes.size(shape);
        return shape;
    }

    private void checkDeclaredShape(ValueInfo v, int[] inferred) throws ModelImportException {
        if (v.shape() == null) {
            return;
        }
        String what = "GraphProto.output '" + v.name() + "'";
        if (v.shape().size() != inferred.length) {
            throw fail(what, "declared rank " + v.shape().size() + " but the graph computes shape "
                    + Arrays.toString(inferred));
        }
        for (int i = 0; i < inferred.length; i++) {
            Dim d = v.shape().get(i);
            if (d.isConcrete() && d.value() != inferred[i]) {
                throw fail(what, "declared dimension " + i + " = " + d.value() + " but the graph computes shape "
                        + Arrays.toString(inferred));
            }
        }
    }

    // ---------------------------------------------------------------- nodes

    private void mapNode(int index, OnnxProto.Node n) throws ModelImportException {
        String label = n.name().isEmpty() ? "#" + index + " (" + n.opType() + ")" : n.name();
        String what = "node '" + label + "' (" + n.opType() + ")";
        if (!(n.domain().isEmpty() || n.domain().equals("ai.onnx")) || !SUPPORTED_OPS.contains(n.opType())) {
            throw new UnsupportedOperatorException(source, n.opType(), n.domain(), label, SUPPORTED_OPS);
        }
        Attributes attrs = attributes(what, n);
        if (n.opType().equals("Constant")) {
            mapConstant(what, n, attrs);
            return;
        }
        List<int[]> in = new ArrayList<>();
        for (String name : n.inputs()) {
            if (name.isEmpty()) {
                in.add(null);
                continue;
            }
            int[] s = shapes.get(name);
            if (s == null) {
                throw fail(what, "reads '" + name + "', which is neither the graph input, an initializer, nor"
                        + " the output of an earlier node");
            }
            in.add(s);
        }
        if (in.isEmpty() || in.get(0) == null) {
            throw fail(what, "has no data input");
        }
        for (int i = 1; i < n.outputs().size(); i++) {
            if (!n.outputs().get(i).isEmpty()) {
                throw fail(what, "optional output " + i + " ('" + n.outputs().get(i) + "') is not supported");
            }
        }
        Attributes mapped = attrs;
        int[] out;
        try {
            out = switch (n.opType()) {
                case "Gemm" -> mapGemm(n, attrs, in);
                case "MatMul" -> mapMatMul(in);
                case "Add" -> FloatEvaluator.broadcastShape(in.get(0), input(in, 1, "B"));
                case "Conv" -> mapConv(attrs, in);
                case "MaxPool", "AveragePool" -> mapPool(attrs, in);
                case "Pad" -> mapPad(n, attrs, in);
                case "Flatten" -> Shapes.flatten(in.get(0), (int) attrs.getInt("axis", 1));
                case "Reshape" -> mapReshape(n, attrs, in);
                case "BatchNormalization" -> mapBatchNormalization(attrs, in);
                case "Relu", "Sigmoid", "Tanh", "Identity" -> in.get(0);
                case "Softmax" -> {
                    mapped = mapSoftmax(attrs, in.get(0));
                    yield in.get(0);
                }
                default -> throw new IllegalStateException("no mapping for supported op " + n.opType());
            };
            Shapes.size(out);
        } catch (IllegalArgumentException | UnsupportedOperationException | ArithmeticException e) {
            throw new ModelImportException(source + ": " + what + ": " + e.getMessage(), e);
        }
        String output = n.outputs().get(0);
        if (output.isEmpty() || shapes.containsKey(output)) {
            throw fail(what, "output '" + output + "' is empty or written twice");
        }
        shapes.put(output, out);
        builder.node(new Node(n.name(), n.opType(), n.inputs(), List.of(output), mapped));
    }

    private static int[] input(List<int[]> in, int i, String name) {
        if (i >= in.size() || in.get(i) == null) {
            throw new IllegalArgumentException("missing input " + i + " (" + name + ")");
        }
        return in.get(i);
    }

    private FloatTensor constantInput(OnnxProto.Node n, int i, String name) {
        String t = i < n.inputs().size() ? n.inputs().get(i) : "";
        FloatTensor c = constants.get(t);
        if (c == null) {
            throw new IllegalArgumentException("input " + i + " (" + name + ") must be an initializer or Constant"
                    + (t.isEmpty() ? "" : ", '" + t + "' is computed at run time"));
        }
        return c;
    }

    private void mapConstant(String what, OnnxProto.Node n, Attributes attrs) throws ModelImportException {
        if (n.outputs().size() != 1 || attrs.asMap().size() != 1) {
            throw fail(what, "expected one output and exactly one value attribute, got " + attrs.asMap().keySet());
        }
        FloatTensor value;
        try {
            AttributeValue v = attrs.asMap().values().iterator().next();
            String key = attrs.asMap().keySet().iterator().next();
            value = switch (key) {
                case "value" -> v instanceof AttributeValue.TensorValue t ? t.value() : null;
                case "value_float" -> FloatTensor.of(new int[0], new float[] {attrs.getFloat(key, 0f)});
                case "value_floats" -> FloatTensor.vector(attrs.getFloats(key, null));
                case "value_int" -> FloatTensor.ofLongs(new int[0], new long[] {attrs.getInt(key, 0)});
                case "value_ints" -> {
                    long[] l = attrs.getInts(key, null);
                    yield FloatTensor.ofLongs(new int[] {l.length}, l);
                }
                default -> throw new IllegalArgumentException("unsupported Constant attribute '" + key + "'");
            };
        } catch (IllegalArgumentException e) {
            throw fail(what, e.getMessage());
        }
        if (value == null) {
            throw fail(what, "attribute 'value' is not a tensor");
        }
        defineConstant(what, n.outputs().get(0), value);
    }

    /** Gemm: Y = alpha·A'·B' + beta·C, A' and B' optionally transposed; C broadcasts to [M, N]. */
    private static int[] mapGemm(OnnxProto.Node n, Attributes a, List<int[]> in) {
        int[] x = in.get(0);
        int[] w = input(in, 1, "B");
        if (x.length != 2 || w.length != 2) {
            throw new IllegalArgumentException("Gemm needs 2-D A and B, got " + Arrays.toString(x) + " and "
                    + Arrays.toString(w));
        }
        a.getFloat("alpha", 1f);
        a.getFloat("beta", 1f);
        boolean ta = a.getInt("transA", 0) != 0;
        boolean tb = a.getInt("transB", 0) != 0;
        int m = ta ? x[1] : x[0];
        int k = ta ? x[0] : x[1];
        int kb = tb ? w[1] : w[0];
        int nOut = tb ? w[0] : w[1];
        if (k != kb) {
            throw new IllegalArgumentException("inner dimensions differ: A " + Arrays.toString(x) + ", B "
                    + Arrays.toString(w) + " (transA " + ta + ", transB " + tb + ")");
        }
        if (in.size() > 2 && in.get(2) != null) {
            int[] c = in.get(2);
            long size = Shapes.size(c);
            boolean ok = size == 1 || (size == nOut && (c.length == 1 || c.length == 2 && c[0] == 1))
                    || (c.length == 2 && c[0] == m && c[1] == 1) || (c.length == 2 && c[0] == m && c[1] == nOut);
            if (!ok) {
                throw new IllegalArgumentException("C of shape " + Arrays.toString(c) + " does not broadcast to ["
                        + m + ", " + nOut + "]");
            }
        }
        return new int[] {m, nOut};
    }

    /** MatMul: 2-D × 2-D only (what the evaluator and the circuit layers implement). */
    private static int[] mapMatMul(List<int[]> in) {
        int[] x = in.get(0);
        int[] w = input(in, 1, "B");
        if (x.length != 2 || w.length != 2 || x[1] != w[0]) {
            throw new IllegalArgumentException("MatMul supports [M, K] × [K, N] only, got " + Arrays.toString(x)
                    + " × " + Arrays.toString(w));
        }
        return new int[] {x[0], w[1]};
    }

    /** Conv: 2-D NCHW, weights [M, C/group, kH, kW], optional bias [M]. */
    private static int[] mapConv(Attributes a, List<int[]> in) {
        int[] x = in.get(0);
        int[] w = input(in, 1, "W");
        if (x.length != 4) {
            throw new IllegalArgumentException("Conv input must be 4-D NCHW, got " + Arrays.toString(x));
        }
        checkWindowAttributes(a);
        long group = a.getInt("group", 1);
        if (group < 1 || group > MAX_WINDOW) {
            throw new IllegalArgumentException("group " + group + " out of range");
        }
        FloatEvaluator.ConvParams p = FloatEvaluator.ConvParams.of(a, w);
        if (p.group() <= 0 || x[1] != w[1] * p.group() || w[0] % p.group() != 0) {
            throw new IllegalArgumentException("input channels " + x[1] + " do not match weights "
                    + Arrays.toString(w) + " with group " + p.group());
        }
        if (p.dh() <= 0 || p.dw() <= 0 || p.padTop() < 0 || p.padLeft() < 0 || p.padBottom() < 0
                || p.padRight() < 0) {
            throw new IllegalArgumentException("invalid dilations or pads " + a);
        }
        if (in.size() > 2 && in.get(2) != null && !Arrays.equals(in.get(2), new int[] {w[0]})) {
            throw new IllegalArgumentException("bias shape " + Arrays.toString(in.get(2)) + ", expected [" + w[0] + "]");
        }
        return new int[] {x[0], w[0], p.outH(x[2]), p.outW(x[3])};
    }

    /** Largest kernel, stride, pad, dilation or group accepted (keeps window arithmetic in int range). */
    private static final long MAX_WINDOW = 1 << 20;

    /** The 2-D window attributes shared by Conv and pooling: right count of values, each in range. */
    private static void checkWindowAttributes(Attributes a) {
        checkInts(a, "kernel_shape", 2, 1);
        checkInts(a, "strides", 2, 1);
        checkInts(a, "pads", 4, 0);
        checkInts(a, "dilations", 2, 1);
    }

    private static void checkInts(Attributes a, String name, int count, long min) {
        long[] v = a.getInts(name, null);
        if (v == null) {
            return;
        }
        if (v.length != count) {
            throw new IllegalArgumentException(name + " " + Arrays.toString(v) + " has " + v.length
                    + " values, expected " + count + " (2-D windows only)");
        }
        for (long x : v) {
            if (x < min || x > MAX_WINDOW) {
                throw new IllegalArgumentException(name + " " + Arrays.toString(v) + ": value " + x + " out of range");
            }
        }
    }

    /** MaxPool / AveragePool: 2-D NCHW, no ceil mode, no dilation. */
    private static int[] mapPool(Attributes a, List<int[]> in) {
        int[] x = in.get(0);
        if (x.length != 4) {
            throw new IllegalArgumentException("pooling input must be 4-D NCHW, got " + Arrays.toString(x));
        }
        checkWindowAttributes(a);
        FloatEvaluator.PoolParams p = FloatEvaluator.PoolParams.of(a);
        if (p.kh() <= 0 || p.kw() <= 0 || p.padTop() < 0 || p.padLeft() < 0 || p.padBottom() < 0
                || p.padRight() < 0 || p.padTop() >= p.kh() || p.padBottom() >= p.kh() || p.padLeft() >= p.kw()
                || p.padRight() >= p.kw()) {
            throw new IllegalArgumentException("invalid kernel or pads " + a);
        }
        if (a.getInt("storage_order", 0) != 0) {
            throw new UnsupportedOperationException("storage_order 1");
        }
        return new int[] {x[0], x[1], p.outH(x[2]), p.outW(x[3])};
    }

    /** Pad: mode constant; pads (and value) from constant inputs (opset ≥ 11). */
    private int[] mapPad(OnnxProto.Node n, Attributes a, List<int[]> in) {
        String mode = a.getString("mode", "constant");
        if (!mode.equals("constant")) {
            throw new UnsupportedOperationException("Pad mode '" + mode + "' (only 'constant')");
        }
        int[] x = in.get(0);
        long[] pads = constantInput(n, 1, "pads").asLongs();
        if (n.inputs().size() > 2 && !n.inputs().get(2).isEmpty() && constantInput(n, 2, "constant_value").size() != 1) {
            throw new IllegalArgumentException("constant_value must be a scalar");
        }
        if (n.inputs().size() > 3 && !n.inputs().get(3).isEmpty()) {
            throw new UnsupportedOperationException("Pad with an axes input");
        }
        if (pads.length != 2 * x.length) {
            throw new IllegalArgumentException("pads " + Arrays.toString(pads) + " for rank " + x.length
                    + " (expected " + 2 * x.length + " values)");
        }
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            if (pads[i] < 0 || pads[i + x.length] < 0) {
                throw new UnsupportedOperationException("negative pads " + Arrays.toString(pads));
            }
            out[i] = Math.toIntExact(x[i] + pads[i] + pads[i + x.length]);
        }
        return out;
    }

    /** Reshape: target shape from a constant int64 input; 0 copies a dimension, one −1 is inferred. */
    private int[] mapReshape(OnnxProto.Node n, Attributes a, List<int[]> in) {
        long[] target = constantInput(n, 1, "shape").asLongs();
        if (a.getInt("allowzero", 0) != 0) {
            for (long t : target) {
                if (t == 0) {
                    throw new UnsupportedOperationException("allowzero=1 with a zero in the target shape");
                }
            }
        }
        return Shapes.reshape(in.get(0), target);
    }

    /** BatchNormalization (inference): scale, B, mean, var are [C] with C = input axis 1. */
    private static int[] mapBatchNormalization(Attributes a, List<int[]> in) {
        int[] x = in.get(0);
        if (x.length < 2) {
            throw new IllegalArgumentException("input rank " + x.length + " has no channel axis");
        }
        if (a.getInt("training_mode", 0) != 0) {
            throw new UnsupportedOperationException("training_mode 1 (export the model in eval mode)");
        }
        a.getFloat("epsilon", 1e-5f);
        String[] names = {"scale", "B", "input_mean", "input_var"};
        for (int i = 0; i < names.length; i++) {
            int[] s = input(in, i + 1, names[i]);
            if (!Arrays.equals(s, new int[] {x[1]})) {
                throw new IllegalArgumentException(names[i] + " has shape " + Arrays.toString(s) + ", expected ["
                        + x[1] + "]");
            }
        }
        return x;
    }

    /**
     * Softmax. Opset 13 normalizes along one axis (default −1); opsets 11–12 flatten to 2-D at
     * {@code axis} (default 1) and normalize the second part. The two agree when that axis is the
     * last one, which is the only pre-13 form accepted; the mapped node then carries it explicitly.
     */
    private Attributes mapSoftmax(Attributes a, int[] x) {
        long axis = a.getInt("axis", opset >= 13 ? -1 : 1);
        long ax = axis < 0 ? axis + x.length : axis;
        if (ax < 0 || ax >= x.length) {
            throw new IllegalArgumentException("axis " + axis + " out of range for rank " + x.length);
        }
        if (opset < 13 && ax != x.length - 1) {
            throw new UnsupportedOperationException("opset-" + opset + " Softmax over the flattened axes "
                    + ax + ".." + (x.length - 1) + " (only the last axis is supported)");
        }
        return Attributes.builder().putInt("axis", ax).build();
    }

    // ---------------------------------------------------------------- attributes and tensors

    private Attributes attributes(String what, OnnxProto.Node n) throws ModelImportException {
        Attributes.Builder b = Attributes.builder();
        Set<String> seen = new TreeSet<>();
        for (OnnxProto.Attribute at : n.attributes()) {
            String w = what + " attribute '" + at.name() + "'";
            if (!seen.add(at.name())) {
                throw fail(w, "appears twice");
            }
            int type = at.type() != 0 ? at.type() : inferType(at);
            AttributeValue v = switch (type) {
                case 1 -> new AttributeValue.FloatValue(at.f());
                case 2 -> new AttributeValue.IntValue(at.i());
                case 3 -> new AttributeValue.StringValue(
                        new String(at.s() == null ? new byte[0] : at.s(), StandardCharsets.UTF_8));
                case 4 -> {
                    if (at.t() == null) {
                        throw fail(w, "type TENSOR without a tensor");
                    }
                    yield new AttributeValue.TensorValue(toFloatTensor(w, at.t()));
                }
                case 6 -> new AttributeValue.FloatsValue(at.floats());
                case 7 -> new AttributeValue.IntsValue(at.ints());
                default -> throw fail(w, "attribute type " + type + " (" + attributeTypeName(type)
                        + ") is not supported");
            };
            b.put(at.name(), v);
        }
        return b.build();
    }

    /** Files written before AttributeProto.type existed: infer it from the field that is set. */
    private static int inferType(OnnxProto.Attribute at) {
        if (at.hasGraph()) {
            return 5;
        }
        if (at.t() != null) {
            return 4;
        }
        if (at.s() != null) {
            return 3;
        }
        if (at.floats().length > 0) {
            return 6;
        }
        if (at.ints().length > 0) {
            return 7;
        }
        if (at.hasF()) {
            return 1;
        }
        if (at.hasI()) {
            return 2;
        }
        return 0;
    }

    private static String attributeTypeName(int type) {
        String[] names = {"UNDEFINED", "FLOAT", "INT", "STRING", "TENSOR", "GRAPH", "FLOATS", "INTS", "STRINGS",
            "TENSORS", "GRAPHS", "SPARSE_TENSOR", "SPARSE_TENSORS", "TYPE_PROTO", "TYPE_PROTOS"};
        return type >= 0 && type < names.length ? names[type] : "unknown";
    }

    static String dataTypeName(int t) {
        String[] names = {"UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16", "INT32", "INT64", "STRING",
            "BOOL", "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16"};
        return (t >= 0 && t < names.length ? names[t] : "unknown") + " (" + t + ")";
    }

    /** Converts a float32 or int64 TensorProto, checking the data length against the dims first. */
    private FloatTensor toFloatTensor(String what, Tensor t) throws ModelImportException {
        if (t.external()) {
            throw fail(what, "stores its data in an external file, which is not supported");
        }
        int[] shape = new int[t.dims().length];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            long d = t.dims()[i];
            if (d <= 0 || d > Integer.MAX_VALUE) {
                throw fail(what, "dimension " + i + " is " + d + " (dims " + Arrays.toString(t.dims()) + ")");
            }
            shape[i] = (int) d;
            count *= d;
            if (count > Integer.MAX_VALUE) {
                throw fail(what, "dims " + Arrays.toString(t.dims()) + " hold too many elements");
            }
        }
        int n = (int) count;
        byte[] raw = t.rawData();
        switch (t.dataType()) {
            case Tensor.FLOAT -> {
                float[] data;
                if (raw != null) {
                    if (raw.length != 4L * n) {
                        throw fail(what, "raw_data has " + raw.length + " bytes, dims " + Arrays.toString(t.dims())
                                + " need " + 4L * n);
                    }
                    data = new float[n];
                    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
                } else {
                    data = t.floatData();
                    if (data.length != n) {
                        throw fail(what, "float_data has " + data.length + " values, dims "
                                + Arrays.toString(t.dims()) + " need " + n);
                    }
                }
                return FloatTensor.of(shape, data);
            }
            case Tensor.INT64 -> {
                long[] data;
                if (raw != null) {
                    if (raw.length != 8L * n) {
                        throw fail(what, "raw_data has " + raw.length + " bytes, dims " + Arrays.toString(t.dims())
                                + " need " + 8L * n);
                    }
                    data = new long[n];
                    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(data);
                } else {
                    data = t.int64Data();
                    if (data.length != n) {
                        throw fail(what, "int64_data has " + data.length + " values, dims "
                                + Arrays.toString(t.dims()) + " need " + n);
                    }
                }
                for (long v : data) {
                    if (Math.abs(v) >= 1L << 24 || v == Long.MIN_VALUE) {
                        throw fail(what, "int64 value " + v + " is too large to be imported (|v| < 2^24)");
                    }
                }
                return FloatTensor.ofLongs(shape, data);
            }
            default -> throw fail(what, "element type " + dataTypeName(t.dataType())
                    + " is not supported (float and int64 only)");
        }
    }
}
