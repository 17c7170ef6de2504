package io.zkml4j.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Test helper: small ONNX messages by field number (the same numbers the decoder documents). */
final class OnnxBuilder {
    private OnnxBuilder() {}

    static ProtoWriter model(long opset, ProtoWriter graph) {
        return ProtoWriter.create().varint(1, 8).string(2, "zkml4j-test")
                .message(8, ProtoWriter.create().string(1, "").varint(2, opset))
                .message(7, graph);
    }

    /** ValueInfoProto of a float tensor; a negative dim is written as the symbolic dim_param "N". */
    static ProtoWriter valueInfo(String name, long... dims) {
        ProtoWriter shape = ProtoWriter.create();
        for (long d : dims) {
            shape.message(1, d >= 0 ? ProtoWriter.create().varint(1, d) : ProtoWriter.create().string(2, "N"));
        }
        ProtoWriter tensorType = ProtoWriter.create().varint(1, 1).message(2, shape);
        return ProtoWriter.create().string(1, name).message(2, ProtoWriter.create().message(1, tensorType));
    }

    static ProtoWriter floatDataTensor(String name, long[] dims, float... values) {
        return ProtoWriter.create().packedLongs(1, dims).varint(2, 1).string(8, name).packedFloats(4, values);
    }

    static ProtoWriter rawFloatTensor(String name, long[] dims, float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return ProtoWriter.create().packedLongs(1, dims).varint(2, 1).string(8, name).bytes(9, b.array());
    }

    static ProtoWriter int64Tensor(String name, long[] dims, long... values) {
        return ProtoWriter.create().packedLongs(1, dims).varint(2, 7).string(8, name).packedLongs(7, values);
    }

    static ProtoWriter node(String op, String name, String[] inputs, String[] outputs, ProtoWriter... attributes) {
        ProtoWriter n = ProtoWriter.create();
        for (String i : inputs) {
            n.string(1, i);
        }
        for (String o : outputs) {
            n.string(2, o);
        }
        n.string(3, name).string(4, op);
        for (ProtoWriter a : attributes) {
            n.message(5, a);
        }
        return n;
    }

    static ProtoWriter intAttr(String name, long v) {
        return ProtoWriter.create().string(1, name).varint(3, v).varint(20, 2);
    }

    static ProtoWriter floatAttr(String name, float v) {
        return ProtoWriter.create().string(1, name).fixed32(2, v).varint(20, 1);
    }

    static ProtoWriter tensorAttr(String name, ProtoWriter tensor) {
        return ProtoWriter.create().string(1, name).message(5, tensor).varint(20, 4);
    }

    /**
     * y = Gemm(x[1,3], W[2,3] (float_data), b[2] (raw_data), transB=1): W = [[1,2,3],[4,5,6]], b = [0.5, -1].
     */
    static ProtoWriter gemmGraph(ProtoWriter... extraGraphFields) {
        ProtoWriter g = ProtoWriter.create()
                .message(1, node("Gemm", "fc", new String[] {"x", "W", "b"}, new String[] {"y"},
                        intAttr("transB", 1), floatAttr("alpha", 1f)))
                .string(2, "gemm")
                .message(5, floatDataTensor("W", new long[] {2, 3}, 1, 2, 3, 4, 5, 6))
                .message(5, rawFloatTensor("b", new long[] {2}, 0.5f, -1f))
                .message(11, valueInfo("x", 1, 3))
                .message(12, valueInfo("y", 1, 2));
        return g;
    }
}
