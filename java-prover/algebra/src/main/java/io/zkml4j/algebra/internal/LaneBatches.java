package io.zkml4j.algebra.internal;

import java.util.function.Supplier;

/**
 * How a curve kernel hands its large batch additions to a vector kernel: batches of at least
 * {@value #MIN_BATCH} additions, once {@link Lanes#ready()}, go to an adder made on first use (it holds
 * scratch space, so one per kernel); the rest stay with the kernel. Also the cost figure the MSM's window
 * choice reads ({@link CurveKernel#batchAddAffineCost()}).
 */
final class LaneBatches {

    /** Batches from this size on go to the vector kernel. */
    static final int MIN_BATCH = 16;

    private final boolean enabled;
    private final Supplier<AffineBatchAdder> adders;
    private final double laneCost;
    private AffineBatchAdder adder;

    /**
     * @param useLanes whether the kernel may use the vector kernel at all (tests compare both)
     * @param adders makes the vector adder ({@link Lanes#g1BatchAdder}, {@link Lanes#g2BatchAdder})
     * @param laneCost one batched addition on the lanes, in scalar field multiplications
     */
    LaneBatches(boolean useLanes, Supplier<AffineBatchAdder> adders, double laneCost) {
        this.enabled = useLanes && Lanes.enabled();
        this.adders = adders;
        this.laneCost = laneCost;
    }

    /**
     * Adds the batch on the lanes, with {@link CurveKernel#batchAddAffine}'s contract, and returns true;
     * false (nothing done) when the batch is small or the lanes are off or not ready yet.
     */
    boolean batchAddAffine(long[] buckets, int[] bucketOffsets, long[] points, int[] pointOffsets,
                           boolean[] negate, int count) {
        if (!enabled || count < MIN_BATCH || !Lanes.ready()) {
            return false;
        }
        if (adder == null) {
            adder = adders.get();
        }
        adder.batchAddAffine(buckets, bucketOffsets, points, pointOffsets, negate, count);
        return true;
    }

    /** The cost of one batched addition: {@code laneCost} once the lanes run, else {@code scalarCost}. */
    double cost(double scalarCost) {
        return enabled && Lanes.ready() ? laneCost : scalarCost;
    }
}
