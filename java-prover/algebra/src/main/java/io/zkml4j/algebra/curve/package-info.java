/**
 * The BN254 curve groups and multi-scalar multiplication.
 *
 * <ul>
 *   <li>{@link io.zkml4j.algebra.curve.G1Affine}, {@link io.zkml4j.algebra.curve.G1Jacobian}: G1,
 *       {@code y² = x³ + 3} over Fq, prime order r, cofactor 1, generator {@code (1, 2)}; EVM encoding
 *       of EIP-196 (64 bytes {@code x || y}, {@code (0, 0)} for infinity).</li>
 *   <li>{@link io.zkml4j.algebra.curve.G2Affine}, {@link io.zkml4j.algebra.curve.G2Jacobian}: G2, the
 *       order-r subgroup of the D-type twist {@code y² = x³ + 3/(9 + u)} over Fq2; EVM encoding of
 *       EIP-197 (128 bytes, imaginary parts first: {@code x.c1 || x.c0 || y.c1 || y.c0}). The twist has
 *       a large cofactor, so decoding checks subgroup membership.</li>
 *   <li>{@link io.zkml4j.algebra.curve.Msm}: {@code Σ [s_i] P_i} in either group (Pippenger buckets,
 *       signed digits, batch-affine accumulation, parallel over windows).</li>
 * </ul>
 *
 * <p>All four point types are immutable and implement {@link io.zkml4j.algebra.curve.GroupElement};
 * their invariant is "on the curve" (and, for points obtained from the checked factories, "in the
 * subgroup"). Hot loops use the flat kernels {@link io.zkml4j.algebra.internal.G1Kernel} and
 * {@link io.zkml4j.algebra.internal.G2Kernel} behind {@link io.zkml4j.algebra.internal.CurveKernel}.
 * Nothing here is constant time: it is meant for public data (keys, proofs), not secrets.
 */
package io.zkml4j.algebra.curve;
