package io.zkml4j.cli;

import static io.zkml4j.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code zkml4j chain}'s argument checks (no Node.js); running a node: {@code CliChainIT}. */
class ChainCommandTest {

    @Test
    void portsOutsideTheTcpRangeAreBadUsage() {
        for (String port : new String[] {"-1", "65536", "70000"}) {
            CliRun.Result r = run("chain", "--port", port);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).isEqualTo("zkml4j chain: --port " + port
                    + ": expected a TCP port between 1 and 65535 (0: a free one)\n");
            assertThat(r.out()).isEmpty();
        }
        CliRun.Result notANumber = run("chain", "--port", "http");
        assertThat(notANumber.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notANumber.err()).startsWith("Invalid value for option '--port'");
    }

    @Test
    void helpSaysTheKeysArePublic() {
        CliRun.Result r = run("chain", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("never use them on a real network").contains("--port");
    }
}
