/**
 * Polynomials over Fr: the radix-2 evaluation domain {@link io.zkml4j.algebra.poly.Radix2Domain} and its
 * FFTs.
 *
 * <p>In Groth16 (eprint 2016/260, §3.2) the prover interpolates the QAP polynomials A, B, C from their
 * evaluations on the domain, evaluates them on a coset where the vanishing polynomial has no zero, and
 * computes {@code h = (A·B − C)/Z} pointwise there. snarkjs fixes that coset (see
 * {@link io.zkml4j.algebra.poly.Radix2Domain#snarkjsCosetShift()}) and bakes it into the zkey's H points,
 * so a prover that reads snarkjs zkeys must use the same shift and the same roots of unity, which
 * {@code Radix2Domain} does.
 *
 * <p>Transforms work in place on flat Montgomery-form {@code long[]} vectors (4 limbs per element, the
 * layout of {@code io.zkml4j.algebra.internal.MontgomeryKernel}), in natural order.
 */
package io.zkml4j.algebra.poly;
