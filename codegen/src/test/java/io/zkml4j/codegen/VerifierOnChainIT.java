package io.zkml4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.groth16.Groth16;
import io.zkml4j.groth16.Proof;
import io.zkml4j.groth16.VerifyingKey;
import io.zkml4j.groth16.evm.EvmEncoding;
import io.zkml4j.groth16.json.SnarkjsJson;
import io.zkml4j.testchain.Circom;
import io.zkml4j.testchain.Snarkjs;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Step 3 of 3 for generated code: real circuits (circom2) with 1, 4 and 16 public inputs, keys and
 * proofs from snarkjs, our verifier and snarkjs's exported one deployed side by side on Hardhat's
 * in-process EVM (cancun). Checks acceptance, every rejection path, and gas against the precompile
 * floor 181,100 + 6,350·n; the gas table goes to {@code target/verifier-gas.md}.
 */
class VerifierOnChainIT {

    private static final String PUBLIC_INPUT_NOT_IN_FIELD = "0x" + EvmCalls.selector("PublicInputNotInField()");
    private static final String INVALID_PUBLIC_INPUT_COUNT = "0x" + EvmCalls.selector("InvalidPublicInputCount()");
    private static final List<String> GAS_ROWS = new ArrayList<>();

    @TempDir
    static Path work;

    private static Snarkjs snarkjs;
    private static Path ptau;

    @BeforeAll
    static void tools() {
        snarkjs = Snarkjs.locate();
        ptau = snarkjs.cachedPreparedPtau(8);
    }

    @AfterAll
    static void writeGasTable() throws IOException {
        String table = "| public inputs | floor (precompile calls) | zkml4j stable ABI | zkml4j snarkjs ABI | "
                + "snarkjs verifier | zkml4j over floor | runtime bytes zkml4j / snarkjs |\n"
                + "|---|---|---|---|---|---|---|\n" + String.join("\n", GAS_ROWS) + "\n";
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/verifier-gas.md"), table);
        System.out.println("Execution gas of verifyProof (gasUsed - 21000 - calldata):\n" + table);
    }

    @ParameterizedTest(name = "{0} public inputs")
    @ValueSource(ints = {1, 4, 16})
    void verifiesOnTheEvmAndRejectsWhatItMust(int n) throws IOException {
        Path dir = Files.createDirectories(work.resolve("n" + n));
        Circuit circuit = proveWithSnarkjs(n, dir);
        VerifyingKey vk = SnarkjsJson.readVerificationKey(circuit.vk());
        Proof proof = SnarkjsJson.readProof(circuit.proof());
        List<Fr> pub = SnarkjsJson.readPublicSignals(circuit.pub());
        assertThat(pub).hasSize(n);
        assertThat(Groth16.verify(vk, pub, proof)).as("the Java verifier accepts the snarkjs proof").isTrue();

        Path ours = dir.resolve("Groth16Verifier.sol");
        Verifiers.writeSolidity(circuit.vk(), ours);
        CompiledContract oursCompiled = SolcCompiler.locate().compile(ours, "Groth16Verifier");
        assertThat(oursCompiled.warnings()).isEmpty();
        Path theirs = dir.resolve("snarkjs/Groth16Verifier.sol");
        Files.createDirectories(theirs.getParent());
        snarkjs.zkeyExportSolidityVerifier(circuit.zkey(), theirs);
        CompiledContract theirsCompiled = SolcCompiler.locate().compile(theirs, "Groth16Verifier");

        List<BigInteger> w = EvmEncoding.proofWords(proof);
        List<BigInteger> in = EvmEncoding.publicInputWords(pub);
        BigInteger q = Fq.MODULUS;
        BigInteger r = Fr.MODULUS;
        List<BigInteger> tooMany = new ArrayList<>(in);
        tooMany.add(BigInteger.ONE);
        List<BigInteger> negatedA = EvmCalls.with(w, 1, q.subtract(w.get(1)));   // -A: on the curve, wrong
        List<BigInteger> offCurveC = EvmCalls.with(w, 6, w.get(6).add(BigInteger.ONE));
        List<BigInteger> aXPlusQ = EvmCalls.with(w, 0, w.get(0).add(q));          // same point, non-canonical
        List<BigInteger> swappedB = EvmCalls.with(EvmCalls.with(w, 2, w.get(3)), 3, w.get(2)); // real part first

        EvmCalls.Outcome o = new EvmCalls()
                .deploy("ours", oursCompiled)
                .deploy("snarkjs", theirsCompiled)
                .call("valid", "ours", EvmCalls.stableCall(w, in))
                .call("validSnarkjsAbi", "ours", EvmCalls.snarkjsCall(w, in, n))
                .call("validOnSnarkjs", "snarkjs", EvmCalls.snarkjsCall(w, in, n))
                .call("wrongInput", "ours", EvmCalls.stableCall(w, EvmCalls.with(in, 0, in.get(0).add(BigInteger.ONE).mod(r))))
                .call("negatedA", "ours", EvmCalls.stableCall(negatedA, in))
                .call("offCurveC", "ours", EvmCalls.stableCall(offCurveC, in))
                .call("coordinateNotBelowQ", "ours", EvmCalls.stableCall(aXPlusQ, in))
                .call("bRealPartFirst", "ours", EvmCalls.stableCall(swappedB, in))
                .call("inputPlusR", "ours", EvmCalls.stableCall(w, EvmCalls.with(in, n - 1, in.get(n - 1).add(r))))
                .call("inputPlusRSnarkjsAbi", "ours", EvmCalls.snarkjsCall(w, EvmCalls.with(in, 0, in.get(0).add(r)), n))
                .call("tooManyInputs", "ours", EvmCalls.stableCall(w, tooMany))
                .call("tooFewInputs", "ours", EvmCalls.stableCall(w, in.subList(0, n - 1)))
                .run(dir);

        assertThat(o.calls().get("valid").returnedTrue()).as("valid proof").isTrue();
        assertThat(o.calls().get("validSnarkjsAbi").returnedTrue()).as("valid proof, snarkjs ABI").isTrue();
        assertThat(o.calls().get("validOnSnarkjs").returnedTrue()).as("snarkjs's own verifier").isTrue();
        for (String rejected : List.of("wrongInput", "negatedA", "offCurveC", "coordinateNotBelowQ", "bRealPartFirst")) {
            assertThat(o.calls().get(rejected).returnedFalse()).as(rejected + " returns false").isTrue();
        }
        assertThat(o.calls().get("inputPlusR").reverted()).isTrue();
        assertThat(o.calls().get("inputPlusR").returnData()).isEqualTo(PUBLIC_INPUT_NOT_IN_FIELD);
        assertThat(o.calls().get("inputPlusRSnarkjsAbi").returnData()).isEqualTo(PUBLIC_INPUT_NOT_IN_FIELD);
        assertThat(o.calls().get("tooManyInputs").returnData()).isEqualTo(INVALID_PUBLIC_INPUT_COUNT);
        assertThat(o.calls().get("tooFewInputs").returnData()).isEqualTo(INVALID_PUBLIC_INPUT_COUNT);

        long floor = 181_100L + 6_350L * n;
        long stable = o.calls().get("valid").executionGas();
        long snarkAbi = o.calls().get("validSnarkjsAbi").executionGas();
        long snarkjsGas = o.calls().get("validOnSnarkjs").executionGas();
        GAS_ROWS.add(String.format(Locale.ROOT, "| %d | %,d | %,d | %,d | %,d | %+,d (%.2f%%) | %,d / %,d |", n, floor, stable,
                snarkAbi, snarkjsGas, stable - floor, 100.0 * (stable - floor) / floor,
                o.deployments().get("ours").codeSize(), o.deployments().get("snarkjs").codeSize()));
        assertThat(stable).as("execution gas within 1%% of the floor %s", floor).isBetween(floor, floor + floor / 100);
        assertThat(stable).as("no more than snarkjs's verifier").isLessThan(snarkjsGas);
        assertThat(snarkAbi).as("snarkjs ABI on ours: no more than snarkjs's verifier").isBetween(floor, snarkjsGas);
    }

    private record Circuit(Path zkey, Path vk, Path proof, Path pub) {}

    /** A circuit with exactly n public signals: one output y, and n - 1 public inputs x. */
    private static Circuit proveWithSnarkjs(int n, Path dir) throws IOException {
        String source;
        String input;
        if (n == 1) {
            source = """
                    pragma circom 2.1.0;
                    template Square() {
                        signal input w;
                        signal output y;
                        y <== w * w;
                    }
                    component main = Square();
                    """;
            input = "{\"w\": \"12345\"}";
        } else {
            source = """
                    pragma circom 2.1.0;
                    template Weighted(k) {
                        signal input x[k];
                        signal input w;
                        signal output y;
                        signal t[k];
                        var acc = 0;
                        for (var i = 0; i < k; i++) {
                            t[i] <== x[i] * w;
                            acc += t[i];
                        }
                        y <== acc + w * w;
                    }
                    component main {public [x]} = Weighted(%d);
                    """.formatted(n - 1);
            input = "{\"x\": [" + IntStream.range(0, n - 1).mapToObj(i -> "\"" + (1000 + 7 * i) + "\"")
                    .collect(Collectors.joining(", ")) + "], \"w\": \"31337\"}";
        }
        Path circom = Files.writeString(dir.resolve("pub" + n + ".circom"), source);
        Path inputJson = Files.writeString(dir.resolve("input.json"), input);
        Circom.CompiledCircuit c = Circom.using(snarkjs.tools()).compile(circom, dir.resolve("build"), List.of());
        Path wtns = dir.resolve("witness.wtns");
        snarkjs.wtnsCalculate(c.wasm(), inputJson, wtns);
        Path zkey0 = dir.resolve("c_0000.zkey");
        Path zkey = dir.resolve("c.zkey");
        snarkjs.groth16Setup(c.r1cs(), ptau, zkey0);
        snarkjs.zkeyContribute(zkey0, zkey, "codegen IT", "codegen IT entropy " + n);
        Path vk = dir.resolve("verification_key.json");
        snarkjs.zkeyExportVerificationKey(zkey, vk);
        Path proof = dir.resolve("proof.json");
        Path pub = dir.resolve("public.json");
        snarkjs.groth16Prove(zkey, wtns, proof, pub);
        return new Circuit(zkey, vk, proof, pub);
    }
}
