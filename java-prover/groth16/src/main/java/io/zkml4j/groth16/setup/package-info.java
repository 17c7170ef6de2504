/**
 * Groth16 circuit-specific setup (phase 2) compatible with snarkjs: {@link
 * io.zkml4j.groth16.setup.Groth16Setup} builds the initial key from an R1CS and a prepared
 * powers-of-tau file (byte-identical to {@code snarkjs groth16 setup}), and {@link
 * io.zkml4j.groth16.setup.ZkeyContribution} adds phase-2 contributions that {@code snarkjs zkey verify}
 * accepts. {@link io.zkml4j.groth16.setup.DevSetup} makes a development-only key without any ceremony
 * (insecure: the toxic waste lives in this process). Keys come out as
 * {@link io.zkml4j.groth16.ProvingKey} and are written by
 * {@link io.zkml4j.groth16.zkey.ZkeyFile}.
 */
package io.zkml4j.groth16.setup;
