/**
 * Model graphs with float weights ({@link io.zkml4j.ml.graph.ModelGraph}, ONNX-shaped nodes and
 * attributes) and the float evaluator that defines what the quantized circuit approximates.
 */
package io.zkml4j.ml.graph;
