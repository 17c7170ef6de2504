package io.zkml4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.algebra.test.GoldenFile;
import io.zkml4j.groth16.VerifyingKey;
import io.zkml4j.groth16.json.SnarkjsJson;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Step 1 of 3 for generated code (golden, compile, execute): the verifiers of three fixed keys,
 * byte for byte. Regenerate with {@code -Dzkml.golden.update=true} (see {@link GoldenFile}).
 */
class GoldenVerifierTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final int[] INPUT_COUNTS = {1, 3, 16};

    /** The options each golden file is generated with: 3 inputs exercises every non-default. */
    static SolidityExportOptions options(int nPublic) {
        if (nPublic == 3) {
            return SolidityExportOptions.builder()
                    .contractName("ThreeInputVerifier")
                    .pragma("0.8.28")
                    .spdxLicense("Apache-2.0")
                    .implementsInterface(false)
                    .build();
        }
        return SolidityExportOptions.defaults();
    }

    static Path vkFile(int nPublic) {
        return GOLDEN.resolve("groth16_bn254_" + nPublic + "inputs.vk.json");
    }

    static Path solFile(int nPublic) {
        return GOLDEN.resolve("groth16_bn254_" + nPublic + "inputs.sol");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 16})
    void verifyingKeyMatchesGolden(int nPublic) {
        VerifyingKey vk = TestKeys.deterministic(nPublic, 0x5eed0000L + nPublic);
        GoldenFile.assertMatches(vkFile(nPublic), SnarkjsJson.verificationKeyJson(vk));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 16})
    void verifierMatchesGolden(int nPublic) {
        VerifyingKey vk = TestKeys.deterministic(nPublic, 0x5eed0000L + nPublic);
        String sol = SolidityVerifierGenerator.generate(vk, options(nPublic));
        GoldenFile.assertMatches(solFile(nPublic), sol);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 16})
    void committedKeyFileGeneratesTheCommittedVerifier(int nPublic) throws Exception {
        VerifyingKey vk = SnarkjsJson.readVerificationKey(vkFile(nPublic));
        assertThat(vk.nPublic()).isEqualTo(nPublic);
        String sol = SolidityVerifierGenerator.generate(vk, options(nPublic));
        assertThat(sol).isEqualTo(java.nio.file.Files.readString(solFile(nPublic)));
    }
}
