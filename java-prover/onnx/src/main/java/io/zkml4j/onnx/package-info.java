/**
 * ONNX import: reads an ONNX model file and maps it onto {@link io.zkml4j.ml.graph.ModelGraph}.
 *
 * <p>Layer: above {@code io.zkml4j.ml} (its only dependency); below the prover facade and the CLI.
 * No protobuf runtime: {@code ProtoReader} decodes the wire format by field number and
 * {@link io.zkml4j.onnx.OnnxDecoder} turns it into the {@link io.zkml4j.onnx.OnnxProto} records.
 *
 * <p>Invariants: nothing is allocated from a length read from the file before that length has been
 * checked against the bytes actually present; every failure reaching a caller is a
 * {@link io.zkml4j.onnx.ModelImportException} naming the file; a returned {@code ModelGraph} has
 * passed per-op attribute and shape checks for every node.
 */
package io.zkml4j.onnx;
