/**
 * Poseidon over BN254's Fr, identical to circomlib's {@code Poseidon(nInputs)}: the native hash
 * ({@link io.zkml4j.circuit.poseidon.Poseidon}) and its parameters, regenerated from the
 * Poseidon paper's Grain LFSR procedure ({@link io.zkml4j.circuit.poseidon.PoseidonParameters}).
 * The in-circuit version is {@link io.zkml4j.circuit.gadgets.PoseidonGadget}. JDK and algebra only.
 */
package io.zkml4j.circuit.poseidon;
