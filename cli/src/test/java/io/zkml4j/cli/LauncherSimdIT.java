package io.zkml4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's choice of the Vector API kernels for proving ({@code ZKML4J_SIMD}): {@code auto} (also
 * when unset or empty) turns them on for {@code groth16 prove} with a key of at least 256 MiB on a CPU
 * with AVX-512, {@code 1} always, {@code 0} never. Seen from outside as the JVM's "Using incubator
 * modules" warning. The keys are sparse files that are no zkeys, so every run ends at once with exit
 * 2 naming the key; no start-up cache is recorded ({@code ZKML4J_AOT=0}).
 */
@Timeout(120)
class LauncherSimdIT {

    private static final String WARNING = "Using incubator modules: jdk.incubator.vector";
    private static final long LARGE = 256L << 20;

    private static Path launcher;

    @TempDir
    Path dir;

    @BeforeAll
    static void locate() {
        launcher = LauncherRun.launcher();
    }

    @Test
    void autoRunsTheLanesForKeysOfAtLeast256MiBOnAvx512Cpus() throws Exception {
        Path large = sparse("large.zkey", LARGE);
        Path small = sparse("small.zkey", LARGE - 1);
        boolean avx512 = cpuHasAvx512dq();
        for (String auto : new String[] {"", "auto"}) {
            assertThat(lanes(prove(auto, large), "large.zkey")).as("ZKML4J_SIMD='%s', 256 MiB key", auto)
                    .isEqualTo(avx512);
            assertThat(lanes(prove(auto, small), "small.zkey")).as("ZKML4J_SIMD='%s', smaller key", auto)
                    .isFalse();
        }
    }

    @Test
    void oneAndZeroForceTheChoice() throws Exception {
        Path large = sparse("large.zkey", LARGE);
        Path small = sparse("small.zkey", 1024);
        assertThat(lanes(prove("1", small), "small.zkey")).isTrue();
        assertThat(lanes(prove("0", large), "large.zkey")).isFalse();
    }

    private LauncherRun prove(String simd, Path key) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("w.wtns"), "not a witness");
        return LauncherRun.of(launcher, dir, Map.of("ZKML4J_SIMD", simd, "ZKML4J_AOT", "0", "ZKML4J_NO_BUILD", "1"),
                "groth16", "prove", key.getFileName().toString(), "w.wtns", "proof.json", "public.json");
    }

    /** Whether the run had the Vector API module; also checks it failed as bad input naming the key. */
    private static boolean lanes(LauncherRun run, String key) {
        assertThat(run.exitCode()).as("%s", run).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).as("%s", run).contains(key);
        return run.err().contains(WARNING);
    }

    private Path sparse(String name, long bytes) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return file;
    }

    private static boolean cpuHasAvx512dq() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        return Files.isReadable(cpuinfo)
                && Pattern.compile("\\bavx512dq\\b").matcher(Files.readString(cpuinfo)).find();
    }
}
