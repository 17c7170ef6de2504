/** Fixed-point tensors, guaranteed integer intervals, and shaped arrays of circuit variables. */
package io.zkml4j.ml.tensor;
