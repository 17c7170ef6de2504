/**
 * The prover facade: joins {@code io.zkml4j.circuit} and {@code io.zkml4j.groth16}, which never see
 * each other. Entry point: {@link io.zkml4j.prover.Prover}.
 */
package io.zkml4j.prover;
