package io.zkml4j.testchain;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
  * A local Hardhat JSON-RPC node (the pinned {@code hardhat} of test-chain's package.json), run as
  * a child process: {@code node node_modules/hardhat/internal/cli/cli.js node --hostname 127.0.0.1
  * --port <port>} in the test-chain directory, so it picks up {@code hardhat.config.js} (hardfork
  * cancun, chain id 31337, twenty funded accounts from the standard test mnemonic, see
  * {@link DevAccounts}).
  *
  * <p>Usable outside JUnit (a {@code chain} command, a demo): {@link #start()} or
  * {@link #builder()}, then {@link #close()}. {@link HardhatNodeExtension} wraps it for tests.
  *
  * <p>Process hygiene: {@code node} is started directly, never through {@code npx} (killing npx
  * leaves the server running). Standard input is empty; standard output and error go to a log file
  * whose path every failure message names. {@link #close()} destroys the process and its
  * descendants, waits for them, and is idempotent; a JVM shutdown hook does the same if the JVM
  * exits first (the hook is removed again by {@code close()}).
  *
  * <p>HTTP: Hardhat's server speaks HTTP/1.1 only and answers a cleartext HTTP/2 upgrade request
  * ({@code Upgrade: h2c}, which {@link HttpClient} sends by default) with {@code 400 Bad Request}.
  * This class therefore pins its client to HTTP/1.1, and so must any other {@code java.net.http}
  * client talking to the node. web3j's {@code HttpService} (OkHttp) never attempts h2c and works
  * unchanged.
  *
  * <p>Instances are thread-safe.
  */
public final class HardhatNode implements AutoCloseable {

    /** Hardhat's CLI script inside node_modules. */
    public static final String CLI = "hardhat/internal/cli/cli.js";

    /** The chain id test-chain's hardhat.config.js pins (Hardhat's default). */
    public static final long CHAIN_ID = 31337;

    /** Loopback only: the node holds funded accounts with publicly known keys. */
    public static final String HOST = "127.0.0.1";

    /** Default wait for the node to answer {@code eth_chainId}; it starts in about 2 s here. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final int MAX_PORT_ATTEMPTS = 3;
    private static final int LOG_TAIL_CHARS = 4_000;
    private static final Pattern HEX_RESULT = Pattern.compile("\"result\"\\s*:\\s*\"0x([0-9a-fA-F]+)\"");

    private final Process process;
    private final int port;
    private final URI rpcUri;
    private final long chainId;
    private final Path logFile;
    private final List<String> command;
    private final Thread shutdownHook;
    private final Object stopLock = new Object();
    private boolean stopped;

    private HardhatNode(
            Process process, int port, URI rpcUri, long chainId, Path logFile, List<String> command) {
        this.process = process;
        this.port = port;
        this.rpcUri = rpcUri;
        this.chainId = chainId;
        this.logFile = logFile;
        this.command = List.copyOf(command);
        this.shutdownHook = new Thread(this::destroyProcessTree, "hardhat-node-" + port + "-shutdown");
    }

    /** Starts a node on a free loopback port with the defaults of {@link Builder}. */
    public static HardhatNode start() {
        return builder().start();
    }

    /** Options for starting a node. */
    public static Builder builder() {
        return new Builder();
    }

    /** How to start a {@link HardhatNode}; every option has a default. */
    public static final class Builder {
        private NodeTools tools;
        private int port;
        private Path logFile;
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;

        private Builder() {
        }

        /** Node.js and test-chain to use; default {@link NodeTools#locate()}. */
        public Builder tools(NodeTools tools) {
            this.tools = Objects.requireNonNull(tools, "tools");
            return this;
        }

        /**
          * A fixed port, e.g. 8545 for wallets and scripts that expect it. Default 0: a free port
          * chosen at start (retried if another process takes it first).
          */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("Expected a TCP port in [0, 65535] but got " + port);
            }
            this.port = port;
            return this;
        }

        /**
          * Where the node's standard output and error go (overwritten). Default:
          * {@code target/hardhat/hardhat-node-<port>.log} below the working directory when it has a
          * {@code target/} folder (Maven module directories do), otherwise the temporary directory.
          */
        public Builder logFile(Path logFile) {
            this.logFile = Objects.requireNonNull(logFile, "logFile");
            return this;
        }

        /** How long to wait for {@code eth_chainId} to answer before giving up; default 60 s. */
        public Builder startupTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("Expected a positive startup timeout but got " + timeout);
            }
            this.startupTimeout = timeout;
            return this;
        }

        /**
          * Starts the node and waits until it answers {@code eth_chainId}.
          *
          * @throws NodeProcessException if it exits, cannot bind its port, or does not answer in
          *     time; the message names the command, the log file and quotes the log's tail. The
          *     process is stopped before the exception is thrown.
          */
        public HardhatNode start() {
            NodeTools t = tools != null ? tools : NodeTools.locate();
            if (port != 0) {
                return launch(t, port, logFile, startupTimeout);
            }
            NodeProcessException last = null;
            for (int attempt = 0; attempt < MAX_PORT_ATTEMPTS; attempt++) {
                int free = freeLoopbackPort();
                try {
                    return launch(t, free, logFile, startupTimeout);
                } catch (NodeProcessException e) {
                    // Another process may have taken the port between our probe and Hardhat's bind.
                    if (!e.getMessage().contains("EADDRINUSE")) {
                        throw e;
                    }
                    last = e;
                }
            }
            throw last;
        }
    }

    // ---- Accessors ----

    /** The JSON-RPC endpoint, {@code http://127.0.0.1:<port>/}. */
    public String rpcUrl() {
        return rpcUri.toString();
    }

    /** The loopback port the node listens on (HTTP and WebSocket). */
    public int port() {
        return port;
    }

    /** The chain id the node reported at start ({@value #CHAIN_ID} with test-chain's config). */
    public long chainId() {
        return chainId;
    }

    /** The command line that started the node. */
    public List<String> command() {
        return command;
    }

    /** The file receiving the node's output. */
    public Path logFile() {
        return logFile;
    }

    /** The operating-system process id of the {@code node} process. */
    public long pid() {
        return process.pid();
    }

    /** Whether the process is still running. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /** The node's log so far (the last {@code maxChars} characters). */
    public String logTail(int maxChars) {
        return tail(logFile, maxChars);
    }

    /**
      * Sends one JSON-RPC request and returns the raw response body, for calls web3j has no typed
      * method for ({@code evm_snapshot}, {@code evm_revert}, {@code hardhat_setBalance}, ...).
      *
      * @param paramsJson the JSON array of parameters, e.g. {@code "[]"} or {@code "[\"0x1\"]"}
      * @throws IllegalStateException on an HTTP status other than 200 or an I/O failure
      */
    public String rawRpc(String method, String paramsJson) {
        try {
            return post(rpcUri, method, paramsJson, Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new IllegalStateException(method + " to " + rpcUri + " failed: " + e + "; node log: " + logFile, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method, e);
        }
    }

    /**
      * Stops the node: terminates the process and its descendants (forcibly after 5 s) and waits
      * for them to exit, so the port is free when this returns. Idempotent.
      */
    @Override
    public void close() {
        synchronized (stopLock) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook is running or has run.
        }
        destroyProcessTree();
    }

    @Override
    public String toString() {
        return "HardhatNode[" + rpcUri + ", chain " + chainId + ", pid " + process.pid()
                + (process.isAlive() ? "" : ", stopped") + ", log " + logFile + "]";
    }

    // ---- Starting ----

    private static HardhatNode launch(NodeTools tools, int port, Path requestedLog, Duration startupTimeout) {
        Path log = requestedLog != null ? requestedLog : defaultLogFile(port);
        try {
            Path parent = log.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory of log file " + log, e);
        }
        List<String> command = new ArrayList<>();
        command.add(tools.node().toString());
        command.add(tools.packageFile(CLI).toString());
        command.addAll(List.of("node", "--hostname", HOST, "--port", Integer.toString(port)));
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(tools.testChainDir().toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                        .redirectOutput(log.toFile())
                        .redirectErrorStream(true);
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("HARDHAT_DISABLE_TELEMETRY_PROMPT", "true");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new NodeProcessException(
                    "Cannot start " + NodeProcessException.commandLine(command) + ": " + e.getMessage(),
                    new ProcessResult(command, -1, "", "", Duration.ZERO),
                    e);
        }
        URI uri = URI.create("http://" + HOST + ":" + port + "/");
        long startNanos = System.nanoTime();
        // Registered before waiting, so an interrupted or failed start still cleans up on exit.
        Thread earlyHook = new Thread(() -> destroyTree(process), "hardhat-node-" + port + "-startup");
        Runtime.getRuntime().addShutdownHook(earlyHook);
        long chainId;
        try {
            chainId = awaitChainId(process, uri, startupTimeout, command, log, startNanos);
        } catch (RuntimeException e) {
            destroyTree(process);
            removeHook(earlyHook);
            throw e;
        }
        HardhatNode node = new HardhatNode(process, port, uri, chainId, log, command);
        Runtime.getRuntime().addShutdownHook(node.shutdownHook);
        removeHook(earlyHook);
        return node;
    }

    private static long awaitChainId(
            Process process, URI uri, Duration timeout, List<String> command, Path log, long startNanos) {
        long deadline = startNanos + timeout.toNanos();
        IOException lastError = null;
        while (true) {
            if (!process.isAlive()) {
                throw startupFailure(
                        "Hardhat node exited with status " + process.exitValue() + " before answering",
                        command, log, process.exitValue(), startNanos, null);
            }
            try {
                String body = post(uri, "eth_chainId", "[]", Duration.ofSeconds(2));
                Matcher m = HEX_RESULT.matcher(body);
                if (m.find()) {
                    return Long.parseLong(m.group(1), 16);
                }
                throw startupFailure("Unexpected eth_chainId answer " + body, command, log, -1, startNanos, null);
            } catch (IOException e) {
                // Not listening yet (connection refused) or slow to answer: poll again.
                lastError = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw startupFailure("Interrupted while waiting for the Hardhat node", command, log, -1, startNanos, e);
            }
            if (System.nanoTime() - deadline > 0) {
                throw startupFailure(
                        "Hardhat node did not answer eth_chainId at " + uri + " within " + timeout.toSeconds()
                                + " s (last error: " + lastError + ")",
                        command, log, -1, startNanos, lastError);
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw startupFailure("Interrupted while waiting for the Hardhat node", command, log, -1, startNanos, e);
            }
        }
    }

    private static NodeProcessException startupFailure(
            String what, List<String> command, Path log, int exitCode, long startNanos, Throwable cause) {
        String output = tail(log, LOG_TAIL_CHARS);
        ProcessResult result =
                new ProcessResult(command, exitCode, output, "", Duration.ofNanos(System.nanoTime() - startNanos));
        return new NodeProcessException(
                what + ": " + NodeProcessException.commandLine(command) + "\nlog file: " + log.toAbsolutePath()
                        + "\n--- log tail ---\n" + output,
                result,
                cause);
    }

    /** One JSON-RPC POST over HTTP/1.1 (see the class comment for why not HTTP/2). */
    private static String post(URI uri, String method, String paramsJson, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(uri)
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":"
                                        + paramsJson + "}"))
                        .build();
        HttpResponse<String> response = HttpClientHolder.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + uri + ": " + response.body());
        }
        return response.body();
    }

    private static final class HttpClientHolder {
        static final HttpClient CLIENT =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(2))
                        .build();
    }

    // ---- Stopping ----

    private void destroyProcessTree() {
        destroyTree(process);
    }

    private static void destroyTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            for (ProcessHandle child : descendants) {
                if (child.isAlive()) {
                    child.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Shutting down already.
        }
    }

    // ---- Helpers ----

    /** A port that was free on the loopback interface a moment ago. */
    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free loopback port", e);
        }
    }

    /** Whether something accepts connections on the loopback port. */
    static boolean isListening(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName(HOST), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path defaultLogFile(int port) {
        Path target = Path.of(System.getProperty("user.dir"), "target");
        Path dir = Files.isDirectory(target)
                ? target.resolve("hardhat")
                : Path.of(System.getProperty("java.io.tmpdir"), "zkml4j-hardhat");
        return dir.resolve("hardhat-node-" + port + ".log").toAbsolutePath();
    }

    private static String tail(Path file, int maxChars) {
        try {
            String text = NodeTools.stripAnsi(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            return text.length() <= maxChars ? text : "..." + text.substring(text.length() - maxChars);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
