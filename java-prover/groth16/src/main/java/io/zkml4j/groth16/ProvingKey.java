package io.zkml4j.groth16;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.curve.PointSource;
import io.zkml4j.algebra.internal.G1Kernel;
import io.zkml4j.algebra.internal.G2Kernel;
import java.util.List;
import java.util.Objects;

/**
 * A Groth16 proving key over BN254 with exactly the content of a snarkjs {@code .zkey} (protocol
 * Groth16): header values, the verifying-key points, the QAP coefficients and the five point vectors
 * the prover multiplies by the witness. See Groth, eprint 2016/260, §3.2, for the roles of the points;
 * names follow snarkjs.
 *
 * <h2>Contents</h2>
 * <ul>
 *   <li>{@code nVars} signals (wire 0 is the constant 1), of which {@code 1..nPublic} are public;
 *       {@code domainSize} a power of two, at least the number of constraints plus {@code nPublic + 1}.</li>
 *   <li>{@code alpha1, beta1, delta1} in G1 and {@code beta2, gamma2, delta2} in G2.</li>
 *   <li>{@code IC}: {@code nPublic + 1} G1 points, {@code (β·u_i(τ) + α·v_i(τ) + w_i(τ))/γ}.</li>
 *   <li>{@link QapCoefficients}: the sparse A and B matrices.</li>
 *   <li>{@code A}, {@code B1} ({@code nVars} G1 points each), {@code B2} ({@code nVars} G2 points),
 *       {@code C} ({@code nVars − nPublic − 1} G1 points, for the private signals only) and {@code H}
 *       ({@code domainSize} G1 points: the odd-indexed Lagrange basis polynomials of the domain of size
 *       {@code 2·domainSize} at τ, divided by δ; multiplied by the quotient's values on the odd coset
 *       they give {@code [h(τ)·Z(τ)/δ]₁}).</li>
 *   <li>The MPC contributions section (zkey section 10), kept as opaque bytes.</li>
 * </ul>
 *
 * <h2>Representation and memory</h2>
 * Point vectors are {@link PointSource}s of affine Montgomery limbs in the layout of
 * {@link io.zkml4j.algebra.curve.Msm}: 8 longs per G1 point ({@code x, y}), 16 per G2 point
 * ({@code x.c0, x.c1, y.c0, y.c1}), all zero for the point at infinity — the zkey's on-disk layout read
 * as little-endian longs. A key is either held in memory (flat arrays: {@code 320·nVars − 64·(nPublic
 * + 1) + 64·domainSize} bytes, about the size of the file) or <em>streamed</em>
 * ({@link io.zkml4j.groth16.zkey.ZkeyFile#openForProving}): then only the header and IC are kept in
 * memory; the MSMs read the point sections from the file chunk by chunk, and the QAP coefficients
 * ({@code 44} bytes each in memory) are handed to the first {@link #coefficients()} call and read from the
 * file again for later ones, so the prover lets them go after its first stage. That is how a proof stays
 * within about the key's size.
 *
 * <h2>Ownership</h2>
 * The {@link Builder} takes ownership of the arrays it is given (no copy): callers must not modify them
 * afterwards. Accessors return the sources, which only read. So a key is immutable, and
 * {@link #toBuilder()} can share the big vectors between a key and a derived one (as a zkey
 * contribution does, which only replaces delta, C, H and the contributions).
 *
 * <h2>Trust</h2>
 * The builder checks shapes only. {@link io.zkml4j.groth16.zkey.ZkeyFile#read} additionally checks that
 * every coordinate is reduced and every point is on its curve, and that the six header points are in
 * their subgroups; it does <em>not</em> check the subgroup of each B2 point (too slow for large keys).
 * A key with B2 points outside G2 cannot break soundness for the verifier (the verifier checks the
 * proof's B), but makes the prover emit proofs that fail verification. Keys are trusted input to the
 * prover, as in snarkjs.
 */
public final class ProvingKey {

    private final int nVars;
    private final int nPublic;
    private final int domainSize;
    private final G1Affine alpha1;
    private final G1Affine beta1;
    private final G2Affine beta2;
    private final G2Affine gamma2;
    private final G1Affine delta1;
    private final G2Affine delta2;
    private final List<G1Affine> ic;
    private final CoefficientSource coefficients;
    private final PointSource a;
    private final PointSource b1;
    private final PointSource b2;
    private final PointSource c;
    private final PointSource h;
    private final byte[] contributions;

    private ProvingKey(Builder b) {
        this.nVars = b.nVars;
        this.nPublic = b.nPublic;
        this.domainSize = b.domainSize;
        this.alpha1 = b.alpha1;
        this.beta1 = b.beta1;
        this.beta2 = b.beta2;
        this.gamma2 = b.gamma2;
        this.delta1 = b.delta1;
        this.delta2 = b.delta2;
        this.ic = b.ic;
        this.coefficients = b.coefficients;
        this.a = b.a;
        this.b1 = b.b1;
        this.b2 = b.b2;
        this.c = b.c;
        this.h = b.h;
        this.contributions = b.contributions;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this key's values and sharing (not copying) its arrays. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.nVars = nVars;
        b.nPublic = nPublic;
        b.domainSize = domainSize;
        b.alpha1 = alpha1;
        b.beta1 = beta1;
        b.beta2 = beta2;
        b.gamma2 = gamma2;
        b.delta1 = delta1;
        b.delta2 = delta2;
        b.ic = ic;
        b.coefficients = coefficients;
        b.a = a;
        b.b1 = b1;
        b.b2 = b2;
        b.c = c;
        b.h = h;
        b.contributions = contributions;
        return b;
    }

    /** Number of signals, the constant-1 wire included. */
    public int nVars() {
        return nVars;
    }

    /** Number of public signals (outputs and public inputs; wires {@code 1..nPublic}). */
    public int nPublic() {
        return nPublic;
    }

    /** Size of the evaluation domain, a power of two. */
    public int domainSize() {
        return domainSize;
    }

    /** {@code log2(domainSize)}. */
    public int domainLog() {
        return Integer.numberOfTrailingZeros(domainSize);
    }

    public G1Affine alpha1() {
        return alpha1;
    }

    public G1Affine beta1() {
        return beta1;
    }

    public G2Affine beta2() {
        return beta2;
    }

    public G2Affine gamma2() {
        return gamma2;
    }

    public G1Affine delta1() {
        return delta1;
    }

    public G2Affine delta2() {
        return delta2;
    }

    /** The {@code nPublic + 1} IC points (immutable list). */
    public List<G1Affine> ic() {
        return ic;
    }

    /**
     * The QAP coefficients. A streamed key hands over the copy it read when opened on the first call and
     * reads (and checks) them from the file again on later calls, so a caller that needs them once, as
     * the prover does, should not keep them.
     *
     * @throws io.zkml4j.r1cs.binfile.BinFileException if a streamed key's file cannot be read again
     */
    public QapCoefficients coefficients() {
        return coefficients.read();
    }

    /** The number of QAP coefficient entries, without reading them. */
    public int coefficientCount() {
        return coefficients.size();
    }

    /** The {@code nVars} A points (8 longs each). */
    public PointSource pointsA() {
        return a;
    }

    /** The {@code nVars} B1 points in G1 (8 longs each). */
    public PointSource pointsB1() {
        return b1;
    }

    /** The {@code nVars} B2 points in G2 (16 longs each). */
    public PointSource pointsB2() {
        return b2;
    }

    /** The {@code nVars − nPublic − 1} C points (8 longs each), for signals {@code nPublic+1..}. */
    public PointSource pointsC() {
        return c;
    }

    /** The {@code domainSize} H points (8 longs each). */
    public PointSource pointsH() {
        return h;
    }

    /** A copy of the contributions section's payload (zkey section 10). */
    public byte[] contributions() {
        return contributions.clone();
    }

    /** Length of the contributions section's payload. */
    public int contributionsLength() {
        return contributions.length;
    }

    /** The verifying key: alpha1, beta2, gamma2, delta2 and IC. */
    public VerifyingKey verifyingKey() {
        return VerifyingKey.of(alpha1, beta2, gamma2, delta2, ic);
    }

    /**
     * Bytes held in memory by the point vectors, coefficients and contributions (the formula in the
     * class Javadoc); a streamed key's point vectors count nothing.
     */
    public long memoryBytes() {
        long points = 0;
        for (PointSource v : new PointSource[] {a, b1, b2, c, h}) {
            if (!(v instanceof Streamed)) {
                points += 8L * v.size() * v.longsPerPoint();
            }
        }
        return points + coefficients.memoryBytes() + contributions.length;
    }

    /** Whether the point vectors are read from a file while proving rather than held in memory. */
    public boolean isStreamed() {
        return a instanceof Streamed;
    }

    /** A point source that reads from a file rather than memory (the zkey reader's). */
    public interface Streamed extends PointSource {
    }

    /**
     * Where a key's QAP coefficients come from: memory ({@link QapCoefficients} itself) or a file (the
     * zkey reader's, which reads them again, and checks them, on request).
     */
    public interface CoefficientSource {

        /** The number of entries. */
        int size();

        /** The entries (from a file: the first call may hand over a copy read earlier). */
        QapCoefficients read();

        /** Bytes this source holds in memory between reads. */
        default long memoryBytes() {
            return 0;
        }
    }

    @Override
    public String toString() {
        return "ProvingKey[nVars=" + nVars + ", nPublic=" + nPublic + ", domainSize=" + domainSize
                + ", coefficients=" + coefficientCount() + "]";
    }

    /**
     * Assembles a key; {@link #build()} checks that every part is present and that all lengths agree
     * with {@code nVars}, {@code nPublic} and {@code domainSize}. Arrays are taken over, not copied.
     */
    public static final class Builder {
        private int nVars = -1;
        private int nPublic = -1;
        private int domainSize = -1;
        private G1Affine alpha1;
        private G1Affine beta1;
        private G2Affine beta2;
        private G2Affine gamma2;
        private G1Affine delta1;
        private G2Affine delta2;
        private List<G1Affine> ic;
        private CoefficientSource coefficients;
        private PointSource a;
        private PointSource b1;
        private PointSource b2;
        private PointSource c;
        private PointSource h;
        private byte[] contributions = new byte[0];

        private Builder() {
        }

        public Builder nVars(int n) {
            this.nVars = n;
            return this;
        }

        public Builder nPublic(int n) {
            this.nPublic = n;
            return this;
        }

        public Builder domainSize(int n) {
            this.domainSize = n;
            return this;
        }

        public Builder alpha1(G1Affine p) {
            this.alpha1 = Objects.requireNonNull(p, "alpha1");
            return this;
        }

        public Builder beta1(G1Affine p) {
            this.beta1 = Objects.requireNonNull(p, "beta1");
            return this;
        }

        public Builder beta2(G2Affine p) {
            this.beta2 = Objects.requireNonNull(p, "beta2");
            return this;
        }

        public Builder gamma2(G2Affine p) {
            this.gamma2 = Objects.requireNonNull(p, "gamma2");
            return this;
        }

        public Builder delta1(G1Affine p) {
            this.delta1 = Objects.requireNonNull(p, "delta1");
            return this;
        }

        public Builder delta2(G2Affine p) {
            this.delta2 = Objects.requireNonNull(p, "delta2");
            return this;
        }

        public Builder ic(List<G1Affine> points) {
            this.ic = List.copyOf(points);
            return this;
        }

        /** The QAP coefficients: in memory ({@link QapCoefficients}), or a source that reads and checks them. */
        public Builder coefficients(CoefficientSource q) {
            this.coefficients = Objects.requireNonNull(q, "coefficients");
            return this;
        }

        /** The A points, 8 Montgomery limbs each; taken over. */
        public Builder pointsA(long[] v) {
            return pointsA(flat("A", v, G1Kernel.AFFINE_LONGS));
        }

        /** The A points as a source (a streamed zkey section, say). */
        public Builder pointsA(PointSource v) {
            this.a = Objects.requireNonNull(v, "A");
            return this;
        }

        /** The B1 points, 8 Montgomery limbs each; taken over. */
        public Builder pointsB1(long[] v) {
            return pointsB1(flat("B1", v, G1Kernel.AFFINE_LONGS));
        }

        /** The B1 points as a source (a streamed zkey section, say). */
        public Builder pointsB1(PointSource v) {
            this.b1 = Objects.requireNonNull(v, "B1");
            return this;
        }

        /** The B2 points, 16 Montgomery limbs each; taken over. */
        public Builder pointsB2(long[] v) {
            return pointsB2(flat("B2", v, G2Kernel.AFFINE_LONGS));
        }

        /** The B2 points as a source (a streamed zkey section, say). */
        public Builder pointsB2(PointSource v) {
            this.b2 = Objects.requireNonNull(v, "B2");
            return this;
        }

        /** The C points of the private signals, 8 Montgomery limbs each; taken over. */
        public Builder pointsC(long[] v) {
            return pointsC(flat("C", v, G1Kernel.AFFINE_LONGS));
        }

        /** The C points as a source (a streamed zkey section, say). */
        public Builder pointsC(PointSource v) {
            this.c = Objects.requireNonNull(v, "C");
            return this;
        }

        /** The H points, 8 Montgomery limbs each; taken over. */
        public Builder pointsH(long[] v) {
            return pointsH(flat("H", v, G1Kernel.AFFINE_LONGS));
        }

        /** The H points as a source (a streamed zkey section, say). */
        public Builder pointsH(PointSource v) {
            this.h = Objects.requireNonNull(v, "H");
            return this;
        }

        /** The contributions section's payload (copied). Defaults to empty. */
        public Builder contributions(byte[] bytes) {
            this.contributions = bytes.clone();
            return this;
        }

        /**
         * @throws IllegalArgumentException if a part is missing or a length disagrees with the counts
         */
        public ProvingKey build() {
            if (nVars < 1 || nPublic < 0 || nPublic >= nVars) {
                throw new IllegalArgumentException("Expected nVars >= 1 and 0 <= nPublic < nVars but got nVars = "
                        + nVars + ", nPublic = " + nPublic);
            }
            if (domainSize < 1 || Integer.bitCount(domainSize) != 1) {
                throw new IllegalArgumentException("Expected a power-of-two domain size but got " + domainSize);
            }
            for (Object o : new Object[] {coefficients, alpha1, beta1, beta2, gamma2, delta1, delta2, ic, a, b1, b2, c, h}) {
                if (o == null) {
                    throw new IllegalArgumentException("Every point, vector and the coefficients must be set");
                }
            }
            if (ic.size() != nPublic + 1) {
                throw new IllegalArgumentException("Expected nPublic + 1 = " + (nPublic + 1) + " IC points but got "
                        + ic.size());
            }
            int g1 = G1Kernel.AFFINE_LONGS, g2 = G2Kernel.AFFINE_LONGS;
            requireShape("A", a, g1, nVars);
            requireShape("B1", b1, g1, nVars);
            requireShape("B2", b2, g2, nVars);
            requireShape("C", c, g1, nVars - nPublic - 1);
            requireShape("H", h, g1, domainSize);
            if (coefficients instanceof QapCoefficients q) { // a file source checks its own when it reads
                for (int i = 0; i < q.size(); i++) {
                    if (q.constraint(i) >= domainSize || q.signal(i) >= nVars) {
                        throw new IllegalArgumentException("Coefficient " + i + " refers to constraint "
                                + q.constraint(i) + " and signal " + q.signal(i)
                                + ", outside domainSize " + domainSize + " / nVars " + nVars);
                    }
                }
            }
            return new ProvingKey(this);
        }

        private static PointSource flat(String name, long[] v, int longsPerPoint) {
            Objects.requireNonNull(v, name);
            if (v.length % longsPerPoint != 0) {
                throw new IllegalArgumentException("Expected a multiple of " + longsPerPoint + " longs for the " + name
                        + " points but got " + v.length);
            }
            return PointSource.of(v, longsPerPoint, v.length / longsPerPoint);
        }

        private static void requireShape(String name, PointSource v, int longsPerPoint, long expected) {
            if (v.longsPerPoint() != longsPerPoint || v.size() != expected) {
                throw new IllegalArgumentException("Expected " + expected + " points of " + longsPerPoint
                        + " longs for the " + name + " points but got " + v.size() + " of " + v.longsPerPoint());
            }
        }
    }
}
