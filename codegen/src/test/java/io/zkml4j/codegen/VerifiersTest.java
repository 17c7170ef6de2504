package io.zkml4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifiersTest {

    @TempDir
    Path dir;

    @Test
    void writesTheSameTextAsTheGenerator() throws IOException {
        Path vk = GoldenVerifierTest.vkFile(16).toAbsolutePath();
        Path out = dir.resolve("nested/Verifier.sol");
        VerifierTemplateModel model = Verifiers.writeSolidity(vk, out);
        assertThat(model.publicInputCount()).isEqualTo(16);
        assertThat(Files.readString(out)).isEqualTo(Files.readString(GoldenVerifierTest.solFile(16)));
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out); // no temporary file left behind
        }
    }

    @Test
    void namesTheKeyFileWhenItIsInvalidAndLeavesTheOutputAlone() throws IOException {
        Path vk = Files.writeString(dir.resolve("verification_key.json"), "{\"protocol\": \"plonk\"}");
        Path out = Files.writeString(dir.resolve("Verifier.sol"), "old");
        assertThatThrownBy(() -> Verifiers.writeSolidity(vk, out))
                .isInstanceOf(CodegenException.class)
                .hasMessageContaining("verification_key.json");
        assertThat(Files.readString(out)).isEqualTo("old");
    }

    @Test
    void reportsAMissingKeyFile() {
        assertThatThrownBy(() -> Verifiers.writeSolidity(dir.resolve("none.json"), dir.resolve("V.sol")))
                .isInstanceOf(CodegenException.class)
                .hasMessageContaining("none.json");
    }
}
