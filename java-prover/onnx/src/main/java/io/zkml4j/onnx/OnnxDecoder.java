package io.zkml4j.onnx;

import io.zkml4j.onnx.OnnxProto.Attribute;
import io.zkml4j.onnx.OnnxProto.Dim;
import io.zkml4j.onnx.OnnxProto.Graph;
import io.zkml4j.onnx.OnnxProto.Model;
import io.zkml4j.onnx.OnnxProto.Node;
import io.zkml4j.onnx.OnnxProto.Tensor;
import io.zkml4j.onnx.OnnxProto.ValueInfo;
import io.zkml4j.onnx.ProtoReader.FloatList;
import io.zkml4j.onnx.ProtoReader.LongList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes an ONNX file (a serialized {@code ModelProto}) with a hand-written protobuf wire-format
 * reader: no protobuf runtime, no generated classes. Field numbers are those of the public
 * {@code onnx/onnx.proto}; fields zkml4j does not need are skipped, unknown fields too (as protobuf
 * requires). Every problem becomes a {@link ModelImportException} naming the file, the message path
 * (e.g. {@code ModelProto.graph.node[3].attribute[0].t}) and what is wrong.
 */
public final class OnnxDecoder {
    /** Largest file read (bytes); larger models are refused before reading. */
    public static final long MAX_FILE_BYTES = 512L * 1024 * 1024;

    private OnnxDecoder() {}

    /** Reads and decodes {@code file}. */
    public static Model decode(Path file) throws ModelImportException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ModelImportException(file + ": cannot read the model file: " + e, e);
        }
        if (size > MAX_FILE_BYTES) {
            throw new ModelImportException(file + ": " + size + " bytes exceeds the " + MAX_FILE_BYTES
                    + "-byte limit for ONNX models (external data is not supported either)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelImportException(file + ": cannot read the model file: " + e, e);
        }
        return decode(bytes, file.toString());
    }

    /** Decodes a serialized {@code ModelProto}; {@code source} names it in error messages. */
    public static Model decode(byte[] bytes, String source) throws ModelImportException {
        if (bytes.length == 0) {
            throw new ModelImportException(source + ": empty file, not an ONNX model");
        }
        try {
            return model(ProtoReader.of(bytes, "ModelProto"));
        } catch (MalformedProtoException e) {
            throw new ModelImportException(source + ": malformed ONNX protobuf: " + e.getMessage());
        }
    }

    // ModelProto: ir_version 1, producer_name 2, producer_version 3, graph 7, opset_import 8.
    private static Model model(ProtoReader r) {
        long irVersion = 0;
        String producer = "";
        String producerVersion = "";
        Graph graph = null;
        Map<String, Long> opsets = new LinkedHashMap<>();
        int opsetIndex = 0;
        while (r.hasRemaining()) {
            int tag = r.readTag();
            switch (ProtoReader.fieldNumber(tag)) {
                case 1 -> irVersion = r.varintField(tag, "ir_version");
                case 2 -> producer = r.stringField(tag, "producer_name");
                case 3 -> producerVersion = r.stringField(tag, "producer_version");
                case 7 -> {
                    r.expectWire(tag, ProtoReader.WIRE_LEN, "graph");
                    if (graph != null) {
                        throw r.error("graph", "appears twice");
                    }
                    graph = graph(r.message("graph"));
                }
                case 8 -> {
                    r.expectWire(tag, ProtoReader.WIRE_LEN, "opset_import");
                    ProtoReader o = r.message("opset_import[" + opsetIndex++ + "]");
                    // OperatorSetIdProto: domain 1, version 2.
                    String domain = "";
                    long version = -1;
                    while (o.hasRemaining()) {
                        int t = o.readTag();
                        switch (ProtoReader.fieldNumber(t)) {
                            case 1 -> domain = o.stringField(t, "domain");
                            case 2 -> version = o.varintField(t, "version");
                            default -> o.skip(t);
                        }
                    }
                    if (version < 0) {
                        throw o.error("version", "missing or negative");
                    }
                    if (opsets.put(domain.equals("ai.onnx") ? "" : domain, version) != null) {
                        throw o.error("domain", "operator set domain '" + domain + "' imported twice");
                    }
                }
                default -> r.skip(tag);
            }
        }
        if (graph == null) {
            throw r.error("graph", "missing (field 7): not an ONNX model");
        }
        return new Model(irVersion, Collections.unmodifiableMap(opsets), producer, producerVersion, graph);
    }

    // GraphProto: node 1, name 2, initializer 5, input 11, output 12, value_info 13.
    private static Graph graph(ProtoReader r) {
        String name = "";
        List<Node> nodes = new ArrayList<>();
        List<Tensor> initializers = new ArrayList<>();
        List<ValueInfo> inputs = new ArrayList<>();
        List<ValueInfo> outputs = new ArrayList<>();
        List<ValueInfo> valueInfo = new ArrayList<>();
        while (r.hasRemaining()) {
            int tag = r.readTag();
            int field = ProtoReader.fieldNumber(tag);
            switch (field) {
                case 1 -> {
                    r.expectWire(tag, ProtoReader.WIRE_LEN, "node");
                    nodes.add(node(r.message("node[" + nodes.size() + "]")));
                }
                case 2 -> name = r.stringField(tag, "name");
                case 5 -> {
                    r.expectWire(tag, ProtoReader.WIRE_LEN, "initializer");
                    initializers.add(tensor(r.message("initializer[" + initializers.size() + "]")));
                }
                case 11 -> {
                    r.expectWire(tag, ProtoReader.WIRE_LEN, "input");
                    inputs.add(valueInfo(r.message("input[" + inputs.size() + "]")));
                }
                case 12 -> {
                    r.expectWire(tag, ProtoReader.WIRE_LEN, "output");
                    outputs.add(valueInfo(r.message("output[" + outputs.size() + "]")));
                }
                case 13 -> {
                    r.expectWire(tag, ProtoReader.WIRE_LEN, "value_info");
                    valueInfo.add(valueInfo(r.message("value_info[" + valueInfo.size() + "]")));
                }
                case 15 -> throw r.error("sparse_initializer", "sparse initializers are not supported");
                default -> r.skip(tag);
            }
        }
        return new Graph(name, List.copyOf(nodes), List.copyOf(initializers), List.copyOf(inputs),
                List.copyOf(outputs), List.copyOf(valueInfo));
    }

    // NodeProto: input 1, output 2, name 3, op_type 4, attribute 5, domain 7.
    private static Node node(ProtoReader r) {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        List<Attribute> attributes = new ArrayList<>();
        String name = "";
        String opType = null;
        String domain = "";
        while (r.hasRemaining()) {
            int tag = r.readTag();
            switch (ProtoReader.fieldNumber(tag)) {
                case 1 -> inputs.add(r.stringField(tag, "input"));
                case 2 -> outputs.add(r.stringField(tag, "output"));
                case 3 -> name = r.stringField(tag, "name");
                case 4 -> opType = r.stringField(tag, "op_type");
                case 5 -> {
                    r.expectWire(tag, ProtoReader.WIRE_LEN, "attribute");
                    attributes.add(attribute(r.message("attribute[" + attributes.size() + "]")));
                }
                case 7 -> domain = r.stringField(tag, "domain");
                default -> r.skip(tag);
            }
        }
        if (opType == null || opType.isEmpty()) {
            throw r.error("op_type", "missing");
        }
        if (outputs.isEmpty()) {
            throw r.error("output", "node '" + name + "' (" + opType + ") has no output");
        }
        return new Node(name, opType, domain, List.copyOf(inputs), List.copyOf(outputs), List.copyOf(attributes));
    }

    // AttributeProto: name 1, f 2, i 3, s 4, t 5, g 6, floats 7, ints 8, type 20.
    private static Attribute attribute(ProtoReader r) {
        String name = null;
        int type = 0;
        float f = 0;
        boolean hasF = false;
        long i = 0;
        boolean hasI = false;
        byte[] s = null;
        Tensor t = null;
        boolean hasGraph = false;
        FloatList floats = new FloatList();
        LongList ints = new LongList();
        while (r.hasRemaining()) {
            int tag = r.readTag();
            switch (ProtoReader.fieldNumber(tag)) {
                case 1 -> name = r.stringField(tag, "name");
                case 2 -> {
                    r.expectWire(tag, ProtoReader.WIRE_FIXED32, "f");
                    f = Float.intBitsToFloat(r.readFixed32("f"));
                    hasF = true;
                }
                case 3 -> {
                    i = r.varintField(tag, "i");
                    hasI = true;
                }
                case 4 -> s = r.bytesField(tag, "s");
                case 5 -> t = tensor(r.messageField(tag, "t"));
                case 6, 11 -> {
                    r.skip(tag); // subgraphs (If/Loop/Scan bodies): recorded, never decoded
                    hasGraph = true;
                }
                case 7 -> r.readFloats(tag, floats, "floats");
                case 8 -> r.readInt64s(tag, ints, "ints");
                case 20 -> {
                    long v = r.varintField(tag, "type");
                    if (v < 0 || v > 14) {
                        throw r.error("type", "unknown AttributeType " + v);
                    }
                    type = (int) v;
                }
                default -> r.skip(tag);
            }
        }
        if (name == null || name.isEmpty()) {
            throw r.error("name", "missing");
        }
        return new Attribute(name, type, f, hasF, i, hasI, s, t, floats.toArray(), ints.toArray(), hasGraph);
    }

    // TensorProto: dims 1, data_type 2, float_data 4, int64_data 7, name 8, raw_data 9,
    // external_data 13, data_location 14 (EXTERNAL = 1).
    private static Tensor tensor(ProtoReader r) {
        LongList dims = new LongList();
        int dataType = 0;
        FloatList floatData = new FloatList();
        LongList int64Data = new LongList();
        String name = "";
        byte[] raw = null;
        boolean external = false;
        while (r.hasRemaining()) {
            int tag = r.readTag();
            switch (ProtoReader.fieldNumber(tag)) {
                case 1 -> r.readInt64s(tag, dims, "dims");
                case 2 -> {
                    long v = r.varintField(tag, "data_type");
                    if (v < 0 || v > Integer.MAX_VALUE) {
                        throw r.error("data_type", "invalid value " + v);
                    }
                    dataType = (int) v;
                }
                case 4 -> r.readFloats(tag, floatData, "float_data");
                case 7 -> r.readInt64s(tag, int64Data, "int64_data");
                case 8 -> name = r.stringField(tag, "name");
                case 9 -> raw = r.bytesField(tag, "raw_data");
                case 13 -> {
                    r.skip(tag);
                    external = true;
                }
                case 14 -> {
                    external |= r.varintField(tag, "data_location") == 1;
                }
                default -> r.skip(tag);
            }
        }
        long[] d = dims.toArray();
        for (int k = 0; k < d.length; k++) {
            if (d[k] < 0) {
                throw r.error("dims", "negative dimension " + d[k] + " at axis " + k);
            }
        }
        return new Tensor(name, d, dataType, floatData.toArray(), int64Data.toArray(), raw, external);
    }

    // ValueInfoProto: name 1, type 2. TypeProto: tensor_type 1. TypeProto.Tensor: elem_type 1,
    // shape 2. TensorShapeProto: dim 1. Dimension: dim_value 1, dim_param 2.
    private static ValueInfo valueInfo(ProtoReader r) {
        String name = null;
        int elemType = 0;
        List<Dim> shape = null;
        while (r.hasRemaining()) {
            int tag = r.readTag();
            switch (ProtoReader.fieldNumber(tag)) {
                case 1 -> name = r.stringField(tag, "name");
                case 2 -> {
                    ProtoReader type = r.messageField(tag, "type");
                    while (type.hasRemaining()) {
                        int t = type.readTag();
                        if (ProtoReader.fieldNumber(t) != 1) {
                            type.skip(t); // sequence/map/optional types: left without a tensor shape
                            continue;
                        }
                        ProtoReader tensor = type.messageField(t, "tensor_type");
                        while (tensor.hasRemaining()) {
                            int u = tensor.readTag();
                            switch (ProtoReader.fieldNumber(u)) {
                                case 1 -> elemType = (int) tensor.varintField(u, "elem_type");
                                case 2 -> shape = shape(tensor.messageField(u, "shape"));
                                default -> tensor.skip(u);
                            }
                        }
                    }
                }
                default -> r.skip(tag);
            }
        }
        if (name == null) {
            throw r.error("name", "missing");
        }
        return new ValueInfo(name, elemType, shape);
    }

    private static List<Dim> shape(ProtoReader r) {
        List<Dim> dims = new ArrayList<>();
        while (r.hasRemaining()) {
            int tag = r.readTag();
            if (ProtoReader.fieldNumber(tag) != 1) {
                r.skip(tag);
                continue;
            }
            r.expectWire(tag, ProtoReader.WIRE_LEN, "dim");
            ProtoReader d = r.message("dim[" + dims.size() + "]");
            long value = -1;
            String param = "";
            while (d.hasRemaining()) {
                int t = d.readTag();
                switch (ProtoReader.fieldNumber(t)) {
                    case 1 -> {
                        value = d.varintField(t, "dim_value");
                        if (value < 0) {
                            throw d.error("dim_value", "negative dimension " + value);
                        }
                    }
                    case 2 -> param = d.stringField(t, "dim_param");
                    default -> d.skip(t);
                }
            }
            dims.add(new Dim(value, param));
        }
        return List.copyOf(dims);
    }
}
