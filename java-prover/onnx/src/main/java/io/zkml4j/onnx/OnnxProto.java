package io.zkml4j.onnx;

import java.util.List;
import java.util.Map;

/**
 * The subset of the ONNX protobuf schema ({@code onnx.proto}) that zkml4j reads, as immutable
 * records produced by {@link OnnxDecoder}. Field numbers are documented on each decoder method.
 * Arrays handed out by these records are the decoder's own copies; treat them as read-only.
 */
public final class OnnxProto {
    private OnnxProto() {}

    /** {@code ModelProto}: IR version, operator sets by domain ("" is ai.onnx), producer, graph. */
    public record Model(long irVersion, Map<String, Long> opsets, String producerName, String producerVersion,
            Graph graph) {}

    /** {@code GraphProto}. */
    public record Graph(String name, List<Node> nodes, List<Tensor> initializers, List<ValueInfo> inputs,
            List<ValueInfo> outputs, List<ValueInfo> valueInfo) {}

    /** {@code NodeProto}. */
    public record Node(String name, String opType, String domain, List<String> inputs, List<String> outputs,
            List<Attribute> attributes) {}

    /**
     * {@code AttributeProto}: {@code type} is the declared {@code AttributeType} (0 when the file
     * omits it); the {@code has*} flags say which singular fields were present.
     */
    public record Attribute(String name, int type, float f, boolean hasF, long i, boolean hasI, byte[] s,
            Tensor t, float[] floats, long[] ints, boolean hasGraph) {}

    /**
     * {@code TensorProto}: dims, element type ({@link #FLOAT} = 1, {@link #INT64} = 7, …), name and
     * whichever of {@code float_data}, {@code int64_data}, {@code raw_data} the file used;
     * {@code external} is true when the data lives in another file (data_location = EXTERNAL).
     */
    public record Tensor(String name, long[] dims, int dataType, float[] floatData, long[] int64Data,
            byte[] rawData, boolean external) {
        public static final int FLOAT = 1;
        public static final int INT64 = 7;
    }

    /** {@code ValueInfoProto} of a tensor: name, element type and dimensions (null shape when absent). */
    public record ValueInfo(String name, int elemType, List<Dim> shape) {}

    /** {@code TensorShapeProto.Dimension}: a concrete value, or a symbolic name (value −1), or unknown. */
    public record Dim(long value, String param) {
        public boolean isConcrete() {
            return value >= 0;
        }
    }
}
