package io.zkml4j.groth16.zkey;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.curve.PointSource;
import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fq2;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.internal.G1Kernel;
import io.zkml4j.algebra.internal.G2Kernel;
import io.zkml4j.algebra.internal.MontgomeryKernel;
import io.zkml4j.algebra.poly.Radix2Domain;
import io.zkml4j.groth16.Groth16Exception;
import io.zkml4j.groth16.ProvingKey;
import io.zkml4j.groth16.QapCoefficients;
import io.zkml4j.r1cs.binfile.BinFileException;
import io.zkml4j.r1cs.binfile.BinFileFormat;
import io.zkml4j.r1cs.binfile.BinFileReader;
import io.zkml4j.r1cs.binfile.BinFileWriter;
import io.zkml4j.r1cs.binfile.SectionReader;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * Reads and writes Groth16 proving keys in snarkjs's {@code .zkey} format (iden3 section file, magic
 * {@code "zkey"}, version 1), the file {@code snarkjs groth16 setup} and {@code snarkjs zkey contribute}
 * produce and {@code snarkjs groth16 prove} and rapidsnark consume:
 * <pre>
 *   1  header            uint32 protocol (1 = Groth16; 2 PLONK and 10 FFLONK are rejected)
 *   2  groth16 header    uint32 n8q | q | uint32 n8r | r | uint32 nVars | uint32 nPublic |
 *                        uint32 domainSize | alpha1 | beta1 | beta2 | gamma2 | delta1 | delta2
 *   3  IC                nPublic + 1 G1 points
 *   4  coefficients      uint32 n | n × (uint32 matrix | uint32 constraint | uint32 signal | Fr value·R²)
 *   5  A                 nVars G1 points
 *   6  B1                nVars G1 points
 *   7  B2                nVars G2 points
 *   8  C                 nVars − nPublic − 1 G1 points (private signals)
 *   9  H                 domainSize G1 points
 *   10 contributions     the MPC transcript (circuit hash, contributions), carried as opaque bytes
 * </pre>
 * Integers little-endian; {@code q, r} as {@code n8 = 32}-byte integers; points uncompressed affine,
 * each coordinate 32 bytes little-endian in Montgomery form ({@code x·2^256 mod q}), G2 coordinates
 * {@code c0} then {@code c1}, the point at infinity all zero. This byte layout is exactly the
 * Montgomery-limb layout of {@link io.zkml4j.algebra.curve.Msm}, so vectors are read straight into
 * {@code long[]}.
 *
 * <h2>Reading</h2>
 * {@link #read} validates, in this order and before allocating for any declared count: the container
 * (see {@link BinFileReader}), the protocol id, {@code n8q = n8r = 32} and the moduli (exactly BN254's
 * q and r), {@code 0 <= nPublic < nVars}, a power-of-two {@code domainSize <= 2^28}, and every section's
 * size against those counts. Then every coordinate must be below q and every point on its curve; the
 * header's G2 points (beta2, gamma2, delta2) must also be in the order-r subgroup. The B2 vector's points
 * are <em>not</em> subgroup-checked (one scalar multiplication each would dominate loading): a zkey is
 * trusted input to the prover (see {@link ProvingKey}). Coefficient entries must name matrix 0 or 1, a
 * constraint below {@code domainSize}, a signal below {@code nVars} and a value below r. Failures are
 * {@link Groth16Exception}s naming the file, the section and the problem.
 *
 * <p>{@link #openForProving} makes the same checks except that it leaves the five point sections in
 * the file: the prover's MSMs read them chunk by chunk and check each block of points (below q, on
 * the curve) the first time they read it. That keeps a proof's memory to a fraction of the key's size.
 *
 * <h2>Writing</h2>
 * {@link #write} writes sections 1 to 10 in numerical order, which is the order
 * {@code snarkjs zkey contribute} uses, so a contributed key read and written back is byte-identical.
 * ({@code snarkjs groth16 setup} writes its initial key in another section order; rewriting such a key
 * gives the same sections in numerical order.) Section 10 is omitted when the key has no contributions
 * payload. Atomic: a temporary file is renamed into place.
 */
public final class ZkeyFile {

    public static final int HEADER = 1;
    public static final int GROTH16_HEADER = 2;
    public static final int IC = 3;
    public static final int COEFFICIENTS = 4;
    public static final int POINTS_A = 5;
    public static final int POINTS_B1 = 6;
    public static final int POINTS_B2 = 7;
    public static final int POINTS_C = 8;
    public static final int POINTS_H = 9;
    public static final int CONTRIBUTIONS = 10;

    /** Protocol id of Groth16 in section 1. */
    public static final int GROTH16_PROTOCOL = 1;

    /** The container format: magic, version 1, section names, sections 1..9 required. */
    public static final BinFileFormat FORMAT = new BinFileFormat("zkey", 1, 1, Map.of(
            HEADER, "header", GROTH16_HEADER, "groth16 header", IC, "IC points", COEFFICIENTS, "coefficients",
            POINTS_A, "A points", POINTS_B1, "B1 points", POINTS_B2, "B2 points", POINTS_C, "C points",
            POINTS_H, "H points", CONTRIBUTIONS, "contributions"),
            Set.of(HEADER, GROTH16_HEADER, IC, COEFFICIENTS, POINTS_A, POINTS_B1, POINTS_B2, POINTS_C, POINTS_H));

    private static final int N8 = 32;
    private static final int G1_BYTES = 64;
    private static final int G2_BYTES = 128;
    private static final int COEF_BYTES = 12 + N8;
    /** Bytes of section 2: n8q, q, n8r, r, three counts, three G1 and three G2 points. */
    private static final int GROTH16_HEADER_BYTES = 4 + N8 + 4 + N8 + 12 + 3 * G1_BYTES + 3 * G2_BYTES;
    private static final MontgomeryKernel FQ = Fq.KERNEL;

    private ZkeyFile() {
    }

    // ---- Reading -------------------------------------------------------------------------------

    /**
     * Reads and validates a Groth16 zkey (see the class Javadoc for what is checked).
     *
     * @throws Groth16Exception naming the file, section and problem
     */
    public static ProvingKey read(Path path) {
        Objects.requireNonNull(path, "path");
        try (BinFileReader file = BinFileReader.open(path, FORMAT)) {
            return read(file, null);
        } catch (BinFileException e) {
            throw new Groth16Exception(e.getMessage(), e);
        }
    }

    /**
     * Opens a Groth16 zkey for proving without loading its point sections: the header, IC and the QAP
     * coefficients are read and validated as by {@link #read}, the five point sections' sizes are
     * checked, and the MSMs then read the points from the file chunk by chunk ({@link ProvingKey#isStreamed()}),
     * validating each block of points the first time they read it (a bad point fails the proof with a
     * {@link BinFileException} naming the file, section and point). The file must stay unchanged while
     * the key is used; nothing stays open between MSMs.
     *
     * @throws Groth16Exception naming the file, section and problem
     */
    public static ProvingKey openForProving(Path path) {
        Objects.requireNonNull(path, "path");
        try (BinFileReader file = BinFileReader.open(path, FORMAT)) {
            return read(file, path);
        } catch (BinFileException e) {
            throw new Groth16Exception(e.getMessage(), e);
        }
    }

    /** Reads a key; with {@code streamFrom} set, the point sections stay in that file. */
    private static ProvingKey read(BinFileReader file, Path streamFrom) {
        SectionReader s1 = file.open(HEADER);
        long protocol = s1.u32("protocol id");
        if (protocol != GROTH16_PROTOCOL) {
            String name = protocol == 2 ? " (PLONK)" : protocol == 10 ? " (FFLONK)" : "";
            throw s1.error("protocol id " + protocol + name + " is not supported; expected 1 (Groth16)");
        }
        s1.expectEnd("the protocol id");

        SectionReader s2 = file.open(GROTH16_HEADER);
        if (s2.remaining() != GROTH16_HEADER_BYTES) {
            // Check the field sizes first for a precise message, then the length.
            checkModulus(s2, "q", Bn254.P, "BN254 base field modulus");
            checkModulus(s2, "r", Bn254.R, "BN254 scalar field modulus");
            throw s2.error("is " + s2.section().size() + " bytes, expected " + GROTH16_HEADER_BYTES);
        }
        checkModulus(s2, "q", Bn254.P, "BN254 base field modulus");
        checkModulus(s2, "r", Bn254.R, "BN254 scalar field modulus");
        long nVarsL = s2.u32("nVars");
        long nPublicL = s2.u32("nPublic");
        long domainL = s2.u32("domainSize");
        if (nVarsL < 1 || nVarsL > Integer.MAX_VALUE / G2Kernel.AFFINE_LONGS) {
            throw s2.error("nVars = " + nVarsL + " is outside the supported range 1.." + Integer.MAX_VALUE
                    / G2Kernel.AFFINE_LONGS);
        }
        if (nPublicL >= nVarsL) {
            throw s2.error("nPublic = " + nPublicL + " must be below nVars = " + nVarsL);
        }
        if (domainL < 1 || Long.bitCount(domainL) != 1 || domainL > (1L << Radix2Domain.MAX_LOG_SIZE)) {
            throw s2.error("domainSize = " + domainL + " is not a power of two up to 2^" + Radix2Domain.MAX_LOG_SIZE);
        }
        int nVars = (int) nVarsL, nPublic = (int) nPublicL, domainSize = (int) domainL;
        G1Affine alpha1 = readG1(s2, "alpha1");
        G1Affine beta1 = readG1(s2, "beta1");
        G2Affine beta2 = readG2(s2, "beta2");
        G2Affine gamma2 = readG2(s2, "gamma2");
        G1Affine delta1 = readG1(s2, "delta1");
        G2Affine delta2 = readG2(s2, "delta2");
        s2.expectEnd("delta2");

        // Sizes of every vector section before any allocation.
        int nPrivate = nVars - nPublic - 1;
        expectSize(file, IC, (long) (nPublic + 1) * G1_BYTES, (nPublic + 1) + " G1 points (nPublic + 1)");
        expectSize(file, POINTS_A, (long) nVars * G1_BYTES, nVars + " G1 points (nVars)");
        expectSize(file, POINTS_B1, (long) nVars * G1_BYTES, nVars + " G1 points (nVars)");
        expectSize(file, POINTS_B2, (long) nVars * G2_BYTES, nVars + " G2 points (nVars)");
        expectSize(file, POINTS_C, (long) nPrivate * G1_BYTES, nPrivate + " G1 points (nVars - nPublic - 1)");
        expectSize(file, POINTS_H, (long) domainSize * G1_BYTES, domainSize + " G1 points (domainSize)");

        SectionReader s3 = file.open(IC);
        List<G1Affine> ic = new ArrayList<>(nPublic + 1);
        for (int i = 0; i <= nPublic; i++) {
            ic.add(readG1(s3, "IC[" + i + "]"));
        }

        QapCoefficients coefficients = readCoefficients(file.open(COEFFICIENTS), nVars, domainSize);
        PointSource a = points(file, POINTS_A, nVars, false, streamFrom);
        PointSource b1 = points(file, POINTS_B1, nVars, false, streamFrom);
        PointSource b2 = points(file, POINTS_B2, nVars, true, streamFrom);
        PointSource c = points(file, POINTS_C, nPrivate, false, streamFrom);
        PointSource h = points(file, POINTS_H, domainSize, false, streamFrom);

        byte[] contributions = new byte[0];
        if (file.has(CONTRIBUTIONS)) {
            SectionReader s10 = file.open(CONTRIBUTIONS);
            if (s10.remaining() > Integer.MAX_VALUE - 16) {
                throw s10.error("is " + s10.remaining() + " bytes, more than supported");
            }
            contributions = new byte[(int) s10.remaining()];
            s10.bytes(contributions, "the contributions");
        }
        return ProvingKey.builder().nVars(nVars).nPublic(nPublic).domainSize(domainSize)
                .alpha1(alpha1).beta1(beta1).beta2(beta2).gamma2(gamma2).delta1(delta1).delta2(delta2)
                .ic(ic).coefficients(streamFrom == null ? coefficients
                        : new FileCoefficients(streamFrom, nVars, domainSize, coefficients))
                .pointsA(a).pointsB1(b1).pointsB2(b2).pointsC(c).pointsH(h)
                .contributions(contributions)
                .build();
    }

    private static void checkModulus(SectionReader s, String name, BigInteger expected, String what) {
        long n8 = s.u32("n8" + name);
        if (n8 != N8) {
            throw s.error("n8" + name + " = " + n8 + ", expected " + N8 + " (the " + what + " takes 32 bytes)");
        }
        long[] limbs = new long[4];
        s.words(limbs, 0, 4, "modulus " + name);
        BigInteger value = MontgomeryKernel.fromLimbs(limbs, 0);
        if (!value.equals(expected)) {
            throw s.error("field modulus " + name + " is " + value + ", expected the " + what + " " + expected
                    + " (only BN254 keys are supported)");
        }
    }

    private static void expectSize(BinFileReader file, int type, long expected, String what) {
        long size = file.section(type).size();
        if (size != expected) {
            throw file.error(FORMAT.describe(type) + ": is " + size + " bytes, expected " + expected + " for "
                    + what);
        }
    }

    private static G1Affine readG1(SectionReader s, String name) {
        long[] v = new long[G1Kernel.AFFINE_LONGS];
        s.words(v, 0, 8, name);
        if (!FQ.isCanonical(v, 0) || !FQ.isCanonical(v, 4)) {
            throw s.error(name + " has a coordinate not below q");
        }
        try {
            return G1Affine.fromMontgomeryLimbs(v, 0);
        } catch (IllegalArgumentException e) {
            throw s.error(name + " is not on the BN254 G1 curve");
        }
    }

    private static G2Affine readG2(SectionReader s, String name) {
        long[] v = new long[G2Kernel.AFFINE_LONGS];
        s.words(v, 0, 8, name);
        s.words(v, 8, 8, name);
        for (int k = 0; k < 16; k += 4) {
            if (!FQ.isCanonical(v, k)) {
                throw s.error(name + " has a coordinate not below q");
            }
        }
        if (isZero(v, 0, 16)) {
            return G2Affine.INFINITY;
        }
        G2Affine p;
        try {
            p = G2Affine.ofOnCurve(Fq2.fromMontgomeryLimbs(v, 0), Fq2.fromMontgomeryLimbs(v, 8));
        } catch (IllegalArgumentException e) {
            throw s.error(name + " is not on the BN254 G2 twist curve");
        }
        if (!p.isInSubgroup()) {
            throw s.error(name + " is on the twist but not in the order-r subgroup G2");
        }
        return p;
    }

    private static QapCoefficients readCoefficients(SectionReader s, int nVars, int domainSize) {
        long n = s.u32("the number of coefficients");
        if (s.remaining() != n * COEF_BYTES) {
            throw s.error("declares " + n + " coefficients (" + n * COEF_BYTES + " bytes) but holds "
                    + s.remaining() + " bytes after the count");
        }
        if (n > Integer.MAX_VALUE / 4) {
            throw s.error("declares " + n + " coefficients, more than supported");
        }
        int count = (int) n;
        int[] matrix = new int[count];
        int[] constraint = new int[count];
        int[] signal = new int[count];
        long[] values = new long[4 * count];
        for (int i = 0; i < count; i++) {
            long m = s.u32("matrix of coefficient " + i);
            long c = s.u32("constraint of coefficient " + i);
            long sig = s.u32("signal of coefficient " + i);
            s.words(values, 4 * i, 4, "value of coefficient " + i);
            if (m > 1) {
                throw s.error("coefficient " + i + ": matrix " + m + ", expected 0 (A) or 1 (B)");
            }
            if (c >= domainSize) {
                throw s.error("coefficient " + i + ": constraint " + c + " is not below domainSize " + domainSize);
            }
            if (sig >= nVars) {
                throw s.error("coefficient " + i + ": signal " + sig + " is not below nVars " + nVars);
            }
            if (!Fr.KERNEL.isCanonical(values, 4 * i)) {
                throw s.error("coefficient " + i + ": value is not below r");
            }
            matrix[i] = (int) m;
            constraint[i] = (int) c;
            signal[i] = (int) sig;
        }
        return QapCoefficients.wrapRaw(matrix, constraint, signal, values);
    }

    /**
     * A streamed key's coefficients: the copy read (and checked) when the key was opened goes to the
     * first caller, later callers get a fresh read of the section, checked again and required to hold the
     * same number of entries.
     */
    private static final class FileCoefficients implements ProvingKey.CoefficientSource {
        private final Path path;
        private final int nVars;
        private final int domainSize;
        private final int size;
        private final AtomicReference<QapCoefficients> first;

        FileCoefficients(Path path, int nVars, int domainSize, QapCoefficients first) {
            this.path = path;
            this.nVars = nVars;
            this.domainSize = domainSize;
            this.size = first.size();
            this.first = new AtomicReference<>(first);
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public QapCoefficients read() {
            QapCoefficients q = first.getAndSet(null);
            if (q != null) {
                return q;
            }
            try (BinFileReader file = BinFileReader.open(path, FORMAT)) {
                SectionReader s = file.open(COEFFICIENTS);
                q = readCoefficients(s, nVars, domainSize);
                if (q.size() != size) {
                    throw s.error("holds " + q.size() + " coefficients, " + size
                            + " when the key was opened: the file changed");
                }
                return q;
            }
        }
    }

    /** A point section (size already checked): read and validated, or streamed from {@code streamFrom}. */
    private static PointSource points(BinFileReader file, int type, int n, boolean g2, Path streamFrom) {
        if (streamFrom == null) {
            long[] v = readPoints(file.open(type), n, g2);
            return PointSource.of(v, g2 ? G2Kernel.AFFINE_LONGS : G1Kernel.AFFINE_LONGS, n);
        }
        return new ZkeyPointSection(streamFrom, file.fileName() + ": " + FORMAT.describe(type),
                file.section(type).offset(), n, g2);
    }

    /** Reads {@code n} points (sizes already checked) and validates them in parallel. */
    private static long[] readPoints(SectionReader s, int n, boolean g2) {
        int longs = g2 ? G2Kernel.AFFINE_LONGS : G1Kernel.AFFINE_LONGS;
        long[] v = new long[Math.multiplyExact(n, longs)];
        for (int i = 0; i < n; i++) {
            s.words(v, longs * i, 8, "point " + i);
            if (g2) {
                s.words(v, longs * i + 8, 8, "point " + i);
            }
        }
        s.expectEnd(n + " points");
        int bad = firstInvalidPoint(v, n, g2);
        if (bad >= 0) {
            throw s.error("point " + bad + " " + new PointCheck(g2).problem(v, bad * longs) + " (at payload offset "
                    + 8L * bad * longs + ")");
        }
        return v;
    }

    /** The lowest {@code i} whose point fails {@link PointCheck}, or −1; checked in parallel. */
    private static int firstInvalidPoint(long[] v, int n, boolean g2) {
        int chunk = 4096;
        int chunks = (n + chunk - 1) / chunk;
        AtomicInteger first = new AtomicInteger(Integer.MAX_VALUE);
        IntStream.range(0, chunks).parallel().forEach(t -> {
            PointCheck check = new PointCheck(g2);
            for (int i = t * chunk, end = Math.min(n, i + chunk); i < end; i++) {
                if (check.problem(v, check.longs() * i) != null) {
                    first.accumulateAndGet(i, Math::min);
                    return;
                }
            }
        });
        int f = first.get();
        return f == Integer.MAX_VALUE ? -1 : f;
    }

    private static boolean isZero(long[] v, int off, int n) {
        for (int i = 0; i < n; i++) {
            if (v[off + i] != 0) {
                return false;
            }
        }
        return true;
    }

    // ---- Writing -------------------------------------------------------------------------------

    /** The section order of {@code snarkjs zkey contribute}: 1 to 10, numerical. */
    public static final List<Integer> NUMERICAL_ORDER = List.of(HEADER, GROTH16_HEADER, IC, COEFFICIENTS, POINTS_A,
            POINTS_B1, POINTS_B2, POINTS_C, POINTS_H, CONTRIBUTIONS);

    /**
     * The section order of {@code snarkjs groth16 setup}'s initial key: header, Groth16 header,
     * coefficients, IC, H, C, A, B1, B2, contributions. Writing a fresh key in this order reproduces
     * snarkjs's file byte for byte.
     */
    public static final List<Integer> SETUP_ORDER = List.of(HEADER, GROTH16_HEADER, COEFFICIENTS, IC, POINTS_H,
            POINTS_C, POINTS_A, POINTS_B1, POINTS_B2, CONTRIBUTIONS);

    /**
     * Writes {@code key} to {@code path} atomically (see the class Javadoc for the section order).
     *
     * @throws Groth16Exception if the file cannot be written (the target is then left untouched)
     */
    public static void write(ProvingKey key, Path path) {
        write(key, path, NUMERICAL_ORDER);
    }

    /**
     * Writes {@code key} with its sections in the given order ({@link #NUMERICAL_ORDER} or
     * {@link #SETUP_ORDER}; readers accept any order). Section 10 is skipped when the key has no
     * contributions payload.
     *
     * @throws IllegalArgumentException unless {@code order} lists sections 1 to 10 once each
     * @throws Groth16Exception         if the file cannot be written (the target is then left untouched)
     */
    public static void write(ProvingKey key, Path path, List<Integer> order) {
        Objects.requireNonNull(key, "key");
        if (order.size() != 10 || !new java.util.HashSet<>(order).equals(new java.util.HashSet<>(NUMERICAL_ORDER))) {
            throw new IllegalArgumentException("Expected each of the sections 1 to 10 once but got " + order);
        }
        boolean withContributions = key.contributionsLength() > 0;
        try (BinFileWriter w = BinFileWriter.create(path, "zkey", 1, withContributions ? 10 : 9)) {
            for (int section : order) {
                writeSection(w, key, section, withContributions);
            }
            w.commit();
        } catch (BinFileException e) {
            throw new Groth16Exception(e.getMessage(), e);
        }
    }

    private static void writeSection(BinFileWriter w, ProvingKey key, int section, boolean withContributions) {
        switch (section) {
            case HEADER -> {
                w.beginSection(HEADER);
                w.u32(GROTH16_PROTOCOL);
                w.endSection();
            }
            case GROTH16_HEADER -> {
                w.beginSection(GROTH16_HEADER);
                w.u32(N8);
                w.words(MontgomeryKernel.toLimbs(Bn254.P), 0, 4);
                w.u32(N8);
                w.words(MontgomeryKernel.toLimbs(Bn254.R), 0, 4);
                w.u32(key.nVars());
                w.u32(key.nPublic());
                w.u32(key.domainSize());
                writeG1(w, key.alpha1());
                writeG1(w, key.beta1());
                writeG2(w, key.beta2());
                writeG2(w, key.gamma2());
                writeG1(w, key.delta1());
                writeG2(w, key.delta2());
                w.endSection();
            }
            case IC -> {
                w.beginSection(IC);
                for (G1Affine p : key.ic()) {
                    writeG1(w, p);
                }
                w.endSection();
            }
            case COEFFICIENTS -> {
                w.beginSection(COEFFICIENTS);
                QapCoefficients q = key.coefficients();
                w.u32(q.size());
                long[] limbs = new long[4];
                for (int i = 0; i < q.size(); i++) {
                    w.u32(q.matrix(i));
                    w.u32(q.constraint(i));
                    w.u32(q.signal(i));
                    q.writeRaw(i, limbs, 0);
                    w.words(limbs, 0, 4);
                }
                w.endSection();
            }
            case POINTS_A -> writeVector(w, POINTS_A, key.pointsA());
            case POINTS_B1 -> writeVector(w, POINTS_B1, key.pointsB1());
            case POINTS_B2 -> writeVector(w, POINTS_B2, key.pointsB2());
            case POINTS_C -> writeVector(w, POINTS_C, key.pointsC());
            case POINTS_H -> writeVector(w, POINTS_H, key.pointsH());
            case CONTRIBUTIONS -> {
                if (withContributions) {
                    w.beginSection(CONTRIBUTIONS);
                    w.put(key.contributions());
                    w.endSection();
                }
            }
            default -> throw new IllegalArgumentException("Unknown zkey section " + section);
        }
    }

    private static void writeG1(BinFileWriter w, G1Affine p) {
        long[] v = new long[G1Kernel.AFFINE_LONGS];
        p.writeMontgomery(v, 0);
        w.words(v, 0, v.length);
    }

    private static void writeG2(BinFileWriter w, G2Affine p) {
        long[] v = new long[G2Kernel.AFFINE_LONGS];
        p.writeMontgomery(v, 0);
        w.words(v, 0, v.length);
    }

    private static void writeVector(BinFileWriter w, int type, PointSource points) {
        w.beginSection(type);
        int longs = points.longsPerPoint();
        long[] chunk = new long[PointSource.CHUNK * longs];
        try (PointSource.Reader r = points.open()) {
            for (int from = 0; from < points.size(); from += PointSource.CHUNK) {
                int n = Math.min(PointSource.CHUNK, points.size() - from);
                r.read(from, n, chunk, 0);
                w.words(chunk, 0, n * longs);
            }
        }
        w.endSection();
    }
}
