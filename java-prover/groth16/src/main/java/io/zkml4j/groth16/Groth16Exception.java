package io.zkml4j.groth16;

/**
 * The groth16 layer's one unchecked exception: a proving key, proof, verifying key or JSON file that
 * cannot be read or is not valid, a witness that does not satisfy its constraints, or inputs to
 * {@link Groth16} of the wrong shape. Messages name the file (when there is one), the part of it
 * (section, field) and what was expected, e.g. {@code circuit.zkey: section 2 (groth16 header): field
 * modulus q is 0x…, expected the BN254 base field modulus}.
 */
public class Groth16Exception extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Groth16Exception(String message) {
        super(message);
    }

    public Groth16Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
