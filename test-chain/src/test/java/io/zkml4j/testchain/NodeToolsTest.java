package io.zkml4j.testchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lookup and formatting logic that needs no Node.js. */
class NodeToolsTest {

    @TempDir Path temp;

    private Path fakeTestChain(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve("package.json"), "{\n  \"name\": \"zkml4j-test-chain\",\n  \"private\": true\n}\n");
        return dir;
    }

    @Test
    void findsTestChainAsAChildOfAnAncestorOfTheWorkingDirectory() throws IOException {
        Path repo = temp.resolve("repo");
        Path testChain = fakeTestChain(repo.resolve("test-chain"));
        Path module = Files.createDirectories(repo.resolve("java-prover/groth16/target"));

        assertThat(NodeTools.findTestChainDir(module)).contains(testChain);
        assertThat(NodeTools.findTestChainDir(repo)).contains(testChain);
    }

    @Test
    void findsTestChainWhenStartingInsideIt() throws IOException {
        Path testChain = fakeTestChain(temp.resolve("repo/test-chain"));
        Path inside = Files.createDirectories(testChain.resolve("src/test"));

        assertThat(NodeTools.findTestChainDir(inside)).contains(testChain);
    }

    @Test
    void ignoresAnotherNpmProjectNamedTestChain() throws IOException {
        Path other = Files.createDirectories(temp.resolve("elsewhere/test-chain"));
        Files.writeString(other.resolve("package.json"), "{\"name\": \"someone-elses-chain\"}");

        assertThat(NodeTools.findTestChainDir(temp.resolve("elsewhere"))).isEmpty();
    }

    @Test
    void atRejectsADirectoryWithoutInstalledNodeModules() throws IOException {
        Path testChain = fakeTestChain(temp.resolve("test-chain"));

        assertThatThrownBy(() -> NodeTools.at(testChain, Path.of("node")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("node_modules is not installed")
                .hasMessageContaining("install-node-modules.sh");
    }

    @Test
    void findsOnlyExecutableFilesOnThePath() throws IOException {
        Path a = Files.createDirectories(temp.resolve("a"));
        Path b = Files.createDirectories(temp.resolve("b"));
        Files.writeString(a.resolve("node"), "not executable");
        Path executable = Files.writeString(b.resolve("node"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));

        String path = a + java.io.File.pathSeparator + java.io.File.pathSeparator + b;
        assertThat(NodeTools.findOnPath("node", path)).contains(executable);
        assertThat(NodeTools.findOnPath("node", a.toString())).isEmpty();
    }

    @Test
    void stripsAnsiColourEscapes() {
        String coloured = "\u001B[32;22m[INFO]  \u001B[39;1msnarkJS\u001B[0m: OK!";

        assertThat(NodeTools.stripAnsi(coloured)).isEqualTo("[INFO]  snarkJS: OK!");
    }

    @Test
    void failureMessageQuotesTheCommandForAShellAndShowsBothStreams() {
        List<String> command =
                List.of("/usr/bin/node", "cli.cjs", "zkey", "contribute", "--name=first contributor", "it's");
        ProcessResult result = new ProcessResult(command, 1, "some log", "Error: boom", Duration.ofMillis(1500));

        NodeProcessException e = NodeProcessException.failed(result);

        assertThat(e.getMessage())
                .contains("exited with status 1 after 1.5 s")
                .contains("/usr/bin/node cli.cjs zkey contribute '--name=first contributor' 'it'\\''s'")
                .contains("--- stderr ---\nError: boom")
                .contains("--- stdout ---\nsome log");
        assertThat(e.result()).isSameAs(result);
    }

    @Test
    void requireSuccessPassesZeroAndRejectsOtherExitCodes() {
        ProcessResult ok = new ProcessResult(List.of("node"), 0, "", "", Duration.ZERO);
        ProcessResult bad = new ProcessResult(List.of("node"), 2, "", "", Duration.ZERO);

        assertThat(ok.requireSuccess()).isSameAs(ok);
        assertThatThrownBy(bad::requireSuccess)
                .isInstanceOf(NodeProcessException.class)
                .hasMessageContaining("status 2");
    }
}
