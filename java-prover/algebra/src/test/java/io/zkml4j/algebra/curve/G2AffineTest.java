package io.zkml4j.algebra.curve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.InvalidEncodingException;
import io.zkml4j.algebra.field.Fq2;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.test.Seeds;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class G2AffineTest implements GroupContract<G2Affine> {

    @Override public G2Affine infinity() { return G2Affine.INFINITY; }
    @Override public G2Affine generator() { return G2Affine.GENERATOR; }
    @Override public byte[] encode(G2Affine p) { return p.toEvmBytes(); }
    @Override public G2Affine decode(byte[] b) { return G2Affine.fromEvmBytes(b); }
    @Override public int samples() { return 6; }

    /** A point on the twist curve from a random x (no cofactor clearing): almost surely outside G2. */
    static G2Affine randomTwistPoint(RandomGenerator rng) {
        while (true) {
            Fq2 x = Fq2.random(rng);
            Optional<Fq2> y = x.square().mul(x).add(G2Affine.B_TWIST).sqrt();
            if (y.isPresent()) {
                return G2Affine.ofOnCurve(x, y.get());
            }
        }
    }

    @Override
    public List<byte[]> invalidEncodings() {
        List<byte[]> bad = new ArrayList<>();
        byte[] g = G2Affine.GENERATOR.toEvmBytes();
        byte[] offCurve = g.clone();
        offCurve[127] ^= 1;                                   // y.c0 changed
        bad.add(offCurve);
        byte[] swapped = g.clone();                           // c0 first: the wrong order is off the curve
        System.arraycopy(g, 32, swapped, 0, 32);
        System.arraycopy(g, 0, swapped, 32, 32);
        System.arraycopy(g, 96, swapped, 64, 32);
        System.arraycopy(g, 64, swapped, 96, 32);
        bad.add(swapped);
        byte[] xNotReduced = g.clone();                       // x.c1 + p
        byte[] w = G2Affine.GENERATOR.x().c1().toBigInteger().add(Bn254.P).toByteArray();
        System.arraycopy(w, w.length - 32, xNotReduced, 0, 32);
        bad.add(xNotReduced);
        bad.add(randomTwistPoint(Seeds.rng("g2-bad-encoding")).toEvmBytes()); // not in G2
        return bad;
    }

    @Test
    void generatorIsTheEip197GeneratorOnTheTwistAndInG2() {
        G2Affine g = G2Affine.GENERATOR;
        assertThat(g.isOnCurve()).isTrue();
        assertThat(g.isInSubgroup()).isTrue();
        assertThat(g.mul(Bn254.R).isInfinity()).isTrue();
        assertThat(HexFormat.of().formatHex(g.toEvmBytes())).isEqualTo(
                "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
                + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
                + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
                + "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa");
    }

    @Test
    void subgroupCheckAgreesWithTheOrderOnTwistPointsOutsideG2() {
        SplittableRandom rng = Seeds.rng("g2-subgroup");
        for (int i = 0; i < 6; i++) {
            G2Affine p = randomTwistPoint(rng);
            assertThat(p.isOnCurve()).isTrue();
            assertThat(p.mul(Bn254.R).isInfinity()).as("[r]P for a random twist point").isFalse();
            assertThat(p.isInSubgroup()).isFalse();
            assertThat(p.toJacobian().isInSubgroup()).isFalse();
            assertThatThrownBy(() -> G2Affine.of(p.x(), p.y()))
                    .isInstanceOf(InvalidEncodingException.class).hasMessageContaining("not in the order-r subgroup");
            assertThatThrownBy(() -> G2Affine.fromEvmBytes(p.toEvmBytes()))
                    .isInstanceOf(InvalidEncodingException.class).hasMessageContaining("not in the order-r subgroup");
            // Clearing the cofactor h = 2p − r lands in G2, and then both tests agree the other way.
            G2Affine cleared = p.mul(Bn254.P.shiftLeft(1).subtract(Bn254.R));
            assertThat(cleared.mul(Bn254.R).isInfinity()).isTrue();
            assertThat(cleared.isInSubgroup()).isTrue();
        }
        for (G2Affine q : points("subgroup-members")) {
            assertThat(q.isInSubgroup()).isTrue();
            assertThat(q.mul(Bn254.R).isInfinity()).isTrue();
        }
    }

    @Test
    void psiIsAnEndomorphismActingAsPOnG2() {
        SplittableRandom rng = Seeds.rng("g2-psi");
        G2Affine p = G2Affine.GENERATOR.mul(Fr.random(rng));
        G2Affine q = randomTwistPoint(rng);
        assertThat(q.psi().isOnCurve()).isTrue();
        assertThat(p.add(q).psi()).isEqualTo(p.psi().add(q.psi()));
        assertThat(p.psi()).isEqualTo(p.mul(Bn254.P.mod(Bn254.R)));
        assertThat(G2Affine.PSI_EIGENVALUE).isEqualTo(Bn254.P.subtract(Bn254.R));
    }

    @Test
    void offCurveAndNonCanonicalInputsAreRejectedByName() {
        G2Affine g = G2Affine.GENERATOR;
        assertThatThrownBy(() -> G2Affine.of(g.x(), g.x()))
                .isInstanceOf(InvalidEncodingException.class).hasMessageContaining("not on the BN254 G2 twist")
                .hasMessageContaining("x = ");
        assertThatThrownBy(() -> G2Affine.fromEvmBytes(invalidEncodings().get(2)))
                .isInstanceOf(InvalidEncodingException.class).hasMessageContaining("G2 x.c1 coordinate");
        assertThatThrownBy(() -> G2Affine.fromEvmBytes(new byte[64]))
                .isInstanceOf(InvalidEncodingException.class)
                .hasMessage("Expected 128 bytes for a G2 point (x.c1 || x.c0 || y.c1 || y.c0, big-endian) but got 64");
    }

    @Test
    void montgomeryLimbsRoundTripAndAreChecked() {
        long[] flat = new long[32];
        G2Affine p = G2Affine.GENERATOR.mul(BigInteger.valueOf(99));
        p.writeMontgomery(flat, 16);
        assertThat(G2Affine.fromMontgomeryLimbs(flat, 16)).isEqualTo(p);
        assertThat(G2Affine.fromMontgomeryLimbs(flat, 0)).isEqualTo(G2Affine.INFINITY);
        randomTwistPoint(Seeds.rng("g2-limbs")).writeMontgomery(flat, 16);
        assertThatThrownBy(() -> G2Affine.fromMontgomeryLimbs(flat, 16)).isInstanceOf(InvalidEncodingException.class);
    }
}
