package io.zkml4j.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProtoReaderTest {

    @Test
    void varintsRoundTrip() {
        long[] values = {0, 1, 127, 128, 300, 16383, 16384, Integer.MAX_VALUE, Long.MAX_VALUE, -1, Long.MIN_VALUE};
        ProtoWriter w = ProtoWriter.create();
        for (long v : values) {
            w.rawVarint(v);
        }
        ProtoReader r = ProtoReader.of(w.toByteArray(), "T");
        for (long v : values) {
            assertThat(r.readVarint("v")).isEqualTo(v);
        }
        assertThat(r.hasRemaining()).isFalse();
    }

    @Test
    void negativeVarintTakesTenBytes() {
        assertThat(ProtoWriter.create().rawVarint(-1).toByteArray()).hasSize(10);
    }

    @Test
    void rejectsOverlongAndTruncatedVarints() {
        byte[] eleven = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
            (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
        assertThatThrownBy(() -> ProtoReader.of(eleven, "T").readVarint("v"))
                .isInstanceOf(MalformedProtoException.class).hasMessageContaining("varint");
        byte[] tenthTooBig = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x02};
        assertThatThrownBy(() -> ProtoReader.of(tenthTooBig, "T").readVarint("v"))
                .hasMessageContaining("longer than 64 bits");
        assertThatThrownBy(() -> ProtoReader.of(new byte[] {(byte) 0x96}, "T").readVarint("v"))
                .hasMessageContaining("truncated varint");
    }

    @Test
    void fixedWidthValuesAreLittleEndian() {
        byte[] b = {0x78, 0x56, 0x34, 0x12, 1, 0, 0, 0, 0, 0, 0, (byte) 0x80};
        ProtoReader r = ProtoReader.of(b, "T");
        assertThat(r.readFixed32("a")).isEqualTo(0x12345678);
        assertThat(r.readFixed64("b")).isEqualTo(0x8000_0000_0000_0001L);
        assertThatThrownBy(() -> ProtoReader.of(new byte[3], "T").readFixed32("f"))
                .hasMessageContaining("needs 4 bytes, 3 left");
    }

    @Test
    void lengthBeyondTheMessageIsRejectedBeforeAllocating() {
        // Claims 2^31 - 1 bytes with 2 present: must fail on the check, not on an allocation.
        byte[] b = ProtoWriter.create().tag(9, 2).rawVarint(Integer.MAX_VALUE).toByteArray();
        byte[] withTail = java.util.Arrays.copyOf(b, b.length + 2);
        ProtoReader r = ProtoReader.of(withTail, "TensorProto");
        r.readTag();
        assertThatThrownBy(() -> r.readBytes("raw_data"))
                .hasMessageContaining("TensorProto: raw_data: length 2147483647 exceeds the 2 bytes left");
        byte[] huge = ProtoWriter.create().rawVarint(-1L).toByteArray();
        assertThatThrownBy(() -> ProtoReader.of(huge, "T").readBytes("s"))
                .hasMessageContaining("length 18446744073709551615 exceeds");
    }

    @Test
    void nestedMessageCannotOverrunItsParent() {
        // Outer message of length 3 contains a nested field claiming 5 bytes.
        byte[] inner = ProtoWriter.create().tag(1, 2).rawVarint(5).toByteArray();
        byte[] b = ProtoWriter.create().bytes(7, java.util.Arrays.copyOf(inner, 3)).toByteArray();
        byte[] padded = java.util.Arrays.copyOf(b, b.length + 10);
        ProtoReader r = ProtoReader.of(padded, "M");
        r.readTag();
        ProtoReader sub = r.message("graph");
        sub.readTag();
        assertThatThrownBy(() -> sub.readBytes("x")).hasMessageContaining("M.graph: x: length 5 exceeds the 1 bytes");
    }

    @Test
    void nestingDepthIsLimited() {
        ProtoWriter w = ProtoWriter.create().varint(1, 1);
        for (int i = 0; i < ProtoReader.MAX_DEPTH + 1; i++) {
            w = ProtoWriter.create().message(1, w);
        }
        ProtoReader r = ProtoReader.of(w.toByteArray(), "M");
        assertThatThrownBy(() -> {
            ProtoReader cur = r;
            while (true) {
                cur.readTag();
                cur = cur.message("m");
            }
        }).isInstanceOf(MalformedProtoException.class).hasMessageContaining("nested deeper than 16");
    }

    @Test
    void groupsAndZeroFieldNumbersAreRejected() {
        assertThatThrownBy(() -> ProtoReader.of(ProtoWriter.create().tag(5, 3).toByteArray(), "M").readTag())
                .hasMessageContaining("wire type 3 (protobuf groups are not used by ONNX)");
        assertThatThrownBy(() -> ProtoReader.of(new byte[] {0x02, 0x00}, "M").readTag())
                .hasMessageContaining("invalid field number 0");
    }

    @Test
    void repeatedFieldsReadPackedAndUnpacked() {
        byte[] b = ProtoWriter.create().packedLongs(1, 3, 300, 7).varint(1, 9).packedFloats(4, 1.5f, -2f)
                .fixed32(4, 0.25f).toByteArray();
        ProtoReader r = ProtoReader.of(b, "T");
        ProtoReader.LongList longs = new ProtoReader.LongList();
        ProtoReader.FloatList floats = new ProtoReader.FloatList();
        r.readInt64s(r.readTag(), longs, "dims");
        r.readInt64s(r.readTag(), longs, "dims");
        r.readFloats(r.readTag(), floats, "f");
        r.readFloats(r.readTag(), floats, "f");
        assertThat(longs.toArray()).containsExactly(3, 300, 7, 9);
        assertThat(floats.toArray()).containsExactly(1.5f, -2f, 0.25f);
        byte[] badPacked = ProtoWriter.create().bytes(4, new byte[5]).toByteArray();
        ProtoReader r2 = ProtoReader.of(badPacked, "T");
        assertThatThrownBy(() -> r2.readFloats(r2.readTag(), new ProtoReader.FloatList(), "float_data"))
                .hasMessageContaining("not a multiple of 4");
    }

    @Test
    void unknownFieldsOfEveryWireTypeAreSkipped() {
        byte[] b = ProtoWriter.create().varint(100, 5).fixed32(101, 1f).bytes(102, new byte[] {1, 2, 3})
                .tag(103, 1).rawVarint(0).toByteArray();
        byte[] withFixed64 = java.util.Arrays.copyOf(b, b.length + 7);
        ProtoReader r = ProtoReader.of(withFixed64, "M");
        for (int i = 0; i < 4; i++) {
            r.skip(r.readTag());
        }
        assertThat(r.hasRemaining()).isFalse();
    }
}
