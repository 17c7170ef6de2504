package io.zkml4j.groth16.ptau;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fr;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SnarkjsEncodingTest {

    @Test
    void formatsHashesAsSnarkjsPrintsThem() {
        String s = SnarkjsEncoding.formatHash(PtauFixtures.RESPONSE_HASH, "Contribution Response Hash imported: ");
        assertThat(s).isEqualTo("Contribution Response Hash imported: \n"
                + "\t\t5a159804 95f63541 dee344b0 cb940f3c\n"
                + "\t\tf1379c21 4a71f1ec 2f140c69 13cad904\n"
                + "\t\te7c303d0 ed6443f8 60576050 11342592\n"
                + "\t\tc0663a52 eb499468 4d17aa6b c0e72cca");
    }

    @Test
    void compressedPointsCarryTheSignOfYAndAnInfinityFlag() {
        G1Affine g = G1Affine.GENERATOR; // y = 2: "positive"
        byte[] c = SnarkjsEncoding.compressed(g);
        assertThat(c[0] & 0x80).isZero();
        assertThat(c).isEqualTo(HexFormat.of().parseHex("00".repeat(31) + "01"));
        assertThat(SnarkjsEncoding.compressed(g.neg())[0] & 0x80).isEqualTo(0x80);
        assertThat(SnarkjsEncoding.compressed(G1Affine.INFINITY)[0]).isEqualTo((byte) 0x40);
        assertThat(SnarkjsEncoding.uncompressed(G1Affine.INFINITY)).containsOnly(0);
        G2Affine h = G2Affine.GENERATOR.mul(Fr.of(5));
        assertThat(SnarkjsEncoding.compressed(h)[0] & 0x80).isNotEqualTo(SnarkjsEncoding.compressed(h.neg())[0] & 0x80);
        assertThat(SnarkjsEncoding.isNegative(Fq.ONE.neg())).isTrue();
        assertThat(SnarkjsEncoding.isNegative(Fq.ONE)).isFalse();
    }
}
