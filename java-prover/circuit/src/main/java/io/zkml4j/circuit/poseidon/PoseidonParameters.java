package io.zkml4j.circuit.poseidon;

import io.zkml4j.algebra.field.Fr;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parameters of circomlib's {@code Poseidon(nInputs)} over BN254's Fr: width
 * {@code t = nInputs + 1}, S-box {@code x⁵}, {@code R_F = 8} full rounds and
 * {@code R_P = [56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68][t - 2]} partial rounds
 * (the paper's recommended counts for 128-bit security, rounded up as circomlib does).
 *
 * <p><b>Provenance.</b> The constants are public data from the Poseidon authors' reference script
 * {@code generate_parameters_grain.sage} (run as {@code sage generate_parameters_grain.sage 1 0 254 t
 * 8 R_P 0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001}), the source of
 * circomlib's and circomlibjs's tables. We regenerate them here from the published algorithm
 * rather than copying those (GPL-3.0) tables: a {@link GrainLfsr} seeded with the parameters
 * yields {@code (R_F + R_P)·t} round constants as 254-bit big-endian samples, rejecting those
 * {@code ≥ r}; then {@code 2t} further 254-bit samples, reduced modulo {@code r} (the script
 * does not reject here), give {@code x₀..x_{t-1}, y₀..y_{t-1}}, which must be pairwise distinct
 * (else the script draws {@code 2t} fresh samples) and define the Cauchy matrix
 * {@code M[i][j] = 1/(xᵢ + yⱼ)}. The reference script additionally screens each matrix against
 * invariant-subspace attacks and draws again when one fails; that screening is not re-run here:
 * instead {@code PoseidonConstantsIT} checks every constant for {@code t = 2..17} against
 * circomlibjs 0.1.7's table, i.e. the first matrix drawn passed for every width, and unit tests
 * pin digests of the constants and hash vectors, so any drift fails the build.
 */
public final class PoseidonParameters {

    /** Full rounds, for every width. */
    public static final int ROUNDS_FULL = 8;

    private static final int[] ROUNDS_PARTIAL = {56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68};

    /** The largest number of inputs circomlib supports (t = 17). */
    public static final int MAX_INPUTS = ROUNDS_PARTIAL.length;

    private static final ConcurrentHashMap<Integer, PoseidonParameters> CACHE = new ConcurrentHashMap<>();

    private final int t;
    private final int roundsPartial;
    private final Fr[] roundConstants;
    private final Fr[][] mds;

    private PoseidonParameters(int t) {
        this.t = t;
        this.roundsPartial = ROUNDS_PARTIAL[t - 2];
        BigInteger r = Fr.MODULUS;
        int n = r.bitLength();
        GrainLfsr grain = new GrainLfsr(n, t, ROUNDS_FULL, roundsPartial);
        roundConstants = new Fr[(ROUNDS_FULL + roundsPartial) * t];
        for (int i = 0; i < roundConstants.length; i++) {
            BigInteger c;
            do {
                c = grain.nextBits(n);
            } while (c.compareTo(r) >= 0);
            roundConstants[i] = Fr.of(c);
        }
        Fr[] xy;
        while (true) {
            xy = new Fr[2 * t];
            Set<Fr> seen = new HashSet<>();
            for (int i = 0; i < 2 * t; i++) {
                xy[i] = Fr.reduce(grain.nextBits(n));
                seen.add(xy[i]);
            }
            if (seen.size() == 2 * t) {
                break;
            }
        }
        mds = new Fr[t][t];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                Fr s = xy[i].add(xy[t + j]);
                if (s.isZero()) {
                    throw new IllegalStateException("x_i + y_j = 0 for t = " + t + ": the Cauchy matrix is undefined");
                }
                mds[i][j] = s.inverse();
            }
        }
    }

    /**
     * The parameters of {@code Poseidon(nInputs)}, generated on first use (a few milliseconds) and cached.
     *
     * @throws IllegalArgumentException unless {@code 1 ≤ nInputs ≤ 16}
     */
    public static PoseidonParameters forInputs(int nInputs) {
        if (nInputs < 1 || nInputs > MAX_INPUTS) {
            throw new IllegalArgumentException("Expected 1 to " + MAX_INPUTS + " inputs but got " + nInputs);
        }
        return CACHE.computeIfAbsent(nInputs + 1, PoseidonParameters::new);
    }

    /** The state width {@code t}. */
    public int width() {
        return t;
    }

    /** The number of full rounds (8). */
    public int roundsFull() {
        return ROUNDS_FULL;
    }

    /** The number of partial rounds. */
    public int roundsPartial() {
        return roundsPartial;
    }

    /** Total rounds {@code R_F + R_P}. */
    public int rounds() {
        return ROUNDS_FULL + roundsPartial;
    }

    /** Whether round {@code round} applies the S-box to the whole state (the first and last R_F/2 rounds). */
    public boolean isFullRound(int round) {
        return round < ROUNDS_FULL / 2 || round >= ROUNDS_FULL / 2 + roundsPartial;
    }

    /** The constant added to state element {@code i} at the start of round {@code round}. */
    public Fr roundConstant(int round, int i) {
        return roundConstants[round * t + i];
    }

    /** The MDS matrix entry {@code M[i][j]}; the linear layer is {@code state'ᵢ = Σⱼ M[i][j]·stateⱼ}. */
    public Fr mds(int i, int j) {
        return mds[i][j];
    }
}
