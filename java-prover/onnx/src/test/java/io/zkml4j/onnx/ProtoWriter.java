package io.zkml4j.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Test helper: writes protobuf wire format field by field, to build ONNX files the fixtures don't cover. */
final class ProtoWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static ProtoWriter create() {
        return new ProtoWriter();
    }

    ProtoWriter rawVarint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
        return this;
    }

    ProtoWriter tag(int field, int wire) {
        return rawVarint((long) field << 3 | wire);
    }

    ProtoWriter varint(int field, long v) {
        return tag(field, 0).rawVarint(v);
    }

    ProtoWriter fixed32(int field, float f) {
        tag(field, 5);
        int bits = Float.floatToIntBits(f);
        for (int i = 0; i < 4; i++) {
            out.write(bits >>> (8 * i));
        }
        return this;
    }

    ProtoWriter bytes(int field, byte[] b) {
        tag(field, 2).rawVarint(b.length);
        out.writeBytes(b);
        return this;
    }

    ProtoWriter string(int field, String s) {
        return bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    ProtoWriter message(int field, ProtoWriter m) {
        return bytes(field, m.toByteArray());
    }

    ProtoWriter packedLongs(int field, long... values) {
        ProtoWriter p = new ProtoWriter();
        for (long v : values) {
            p.rawVarint(v);
        }
        return bytes(field, p.toByteArray());
    }

    ProtoWriter packedFloats(int field, float... values) {
        ProtoWriter p = new ProtoWriter();
        for (float v : values) {
            int bits = Float.floatToIntBits(v);
            for (int i = 0; i < 4; i++) {
                p.out.write(bits >>> (8 * i));
            }
        }
        return bytes(field, p.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
