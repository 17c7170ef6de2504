/**
 * Groth16 over BN254 (Groth, "On the Size of Pairing-based Non-interactive Arguments", EUROCRYPT 2016,
 * eprint 2016/260), compatible with circom/snarkjs: the same {@code .zkey}, {@code .ptau},
 * {@code .wtns} files and proof / public / verification-key JSON.
 *
 * <p>This module never sees the circuit front end: it takes an R1CS and a witness from
 * {@code io.zkml4j.r1cs}.
 */
package io.zkml4j.groth16;
