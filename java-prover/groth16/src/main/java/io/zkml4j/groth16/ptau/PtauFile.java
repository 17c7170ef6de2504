package io.zkml4j.groth16.ptau;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.InvalidEncodingException;
import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.r1cs.binfile.BinFileException;
import io.zkml4j.r1cs.binfile.BinFileFormat;
import io.zkml4j.r1cs.binfile.BinFileReader;
import io.zkml4j.r1cs.binfile.BinFileWriter;
import io.zkml4j.r1cs.binfile.SectionReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An open snarkjs powers-of-tau file ({@code .ptau}, magic {@code "ptau"}, version 1) over BN254.
 *
 * <h2>Layout</h2>
 * Section 1, the header: {@code uint32 n8q = 32 | q (32 bytes LE) | uint32 power | uint32 ceremonyPower}
 * (44 bytes). Sections 2..6 hold the powers ({@link PtauSection} gives the counts, all in G1/G2 affine
 * Montgomery limbs), section 7 the contributions ({@code uint32 n}, then n records, see
 * {@link PtauContribution}), and a prepared file adds the Lagrange sections 12..15.
 *
 * <h2>Validation</h2>
 * {@link #open} checks, before reading any point: the container (see {@link BinFileReader}), that
 * sections 1..7 are present, that {@code n8q = 32} and {@code q} is exactly the BN254 base-field
 * modulus, {@code 1 <= power <= ceremonyPower <= 28}, that every point section has exactly the size
 * its count implies, and that either all four Lagrange sections are present or none. It then parses
 * the contributions section (small: about 1.5 KB a record), checking the record count against the
 * section size first.
 *
 * <p>Points are read lazily, only the requested ranges: setting up a circuit of domain {@code 2^k}
 * reads about {@code 4·2^k} Lagrange points and {@code 2^(k+1)} powers, whatever the file's size.
 * Every point read is checked to be a reduced Montgomery encoding of a point on its curve. G1 has
 * cofactor 1, so that is also subgroup membership. G2 points are additionally checked to lie in the
 * order-r subgroup (the twist has a large cofactor, and a point outside the subgroup would break the
 * pairing checks snarkjs and our verifier rely on); this costs about a quarter of a scalar
 * multiplication per point. Nothing here checks that the points are <em>consistent</em> powers of a
 * single τ — that is what the contribution chain and {@code snarkjs powersoftau verify} establish.
 *
 * <p>Errors are {@link BinFileException}s naming the file, the section and the problem (with the
 * point index for a bad point). Not thread-safe; close it when done.
 */
public final class PtauFile implements AutoCloseable {

    /** The container format: magic, version 1, section names, required sections 1..7. */
    public static final BinFileFormat FORMAT;

    /** The largest power: 2^28 is the 2-adicity of BN254's scalar field. */
    public static final int MAX_POWER = Bn254.FR_TWO_ADICITY;

    /** Bytes of the header section. */
    static final int HEADER_BYTES = 4 + 32 + 4 + 4;

    /** Fixed part of a contribution record: 5 points, the key, the partial hash, the challenge, type, length. */
    static final int CONTRIBUTION_FIXED_BYTES = 64 + 128 + 64 + 64 + 128 + PtauPublicKey.UNCOMPRESSED_BYTES
            + ResumableBlake2b.PARTIAL_STATE_BYTES + 64 + 4 + 4;

    static {
        Map<Integer, String> names = new HashMap<>();
        for (PtauSection s : PtauSection.values()) {
            names.put(s.id(), s.label());
        }
        FORMAT = new BinFileFormat("ptau", 1, 1, names, Set.of(1, 2, 3, 4, 5, 6, 7));
    }

    private final BinFileReader file;
    private final int power;
    private final int ceremonyPower;
    private final boolean prepared;
    private final List<PtauContribution> contributions;

    private PtauFile(BinFileReader file, int power, int ceremonyPower, boolean prepared,
                     List<PtauContribution> contributions) {
        this.file = file;
        this.power = power;
        this.ceremonyPower = ceremonyPower;
        this.prepared = prepared;
        this.contributions = contributions;
    }

    /**
     * Opens and validates {@code path} (see the class comment); reads no points.
     *
     * @throws BinFileException naming the file, section and problem
     */
    public static PtauFile open(Path path) {
        BinFileReader file = BinFileReader.open(path, FORMAT);
        try {
            return validate(file);
        } catch (RuntimeException e) {
            try {
                file.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static PtauFile validate(BinFileReader file) {
        SectionReader h = file.open(PtauSection.HEADER.id());
        if (h.section().size() != HEADER_BYTES) {
            throw h.error("is " + h.section().size() + " bytes, expected " + HEADER_BYTES
                    + " (n8q, q, power, ceremonyPower)");
        }
        long n8q = h.u32("n8q");
        if (n8q != 32) {
            throw h.error("n8q is " + n8q + ", expected 32 (BN254)");
        }
        byte[] q = new byte[32];
        h.bytes(q, "q");
        BigInteger modulus = littleEndian(q);
        if (!modulus.equals(Bn254.P)) {
            throw h.error("field modulus q = " + modulus + " is not BN254's " + Bn254.P
                    + " (only BN254/bn128 ceremonies are supported)");
        }
        long power = h.u32("power");
        long ceremonyPower = h.u32("ceremonyPower");
        if (power < 1 || power > MAX_POWER) {
            throw h.error("power is " + power + ", expected 1 to " + MAX_POWER);
        }
        if (ceremonyPower < power || ceremonyPower > MAX_POWER) {
            throw h.error("ceremonyPower is " + ceremonyPower + ", expected " + power + " (the power) to " + MAX_POWER);
        }
        int p = (int) power;
        int lagrangeCount = 0;
        for (PtauSection s : PtauSection.values()) {
            if (s.group() == PtauSection.Group.NONE || !file.has(s.id())) {
                continue;
            }
            long expected = s.pointCount(p) * s.group().pointBytes();
            long actual = file.section(s.id()).size();
            if (actual != expected) {
                throw file.error(s + " is " + actual + " bytes, expected " + expected + " (" + s.pointCount(p)
                        + " points of " + s.group().pointBytes() + " bytes for power " + p + ")");
            }
            if (s.isLagrange()) {
                lagrangeCount++;
            }
        }
        if (lagrangeCount != 0 && lagrangeCount != 4) {
            throw file.error("has " + lagrangeCount + " of the 4 Lagrange sections 12..15; a prepared file has all "
                    + "four, an unprepared one none");
        }
        List<PtauContribution> contributions = readContributions(file);
        return new PtauFile(file, p, (int) ceremonyPower, lagrangeCount == 4, contributions);
    }

    private static List<PtauContribution> readContributions(BinFileReader file) {
        SectionReader r = file.open(PtauSection.CONTRIBUTIONS.id());
        long n = r.u32("number of contributions");
        if (n > r.remaining() / CONTRIBUTION_FIXED_BYTES) {
            throw r.error("declares " + n + " contributions but its " + r.remaining()
                    + " remaining bytes hold at most " + r.remaining() / CONTRIBUTION_FIXED_BYTES + " ("
                    + CONTRIBUTION_FIXED_BYTES + " bytes or more each)");
        }
        List<PtauContribution> out = new ArrayList<>((int) n);
        for (int i = 0; i < n; i++) {
            out.add(readContribution(r, i + 1));
        }
        r.expectEnd(n + " contributions");
        return Collections.unmodifiableList(out);
    }

    private static PtauContribution readContribution(SectionReader r, int id) {
        String c = "contribution #" + id;
        G1Affine tauG1 = readG1(r, c + " tauG1");
        G2Affine tauG2 = readG2(r, c + " tauG2");
        G1Affine alphaG1 = readG1(r, c + " alphaG1");
        G1Affine betaG1 = readG1(r, c + " betaG1");
        G2Affine betaG2 = readG2(r, c + " betaG2");
        PtauPublicKey key = new PtauPublicKey(readG1(r, c + " key tau.g1_s"), readG1(r, c + " key tau.g1_sx"),
                readG1(r, c + " key alpha.g1_s"), readG1(r, c + " key alpha.g1_sx"),
                readG1(r, c + " key beta.g1_s"), readG1(r, c + " key beta.g1_sx"),
                readG2(r, c + " key tau.g2_spx"), readG2(r, c + " key alpha.g2_spx"),
                readG2(r, c + " key beta.g2_spx"));
        byte[] partial = new byte[ResumableBlake2b.PARTIAL_STATE_BYTES];
        r.bytes(partial, c + " partial hash");
        byte[] next = new byte[64];
        r.bytes(next, c + " next challenge hash");
        long type = r.u32(c + " type");
        if (type != PtauContribution.TYPE_CONTRIBUTION && type != PtauContribution.TYPE_BEACON) {
            throw r.error(c + " has type " + type + ", expected 0 (contribution) or 1 (beacon)");
        }
        long paramLength = r.u32(c + " parameter length");
        if (paramLength > r.remaining()) {
            throw r.error(c + " declares " + paramLength + " bytes of parameters but only " + r.remaining()
                    + " remain");
        }
        byte[] params = new byte[(int) paramLength];
        r.bytes(params, c + " parameters");
        String name = null;
        int numIterationsExp = 0;
        byte[] beaconHash = null;
        int at = 0;
        int lastType = 0;
        while (at < params.length) {
            int t = params[at++] & 0xff;
            if (t <= lastType) {
                throw r.error(c + ": parameters must be sorted by type (type " + t + " after " + lastType + ")");
            }
            lastType = t;
            switch (t) {
                case 1 -> {
                    int len = paramByte(r, c, params, at++);
                    checkParam(r, c, params, at, len);
                    name = new String(params, at, len, StandardCharsets.UTF_8);
                    at += len;
                }
                case 2 -> numIterationsExp = paramByte(r, c, params, at++);
                case 3 -> {
                    int len = paramByte(r, c, params, at++);
                    checkParam(r, c, params, at, len);
                    beaconHash = java.util.Arrays.copyOfRange(params, at, at + len);
                    at += len;
                }
                default -> throw r.error(c + ": unknown parameter type " + t + " (expected 1 name, 2 iterations, "
                        + "3 beacon hash)");
            }
        }
        if (type == PtauContribution.TYPE_BEACON && beaconHash == null) {
            throw r.error(c + " is a beacon without a beacon hash parameter");
        }
        return new PtauContribution(tauG1, tauG2, alphaG1, betaG1, betaG2, key, partial, next, (int) type, name,
                numIterationsExp, beaconHash);
    }

    private static int paramByte(SectionReader r, String c, byte[] params, int at) {
        checkParam(r, c, params, at, 1);
        return params[at] & 0xff;
    }

    private static void checkParam(SectionReader r, String c, byte[] params, int at, int len) {
        if (at + len > params.length) {
            throw r.error(c + ": a parameter runs past the declared parameter length " + params.length);
        }
    }

    // ---- Accessors ------------------------------------------------------------------------------

    /** The file name used in messages. */
    public String fileName() {
        return file.fileName();
    }

    /** {@code log2} of the number of τ powers in G2 (the file holds {@code 2^(power+1) − 1} in G1). */
    public int power() {
        return power;
    }

    /** The power the ceremony was run at (larger than {@link #power()} for a truncated file). */
    public int ceremonyPower() {
        return ceremonyPower;
    }

    /** Whether the Lagrange sections 12..15 ("prepare phase2") are present. */
    public boolean isPrepared() {
        return prepared;
    }

    /** The contributions, oldest first (unmodifiable). */
    public List<PtauContribution> contributions() {
        return contributions;
    }

    // ---- Points ---------------------------------------------------------------------------------

    /**
     * Points {@code first .. first+count−1} of a G1 section, validated.
     *
     * @throws IllegalArgumentException if the section is not a G1 section or the range is outside it
     * @throws BinFileException         for a missing section or an invalid point (naming its index)
     */
    public G1Affine[] readG1(PtauSection section, long first, int count) {
        SectionReader r = seek(section, PtauSection.Group.G1, first, count);
        G1Affine[] out = new G1Affine[count];
        for (int i = 0; i < count; i++) {
            out[i] = readG1(r, section.label() + " point " + (first + i));
        }
        return out;
    }

    /** As {@link #readG1} for a G2 section. */
    public G2Affine[] readG2(PtauSection section, long first, int count) {
        SectionReader r = seek(section, PtauSection.Group.G2, first, count);
        G2Affine[] out = new G2Affine[count];
        for (int i = 0; i < count; i++) {
            out[i] = readG2(r, section.label() + " point " + (first + i));
        }
        return out;
    }

    /**
     * The {@code 2^level} points of Lagrange level {@code level} of a G1 Lagrange section.
     *
     * @throws IllegalStateException    if the file is not prepared
     * @throws IllegalArgumentException if the level is outside {@code 0 .. section.maxLagrangeLevel(power)}
     */
    public G1Affine[] lagrangeG1(PtauSection section, int level) {
        checkLagrange(section, level);
        return readG1(section, (1L << level) - 1, 1 << level);
    }

    /** As {@link #lagrangeG1} for {@link PtauSection#LAGRANGE_TAU_G2}. */
    public G2Affine[] lagrangeG2(PtauSection section, int level) {
        checkLagrange(section, level);
        return readG2(section, (1L << level) - 1, 1 << level);
    }

    private void checkLagrange(PtauSection section, int level) {
        if (!section.isLagrange()) {
            throw new IllegalArgumentException(section + " is not a Lagrange section");
        }
        if (!prepared) {
            throw new IllegalStateException(fileName() + ": not prepared for phase 2 (no Lagrange sections 12..15); "
                    + "run 'ptau prepare' (snarkjs powersoftau prepare phase2) first");
        }
        int max = section.maxLagrangeLevel(power);
        if (level < 0 || level > max) {
            throw new IllegalArgumentException(fileName() + ": " + section + " has levels 0 to " + max
                    + ", not " + level);
        }
    }

    private SectionReader seek(PtauSection section, PtauSection.Group group, long first, int count) {
        if (section.group() != group) {
            throw new IllegalArgumentException(section + " does not hold " + group + " points");
        }
        long total = section.pointCount(power);
        if (first < 0 || count < 0 || first + count > total) {
            throw new IllegalArgumentException(fileName() + ": points " + first + " .. " + (first + count - 1)
                    + " are outside " + section + ", which holds " + total);
        }
        if (!file.has(section.id())) {
            throw file.error(section + " is missing");
        }
        SectionReader r = file.open(section.id());
        r.skip(first * group.pointBytes(), "the points before " + first);
        return r;
    }

    /**
     * Copies a section's payload byte for byte to an open section of {@code out} (streamed in chunks).
     */
    void copyPayload(PtauSection section, BinFileWriter out) {
        SectionReader r = file.open(section.id());
        byte[] chunk = new byte[(int) Math.min(1 << 20, Math.max(1, r.remaining()))];
        while (r.remaining() > 0) {
            byte[] b = r.remaining() >= chunk.length ? chunk : new byte[(int) r.remaining()];
            r.bytes(b, section.label() + " payload");
            out.put(b);
        }
    }

    /** A cursor over a section, for streaming readers in this package. */
    SectionReader open(PtauSection section) {
        return file.open(section.id());
    }

    @Override
    public void close() {
        file.close();
    }

    // ---- Point codec (shared with the writers in this package) -----------------------------------

    static G1Affine readG1(SectionReader r, String what) {
        long[] l = new long[8];
        r.words(l, 0, 8, what);
        try {
            return G1Affine.fromMontgomeryLimbs(l, 0);
        } catch (InvalidEncodingException e) {
            throw r.error(what + " is not a valid G1 point: " + e.getMessage());
        }
    }

    static G2Affine readG2(SectionReader r, String what) {
        long[] l = new long[16];
        r.words(l, 0, 8, what);
        r.words(l, 8, 8, what);
        try {
            return G2Affine.fromMontgomeryLimbs(l, 0);
        } catch (InvalidEncodingException e) {
            throw r.error(what + " is not a valid G2 point: " + e.getMessage());
        }
    }

    static void write(BinFileWriter w, G1Affine p) {
        long[] l = new long[8];
        p.writeMontgomery(l, 0);
        w.words(l, 0, 8);
    }

    static void write(BinFileWriter w, G2Affine p) {
        long[] l = new long[16];
        p.writeMontgomery(l, 0);
        w.words(l, 0, 16);
    }

    /** Writes section 1 for BN254. */
    static void writeHeader(BinFileWriter w, int power, int ceremonyPower) {
        w.beginSection(PtauSection.HEADER.id());
        w.u32(32);
        byte[] q = Bn254.P.toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < 32 && i < q.length; i++) {
            le[i] = q[q.length - 1 - i];
        }
        w.put(le);
        w.u32(power);
        w.u32(ceremonyPower);
        w.endSection();
    }

    /** Writes section 7. */
    static void writeContributions(BinFileWriter w, List<PtauContribution> contributions) {
        w.beginSection(PtauSection.CONTRIBUTIONS.id());
        w.u32(contributions.size());
        for (PtauContribution c : contributions) {
            write(w, c.tauG1());
            write(w, c.tauG2());
            write(w, c.alphaG1());
            write(w, c.betaG1());
            write(w, c.betaG2());
            PtauPublicKey k = c.key();
            for (G1Affine p : new G1Affine[] {k.tauG1S(), k.tauG1SX(), k.alphaG1S(), k.alphaG1SX(), k.betaG1S(),
                k.betaG1SX()}) {
                write(w, p);
            }
            for (G2Affine p : new G2Affine[] {k.tauG2SPX(), k.alphaG2SPX(), k.betaG2SPX()}) {
                write(w, p);
            }
            w.put(c.partialHash());
            w.put(c.nextChallenge());
            w.u32(c.type());
            byte[] params = encodeParams(c);
            w.u32(params.length);
            w.put(params);
        }
        w.endSection();
    }

    /** snarkjs's parameter list: name (type 1, first 64 characters), beacon iterations (2) and hash (3). */
    static byte[] encodeParams(PtauContribution c) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        c.name().ifPresent(n -> {
            byte[] b = encodeName(n);
            out.write(1);
            out.write(b.length);
            out.writeBytes(b);
        });
        if (c.type() == PtauContribution.TYPE_BEACON) {
            out.write(2);
            out.write(c.numIterationsExp());
            byte[] h = c.beaconHash().orElseThrow();
            out.write(3);
            out.write(h.length);
            out.writeBytes(h);
        }
        return out.toByteArray();
    }

    /**
     * A contribution name as snarkjs stores it: its first 64 UTF-16 characters, UTF-8 encoded, in at
     * most 255 bytes (one length byte).
     *
     * @throws IllegalArgumentException if the encoding exceeds 255 bytes
     */
    public static byte[] encodeName(String name) {
        String cut = name.length() > 64 ? name.substring(0, 64) : name;
        byte[] b = cut.getBytes(StandardCharsets.UTF_8);
        if (b.length > 255) {
            throw new IllegalArgumentException("Contribution name encodes to " + b.length
                    + " UTF-8 bytes in its first 64 characters; at most 255 fit");
        }
        return b;
    }

    private static BigInteger littleEndian(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return new BigInteger(1, be);
    }
}
