package io.zkml4j.algebra.internal;

import static io.zkml4j.algebra.internal.FqLanes.BLOCK;
import static io.zkml4j.algebra.internal.FqLanes.LANES;

import io.zkml4j.algebra.field.Fq;
import java.math.BigInteger;

/**
 * What the lane batch adders ({@link G1LanesBatch}, {@link G2LanesBatch}) share: moving Fq values
 * between the scalar kernel's four 64-bit limbs and a lane's nine 29-bit limbs, the constant blocks
 * that balance the Montgomery factors {@code 2^256} (scalar) and {@code 2^261} (lanes), and the scalar
 * inversion of a block's 8 lanes. Instances hold scratch space: not thread-safe.
 */
final class LaneLimbs {

    private static final MontgomeryKernel F = Fq.KERNEL;
    private static final BigInteger P = F.modulus();
    private static final int MASK = (1 << FqLanes.LIMB_BITS) - 1;

    /** Blocks of constants in every lane: {@code 2^266 mod p} (lane product with it: form 256 → 261). */
    static final long[] C266 = broadcast(BigInteger.TWO.pow(266).mod(P));
    /** {@code 2^256 mod p} (lane product with it: form 261 → 256). */
    static final long[] ONE256 = broadcast(BigInteger.TWO.pow(256).mod(P));
    /** 0, p, 2p, 4p: for {@link FqLanes#sub} and {@link FqLanes#add}. */
    static final long[] K0 = FqLanes.multipleOfP(0), K1 = FqLanes.multipleOfP(1), K2 = FqLanes.multipleOfP(2),
            K4 = FqLanes.multipleOfP(4);
    /** {@code 2^271 mod p}: a scalar Montgomery product with it multiplies by {@code 2^15}. */
    private static final long[] C271 = MontgomeryKernel.toLimbs(BigInteger.TWO.pow(271).mod(P));

    private final long[] negated = new long[4];
    private final long[] scalar = new long[4 * LANES];
    private final long[] scalarScratch = new long[4 * LANES];

    /**
     * {@code dst[to..]} (a block) = the inverses of the 8 lane values of the block at {@code src[from..]}
     * (form 261, non-zero), in form 266: one scalar batch inversion. A lane value {@code v = π·2^261}
     * read as a scalar Montgomery element inverts to {@code 2^512/v = π^-1·2^251}; times {@code 2^15}.
     */
    void invert(long[] src, int from, long[] dst, int to) {
        for (int lane = 0; lane < LANES; lane++) {
            join(src, from + lane, scalar, 4 * lane);
        }
        F.batchInverse(scalar, 0, LANES, scalarScratch);
        for (int lane = 0; lane < LANES; lane++) {
            F.mul(scalar, 4 * lane, scalar, 4 * lane, C271, 0);
            split(scalar, 4 * lane, dst, to + lane);
        }
    }

    /** Limbs {@code 4×64 → 9×29}: the 256-bit integer at {@code a[ao..ao+3]} into the lane at {@code soa[at]}. */
    static void split(long[] a, int ao, long[] soa, int at) {
        long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
        soa[at] = a0 & MASK;
        soa[at + 8] = a0 >>> 29 & MASK;
        soa[at + 16] = (a0 >>> 58 | a1 << 6) & MASK;
        soa[at + 24] = a1 >>> 23 & MASK;
        soa[at + 32] = (a1 >>> 52 | a2 << 12) & MASK;
        soa[at + 40] = a2 >>> 17 & MASK;
        soa[at + 48] = (a2 >>> 46 | a3 << 18) & MASK;
        soa[at + 56] = a3 >>> 11 & MASK;
        soa[at + 64] = a3 >>> 40;
    }

    /** {@link #split} of the Fq element at {@code a[ao..]}, or of its negation when {@code negate}. */
    void splitSigned(long[] a, int ao, boolean negate, long[] soa, int at) {
        if (negate) {
            F.neg(negated, 0, a, ao);
            split(negated, 0, soa, at);
        } else {
            split(a, ao, soa, at);
        }
    }

    /**
     * Limbs {@code 9×29 → 4×64}: the lane at {@code soa[at]} (normalised limbs, value below 5p, so below
     * 2^256) reduced modulo p into {@code r[ro..ro+3]}.
     */
    static void join(long[] soa, int at, long[] r, int ro) {
        long l0 = soa[at], l1 = soa[at + 8], l2 = soa[at + 16], l3 = soa[at + 24], l4 = soa[at + 32],
                l5 = soa[at + 40], l6 = soa[at + 48], l7 = soa[at + 56], l8 = soa[at + 64];
        long r0 = l0 | l1 << 29 | l2 << 58;
        long r1 = l2 >>> 6 | l3 << 23 | l4 << 52;
        long r2 = l4 >>> 12 | l5 << 17 | l6 << 46;
        long r3 = l6 >>> 18 | l7 << 11 | l8 << 40;
        while (!below(r0, r1, r2, r3)) {        // at most four rounds
            long b;
            long d0 = r0 - F.p0();
            b = borrow(r0, F.p0(), d0);
            long d1 = r1 - F.p1() - b;
            b = borrow(r1, F.p1(), d1);
            long d2 = r2 - F.p2() - b;
            b = borrow(r2, F.p2(), d2);
            r3 = r3 - F.p3() - b;
            r0 = d0;
            r1 = d1;
            r2 = d2;
        }
        r[ro] = r0;
        r[ro + 1] = r1;
        r[ro + 2] = r2;
        r[ro + 3] = r3;
    }

    /** Whether {@code (r0..r3) < p}. */
    private static boolean below(long r0, long r1, long r2, long r3) {
        if (r3 != F.p3()) {
            return Long.compareUnsigned(r3, F.p3()) < 0;
        }
        if (r2 != F.p2()) {
            return Long.compareUnsigned(r2, F.p2()) < 0;
        }
        if (r1 != F.p1()) {
            return Long.compareUnsigned(r1, F.p1()) < 0;
        }
        return Long.compareUnsigned(r0, F.p0()) < 0;
    }

    /** The borrow out of {@code x − y} given the difference {@code d} (including any borrow in). */
    private static long borrow(long x, long y, long d) {
        return ((~x & y) | (~(x ^ y) & d)) >>> 63;
    }

    /** A block with {@code v} (below p) in every lane. */
    private static long[] broadcast(BigInteger v) {
        long[] one = MontgomeryKernel.toLimbs(v);
        long[] block = new long[BLOCK];
        for (int lane = 0; lane < LANES; lane++) {
            split(one, 0, block, lane);
        }
        return block;
    }

}
