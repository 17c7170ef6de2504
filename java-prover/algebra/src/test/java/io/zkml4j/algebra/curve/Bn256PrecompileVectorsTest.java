package io.zkml4j.algebra.curve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.InvalidEncodingException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * go-ethereum's EIP-196 precompile vectors ({@code src/test/resources/vectors/}, see the README there)
 * run through G1 addition, scalar multiplication and the EVM encoding, with the precompiles' input
 * rule: the input is right-padded with zeros (or truncated) to 128 bytes for ECADD, 96 for ECMUL.
 */
class Bn256PrecompileVectorsTest {

    record Vector(String name, byte[] input, byte[] expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Vector> load(String resource) throws IOException {
        String json;
        try (InputStream in = Bn256PrecompileVectorsTest.class.getResourceAsStream("/vectors/" + resource)) {
            assertThat(in).as("resource %s", resource).isNotNull();
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Vector> out = new ArrayList<>();
        Matcher object = Pattern.compile("\\{([^}]*)}").matcher(json);
        while (object.find()) {
            String body = object.group(1);
            out.add(new Vector(field(body, "Name"), HexFormat.of().parseHex(field(body, "Input")),
                    HexFormat.of().parseHex(field(body, "Expected"))));
        }
        return out;
    }

    private static String field(String body, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("No " + key + " in " + body);
        }
        return m.group(1);
    }

    /** ECADD (0x06) on our implementation. */
    static byte[] ecAdd(byte[] input) {
        byte[] in = Arrays.copyOf(input, 128);
        G1Affine a = G1Affine.fromEvmBytes(Arrays.copyOfRange(in, 0, 64));
        G1Affine b = G1Affine.fromEvmBytes(Arrays.copyOfRange(in, 64, 128));
        return a.add(b).toEvmBytes();
    }

    /** ECMUL (0x07) on our implementation; the scalar is any 256-bit integer. */
    static byte[] ecMul(byte[] input) {
        byte[] in = Arrays.copyOf(input, 96);
        G1Affine p = G1Affine.fromEvmBytes(Arrays.copyOfRange(in, 0, 64));
        return p.mul(new BigInteger(1, Arrays.copyOfRange(in, 64, 96))).toEvmBytes();
    }

    static List<Vector> addVectors() throws IOException {
        return load("bn256Add.json");
    }

    static List<Vector> mulVectors() throws IOException {
        return load("bn256ScalarMul.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addVectors")
    void ecAddMatchesGoEthereum(Vector v) {
        assertThat(HexFormat.of().formatHex(ecAdd(v.input()))).isEqualTo(HexFormat.of().formatHex(v.expected()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mulVectors")
    void ecMulMatchesGoEthereum(Vector v) {
        assertThat(HexFormat.of().formatHex(ecMul(v.input()))).isEqualTo(HexFormat.of().formatHex(v.expected()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mulVectors")
    void ecMulOfTheSamePointAgreesWithTheMsm(Vector v) {
        byte[] in = Arrays.copyOf(v.input(), 96);
        G1Affine p = G1Affine.fromEvmBytes(Arrays.copyOfRange(in, 0, 64));
        BigInteger k = new BigInteger(1, Arrays.copyOfRange(in, 64, 96));
        G1Jacobian viaMsm = Msm.g1(new G1Affine[] {p}, new io.zkml4j.algebra.field.Fr[] {
                io.zkml4j.algebra.field.Fr.reduce(k)});
        assertThat(viaMsm.toAffine().toEvmBytes()).isEqualTo(v.expected());
    }

    static List<Arguments> mustFail() {
        String g = "0000000000000000000000000000000000000000000000000000000000000001"
                + "0000000000000000000000000000000000000000000000000000000000000002";
        String offCurve = "0000000000000000000000000000000000000000000000000000000000000001"
                + "0000000000000000000000000000000000000000000000000000000000000003";
        String xIsP = Bn254.P.toString(16) + "0000000000000000000000000000000000000000000000000000000000000002";
        String pad = "00".repeat(32);
        return List.of(
                Arguments.of("add: first point off the curve", true, offCurve + g),
                Arguments.of("add: second point off the curve", true, g + offCurve),
                Arguments.of("add: x = p", true, xIsP + g),
                Arguments.of("add: short input off the curve after padding", true, offCurve.substring(0, 100)),
                Arguments.of("mul: point off the curve", false, offCurve + pad),
                Arguments.of("mul: x = p", false, xIsP + pad));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mustFail")
    void invalidPrecompileInputsFail(String name, boolean add, String hex) {
        byte[] input = HexFormat.of().parseHex(hex);
        assertThatThrownBy(() -> {
            if (add) {
                ecAdd(input);
            } else {
                ecMul(input);
            }
        }).as(name).isInstanceOf(InvalidEncodingException.class);
    }
}
