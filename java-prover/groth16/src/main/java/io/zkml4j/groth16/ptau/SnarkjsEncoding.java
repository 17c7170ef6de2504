package io.zkml4j.groth16.ptau;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fq2;
import java.math.BigInteger;
import java.util.HexFormat;

/**
 * The point encodings snarkjs feeds to its Blake2b transcripts, and its way of printing a 64-byte
 * hash. (The files themselves store points as Montgomery limbs; see {@link PtauFile}.)
 *
 * <ul>
 *   <li><b>uncompressed</b> (ffjavascript {@code LEMtoU}): G1 {@code x || y}, 32-byte big-endian
 *       integers; G2 {@code x.c1 || x.c0 || y.c1 || y.c0} — byte for byte the EIP-196/197 encoding,
 *       all zero for the point at infinity (no flag bit);</li>
 *   <li><b>compressed</b> (ffjavascript {@code LEMtoC}): only {@code x} (G2: {@code x.c1 || x.c0}),
 *       big-endian, with bit {@code 0x80} of the first byte set when {@code y} is "negative" (see
 *       {@link #isNegative(Fq2)}); the point at infinity is {@code 0x40} followed by zeros.</li>
 * </ul>
 */
public final class SnarkjsEncoding {

    /** Bytes of an uncompressed / compressed G1 point. */
    public static final int G1_UNCOMPRESSED = 64, G1_COMPRESSED = 32;
    /** Bytes of an uncompressed / compressed G2 point. */
    public static final int G2_UNCOMPRESSED = 128, G2_COMPRESSED = 64;

    private static final BigInteger HALF_P = Bn254.P.shiftRight(1);

    private SnarkjsEncoding() {
    }

    /** {@code x || y}, big-endian (zeros for infinity). */
    public static byte[] uncompressed(G1Affine p) {
        return p.toEvmBytes();
    }

    /** {@code x.c1 || x.c0 || y.c1 || y.c0}, big-endian (zeros for infinity). */
    public static byte[] uncompressed(G2Affine p) {
        return p.toEvmBytes();
    }

    /** {@code x} big-endian, {@code 0x80} flag for a negative {@code y}, {@code 0x40} for infinity. */
    public static byte[] compressed(G1Affine p) {
        byte[] out = new byte[G1_COMPRESSED];
        if (p.isInfinity()) {
            out[0] = 0x40;
            return out;
        }
        System.arraycopy(p.x().toBytesBE(), 0, out, 0, 32);
        if (isNegative(p.y())) {
            out[0] |= (byte) 0x80;
        }
        return out;
    }

    /** {@code x.c1 || x.c0} big-endian, {@code 0x80} flag for a negative {@code y}, {@code 0x40} for infinity. */
    public static byte[] compressed(G2Affine p) {
        byte[] out = new byte[G2_COMPRESSED];
        if (p.isInfinity()) {
            out[0] = 0x40;
            return out;
        }
        System.arraycopy(p.x().c1().toBytesBE(), 0, out, 0, 32);
        System.arraycopy(p.x().c0().toBytesBE(), 0, out, 32, 32);
        if (isNegative(p.y())) {
            out[0] |= (byte) 0x80;
        }
        return out;
    }

    /** ffjavascript's sign of an Fq element: negative when its canonical value exceeds {@code (p−1)/2}. */
    public static boolean isNegative(Fq a) {
        return a.toBigInteger().compareTo(HALF_P) > 0;
    }

    /**
     * ffjavascript's sign of an Fq2 element: that of {@code c1}, or of {@code c0} when {@code c1 = 0}.
     */
    public static boolean isNegative(Fq2 a) {
        return a.c1().isZero() ? isNegative(a.c0()) : isNegative(a.c1());
    }

    /**
     * A 64-byte hash as snarkjs prints it: four lines, each a tab pair then four space-separated
     * groups of 8 lower-case hex digits (16 bytes per line), preceded by {@code title} on its own
     * line when it is not null.
     *
     * @throws IllegalArgumentException unless {@code hash} has 64 bytes
     */
    public static String formatHash(byte[] hash, String title) {
        if (hash.length != 64) {
            throw new IllegalArgumentException("Expected a 64-byte hash but got " + hash.length + " bytes");
        }
        HexFormat hex = HexFormat.of();
        StringBuilder s = new StringBuilder();
        if (title != null) {
            s.append(title).append('\n');
        }
        for (int line = 0; line < 4; line++) {
            if (line > 0) {
                s.append('\n');
            }
            s.append("\t\t");
            for (int word = 0; word < 4; word++) {
                if (word > 0) {
                    s.append(' ');
                }
                int at = line * 16 + word * 4;
                s.append(hex.formatHex(hash, at, at + 4));
            }
        }
        return s.toString();
    }
}
