package io.zkml4j.algebra.curve;

import io.zkml4j.algebra.internal.G1Kernel;
import io.zkml4j.algebra.internal.G2Kernel;
import java.util.Objects;

/**
 * A vector of affine points that an MSM reads in runs of consecutive points, so the points need not
 * all be in memory at once: a proving key's point sections can be read straight from the key file
 * (one run per chunk, one reader per thread).
 *
 * <p>Layout of every point read: affine Montgomery limbs, {@link #longsPerPoint()} longs
 * ({@code x, y} for G1: 8 longs; {@code x.c0, x.c1, y.c0, y.c1} for G2: 16 longs), all zero for the
 * point at infinity — the layout of {@link G1Affine#writeMontgomery}, {@link G2Affine#writeMontgomery}
 * and of a zkey's point sections read as little-endian longs.
 *
 * <p>Implementations must be safe to {@link #open() open} from several threads at once; each
 * {@link Reader} is used by one thread. A source whose points can change between reads (a file
 * rewritten during a proof) makes an MSM's result meaningless, not unsafe.
 */
public interface PointSource {

    /**
     * MSMs read runs of at most this many points, starting at multiples of it (the last run may be
     * shorter): a source may validate or cache in blocks of this size.
     */
    int CHUNK = 1 << 12;

    /** Number of points. */
    int size();

    /** Longs per point: 8 for G1, 16 for G2. */
    int longsPerPoint();

    /** Opens a reader for the calling thread; close it when done. */
    Reader open();

    /** Reads runs of consecutive points for one thread. */
    interface Reader extends AutoCloseable {

        /**
         * Copies points {@code [from, from + count)} into {@code dst} from {@code offset}
         * ({@code count · longsPerPoint()} longs).
         *
         * @throws IndexOutOfBoundsException if the range is not within {@code [0, size())}
         * @throws RuntimeException (of the implementation's choosing) if the points cannot be read or
         *     are malformed; the message names the source and the point
         */
        void read(int from, int count, long[] dst, int offset);

        /** Releases what the reader holds (a file handle, say); never throws a checked exception. */
        @Override
        void close();
    }

    /** All points in one array ({@code size() · longsPerPoint()} longs): for writers and tests. */
    default long[] toArray() {
        long[] all = new long[Math.multiplyExact(size(), longsPerPoint())];
        try (Reader r = open()) {
            int chunk = 1 << 14;
            for (int from = 0; from < size(); from += chunk) {
                int count = Math.min(chunk, size() - from);
                r.read(from, count, all, from * longsPerPoint());
            }
        }
        return all;
    }

    /**
     * The points of a flat array of G1 affine Montgomery limbs, 8 per point (taken as they are: not
     * copied, not validated; the caller must not change them while an MSM runs).
     */
    static PointSource ofG1(long[] points) {
        return of(points, G1Kernel.AFFINE_LONGS, points.length / G1Kernel.AFFINE_LONGS);
    }

    /** As {@link #ofG1(long[])} for G2 points, 16 longs each. */
    static PointSource ofG2(long[] points) {
        return of(points, G2Kernel.AFFINE_LONGS, points.length / G2Kernel.AFFINE_LONGS);
    }

    /**
     * The first {@code count} points of a flat array, {@code longsPerPoint} longs each.
     *
     * @throws IllegalArgumentException if the array holds fewer than {@code count} points or
     *     {@code longsPerPoint} is neither 8 nor 16
     */
    static PointSource of(long[] points, int longsPerPoint, int count) {
        Objects.requireNonNull(points, "points");
        if (longsPerPoint != G1Kernel.AFFINE_LONGS && longsPerPoint != G2Kernel.AFFINE_LONGS) {
            throw new IllegalArgumentException("Expected 8 (G1) or 16 (G2) longs per point but got " + longsPerPoint);
        }
        if (count < 0 || (long) count * longsPerPoint > points.length) {
            throw new IllegalArgumentException("Expected " + count + " points (" + (long) count * longsPerPoint
                    + " longs) but the array holds " + points.length + " longs");
        }
        return new ArrayPoints(points, longsPerPoint, count);
    }
}
