package io.zkml4j.algebra.curve;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.MontgomeryKernel;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Scalars of Fr prepared once for any number of MSMs ({@link Msm#g1(PointSource, MsmScalars)}): each
 * value {@code s} is stored as the smaller of {@code s} and {@code r − s} in canonical limbs (at most
 * 253 bits), with a flag for "negate the point", so that small negatives such as −1 cost as little as
 * small positives. A Groth16 witness is prepared once and serves four MSMs, its private part as a
 * {@link #slice}.
 *
 * <p>Storage: four longs per scalar, the flag in the otherwise unused top bit. The {@code InPlace}
 * factories reuse the caller's array (which must no longer be used for anything else); the others
 * copy. Immutable once made.
 */
public final class MsmScalars {

    /** The "negate the point" flag: bit 63 of limb 3 (magnitudes are below 2^253). */
    static final long NEGATE = Long.MIN_VALUE;

    private static final long[] R = MontgomeryKernel.toLimbs(Fr.MODULUS);
    private static final long[] HALF_R = MontgomeryKernel.toLimbs(Fr.MODULUS.shiftRight(1));
    private static final int PARALLEL_CHUNK = 1 << 12;

    private final long[] limbs;
    private final int offset;
    private final int size;

    private MsmScalars(long[] limbs, int offset, int size) {
        this.limbs = limbs;
        this.offset = offset;
        this.size = size;
    }

    /**
     * Prepares {@code n} scalars given as reduced Montgomery limbs (4 each, as {@link Fr#writeMontgomery}
     * writes them); the input is not modified.
     *
     * @throws IllegalArgumentException if the array is too short or a value is not below r (naming it)
     */
    public static MsmScalars fromMontgomery(long[] limbs, int n) {
        return prepare(copy(limbs, n), n, true);
    }

    /** As {@link #fromMontgomery}, for values in standard form (canonical little-endian limbs, as in a .wtns file). */
    public static MsmScalars fromStandard(long[] limbs, int n) {
        return prepare(copy(limbs, n), n, false);
    }

    /** As {@link #fromMontgomery} but overwriting {@code limbs}, which the scalars then own. */
    public static MsmScalars fromMontgomeryInPlace(long[] limbs, int n) {
        checkLength(limbs, n);
        return prepare(limbs, n, true);
    }

    /** As {@link #fromStandard} but overwriting {@code limbs}, which the scalars then own. */
    public static MsmScalars fromStandardInPlace(long[] limbs, int n) {
        checkLength(limbs, n);
        return prepare(limbs, n, false);
    }

    /** Scalars {@code [from, from + count)} of this vector, sharing its storage. */
    public MsmScalars slice(int from, int count) {
        Objects.checkFromIndexSize(from, count, size);
        return new MsmScalars(limbs, offset + from, count);
    }

    /** Number of scalars. */
    public int size() {
        return size;
    }

    /** Scalar {@code i} as an element of Fr (for tests and diagnostics; not for hot loops). */
    public Fr get(int i) {
        Objects.checkIndex(i, size);
        int o = 4 * (offset + i);
        long[] v = {limbs[o], limbs[o + 1], limbs[o + 2], limbs[o + 3] & ~NEGATE};
        Fr magnitude = Fr.of(MontgomeryKernel.fromLimbs(v, 0));
        return (limbs[o + 3] & NEGATE) != 0 ? magnitude.neg() : magnitude;
    }

    /** The shared storage (4 longs per scalar from {@link #offset()}); read-only for the MSM. */
    long[] limbs() {
        return limbs;
    }

    /** Index (in scalars, not longs) of scalar 0 within {@link #limbs()}. */
    int offset() {
        return offset;
    }

    private static long[] copy(long[] limbs, int n) {
        checkLength(limbs, n);
        return java.util.Arrays.copyOf(limbs, 4 * n);
    }

    private static void checkLength(long[] limbs, int n) {
        Objects.requireNonNull(limbs, "limbs");
        if (n < 0 || limbs.length < 4L * n) {
            throw new IllegalArgumentException("Expected " + n + " scalars (" + 4L * n + " longs) but got "
                    + limbs.length + " longs");
        }
    }

    private static MsmScalars prepare(long[] v, int n, boolean montgomery) {
        int chunks = (n + PARALLEL_CHUNK - 1) / PARALLEL_CHUNK;
        IntStream range = IntStream.range(0, chunks);
        (n > PARALLEL_CHUNK ? range.parallel() : range).forEach(chunk -> {
            for (int i = chunk * PARALLEL_CHUNK, end = Math.min(n, i + PARALLEL_CHUNK); i < end; i++) {
                int o = 4 * i;
                if (!Fr.KERNEL.isCanonical(v, o)) {
                    throw new IllegalArgumentException("Expected scalar " + i + " below r but got "
                            + MontgomeryKernel.fromLimbs(v, o) + (montgomery ? " (Montgomery limbs)" : ""));
                }
                if (montgomery) {
                    Fr.KERNEL.fromMontgomery(v, o, v, o);
                }
                if (greaterThan(v, o, HALF_R)) {
                    subtractFromR(v, o);
                    v[o + 3] |= NEGATE;
                }
            }
        });
        return new MsmScalars(v, 0, n);
    }

    private static boolean greaterThan(long[] s, int o, long[] bound) {
        for (int i = 3; i >= 0; i--) {
            if (s[o + i] != bound[i]) {
                return Long.compareUnsigned(s[o + i], bound[i]) > 0;
            }
        }
        return false;
    }

    /** {@code s = r − s} for {@code 0 < s < r}. */
    private static void subtractFromR(long[] s, int o) {
        long borrow = 0;
        for (int i = 0; i < 4; i++) {
            long x = R[i], y = s[o + i];
            long d = x - y - borrow;
            borrow = ((~x & y) | (~(x ^ y) & d)) >>> 63;
            s[o + i] = d;
        }
    }
}
