package io.zkml4j.algebra.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
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
     * (the imaginary part first); all-zero coordinates mean the point at infinity. Decoded with the
     * production point decoders, which also check every point is on its curve and in its subgroup.
     */
    static PairingInput decode(byte[] chunk) {
        G1Affine p = G1Affine.fromEvmBytes(Arrays.copyOfRange(chunk, 0, 64));
        G2Affine q = G2Affine.fromEvmBytes(Arrays.copyOfRange(chunk, 64, 192));
        return PairingInput.of(p, q);
    }
}
