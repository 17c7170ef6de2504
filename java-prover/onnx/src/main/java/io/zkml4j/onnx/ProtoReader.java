package io.zkml4j.onnx;

/**
 * A bounds-checked reader of the protobuf wire format over a slice of a byte array: varints,
 * fixed 32/64-bit values and length-delimited fields. Every length is checked against the bytes
 * that remain in the enclosing message <em>before</em> anything is allocated, so a corrupt length
 * can neither read out of bounds nor make the decoder allocate more than the file's size. Nested
 * messages are read through {@link #message}, which counts the depth and refuses more than
 * {@link #MAX_DEPTH} levels.
 *
 * <p>Wire types (protobuf encoding spec): 0 varint, 1 64-bit, 2 length-delimited, 5 32-bit; the
 * deprecated group types 3 and 4 are not used by ONNX and are rejected.
 */
final class ProtoReader {
    static final int WIRE_VARINT = 0;
    static final int WIRE_FIXED64 = 1;
    static final int WIRE_LEN = 2;
    static final int WIRE_FIXED32 = 5;

    /** Deepest nesting of messages accepted (ONNX needs 6: model, graph, value info, type, shape, dim). */
    static final int MAX_DEPTH = 16;

    private final byte[] buf;
    private int pos;
    private final int limit;
    private final int depth;
    private final String path;

    private ProtoReader(byte[] buf, int pos, int limit, int depth, String path) {
        this.buf = buf;
        this.pos = pos;
        this.limit = limit;
        this.depth = depth;
        this.path = path;
    }

    /** A reader over the whole array; {@code rootName} names the top-level message in errors. */
    static ProtoReader of(byte[] buf, String rootName) {
        return new ProtoReader(buf, 0, buf.length, 0, rootName);
    }

    String path() {
        return path;
    }

    boolean hasRemaining() {
        return pos < limit;
    }

    MalformedProtoException error(String problem) {
        return new MalformedProtoException(path + ": " + problem);
    }

    MalformedProtoException error(String field, String problem) {
        return new MalformedProtoException(path + "." + field + ": " + problem);
    }

    /** Reads a field key; returns it as {@code fieldNumber << 3 | wireType}. */
    int readTag() {
        long key = readVarint("field key");
        long field = key >>> 3;
        int wire = (int) (key & 7);
        if (field == 0 || field > 0x1FFF_FFFFL) {
            throw error("invalid field number " + field + " at byte " + pos);
        }
        if (wire != WIRE_VARINT && wire != WIRE_FIXED64 && wire != WIRE_LEN && wire != WIRE_FIXED32) {
            throw error("field " + field + " has unsupported wire type " + wire
                    + (wire == 3 || wire == 4 ? " (protobuf groups are not used by ONNX)" : ""));
        }
        return (int) key;
    }

    static int fieldNumber(int tag) {
        return tag >>> 3;
    }

    static int wireType(int tag) {
        return tag & 7;
    }

    /** Reads a base-128 varint of at most 10 bytes. */
    long readVarint(String what) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= limit) {
                throw error(what + ": truncated varint");
            }
            byte b = buf[pos++];
            if (shift == 63 && (b & 0xFE) != 0) {
                throw error(what + ": varint longer than 64 bits");
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw error(what + ": varint longer than 10 bytes");
    }

    int readFixed32(String what) {
        require(4, what);
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16
                | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    long readFixed64(String what) {
        require(8, what);
        long lo = readFixed32(what) & 0xFFFF_FFFFL;
        long hi = readFixed32(what) & 0xFFFF_FFFFL;
        return lo | hi << 32;
    }

    /** Reads a length prefix and checks it fits in what remains of this message. */
    int readLength(String what) {
        long len = readVarint(what + " length");
        if (len < 0 || len > limit - pos) {
            throw error(what + ": length " + Long.toUnsignedString(len) + " exceeds the " + (limit - pos)
                    + " bytes left in " + path);
        }
        return (int) len;
    }

    /** Reads a length-delimited field as bytes (bounds checked before the copy). */
    byte[] readBytes(String what) {
        int len = readLength(what);
        byte[] out = new byte[len];
        System.arraycopy(buf, pos, out, 0, len);
        pos += len;
        return out;
    }

    String readString(String what) {
        int len = readLength(what);
        String s = new String(buf, pos, len, java.nio.charset.StandardCharsets.UTF_8);
        pos += len;
        return s;
    }

    /** A reader over a nested, length-delimited message named {@code name} (for error paths). */
    ProtoReader message(String name) {
        if (depth + 1 > MAX_DEPTH) {
            throw error(name + ": messages nested deeper than " + MAX_DEPTH + " levels");
        }
        int len = readLength(name);
        ProtoReader sub = new ProtoReader(buf, pos, pos + len, depth + 1, path + "." + name);
        pos += len;
        return sub;
    }

    /** Skips the value of a field this decoder does not use. */
    void skip(int tag) {
        switch (wireType(tag)) {
            case WIRE_VARINT -> readVarint("field " + fieldNumber(tag));
            case WIRE_FIXED64 -> advance(8, "field " + fieldNumber(tag));
            case WIRE_FIXED32 -> advance(4, "field " + fieldNumber(tag));
            case WIRE_LEN -> advance(readLength("field " + fieldNumber(tag)), "field " + fieldNumber(tag));
            default -> throw error("field " + fieldNumber(tag) + ": cannot skip wire type " + wireType(tag));
        }
    }

    /** Checks that a field arrived with the wire type its schema declares. */
    void expectWire(int tag, int expected, String field) {
        if (wireType(tag) != expected) {
            throw error(field, "wire type " + wireType(tag) + ", expected " + expected);
        }
    }

    /** A varint field: its wire type checked ({@link #expectWire}), then its value read. */
    long varintField(int tag, String field) {
        expectWire(tag, WIRE_VARINT, field);
        return readVarint(field);
    }

    /** A length-delimited UTF-8 string field, its wire type checked. */
    String stringField(int tag, String field) {
        expectWire(tag, WIRE_LEN, field);
        return readString(field);
    }

    /** A length-delimited bytes field, its wire type checked. */
    byte[] bytesField(int tag, String field) {
        expectWire(tag, WIRE_LEN, field);
        return readBytes(field);
    }

    /** A nested message field, its wire type checked ({@link #message}). */
    ProtoReader messageField(int tag, String field) {
        expectWire(tag, WIRE_LEN, field);
        return message(field);
    }

    /**
     * Reads one occurrence of a repeated int64 field: packed (length-delimited) or a single varint.
     * A packed run cannot hold more values than bytes, so the list never outgrows the input.
     */
    void readInt64s(int tag, LongList out, String field) {
        if (wireType(tag) == WIRE_LEN) {
            int len = readLength(field);
            int end = pos + len;
            ProtoReader packed = new ProtoReader(buf, pos, end, depth, path + "." + field);
            while (packed.hasRemaining()) {
                out.add(packed.readVarint(field));
            }
            pos = end;
        } else if (wireType(tag) == WIRE_VARINT) {
            out.add(readVarint(field));
        } else {
            throw error(field, "wire type " + wireType(tag) + ", expected 0 or 2");
        }
    }

    /** Reads one occurrence of a repeated float field: packed or a single fixed32. */
    void readFloats(int tag, FloatList out, String field) {
        if (wireType(tag) == WIRE_LEN) {
            int len = readLength(field);
            if (len % 4 != 0) {
                throw error(field, "packed float length " + len + " is not a multiple of 4");
            }
            for (int end = pos + len; pos < end; ) {
                out.add(Float.intBitsToFloat(readFixed32(field)));
            }
        } else if (wireType(tag) == WIRE_FIXED32) {
            out.add(Float.intBitsToFloat(readFixed32(field)));
        } else {
            throw error(field, "wire type " + wireType(tag) + ", expected 5 or 2");
        }
    }

    private void require(int n, String what) {
        if (limit - pos < n) {
            throw error(what + ": needs " + n + " bytes, " + (limit - pos) + " left");
        }
    }

    private void advance(int n, String what) {
        require(n, what);
        pos += n;
    }

    /** A growable long array (repeated int64). */
    static final class LongList {
        private long[] a = new long[8];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = v;
        }

        int size() {
            return n;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }

    /** A growable float array (repeated float). */
    static final class FloatList {
        private float[] a = new float[8];
        private int n;

        void add(float v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = v;
        }

        int size() {
            return n;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
