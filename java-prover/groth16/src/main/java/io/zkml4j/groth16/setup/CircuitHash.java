package io.zkml4j.groth16.setup;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.internal.G1Kernel;
import io.zkml4j.algebra.internal.G2Kernel;
import io.zkml4j.algebra.internal.MontgomeryKernel;
import io.zkml4j.groth16.ptau.SnarkjsEncoding;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * The Blake2b-512 circuit hash of a new Groth16 key, fed in the order and encoding of snarkjs 0.7.6
 * {@code zkey_new} (see {@link Groth16Setup}): points uncompressed ({@link SnarkjsEncoding}), counts as
 * big-endian uint32. Points come either as point objects or as flat Montgomery limbs (the
 * {@link io.zkml4j.groth16.ProvingKey} layout), which are encoded without intermediate objects. Not
 * thread-safe; one hash per instance.
 */
final class CircuitHash {

    /** snarkjs's H-hash chunk. */
    static final int H_HASH_CHUNK = 1 << 14;

    private static final MontgomeryKernel FQ = Fq.KERNEL;

    private final Blake2bDigest digest = new Blake2bDigest(512);
    private final byte[] buf = new byte[SnarkjsEncoding.G2_UNCOMPRESSED];
    private final long[] limbs = new long[4];

    /**
     * The number of H-check points {@code τ^(i+n)·G1 − τ^i·G1} snarkjs hashes for a domain of {@code n}:
     * {@code n − 1}, rounded up to a multiple of {@value #H_HASH_CHUNK} above one chunk (its chunked
     * loop reads whole chunks), so {@code n} for {@code n >= 2^15}. The count written before them is
     * always {@code n − 1}.
     */
    static int hCheckPoints(int n) {
        return n - 1 <= H_HASH_CHUNK ? n - 1 : ((n - 1 + H_HASH_CHUNK - 1) / H_HASH_CHUNK) * H_HASH_CHUNK;
    }

    CircuitHash g1(G1Affine p) {
        return bytes(SnarkjsEncoding.uncompressed(p));
    }

    CircuitHash g2(G2Affine p) {
        return bytes(SnarkjsEncoding.uncompressed(p));
    }

    CircuitHash u32(int v) {
        buf[0] = (byte) (v >>> 24);
        buf[1] = (byte) (v >>> 16);
        buf[2] = (byte) (v >>> 8);
        buf[3] = (byte) v;
        digest.update(buf, 0, 4);
        return this;
    }

    /** The count, then the points. */
    CircuitHash g1Vector(G1Affine[] points) {
        u32(points.length);
        for (G1Affine p : points) {
            g1(p);
        }
        return this;
    }

    /** The count, then {@code count} G1 points of 8 Montgomery limbs each from {@code flat[0]}. */
    CircuitHash g1Vector(long[] flat, int count) {
        u32(count);
        return g1Points(flat, count);
    }

    /** {@code count} G1 points of 8 Montgomery limbs each from {@code flat[0]}, without a count. */
    CircuitHash g1Points(long[] flat, int count) {
        for (int i = 0; i < count; i++) {
            int o = G1Kernel.AFFINE_LONGS * i;
            coordinate(flat, o, 0);
            coordinate(flat, o + 4, 32);
            digest.update(buf, 0, SnarkjsEncoding.G1_UNCOMPRESSED);
        }
        return this;
    }

    /** The count, then {@code count} G2 points of 16 Montgomery limbs each ({@code x.c0, x.c1, y.c0, y.c1}). */
    CircuitHash g2Vector(long[] flat, int count) {
        u32(count);
        for (int i = 0; i < count; i++) {
            int o = G2Kernel.AFFINE_LONGS * i;
            coordinate(flat, o + 4, 0);    // x.c1
            coordinate(flat, o, 32);       // x.c0
            coordinate(flat, o + 12, 64);  // y.c1
            coordinate(flat, o + 8, 96);   // y.c0
            digest.update(buf, 0, SnarkjsEncoding.G2_UNCOMPRESSED);
        }
        return this;
    }

    /** The 64-byte hash. */
    byte[] finish() {
        byte[] out = new byte[64];
        digest.doFinal(out, 0);
        return out;
    }

    private CircuitHash bytes(byte[] b) {
        digest.update(b, 0, b.length);
        return this;
    }

    /** The canonical value of the Fq element at {@code flat[o]} as 32 big-endian bytes at {@code buf[at]}. */
    private void coordinate(long[] flat, int o, int at) {
        FQ.fromMontgomery(limbs, 0, flat, o);
        for (int i = 0; i < 4; i++) {
            long limb = limbs[i];
            for (int k = 0; k < 8; k++) {
                buf[at + 31 - 8 * i - k] = (byte) (limb >>> (8 * k));
            }
        }
    }
}
