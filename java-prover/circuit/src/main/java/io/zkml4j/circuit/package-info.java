/**
 * The circuit front end: {@link io.zkml4j.circuit.CircuitApi} and its three implementations
 * ({@link io.zkml4j.circuit.R1csBuilder}, {@link io.zkml4j.circuit.TestEngine},
 * {@link io.zkml4j.circuit.CountingBuilder}), values ({@link io.zkml4j.circuit.Var},
 * {@link io.zkml4j.circuit.BoolVar}) and hints.
 *
 * <p>Layer: depends on {@code io.zkml4j.r1cs} and {@code io.zkml4j.algebra} only, never on Groth16.
 * The implementations share one package-private core so that {@code Var}'s representation (a
 * linear combination over builder-local ids) stays hidden. Invariant: every hint output is pinned
 * by constraints stated by the code that asked for it.
 */
package io.zkml4j.circuit;
