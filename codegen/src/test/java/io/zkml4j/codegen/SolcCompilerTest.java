package io.zkml4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the compiler driver that need no Node.js. */
class SolcCompilerTest {

    @TempDir
    Path dir;

    @Test
    void rejectsADirectoryThatIsNotTestChain() {
        assertThatThrownBy(() -> SolcCompiler.at(dir, Path.of("/usr/bin/node")))
                .isInstanceOf(CodegenException.class)
                .hasMessageContaining("is not zkml4j's test-chain directory");
    }

    @Test
    void explainsThatNodeIsRequiredWhenItDoesNotRun() throws IOException {
        Path fakeChain = Files.createDirectories(dir.resolve("test-chain"));
        Files.writeString(fakeChain.resolve("package.json"), "{\"name\": \"zkml4j-test-chain\"}");
        Files.createDirectories(fakeChain.resolve("scripts"));
        Files.writeString(fakeChain.resolve(SolcCompiler.SCRIPT), "");
        Files.createDirectories(fakeChain.resolve("node_modules/solc"));
        Files.writeString(fakeChain.resolve("node_modules/solc/package.json"), "{}");

        assertThatThrownBy(() -> SolcCompiler.at(fakeChain, dir.resolve("no-such-node")))
                .isInstanceOf(CodegenException.class)
                .hasMessageStartingWith("Node.js >= 20 is required to compile Solidity: ");
    }

    @Test
    void explainsHowToInstallSolcWhenNodeModulesAreMissing() throws IOException {
        Path fakeChain = Files.createDirectories(dir.resolve("test-chain"));
        Files.writeString(fakeChain.resolve("package.json"), "{\"name\": \"zkml4j-test-chain\"}");
        Files.createDirectories(fakeChain.resolve("scripts"));
        Files.writeString(fakeChain.resolve(SolcCompiler.SCRIPT), "");

        assertThatThrownBy(() -> SolcCompiler.at(fakeChain, Path.of("/usr/bin/node")))
                .isInstanceOf(CodegenException.class)
                .hasMessageContaining("solc-js is not installed")
                .hasMessageContaining("install-node-modules.sh");
    }

    @Test
    void findsTestChainWalkingUpFromASubdirectory() {
        Path here = Path.of("").toAbsolutePath();
        assertThat(io.zkml4j.testchain.NodeTools.findTestChainDir(here)).hasValueSatisfying(p ->
                assertThat(p.getFileName().toString()).isEqualTo("test-chain"));
    }

    @Test
    void compiledContractNormalisesHexAndRejectsGarbage() {
        CompiledContract c = new CompiledContract("C", "C.sol", "0.8.28", "[ ]", "0x60AB", "ab", java.util.List.of());
        assertThat(c.bytecode()).isEqualTo("60ab");
        assertThat(c.abiJson()).isEqualTo("[]");
        assertThat(c.deployedSize()).isEqualTo(1);
        assertThatThrownBy(() -> new CompiledContract("C", "C.sol", "v", "[]", "6", "", java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("even-length hex");
        assertThatThrownBy(() -> new CompiledContract("C", "C.sol", "v", "{}", "", "", java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON array");
        assertThatThrownBy(() -> new CompiledContract("C", "C.sol", "v", "[", "", "", java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
    }
}
