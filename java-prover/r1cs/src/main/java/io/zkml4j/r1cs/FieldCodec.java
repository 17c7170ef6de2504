package io.zkml4j.r1cs;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.MontgomeryKernel;
import io.zkml4j.r1cs.binfile.BinFileWriter;
import io.zkml4j.r1cs.binfile.SectionReader;

/**
 * The field description both {@code .r1cs} and {@code .wtns} headers open with
 * ({@code uint32 n8 | prime[n8]}), and 32-byte little-endian field elements in standard (not
 * Montgomery) form, as both formats store them.
 */
final class FieldCodec {

    /** Bytes per field element for BN254's scalar field. */
    static final int N8 = 32;

    private static final long[] R_LIMBS = MontgomeryKernel.toLimbs(Bn254.R);

    private FieldCodec() {
    }

    /** Reads {@code n8} and the prime and checks that they describe BN254's scalar field. */
    static void readFieldHeader(SectionReader h) {
        long n8 = h.u32("the field element size");
        if (n8 != N8) {
            throw h.error("field element size is " + n8 + " bytes; expected " + N8
                    + " (only BN254's scalar field is supported)");
        }
        long[] prime = new long[4];
        h.words(prime, 0, 4, "the prime");
        if (!MontgomeryKernel.equal(prime, 0, R_LIMBS, 0)) {
            throw h.error("prime is " + MontgomeryKernel.fromLimbs(prime, 0) + ", not BN254's scalar field r = "
                    + Bn254.R + " (only circom's default --prime bn128 is supported)");
        }
    }

    static void writeFieldHeader(BinFileWriter w) {
        w.u32(N8);
        w.words(R_LIMBS, 0, 4);
    }

    /**
     * Reads a 32-byte element into Montgomery limbs at {@code dst[off]}.
     *
     * @return false, leaving {@code dst} unspecified, if the value is {@code >= r}
     */
    static boolean readElement(SectionReader r, long[] dst, int off, long[] scratch, String what) {
        r.words(scratch, 0, 4, what);
        if (!Fr.KERNEL.isCanonical(scratch, 0)) {
            return false;
        }
        Fr.KERNEL.toMontgomery(dst, off, scratch, 0);
        return true;
    }

    /** The plain value of {@code x >= r} read into {@code scratch}, for messages. */
    static String scratchValue(long[] scratch) {
        return MontgomeryKernel.fromLimbs(scratch, 0).toString();
    }

    /** Writes the Montgomery limbs at {@code src[off]} as a 32-byte standard-form element. */
    static void writeElement(BinFileWriter w, long[] src, int off, long[] scratch) {
        Fr.KERNEL.fromMontgomery(scratch, 0, src, off);
        w.words(scratch, 0, 4);
    }
}
