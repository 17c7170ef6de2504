package io.zkml4j.deployer;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.codegen.CompiledContract;
import io.zkml4j.codegen.SolcCompiler;
import io.zkml4j.codegen.SolidityExportOptions;
import io.zkml4j.codegen.SolidityVerifierGenerator;
import io.zkml4j.groth16.Groth16;
import io.zkml4j.groth16.ProofWithPublicSignals;
import io.zkml4j.groth16.ProvingKey;
import io.zkml4j.groth16.setup.Groth16Setup;
import io.zkml4j.groth16.setup.ZkeyContribution;
import io.zkml4j.r1cs.R1csFile;
import io.zkml4j.r1cs.WtnsFile;
import io.zkml4j.testchain.Circom;
import io.zkml4j.testchain.DevAccounts;
import io.zkml4j.testchain.Snarkjs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
  * Real circuits, keys, proofs and compiled contracts for the chain ITs, built once per JVM (the ITs
  * share a Failsafe JVM) under {@code target/it-fixtures/}:
  *
  * <ul>
  *   <li>{@code gas<ℓ>} for ℓ = 1, 4, 16: ℓ public inputs {@code in[i]}, each constrained by
  *       {@code sq[i] <== in[i]·in[i] + secret}; no outputs, so the public signals are exactly the ℓ
  *       inputs;
  *   <li>{@code inference}: public signals {@code [y, submitter]} with {@code y <== x·x} and
  *       {@code s2 <== submitter·submitter}, proven for dev account 1's address (see
  *       contracts/README.md).
  * </ul>
  *
  * Each is compiled with circom2, set up with our {@link Groth16Setup} on a cached snarkjs ptau plus
  * one {@link ZkeyContribution} (so γ ≠ δ), witnessed by snarkjs, proven by our {@link Groth16}.
  * Verifiers: ours from {@link SolidityVerifierGenerator} and, for the gas circuits, snarkjs's own
  * ({@code zkey export solidityverifier}); everything, plus {@code InferenceRegistry.sol}, is compiled
  * in one {@link SolcCompiler} run.
  */
final class OnChainFixtures {

    static final List<Integer> GAS_SIZES = List.of(1, 4, 16);
    static final int PTAU_POWER = 6;
    /** Dev account that the inference proof binds as its submitter. */
    static final int SUBMITTER_ACCOUNT = 1;

    /** A proven circuit. */
    record Circuit(String name, ProvingKey key, Path zkey, ProofWithPublicSignals proof) {
        List<Fr> inputs() {
            return proof.publicSignals();
        }
    }

    private static OnChainFixtures instance;

    /** Seconds spent per stage, for the log (the fixtures are the ITs' main cost). */
    private static final Map<String, Double> STAGES = new LinkedHashMap<>();

    private static <T> T timed(String stage, java.util.function.Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            STAGES.merge(stage, (System.nanoTime() - start) / 1e9, Double::sum);
        }
    }

    final Map<Integer, Circuit> gas = new LinkedHashMap<>();
    final Circuit inference;
    final Map<String, CompiledContract> contracts;
    final String setupLog;

    private OnChainFixtures() {
        long start = System.nanoTime();
        Path work = Path.of("target", "it-fixtures").toAbsolutePath();
        deleteTree(work);
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Snarkjs snarkjs = Snarkjs.locate();
        Circom circom = Circom.using(snarkjs.tools());
        Path ptau = timed("ptau", () -> snarkjs.cachedPreparedPtau(PTAU_POWER));

        List<Path> sources = new ArrayList<>();
        for (int size : GAS_SIZES) {
            String inputs = IntStream.range(0, size).mapToObj(i -> "\"" + (1000 + i) + "\"")
                    .collect(Collectors.joining(", "));
            Circuit c = prove(work, snarkjs, circom, ptau, "gas" + size, gasCircuit(size),
                    "{\"in\": [" + inputs + "], \"secret\": \"7\"}");
            gas.put(size, c);
            sources.add(write(work.resolve("Verifier" + size + ".sol"), ours(c, "Verifier" + size)));
            Path snarkjsSol = work.resolve("SnarkjsVerifier" + size + ".sol");
            timed("snarkjs export", () -> {
                snarkjs.zkeyExportSolidityVerifier(c.zkey(), snarkjsSol);
                return snarkjsSol;
            });
            sources.add(write(snarkjsSol, read(snarkjsSol)
                    .replace("contract Groth16Verifier", "contract SnarkjsVerifier" + size)));
        }
        BigInteger submitter = new BigInteger(DevAccounts.account(SUBMITTER_ACCOUNT).getAddress().substring(2), 16);
        inference = prove(work, snarkjs, circom, ptau, "inference", INFERENCE_CIRCUIT,
                "{\"submitter\": \"" + submitter + "\", \"x\": \"12\"}");
        sources.add(write(work.resolve("InferenceVerifier.sol"), ours(inference, "InferenceVerifier")));

        SolcCompiler solc = SolcCompiler.locate();
        sources.add(solc.repositoryRoot().resolve("contracts/examples/InferenceRegistry.sol"));
        Map<String, CompiledContract> compiled = new LinkedHashMap<>();
        for (CompiledContract c : timed("solc", () -> solc.compile(sources))) {
            compiled.put(c.contractName(), c);
        }
        contracts = Map.copyOf(compiled);
        setupLog = String.format(Locale.ROOT, "fixtures: %d circuits proven and %d contracts compiled in %.1f s %s",
                GAS_SIZES.size() + 1, compiled.size(), (System.nanoTime() - start) / 1e9,
                STAGES.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", ", "(", ")")));
    }

    static synchronized OnChainFixtures get() {
        if (instance == null) {
            instance = new OnChainFixtures();
            System.out.println(instance.setupLog);
        }
        return instance;
    }

    CompiledContract contract(String name) {
        CompiledContract c = contracts.get(name);
        if (c == null) {
            throw new IllegalStateException("No compiled contract " + name + " among " + contracts.keySet());
        }
        return c;
    }

    private static Circuit prove(Path work, Snarkjs snarkjs, Circom circom, Path ptau, String name, String source,
            String inputJson) {
        Path dir = work.resolve(name);
        try {
            Files.createDirectories(dir);
            Path circuit = write(dir.resolve(name + ".circom"), source);
            Circom.CompiledCircuit compiled = timed("circom", () -> circom.compile(circuit, dir));
            Path zkey0 = dir.resolve(name + "_0000.zkey");
            Path zkey = dir.resolve(name + ".zkey");
            ProvingKey key = timed("setup", () -> {
                Groth16Setup.newZkey(R1csFile.read(compiled.r1cs()), ptau, zkey0);
                return ZkeyContribution.contribute(zkey0, zkey, "deployer IT", "deployer IT entropy").key();
            });
            Path input = write(dir.resolve("input.json"), inputJson);
            Path wtns = dir.resolve(name + ".wtns");
            timed("witness", () -> {
                snarkjs.wtnsCalculate(compiled.wasm(), input, wtns);
                return wtns;
            });
            ProofWithPublicSignals proof = timed("prove", () -> Groth16.prove(key, WtnsFile.read(wtns), new SecureRandom()));
            if (!Groth16.verify(key.verifyingKey(), proof.publicSignals(), proof.proof())) {
                throw new IllegalStateException("Our own verifier rejects the fixture proof of " + name);
            }
            return new Circuit(name, key, zkey, proof);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ours(Circuit c, String contractName) {
        return SolidityVerifierGenerator.generate(c.key().verifyingKey(),
                SolidityExportOptions.builder().contractName(contractName).build());
    }

    private static String gasCircuit(int n) {
        return """
                pragma circom 2.1.0;

                template Gas(n) {
                    signal input in[n];
                    signal input secret;
                    signal sq[n];
                    signal s2;
                    for (var i = 0; i < n; i++) {
                        sq[i] <== in[i] * in[i] + secret;
                    }
                    s2 <== secret * secret;
                }

                component main {public [in]} = Gas(%d);
                """.formatted(n);
    }

    /** Public signals [y, submitter]; the submitter is constrained by its square (contracts/README.md). */
    static final String INFERENCE_CIRCUIT = """
            pragma circom 2.1.0;

            template Inference() {
                signal input submitter;
                signal input x;
                signal output y;
                signal s2;
                y <== x * x;
                s2 <== submitter * submitter;
            }

            component main {public [submitter]} = Inference();
            """;

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
