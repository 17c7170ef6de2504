package io.zkml4j.algebra.curve;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.InvalidEncodingException;
import io.zkml4j.algebra.field.Fq;
import java.math.BigInteger;
import java.util.HexFormat;

/** Strict decoding of the 32-byte big-endian Fq words of the EVM point encodings. */
final class EvmCoordinates {

    private EvmCoordinates() {
    }

    /**
     * The Fq element in {@code bytes[offset, offset + 32)}.
     *
     * @throws InvalidEncodingException if the word is {@code >= p}; the message names the coordinate
     */
    static Fq decode(byte[] bytes, int offset, String name) {
        BigInteger v = new BigInteger(1, java.util.Arrays.copyOfRange(bytes, offset, offset + 32));
        if (v.compareTo(Bn254.P) >= 0) {
            throw new InvalidEncodingException(name + " coordinate 0x"
                    + HexFormat.of().formatHex(bytes, offset, offset + 32)
                    + " is not a field element: expected a value below p = " + Bn254.P);
        }
        return Fq.of(v);
    }
}
