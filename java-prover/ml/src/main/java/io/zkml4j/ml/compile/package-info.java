/** Float-level graph folding, settings, calibration, and the model-to-circuit compiler. */
package io.zkml4j.ml.compile;
