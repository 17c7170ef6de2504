package io.zkml4j.algebra;

/**
 * Thrown when bytes, integers or coordinates do not encode a valid value: a field element that is
 * not canonical ({@code >= modulus}), a wrong length, a point off the curve or outside the
 * prime-order subgroup. The message names the value and what was expected.
 */
public class InvalidEncodingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidEncodingException(String message) {
        super(message);
    }
}
