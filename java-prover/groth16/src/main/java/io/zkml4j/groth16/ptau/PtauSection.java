package io.zkml4j.groth16.ptau;

/**
 * The sections of a snarkjs {@code .ptau} file (format version 1) and how many points each holds for
 * a file of power {@code p}. Points are stored as affine Montgomery limbs (G1: 64 bytes {@code x || y};
 * G2: 128 bytes {@code x.c0 || x.c1 || y.c0 || y.c1}; infinity all zero).
 *
 * <p>The four Lagrange sections, added by "prepare phase2", concatenate one block per level
 * {@code k = 0 .. p} (and for {@link #LAGRANGE_TAU_G1} also {@code k = p + 1}): block {@code k} holds
 * the {@code 2^k} points {@code L_i(τ)·P}, {@code i = 0 .. 2^k − 1}, of the Lagrange basis of the
 * size-{@code 2^k} domain, in natural order, and starts at point index {@code 2^k − 1}. Level
 * {@code p + 1} of tauG1 is the inverse FFT of {@code τ^0 … τ^(2^(p+1)−2)} followed by the point at
 * infinity (only {@code 2^(p+1) − 1} powers exist); its odd-indexed points become a zkey's H points.
 */
public enum PtauSection {
    HEADER(1, "header", Group.NONE),
    TAU_G1(2, "tauG1", Group.G1),
    TAU_G2(3, "tauG2", Group.G2),
    ALPHA_TAU_G1(4, "alphaTauG1", Group.G1),
    BETA_TAU_G1(5, "betaTauG1", Group.G1),
    BETA_G2(6, "betaG2", Group.G2),
    CONTRIBUTIONS(7, "contributions", Group.NONE),
    LAGRANGE_TAU_G1(12, "tauG1 Lagrange basis", Group.G1),
    LAGRANGE_TAU_G2(13, "tauG2 Lagrange basis", Group.G2),
    LAGRANGE_ALPHA_TAU_G1(14, "alphaTauG1 Lagrange basis", Group.G1),
    LAGRANGE_BETA_TAU_G1(15, "betaTauG1 Lagrange basis", Group.G1);

    /** Which group a section's points belong to. */
    public enum Group {
        NONE(0), G1(64), G2(128);

        private final int pointBytes;

        Group(int pointBytes) {
            this.pointBytes = pointBytes;
        }

        /** Bytes per stored point (0 for sections that hold no points). */
        public int pointBytes() {
            return pointBytes;
        }
    }

    private final int id;
    private final String label;
    private final Group group;

    PtauSection(int id, String label, Group group) {
        this.id = id;
        this.label = label;
        this.group = group;
    }

    /** The section type number in the file. */
    public int id() {
        return id;
    }

    /** The name used in messages, e.g. {@code "tauG1"}. */
    public String label() {
        return label;
    }

    public Group group() {
        return group;
    }

    /** The Lagrange section computed from this powers section, or null. */
    public PtauSection lagrange() {
        return switch (this) {
            case TAU_G1 -> LAGRANGE_TAU_G1;
            case TAU_G2 -> LAGRANGE_TAU_G2;
            case ALPHA_TAU_G1 -> LAGRANGE_ALPHA_TAU_G1;
            case BETA_TAU_G1 -> LAGRANGE_BETA_TAU_G1;
            default -> null;
        };
    }

    /** Whether this is one of the four sections "prepare phase2" adds. */
    public boolean isLagrange() {
        return id >= 12;
    }

    /** The highest Lagrange level stored for a file of power {@code p}: {@code p + 1} for tauG1, else {@code p}. */
    public int maxLagrangeLevel(int power) {
        return this == LAGRANGE_TAU_G1 ? power + 1 : power;
    }

    /**
     * The number of points this section holds in a file of the given power, or -1 for the sections
     * without points.
     */
    public long pointCount(int power) {
        long n = 1L << power;
        return switch (this) {
            case HEADER, CONTRIBUTIONS -> -1;
            case TAU_G1 -> 2 * n - 1;
            case TAU_G2, ALPHA_TAU_G1, BETA_TAU_G1 -> n;
            case BETA_G2 -> 1;
            case LAGRANGE_TAU_G1 -> 4 * n - 1;
            case LAGRANGE_TAU_G2, LAGRANGE_ALPHA_TAU_G1, LAGRANGE_BETA_TAU_G1 -> 2 * n - 1;
        };
    }

    static PtauSection byId(int id) {
        for (PtauSection s : values()) {
            if (s.id == id) {
                return s;
            }
        }
        return null;
    }

    /** {@code "section 2 (tauG1)"}. */
    @Override
    public String toString() {
        return "section " + id + " (" + label + ")";
    }
}
