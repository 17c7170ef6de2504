/**
 * Gadgets: bits and range checks, bounded comparisons, signed floor division, fused ReLU +
 * rescale, max/argmax, Poseidon. Each depends only on {@link io.zkml4j.circuit.CircuitApi}, states
 * its exact cost and its soundness preconditions, and pins every hint output with constraints.
 */
package io.zkml4j.circuit.gadgets;
