package io.zkml4j.groth16.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.groth16.Fixtures;
import io.zkml4j.groth16.Groth16Exception;
import io.zkml4j.groth16.Proof;
import io.zkml4j.groth16.json.SnarkjsJson;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvmEncodingTest {

    private static final Proof PROOF = SnarkjsJson.readProof(Fixtures.multiplier("proof.json"));
    private static final List<Fr> PUBLIC = SnarkjsJson.readPublicSignals(Fixtures.multiplier("public.json"));

    @Test
    void calldataEqualsSnarkjsOutput() throws IOException {
        String snarkjs = Files.readString(Fixtures.multiplier("calldata.txt"));
        assertThat(EvmEncoding.solidityCalldata(PROOF, PUBLIC) + "\n").isEqualTo(snarkjs);
    }

    @Test
    void proofWordsPutTheImaginaryPartOfBFirst() {
        // pinned against the fixture proof.json: pi_b = [[x0, x1], [y0, y1], ...]
        List<BigInteger> w = EvmEncoding.proofWords(PROOF);
        assertThat(w).containsExactly(
                new BigInteger("634273322431121918408273475423370914213761173413769460805053600921197838806"),
                new BigInteger("19686766513103507558024851659127181975333657684977262854653078567203540101644"),
                new BigInteger("817915613786171720899818093298256709070074889178644837812475893077970521149"),
                new BigInteger("6497432026406478051742737552300957405943117900172451590156304700448740313228"),
                new BigInteger("13488828688479355484896556809082845290373501702865488598642564025292502585659"),
                new BigInteger("10305092593634800745394297600896273085552542760725565637507164766158549283748"),
                new BigInteger("550291544332944157294878846034216339017134418687673670360511532210860822167"),
                new BigInteger("21601705885121690851364175593811471868482665047437849195177740795639047555348"));
        assertThat(EvmEncoding.publicInputWords(PUBLIC)).containsExactly(BigInteger.valueOf(231),
                BigInteger.valueOf(1155), BigInteger.valueOf(5));
    }

    @Test
    void pointWordsMatchTheProofLayoutAndTheEvmBytes() {
        List<BigInteger> w = EvmEncoding.proofWords(PROOF);
        assertThat(EvmEncoding.g1Words(PROOF.a())).isEqualTo(w.subList(0, 2));
        assertThat(EvmEncoding.g2Words(PROOF.b())).isEqualTo(w.subList(2, 6));
        assertThat(EvmEncoding.g1Words(PROOF.c())).isEqualTo(w.subList(6, 8));
        byte[] b = PROOF.b().toEvmBytes();
        for (int i = 0; i < 4; i++) {
            assertThat(new BigInteger(1, java.util.Arrays.copyOfRange(b, 32 * i, 32 * i + 32)))
                    .isEqualTo(EvmEncoding.g2Words(PROOF.b()).get(i));
        }
        assertThat(EvmEncoding.g1Words(io.zkml4j.algebra.curve.G1Affine.INFINITY))
                .containsExactly(BigInteger.ZERO, BigInteger.ZERO);
        assertThat(EvmEncoding.g2Words(io.zkml4j.algebra.curve.G2Affine.INFINITY))
                .containsOnly(BigInteger.ZERO).hasSize(4);
    }

    @Test
    void proofBytesAreTheWordsBigEndian() {
        byte[] bytes = EvmEncoding.proofBytes(PROOF);
        assertThat(bytes).hasSize(256);
        List<BigInteger> w = EvmEncoding.proofWords(PROOF);
        for (int i = 0; i < 8; i++) {
            byte[] word = java.util.Arrays.copyOfRange(bytes, 32 * i, 32 * i + 32);
            assertThat(new BigInteger(1, word)).isEqualTo(w.get(i));
        }
        assertThat(java.util.Arrays.copyOfRange(bytes, 0, 64)).isEqualTo(PROOF.a().toEvmBytes());
        assertThat(java.util.Arrays.copyOfRange(bytes, 64, 192)).isEqualTo(PROOF.b().toEvmBytes());
    }

    @Test
    void decodesItsOwnWordsAndRejectsBadOnes() {
        List<BigInteger> w = EvmEncoding.proofWords(PROOF);
        assertThat(EvmEncoding.decodeProof(w)).isEqualTo(PROOF);
        List<BigInteger> swapped = new ArrayList<>(w);
        swapped.set(2, w.get(3));
        swapped.set(3, w.get(2));
        assertThatThrownBy(() -> EvmEncoding.decodeProof(swapped)).isInstanceOf(Groth16Exception.class);
        List<BigInteger> big = new ArrayList<>(w);
        big.set(6, w.get(6).add(Fq.MODULUS));
        assertThatThrownBy(() -> EvmEncoding.decodeProof(big)).isInstanceOf(Groth16Exception.class)
                .hasMessageContaining("Proof word 6");
        assertThatThrownBy(() -> EvmEncoding.decodeProof(w.subList(0, 7))).isInstanceOf(Groth16Exception.class)
                .hasMessageContaining("8 proof words");
    }
}
