package io.zkml4j.algebra.internal;

/**
 * Affine additions in bulk with one shared inversion, with the contract of
 * {@link CurveKernel#batchAddAffine}: an alternative implementation a kernel may delegate to.
 */
interface AffineBatchAdder {

    /** See {@link CurveKernel#batchAddAffine}; same arguments, preconditions and result. */
    void batchAddAffine(long[] buckets, int[] bucketOffsets, long[] points, int[] pointOffsets, boolean[] negate,
                        int count);
}
