/**
 * The model pipeline behind {@code zkml4j compile | witness | setup | prove}: an ONNX model is
 * imported, calibrated and compiled into a <em>model directory</em> ({@link io.zkml4j.prover.model.ModelDirectory}:
 * {@code model.onnx}, {@code model.json}, {@code circuit.r1cs}, and after setup {@code circuit.zkey} and
 * {@code verification_key.json}); later steps rebuild the exact circuit from the stored model and
 * settings ({@link io.zkml4j.prover.model.ZkModel#load}) and refuse a directory whose circuit no longer matches.
 */
package io.zkml4j.prover.model;
