package io.zkml4j.testchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running real node processes through {@link NodeTools}. */
class NodeToolsIT {

    @TempDir Path temp;

    private final NodeTools tools = NodeTools.locate();

    private static Path script(String name) throws URISyntaxException {
        return Path.of(NodeToolsIT.class.getResource("/scripts/" + name).toURI());
    }

    @Test
    void locatesThisRepositorysTestChainAndASupportedNode() {
        assertThat(tools.testChainDir().resolve("package-lock.json")).isRegularFile();
        assertThat(tools.packageFile(Snarkjs.CLI)).isRegularFile();
        assertThat(tools.packageFile(Circom.CLI)).isRegularFile();
        int major = Integer.parseInt(tools.nodeVersion().split("\\.")[0]);
        assertThat(major).isGreaterThanOrEqualTo(NodeTools.MIN_NODE_MAJOR);
    }

    @Test
    void execReturnsExitCodeAndBothStreams() throws Exception {
        ProcessResult result = tools.exec(temp, script("fail.js"), List.of("3", "hello"), Duration.ofSeconds(30));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("to stdout: hello\n");
        assertThat(result.stderr()).isEqualTo("to stderr: something went wrong\n");
    }

    @Test
    void runThrowsWithTheCommandAndStderrOnNonZeroExit() throws Exception {
        Path fail = script("fail.js");

        assertThatThrownBy(() -> tools.run(temp, fail, List.of("2", "with space"), Duration.ofSeconds(30)))
                .isInstanceOf(NodeProcessException.class)
                .hasMessageContaining("exited with status 2")
                .hasMessageContaining(tools.node() + " " + fail + " 2 'with space'")
                .hasMessageContaining("to stderr: something went wrong");
    }

    @Test
    void runReturnsOnSuccess() throws Exception {
        ProcessResult result = tools.run(temp, script("fail.js"), List.of("0"), Duration.ofSeconds(30));

        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void timeoutKillsTheProcessAndItsChildren() throws Exception {
        Path hang = script("hang.js");

        NodeProcessException e =
                assertThrows(
                        NodeProcessException.class,
                        () -> tools.run(temp, hang, List.of(), Duration.ofSeconds(3)));

        assertThat(e).hasMessageContaining("timed out after 3.0 s").hasMessageContaining(hang.toString());
        String stdout = e.result().stdout();
        assertThat(stdout).startsWith("child ");
        long childPid = Long.parseLong(stdout.substring("child ".length()).strip());
        // The grandchild is reaped by init once killed; give that a moment before asking.
        ProcessHandle.of(childPid).ifPresent(h -> h.onExit().orTimeout(5, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(childPid).filter(ProcessHandle::isAlive)).isEmpty();
    }
}
