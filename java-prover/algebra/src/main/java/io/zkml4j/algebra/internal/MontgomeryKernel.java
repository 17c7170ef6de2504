package io.zkml4j.algebra.internal;

import java.math.BigInteger;

/**
 * Allocation-free Montgomery arithmetic modulo a 254-bit prime, on four little-endian 64-bit limbs
 * stored in flat {@code long[]} arrays at a given offset.
 *
 * <p>Every element handled here is in Montgomery form ({@code a·R mod p}, {@code R = 2^256}) and
 * <em>reduced</em> ({@code < p}); every method keeps that invariant, given reduced inputs. Output
 * slots may alias input slots.
 *
 * <p>This is a record on purpose: HotSpot trusts the final fields of records, so when a kernel is
 * reached through a {@code static final} constant (as {@code Fq} and {@code Fr} do) the JIT folds the
 * modulus into the generated code, as if it were written out per field. Multiplication is the
 * "no-carry" CIOS variant, valid because the top limb of both BN254 moduli is below
 * {@code 2^63 - 1} (see gnark-crypto's Montgomery notes), which {@link #forModulus} guarantees by
 * accepting only moduli below {@code 2^254}.
 *
 * @param p0 limb 0 (least significant) of the modulus
 * @param inv {@code -p^{-1} mod 2^64}
 * @param r2x0 limb 0 of {@code R^2 mod p}, used to enter Montgomery form
 * @param one0 limb 0 of {@code R mod p}, the Montgomery form of 1
 */
public record MontgomeryKernel(
        long p0, long p1, long p2, long p3,
        long inv,
        long r2x0, long r2x1, long r2x2, long r2x3,
        long one0, long one1, long one2, long one3) {

    /** Number of 64-bit limbs of one element. */
    public static final int LIMBS = 4;

    /** Builds the kernel for an odd prime {@code 2^253 < p < 2^254}. */
    public static MontgomeryKernel forModulus(BigInteger p) {
        if (p.signum() <= 0 || !p.testBit(0) || p.bitLength() > 254) {
            throw new IllegalArgumentException("Expected an odd modulus below 2^254 but got " + p);
        }
        long[] pl = toLimbs(p);
        long inv = BigInteger.TWO.pow(64).subtract(p.modInverse(BigInteger.TWO.pow(64))).longValue();
        BigInteger r = BigInteger.ONE.shiftLeft(256).mod(p);
        long[] r2 = toLimbs(r.multiply(r).mod(p));
        long[] one = toLimbs(r);
        return new MontgomeryKernel(pl[0], pl[1], pl[2], pl[3], inv,
                r2[0], r2[1], r2[2], r2[3], one[0], one[1], one[2], one[3]);
    }

    /** The modulus as a {@link BigInteger}. */
    public BigInteger modulus() {
        return fromLimbs(new long[] {p0, p1, p2, p3}, 0);
    }

    // ---- Multiplicative ----------------------------------------------------------------------

    /** {@code r = a·b·R^-1 mod p}: the Montgomery product. */
    public void mul(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
        long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
        long b0 = b[bo], b1 = b[bo + 1], b2 = b[bo + 2], b3 = b[bo + 3];
        long t0, t1, t2, t3, A, C, m, lo, hi, s, u;
        // round 0
        lo = a0 * b0; hi = Math.unsignedMultiplyHigh(a0, b0);
        A = hi; t0 = lo;
        m = t0 * inv;
        lo = m * p0; hi = Math.unsignedMultiplyHigh(m, p0);
        s = lo + t0; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        C = hi; u = lo;
        lo = a1 * b0; hi = Math.unsignedMultiplyHigh(a1, b0);
        s = lo + A; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        A = hi; t1 = lo;
        lo = m * p1; hi = Math.unsignedMultiplyHigh(m, p1);
        s = lo + t1; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        s = lo + C; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        C = hi; t0 = lo;
        lo = a2 * b0; hi = Math.unsignedMultiplyHigh(a2, b0);
        s = lo + A; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        A = hi; t2 = lo;
        lo = m * p2; hi = Math.unsignedMultiplyHigh(m, p2);
        s = lo + t2; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        s = lo + C; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        C = hi; t1 = lo;
        lo = a3 * b0; hi = Math.unsignedMultiplyHigh(a3, b0);
        s = lo + A; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        A = hi; t3 = lo;
        lo = m * p3; hi = Math.unsignedMultiplyHigh(m, p3);
        s = lo + t3; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        s = lo + C; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        C = hi; t2 = lo;
        t3 = C + A;
        // round 1
        lo = a0 * b1; hi = Math.unsignedMultiplyHigh(a0, b1);
        s = lo + t0; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        A = hi; t0 = lo;
        m = t0 * inv;
        lo = m * p0; hi = Math.unsignedMultiplyHigh(m, p0);
        s = lo + t0; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        C = hi; u = lo;
        lo = a1 * b1; hi = Math.unsignedMultiplyHigh(a1, b1);
        s = lo + t1; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        s = lo + A; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        A = hi; t1 = lo;
        lo = m * p1; hi = Math.unsignedMultiplyHigh(m, p1);
        s = lo + t1; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        s = lo + C; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        C = hi; t0 = lo;
        lo = a2 * b1; hi = Math.unsignedMultiplyHigh(a2, b1);
        s = lo + t2; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        s = lo + A; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        A = hi; t2 = lo;
        lo = m * p2; hi = Math.unsignedMultiplyHigh(m, p2);
        s = lo + t2; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        s = lo + C; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        C = hi; t1 = lo;
        lo = a3 * b1; hi = Math.unsignedMultiplyHigh(a3, b1);
        s = lo + t3; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        s = lo + A; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        A = hi; t3 = lo;
        lo = m * p3; hi = Math.unsignedMultiplyHigh(m, p3);
        s = lo + t3; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        s = lo + C; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        C = hi; t2 = lo;
        t3 = C + A;
        // round 2
        lo = a0 * b2; hi = Math.unsignedMultiplyHigh(a0, b2);
        s = lo + t0; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        A = hi; t0 = lo;
        m = t0 * inv;
        lo = m * p0; hi = Math.unsignedMultiplyHigh(m, p0);
        s = lo + t0; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        C = hi; u = lo;
        lo = a1 * b2; hi = Math.unsignedMultiplyHigh(a1, b2);
        s = lo + t1; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        s = lo + A; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        A = hi; t1 = lo;
        lo = m * p1; hi = Math.unsignedMultiplyHigh(m, p1);
        s = lo + t1; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        s = lo + C; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        C = hi; t0 = lo;
        lo = a2 * b2; hi = Math.unsignedMultiplyHigh(a2, b2);
        s = lo + t2; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        s = lo + A; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        A = hi; t2 = lo;
        lo = m * p2; hi = Math.unsignedMultiplyHigh(m, p2);
        s = lo + t2; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        s = lo + C; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        C = hi; t1 = lo;
        lo = a3 * b2; hi = Math.unsignedMultiplyHigh(a3, b2);
        s = lo + t3; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        s = lo + A; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        A = hi; t3 = lo;
        lo = m * p3; hi = Math.unsignedMultiplyHigh(m, p3);
        s = lo + t3; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        s = lo + C; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        C = hi; t2 = lo;
        t3 = C + A;
        // round 3
        lo = a0 * b3; hi = Math.unsignedMultiplyHigh(a0, b3);
        s = lo + t0; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        A = hi; t0 = lo;
        m = t0 * inv;
        lo = m * p0; hi = Math.unsignedMultiplyHigh(m, p0);
        s = lo + t0; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        C = hi; u = lo;
        lo = a1 * b3; hi = Math.unsignedMultiplyHigh(a1, b3);
        s = lo + t1; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        s = lo + A; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        A = hi; t1 = lo;
        lo = m * p1; hi = Math.unsignedMultiplyHigh(m, p1);
        s = lo + t1; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        s = lo + C; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        C = hi; t0 = lo;
        lo = a2 * b3; hi = Math.unsignedMultiplyHigh(a2, b3);
        s = lo + t2; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        s = lo + A; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        A = hi; t2 = lo;
        lo = m * p2; hi = Math.unsignedMultiplyHigh(m, p2);
        s = lo + t2; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        s = lo + C; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        C = hi; t1 = lo;
        lo = a3 * b3; hi = Math.unsignedMultiplyHigh(a3, b3);
        s = lo + t3; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        s = lo + A; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        A = hi; t3 = lo;
        lo = m * p3; hi = Math.unsignedMultiplyHigh(m, p3);
        s = lo + t3; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        s = lo + C; hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0; lo = s;
        C = hi; t2 = lo;
        t3 = C + A;

        reduceOnce(r, ro, t0, t1, t2, t3);
    }

    /** {@code r = a^2} (Montgomery). */
    public void square(long[] r, int ro, long[] a, int ao) {
        mul(r, ro, a, ao, a, ao);
    }

    /** {@code r = a^e} for a non-negative exponent given as little-endian limbs (not secret-independent in time). */
    public void pow(long[] r, int ro, long[] a, int ao, long[] exponent) {
        long[] acc = new long[LIMBS];
        long[] base = new long[LIMBS];
        System.arraycopy(a, ao, base, 0, LIMBS);
        setOne(acc, 0);
        for (int i = exponent.length * 64 - 1; i >= 0; i--) {
            square(acc, 0, acc, 0);
            if (((exponent[i >>> 6] >>> (i & 63)) & 1) != 0) {
                mul(acc, 0, acc, 0, base, 0);
            }
        }
        System.arraycopy(acc, 0, r, ro, LIMBS);
    }

    /**
     * {@code r = a^-1} by Fermat's little theorem ({@code a^(p-2)}); the inverse of zero is zero, so
     * callers that need to reject zero must check first.
     */
    public void inverse(long[] r, int ro, long[] a, int ao) {
        long[] e = {p0 - 2, p1, p2, p3}; // p is odd and > 2: no borrow
        pow(r, ro, a, ao, e);
    }

    /**
     * Inverts {@code n} elements stored contiguously in {@code v} in place with one inversion and
     * {@code 3(n-1)} multiplications (Montgomery's trick). Zero elements are left as zero.
     *
     * @param scratch at least {@code 4·n} longs of working space, overwritten
     */
    public void batchInverse(long[] v, int offset, int n, long[] scratch) {
        if (scratch.length < LIMBS * n) {
            throw new IllegalArgumentException("Expected scratch of " + LIMBS * n + " longs but got " + scratch.length);
        }
        long[] acc = new long[LIMBS];
        setOne(acc, 0);
        for (int i = 0; i < n; i++) {
            int vi = offset + LIMBS * i;
            System.arraycopy(acc, 0, scratch, LIMBS * i, LIMBS);
            if (!isZero(v, vi)) {
                mul(acc, 0, acc, 0, v, vi);
            }
        }
        inverse(acc, 0, acc, 0);
        long[] tmp = new long[LIMBS];
        for (int i = n - 1; i >= 0; i--) {
            int vi = offset + LIMBS * i;
            if (isZero(v, vi)) {
                continue;
            }
            mul(tmp, 0, acc, 0, scratch, LIMBS * i); // (v_0..v_{i-1}) / (v_0..v_i) = 1 / v_i
            mul(acc, 0, acc, 0, v, vi);
            System.arraycopy(tmp, 0, v, vi, LIMBS);
        }
    }

    // ---- Additive ----------------------------------------------------------------------------

    /** {@code r = a + b mod p}. */
    public void add(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
        long x, y, s, c;
        x = a[ao]; y = b[bo]; s = x + y; c = carry(x, y, s); long s0 = s;
        x = a[ao + 1]; y = b[bo + 1]; s = x + y + c; c = carry(x, y, s); long s1 = s;
        x = a[ao + 2]; y = b[bo + 2]; s = x + y + c; c = carry(x, y, s); long s2 = s;
        x = a[ao + 3]; y = b[bo + 3]; long s3 = x + y + c; // < 2^255: no carry out
        reduceOnce(r, ro, s0, s1, s2, s3);
    }

    /** {@code r = 2a mod p}. */
    public void dbl(long[] r, int ro, long[] a, int ao) {
        long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
        reduceOnce(r, ro, a0 << 1, (a1 << 1) | (a0 >>> 63), (a2 << 1) | (a1 >>> 63), (a3 << 1) | (a2 >>> 63));
    }

    /** {@code r = a - b mod p}. */
    public void sub(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
        long x, y, d, w;
        x = a[ao]; y = b[bo]; d = x - y; w = borrow(x, y, d); long d0 = d;
        x = a[ao + 1]; y = b[bo + 1]; d = x - y - w; w = borrow(x, y, d); long d1 = d;
        x = a[ao + 2]; y = b[bo + 2]; d = x - y - w; w = borrow(x, y, d); long d2 = d;
        x = a[ao + 3]; y = b[bo + 3]; d = x - y - w; w = borrow(x, y, d); long d3 = d;
        long mask = -w; // all ones when a < b: add p back
        long q0 = p0 & mask, q1 = p1 & mask, q2 = p2 & mask, q3 = p3 & mask;
        long s, c;
        s = d0 + q0; c = carry(d0, q0, s); r[ro] = s;
        s = d1 + q1 + c; c = carry(d1, q1, s); r[ro + 1] = s;
        s = d2 + q2 + c; c = carry(d2, q2, s); r[ro + 2] = s;
        r[ro + 3] = d3 + q3 + c;
    }

    /** {@code r = -a mod p} (zero stays zero). */
    public void neg(long[] r, int ro, long[] a, int ao) {
        long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
        long mask = ((a0 | a1 | a2 | a3) == 0) ? 0 : -1L;
        long d, w;
        d = p0 - a0; w = borrow(p0, a0, d); r[ro] = d & mask;
        long d1 = p1 - a1 - w; w = borrow(p1, a1, d1); r[ro + 1] = d1 & mask;
        long d2 = p2 - a2 - w; w = borrow(p2, a2, d2); r[ro + 2] = d2 & mask;
        r[ro + 3] = (p3 - a3 - w) & mask;
    }

    // ---- Constants, predicates and conversions -----------------------------------------------

    /** Writes the Montgomery form of 1. */
    public void setOne(long[] r, int ro) {
        r[ro] = one0; r[ro + 1] = one1; r[ro + 2] = one2; r[ro + 3] = one3;
    }

    /** True when the element is zero. */
    public static boolean isZero(long[] a, int ao) {
        return (a[ao] | a[ao + 1] | a[ao + 2] | a[ao + 3]) == 0;
    }

    /** True when the element is the Montgomery form of 1. */
    public boolean isOne(long[] a, int ao) {
        return a[ao] == one0 && a[ao + 1] == one1 && a[ao + 2] == one2 && a[ao + 3] == one3;
    }

    /** True when both elements are equal (they are reduced, so limb equality is value equality). */
    public static boolean equal(long[] a, int ao, long[] b, int bo) {
        return a[ao] == b[bo] && a[ao + 1] == b[bo + 1] && a[ao + 2] == b[bo + 2] && a[ao + 3] == b[bo + 3];
    }

    /** Converts a canonical integer {@code x < p} (plain limbs) to Montgomery form: {@code x·R}. */
    public void toMontgomery(long[] r, int ro, long[] x, int xo) {
        long[] r2 = {r2x0, r2x1, r2x2, r2x3};
        mul(r, ro, x, xo, r2, 0);
    }

    /** Converts from Montgomery form to the canonical integer's plain limbs: {@code a·R^-1}. */
    public void fromMontgomery(long[] r, int ro, long[] a, int ao) {
        long[] one = {1, 0, 0, 0};
        mul(r, ro, a, ao, one, 0);
    }

    /** True when the plain (non-Montgomery) limbs {@code x} encode an integer {@code < p}. */
    public boolean isCanonical(long[] x, int xo) {
        return lessThanModulus(x[xo], x[xo + 1], x[xo + 2], x[xo + 3]);
    }

    /** Little-endian limbs of a non-negative integer below {@code 2^256}. */
    public static long[] toLimbs(BigInteger x) {
        if (x.signum() < 0 || x.bitLength() > 256) {
            throw new IllegalArgumentException("Expected an integer in [0, 2^256) but got " + x);
        }
        long[] l = new long[LIMBS];
        for (int i = 0; i < LIMBS; i++) {
            l[i] = x.shiftRight(64 * i).longValue();
        }
        return l;
    }

    /** The non-negative integer whose little-endian limbs start at {@code v[offset]}. */
    public static BigInteger fromLimbs(long[] v, int offset) {
        byte[] be = new byte[32];
        for (int i = 0; i < LIMBS; i++) {
            long limb = v[offset + i];
            for (int k = 0; k < 8; k++) {
                be[31 - 8 * i - k] = (byte) (limb >>> (8 * k));
            }
        }
        return new BigInteger(1, be);
    }

    // ---- Internals ---------------------------------------------------------------------------

    /**
     * Stores {@code t - p} if {@code t >= p}, else {@code t}; requires {@code t < 2p}. Branch-free: on
     * random data the comparison is unpredictable, and a mispredicted branch costs more than the select.
     */
    private void reduceOnce(long[] r, int ro, long t0, long t1, long t2, long t3) {
        long d0 = t0 - p0;
        long w = borrow(t0, p0, d0);
        long d1 = t1 - p1 - w;
        w = borrow(t1, p1, d1);
        long d2 = t2 - p2 - w;
        w = borrow(t2, p2, d2);
        long d3 = t3 - p3 - w;
        w = borrow(t3, p3, d3);
        long keep = -w; // all ones when t < p
        r[ro] = (t0 & keep) | (d0 & ~keep);
        r[ro + 1] = (t1 & keep) | (d1 & ~keep);
        r[ro + 2] = (t2 & keep) | (d2 & ~keep);
        r[ro + 3] = (t3 & keep) | (d3 & ~keep);
    }

    private boolean lessThanModulus(long t0, long t1, long t2, long t3) {
        if (t3 != p3) return Long.compareUnsigned(t3, p3) < 0;
        if (t2 != p2) return Long.compareUnsigned(t2, p2) < 0;
        if (t1 != p1) return Long.compareUnsigned(t1, p1) < 0;
        return Long.compareUnsigned(t0, p0) < 0;
    }

    /** Carry out of {@code s = x + y (+ carry in)}, as 0 or 1. */
    private static long carry(long x, long y, long s) {
        return ((x & y) | ((x | y) & ~s)) >>> 63;
    }

    /** Borrow out of {@code d = x - y (- borrow in)}, as 0 or 1. */
    private static long borrow(long x, long y, long d) {
        return ((~x & y) | (~(x ^ y) & d)) >>> 63;
    }
}
