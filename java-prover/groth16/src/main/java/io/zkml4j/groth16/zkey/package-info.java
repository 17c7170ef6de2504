/**
 * snarkjs's {@code .zkey} proving-key file for Groth16 ({@link io.zkml4j.groth16.zkey.ZkeyFile}), on top
 * of the iden3 section-file container of {@code io.zkml4j.r1cs.binfile}.
 */
package io.zkml4j.groth16.zkey;
