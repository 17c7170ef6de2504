package io.zkml4j.r1cs;

/**
 * The failure type of this layer: an invalid constraint system, a witness that does not satisfy it
 * (when the caller asks for an exception), or a malformed or unreadable {@code .r1cs}/{@code .wtns}
 * file (the subclass {@link io.zkml4j.r1cs.binfile.BinFileException}). Messages name what was wrong
 * and, for files, the file and section.
 */
public class R1csException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public R1csException(String message) {
        super(message);
    }

    public R1csException(String message, Throwable cause) {
        super(message, cause);
    }
}
