package io.zkml4j.r1cs.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The circom-compiled fixtures under {@code src/test/resources/circom/} (see the README there),
 * shared with other modules' tests through this module's test-jar. Inside this module they are plain
 * files; from another module they are entries of the test-jar, so they are copied once per JVM to a
 * temporary directory and that copy's path is returned.
 */
public final class CircomFixtures {

    /** The circuits available: {@code multiplier} and {@code lessthan}. */
    public static final String MULTIPLIER = "multiplier";
    public static final String LESSTHAN = "lessthan";

    private static Path extracted;

    private CircomFixtures() {
    }

    /** {@code circom/<name>/<name>.<extension>}, e.g. {@code file(MULTIPLIER, "r1cs")}. */
    public static Path file(String name, String extension) {
        return resource(name + "/" + name + "." + extension);
    }

    /** {@code circom/<name>/<name>.r1cs}. */
    public static Path r1cs(String name) {
        return file(name, "r1cs");
    }

    /** {@code circom/<name>/<name>.wtns}. */
    public static Path wtns(String name) {
        return file(name, "wtns");
    }

    private static synchronized Path resource(String relative) {
        URL url = CircomFixtures.class.getResource("/circom/" + relative);
        if (url == null) {
            throw new IllegalStateException("Missing test resource circom/" + relative);
        }
        if ("file".equals(url.getProtocol())) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("Test resource circom/" + relative + " has a bad URL: " + url, e);
            }
        }
        try (InputStream in = url.openStream()) {
            if (extracted == null) {
                extracted = Files.createTempDirectory("zkml4j-circom-fixtures");
                extracted.toFile().deleteOnExit();
            }
            Path out = extracted.resolve(relative.replace('/', '_'));
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            out.toFile().deleteOnExit();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract test resource circom/" + relative + " from " + url, e);
        }
    }
}
