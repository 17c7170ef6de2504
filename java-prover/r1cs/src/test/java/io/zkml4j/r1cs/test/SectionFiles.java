package io.zkml4j.r1cs.test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Hand-assembles iden3 section files for tests, including malformed ones (a section whose declared
 * size differs from its payload, counts that lie).
 */
public final class SectionFiles {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private SectionFiles(String magic, int version, int sections) {
        out.writeBytes(magic.getBytes(StandardCharsets.ISO_8859_1));
        u32(version);
        u32(sections);
    }

    /** Starts a file: magic, version, declared number of sections. */
    public static SectionFiles file(String magic, int version, int sections) {
        return new SectionFiles(magic, version, sections);
    }

    /** Appends a section whose declared size is its payload's length. */
    public SectionFiles section(int type, byte[] payload) {
        return section(type, payload.length, payload);
    }

    /** Appends a section header declaring {@code declaredSize}, then {@code payload}. */
    public SectionFiles section(int type, long declaredSize, byte[] payload) {
        u32(type);
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(declaredSize).array());
        out.writeBytes(payload);
        return this;
    }

    /** Appends raw bytes. */
    public SectionFiles raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private void u32(int v) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
    }

    /** A little-endian payload builder. */
    public static final class Payload {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public static Payload create() {
            return new Payload();
        }

        public Payload u32(long v) {
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
            return this;
        }

        public Payload u64(long v) {
            out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
            return this;
        }

        /** A 32-byte little-endian integer. */
        public Payload le32(java.math.BigInteger v) {
            byte[] be = v.toByteArray();
            byte[] le = new byte[32];
            for (int i = 0; i < 32 && i < be.length; i++) {
                le[i] = be[be.length - 1 - i];
            }
            out.writeBytes(le);
            return this;
        }

        public Payload bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        public byte[] build() {
            return out.toByteArray();
        }
    }
}
