package io.zkml4j.cli;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.CircuitApi;
import io.zkml4j.circuit.R1csBuilder;
import io.zkml4j.circuit.Var;
import io.zkml4j.circuit.gadgets.PoseidonGadget;
import io.zkml4j.r1cs.R1csFile;
import io.zkml4j.r1cs.WtnsFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code zkml4j aot-training <dir>} (hidden): writes the workload from which the launcher records a JDK
 * ahead-of-time cache ({@code -XX:AOTCacheOutput}, JDK 25+; JEP 483/514/515): {@code DIR/chain.r1cs},
 * {@code DIR/chain.wtns} and a development key {@code DIR/chain.zkey} for a chain of
 * {@value #HASHES} Poseidon hashes (14,880 constraints, domain 2^14). The launcher then records the
 * cache from one {@code groth16 prove} of it, in a separate process, so the cache holds the classes
 * and method profiles of proving alone.
 *
 * <p>Why this workload: the cache's value is its method profiles, which let the JIT compile the hot
 * loops (field kernels, MSM, FFT) early. Measured at 2^16 (BENCHMARKS.md): a cache recorded from such a
 * prove cut the whole process from 3.3 s to 2.7 s, while one recorded from a mixed run (model compile,
 * setup, small-valued model witnesses, then proofs) was no faster than none. A witness of full-size
 * field elements, like this one, exercises the MSM paths that large circuits spend their time in.
 */
@Command(name = "aot-training", hidden = true,
        description = "Writes the proving workload for the launcher's ahead-of-time cache (internal).")
final class AotTrainingCommand implements Callable<Integer> {

    static final int HASHES = 62;

    private final Ui ui;

    @Parameters(index = "0", paramLabel = "<dir>", description = "An existing directory for the files.")
    Path dir;

    AotTrainingCommand(Ui ui) {
        this.ui = ui;
    }

    /** {@code y} public, {@code x} private, {@value #HASHES} chained {@code Poseidon(acc, y)}. */
    static void poseidonChain(CircuitApi api) {
        Var y = api.publicInput("y", Fr.of(2));
        Var acc = api.privateInput("x", Fr.of(1));
        PoseidonGadget poseidon = new PoseidonGadget(api);
        for (int i = 0; i < HASHES; i++) {
            acc = poseidon.hash(acc, y);
        }
        api.publicOutput("out", acc);
    }

    @Override
    public Integer call() {
        R1csBuilder.Result chain = R1csBuilder.build(AotTrainingCommand::poseidonChain);
        R1csFile.write(chain.r1cs(), dir.resolve("chain.r1cs"));
        WtnsFile.write(chain.witness(), dir.resolve("chain.wtns"));
        return Main.run(new String[] {"-q", "groth16", "dev-setup", dir.resolve("chain.r1cs").toString(),
            dir.resolve("chain.zkey").toString()}, ui);
    }
}
