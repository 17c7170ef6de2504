package io.zkml4j.codegen;

import io.zkml4j.groth16.VerifyingKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;

/**
 * Generates the Solidity verifier of a Groth16 BN254 verifying key: the template
 * {@code Groth16Verifier.sol.tmpl} (next to this class on the classpath) filled with a
 * {@link VerifierTemplateModel}.
 *
 * <p>The contract has the stable entry point {@code verifyProof(uint256[8] proof, uint256[] input)}
 * of {@code IZkmlVerifier} and, when the circuit has public inputs, snarkjs's shape
 * {@code verifyProof(uint256[2] a, uint256[2][2] b, uint256[2] c, uint256[N] input)}. Execution
 * costs one ecMul and one ecAdd per public input and one 4-pair pairing: about
 * {@code 181,100 + 6,350·N} gas in precompile calls plus a few hundred gas of glue (see
 * codegen/README.md for measurements). Rejection semantics are in the contract's NatSpec and in
 * {@code IZkmlVerifier.sol}.
 *
 * <p>Output is deterministic: the same key and options give the same bytes (LF line endings).
 */
public final class SolidityVerifierGenerator {

    /** Classpath resource of the template, relative to this class. */
    public static final String TEMPLATE = "Groth16Verifier.sol.tmpl";

    private static final Template PARSED = Template.parse(TEMPLATE, readResource(TEMPLATE));
    private static final String VERSION = readVersion();

    private SolidityVerifierGenerator() {
    }

    /** The verifier for {@code vk} with {@link SolidityExportOptions#defaults()}. */
    public static String generate(VerifyingKey vk) {
        return generate(vk, SolidityExportOptions.defaults());
    }

    /**
     * The verifier for {@code vk}.
     *
     * @throws CodegenException if the key is degenerate (a point at infinity, or gamma = delta
     *     unless the options allow it)
     */
    public static String generate(VerifyingKey vk, SolidityExportOptions options) {
        return render(model(vk, options));
    }

    /** The template model for {@code vk}, e.g. to inspect the constants a verifier will carry. */
    public static VerifierTemplateModel model(VerifyingKey vk, SolidityExportOptions options) {
        return VerifierTemplateModel.of(Objects.requireNonNull(vk, "vk"), options, VERSION);
    }

    /** Renders a model with the verifier template. */
    public static String render(VerifierTemplateModel model) {
        return PARSED.render(model.toContext());
    }

    /** zkml4j-codegen's version, as printed in generated headers. */
    public static String version() {
        return VERSION;
    }

    private static String readResource(String name) {
        try (InputStream in = SolidityVerifierGenerator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + name + " next to "
                        + SolidityVerifierGenerator.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    private static String readVersion() {
        Properties p = new Properties();
        try (InputStream in = SolidityVerifierGenerator.class.getResourceAsStream("codegen.properties")) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource codegen.properties");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read codegen.properties", e);
        }
        String v = p.getProperty("version", "");
        if (v.isBlank() || v.contains("${")) {
            throw new IllegalStateException("codegen.properties was not filtered by the build: version=" + v);
        }
        return v;
    }
}
