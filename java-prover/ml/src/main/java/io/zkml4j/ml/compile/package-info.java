/** Float-level graph folding, settings, calibration, the model-to-circuit compiler, commitments and the public-signal layout. */
package io.zkml4j.ml.compile;
