package io.zkml4j.groth16.ptau;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of a {@code .ptau} contributions section (section 7), in snarkjs's layout: the points
 * after this contribution ({@code τ·G1}, {@code τ·G2}, {@code α·G1}, {@code β·G1}, {@code β·G2}),
 * the contributor's {@link PtauPublicKey}, the 216-byte Blake2b state of the response hash before
 * the key was absorbed ({@link ResumableBlake2b}), the hash of the next challenge, the type (0 a
 * contribution, 1 a beacon) and the optional parameters (name; for beacons the iteration exponent
 * and the beacon hash).
 *
 * <p>Byte arrays are copied in and out.
 */
public final class PtauContribution {

    /** Type of an ordinary contribution. */
    public static final int TYPE_CONTRIBUTION = 0;
    /** Type of a beacon contribution. */
    public static final int TYPE_BEACON = 1;

    private final G1Affine tauG1;
    private final G2Affine tauG2;
    private final G1Affine alphaG1;
    private final G1Affine betaG1;
    private final G2Affine betaG2;
    private final PtauPublicKey key;
    private final byte[] partialHash;
    private final byte[] nextChallenge;
    private final int type;
    private final String name;
    private final int numIterationsExp;
    private final byte[] beaconHash;

    /**
     * @throws IllegalArgumentException if the partial hash is not 216 bytes, the challenge not 64, or a
     *     beacon lacks its hash
     */
    public PtauContribution(G1Affine tauG1, G2Affine tauG2, G1Affine alphaG1, G1Affine betaG1, G2Affine betaG2,
                            PtauPublicKey key, byte[] partialHash, byte[] nextChallenge, int type, String name,
                            int numIterationsExp, byte[] beaconHash) {
        this.tauG1 = Objects.requireNonNull(tauG1, "tauG1");
        this.tauG2 = Objects.requireNonNull(tauG2, "tauG2");
        this.alphaG1 = Objects.requireNonNull(alphaG1, "alphaG1");
        this.betaG1 = Objects.requireNonNull(betaG1, "betaG1");
        this.betaG2 = Objects.requireNonNull(betaG2, "betaG2");
        this.key = Objects.requireNonNull(key, "key");
        if (partialHash.length != ResumableBlake2b.PARTIAL_STATE_BYTES) {
            throw new IllegalArgumentException("Expected a " + ResumableBlake2b.PARTIAL_STATE_BYTES
                    + "-byte partial hash but got " + partialHash.length);
        }
        if (nextChallenge.length != 64) {
            throw new IllegalArgumentException("Expected a 64-byte challenge hash but got " + nextChallenge.length);
        }
        if (type == TYPE_BEACON && (beaconHash == null || beaconHash.length > 255)) {
            throw new IllegalArgumentException("A beacon contribution needs a beacon hash of at most 255 bytes");
        }
        this.partialHash = partialHash.clone();
        this.nextChallenge = nextChallenge.clone();
        this.type = type;
        this.name = name;
        this.numIterationsExp = numIterationsExp;
        this.beaconHash = beaconHash == null ? null : beaconHash.clone();
    }

    public G1Affine tauG1() {
        return tauG1;
    }

    public G2Affine tauG2() {
        return tauG2;
    }

    public G1Affine alphaG1() {
        return alphaG1;
    }

    public G1Affine betaG1() {
        return betaG1;
    }

    public G2Affine betaG2() {
        return betaG2;
    }

    public PtauPublicKey key() {
        return key;
    }

    /** The 216-byte snarkjs partial-hash state (a copy). */
    public byte[] partialHash() {
        return partialHash.clone();
    }

    /** The hash of the challenge that follows this contribution (a copy). */
    public byte[] nextChallenge() {
        return nextChallenge.clone();
    }

    public int type() {
        return type;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** For beacons, the exponent of the number of SHA-256 iterations; otherwise 0. */
    public int numIterationsExp() {
        return numIterationsExp;
    }

    /** For beacons, the beacon hash (a copy). */
    public Optional<byte[]> beaconHash() {
        return Optional.ofNullable(beaconHash).map(byte[]::clone);
    }

    /**
     * The contribution's response hash, as snarkjs prints and chains it: the partial state resumed with
     * the uncompressed public key.
     */
    public byte[] responseHash() {
        ResumableBlake2b h = ResumableBlake2b.fromPartialState(partialHash);
        h.update(key.uncompressed());
        return h.digest();
    }

    @Override
    public String toString() {
        return "PtauContribution[" + (name == null ? "(unnamed)" : name) + ", type " + type + "]";
    }
}
