package io.zkml4j.r1cs;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.MontgomeryKernel;
import io.zkml4j.r1cs.binfile.BinFileFormat;
import io.zkml4j.r1cs.binfile.BinFileReader;
import io.zkml4j.r1cs.binfile.BinFileWriter;
import io.zkml4j.r1cs.binfile.SectionReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads and writes witnesses in the iden3 {@code .wtns} format, version 2, as written by
 * {@code snarkjs wtns calculate} and circom's witness generators:
 * <pre>
 *   "wtns" | uint32 2 | uint32 2 (sections)
 *   section 1, header:  uint32 n8 = 32 | prime r (32 bytes LE) | uint32 nWitness
 *   section 2, values:  nWitness × 32-byte LE field elements, standard (not Montgomery) form
 * </pre>
 * Sections may come in any order; unknown section types are skipped. Reading checks the header
 * against the section sizes before allocating, and every value against r. Failures are
 * {@link io.zkml4j.r1cs.binfile.BinFileException}s naming the file and section.
 */
public final class WtnsFile {

    /** Header section type. */
    public static final int HEADER = 1;
    /** Values section type. */
    public static final int VALUES = 2;

    /** The layout accepted by {@link #read}. */
    public static final BinFileFormat FORMAT = new BinFileFormat("wtns", 2, 2,
            Map.of(HEADER, "header", VALUES, "witness values"), Set.of(HEADER, VALUES));

    /** The most values a {@link Witness} can hold (four {@code long}s each in one array). */
    static final int MAX_VALUES = (Integer.MAX_VALUE - 8) / 4;

    private WtnsFile() {
    }

    /**
     * Reads a witness.
     *
     * @throws io.zkml4j.r1cs.binfile.BinFileException if the file cannot be read or is malformed
     */
    public static Witness read(Path path) {
        long[] limbs = readStandardLimbs(path);
        for (int i = 0; i < limbs.length; i += 4) {
            Fr.KERNEL.toMontgomery(limbs, i, limbs, i);
        }
        return Witness.wrap(limbs);
    }

    /**
     * Reads a witness's values as they are stored: four little-endian limbs per value, in standard
     * (not Montgomery) form, each checked to be below r. For provers that take this form
     * ({@code Groth16.proveStandardFormInPlace}) without a second copy.
     *
     * @throws io.zkml4j.r1cs.binfile.BinFileException if the file cannot be read or is malformed
     */
    public static long[] readStandardLimbs(Path path) {
        try (BinFileReader f = BinFileReader.open(path, FORMAT)) {
            SectionReader h = f.open(HEADER);
            FieldCodec.readFieldHeader(h);
            long n = h.u32("the number of values");
            h.expectEnd("n8, the prime and the number of values");
            SectionReader v = f.open(VALUES);
            long needed = n * FieldCodec.N8;
            if (v.section().size() != needed) {
                throw v.error("holds " + v.section().size() + " bytes but the header declares " + n
                        + " values of " + FieldCodec.N8 + " bytes = " + needed + " bytes");
            }
            if (n > MAX_VALUES) {
                throw v.error("holds " + n + " values; at most " + MAX_VALUES + " are supported");
            }
            long[] limbs = new long[(int) (4 * n)];
            for (int i = 0; i < n; i++) {
                v.words(limbs, 4 * i, 4, "value " + i);
                if (!Fr.KERNEL.isCanonical(limbs, 4 * i)) {
                    throw v.error("value " + i + " is " + MontgomeryKernel.fromLimbs(limbs, 4 * i) + ", not below r");
                }
            }
            return limbs;
        }
    }

    /**
     * Writes {@code witness} to {@code path} atomically (temporary file, then rename), in the layout
     * snarkjs writes: header section first, then the values.
     *
     * @throws io.zkml4j.r1cs.binfile.BinFileException if writing fails; {@code path} is then untouched
     */
    public static void write(Witness witness, Path path) {
        Objects.requireNonNull(witness, "witness");
        long[] limbs = witness.limbs();
        try (BinFileWriter w = BinFileWriter.create(path, "wtns", 2, 2)) {
            w.beginSection(HEADER);
            FieldCodec.writeFieldHeader(w);
            w.u32(witness.size());
            w.endSection();
            w.beginSection(VALUES);
            long[] scratch = new long[4];
            for (int i = 0; i < witness.size(); i++) {
                FieldCodec.writeElement(w, limbs, 4 * i, scratch);
            }
            w.endSection();
            w.commit();
        }
    }
}
