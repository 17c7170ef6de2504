package io.zkml4j.algebra.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fq2;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs go-ethereum's precompile 0x08 vectors ({@code vectors/bn256Pairing.json}, see the README there)
 * through {@link Bn254Pairing#pairingCheck}, with a test-side decoder of the 192-byte EVM chunks.
 */
class Eip197VectorsTest {

    private static final Pattern CASE = Pattern.compile(
            "\"Input\":\\s*\"([0-9a-f]*)\",\\s*\"Expected\":\\s*\"([0-9a-f]{64})\",\\s*\"Name\":\\s*\"([^\"]+)\"");

    static Stream<Arguments> vectors() throws IOException {
        String json;
        try (InputStream in = Eip197VectorsTest.class.getResourceAsStream("/vectors/bn256Pairing.json")) {
            assertThat(in).as("vectors/bn256Pairing.json on the test classpath").isNotNull();
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Arguments> out = new ArrayList<>();
        Matcher m = CASE.matcher(json);
        while (m.find()) {
            out.add(Arguments.of(m.group(3), m.group(1), m.group(2)));
        }
        assertThat(out).as("vectors parsed").hasSize(14);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void pairingCheckMatchesThePrecompile(String name, String inputHex, String expectedHex) {
        byte[] input = HexFormat.of().parseHex(inputHex);
        assertThat(input.length % 192).as("input length is a multiple of 192").isZero();
        List<PairingInput> pairs = new ArrayList<>();
        for (int off = 0; off < input.length; off += 192) {
            pairs.add(decode(Arrays.copyOfRange(input, off, off + 192)));
        }
        byte[] expected = HexFormat.of().parseHex(expectedHex);
        boolean expectedTrue = expected[31] == 1;
        assertThat(Bn254Pairing.pairingCheck(pairs)).isEqualTo(expectedTrue);
    }

    /**
     * EIP-197 layout: {@code P.x, P.y, Q.x.c1, Q.x.c0, Q.y.c1, Q.y.c0}, each a 32-byte big-endian word
     * (the imaginary part first); all-zero coordinates mean the point at infinity.
     */
    static PairingInput decode(byte[] chunk) {
        Fq px = word(chunk, 0), py = word(chunk, 1);
        Fq2 qx = Fq2.of(word(chunk, 3), word(chunk, 2));
        Fq2 qy = Fq2.of(word(chunk, 5), word(chunk, 4));
        PairingInput in = PairingInput.of(px, py, qx, qy);
        if (!in.pIsInfinity()) {
            assertThat(AffineCurve.G1.isOnCurve(new AffineCurve.Point<>(px, py, false))).as("P on curve").isTrue();
        }
        if (!in.qIsInfinity()) {
            assertThat(AffineCurve.G2.isOnCurve(new AffineCurve.Point<>(qx, qy, false))).as("Q on twist").isTrue();
        }
        return in;
    }

    private static Fq word(byte[] chunk, int i) {
        return Fq.fromBytesBE(Arrays.copyOfRange(chunk, 32 * i, 32 * i + 32));
    }
}
