package io.zkml4j.groth16.ptau;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Blake2b-512 (RFC 7693, unkeyed, no salt or personalisation) whose intermediate state can be
 * exported and re-imported in the 216-byte "partial hash" layout that snarkjs stores in every
 * powers-of-tau contribution record.
 *
 * <p>That layout mirrors the internals of the JavaScript hasher snarkjs uses: the 128-byte block
 * buffer, the eight 64-bit chain words (little-endian), then four little-endian uint32s — bytes
 * already compressed (low, high), bytes waiting in the buffer, 0 — then 8 zero bytes. Like that
 * hasher, a full buffer is compressed only when more input arrives (the last block needs the
 * finalisation flag), so after any input between 1 and 128 bytes wait in the buffer. Buffer bytes
 * beyond the pending ones are written as zeros; they never influence a digest.
 *
 * <p>Other Blake2b uses in this module go through Bouncy Castle; tests check this class against it.
 */
final class ResumableBlake2b {

    /** Size of {@link #partialState()}. */
    static final int PARTIAL_STATE_BYTES = 216;

    private static final long[] IV = {
        0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
        0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L
    };

    private static final byte[][] SIGMA = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
        {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
        {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
        {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
        {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
        {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
        {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
        {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
        {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
        {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    };

    private final long[] h = new long[8];
    private final byte[] buffer = new byte[128];
    private final long[] m = new long[16];
    private final long[] v = new long[16];
    /** Bytes absorbed in total (compressed plus pending). */
    private long length;
    /** Bytes pending in {@link #buffer}. */
    private int pos;

    ResumableBlake2b() {
        System.arraycopy(IV, 0, h, 0, 8);
        h[0] ^= 0x01010000L ^ 64; // digest length 64, no key, fanout 1, depth 1
    }

    /** Restores a state exported by {@link #partialState()} (or by snarkjs). */
    static ResumableBlake2b fromPartialState(byte[] state) {
        if (state.length != PARTIAL_STATE_BYTES) {
            throw new IllegalArgumentException("Expected a " + PARTIAL_STATE_BYTES + "-byte partial hash but got "
                    + state.length);
        }
        ResumableBlake2b b = new ResumableBlake2b();
        ByteBuffer in = ByteBuffer.wrap(state).order(ByteOrder.LITTLE_ENDIAN);
        in.get(b.buffer);
        for (int i = 0; i < 8; i++) {
            b.h[i] = in.getLong();
        }
        long compressed = in.getLong();
        long pending = Integer.toUnsignedLong(in.getInt());
        if (pending > 128 || compressed < 0 || compressed % 128 != 0) {
            throw new IllegalArgumentException("Inconsistent partial hash: " + compressed + " bytes compressed, "
                    + pending + " pending");
        }
        b.pos = (int) pending;
        b.length = compressed + pending;
        return b;
    }

    void update(byte[] data) {
        update(data, 0, data.length);
    }

    void update(byte[] data, int off, int len) {
        int at = off;
        int end = off + len;
        while (at < end) {
            if (pos == 128) {
                compress(buffer, 0, false);
                pos = 0;
            }
            int take = Math.min(128 - pos, end - at);
            System.arraycopy(data, at, buffer, pos, take);
            pos += take;
            length += take;
            at += take;
        }
    }

    /** The 216-byte snarkjs partial-hash layout of the current state (this hasher stays usable). */
    byte[] partialState() {
        ByteBuffer out = ByteBuffer.allocate(PARTIAL_STATE_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.put(buffer, 0, pos);
        out.position(128);
        for (int i = 0; i < 8; i++) {
            out.putLong(h[i]);
        }
        out.putLong(length - pos);
        out.putInt(pos);
        out.putInt(0);
        return out.array();
    }

    /** Finishes and returns the 64-byte digest; the hasher must not be used afterwards. */
    byte[] digest() {
        for (int i = pos; i < 128; i++) {
            buffer[i] = 0;
        }
        compress(buffer, 0, true);
        ByteBuffer out = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 8; i++) {
            out.putLong(h[i]);
        }
        return out.array();
    }

    private void compress(byte[] block, int off, boolean last) {
        ByteBuffer b = ByteBuffer.wrap(block, off, 128).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 16; i++) {
            m[i] = b.getLong();
        }
        System.arraycopy(h, 0, v, 0, 8);
        System.arraycopy(IV, 0, v, 8, 8);
        v[12] ^= length; // the high word of the 128-bit counter stays zero below 2^64 bytes
        if (last) {
            v[14] = ~v[14];
        }
        for (int round = 0; round < 12; round++) {
            byte[] s = SIGMA[round % 10];
            g(0, 4, 8, 12, m[s[0]], m[s[1]]);
            g(1, 5, 9, 13, m[s[2]], m[s[3]]);
            g(2, 6, 10, 14, m[s[4]], m[s[5]]);
            g(3, 7, 11, 15, m[s[6]], m[s[7]]);
            g(0, 5, 10, 15, m[s[8]], m[s[9]]);
            g(1, 6, 11, 12, m[s[10]], m[s[11]]);
            g(2, 7, 8, 13, m[s[12]], m[s[13]]);
            g(3, 4, 9, 14, m[s[14]], m[s[15]]);
        }
        for (int i = 0; i < 8; i++) {
            h[i] ^= v[i] ^ v[i + 8];
        }
    }

    private void g(int a, int b, int c, int d, long x, long y) {
        v[a] = v[a] + v[b] + x;
        v[d] = Long.rotateRight(v[d] ^ v[a], 32);
        v[c] = v[c] + v[d];
        v[b] = Long.rotateRight(v[b] ^ v[c], 24);
        v[a] = v[a] + v[b] + y;
        v[d] = Long.rotateRight(v[d] ^ v[a], 16);
        v[c] = v[c] + v[d];
        v[b] = Long.rotateRight(v[b] ^ v[c], 63);
    }
}
