/**
 * Rank-1 constraint systems over BN254's scalar field and their witnesses, in circom's conventions.
 *
 * <ul>
 *   <li>{@link io.zkml4j.r1cs.LinearCombination}, {@link io.zkml4j.r1cs.Constraint},
 *       {@link io.zkml4j.r1cs.R1cs}: immutable in-memory systems; wire 0 is the constant 1, then
 *       public outputs, public inputs, private inputs and internal wires.</li>
 *   <li>{@link io.zkml4j.r1cs.Witness}: values for every wire, stored as flat Montgomery limbs.</li>
 *   <li>{@link io.zkml4j.r1cs.R1cs#check(Witness)}: satisfiability, naming the first failing
 *       constraint with its evaluated a, b, a·b and c ({@link io.zkml4j.r1cs.CheckResult}).</li>
 *   <li>{@link io.zkml4j.r1cs.R1csFile} and {@link io.zkml4j.r1cs.WtnsFile}: circom/snarkjs
 *       {@code .r1cs} (v1) and {@code .wtns} (v2) files, built on the section-file container in
 *       {@link io.zkml4j.r1cs.binfile}.</li>
 * </ul>
 * Failures of this layer are {@link io.zkml4j.r1cs.R1csException}s; plain argument misuse (a
 * negative count, an index out of range) throws the usual {@code IllegalArgumentException} or
 * {@code IndexOutOfBoundsException}.
 */
package io.zkml4j.r1cs;
