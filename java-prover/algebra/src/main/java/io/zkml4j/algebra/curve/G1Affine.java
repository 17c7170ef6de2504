package io.zkml4j.algebra.curve;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.InvalidEncodingException;
import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.G1Kernel;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A point of BN254 G1, {@code y² = x³ + 3} over Fq, in affine coordinates, or the point at infinity.
 *
 * <p>Invariant: every instance is on the curve (the factories check), hence in G1: the curve has prime
 * order r ({@link Bn254#R}) and cofactor 1. Immutable.
 *
 * <p>EVM encoding (EIP-196): 64 bytes, {@code x || y}, each a 32-byte big-endian integer below p; the
 * point at infinity is {@code (0, 0)}.
 */
public final class G1Affine implements GroupElement<G1Affine> {

    /** The identity. Its coordinates read as {@code (0, 0)}, its EVM encoding. */
    public static final G1Affine INFINITY = new G1Affine(Fq.ZERO, Fq.ZERO, true);

    /** The standard generator {@code (1, 2)} (EIP-196). */
    public static final G1Affine GENERATOR = new G1Affine(Fq.ONE, Fq.of(2), false);

    /** Length of the EVM encoding. */
    public static final int EVM_BYTES = 64;

    private static final Fq B = Fq.of(3);

    private final Fq x;
    private final Fq y;
    private final boolean infinity;

    private G1Affine(Fq x, Fq y, boolean infinity) {
        this.x = x;
        this.y = y;
        this.infinity = infinity;
    }

    /**
     * The point {@code (x, y)}.
     *
     * @throws InvalidEncodingException if {@code y² ≠ x³ + 3} (the message names both coordinates);
     *     {@code (0, 0)} is not accepted here, use {@link #INFINITY}
     */
    public static G1Affine of(Fq x, Fq y) {
        if (!onCurve(x, y)) {
            throw new InvalidEncodingException("Point (x = " + x + ", y = " + y
                    + ") is not on the BN254 G1 curve y² = x³ + 3");
        }
        return new G1Affine(x, y, false);
    }

    /**
     * The point with the given integer coordinates.
     *
     * @throws InvalidEncodingException if a coordinate is not in {@code [0, p)} or the point is off the curve
     */
    public static G1Affine of(BigInteger x, BigInteger y) {
        return of(Fq.of(x), Fq.of(y));
    }

    /**
     * Decodes the EIP-196 encoding: 64 bytes {@code x || y}, big-endian, {@code (0, 0)} for infinity.
     * Strict: no padding or truncation is accepted.
     *
     * @throws InvalidEncodingException on a length other than 64, a coordinate {@code >= p}, or a point
     *     off the curve
     */
    public static G1Affine fromEvmBytes(byte[] bytes) {
        if (bytes == null || bytes.length != EVM_BYTES) {
            throw new InvalidEncodingException("Expected " + EVM_BYTES + " bytes for a G1 point (x || y, "
                    + "big-endian) but got " + (bytes == null ? "null" : bytes.length));
        }
        Fq px = EvmCoordinates.decode(bytes, 0, "G1 x");
        Fq py = EvmCoordinates.decode(bytes, 32, "G1 y");
        if (px.isZero() && py.isZero()) {
            return INFINITY;
        }
        return of(px, py);
    }

    /**
     * Reads a point from 8 Montgomery limbs (the kernel layout; all zero for infinity).
     *
     * @throws InvalidEncodingException if the limbs are not reduced or the point is off the curve
     */
    public static G1Affine fromMontgomeryLimbs(long[] src, int offset) {
        if (Arrays.stream(src, offset, offset + G1Kernel.AFFINE_LONGS).allMatch(l -> l == 0)) {
            return INFINITY;
        }
        return of(Fq.fromMontgomeryLimbs(src, offset), Fq.fromMontgomeryLimbs(src, offset + 4));
    }

    /** Wraps kernel output known to be on the curve (no check). */
    static G1Affine trusted(long[] src, int offset) {
        if (Arrays.stream(src, offset, offset + G1Kernel.AFFINE_LONGS).allMatch(l -> l == 0)) {
            return INFINITY;
        }
        return new G1Affine(Fq.fromMontgomeryLimbs(src, offset), Fq.fromMontgomeryLimbs(src, offset + 4), false);
    }

    private static boolean onCurve(Fq x, Fq y) {
        return y.square().equals(x.square().mul(x).add(B));
    }

    /** The x coordinate (zero for infinity). */
    public Fq x() {
        return x;
    }

    /** The y coordinate (zero for infinity). */
    public Fq y() {
        return y;
    }

    @Override
    public boolean isInfinity() {
        return infinity;
    }

    /** Re-checks the curve equation; always true by the class invariant (infinity included). */
    public boolean isOnCurve() {
        return infinity || onCurve(x, y);
    }

    /** Always true: G1 has cofactor 1, so every point on the curve is in the order-r subgroup. */
    public boolean isInSubgroup() {
        return isOnCurve();
    }

    @Override
    public G1Affine neg() {
        return infinity ? this : new G1Affine(x, y.neg(), false);
    }

    /** The sum, through Jacobian coordinates (one field inversion). */
    @Override
    public G1Affine add(G1Affine other) {
        return toJacobian().add(other).toAffine();
    }

    @Override
    public G1Affine dbl() {
        return toJacobian().dbl().toAffine();
    }

    @Override
    public G1Affine mul(Fr k) {
        return toJacobian().mul(k).toAffine();
    }

    @Override
    public G1Affine mul(BigInteger k) {
        return toJacobian().mul(k).toAffine();
    }

    /** The same point with {@code Z = 1} (or the Jacobian infinity). */
    public G1Jacobian toJacobian() {
        long[] a = new long[G1Kernel.AFFINE_LONGS];
        writeMontgomery(a, 0);
        long[] j = new long[G1Kernel.JACOBIAN_LONGS];
        new G1Kernel().fromAffine(j, 0, a, 0);
        return G1Jacobian.wrap(j);
    }

    /** Writes {@code x, y} as 8 Montgomery limbs (all zero for infinity), the kernel and MSM layout. */
    public void writeMontgomery(long[] dst, int offset) {
        x.writeMontgomery(dst, offset);
        y.writeMontgomery(dst, offset + 4);
    }

    /** The 64-byte EIP-196 encoding {@code x || y} (all zero for infinity). */
    public byte[] toEvmBytes() {
        byte[] out = new byte[EVM_BYTES];
        System.arraycopy(x.toBytesBE(), 0, out, 0, 32);
        System.arraycopy(y.toBytesBE(), 0, out, 32, 32);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof G1Affine p && p.infinity == infinity && p.x.equals(x) && p.y.equals(y);
    }

    @Override
    public int hashCode() {
        return 31 * x.hashCode() + y.hashCode() + (infinity ? 1 : 0);
    }

    /** {@code (x, y)} in decimal, or {@code infinity}. */
    @Override
    public String toString() {
        return infinity ? "G1(infinity)" : "G1(" + x + ", " + y + ")";
    }
}
