/**
 * BN254 arithmetic in pure Java: the fields, the curve groups, the optimal ate pairing, radix-2 FFT
 * over the scalar field and multi-scalar multiplication.
 *
 * <h2>BN254 ("alt_bn128", "bn128")</h2>
 * <ul>
 *   <li>Base field Fq, {@code p = 21888242871839275222246405745257275088696311157297823662689037894645226208583}
 *       (254 bits, {@code p ≡ 3 mod 4}).</li>
 *   <li>Scalar field Fr, {@code r = 21888242871839275222246405745257275088548364400416034343698204186575808495617}
 *       (254 bits; 2-adicity of {@code r − 1} is 28, generator of Fr* is 5).</li>
 *   <li>G1: {@code y² = x³ + 3} over Fq, prime order r, cofactor 1, generator (1, 2).</li>
 *   <li>G2: the D-type sextic twist {@code y² = x³ + 3/(9 + u)} over {@code Fq2 = Fq[u]/(u² + 1)},
 *       subgroup of order r (the twist has a large cofactor, so decoding untrusted G2 points requires
 *       a subgroup check).</li>
 *   <li>Tower: {@code Fq6 = Fq2[v]/(v³ − (9 + u))}, {@code Fq12 = Fq6[w]/(w² − v)}; the pairing is the
 *       optimal ate pairing with loop parameter {@code 6x + 2}, {@code x = 4965661367192848881}.</li>
 *   <li>Ethereum exposes G1 addition (0x06, EIP-196), G1 scalar multiplication (0x07) and the pairing
 *       check (0x08, EIP-197), priced by EIP-1108.</li>
 * </ul>
 *
 * <p>Security caveat: BN254 was designed for 128-bit security; improved attacks on the discrete log in
 * {@code Fq12} (exTNFS) put it nearer 100 bits. It is used here because it is the curve the EVM
 * verifies cheaply.
 *
 * <p>Immutable value types ({@code Fq}, {@code Fr}, points) form the API; hot loops use the
 * allocation-free kernels on flat {@code long[]} limbs in {@code io.zkml4j.algebra.internal}.
 */
package io.zkml4j.algebra;
