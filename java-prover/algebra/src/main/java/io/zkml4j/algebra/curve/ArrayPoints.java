package io.zkml4j.algebra.curve;

import java.util.Arrays;
import java.util.Objects;

/** A {@link PointSource} over the first {@code size} points of one array; it is its own reader. */
final class ArrayPoints implements PointSource, PointSource.Reader {

    private final long[] points;
    private final int longsPerPoint;
    private final int size;

    ArrayPoints(long[] points, int longsPerPoint, int size) {
        this.points = points;
        this.longsPerPoint = longsPerPoint;
        this.size = size;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int longsPerPoint() {
        return longsPerPoint;
    }

    @Override
    public Reader open() {
        return this;
    }

    @Override
    public void read(int from, int count, long[] dst, int offset) {
        Objects.checkFromIndexSize(from, count, size);
        System.arraycopy(points, from * longsPerPoint, dst, offset, count * longsPerPoint);
    }

    @Override
    public void close() {
    }

    @Override
    public long[] toArray() {
        return Arrays.copyOf(points, size * longsPerPoint);
    }

    @Override
    public String toString() {
        return size + " points of " + longsPerPoint + " longs in memory";
    }
}
