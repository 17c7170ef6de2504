package io.zkml4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of the real launcher ({@code ./zkml4j}, system property {@code zkml4j.launcher}) as a user
 * types it: in a working directory of the test's choice, with extra environment variables, standard
 * input empty, and what it left.
 */
record LauncherRun(int exitCode, String out, String err) {

    /** The launcher, checked to be executable. */
    static Path launcher() {
        Path launcher = Path.of(System.getProperty("zkml4j.launcher", "../zkml4j")).toAbsolutePath().normalize();
        assertThat(launcher).as("the launcher (system property zkml4j.launcher)").isExecutable();
        return launcher;
    }

    /** Runs {@code launcher args...} in {@code dir}; fails the test if it takes over 90 s. */
    static LauncherRun of(Path launcher, Path dir, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Path out = Files.createTempFile("zkml4j-it", ".out");
        Path err = Files.createTempFile("zkml4j-it", ".err");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("zkml4j " + String.join(" ", args) + " did not finish in 90 s");
            }
            return new LauncherRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
    }
}
