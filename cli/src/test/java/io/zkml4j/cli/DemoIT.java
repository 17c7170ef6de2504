package io.zkml4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zkml4j demo} through the real launcher, as a user types it: the bundled digits MLP compiled,
 * set up, proven, and verified by a verifier contract on a local Hardhat node (needs Node.js and
 * test-chain/node_modules, as {@link CliChainIT}). Checks the on-chain answer, the digit, the report and
 * that the node is gone afterwards.
 */
@Timeout(300)
class DemoIT {

    @TempDir
    Path dir;

    @Test
    void demoProvesADigitAndTheContractAcceptsIt() throws Exception {
        Path launcher = Path.of(System.getProperty("zkml4j.launcher", "../zkml4j")).toAbsolutePath().normalize();
        Path out = dir.resolve("out");
        Path stdout = dir.resolve("demo.out");
        Path stderr = dir.resolve("demo.err");
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "demo", "--out", out.toString())
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Process p = pb.start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
            throw new AssertionError("zkml4j demo did not finish in 240 s; stderr:\n"
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        String o = Files.readString(stdout, StandardCharsets.UTF_8);
        String e = Files.readString(stderr, StandardCharsets.UTF_8);
        String shown = "exit " + p.exitValue() + "\n--- stdout ---\n" + o + "\n--- stderr ---\n" + e;
        assertThat(p.exitValue()).as(shown).isZero();
        assertThat(o).as(shown).containsPattern("predicted digit +6 +\\(true label 6; PyTorch predicts 6\\)")
                .containsPattern("verified on chain +true +\\(verifyProof by eth_call; with one output changed: false\\)")
                .containsPattern("proof size +256 bytes")
                .containsPattern("gas +deployment \\d{3},\\d{3}; verifyProof transaction \\d{3},\\d{3}")
                .contains("total");
        for (int i = 1; i <= 8; i++) {
            assertThat(e).contains("[" + i + "/8] ");
        }
        assertThat(out.resolve("proof/proof.json")).isRegularFile();
        assertThat(out.resolve("model/verification_key.json")).isRegularFile();
        assertThat(out.resolve("Verifier.sol")).isRegularFile();
        // the node is stopped: its log says where it listened, and nothing answers there any more
        String log = Files.readString(out.resolve("hardhat-node.log"), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(log);
        if (m.find()) {
            int port = Integer.parseInt(m.group(1));
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
                throw new AssertionError("the Hardhat node still listens on port " + port);
            } catch (java.io.IOException expected) {
                // closed
            }
        }
    }
}
