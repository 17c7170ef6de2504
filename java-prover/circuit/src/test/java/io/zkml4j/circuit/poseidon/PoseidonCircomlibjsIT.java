package io.zkml4j.circuit.poseidon;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.TestEngine;
import io.zkml4j.circuit.Var;
import io.zkml4j.circuit.gadgets.PoseidonGadget;
import io.zkml4j.circuit.testing.Runs;
import io.zkml4j.testchain.NodeTools;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-checks against circomlibjs 0.1.7 run by Node: (1) the digest of circomlibjs's own constant
 * table ({@code poseidon_constants.json}, t = 2..17) equals the digest of the constants we
 * regenerate from the Grain LFSR (pinned in {@link PoseidonTest}); (2) native and in-circuit
 * hashes equal {@code buildPoseidon()} on 600 seeded random inputs of 1..6 elements.
 */
class PoseidonCircomlibjsIT {

    private static final String PREAMBLE = """
            const path = require("path");
            const { createRequire } = require("module");
            const req = createRequire(path.join(process.argv[2], "noop.js"));
            """;

    @TempDir
    Path dir;

    private String runNode(String body, String... args) throws Exception {
        NodeTools tools = NodeTools.locate();
        Path script = dir.resolve("script.cjs");
        Files.writeString(script, PREAMBLE + body);
        List<String> a = new ArrayList<>();
        a.add(tools.nodeModules().toString());
        a.addAll(List.of(args));
        return tools.run(dir, script, a, Duration.ofMinutes(2)).stdout().trim();
    }

    @Test
    void circomlibjsConstantTableHasOurDigest() throws Exception {
        String digest = runNode("""
                const c = JSON.parse(require("fs").readFileSync(path.join(process.argv[2], "circomlibjs/src/poseidon_constants.json"), "utf8"));
                const hash = require("crypto").createHash("sha256");
                const be = (s) => Buffer.from(BigInt(s).toString(16).padStart(64, "0"), "hex");
                for (let k = 0; k < 16; k++) {
                  for (const x of c.C[k]) hash.update(be(x));
                  for (const row of c.M[k]) for (const x of row) hash.update(be(x));
                }
                console.log(hash.digest("hex"));
                """);
        assertThat(digest).isEqualTo(PoseidonTest.CONSTANTS_DIGEST).isEqualTo(PoseidonTest.constantsDigest());
    }

    @Test
    void nativeAndGadgetAgreeWithCircomlibjsOnRandomInputs() throws Exception {
        RandomGenerator rng = Runs.rng("poseidon-it");
        List<Fr[]> inputs = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            Fr[] in = new Fr[1 + i % 6];
            for (int j = 0; j < in.length; j++) {
                in[j] = switch (rng.nextInt(4)) {
                    case 0 -> Fr.of(rng.nextLong(-1000, 1000));
                    default -> Fr.random(rng);
                };
            }
            inputs.add(in);
        }
        Path json = dir.resolve("inputs.json");
        Files.writeString(json, inputs.stream()
                .map(in -> java.util.Arrays.stream(in).map(x -> "\"" + x.toBigInteger() + "\"")
                        .collect(Collectors.joining(",", "[", "]")))
                .collect(Collectors.joining(",", "[", "]")));
        String out = runNode("""
                (async () => {
                  const { buildPoseidon } = req("circomlibjs");
                  const poseidon = await buildPoseidon();
                  const inputs = JSON.parse(require("fs").readFileSync(process.argv[3], "utf8"));
                  for (const xs of inputs) console.log(poseidon.F.toObject(poseidon(xs.map(BigInt))).toString());
                })().catch((e) => { console.error(e); process.exit(1); });
                """, json.toString());
        List<Fr> expected = out.lines().map(s -> Fr.of(new BigInteger(s))).toList();
        assertThat(expected).hasSize(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            assertThat(Poseidon.hash(inputs.get(i))).as("input %d", i).isEqualTo(expected.get(i));
        }
        List<Fr> engine = TestEngine.run(api -> {
            PoseidonGadget g = new PoseidonGadget(api);
            for (Fr[] in : inputs) {
                List<Var> vs = new ArrayList<>();
                for (Fr x : in) {
                    vs.add(api.privateInput("x", x));
                }
                api.publicOutput("h", g.hash(vs));
            }
        }).outputs();
        assertThat(engine).isEqualTo(expected);
    }
}
