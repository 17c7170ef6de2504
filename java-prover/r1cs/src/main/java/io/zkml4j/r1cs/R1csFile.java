package io.zkml4j.r1cs;

import io.zkml4j.algebra.internal.MontgomeryKernel;
import io.zkml4j.r1cs.binfile.BinFileFormat;
import io.zkml4j.r1cs.binfile.BinFileReader;
import io.zkml4j.r1cs.binfile.BinFileWriter;
import io.zkml4j.r1cs.binfile.SectionReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads and writes constraint systems in the iden3 {@code .r1cs} format, version 1, as written by
 * circom and read by snarkjs:
 * <pre>
 *   "r1cs" | uint32 1 | uint32 nSections
 *   section 1, header:       uint32 n8 = 32 | prime r (32 bytes LE) | uint32 nWires | uint32 nPubOut
 *                            | uint32 nPubIn | uint32 nPrvIn | uint64 nLabels | uint32 mConstraints
 *   section 2, constraints:  mConstraints × (A, B, C), each linear combination as
 *                            uint32 nTerms, then nTerms × (uint32 wireId | 32-byte LE coefficient)
 *   section 3, wire-to-label map: nWires × uint64 label
 * </pre>
 * Field elements are standard-form little-endian integers (not Montgomery form, unlike
 * {@code .zkey}). Sections may come in any order; unknown types are skipped. Files using circom's
 * custom gates (sections 4 and 5, a PLONK extension) are rejected: Groth16 cannot prove them.
 *
 * <p>Reading validates every count against the section sizes before allocating, every wire id
 * against nWires and every coefficient against r, and rejects a repeated wire within one linear
 * combination. Terms are sorted by wire if a file lists them out of order (older circom versions
 * wrote hash-map order); zero coefficients are dropped. Failures are
 * {@link io.zkml4j.r1cs.binfile.BinFileException}s naming the file, section and problem.
 *
 * <p>Writing produces circom's layout byte for byte: sections in the order constraints, header,
 * map (circom 2.x writes them so), terms in ascending wire order. Constraint names are not part of
 * the format and are not written.
 */
public final class R1csFile {

    public static final int HEADER = 1;
    public static final int CONSTRAINTS = 2;
    public static final int WIRE_TO_LABEL = 3;
    public static final int CUSTOM_GATES_LIST = 4;
    public static final int CUSTOM_GATES_USES = 5;

    /** The layout accepted by {@link #read}. */
    public static final BinFileFormat FORMAT = new BinFileFormat("r1cs", 1, 1,
            Map.of(HEADER, "header", CONSTRAINTS, "constraints", WIRE_TO_LABEL, "wire-to-label map",
                    CUSTOM_GATES_LIST, "custom gates list", CUSTOM_GATES_USES, "custom gates uses"),
            Set.of(HEADER, CONSTRAINTS, WIRE_TO_LABEL));

    /** Header payload size for 32-byte field elements. */
    static final int HEADER_BYTES = 4 + FieldCodec.N8 + 4 * 4 + 8 + 4;

    /** Bytes of one term: wire id and coefficient. */
    static final int TERM_BYTES = 4 + FieldCodec.N8;

    /** Three empty linear combinations: the least a constraint can take. */
    static final int MIN_CONSTRAINT_BYTES = 12;

    private static final String[] FACTOR = {"A", "B", "C"};

    private R1csFile() {
    }

    /**
     * The counts in an {@code .r1cs} header, as {@code snarkjs r1cs info} prints them.
     *
     * @param numWires         wires including wire 0
     * @param numPublicOutputs public outputs
     * @param numPublicInputs  public inputs
     * @param numPrivateInputs private inputs
     * @param numLabels        labels
     * @param numConstraints   constraints
     */
    public record Header(long numWires, long numPublicOutputs, long numPublicInputs, long numPrivateInputs,
                         long numLabels, long numConstraints) {
    }

    /**
     * Reads only the header (validating the file's table of contents and the header section).
     *
     * @throws io.zkml4j.r1cs.binfile.BinFileException if the file cannot be read or is malformed
     */
    public static Header readHeader(Path path) {
        try (BinFileReader f = BinFileReader.open(path, FORMAT)) {
            return header(f);
        }
    }

    /**
     * Reads a constraint system.
     *
     * @throws io.zkml4j.r1cs.binfile.BinFileException if the file cannot be read or is malformed
     */
    public static R1cs read(Path path) {
        try (BinFileReader f = BinFileReader.open(path, FORMAT)) {
            Header h = header(f);
            List<Constraint> constraints = constraints(f, h);
            long[] map = labels(f, h);
            try {
                return R1cs.builder().wires((int) h.numWires()).publicOutputs((int) h.numPublicOutputs())
                        .publicInputs((int) h.numPublicInputs()).privateInputs((int) h.numPrivateInputs())
                        .labels(h.numLabels()).wireToLabel(map).addAll(constraints).build();
            } catch (R1csException e) {
                throw f.error(e.getMessage());
            }
        }
    }

    private static Header header(BinFileReader f) {
        if (f.has(CUSTOM_GATES_LIST) || f.has(CUSTOM_GATES_USES)) {
            throw f.error("uses circom custom gates (sections 4 and 5, a PLONK extension), which Groth16 cannot prove");
        }
        SectionReader r = f.open(HEADER);
        FieldCodec.readFieldHeader(r);
        long wires = r.u32("nWires");
        long outs = r.u32("nPubOut");
        long ins = r.u32("nPubIn");
        long prv = r.u32("nPrvIn");
        long labels = r.u64("nLabels");
        long m = r.u32("mConstraints");
        r.expectEnd("the header's fields");
        if (wires < 1) {
            throw r.error("declares 0 wires; wire 0, the constant 1, always exists");
        }
        if (wires > WtnsFile.MAX_VALUES) {
            throw r.error("declares " + wires + " wires; at most " + WtnsFile.MAX_VALUES + " are supported");
        }
        if (1 + outs + ins + prv > wires) {
            throw r.error("declares 1 constant + " + outs + " public outputs + " + ins + " public inputs + " + prv
                    + " private inputs = " + (1 + outs + ins + prv) + " wires, more than its " + wires + " wires");
        }
        return new Header(wires, outs, ins, prv, labels, m);
    }

    private static List<Constraint> constraints(BinFileReader f, Header h) {
        SectionReader r = f.open(CONSTRAINTS);
        long m = h.numConstraints();
        long room = r.remaining() / MIN_CONSTRAINT_BYTES;
        if (m > room) {
            throw r.error("holds " + r.remaining() + " bytes, room for at most " + room
                    + " constraints of at least " + MIN_CONSTRAINT_BYTES + " bytes, but the header declares " + m);
        }
        if (m > Integer.MAX_VALUE - 8) {
            throw r.error("declares " + m + " constraints; at most " + (Integer.MAX_VALUE - 8) + " are supported");
        }
        List<Constraint> out = new ArrayList<>((int) m);
        Terms terms = new Terms();
        LinearCombination[] abc = new LinearCombination[3];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < 3; k++) {
                abc[k] = terms.read(r, i, FACTOR[k], h.numWires());
            }
            out.add(new Constraint(abc[0], abc[1], abc[2]));
        }
        r.expectEnd(m + " constraints");
        return out;
    }

    private static long[] labels(BinFileReader f, Header h) {
        SectionReader r = f.open(WIRE_TO_LABEL);
        long needed = 8 * h.numWires();
        if (r.section().size() != needed) {
            throw r.error("holds " + r.section().size() + " bytes but " + h.numWires() + " wires need 8 bytes each = "
                    + needed);
        }
        long[] map = new long[(int) h.numWires()];
        for (int i = 0; i < map.length; i++) {
            long label = r.u64("the label of wire " + i);
            if (label >= h.numLabels()) {
                throw r.error("wire " + i + " maps to label " + label + " but the header declares " + h.numLabels()
                        + " labels");
            }
            map[i] = label;
        }
        return map;
    }

    /** Reusable scratch for reading one linear combination. */
    private static final class Terms {
        int[] wires = new int[16];
        long[] coeffs = new long[64];
        final long[] scratch = new long[4];

        LinearCombination read(SectionReader r, int constraint, String factor, long numWires) {
            long n = r.u32("the term count of " + factor + " in constraint " + constraint);
            if (n > r.remaining() / TERM_BYTES) {
                throw r.error("constraint " + constraint + ": " + factor + " declares " + n + " terms of "
                        + TERM_BYTES + " bytes but only " + r.remaining() + " bytes remain");
            }
            int count = (int) n;
            if (count > wires.length) {
                wires = new int[count];
                coeffs = new long[4 * count];
            }
            boolean sorted = true;
            int kept = 0;
            for (int j = 0; j < count; j++) {
                long wire = r.u32("a wire id");
                if (wire >= numWires) {
                    throw r.error("constraint " + constraint + ": " + factor + " term " + j + " uses wire " + wire
                            + " but there are only " + numWires + " wires");
                }
                if (!FieldCodec.readElement(r, coeffs, 4 * kept, scratch, "a coefficient")) {
                    throw r.error("constraint " + constraint + ": " + factor + " coefficient of wire " + wire + " is "
                            + FieldCodec.scratchValue(scratch) + ", not below r");
                }
                if (MontgomeryKernel.isZero(coeffs, 4 * kept)) {
                    continue;
                }
                if (kept > 0 && wires[kept - 1] >= wire) {
                    sorted = false;
                }
                wires[kept++] = (int) wire;
            }
            if (!sorted) {
                sortTerms(kept);
            }
            for (int j = 1; j < kept; j++) {
                if (wires[j] == wires[j - 1]) {
                    throw r.error("constraint " + constraint + ": " + factor + " lists wire " + wires[j] + " twice");
                }
            }
            return new LinearCombination(Arrays.copyOf(wires, kept), Arrays.copyOf(coeffs, 4 * kept));
        }

        private void sortTerms(int n) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = ((long) wires[i] << 32) | i;
            }
            Arrays.sort(keys);
            int[] w = new int[n];
            long[] c = new long[4 * n];
            for (int i = 0; i < n; i++) {
                int from = (int) keys[i];
                w[i] = wires[from];
                System.arraycopy(coeffs, 4 * from, c, 4 * i, 4);
            }
            System.arraycopy(w, 0, wires, 0, n);
            System.arraycopy(c, 0, coeffs, 0, 4 * n);
        }
    }

    /**
     * Writes {@code r1cs} to {@code path} atomically (temporary file, then rename) in circom's layout.
     *
     * @throws io.zkml4j.r1cs.binfile.BinFileException if writing fails; {@code path} is then untouched
     */
    public static void write(R1cs r1cs, Path path) {
        Objects.requireNonNull(r1cs, "r1cs");
        try (BinFileWriter w = BinFileWriter.create(path, "r1cs", 1, 3)) {
            w.beginSection(CONSTRAINTS);
            long[] limbs = new long[4];
            long[] scratch = new long[4];
            for (Constraint c : r1cs.constraints()) {
                writeLc(w, c.a(), limbs, scratch);
                writeLc(w, c.b(), limbs, scratch);
                writeLc(w, c.c(), limbs, scratch);
            }
            w.endSection();
            w.beginSection(HEADER);
            FieldCodec.writeFieldHeader(w);
            w.u32((long) r1cs.numWires());
            w.u32((long) r1cs.numPublicOutputs());
            w.u32((long) r1cs.numPublicInputs());
            w.u32((long) r1cs.numPrivateInputs());
            w.u64(r1cs.numLabels());
            w.u32((long) r1cs.numConstraints());
            w.endSection();
            w.beginSection(WIRE_TO_LABEL);
            for (int i = 0; i < r1cs.numWires(); i++) {
                w.u64(r1cs.labelOf(i));
            }
            w.endSection();
            w.commit();
        }
    }

    private static void writeLc(BinFileWriter w, LinearCombination lc, long[] limbs, long[] scratch) {
        w.u32((long) lc.size());
        for (int j = 0; j < lc.size(); j++) {
            w.u32((long) lc.wire(j));
            lc.coefficientLimbs(j, limbs, 0);
            FieldCodec.writeElement(w, limbs, 0, scratch);
        }
    }
}
