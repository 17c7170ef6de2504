package io.zkml4j.cli;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.codegen.CodegenException;
import io.zkml4j.codegen.CompiledContract;
import io.zkml4j.codegen.SolcCompiler;
import io.zkml4j.codegen.SolidityExportOptions;
import io.zkml4j.codegen.Verifiers;
import io.zkml4j.deployer.DeployedVerifier;
import io.zkml4j.deployer.DeploymentException;
import io.zkml4j.deployer.Keys;
import io.zkml4j.deployer.NetworkConfig;
import io.zkml4j.deployer.VerifierDeployer;
import io.zkml4j.groth16.Proof;
import io.zkml4j.groth16.json.SnarkjsJson;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthChainId;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.DynamicEIP1559GasProvider;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zkml4j deploy}: compiles a Solidity verifier with the repository's solc-js and deploys it
 * with an EIP-1559 transaction; optionally asks it about a proof right away.
 */
@Command(name = "deploy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Compiles a Solidity verifier (solc 0.8.28 from test-chain/node_modules: needs Node.js >= 20) and "
                    + "deploys it with an EIP-1559 transaction (fees from the node). Prints the contract address "
                    + "on stdout and the deployment gas on stderr.",
            "The target is a Verifier.sol, or a directory: DIR/Verifier.sol, generated first from "
                    + "DIR/verification_key.json when missing.",
            "The signing key comes from an environment variable or an encrypted JSON keystore; it is never "
                    + "printed. Without --chain-id the node's own chain id is used (and printed)."
        })
final class DeployCommand implements Callable<Integer> {

    /** The file a directory target holds (or gets). */
    static final String VERIFIER_SOL = "Verifier.sol";
    /** The verification key a directory target is generated from. */
    static final String VERIFICATION_KEY = "verification_key.json";

    private final Ui ui;

    @Parameters(index = "0", paramLabel = "<Verifier.sol | dir>", description = "The verifier, or its directory.")
    Path target;

    @Option(names = "--rpc", required = true, paramLabel = "URL", description = "The node's JSON-RPC URL (http/https).")
    String rpcUrl;

    @Option(names = "--chain-id", paramLabel = "ID",
            description = "The chain id expected at --rpc; refuses to sign for another chain.")
    Long chainId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    KeySource key;

    /** Exactly one of the two key sources. */
    static final class KeySource {

        @Option(names = "--key-env", required = true, paramLabel = "VAR",
                description = "Environment variable holding the private key (64 hex digits, optionally 0x).")
        String keyEnv;

        @Option(names = "--keystore", required = true, paramLabel = "FILE",
                description = "Encrypted JSON keystore (geth, cast wallet, web3j); password from --password-env "
                        + "or typed at the console.")
        Path keystore;
    }

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the keystore's "
            + "password (with --keystore).")
    String passwordEnv;

    @Option(names = "--contract-name", paramLabel = "NAME",
            description = "The contract to deploy, when the file defines several (default: the only one; a "
                    + "generated verifier is named " + SolidityExportOptions.DEFAULT_CONTRACT_NAME + ").")
    String contractName;

    @Option(names = "--verify", arity = "2", paramLabel = "<file>",
            description = "After deploying: <proof.json> <public.json>; asks the verifier by eth_call and prints "
                    + "true or false (exit 1 when false).")
    List<Path> verify;

    DeployCommand(Ui ui) {
        this.ui = ui;
    }

    @Override
    public Integer call() {
        // Everything that can fail fast does so before Node.js or the network is touched.
        if (passwordEnv != null && key.keystore == null) {
            throw new CliException("--password-env is for --keystore; --key-env needs no password");
        }
        NetworkConfig shown = network(chainId == null ? 1 : chainId); // URL check and its redacted form
        Path proofPath = null;
        Path publicPath = null;
        Proof proof = null;
        List<Fr> inputs = null;
        if (verify != null) {
            proofPath = verify.get(0);
            publicPath = verify.get(1);
            CliFiles.checkInput(proofPath, "the proof");
            CliFiles.checkInput(publicPath, "the public signals");
            proof = SnarkjsJson.readProof(proofPath);
            inputs = SnarkjsJson.readPublicSignals(publicPath);
        }
        Path sol = resolveSource();
        Credentials credentials = credentials();

        Web3j web3j = Web3j.build(new HttpService(rpcUrl));
        try {
            long chain = chainId != null ? chainId : nodeChainId(web3j, shown);
            NetworkConfig network = network(chain);
            network.requireChainId(web3j);

            CompiledContract compiled;
            DeployedVerifier verifier;
            try (Progress p = ui.progress("deploy")) {
                p.stage("compiling " + sol.getFileName());
                compiled = compile(sol);
                p.stage("deploying " + compiled.contractName());
                verifier = VerifierDeployer.deploy(web3j, new RawTransactionManager(web3j, credentials, chain),
                        new DynamicEIP1559GasProvider(web3j, chain), compiled);
                p.finish();
            }
            TransactionReceipt receipt = verifier.deploymentReceipt().orElseThrow();
            ui.result(verifier.address());
            ui.summary(String.format(Locale.ROOT, "%s deployed at %s on chain %d (%s) by %s: deployment gas %,d "
                            + "(transaction %s, block %s)", compiled.contractName(), verifier.address(), chain,
                    network.redactedUrl(), credentials.getAddress(), receipt.getGasUsed(), receipt.getTransactionHash(),
                    receipt.getBlockNumber()));
            if (verify == null) {
                return ExitCodes.OK;
            }
            boolean valid = verifier.verify(proof, inputs);
            ui.result(Boolean.toString(valid));
            ui.summary(valid
                    ? "the deployed verifier accepts " + proofPath + " for " + publicPath
                    : "the deployed verifier rejects " + proofPath + " for " + publicPath);
            return valid ? ExitCodes.OK : ExitCodes.INVALID_PROOF;
        } finally {
            web3j.shutdown();
        }
    }

    private NetworkConfig network(long chain) {
        try {
            return NetworkConfig.of(rpcUrl, chain);
        } catch (IllegalArgumentException e) {
            String flag = chain <= 0 ? "--chain-id " + chain : "--rpc";
            throw new CliException(flag + ": " + e.getMessage(), e);
        }
    }

    /** The chain id the node reports, when none was given. */
    private long nodeChainId(Web3j web3j, NetworkConfig shown) {
        EthChainId response;
        try {
            response = web3j.ethChainId().send();
        } catch (IOException e) {
            throw new DeploymentException("Cannot reach the RPC endpoint " + shown.redactedUrl() + ": "
                    + CliFiles.describe(e), e);
        }
        if (response.hasError()) {
            throw new DeploymentException("eth_chainId at " + shown.redactedUrl() + " failed: "
                    + response.getError().getMessage());
        }
        BigInteger id = response.getChainId();
        if (id == null || id.signum() <= 0 || id.bitLength() > 63) {
            throw new DeploymentException("The node at " + shown.redactedUrl() + " reports no usable chain id: " + id);
        }
        ui.summary("chain id " + id + " (reported by the node; pass --chain-id to insist on one)");
        return id.longValueExact();
    }

    /** The Solidity file to compile: the target itself, or DIR/Verifier.sol (generated when missing). */
    private Path resolveSource() {
        if (!Files.isDirectory(target)) {
            CliFiles.checkInput(target, "the Solidity verifier or its directory");
            return target;
        }
        Path sol = target.resolve(VERIFIER_SOL);
        if (Files.exists(sol)) {
            CliFiles.checkInput(sol, "the Solidity verifier");
            return sol;
        }
        Path vk = target.resolve(VERIFICATION_KEY);
        if (!Files.exists(vk)) {
            throw new CliException(target + ": holds neither " + VERIFIER_SOL + " nor " + VERIFICATION_KEY
                    + " (run zkml4j setup or zkml4j zkey export-vk first)");
        }
        CliFiles.checkInput(vk, "the verification key");
        ui.checkOutput(sol, "the verifier");
        Verifiers.writeSolidity(vk, sol, SolidityExportOptions.defaults());
        ui.summary("generated " + sol + " from " + vk);
        return sol;
    }

    /** The signing key; never printed (only its address is). */
    private Credentials credentials() {
        if (key.keyEnv != null) {
            return Keys.fromEnvironment(key.keyEnv, ui::env);
        }
        CliFiles.checkInput(key.keystore, "the keystore");
        char[] password;
        if (passwordEnv != null) {
            String value = ui.env(passwordEnv);
            if (value == null) {
                throw new CliException("--password-env " + passwordEnv + ": the environment variable is not set "
                        + "(expected the password of " + key.keystore + ")");
            }
            password = value.toCharArray();
        } else {
            password = Keys.password(null, key.keystore);
        }
        return Keys.fromKeystore(key.keystore, password);
    }

    /** Compiles {@code sol} and picks the contract to deploy. */
    private CompiledContract compile(Path sol) {
        List<CompiledContract> contracts;
        try {
            contracts = SolcCompiler.locate().compile(List.of(sol.toAbsolutePath()));
        } catch (CodegenException e) {
            throw new CliException(sol + ": cannot compile: " + e.getMessage(), e);
        }
        List<CompiledContract> deployable = contracts.stream().filter(c -> !c.bytecode().isEmpty()).toList();
        if (contractName != null) {
            return deployable.stream().filter(c -> c.contractName().equals(contractName)).findFirst()
                    .orElseThrow(() -> new CliException(sol + ": defines no deployable contract named " + contractName
                            + " (it defines " + names(deployable) + ")"));
        }
        if (deployable.size() != 1) {
            throw new CliException(sol + ": " + (deployable.isEmpty() ? "defines no deployable contract"
                    : "defines " + names(deployable) + "; choose one with --contract-name"));
        }
        return deployable.get(0);
    }

    private static String names(List<CompiledContract> contracts) {
        return contracts.isEmpty() ? "none" : String.join(", ",
                contracts.stream().map(CompiledContract::contractName).toList());
    }
}
