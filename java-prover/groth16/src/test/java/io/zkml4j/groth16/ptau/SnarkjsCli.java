package io.zkml4j.groth16.ptau;

import io.zkml4j.testchain.NodeTools;
import io.zkml4j.testchain.ProcessResult;
import io.zkml4j.testchain.Snarkjs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** snarkjs commands the shared harness does not wrap (yet), run through its {@link NodeTools}. */
public final class SnarkjsCli {

    private final NodeTools tools;

    private SnarkjsCli(NodeTools tools) {
        this.tools = tools;
    }

    public static SnarkjsCli of(Snarkjs snarkjs) {
        return new SnarkjsCli(snarkjs.tools());
    }

    /** Runs snarkjs with the given arguments (whatever the exit code). */
    public ProcessResult exec(String... args) {
        return tools.exec(tools.testChainDir(), tools.packageFile(Snarkjs.CLI), List.of(args), Duration.ofMinutes(2));
    }

    /** {@code snarkjs powersoftau verify <ptau>}: its full result (exit code and log). */
    public ProcessResult powersOfTauVerify(Path ptau) {
        return exec("powersoftau", "verify", ptau.toAbsolutePath().toString());
    }
}
