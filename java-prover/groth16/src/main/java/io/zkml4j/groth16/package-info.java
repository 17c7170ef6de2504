/**
 * Groth16 over BN254 (Groth, "On the Size of Pairing-based Non-interactive Arguments", EUROCRYPT 2016,
 * eprint 2016/260), compatible with circom/snarkjs: the same {@code .zkey}, {@code .ptau},
 * {@code .wtns} files and proof / public / verification-key JSON.
 *
 * <p>Entry points: {@link io.zkml4j.groth16.Groth16} ({@code prove}, {@code verify}) on the value types
 * {@link io.zkml4j.groth16.ProvingKey}, {@link io.zkml4j.groth16.VerifyingKey} and
 * {@link io.zkml4j.groth16.Proof}; files through {@link io.zkml4j.groth16.zkey.ZkeyFile} and
 * {@link io.zkml4j.groth16.json.SnarkjsJson}; EVM calldata through
 * {@link io.zkml4j.groth16.evm.EvmEncoding}. Every failure is a
 * {@link io.zkml4j.groth16.Groth16Exception}.
 *
 * <p>This module never sees the circuit front end: it takes an R1CS and a witness from
 * {@code io.zkml4j.r1cs}.
 */
package io.zkml4j.groth16;
