package io.zkml4j.groth16.setup;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G1Jacobian;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.curve.G2Jacobian;
import io.zkml4j.algebra.curve.GroupElement;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.groth16.ProvingKey;
import io.zkml4j.groth16.QapCoefficients;
import io.zkml4j.groth16.ptau.PtauFile;
import io.zkml4j.groth16.ptau.PtauSection;
import io.zkml4j.groth16.ptau.SnarkjsEncoding;
import io.zkml4j.groth16.zkey.ZkeyFile;
import io.zkml4j.r1cs.Constraint;
import io.zkml4j.r1cs.LinearCombination;
import io.zkml4j.r1cs.R1cs;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Groth16 circuit-specific setup from a prepared powers-of-tau file, producing the same key as
 * {@code snarkjs groth16 setup} (snarkjs 0.7.6 {@code zkey_new}): identical header, IC, coefficients,
 * A, B1, B2, C and H points, and the same circuit hash, so {@link ZkeyFile#write(ProvingKey, Path,
 * List)} with {@link ZkeyFile#SETUP_ORDER} reproduces snarkjs's file byte for byte.
 *
 * <h2>What is computed</h2>
 * With {@code nPublic} public signals and {@code m} constraints, the QAP gets {@code nPublic + 1}
 * extra rows: row {@code m + s} has A-coefficient 1 on signal {@code s} ({@code s = 0 .. nPublic}),
 * which makes the public signals' polynomials linearly independent. The domain has
 * {@code 2^k >= m + nPublic + 1} points ({@code k >= 1}). With {@code L_c} the Lagrange basis of that
 * domain (read from the ptau's Lagrange sections at level {@code k}) and {@code u_s, v_s, w_s} the A,
 * B, C column polynomials:
 * <ul>
 *   <li>{@code A[s] = u_s(τ)·G1}, {@code B1[s] = v_s(τ)·G1}, {@code B2[s] = v_s(τ)·G2};</li>
 *   <li>{@code IC[s] = (β·u_s(τ) + α·v_s(τ) + w_s(τ))·G1} for public {@code s} (γ = 1), {@code C[s]}
 *       the same for private signals (δ = 1 until a phase-2 contribution divides it);</li>
 *   <li>{@code H[i]} = point {@code 2i + 1} of the tauG1 Lagrange level {@code k + 1}: the basis of
 *       {@code τ^i·Z(τ)} on snarkjs's odd coset;</li>
 *   <li>α, β from the ptau; γ = δ = the generators.</li>
 * </ul>
 * The coefficients section lists, per constraint, its A then B terms (in the R1CS's term order),
 * then the public rows. {@link R1cs} keeps linear combinations canonical (ascending wires, repeated
 * wires summed, zero terms dropped), which is how circom writes them; for a {@code .r1cs} from another
 * producer with unsorted or repeated terms the key is still correct, but its coefficients section
 * differs in order from snarkjs's, and {@code snarkjs zkey verify} (which compares that section byte
 * for byte) would reject it.
 *
 * <h2>Circuit hash</h2>
 * Blake2b-512 over, uncompressed ({@link SnarkjsEncoding}): alpha1, beta1, beta2, gamma2, delta1,
 * delta2; then for IC, the H-check points, C, A, B1, B2 in that order a big-endian uint32 count followed
 * by the points. The H-check points are {@code τ^(i+n)·G1 − τ^i·G1} for {@code i < n − 1} (n the domain
 * size); for {@code n >= 2^15} snarkjs hashes {@code n} of them (its chunking rounds up), and so do we.
 * The contributions section then holds the hash and a count of 0.
 *
 * <p>Setup from a single-party ceremony is for development only (see
 * {@link io.zkml4j.groth16.ptau.PowersOfTau}); the key is only as trustworthy as the ptau and the
 * phase-2 contributions made afterwards ({@link ZkeyContribution}).
 */
public final class Groth16Setup {

    private Groth16Setup() {
    }

    /** A new key and the circuit hash snarkjs prints. */
    public record Result(ProvingKey key, byte[] circuitHash) {
    }

    /**
     * Computes the initial proving key for {@code r1cs} from a prepared powers-of-tau file.
     *
     * @throws IllegalArgumentException if the ptau is not prepared, too small for the circuit, or the
     *     circuit hits an edge case noted in the class comment
     */
    public static Result newZkey(R1cs r1cs, PtauFile ptau) {
        if (!ptau.isPrepared()) {
            throw new IllegalArgumentException(ptau.fileName() + " is not prepared for phase 2 (no Lagrange "
                    + "sections); run 'ptau prepare' (snarkjs powersoftau prepare phase2) first");
        }
        int nPublic = r1cs.numPublic();
        int nVars = r1cs.numWires();
        int m = r1cs.numConstraints();
        int k = domainLog(r1cs);
        if (k > ptau.power()) {
            throw new IllegalArgumentException("The circuit needs a domain of 2^" + k + " (" + m + " constraints + "
                    + (nPublic + 1) + " public rows) but " + ptau.fileName() + " has power " + ptau.power());
        }
        int n = 1 << k;
        if (n - 1 > CircuitHash.H_HASH_CHUNK && (long) 2 * n - 1 >= PtauSection.TAU_G1.pointCount(ptau.power())) {
            throw new IllegalArgumentException("For a 2^" + k + " domain the circuit hash reads τ^" + (2 * n - 1)
                    + ", which a power-" + ptau.power() + " ptau lacks (snarkjs then hashes bytes past the section); "
                    + "use a ptau of power " + (k + 1) + " or more");
        }

        G1Affine[] lTau = ptau.lagrangeG1(PtauSection.LAGRANGE_TAU_G1, k);
        G2Affine[] lTau2 = ptau.lagrangeG2(PtauSection.LAGRANGE_TAU_G2, k);
        G1Affine[] lAlpha = ptau.lagrangeG1(PtauSection.LAGRANGE_ALPHA_TAU_G1, k);
        G1Affine[] lBeta = ptau.lagrangeG1(PtauSection.LAGRANGE_BETA_TAU_G1, k);

        Terms a = new Terms();
        Terms b = new Terms();
        Terms icc = new Terms(); // base index: 0 tau, 1 alpha, 2 beta (times n, plus the row)
        for (int c = 0; c < m; c++) {
            Constraint con = r1cs.constraint(c);
            LinearCombination la = con.a();
            for (int i = 0; i < la.size(); i++) {
                int s = la.wire(i);
                Fr v = la.coefficient(i);
                a.add(s, c, v);
                icc.add(s, 2 * n + c, v);
            }
            LinearCombination lb = con.b();
            for (int i = 0; i < lb.size(); i++) {
                int s = lb.wire(i);
                Fr v = lb.coefficient(i);
                b.add(s, c, v);
                icc.add(s, n + c, v);
            }
            LinearCombination lc = con.c();
            for (int i = 0; i < lc.size(); i++) {
                icc.add(lc.wire(i), c, lc.coefficient(i));
            }
        }
        for (int s = 0; s <= nPublic; s++) {
            a.add(s, m + s, Fr.ONE);
            icc.add(s, 2 * n + m + s, Fr.ONE);
        }

        G1Affine[] iccBases = new G1Affine[3 * n];
        System.arraycopy(lTau, 0, iccBases, 0, n);
        System.arraycopy(lAlpha, 0, iccBases, n, n);
        System.arraycopy(lBeta, 0, iccBases, 2 * n, n);

        G1Affine[] pointsA = combineG1(a, lTau, nVars);
        G1Affine[] pointsB1 = combineG1(b, lTau, nVars);
        G2Affine[] pointsB2 = combineG2(b, lTau2, nVars);
        G1Affine[] icAndC = combineG1(icc, iccBases, nVars);
        G1Affine[] ic = Arrays.copyOfRange(icAndC, 0, nPublic + 1);
        G1Affine[] pointsC = Arrays.copyOfRange(icAndC, nPublic + 1, nVars);

        G1Affine[] doubled = ptau.readG1(PtauSection.LAGRANGE_TAU_G1, (2L * n) - 1, 2 * n);
        G1Affine[] pointsH = new G1Affine[n];
        for (int i = 0; i < n; i++) {
            pointsH[i] = doubled[2 * i + 1];
        }

        G1Affine alpha1 = ptau.readG1(PtauSection.ALPHA_TAU_G1, 0, 1)[0];
        G1Affine beta1 = ptau.readG1(PtauSection.BETA_TAU_G1, 0, 1)[0];
        G2Affine beta2 = ptau.readG2(PtauSection.BETA_G2, 0, 1)[0];

        CircuitHash cs = new CircuitHash()
                .g1(alpha1).g1(beta1).g2(beta2).g2(G2Affine.GENERATOR).g1(G1Affine.GENERATOR).g2(G2Affine.GENERATOR)
                .g1Vector(ic);
        hashHCheckPoints(cs, ptau, n);
        cs.g1Vector(pointsC).g1Vector(pointsA).g1Vector(pointsB1);
        long[] flatB2 = flatG2(pointsB2);
        byte[] csHash = cs.g2Vector(flatB2, pointsB2.length).finish();

        ProvingKey key = ProvingKey.builder()
                .nVars(nVars)
                .nPublic(nPublic)
                .domainSize(n)
                .alpha1(alpha1)
                .beta1(beta1)
                .beta2(beta2)
                .gamma2(G2Affine.GENERATOR)
                .delta1(G1Affine.GENERATOR)
                .delta2(G2Affine.GENERATOR)
                .ic(List.of(ic))
                .coefficients(coefficients(r1cs))
                .pointsA(flatG1(pointsA))
                .pointsB1(flatG1(pointsB1))
                .pointsB2(flatB2)
                .pointsC(flatG1(pointsC))
                .pointsH(flatG1(pointsH))
                .contributions(noContributions(csHash))
                .build();
        return new Result(key, csHash);
    }

    /**
     * {@link #newZkey(R1cs, PtauFile)} written to {@code zkey} in snarkjs's section order.
     *
     * @return the circuit hash
     */
    public static byte[] newZkey(R1cs r1cs, Path ptau, Path zkey) {
        try (PtauFile p = PtauFile.open(ptau)) {
            Result r = newZkey(r1cs, p);
            ZkeyFile.write(r.key(), zkey, ZkeyFile.SETUP_ORDER);
            return r.circuitHash();
        }
    }

    // ---- Point combinations ----------------------------------------------------------------------

    /** (signal, base index, coefficient) triples, grouped by signal on demand. */
    private static final class Terms {
        private int[] signal = new int[64];
        private int[] base = new int[64];
        private final List<Fr> coefficient = new ArrayList<>();

        void add(int s, int b, Fr v) {
            int i = coefficient.size();
            if (i == signal.length) {
                signal = Arrays.copyOf(signal, 2 * i);
                base = Arrays.copyOf(base, 2 * i);
            }
            signal[i] = s;
            base[i] = b;
            coefficient.add(v);
        }

        /** For each signal, the indices of its terms (in insertion order). */
        int[][] bySignal(int nVars) {
            int size = coefficient.size();
            int[] counts = new int[nVars];
            for (int i = 0; i < size; i++) {
                counts[signal[i]]++;
            }
            int[][] out = new int[nVars][];
            for (int s = 0; s < nVars; s++) {
                out[s] = new int[counts[s]];
            }
            int[] fill = new int[nVars];
            for (int i = 0; i < size; i++) {
                out[signal[i]][fill[signal[i]]++] = i;
            }
            return out;
        }
    }

    private static G1Affine[] combineG1(Terms t, G1Affine[] bases, int nVars) {
        G1Jacobian[] acc = combine(t, i -> bases[i].toJacobian(), G1Jacobian.INFINITY, nVars, G1Jacobian[]::new);
        return G1Jacobian.toAffine(acc);
    }

    private static G2Affine[] combineG2(Terms t, G2Affine[] bases, int nVars) {
        G2Jacobian[] acc = combine(t, i -> bases[i].toJacobian(), G2Jacobian.INFINITY, nVars, G2Jacobian[]::new);
        return G2Jacobian.toAffine(acc);
    }

    private static final BigInteger HALF_R = Bn254.R.shiftRight(1);

    /** {@code Σ coefficient·base} per signal; small negative coefficients (like −1) cost little. */
    private static <G extends GroupElement<G>> G[] combine(Terms t, IntFunction<G> base, G zero, int nVars,
                                                         IntFunction<G[]> newArray) {
        int[][] groups = t.bySignal(nVars);
        G[] out = newArray.apply(nVars);
        IntStream.range(0, nVars).parallel().forEach(s -> {
            G sum = zero;
            for (int i : groups[s]) {
                BigInteger v = t.coefficient.get(i).toBigInteger();
                if (v.compareTo(HALF_R) > 0) {
                    v = v.subtract(Bn254.R);
                }
                G p = base.apply(t.base[i]);
                sum = sum.add(v.equals(BigInteger.ONE) ? p : p.mul(v));
            }
            out[s] = sum;
        });
        return out;
    }

    // ---- Circuit hash ----------------------------------------------------------------------------

    private static void hashHCheckPoints(CircuitHash cs, PtauFile ptau, int n) {
        cs.u32(n - 1);
        int total = CircuitHash.hCheckPoints(n);
        for (int start = 0; start < total; start += CircuitHash.H_HASH_CHUNK) {
            int count = Math.min(CircuitHash.H_HASH_CHUNK, total - start);
            G1Affine[] low = ptau.readG1(PtauSection.TAU_G1, start, count);
            G1Affine[] high = ptau.readG1(PtauSection.TAU_G1, (long) start + n, count);
            G1Jacobian[] diff = new G1Jacobian[count];
            IntStream.range(0, count).parallel().forEach(i -> diff[i] = high[i].toJacobian().add(low[i].neg()));
            for (G1Affine p : G1Jacobian.toAffine(diff)) {
                cs.g1(p);
            }
        }
    }

    // ---- Shared with DevSetup --------------------------------------------------------------------

    /**
     * {@code k} of the QAP domain {@code 2^k >= constraints + nPublic + 1}, {@code k >= 1}.
     *
     * @throws IllegalArgumentException if {@code k + 1} (the level of the H points) exceeds 28
     */
    static int domainLog(R1cs r1cs) {
        long rows = (long) r1cs.numConstraints() + r1cs.numPublic() + 1;
        int k = Math.max(1, 64 - Long.numberOfLeadingZeros(rows - 1));
        if (k >= PtauFile.MAX_POWER) {
            throw new IllegalArgumentException("Domains of 2^" + k + " are not supported (H needs level " + (k + 1)
                    + "; at most " + PtauFile.MAX_POWER + "): the circuit has " + r1cs.numConstraints()
                    + " constraints and " + r1cs.numPublic() + " public signals");
        }
        return k;
    }

    /** The coefficients section: per constraint its A then B terms, then one A entry per public row. */
    static QapCoefficients coefficients(R1cs r1cs) {
        QapCoefficients.Builder coefs = QapCoefficients.builder();
        int m = r1cs.numConstraints();
        for (int c = 0; c < m; c++) {
            Constraint con = r1cs.constraint(c);
            LinearCombination la = con.a();
            for (int i = 0; i < la.size(); i++) {
                coefs.add(QapCoefficients.A, c, la.wire(i), la.coefficient(i));
            }
            LinearCombination lb = con.b();
            for (int i = 0; i < lb.size(); i++) {
                coefs.add(QapCoefficients.B, c, lb.wire(i), lb.coefficient(i));
            }
        }
        for (int s = 0; s <= r1cs.numPublic(); s++) {
            coefs.add(QapCoefficients.A, m + s, s, Fr.ONE);
        }
        return coefs.build();
    }

    /** The contributions section of a key without contributions: the circuit hash and a count of 0. */
    static byte[] noContributions(byte[] circuitHash) {
        byte[] contributions = new byte[68];
        System.arraycopy(circuitHash, 0, contributions, 0, 64);
        return contributions;
    }

    static long[] flatG1(G1Affine[] points) {
        long[] out = new long[8 * points.length];
        for (int i = 0; i < points.length; i++) {
            points[i].writeMontgomery(out, 8 * i);
        }
        return out;
    }

    static long[] flatG2(G2Affine[] points) {
        long[] out = new long[16 * points.length];
        for (int i = 0; i < points.length; i++) {
            points[i].writeMontgomery(out, 16 * i);
        }
        return out;
    }
}
