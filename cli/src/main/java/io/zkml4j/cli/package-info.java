/**
 * The {@code zkml4j} command line: picocli commands over the groth16 and r1cs layers, drop-in
 * compatible with the snarkjs commands of the same names (argument order and file formats).
 *
 * <p>Layer: the top. It may depend on every library module and nothing depends on it. Invariants:
 * stdout carries only machine-readable results (hashes, calldata, the verification verdict);
 * progress, summaries, warnings and errors go to stderr; every output file is written to a
 * temporary file and moved into place, so a failed run leaves no partial file and never replaces an
 * existing one. Exit codes are those of {@link io.zkml4j.cli.ExitCodes}.
 */
package io.zkml4j.cli;
