/**
 * snarkjs powers-of-tau files ({@code .ptau}) and local, development-only ceremonies.
 *
 * <p>{@link io.zkml4j.groth16.ptau.PtauFile} reads and validates {@code .ptau} files lazily (a 2^20
 * file is about 1 GB; setup reads only the slices it needs). {@link io.zkml4j.groth16.ptau.PowersOfTau}
 * creates, contributes to and prepares them exactly as snarkjs does, so snarkjs verifies and consumes
 * our files and we consume theirs. The transcript details snarkjs relies on — point encodings, its
 * ChaCha-based key derivation and hash-to-G2, the resumable Blake2b state — are in
 * {@link io.zkml4j.groth16.ptau.SnarkjsEncoding} and {@link io.zkml4j.groth16.ptau.SnarkjsRng}.
 *
 * <p>Depends on {@code algebra} (curves, FFT domain) and {@code r1cs.binfile} (the section-file
 * container). Facts about the format come from reading snarkjs 0.7.6 (GPL-3.0); no code was copied.
 */
package io.zkml4j.groth16.ptau;
