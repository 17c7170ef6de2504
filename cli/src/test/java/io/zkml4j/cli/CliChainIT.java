package io.zkml4j.cli;

import static io.zkml4j.cli.CliRun.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.testchain.DevAccounts;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher end to end on a local chain, as a user would type it in a shell (relative paths,
 * a working directory far from the repository): {@code zkml4j chain} in the background, then
 * {@code verifier solidity}, {@code deploy --verify} with a Hardhat dev key in an environment variable
 * (accepted, then a tampered {@code public.json} rejected with exit 1), and SIGTERM stopping the chain
 * with its node and port.
 */
@Timeout(180)
class CliChainIT {

    private static final Pattern RPC_LINE = Pattern.compile("^RPC URL:\\s+(http://127\\.0\\.0\\.1:(\\d+)/)$");
    private static final Pattern NODE_PID = Pattern.compile("^node pid (\\d+),");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");

    private static Path launcher;

    @TempDir
    Path dir;

    private Process chain;

    @BeforeAll
    static void locate() {
        launcher = LauncherRun.launcher();
    }

    @AfterEach
    void stopChain() throws InterruptedException {
        if (chain != null && chain.isAlive()) { // a failed test: do not leave the node behind
            chain.destroy();
            if (!chain.waitFor(20, TimeUnit.SECONDS)) {
                chain.destroyForcibly();
            }
        }
    }

    private LauncherRun zkml4j(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return LauncherRun.of(launcher, dir, env, args);
    }

    /** Reads {@code stream}'s lines into a queue on a daemon thread. */
    private static BlockingQueue<String> lines(java.io.InputStream stream, String name) {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    queue.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "CliChainIT-" + name);
        t.setDaemon(true);
        t.start();
        return queue;
    }

    /** The first line of {@code queue} matching {@code pattern}, waiting up to {@code timeout}. */
    private static Matcher await(BlockingQueue<String> queue, Pattern pattern, Duration timeout, List<String> seen)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = queue.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    return m;
                }
            }
        }
        throw new AssertionError("no line matching " + pattern + " within " + timeout + "; saw:\n"
                + String.join("\n", seen));
    }

    private static String rpc(String url, String method) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1) // Hardhat refuses h2c
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}"))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void chainVerifierSolidityDeployVerifyAndStop() throws Exception {
        // 1. zkml4j chain, in the background
        chain = new ProcessBuilder(launcher.toString(), "chain").directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        BlockingQueue<String> chainOut = lines(chain.getInputStream(), "stdout");
        BlockingQueue<String> chainErr = lines(chain.getErrorStream(), "stderr");
        List<String> seenOut = new ArrayList<>();
        List<String> seenErr = new ArrayList<>();
        Matcher rpcLine = await(chainOut, RPC_LINE, Duration.ofSeconds(90), seenOut);
        String rpcUrl = rpcLine.group(1);
        int port = Integer.parseInt(rpcLine.group(2));
        long nodePid = Long.parseLong(await(chainErr, NODE_PID, Duration.ofSeconds(10), seenErr).group(1));
        await(chainOut, Pattern.compile("Never use them on a real network"), Duration.ofSeconds(10), seenOut);
        assertThat(String.join("\n", seenOut)).contains("Chain id: 31337")
                .contains("#0 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        assertThat(rpc(rpcUrl, "eth_chainId")).contains("\"result\":\"0x7a69\""); // 31337

        // 2. zkml4j verifier solidity
        fixture(dir, "verification_key.json");
        fixture(dir, "proof.json");
        fixture(dir, "public.json");
        Map<String, String> none = Map.of();
        LauncherRun solidity = zkml4j(none, "verifier", "solidity", "verification_key.json", "Verifier.sol");
        assertThat(solidity.exitCode()).as(solidity.toString()).isZero();
        assertThat(Files.readString(dir.resolve("Verifier.sol"))).contains("contract Groth16Verifier");

        // 3. zkml4j deploy --verify, with a dev key in an environment variable
        String devKey = DevAccounts.account(0).getEcKeyPair().getPrivateKey().toString(16);
        Map<String, String> env = Map.of("ZKML_IT_KEY", "0x" + devKey);
        LauncherRun deploy = zkml4j(env, "deploy", "--rpc", rpcUrl, "--chain-id", "31337", "--key-env", "ZKML_IT_KEY",
                "Verifier.sol", "--verify", "proof.json", "public.json");
        assertThat(deploy.exitCode()).as(deploy.toString()).isZero();
        List<String> outLines = deploy.out().lines().toList();
        assertThat(outLines).hasSize(2);
        assertThat(outLines.get(0)).matches(ADDRESS);
        assertThat(outLines.get(1)).isEqualTo("true");
        assertThat(deploy.err()).contains("Groth16Verifier deployed at " + outLines.get(0))
                .containsPattern("deployment gas \\d{3},\\d{3}").doesNotContain(devKey);

        // 4. a tampered public.json: exit 1, false
        String pub = Files.readString(dir.resolve("public.json"));
        Files.writeString(dir.resolve("tampered.json"), pub.replace("\"5\"", "\"6\""));
        LauncherRun tampered = zkml4j(env, "deploy", "--rpc", rpcUrl, "--key-env", "ZKML_IT_KEY", "Verifier.sol",
                "--verify", "proof.json", "tampered.json");
        assertThat(tampered.exitCode()).as(tampered.toString()).isEqualTo(ExitCodes.INVALID_PROOF);
        assertThat(tampered.out()).matches("0x[0-9a-f]{40}\nfalse\n");
        assertThat(tampered.out()).doesNotStartWith(outLines.get(0)); // a second contract

        // 5. the wrong chain id: refused before anything is signed
        LauncherRun wrongChain = zkml4j(env, "deploy", "--rpc", rpcUrl, "--chain-id", "1", "--key-env", "ZKML_IT_KEY",
                "Verifier.sol");
        assertThat(wrongChain.exitCode()).as(wrongChain.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(wrongChain.err()).startsWith("zkml4j deploy: The node at " + rpcUrl + " reports chain id 31337");
        assertThat(wrongChain.out()).isEmpty();

        // 6. SIGTERM stops the chain, its node, and frees the port. (Through the ProcessHandle:
        // Process.destroy() would also close our ends of the pipes, losing the last stderr line.)
        assertThat(chain.toHandle().destroy()).as("SIGTERM sent").isTrue();
        assertThat(chain.waitFor(30, TimeUnit.SECONDS)).as("chain exits after SIGTERM").isTrue();
        assertThat(chain.exitValue()).isEqualTo(143);
        assertThat(ProcessHandle.of(nodePid).map(ProcessHandle::isAlive).orElse(false))
                .as("the node process is gone").isFalse();
        assertThat(listening(port)).as("port " + port + " is free").isFalse();
        await(chainErr, Pattern.compile("^stopping the Hardhat node \\(pid " + nodePid + "\\)"),
                Duration.ofSeconds(5), seenErr);
    }
}
