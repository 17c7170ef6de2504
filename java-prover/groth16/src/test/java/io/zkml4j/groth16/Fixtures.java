package io.zkml4j.groth16;

import io.zkml4j.r1cs.test.CircomFixtures;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The snarkjs-made files under {@code src/test/resources/fixtures/} (see the README there), and the
 * circom fixtures of the r1cs test-jar.
 */
public final class Fixtures {

    public static final String MULTIPLIER = "multiplier";
    public static final String LESSTHAN = "lessthan";

    private Fixtures() {
    }

    /** {@code fixtures/multiplier/<file>}. */
    public static Path multiplier(String file) {
        URL url = Fixtures.class.getResource("/fixtures/multiplier/" + file);
        if (url == null) {
            throw new IllegalStateException("Missing test resource fixtures/multiplier/" + file);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code circom/<name>/<name>.<ext>} from the r1cs test-jar (a file path even inside a jar). */
    public static Path circom(String name, String ext) {
        return CircomFixtures.file(name, ext);
    }
}
