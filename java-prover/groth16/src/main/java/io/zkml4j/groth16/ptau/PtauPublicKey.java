package io.zkml4j.groth16.ptau;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * The public half of a powers-of-tau contribution key: for each secret {@code x ∈ {τ, α, β}} a random
 * G1 point {@code s}, {@code s·x}, and {@code sp·x} where {@code sp} is the G2 point hashed from the
 * previous challenge and {@code s, s·x} (snarkjs {@code getG2sp}; it is recomputed, not stored). A
 * pairing check {@code e(s, sp·x) = e(s·x, sp)} proves knowledge of {@code x}.
 */
public record PtauPublicKey(G1Affine tauG1S, G1Affine tauG1SX, G1Affine alphaG1S, G1Affine alphaG1SX,
                            G1Affine betaG1S, G1Affine betaG1SX, G2Affine tauG2SPX, G2Affine alphaG2SPX,
                            G2Affine betaG2SPX) {

    /** Bytes of {@link #uncompressed()}: six G1 and three G2 points. */
    public static final int UNCOMPRESSED_BYTES = 6 * 64 + 3 * 128;

    public PtauPublicKey {
        Objects.requireNonNull(tauG1S, "tauG1S");
        Objects.requireNonNull(tauG1SX, "tauG1SX");
        Objects.requireNonNull(alphaG1S, "alphaG1S");
        Objects.requireNonNull(alphaG1SX, "alphaG1SX");
        Objects.requireNonNull(betaG1S, "betaG1S");
        Objects.requireNonNull(betaG1SX, "betaG1SX");
        Objects.requireNonNull(tauG2SPX, "tauG2SPX");
        Objects.requireNonNull(alphaG2SPX, "alphaG2SPX");
        Objects.requireNonNull(betaG2SPX, "betaG2SPX");
    }

    /** The key in snarkjs's uncompressed encoding (the tail of the response hash). */
    public byte[] uncompressed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(UNCOMPRESSED_BYTES);
        for (G1Affine p : new G1Affine[] {tauG1S, tauG1SX, alphaG1S, alphaG1SX, betaG1S, betaG1SX}) {
            out.writeBytes(SnarkjsEncoding.uncompressed(p));
        }
        for (G2Affine p : new G2Affine[] {tauG2SPX, alphaG2SPX, betaG2SPX}) {
            out.writeBytes(SnarkjsEncoding.uncompressed(p));
        }
        return out.toByteArray();
    }
}
