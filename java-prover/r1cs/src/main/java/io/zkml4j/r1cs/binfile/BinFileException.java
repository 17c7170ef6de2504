package io.zkml4j.r1cs.binfile;

import io.zkml4j.r1cs.R1csException;

/**
 * A section file that cannot be read or written: an I/O failure, or bytes that do not follow the
 * format. The message starts with the file name and, where one is involved, names the section by
 * type number and meaning, e.g. {@code circuit.r1cs: section 2 (constraints) declares 4294967296
 * bytes but only 1200 remain}.
 */
public final class BinFileException extends R1csException {

    private static final long serialVersionUID = 1L;

    public BinFileException(String message) {
        super(message);
    }

    public BinFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
