/**
 * Solidity code generation for Groth16 over BN254, and the solc-js compile driver.
 *
 * <p>Layer: above {@code groth16} (verifying keys, {@code EvmEncoding}); depends on nothing else in
 * the repository and never on web3j. Entry points: {@link io.zkml4j.codegen.SolidityVerifierGenerator}
 * (verifying key to Solidity text), {@link io.zkml4j.codegen.Verifiers} (file to file), and
 * {@link io.zkml4j.codegen.SolcCompiler} (Solidity to {@link io.zkml4j.codegen.CompiledContract}).
 *
 * <p>Invariants: the generated source is a pure function of the verifying key and the export
 * options (byte-identical across runs and machines); every constant in it is computed here, the
 * template only substitutes.
 */
package io.zkml4j.codegen;
