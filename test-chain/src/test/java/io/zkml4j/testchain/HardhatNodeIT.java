package io.zkml4j.testchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link HardhatNode} as a plain process helper, outside the JUnit extension. */
class HardhatNodeIT {

    @TempDir Path temp;

    @Test
    void startsAnswersAndFreesItsPortWhenClosed() throws Exception {
        Path log = temp.resolve("node.log");
        HardhatNode node = HardhatNode.builder().logFile(log).start();
        int port = node.port();
        long pid = node.pid();
        try {
            assertThat(node.chainId()).isEqualTo(HardhatNode.CHAIN_ID);
            assertThat(node.rpcUrl()).isEqualTo("http://127.0.0.1:" + port + "/");
            assertThat(node.isRunning()).isTrue();
            assertThat(HardhatNode.isListening(port)).isTrue();
            // 10,000 ETH = 0x21e19e0c9bab2400000 wei for dev account 0.
            assertThat(node.rawRpc("eth_getBalance", "[\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\",\"latest\"]"))
                    .contains("\"result\":\"0x21e19e0c9bab2400000\"");
            assertThat(node.logTail(10_000)).contains("Started HTTP and WebSocket JSON-RPC server at");
            assertThat(log).isRegularFile();
        } finally {
            node.close();
        }
        assertThat(node.isRunning()).isFalse();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(HardhatNode.isListening(port)).isFalse();
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(HardhatNode.HOST), port));
        }
        node.close(); // idempotent
    }

    @Test
    void failsWithTheLogWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName(HardhatNode.HOST), 0));
            Path log = temp.resolve("taken.log");
            assertThatThrownBy(() -> HardhatNode.builder().port(taken.getLocalPort()).logFile(log).start())
                    .isInstanceOf(NodeProcessException.class)
                    .hasMessageContaining("exited with status")
                    .hasMessageContaining("log file: " + log)
                    .hasMessageContaining("EADDRINUSE");
        }
    }

    /**
      * Why the harness pins HTTP/1.1: Java's default client offers a cleartext HTTP/2 upgrade, which
      * Hardhat answers with 400. If Hardhat ever accepts it, this test tells us the workaround can go.
      */
    @Test
    void hardhatRejectsTheH2cUpgradeJavasDefaultClientSends() throws Exception {
        try (HardhatNode node = HardhatNode.builder().logFile(temp.resolve("h2c.log")).start()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(node.rpcUrl()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                    .build();
            HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
            HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            assertThat(http2.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
            assertThat(http11.send(request, HttpResponse.BodyHandlers.ofString()).body()).contains("0x7a69");
        }
    }

    @Test
    void theShutdownHookStopsANodeTheJvmForgot() throws Exception {
        String javaExe = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(javaExe, "-cp", System.getProperty("java.class.path"),
                "-D" + NodeTools.DIR_PROPERTY + "=" + NodeTools.locate().testChainDir(),
                ShutdownHookProbe.class.getName(), temp.resolve("forgotten.log").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(child.getInputStream().readAllBytes()).strip();
        assertThat(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();

        String[] portAndPid = out.split(" ");
        int port = Integer.parseInt(portAndPid[0]);
        long pid = Long.parseLong(portAndPid[1]);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(HardhatNode.isListening(port)).isFalse();
    }
}
