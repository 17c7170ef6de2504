package io.zkml4j.algebra.curve;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.InvalidEncodingException;
import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fq2;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.G2Kernel;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A point of the BN254 G2 twist {@code E': y² = x³ + 3/(9 + u)} over {@code Fq2 = Fq[u]/(u² + 1)} (the
 * D-type sextic twist of EIP-197), in affine coordinates, or the point at infinity.
 *
 * <p>Invariant: every instance is on the twist curve. {@code E'(Fq2)} has order {@code h·r} with a large
 * cofactor {@code h = 2p − r}, so being on the curve does <em>not</em> imply being in G2, the order-r
 * subgroup: {@link #of} and {@link #fromEvmBytes} check membership and reject other points;
 * {@link #ofOnCurve} skips that check (for cofactor work and tests) and {@link #isInSubgroup} tells.
 * Immutable.
 *
 * <p>EVM encoding (EIP-197): 128 bytes {@code x.c1 || x.c0 || y.c1 || y.c0} — the coefficient of
 * {@code u} <em>first</em> — each a 32-byte big-endian integer below p; infinity is all zeros.
 */
public final class G2Affine implements GroupElement<G2Affine> {

    /** The identity. Its coordinates read as {@code (0, 0)}. */
    public static final G2Affine INFINITY = new G2Affine(Fq2.ZERO, Fq2.ZERO, true);

    /** The standard generator of G2 (EIP-197; also snarkjs's and gnark's). */
    public static final G2Affine GENERATOR = new G2Affine(
            Fq2.of(new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
                    new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634")),
            Fq2.of(new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
                    new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531")),
            false);

    /** Length of the EVM encoding. */
    public static final int EVM_BYTES = 128;

    /** {@code b' = 3/(9 + u)}. */
    static final Fq2 B_TWIST = Fq2.of(Fq.of(3), Fq.ZERO).mul(Fq2.NON_RESIDUE.inverse());

    /** {@code ξ^((p−1)/3)} and {@code ξ^((p−1)/2)}, {@code ξ = 9 + u}: the constants of ψ. */
    private static final Fq2 PSI_X = Fq2.NON_RESIDUE.pow(Bn254.P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3)));
    private static final Fq2 PSI_Y = Fq2.NON_RESIDUE.pow(Bn254.P.subtract(BigInteger.ONE).shiftRight(1));

    /** {@code 6x² = p − r}, the eigenvalue of ψ on G2. */
    static final BigInteger PSI_EIGENVALUE = BigInteger.valueOf(6).multiply(Bn254.X.pow(2));

    private final Fq2 x;
    private final Fq2 y;
    private final boolean infinity;

    private G2Affine(Fq2 x, Fq2 y, boolean infinity) {
        this.x = x;
        this.y = y;
        this.infinity = infinity;
    }

    /**
     * The point {@code (x, y)} of G2.
     *
     * @throws InvalidEncodingException if the point is off the twist curve or outside the order-r
     *     subgroup (the message names the coordinates); {@code (0, 0)} is not accepted, use {@link #INFINITY}
     */
    public static G2Affine of(Fq2 x, Fq2 y) {
        G2Affine p = ofOnCurve(x, y);
        if (!p.isInSubgroup()) {
            throw new InvalidEncodingException("Point (x = " + x + ", y = " + y
                    + ") is on the BN254 G2 twist but not in the order-r subgroup G2");
        }
        return p;
    }

    /**
     * The point {@code (x, y)} of the twist curve, <em>without</em> the subgroup check: the result may
     * lie outside G2. For untrusted input use {@link #of} or {@link #fromEvmBytes}.
     *
     * @throws InvalidEncodingException if {@code y² ≠ x³ + 3/(9 + u)}
     */
    public static G2Affine ofOnCurve(Fq2 x, Fq2 y) {
        if (!onCurve(x, y)) {
            throw new InvalidEncodingException("Point (x = " + x + ", y = " + y
                    + ") is not on the BN254 G2 twist y² = x³ + 3/(9 + u)");
        }
        return new G2Affine(x, y, false);
    }

    /**
     * Decodes the EIP-197 encoding {@code x.c1 || x.c0 || y.c1 || y.c0} (128 bytes, big-endian words,
     * all zero for infinity). Strict: no padding or truncation is accepted.
     *
     * @throws InvalidEncodingException on a length other than 128, a word {@code >= p}, a point off the
     *     twist curve, or a point outside G2
     */
    public static G2Affine fromEvmBytes(byte[] bytes) {
        if (bytes == null || bytes.length != EVM_BYTES) {
            throw new InvalidEncodingException("Expected " + EVM_BYTES + " bytes for a G2 point "
                    + "(x.c1 || x.c0 || y.c1 || y.c0, big-endian) but got " + (bytes == null ? "null" : bytes.length));
        }
        Fq x1 = EvmCoordinates.decode(bytes, 0, "G2 x.c1");
        Fq x0 = EvmCoordinates.decode(bytes, 32, "G2 x.c0");
        Fq y1 = EvmCoordinates.decode(bytes, 64, "G2 y.c1");
        Fq y0 = EvmCoordinates.decode(bytes, 96, "G2 y.c0");
        Fq2 px = Fq2.of(x0, x1), py = Fq2.of(y0, y1);
        if (px.isZero() && py.isZero()) {
            return INFINITY;
        }
        return of(px, py);
    }

    /**
     * Reads a point of G2 from 16 Montgomery limbs (the kernel layout; all zero for infinity).
     *
     * @throws InvalidEncodingException if the limbs are not reduced, or the point is off the curve or
     *     outside G2
     */
    public static G2Affine fromMontgomeryLimbs(long[] src, int offset) {
        if (Arrays.stream(src, offset, offset + G2Kernel.AFFINE_LONGS).allMatch(l -> l == 0)) {
            return INFINITY;
        }
        return of(Fq2.fromMontgomeryLimbs(src, offset), Fq2.fromMontgomeryLimbs(src, offset + 8));
    }

    /** Wraps kernel output known to be on the curve (no check). */
    static G2Affine trusted(long[] src, int offset) {
        if (Arrays.stream(src, offset, offset + G2Kernel.AFFINE_LONGS).allMatch(l -> l == 0)) {
            return INFINITY;
        }
        return new G2Affine(Fq2.fromMontgomeryLimbs(src, offset), Fq2.fromMontgomeryLimbs(src, offset + 8), false);
    }

    private static boolean onCurve(Fq2 x, Fq2 y) {
        return y.square().equals(x.square().mul(x).add(B_TWIST));
    }

    /** The x coordinate (zero for infinity). */
    public Fq2 x() {
        return x;
    }

    /** The y coordinate (zero for infinity). */
    public Fq2 y() {
        return y;
    }

    @Override
    public boolean isInfinity() {
        return infinity;
    }

    /** Re-checks the twist equation; always true by the class invariant (infinity included). */
    public boolean isOnCurve() {
        return infinity || onCurve(x, y);
    }

    /**
     * True when the point is in G2, the order-r subgroup, by the endomorphism test
     * {@code ψ(P) = [6x²]P} for BN curves (ψ = untwist∘Frobenius∘twist acts on G2 as multiplication by
     * {@code p ≡ 6x² mod r}; see El Housni, Guillevic and Piellard, eprint 2022/352). Costs one
     * ~129-bit scalar multiplication, about half of the direct test {@code [r]P = O}, with which the
     * tests cross-check it.
     */
    public boolean isInSubgroup() {
        if (infinity) {
            return true;
        }
        return toJacobian().mul(PSI_EIGENVALUE).equals(psi().toJacobian());
    }

    /**
     * The endomorphism {@code ψ(x, y) = (x̄·ξ^((p−1)/3), ȳ·ξ^((p−1)/2))}, with {@code x̄} the conjugate
     * (the p-power Frobenius of Fq2). Maps the twist curve to itself.
     */
    public G2Affine psi() {
        if (infinity) {
            return this;
        }
        return new G2Affine(x.conjugate().mul(PSI_X), y.conjugate().mul(PSI_Y), false);
    }

    @Override
    public G2Affine neg() {
        return infinity ? this : new G2Affine(x, y.neg(), false);
    }

    /** The sum, through Jacobian coordinates (one field inversion). */
    @Override
    public G2Affine add(G2Affine other) {
        return toJacobian().add(other).toAffine();
    }

    @Override
    public G2Affine dbl() {
        return toJacobian().dbl().toAffine();
    }

    @Override
    public G2Affine mul(Fr k) {
        return toJacobian().mul(k).toAffine();
    }

    @Override
    public G2Affine mul(BigInteger k) {
        return toJacobian().mul(k).toAffine();
    }

    /** The same point with {@code Z = 1} (or the Jacobian infinity). */
    public G2Jacobian toJacobian() {
        long[] a = new long[G2Kernel.AFFINE_LONGS];
        writeMontgomery(a, 0);
        long[] j = new long[G2Kernel.JACOBIAN_LONGS];
        new G2Kernel().fromAffine(j, 0, a, 0);
        return G2Jacobian.wrap(j);
    }

    /** Writes {@code x, y} as 16 Montgomery limbs ({@code x.c0, x.c1, y.c0, y.c1}; all zero for infinity). */
    public void writeMontgomery(long[] dst, int offset) {
        x.writeMontgomery(dst, offset);
        y.writeMontgomery(dst, offset + 8);
    }

    /** The 128-byte EIP-197 encoding {@code x.c1 || x.c0 || y.c1 || y.c0} (all zero for infinity). */
    public byte[] toEvmBytes() {
        byte[] out = new byte[EVM_BYTES];
        System.arraycopy(x.c1().toBytesBE(), 0, out, 0, 32);
        System.arraycopy(x.c0().toBytesBE(), 0, out, 32, 32);
        System.arraycopy(y.c1().toBytesBE(), 0, out, 64, 32);
        System.arraycopy(y.c0().toBytesBE(), 0, out, 96, 32);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof G2Affine p && p.infinity == infinity && p.x.equals(x) && p.y.equals(y);
    }

    @Override
    public int hashCode() {
        return 31 * x.hashCode() + y.hashCode() + (infinity ? 1 : 0);
    }

    /** {@code (x, y)} with {@code x = c0 + c1·u}, or {@code infinity}. */
    @Override
    public String toString() {
        return infinity ? "G2(infinity)" : "G2(" + x + ", " + y + ")";
    }
}
