/**
 * Putting verifiers on a chain with web3j: {@link io.zkml4j.deployer.VerifierDeployer} deploys a
 * compiled verifier ({@code io.zkml4j.codegen.CompiledContract}) and returns a
 * {@link io.zkml4j.deployer.DeployedVerifier} ({@code verify} by {@code eth_call}, {@code submit} as a
 * transaction); {@link io.zkml4j.deployer.InferenceRegistryClient} drives
 * {@code contracts/examples/InferenceRegistry.sol}; {@link io.zkml4j.deployer.NetworkConfig}
 * (RPC URL, expected chain id), {@link io.zkml4j.deployer.Keys} (environment variable or
 * keystore), {@link io.zkml4j.deployer.GasReport}; failures are
 * {@link io.zkml4j.deployer.DeploymentException}s with decoded custom-error names.
 *
 * <p>Layer: depends on {@code groth16} (proof types; calldata words only from
 * {@code groth16.evm.EvmEncoding}), {@code codegen} (compiled contracts) and web3j {@code core}.
 * Nothing in the prover depends on it. The web3j {@code codegen} artifact is never used: the
 * clients are hand-written over the stable ABIs (see the module README).
 *
 * <p>Invariants: no private key, password or full RPC URL appears in any message, log or
 * {@code toString}.
 */
package io.zkml4j.deployer;
