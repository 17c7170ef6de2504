package io.zkml4j.deployer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthChainId;
import org.web3j.protocol.http.HttpService;

/**
  * Where to deploy: a JSON-RPC URL and the chain id the caller expects there.
  *
  * <p>From flags ({@link #of}) or a small file ({@link #load}): JSON
  * {@code {"rpcUrl": "http://127.0.0.1:8545", "chainId": 31337}} or properties
  * {@code rpc.url=…} / {@code chain.id=…}. {@link #connect()} checks the node's
  * {@code eth_chainId} against the expected id before anything is signed: EIP-155 signatures
  * include the chain id, so a mismatch would at best be refused and at worst deploy to the wrong
  * network.
  *
  * <p>RPC URLs often carry an API key in their path or query; {@link #toString()} and every error
  * message show only scheme, host and port ({@link #redactedUrl()}).
  *
  * @param rpcUrl an {@code http(s)} JSON-RPC endpoint
  * @param chainId the expected chain id (31337 for the local Hardhat node)
  */
public record NetworkConfig(String rpcUrl, long chainId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public NetworkConfig {
        Objects.requireNonNull(rpcUrl, "rpcUrl");
        URI uri;
        try {
            uri = new URI(rpcUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Expected an http(s) RPC URL but got an unparsable one", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("Expected an http(s) RPC URL but got " + redact(uri));
        }
        if (chainId <= 0) {
            throw new IllegalArgumentException("Expected a positive chain id but got " + chainId);
        }
    }

    /** From command-line flags. */
    public static NetworkConfig of(String rpcUrl, long chainId) {
        return new NetworkConfig(rpcUrl, chainId);
    }

    /**
      * Reads a {@code .json} file ({@code rpcUrl}, {@code chainId}) or any other file as Java
      * properties ({@code rpc.url}, {@code chain.id}).
      *
      * @throws DeploymentException naming the file and the missing or malformed entry
      */
    public static NetworkConfig load(Path file) {
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                JsonNode root = JSON.readTree(file.toFile());
                if (root == null || !root.isObject()) {
                    throw new DeploymentException(file + ": expected a JSON object {\"rpcUrl\": …, \"chainId\": …}");
                }
                JsonNode url = root.get("rpcUrl");
                JsonNode id = root.get("chainId");
                if (url == null || !url.isTextual()) {
                    throw new DeploymentException(file + ": missing string \"rpcUrl\"");
                }
                if (id == null || !(id.isIntegralNumber() || id.isTextual())) {
                    throw new DeploymentException(file + ": missing \"chainId\" (a number)");
                }
                return create(file, url.asText(), id.asText());
            }
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            String url = properties.getProperty("rpc.url");
            String id = properties.getProperty("chain.id");
            if (url == null || id == null) {
                throw new DeploymentException(file + ": expected the properties rpc.url and chain.id");
            }
            return create(file, url.strip(), id.strip());
        } catch (IOException e) {
            throw new DeploymentException("Cannot read network configuration " + file + ": " + e.getMessage(), e);
        }
    }

    private static NetworkConfig create(Path file, String url, String id) {
        long chainId;
        try {
            chainId = id.startsWith("0x") ? Long.parseLong(id.substring(2), 16) : Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new DeploymentException(file + ": chain id " + id + " is not a number");
        }
        try {
            return new NetworkConfig(url, chainId);
        } catch (IllegalArgumentException e) {
            throw new DeploymentException(file + ": " + e.getMessage());
        }
    }

    /**
      * Connects and checks the chain id.
      *
      * @throws DeploymentException if the node is unreachable or reports another chain id (the
      *     client is shut down then)
      */
    public Web3j connect() {
        Web3j web3j = Web3j.build(new HttpService(rpcUrl));
        try {
            requireChainId(web3j);
            return web3j;
        } catch (RuntimeException e) {
            web3j.shutdown();
            throw e;
        }
    }

    /**
      * Checks that {@code web3j}'s node reports {@link #chainId()}.
      *
      * @throws DeploymentException otherwise, with both ids
      */
    public void requireChainId(Web3j web3j) {
        EthChainId response;
        try {
            response = web3j.ethChainId().send();
        } catch (IOException e) {
            throw new DeploymentException("Cannot reach the RPC endpoint " + redactedUrl() + ": " + e.getMessage(), e);
        }
        if (response.hasError()) {
            throw new DeploymentException("eth_chainId at " + redactedUrl() + " failed: " + response.getError().getMessage());
        }
        BigInteger actual = response.getChainId();
        if (!BigInteger.valueOf(chainId).equals(actual)) {
            throw new DeploymentException("The node at " + redactedUrl() + " reports chain id " + actual
                    + " but the configuration expects " + chainId + "; refusing to sign for the wrong chain");
        }
    }

    /** The URL reduced to scheme, host and port (API keys in path or query hidden). */
    public String redactedUrl() {
        return redact(URI.create(rpcUrl));
    }

    private static String redact(URI uri) {
        String host = uri.getHost() == null ? "?" : uri.getHost();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/")
                ? "/" : "/…";
        return (uri.getScheme() == null ? "?" : uri.getScheme()) + "://" + host
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path + (uri.getRawQuery() == null ? "" : "?…");
    }

    @Override
    public String toString() {
        return "NetworkConfig[" + redactedUrl() + ", chain " + chainId + "]";
    }
}
