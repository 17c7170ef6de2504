/**
 * snarkjs's JSON files ({@code proof.json}, {@code public.json}, {@code verification_key.json}):
 * strict readers and byte-exact writers ({@link io.zkml4j.groth16.json.SnarkjsJson}).
 */
package io.zkml4j.groth16.json;
