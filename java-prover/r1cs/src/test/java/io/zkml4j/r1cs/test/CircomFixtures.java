package io.zkml4j.r1cs.test;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The circom-compiled fixtures under {@code src/test/resources/circom/} (see the README there),
 * shared with other modules' tests through this module's test-jar.
 */
public final class CircomFixtures {

    /** The circuits available: {@code multiplier} and {@code lessthan}. */
    public static final String MULTIPLIER = "multiplier";
    public static final String LESSTHAN = "lessthan";

    private CircomFixtures() {
    }

    /** {@code circom/<name>/<name>.r1cs}. */
    public static Path r1cs(String name) {
        return resource(name + "/" + name + ".r1cs");
    }

    /** {@code circom/<name>/<name>.wtns}. */
    public static Path wtns(String name) {
        return resource(name + "/" + name + ".wtns");
    }

    private static Path resource(String relative) {
        URL url = CircomFixtures.class.getResource("/circom/" + relative);
        if (url == null) {
            throw new IllegalStateException("Missing test resource circom/" + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("Test resource circom/" + relative + " is not a file: " + url, e);
        }
    }
}
