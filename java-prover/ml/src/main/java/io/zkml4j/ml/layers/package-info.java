/**
 * Circuit layers, each with its integer reference twin; widths derived from guaranteed intervals
 * (see the module README's soundness section).
 */
package io.zkml4j.ml.layers;
