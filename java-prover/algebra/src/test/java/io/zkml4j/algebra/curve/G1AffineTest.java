package io.zkml4j.algebra.curve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.InvalidEncodingException;
import io.zkml4j.algebra.field.Fq;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class G1AffineTest implements GroupContract<G1Affine> {

    @Override public G1Affine infinity() { return G1Affine.INFINITY; }
    @Override public G1Affine generator() { return G1Affine.GENERATOR; }
    @Override public byte[] encode(G1Affine p) { return p.toEvmBytes(); }
    @Override public G1Affine decode(byte[] b) { return G1Affine.fromEvmBytes(b); }

    @Override
    public List<byte[]> invalidEncodings() {
        BigInteger p = Bn254.P;
        return List.of(
                evm(BigInteger.ONE, BigInteger.valueOf(3)),            // off the curve
                evm(BigInteger.ZERO, BigInteger.ONE),                  // off the curve, x = 0
                evm(p, BigInteger.TWO),                                // x = p, not a field element
                evm(BigInteger.ONE, p.add(BigInteger.TWO)),            // y ≡ 2 but not reduced
                evm(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE), BigInteger.ZERO));
    }

    static byte[] evm(BigInteger... words) {
        byte[] out = new byte[32 * words.length];
        for (int i = 0; i < words.length; i++) {
            byte[] w = words[i].toByteArray();
            int len = Math.min(w.length, 32);
            System.arraycopy(w, w.length - len, out, 32 * i + 32 - len, len);
        }
        return out;
    }

    @Test
    void generatorIsOneTwoAndOnTheCurve() {
        assertThat(G1Affine.GENERATOR.x()).isEqualTo(Fq.ONE);
        assertThat(G1Affine.GENERATOR.y()).isEqualTo(Fq.of(2));
        assertThat(G1Affine.GENERATOR.isOnCurve()).isTrue();
        assertThat(G1Affine.GENERATOR.isInSubgroup()).isTrue();
        assertThat(G1Affine.of(BigInteger.ONE, BigInteger.TWO)).isEqualTo(G1Affine.GENERATOR);
    }

    @Test
    void offCurvePointsAreRejectedNamingTheCoordinates() {
        assertThatThrownBy(() -> G1Affine.of(Fq.of(1), Fq.of(3)))
                .isInstanceOf(InvalidEncodingException.class)
                .hasMessageContaining("x = 1").hasMessageContaining("y = 3").hasMessageContaining("y² = x³ + 3");
        assertThatThrownBy(() -> G1Affine.fromEvmBytes(evm(BigInteger.ONE, BigInteger.valueOf(3))))
                .isInstanceOf(InvalidEncodingException.class).hasMessageContaining("not on the BN254 G1 curve");
    }

    @Test
    void nonCanonicalCoordinatesAreRejectedByName() {
        assertThatThrownBy(() -> G1Affine.fromEvmBytes(evm(Bn254.P, BigInteger.TWO)))
                .isInstanceOf(InvalidEncodingException.class).hasMessageContaining("G1 x coordinate")
                .hasMessageContaining("below p");
        assertThatThrownBy(() -> G1Affine.fromEvmBytes(evm(BigInteger.ONE, Bn254.P.add(BigInteger.TWO))))
                .isInstanceOf(InvalidEncodingException.class).hasMessageContaining("G1 y coordinate");
    }

    @Test
    void wrongLengthsAreRejectedWithTheExpectedLength() {
        assertThatThrownBy(() -> G1Affine.fromEvmBytes(new byte[63]))
                .isInstanceOf(InvalidEncodingException.class)
                .hasMessage("Expected 64 bytes for a G1 point (x || y, big-endian) but got 63");
    }

    @Test
    void montgomeryLimbsRoundTripAndAreChecked() {
        long[] flat = new long[16];
        G1Affine p = G1Affine.GENERATOR.mul(BigInteger.valueOf(1234567));
        p.writeMontgomery(flat, 8);
        assertThat(G1Affine.fromMontgomeryLimbs(flat, 8)).isEqualTo(p);
        assertThat(G1Affine.fromMontgomeryLimbs(flat, 0)).isEqualTo(G1Affine.INFINITY);
        flat[8] ^= 1;
        assertThatThrownBy(() -> G1Affine.fromMontgomeryLimbs(flat, 8)).isInstanceOf(InvalidEncodingException.class);
    }
}
