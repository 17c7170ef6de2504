/**
 * The EVM calldata layout of Groth16 proofs and public inputs
 * ({@link io.zkml4j.groth16.evm.EvmEncoding}): the only place that knows the G2 coordinate order and
 * the {@code verifyProof(uint256[8], uint256[])} word order. Codegen and deployer use it.
 */
package io.zkml4j.groth16.evm;
