package io.zkml4j.cli;

import static io.zkml4j.cli.CliRun.abs;
import static io.zkml4j.cli.CliRun.fixture;
import static io.zkml4j.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.testchain.DevAccounts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.WalletUtils;

/**
 * {@code zkml4j deploy}'s checks, all of which happen before Node.js (solc) or a node is needed: usage,
 * files, the key, the RPC endpoint. Deploying for real: {@code CliChainIT}.
 */
class DeployCommandTest {

    /** Hardhat's public dev key #0, as a user would export it (never a real key). */
    private static final String DEV_KEY = "0x" + DevAccounts.account(0).getEcKeyPair().getPrivateKey().toString(16);

    @TempDir
    Path dir;

    private Path sol;
    private String closedRpc;

    @BeforeEach
    void setUp() throws IOException {
        sol = dir.resolve("Verifier.sol");
        Files.writeString(sol, "// not compiled by these tests\n");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        } // closed: nothing listens there now
        closedRpc = "http://127.0.0.1:" + port + "/";
    }

    private static void assertBadInput(CliRun.Result r, String errStart) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).as(r.toString()).startsWith(errStart);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void exactlyOneKeySourceIsRequired() {
        CliRun.Result none = run("deploy", "--rpc", closedRpc, abs(sol));
        assertBadInput(none, "Error: Missing required argument");
        assertThat(none.err()).contains("--key-env=VAR | --keystore=FILE").contains("Usage: zkml4j deploy");

        CliRun.Result both = run("deploy", "--rpc", closedRpc, "--key-env", "K", "--keystore", abs(sol), abs(sol));
        assertBadInput(both, "Error: --key-env=VAR, --keystore=FILE are mutually exclusive");

        CliRun.Result noRpc = run("deploy", "--key-env", "K", abs(sol));
        assertBadInput(noRpc, "Missing required option: '--rpc=URL'");

        CliRun.Result passwordWithoutKeystore = run(Map.of("K", DEV_KEY), "deploy", "--rpc", closedRpc,
                "--key-env", "K", "--password-env", "PW", abs(sol));
        assertBadInput(passwordWithoutKeystore, "zkml4j deploy: --password-env is for --keystore");
    }

    @Test
    void aMissingOrInvalidKeyIsBadInputAndTheValueIsNeverShown() {
        CliRun.Result unset = run("deploy", "--rpc", closedRpc, "--key-env", "ZKML4J_TEST_UNSET_KEY", abs(sol));
        assertBadInput(unset, "zkml4j deploy: Environment variable ZKML4J_TEST_UNSET_KEY is not set");

        String notAKey = "0x" + "zz".repeat(32);
        CliRun.Result invalid = run(Map.of("K", notAKey), "deploy", "--rpc", closedRpc, "--key-env", "K", abs(sol));
        assertBadInput(invalid, "zkml4j deploy: Environment variable K does not hold a private key");
        assertThat(invalid.err()).doesNotContain("zz");

        String zero = "0".repeat(64);
        CliRun.Result zeroKey = run(Map.of("K", zero), "deploy", "--rpc", closedRpc, "--key-env", "K", abs(sol));
        assertBadInput(zeroKey, "zkml4j deploy: Environment variable K does not hold a valid secp256k1 private key");
        assertThat(zeroKey.err()).doesNotContain(zero);
    }

    @Test
    void anUnreachableNodeIsBadInput() {
        CliRun.Result r = run(Map.of("K", DEV_KEY), "deploy", "--rpc", closedRpc, "--key-env", "K", abs(sol));

        assertBadInput(r, "zkml4j deploy: Cannot reach the RPC endpoint " + closedRpc);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err()).doesNotContain(DEV_KEY.substring(2, 20));

        CliRun.Result withChainId = run(Map.of("K", DEV_KEY), "deploy", "--rpc", closedRpc, "--chain-id", "31337",
                "--key-env", "K", abs(sol));
        assertBadInput(withChainId, "zkml4j deploy: Cannot reach the RPC endpoint " + closedRpc);
    }

    @Test
    void badUrlsChainIdsAndTargetsAreNamed() throws IOException {
        Map<String, String> env = Map.of("K", DEV_KEY);
        assertBadInput(run(env, "deploy", "--rpc", "ftp://example.org/", "--key-env", "K", abs(sol)),
                "zkml4j deploy: --rpc: Expected an http(s) RPC URL");
        assertBadInput(run(env, "deploy", "--rpc", closedRpc, "--chain-id", "0", "--key-env", "K", abs(sol)),
                "zkml4j deploy: --chain-id 0: Expected a positive chain id");
        assertBadInput(run(env, "deploy", "--rpc", closedRpc, "--chain-id", "x", "--key-env", "K", abs(sol)),
                "Invalid value for option '--chain-id'");

        Path missing = dir.resolve("Missing.sol");
        assertBadInput(run(env, "deploy", "--rpc", closedRpc, "--key-env", "K", abs(missing)),
                "zkml4j deploy: " + abs(missing) + ": no such file");

        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertBadInput(run(env, "deploy", "--rpc", closedRpc, "--key-env", "K", abs(empty)),
                "zkml4j deploy: " + abs(empty) + ": holds neither Verifier.sol nor verification_key.json");

        fixture(dir, "public.json");
        Path proof = dir.resolve("no-proof.json");
        assertBadInput(run(env, "deploy", "--rpc", closedRpc, "--key-env", "K", abs(sol),
                        "--verify", abs(proof), abs(dir.resolve("public.json"))),
                "zkml4j deploy: " + abs(proof) + ": no such file (the proof)");
    }

    @Test
    void aDirectoryWithOnlyAKeyGetsItsVerifierGeneratedFirst() throws IOException {
        Path model = Files.createDirectory(dir.resolve("model"));
        fixture(model, "verification_key.json");

        CliRun.Result r = run(Map.of("K", DEV_KEY), "deploy", "--rpc", closedRpc, "--key-env", "K", abs(model));

        // generated, then the unreachable node stops the run before any compilation
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("generated " + abs(model.resolve("Verifier.sol")) + " from ")
                .contains("zkml4j deploy: Cannot reach the RPC endpoint");
        assertThat(Files.readString(model.resolve("Verifier.sol"))).contains("contract Groth16Verifier");
    }

    @Test
    void aKeystoreIsDecryptedWithThePasswordFromTheEnvironment() throws Exception {
        String file = WalletUtils.generateWalletFile("s3cret-right", DevAccounts.account(1).getEcKeyPair(),
                dir.toFile(), false);
        Path keystore = dir.resolve(file);

        CliRun.Result unset = run("deploy", "--rpc", closedRpc, "--keystore", abs(keystore),
                "--password-env", "ZKML4J_TEST_UNSET_PW", abs(sol));
        assertBadInput(unset, "zkml4j deploy: --password-env ZKML4J_TEST_UNSET_PW: the environment variable is not "
                + "set");

        CliRun.Result wrong = run(Map.of("PW", "hunter2-wrong"), "deploy", "--rpc", closedRpc,
                "--keystore", abs(keystore), "--password-env", "PW", abs(sol));
        assertBadInput(wrong, "zkml4j deploy: ");
        assertThat(wrong.err()).contains(file).doesNotContain("hunter2-wrong");

        // the right password gets past the key, to the (unreachable) node
        CliRun.Result right = run(Map.of("PW", "s3cret-right"), "deploy", "--rpc", closedRpc,
                "--keystore", abs(keystore), "--password-env", "PW", abs(sol));
        assertBadInput(right, "zkml4j deploy: Cannot reach the RPC endpoint");
        assertThat(right.err()).doesNotContain("s3cret-right");
    }
}
