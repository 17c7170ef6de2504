package io.zkml4j.circuit;

/**
 * A circuit: one {@link #define} method that allocates inputs and states constraints through a
 * {@link CircuitApi}. The same definition runs on every implementation ({@link R1csBuilder},
 * {@link TestEngine}, {@link CountingBuilder}), so it must not branch on witness values: the
 * constraints it emits may depend on its parameters (sizes, constants) only.
 */
@FunctionalInterface
public interface Circuit {

    /** States the circuit. Input values are supplied at allocation and ignored when only counting. */
    void define(CircuitApi api);
}
