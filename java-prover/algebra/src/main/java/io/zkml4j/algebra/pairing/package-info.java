/**
 * The BN254 optimal ate pairing and its target group.
 *
 * <ul>
 *   <li>{@link io.zkml4j.algebra.pairing.Bn254Pairing}: {@code millerLoop}, {@code finalExponentiation},
 *       {@code pair} and the EIP-197 multi-pairing {@code pairingCheck} (one shared Miller loop, one
 *       final exponentiation), on {@link io.zkml4j.algebra.curve.G1Affine}/{@link
 *       io.zkml4j.algebra.curve.G2Affine} points or on raw affine coordinates.</li>
 *   <li>{@link io.zkml4j.algebra.pairing.Gt}: the order-r subgroup of {@code Fq12*}, multiplicative.</li>
 *   <li>{@link io.zkml4j.algebra.pairing.PairingInput}: a {@code (P, Q)} argument by affine coordinates,
 *       {@code (0, 0)} standing for the point at infinity as in EIP-197; {@code PairingInput.of(G1Affine,
 *       G2Affine)} builds one from typed points.</li>
 * </ul>
 *
 * <p>Contract shared by every entry point: points are assumed on their curves and in the order-r
 * subgroups (decoders validate, the pairing does not). The pairing value equals the textbook reduced
 * optimal ate pairing {@code f^((p¹² − 1)/r)}; the test sources check it against a plain affine
 * reference implementation and go-ethereum's EIP-197 vectors.
 */
package io.zkml4j.algebra.pairing;
